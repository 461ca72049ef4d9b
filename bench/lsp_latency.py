#!/usr/bin/env python3
"""planc lsp's latency, for bench/run: from a one-character change to the diagnostics it publishes.

    bench/lsp_latency.py PLANC PLAN [N]

Starts `PLANC lsp`, initializes, opens PLAN (its text as the buffer), waits for its first diagnostics,
then N times (default 20) sends a one-character incremental didChange (a space typed at the end of the
first line, then deleted, alternately, so the plan stays as it was) and measures the time until the
textDocument/publishDiagnostics for PLAN at that version arrives.  Prints "BEST_MS MEDIAN_MS
DIAGNOSTICS" (the number of diagnostics in the last publication), then shuts the server down."""
import json
import os
import pathlib
import statistics
import subprocess
import sys
import time


def send(proc, msg):
    body = json.dumps(msg).encode()
    proc.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
    proc.stdin.flush()


def receive(proc):
    length = None
    while True:
        line = proc.stdout.readline()
        if not line:
            raise SystemExit("planc lsp closed its output")
        line = line.strip()
        if not line:
            break
        name, _, value = line.partition(b":")
        if name.lower() == b"content-length":
            length = int(value)
    return json.loads(proc.stdout.read(length))


def wait_for(proc, pred):
    while True:
        msg = receive(proc)
        if pred(msg):
            return msg


def diagnostics_of(uri, version):
    return lambda m: (m.get("method") == "textDocument/publishDiagnostics" and m["params"]["uri"] == uri
                      and m["params"].get("version") == version)


def main():
    planc, plan = sys.argv[1], sys.argv[2]
    n = int(sys.argv[3]) if len(sys.argv) > 3 else 20
    path = pathlib.Path(plan).resolve()
    uri = path.as_uri()
    text = path.read_text(encoding="utf-8")
    first_line = text.split("\n", 1)[0]
    end = len(first_line.encode("utf-16-le")) // 2
    proc = subprocess.Popen([planc, "lsp"], stdin=subprocess.PIPE, stdout=subprocess.PIPE)
    send(proc, {"jsonrpc": "2.0", "id": 1, "method": "initialize",
                "params": {"processId": os.getpid(), "rootUri": path.parent.as_uri(), "capabilities": {}}})
    wait_for(proc, lambda m: m.get("id") == 1)
    send(proc, {"jsonrpc": "2.0", "method": "initialized", "params": {}})
    send(proc, {"jsonrpc": "2.0", "method": "textDocument/didOpen",
                "params": {"textDocument": {"uri": uri, "languageId": "plan", "version": 1, "text": text}}})
    wait_for(proc, diagnostics_of(uri, 1))
    times = []
    last = None
    for version in range(2, n + 2):
        typed = version % 2 == 0
        at = {"line": 0, "character": end}
        change = {"range": {"start": at, "end": at}, "text": " "} if typed else \
            {"range": {"start": at, "end": {"line": 0, "character": end + 1}}, "text": ""}
        t0 = time.perf_counter()
        send(proc, {"jsonrpc": "2.0", "method": "textDocument/didChange",
                    "params": {"textDocument": {"uri": uri, "version": version}, "contentChanges": [change]}})
        last = wait_for(proc, diagnostics_of(uri, version))
        times.append((time.perf_counter() - t0) * 1000)
    send(proc, {"jsonrpc": "2.0", "id": 2, "method": "shutdown"})
    wait_for(proc, lambda m: m.get("id") == 2)
    send(proc, {"jsonrpc": "2.0", "method": "exit"})
    proc.stdin.close()
    proc.wait(timeout=30)
    print("%.2f %.2f %d" % (min(times), statistics.median(times), len(last["params"]["diagnostics"])))


if __name__ == "__main__":
    main()

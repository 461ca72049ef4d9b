#!/usr/bin/env python3
"""Drives `planc lsp` through a scripted session, for tests/lsp.sh.

    tests/lsp_session.py PLANC SESSION [ARGS...]

SESSION holds one item a line: a JSON message (framed and sent), "raw: " and a Python bytes literal
(sent as it is: malformed headers), "py: " and a Python expression making a message (long texts), or
a comment (#).  In messages, $DIR stands for the session file's directory and $URI for its file://
URI.  The whole session is written at once, then standard input is closed.  Printed: every message
the server wrote, one a line with sorted keys, with the directory and the docs' location normalised,
then what it left on standard error and its exit status."""
import json
import os
import pathlib
import subprocess
import sys
import urllib.parse


def frame(body):
    return b"Content-Length: %d\r\n\r\n" % len(body) + body


def session_bytes(path, directory, uri):
    out = []
    for line in open(path, encoding="utf-8"):
        line = line.rstrip("\n")
        if not line.strip() or line.startswith("#"):
            continue
        if line.startswith("raw: "):
            out.append(eval(line[5:], {}))
            continue
        if line.startswith("py: "):
            msg = eval(line[4:], {"DIR": directory, "URI": uri})
            out.append(frame(json.dumps(msg).encode()))
            continue
        text = line.replace("$URI", uri).replace("$DIR", directory)
        json.loads(text)  # the session itself must be valid
        out.append(frame(text.encode()))
    return b"".join(out)


def read_messages(data):
    """The bodies of the framed messages in data; a framing mistake is printed as such."""
    msgs = []
    while data:
        head, sep, rest = data.partition(b"\r\n\r\n")
        if not sep or not head.startswith(b"Content-Length: "):
            msgs.append("UNFRAMED: %r" % data[:80])
            break
        n = int(head.split(b":")[1])
        msgs.append(rest[:n])
        data = rest[n:]
    return msgs


def main():
    planc, session = sys.argv[1], sys.argv[2]
    directory = str(pathlib.Path(session).resolve().parent)
    uri = "file://" + urllib.parse.quote(directory)
    docs = str(pathlib.Path(__file__).resolve().parent.parent / "docs")
    docs_uri = "file://" + urllib.parse.quote(docs)
    proc = subprocess.run([planc, "lsp"] + sys.argv[3:], input=session_bytes(session, directory, uri),
                          capture_output=True, timeout=60)
    for body in read_messages(proc.stdout):
        if isinstance(body, str):
            print(body)
            continue
        text = json.dumps(json.loads(body), sort_keys=True, ensure_ascii=False)
        print(text.replace(docs_uri, "$DOCS").replace(uri, "$URI").replace(directory, "$DIR"))
    if proc.stderr:
        print("stderr:", proc.stderr.decode(errors="replace").rstrip())
    print("exit:", proc.returncode)


if __name__ == "__main__":
    main()

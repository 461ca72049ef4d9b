# planc lsp's editing requests (issue 17), sourced by tests/run.sh after tests/lsp.sh (whose sessions
# include completion, formatting and code actions: tests/lsp/complete-*, format, actions): the
# formatting edit, applied to the buffer, must give exactly what `planc fmt` writes for the file.
if command -v python3 >/dev/null; then
    mkdir -p "$OUT/lsp"
    python3 - "$PLANC" tests/lsp/files/messy.plan >"$OUT/lsp/format-applied.out" 2>&1 <<'PY'
import json, subprocess, sys
planc, path = sys.argv[1], sys.argv[2]
text = open(path, encoding="utf-8").read()
uri = "file:///lsp-edit-test/messy.plan"   # not on disk: the buffer is all there is
msgs = [{"jsonrpc": "2.0", "id": 1, "method": "initialize", "params": {"capabilities": {}}},
        {"jsonrpc": "2.0", "method": "textDocument/didOpen",
         "params": {"textDocument": {"uri": uri, "languageId": "plan", "version": 1, "text": text}}},
        {"jsonrpc": "2.0", "id": 2, "method": "textDocument/formatting",
         "params": {"textDocument": {"uri": uri}, "options": {"tabSize": 4, "insertSpaces": True}}},
        {"jsonrpc": "2.0", "id": 3, "method": "shutdown"}, {"jsonrpc": "2.0", "method": "exit"}]
data = b"".join(b"Content-Length: %d\r\n\r\n" % len(b) + b for b in (json.dumps(m).encode() for m in msgs))
out = subprocess.run([planc, "lsp"], input=data, capture_output=True, timeout=60).stdout
edits = None
while out:
    head, _, rest = out.partition(b"\r\n\r\n")
    n = int(head.split(b":")[1])
    msg = json.loads(rest[:n])
    out = rest[n:]
    if msg.get("id") == 2:
        edits = msg["result"]
lines = text.split("\n")   # the file is ASCII: UTF-16 positions are byte columns
def offset(pos):
    return sum(len(l) + 1 for l in lines[:pos["line"]]) + pos["character"]
for e in sorted(edits, key=lambda e: offset(e["range"]["start"]), reverse=True):
    text = text[:offset(e["range"]["start"])] + e["newText"] + text[offset(e["range"]["end"]):]
want = subprocess.run([planc, "fmt", path], capture_output=True, text=True).stdout
print("same" if text == want and len(edits) == 1 else "differs: %d edits\n%s" % (len(edits), text))
PY
    [ "$(cat "$OUT/lsp/format-applied.out")" = same ] && ok "lsp: formatting's edit gives planc fmt's output" ||
        bad "lsp: formatting's edit gives planc fmt's output" "$(head -5 "$OUT/lsp/format-applied.out")"
else
    bad "lsp: python3 drives the formatting test" "python3 is not installed"
fi

# Headless Neovim (run by tests/lsp.sh with tests/lsp_nvim.lua) asked for completion after `measures`
# in its plan, whose one outcome is `o`.
if command -v nvim >/dev/null && [ -f "$OUT/lsp/nvim.out" ]; then
    grep -qx 'completion: o' "$OUT/lsp/nvim.out" && ok "lsp: Neovim completes an outcome after measures" ||
        bad "lsp: Neovim completes an outcome after measures" "$(grep -v '^diagnostic' "$OUT/lsp/nvim.out" | head -5)"
fi

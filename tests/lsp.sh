# planc lsp (issue 17), sourced by tests/run.sh (which defines ok, bad, $PLANC, $OUT, $UPDATE): scripted
# sessions driven by tests/lsp_session.py, each tests/lsp/NAME.session with its responses (normalised)
# in tests/lsp/NAME.expected; then a real client, headless Neovim, with editors/nvim's configuration.
LSPOUT=$OUT/lsp
mkdir -p "$LSPOUT"
if ! command -v python3 >/dev/null; then
    bad "lsp: python3 drives the sessions" "python3 is not installed"
else
    for session in tests/lsp/*.session; do
        name=$(basename "$session" .session)
        expected=${session%.session}.expected
        python3 tests/lsp_session.py "$PLANC" "$session" >"$LSPOUT/$name.actual" 2>&1
        [ "$UPDATE" = 1 ] && cp "$LSPOUT/$name.actual" "$expected"
        if cmp -s "$LSPOUT/$name.actual" "$expected"; then
            ok "lsp: session $name"
        else
            bad "lsp: session $name" "output differs from $expected"
            diff -u "$expected" "$LSPOUT/$name.actual" | cut -c1-300 | head -20
        fi
    done
fi

# planc lsp takes no file arguments
"$PLANC" lsp x.plan >"$LSPOUT/args.out" 2>&1
[ $? = 2 ] && ok "lsp: refuses arguments" || bad "lsp: refuses arguments" "$(head -2 "$LSPOUT/args.out")"

# Headless Neovim, configured as editors/nvim/planc.lua tells users, opens a plan with a mistake and
# must receive planc's diagnostic at its line and column.
if command -v nvim >/dev/null; then
    cp tests/lsp/files/main.plan tests/lsp/files/part.plan "$LSPOUT/"
    sed 's/measures o$/measures oo/' tests/lsp/files/main.plan >"$LSPOUT/main.plan"
    PLANC_LSP_CMD=$(realpath "$PLANC") HOME=$LSPOUT XDG_CONFIG_HOME=$LSPOUT XDG_DATA_HOME=$LSPOUT XDG_STATE_HOME=$LSPOUT \
        timeout 60 nvim --headless -i NONE -n -u editors/nvim/planc.lua -c "luafile tests/lsp_nvim.lua" \
        "$LSPOUT/main.plan" >"$LSPOUT/nvim.out" 2>&1
    grep -q '^diagnostic: 12:22 E012 unknown outcome .oo.; did you mean .o.?$' "$LSPOUT/nvim.out" &&
        ok "lsp: Neovim shows the diagnostic" || bad "lsp: Neovim shows the diagnostic" "$(head -5 "$LSPOUT/nvim.out")"
    # then hover on the indicator (its rating scheme is in the included part.plan) and definition
    grep -q '^hover: \*\*indicator\*\* S/1 share — Share of residents satisfied$' "$LSPOUT/nvim.out" &&
        grep -q '^hover: - \*\*Rating scheme:\*\* rag3 — Red / Amber / Green$' "$LSPOUT/nvim.out" &&
        ok "lsp: Neovim shows the hover" || bad "lsp: Neovim shows the hover" "$(grep hover "$LSPOUT/nvim.out" | head -5)"
    grep -q '^definition: main.plan 10:17$' "$LSPOUT/nvim.out" &&
        ok "lsp: Neovim goes to the definition" || bad "lsp: Neovim goes to the definition" "$(grep -v hover "$LSPOUT/nvim.out" | head -5)"
else
    echo "SKIP lsp: Neovim is not installed (Debian: neovim); the end-to-end test did not run"
fi

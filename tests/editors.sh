# The editors' clients of planc lsp (issue 17), sourced by tests/run.sh (which defines ok, bad, $PLANC,
# $OUT): the protocol through the library VS Code's client is built on, the VS Code extension's
# activate() under a stub `vscode`, `make vsix` and what the .vsix holds, the installed planc linking
# codeDescription to the installed docs, and (when $PLANC_VIM_LSP names a checkout of yegappan/lsp)
# Vim 9 with editors/vim/planc-lsp.vim.  The node tests need editors/vscode/node_modules (make deps).
EDOUT=$OUT/editors
rm -rf "$EDOUT"
mkdir -p "$EDOUT"
if ! command -v node >/dev/null || ! command -v npm >/dev/null; then
    echo "SKIP editors: node and npm are not installed (Debian: nodejs, npm); the VS Code tests did not run"
elif [ ! -d editors/vscode/node_modules/vscode-languageclient ] || [ ! -x editors/vscode/node_modules/.bin/vsce ]; then
    echo "SKIP editors: editors/vscode/node_modules is missing (run make deps); the VS Code tests did not run"
else
    # (1) initialize, a diagnostic's range, code, codeDescription and message, shutdown, exit 0
    if timeout 60 node tests/editors/protocol.js "$PLANC" docs >"$EDOUT/protocol.out" 2>&1; then
        ok "editors: planc lsp through vscode-languageserver-protocol"
    else
        bad "editors: planc lsp through vscode-languageserver-protocol" "$(grep -m3 -v '^ok:' "$EDOUT/protocol.out")"
    fi
    # (2) the extension starts a LanguageClient running `planc lsp` with planc.path and planc.includeDirs
    if timeout 60 node tests/editors/activate.js "$(realpath "$PLANC")" >"$EDOUT/activate.out" 2>&1; then
        ok "editors: the VS Code extension's activate() starts planc lsp"
    else
        bad "editors: the VS Code extension's activate() starts planc lsp" "$(grep -m3 -v '^ok:' "$EDOUT/activate.out")"
    fi
    # (3) make vsix: the extension, its grammar and its client library, and no tests
    if env -u CC make -s vsix VSIX_OUT="$EDOUT/planc.vsix" >"$EDOUT/vsix.log" 2>&1 &&
        unzip -Z1 "$EDOUT/planc.vsix" >"$EDOUT/vsix.list" 2>>"$EDOUT/vsix.log"; then
        missing=
        for f in extension/extension.js extension/package.json extension/syntaxes/plan.tmLanguage.json \
            extension/language-configuration.json extension/node_modules/vscode-languageclient/package.json \
            extension/node_modules/vscode-languageclient/lib/node/main.js; do
            grep -qxF "$f" "$EDOUT/vsix.list" || missing="$missing $f"
        done
        extra=$(grep -E '/tests?/|\.vsix$|node_modules/@vscode/vsce/' "$EDOUT/vsix.list" | head -3)
        [ -z "$missing$extra" ] && ok "editors: make vsix packages the extension" ||
            bad "editors: make vsix packages the extension" "missing:$missing; not wanted: $extra"
    else
        bad "editors: make vsix" "$(tail -3 "$EDOUT/vsix.log")"
    fi
    # an installed planc links codeDescription to the installed docs (share/doc/planc), not the build tree
    P="$(pwd)/$EDOUT/prefix"
    if env -u CC make -s install PREFIX="$P" >"$EDOUT/install.log" 2>&1 &&
        timeout 60 node tests/editors/protocol.js "$P/bin/planc" "$P/share/doc/planc" >"$EDOUT/installed.out" 2>&1; then
        ok "editors: an installed planc lsp links to the installed docs"
    else
        bad "editors: an installed planc lsp links to the installed docs" "$(grep -m3 -v '^ok:' "$EDOUT/installed.out" "$EDOUT/install.log" 2>/dev/null)"
    fi
    rm -rf "$P"
    # the lock file pins every package `npm ci` installs (lock_complete: tests/help.sh)
    if command -v lock_complete >/dev/null; then
        msg=$(lock_complete editors/vscode/package-lock.json 2>&1) && ok "editors: editors/vscode/package-lock.json carries every dependency" ||
            bad "editors: editors/vscode/package-lock.json carries every dependency" "$msg"
    fi
fi

# Vim 9 has no LSP client: with yegappan/lsp (a checkout named by $PLANC_VIM_LSP) installed as
# docs/editors.md says, editors/vim/planc-lsp.vim must show planc's diagnostic at its line and column.
if [ -n "${PLANC_VIM_LSP:-}" ] && [ -f "$PLANC_VIM_LSP/plugin/lsp.vim" ] && command -v vim >/dev/null; then
    V=$(pwd)/$EDOUT/vim
    mkdir -p "$V/.vim/pack/downloads/opt" "$V/.vim/after/plugin"
    ln -s "$(realpath "$PLANC_VIM_LSP")" "$V/.vim/pack/downloads/opt/lsp"
    cp -r editors/vim/ftdetect editors/vim/syntax "$V/.vim/"
    cp editors/vim/planc-lsp.vim "$V/.vim/after/plugin/"
    printf 'packadd lsp\nfiletype on\nsyntax on\n' >"$V/.vimrc"
    cp tests/lsp/files/part.plan "$V/"
    sed 's/measures o$/measures oo/' tests/lsp/files/main.plan >"$V/main.plan"
    # Vim without a terminal wants an input that stays open and silent: a FIFO it holds open itself
    mkfifo "$V/input"
    (cd "$V" && exec 9<>"$V/input" && HOME=$V VIM_CHECK_OUT=$V/vim.out PLANC_LSP_CMD=$(realpath "$OLDPWD/$PLANC") \
        timeout 30 vim -N -i NONE -n --not-a-term -c "source $OLDPWD/tests/editors/vim_check.vim" main.plan <&9 >/dev/null 2>&1)
    grep -q "^diagnostic: 12:22 unknown outcome 'oo'; did you mean 'o'?$" "$V/vim.out" 2>/dev/null &&
        ok "editors: Vim (yegappan/lsp) shows the diagnostic" || bad "editors: Vim (yegappan/lsp) shows the diagnostic" "$(head -3 "$V/vim.out" 2>&1)"
else
    echo "SKIP editors: Vim with yegappan/lsp (set PLANC_VIM_LSP to a checkout of it to run that test)"
fi

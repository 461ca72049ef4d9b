# The shape of the source (sourced by tests/run.sh): no function over 150 lines but the formatter's
# flat statement table, and every source file opening with a comment that says what it is for.

# --- functions: tests/long_functions.sh lists those over 150 lines (ctags, from make deps) ---
if ! command -v ctags >/dev/null; then
    bad "structure: no function over 150 lines" "ctags is missing: run make deps"
else
    # statement() in format.c is a switch with a case per kind of statement, each a few lines
    long=$(tests/long_functions.sh 150 | grep -v ' statement compiler/format.c:')
    if [ -z "$long" ]; then
        ok "structure: no function over 150 lines"
    else
        bad "structure: no function over 150 lines" "$(echo "$long" | head -5 | tr '\n' ';')"
    fi
fi

# --- each C, header, flex and bison file opens with a comment ---
missing=""
for f in compiler/*.[ch] compiler/lsp/*.[ch] compiler/sql/*.[ch] runtime/*.[ch] runtime/report/*.[ch] runtime/xlsx/*.[ch] grammar/lexer.l grammar/parser.y tests/unit/*.c tests/fuzz/*.c bench/*.c; do
    [ -f "$f" ] || continue
    case $(head -c 2 "$f") in
    "/*") ;;
    *) missing="$missing $f" ;;
    esac
done
if [ -z "$missing" ]; then
    ok "structure: every source file opens with what it is for"
else
    bad "structure: every source file opens with what it is for" "$missing"
fi

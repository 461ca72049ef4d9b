# Help that lists everything (issue 16), sourced by tests/run.sh (which defines ok, bad, $PLANC, $OUT).
# For every command planc --help lists, and for an evaluator planc build made, the options the command
# parses (its option table, printed by the undocumented --list-options: "--NAME -X flag|value CHOICES")
# are held to (a) its --help, every value of every option with a fixed set of them included, (b) what
# the bash completion offers for it, options and values, and (c) its entry in man/planc.1, both ways.
# An option or a value added to a table and not to all three fails here.  Then: the commands agree in
# planc --help, the completion and the man page; the npm lockfiles carry every platform's package.
HLP=$OUT/help
mkdir -p "$HLP"

# The commands of planc --help: "  check FILE...   parse and check ..."
"$PLANC" --help | awk '/^Commands:/ { on = 1; next } /^$/ { on = 0 } on { print $1 }' >"$HLP/commands"

# help_entries: planc's --help on stdin, one line an option: its names ("-o --output"), a tab, and its
# whole entry (label and help, continuation lines joined).  An entry starts at most six spaces in
# ("  -o, --output=FILE", "      --werror"); its continuation lines are indented further.
help_entries() {
    awk '/^Options:/ { on = 1; next } /^$/ { on = 0 }
        function flush() { if (names != "") print names "\t" text; names = ""; text = "" }
        on && /^  (    )?-/ {
            flush()
            label = $0; sub(/^ +/, "", label); sub(/  .*/, "", label)
            n = split(label, parts, ", ")
            for (i = 1; i <= n; i++) { w = parts[i]; sub(/[= ].*/, "", w); names = names (names == "" ? "" : " ") w }
            text = $0; next }
        on { text = text " " $0 }
        END { flush() }'
}

# man_items CMD: the option items of CMD's entry under COMMANDS in man/planc.1, one line each: the
# options its label names, a tab, the label and text (font macros and \- as plain text).
man_items() {
    sed 's/\\-/-/g' man/planc.1 | awk -v cmd="$1" '
        function flush() { if (label != "") print names "\t" label " " text; label = ""; text = "" }
        /^\.SH COMMANDS/ { in_cmds = 1; next } /^\.SH/ { in_cmds = 0 }
        !in_cmds { next }
        /^\.RS/ { depth++; next }
        /^\.RE/ { if (item) flush(); depth--; next }
        depth == 0 && prev == ".TP" { item = ($1 == ".B" && $2 == cmd) }
        item && depth == 1 && prev == ".TP" {
            flush(); label = $0; names = ""; s = " " $0
            while (match(s, /[^-a-zA-Z]--?[a-zA-Z][-a-zA-Z]*/)) {
                names = names (names == "" ? "" : " ") substr(s, RSTART + 1, RLENGTH - 1); s = substr(s, RSTART + RLENGTH) }
        }
        item && depth == 1 && $0 != ".TP" && prev != ".TP" { text = text " " $0 }
        { prev = $0 }'
}

# man_entry CMD: the whole text of CMD's entry under COMMANDS (for the evaluator, named in build's)
man_entry() {
    sed 's/\\-/-/g' man/planc.1 | awk -v cmd="$1" '
        /^\.SH COMMANDS/ { in_cmds = 1; next } /^\.SH/ { in_cmds = 0 }
        in_cmds && /^\.RS/ { depth++ } in_cmds && /^\.RE/ { depth-- }
        in_cmds && depth == 0 && prev == ".TP" { item = ($1 == ".B" && $2 == cmd) }
        in_cmds && item { print } { prev = $0 }'
}

# completion WORD...: what the bash completion offers on the command line WORD... (the last word is
# the one being completed)
completion() {
    bash -c 'source editors/bash-completion/planc; COMP_WORDS=("$@"); COMP_CWORD=$(($# - 1)); _planc
             echo "${COMPREPLY[*]}"' _ "$@" 2>/dev/null
}
# completions: the same for many command lines in one shell, one a line on stdin (words separated by
# spaces, "@" for an empty word), one answer a line
completions() {
    bash -c 'source editors/bash-completion/planc
             while read -r -a w; do
                 COMP_WORDS=("${w[@]/#@/}"); COMP_CWORD=$((${#w[@]} - 1)); COMPREPLY=(); _planc
                 echo "${COMPREPLY[*]}"
             done' 2>/dev/null
}

has_word() { # has_word WORD TEXT: WORD stands alone in TEXT (not inside a longer word or option)
    local re="(^|[^-a-zA-Z0-9])$1([^-a-zA-Z0-9]|\$)"
    [[ $2 =~ $re ]]
}

# check_entries WHAT LIST ENTRIES: each option of LIST (--list-options) has a line in ENTRIES (names,
# a tab, text: help_entries or man_items) naming it, whose text gives every one of its values.
# Prints the problems.
check_entries() {
    local long short kind choices o c
    declare -A entry=()
    local names text n
    while IFS=$'\t' read -r names text; do
        for n in $names; do entry[$n]=$text; done
    done <"$3"
    while read -r long short kind choices; do
        for o in $long $short; do
            [ "$o" = - ] && continue
            if [ -z "${entry[$o]:-}" ]; then
                printf ' %s missing;' "$o"
                continue
            fi
            for c in $choices; do
                has_word "$c" "${entry[$o]}" || printf " %s lacks '%s';" "$o" "$c"
            done
        done
    done <"$2"
}

# check_help NAME LIST HELP: each option of LIST has an entry in HELP (its --help output) naming it,
# with every one of its values
check_help() {
    local name=$1 list=$2 problems
    help_entries <"$3" >"$HLP/$name.help_entries"
    problems=$(check_entries "$name" "$list" "$HLP/$name.help_entries")
    [ -s "$list" ] && [ -z "$problems" ] && ok "help: --help of $name lists every option and value" ||
        bad "help: --help of $name lists every option and value" "${problems:-no options listed}"
}

# check_completion CMD LIST: the completion offers exactly the options of LIST (and --help) after a
# dash, and exactly each option's values after it, also as --option=value
check_completion() {
    local cmd=$1 list=$2 problems="" want offered query expected i=0 answers
    want=$(awk '{ if ($1 != "-") print $1; if ($2 != "-") print $2 } END { print "--help" }' "$list" | sort)
    # one query a line: the options after a dash, then each option with values, alone and (a long
    # one) followed by "="
    awk -v cmd="$cmd" 'NR == 1 { print "planc " cmd " x.plan -\t" } $4 != "" {
            v = $4; for (i = 5; i <= NF; i++) v = v " " $i
            for (k = 1; k <= 2; k++) if ($k != "-") {
                print "planc " cmd " x.plan " $k " @\t" v
                if (k == 1) print "planc " cmd " x.plan " $k " = @\t" v } }' "$list" >"$HLP/$cmd.comp_queries"
    mapfile -t answers < <(cut -f1 "$HLP/$cmd.comp_queries" | completions)
    offered=$(echo "${answers[0]:-}" | tr ' ' '\n' | sort)
    [ "$offered" = "$want" ] ||
        problems="options differ (< table, > completion): $(diff <(echo "$want") <(echo "$offered") | grep '^[<>]' | tr '\n' ' ');"
    i=1
    while IFS=$'\t' read -r query expected; do
        offered=${answers[i]:-}
        i=$((i + 1))
        [ "$offered" = "$expected" ] || problems="$problems '${query% @}' offers '$offered', not '$expected';"
    done < <(tail -n +2 "$HLP/$cmd.comp_queries")
    [ -z "$problems" ] && ok "help: bash completion of $cmd offers every option and value" ||
        bad "help: bash completion of $cmd offers every option and value" "$problems"
}

# check_man CMD LIST: every option of LIST is named by an item of CMD's man entry, whose text gives
# each of its values; and the entry names no option the command does not take
check_man() {
    local cmd=$1 list=$2 problems o
    man_items "$cmd" >"$HLP/$cmd.man_items"
    problems=$(check_entries "$cmd" "$list" "$HLP/$cmd.man_items")
    local taken=" $(awk '{ printf "%s %s ", $1, $2 }' "$list")"
    for o in $(cut -f1 "$HLP/$cmd.man_items"); do
        [[ $taken == *" $o "* ]] || problems="$problems $o is not an option of $cmd;"
    done
    [ -s "$HLP/$cmd.man_items" ] && [ -z "$problems" ] && ok "help: man page entry of $cmd lists every option and value" ||
        bad "help: man page entry of $cmd lists every option and value" "${problems:-no items}"
}

for cmd in $(cat "$HLP/commands"); do
    if ! "$PLANC" $cmd --list-options >"$HLP/$cmd.options" 2>&1 || [ ! -s "$HLP/$cmd.options" ]; then
        bad "help: planc $cmd --list-options" "$(head -2 "$HLP/$cmd.options")"
        continue
    fi
    "$PLANC" $cmd --help >"$HLP/$cmd.help" 2>&1
    check_help "$cmd" "$HLP/$cmd.options" "$HLP/$cmd.help"
    check_completion "$cmd" "$HLP/$cmd.options"
    check_man "$cmd" "$HLP/$cmd.options"
done

# The evaluator: its table is planc eval's without --include-dir (so eval's completion and man items
# cover it); its --help lists every option and value; build's man entry names each of its options.
if "$PLANC" build tests/eval/small.plan -o "$HLP/small_eval" >"$HLP/build.log" 2>&1 &&
    "$HLP/small_eval" --list-options >"$HLP/evaluator.options" 2>&1; then
    grep -v '^--include-dir ' "$HLP/eval.options" | cmp -s - "$HLP/evaluator.options" &&
        ok "help: the evaluator takes planc eval's options but --include-dir" ||
        bad "help: the evaluator takes planc eval's options but --include-dir" "$(grep -v '^--include-dir ' "$HLP/eval.options" | diff - "$HLP/evaluator.options" | grep '^[<>]' | tr '\n' ' ')"
    "$HLP/small_eval" --help >"$HLP/evaluator.help" 2>&1
    check_help evaluator "$HLP/evaluator.options" "$HLP/evaluator.help"
    man_entry build | sed 's/\\-/-/g' >"$HLP/build.man"
    missing=""
    for o in $(awk '{ if ($1 != "-") print $1; if ($2 != "-") print $2 }' "$HLP/evaluator.options"); do
        has_word "$o" "$(cat "$HLP/build.man")" || missing="$missing $o"
    done
    [ -z "$missing" ] && ok "help: man page entry of build names every option of the evaluator" ||
        bad "help: man page entry of build names every option of the evaluator" "missing:$missing"
else
    bad "help: build an evaluator and list its options" "$(head -3 "$HLP/build.log" "$HLP/evaluator.options" 2>/dev/null)"
fi

# --list-options is for tests: --help does not mention it, and it takes no value
! grep -q 'list-options' "$HLP/eval.help" && ok "help: --list-options stays out of --help" ||
    bad "help: --list-options stays out of --help"
"$PLANC" eval --list-options=x >"$HLP/lo.out" 2>&1
[ $? = 2 ] && grep -q "unknown option '--list-options'" "$HLP/lo.out" && ok "help: --list-options=x is refused" ||
    bad "help: --list-options=x is refused" "$(head -1 "$HLP/lo.out")"

# The commands: planc --help's, the completion's and the man page's are the same
want=$(sort "$HLP/commands")
offered=$(completion planc "" | tr ' ' '\n' | grep -v '^--' | sort)
[ -n "$want" ] && [ "$offered" = "$want" ] && ok "help: bash completion offers every command" ||
    bad "help: bash completion offers every command" "$(echo $offered) / $(echo $want)"
in_man=$(awk '/^\.SH COMMANDS/ { on = 1; next } /^\.SH/ { on = 0 } /^\.RS/ { d++ } /^\.RE/ { d-- }
              on && d == 0 && prev == ".TP" && $1 == ".B" { print $2 } { prev = $0 }' man/planc.1 | sort)
[ "$in_man" = "$want" ] && ok "help: the man page has an entry for every command" ||
    bad "help: the man page has an entry for every command" "$(echo $in_man) / $(echo $want)"

# A value typed after "=" (bash splits --format=js into three words) completes too
[ "$(completion planc eval x.plan --format = j)" = json ] && [ "$(completion planc diff x.plan --format "")" = "text md" ] &&
    ok "help: completion of --format=VALUE and of diff's own formats" ||
    bad "help: completion of --format=VALUE and of diff's own formats"

# The npm lockfiles carry every package they depend on, optional ones (another platform's DuckDB
# binding) included, so that `npm ci` on a fresh machine does not stop at "Missing: ... from lock file"
# (docs/performance.md's set-up).  A dependency resolves as Node finds it: in the dependent's own
# node_modules, then its parents'.
lock_complete() {
    node -e '
        const lock = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
        const pkgs = lock.packages || {};
        const missing = [];
        for (const [path, p] of Object.entries(pkgs)) {
            const deps = Object.assign({}, p.dependencies, p.optionalDependencies);
            for (const name of Object.keys(deps)) {
                let dir = path, found = false;
                for (;;) {
                    if (pkgs[(dir ? dir + "/" : "") + "node_modules/" + name]) { found = true; break; }
                    if (!dir) break;
                    const i = dir.lastIndexOf("/node_modules/");
                    dir = i < 0 ? "" : dir.slice(0, i);
                }
                if (!found) missing.push(name + " (of " + (path || "the project") + ")");
            }
        }
        if (missing.length) { console.log("missing: " + missing.join(", ")); process.exit(1); }' "$1"
}
if command -v node >/dev/null; then
    for lock in bench/package-lock.json tests/sarif/package-lock.json; do
        msg=$(lock_complete "$lock" 2>&1) && ok "help: $lock carries every dependency" ||
            bad "help: $lock carries every dependency" "$msg"
    done
else
    bad "help: npm lockfiles" "node is not installed (make deps)"
fi

# The limit scanner of bench/check.sh (issue 20), sourced by tests/run.sh: bench/limit_scanner.py must
# turn grammar/lexer.l into the same automaton with empty actions, so that the limit column of
# docs/performance.md measures planc's own rules.  flex's statistics (NFA and DFA states, rules, start
# conditions, backing-up states) must be equal for both, and the built scanner must read every byte of
# the bundled plans and of the bad-input corpus (comments, escapes, NUL bytes, broken UTF-8).
BL=$OUT/bench_limit
mkdir -p $BL
flex_stats() { flex -v -Cf -o /dev/null "$1" 2>&1 | grep -E 'NFA states|DFA states|rules$|backing-up|start conditions'; }
if python3 bench/limit_scanner.py grammar/lexer.l $BL/limit.l 2>$BL/gen.err &&
    flex -Cf -o $BL/limit.c $BL/limit.l 2>$BL/flex.err &&
    cc -std=c11 -D_XOPEN_SOURCE=700 -O1 -Wall -Werror -Wno-unused-function -o $BL/limit_scan $BL/limit.c 2>$BL/cc.err; then
    ok "bench limit scanner: generated from grammar/lexer.l, built with -Cf"
    flex_stats grammar/lexer.l >$BL/planc.stats
    flex_stats $BL/limit.l >$BL/limit.stats
    if [ "$(wc -l <$BL/planc.stats)" = 5 ] && cmp -s $BL/planc.stats $BL/limit.stats; then
        ok "bench limit scanner: the same automaton as planc's (flex -v: states, rules, start conditions)"
    else
        bad "bench limit scanner: the same automaton as planc's" "$(diff $BL/planc.stats $BL/limit.stats | head -5)"
    fi
    short=""
    for plan in plans/*.plan tests/bad/plans/*.plan tests/check/*.plan; do
        [ "$($BL/limit_scan "$plan" 2>&1)" = "$(stat -c %s "$plan") bytes scanned" ] || short="$short $plan"
    done
    [ -z "$short" ] && ok "bench limit scanner: reads every byte of every plan" ||
        bad "bench limit scanner: reads every byte of every plan" "stopped short in$short"
else
    bad "bench limit scanner: generated and built" "$(cat $BL/gen.err $BL/flex.err $BL/cc.err | head -5)"
fi

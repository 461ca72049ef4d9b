# planc diff reports every property of the model (issue 16), sourced by tests/run.sh.
#
# The model's own list of properties drives this: every field of every struct in compiler/ast.h must
# be a row of compiler/diff_props.h (what diff compares) or in its DIFF_NOT_PROPERTIES (locations,
# identities, what the checker works out); every row must have a mutation in tests/diff/mutations.tsv;
# and each mutation, applied alone to tests/diff/rich.plan, must make `planc diff` exit 1 with the line
# the mutation names (the property, old -> new).  A field added to the model without a row, or a row
# without a mutation, fails here.
DP_OUT="$OUT/diff_props"
mkdir -p "$DP_OUT"

# "Struct.field" for each field of each struct of the C header $1 (comments removed; several
# declarators of one line each count; a struct's `Entity e` is its Entity rows, DIFF_Entity).
dp_fields() {
    perl -0pe 's{/\*.*?\*/}{}gs' "$1" | awk '
        /^typedef struct [A-Za-z_]+ \{/ { s = $3; inside = 1; next }
        inside && /^\}/ { inside = 0; next }
        inside {
            line = $0; sub(/;.*/, "", line)
            if (line ~ /^[ \t]*$/ || line ~ /^[ \t]*Entity e$/) next
            n = split(line, parts, ",")
            first = parts[1]; sub(/^[ \t]*/, "", first)
            m = split(first, w, /[ \t*]+/); print s "." w[m]
            for (i = 2; i <= n; i++) { p = parts[i]; gsub(/[ \t*]/, "", p); print s "." p }
        }' | sort -u
}
# "Struct.field" for each row ($2 = rows: V, L and H; not: N) of the properties header $1.
dp_rows() {
    local pat='[VLH]'
    [ "$2" = not ] && pat='N'
    grep -oE "^ *$pat\([A-Za-z_]+, [A-Za-z_]+" "$1" | sed -E 's/^ *[A-Z]\(//; s/, /./' | sort -u
}
# The fields of ast.h ($1) that the properties header ($2) neither compares nor excludes.
dp_uncovered() {
    comm -23 <(dp_fields "$1") <(sort -u <(dp_rows "$2" rows) <(dp_rows "$2" not))
}

missing=$(dp_uncovered compiler/ast.h compiler/diff_props.h)
[ -z "$missing" ] && ok "diff props: every field of ast.h is a property diff compares, or listed as none" ||
    bad "diff props: every field of ast.h is a property diff compares, or listed as none" "not in compiler/diff_props.h: $(echo $missing)"
stale=$(comm -13 <(dp_fields compiler/ast.h) <(sort -u <(dp_rows compiler/diff_props.h rows) <(dp_rows compiler/diff_props.h not))
)
[ -z "$stale" ] && ok "diff props: every row names a field of ast.h" ||
    bad "diff props: every row names a field of ast.h" "$(echo $stale)"
# the check itself: a field added to the model (here: ast.h with one more) is caught
sed 's/^    Value baseline;$/    Value baseline;\n    Value stretch_baseline;/' compiler/ast.h >"$DP_OUT/ast.h"
[ "$(dp_uncovered "$DP_OUT/ast.h" compiler/diff_props.h)" = "Indicator.stretch_baseline" ] &&
    ok "diff props: a field added to the model without diff support fails the check" ||
    bad "diff props: a field added to the model without diff support fails the check" "$(dp_uncovered "$DP_OUT/ast.h" compiler/diff_props.h)"

# every row has a mutation, and every mutation a row
grep -v '^#' tests/diff/mutations.tsv | cut -f1 | sort >"$DP_OUT/mutated"
no_mutation=$(comm -23 <(dp_rows compiler/diff_props.h rows) "$DP_OUT/mutated")
[ -z "$no_mutation" ] && ok "diff props: every property has a mutation" ||
    bad "diff props: every property has a mutation" "none in tests/diff/mutations.tsv for: $(echo $no_mutation)"
no_row=$(comm -13 <(dp_rows compiler/diff_props.h rows) "$DP_OUT/mutated")
[ -z "$no_row" ] && ok "diff props: every mutation names a property" || bad "diff props: every mutation names a property" "$(echo $no_row)"

# the plan unchanged: no changes, exit 0
"$PLANC" diff tests/diff/rich.plan tests/diff/rich.plan >"$DP_OUT/same" 2>/dev/null
dp_status=$?
[ $dp_status = 0 ] && grep -qx '  no changes' "$DP_OUT/same" && ok "diff props: the rich plan against itself: no changes" ||
    bad "diff props: the rich plan against itself: no changes" "exit $dp_status"

# each mutation alone: exit 1 and its line (one perl writes every mutated plan that differs from the
# original: a process per mutation is slow on a loaded machine)
perl -e 'open my $f, "<", $ARGV[0] or die; local $/; my $plan = <$f>; open my $m, "<", $ARGV[1] or die;
    $/ = "\n"; my $i = 0;
    while (<$m>) {
        chomp; next if /^#/ || $_ eq ""; my ($row, $sub) = split /\t/; $i++;
        local $_ = $plan; eval $sub; die "$row: $@" if $@; next if $_ eq $plan;
        open my $o, ">", "$ARGV[2]/$i.plan" or die; print $o $_; close $o;
    }' tests/diff/rich.plan tests/diff/mutations.tsv "$DP_OUT" || bad "diff props: the mutations apply" "perl failed"
dp_i=0
while IFS=$'\t' read -r dp_row dp_sub dp_want; do
    case $dp_row in '#'* | '') continue ;; esac
    dp_i=$((dp_i + 1))
    if [ ! -f "$DP_OUT/$dp_i.plan" ]; then
        bad "diff props: $dp_row" "the mutation ($dp_sub) does not change tests/diff/rich.plan"
        continue
    fi
    "$PLANC" diff tests/diff/rich.plan "$DP_OUT/$dp_i.plan" >"$DP_OUT/out" 2>&1
    dp_status=$?
    if [ $dp_status = 1 ] && grep -qFx -- "  $dp_want" "$DP_OUT/out"; then
        ok "diff props: $dp_row"
    else
        bad "diff props: $dp_row" "exit $dp_status, no line '$dp_want'"
        grep -v '^ *\^\|^$' "$DP_OUT/out" | head -5
    fi
done <tests/diff/mutations.tsv

# one change of each kind the issue found missing (an amendment, a baseline, a theme's owner, a band's
# threshold, `reported`, the organisation, a benchmark relabelled, an indicator's outcomes, a scheme
# added, an activity removed, a reference changed under one identifier, a tolerance with its unit ...),
# in text and Markdown and both ways round
golden_cmd "diff props: rich text" tests/diff/rich.expected diff tests/diff/rich.plan tests/diff/rich_new.plan
golden_cmd "diff props: rich md" tests/diff/rich.md.expected diff tests/diff/rich.plan tests/diff/rich_new.plan --format md
golden_cmd "diff props: rich reversed" tests/diff/rich_reversed.expected diff tests/diff/rich_new.plan tests/diff/rich.plan

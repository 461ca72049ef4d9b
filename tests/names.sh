# The sets of names (units, polarities, frequencies ...), sourced by tests/run.sh: every word of each
# list in runtime/planrt_names.h is accepted by the grammar and the lowerer (a plan per word through
# planc check, and for units through fmt, template and compile too), and docs/language.md's table
# for each set lists exactly the words of its list.  $NAMES (build/list_names) prints the lists.
NM=$OUT/names
mkdir -p "$NM"
NAMES=${NAMES:-build/list_names}

# names_plan FILE METHOD BANDS STATEMENTS...: a plan with one indicator given the statements (and
# the plan header the statement in $NAMES_HEADER, if set)
names_plan() {
    local file=$1 method=$2 bands=$3
    shift 3
    {
        printf 'plan "Names" {\n    covers 2023/24 to 2024/25\n    reported quarterly\n    rating r\n'
        [ -n "${NAMES_HEADER:-}" ] && printf '    %s\n' "$NAMES_HEADER"
        printf '}\n'
        printf 'rating r "R" {\n    method %s\n%s\n}\n' "$method" "$bands"
        printf 'pillar p "P" {\n    theme t "T" {\n        outcome o "O"\n        indicator i "I/1" "Indicator" {\n'
        printf '            measures o\n'
        local st
        for st in "$@"; do printf '            %s\n' "$st"; done
        printf '        }\n    }\n}\n'
    } >"$file"
}

AT_BANDS='    band g "G" at 100%
    band r "R" otherwise'
WITHIN_BANDS='    band g "G" within 0 pts
    band r "R" otherwise'

# names_delivery_plan FILE SCHEME_LINES ACTIVITY_LINES: a plan with a delivery scheme and one activity
names_delivery_plan() {
    {
        printf 'plan "Names" {\n    covers 2023/24 to 2024/25\n    delivery d\n}\n'
        printf 'delivery d "D" {\n%s\n}\n' "$2"
        printf 'pillar p "P" {\n    theme t "T" {\n        activity a "A" {\n%s\n        }\n    }\n}\n' "$3"
    } >"$1"
}
DELIVERY_BANDS='    band g "G" when on_track, complete
    band r "R" otherwise'

# names_plan_for SET WORD FILE: a plan that uses the word where its set belongs
names_plan_for() {
    local nset=$1 w=$2 file=$3
    case $nset in
    polarity)
        if [ "$w" = monitor ]; then
            names_plan "$file" achievement "$AT_BANDS" "polarity $w" "unit count"
        else
            names_plan "$file" achievement "$AT_BANDS" "polarity $w" "unit count" "target 10 in 2023/24"
        fi ;;
    unit)
        local u=$w
        [ "$w" = rate ] && u="rate per 1000"
        names_plan "$file" achievement "$AT_BANDS" "polarity bigger" "unit $u" "frequency quarterly" "target 10 in 2023/24" ;;
    frequency) names_plan "$file" achievement "$AT_BANDS" "polarity bigger" "frequency $w" "target 10 in 2023/24" ;;
    accumulates) # measured yearly: a year-to-date figure reported quarterly wants a quarterly profile (W009)
        names_plan "$file" achievement "$AT_BANDS" "polarity bigger" "accumulates $w" "frequency annual" "target 10 in 2023/24" ;;
    method)
        local bands=$AT_BANDS
        [ "$w" = points ] && bands=$WITHIN_BANDS
        names_plan "$file" "$w" "$bands" "polarity bigger" "unit percent" "baseline 5 in 2022/23" "target 10 in 2023/24" ;;
    result) names_plan "$file" achievement "$AT_BANDS" "polarity bigger" "target 10 in 2023/24" "result $w in 2023/24" ;;
    state) names_delivery_plan "$file" "$DELIVERY_BANDS" "            status $w in 2023/24 Q2" ;;
    impact) names_delivery_plan "$file" "$DELIVERY_BANDS" "            status delayed in 2023/24 Q2 impact $w" ;;
    overdue)
        local rule="overdue $w"
        [ "$w" = worsens ] && rule="overdue worsens 1"
        [ "$w" = at ] && rule="overdue at r"
        names_delivery_plan "$file" "$DELIVERY_BANDS
    $rule" "            status on_track in 2023/24 Q2" ;;
    colour) names_delivery_plan "$file" "    band g \"G\" colour $w
    band r \"R\"" "            status g in 2023/24 Q2" ;;
    direction | forecast)
        NAMES_HEADER="$nset $w" names_plan "$file" achievement "$AT_BANDS" "polarity bigger" "target 10 in 2023/24" ;;
    *) return 1 ;;
    esac
}

# names_clean NAME ARGS...: planc exits 0 with no error or warning
names_clean() {
    local name=$1
    shift
    if "$PLANC" "$@" >"$NM/out" 2>&1 && ! grep -qE 'error|warning' "$NM/out"; then
        ok "$name"
    else
        bad "$name" "$(head -3 "$NM/out" | cut -c1-200)"
    fi
}

if [ ! -x "$NAMES" ]; then
    bad "names: the lists" "$NAMES is not built"
else
    "$NAMES" >"$NM/lists"
    [ -s "$NM/lists" ] && ok "names: the lists print" || bad "names: the lists print" "$NAMES printed nothing"
    while read -r nset w; do
        nplan="$NM/$nset-$w.plan"
        if ! names_plan_for "$nset" "$w" "$nplan"; then
            bad "names: $nset $w" "tests/names.sh has no plan for the set '$nset'"
            continue
        fi
        names_clean "names: $nset $w checks clean" check --color=never "$nplan"
        if [ "$nset" = unit ]; then
            "$PLANC" fmt "$nplan" >"$NM/fmt.plan" 2>"$NM/out"
            names_clean "names: unit $w formatted checks clean" check --color=never "$NM/fmt.plan"
            names_clean "names: unit $w template" template "$nplan" --period 2023/24 -o "$NM/template.csv"
            names_clean "names: unit $w compile" compile "$nplan" -o "$NM/unit.c"
        fi
    done <"$NM/lists"

    # each set's table in docs/language.md: the first column's words, under the set's heading
    for npair in "polarity:Polarities" "unit:Units" "frequency:Frequencies" "accumulates:Accumulations" \
                "method:Rating methods" "result:Result statuses" "direction:Direction of travel" \
                "forecast:Forecast rules" "state:Delivery states" "impact:Impacts" "overdue:Overdue rules" \
                "colour:Colours"; do
        nset=${npair%%:*} nheading=${npair#*:}
        awk -v h="### $nheading" '$0 == h { on = 1; next } /^#/ { on = 0 } on && /^\| `[^`]*` \|/ {
                 sub(/^\| `/, ""); sub(/`.*/, ""); print }' docs/language.md | sort >"$NM/docs"
        awk -v s="$nset" '$1 == s { print $2 }' "$NM/lists" | sort >"$NM/list"
        if [ ! -s "$NM/docs" ]; then
            bad "names: docs/language.md, $nheading" "no table under '### $nheading'"
        elif cmp -s "$NM/docs" "$NM/list"; then
            ok "names: docs/language.md, $nheading"
        else
            bad "names: docs/language.md, $nheading" \
                "in the list only: $(comm -13 "$NM/docs" "$NM/list" | tr '\n' ' ')in the docs only: $(comm -23 "$NM/docs" "$NM/list" | tr '\n' ' ')"
        fi
    done
fi

# planc compile --target sql (issue 19), sourced by tests/run.sh: the generated SQL run on real engines
# (SQLite's shell, a throwaway PostgreSQL 15 server, DuckDB through npm @duckdb/node-api) gives the
# rows of `planc eval --format csv` on the shared columns (tests/sql/compare.py says how numbers are
# compared); what is not compiled yet is refused at its place in the plan (E090, goldens).
SQLD=$OUT/sql
rm -rf "$SQLD"
mkdir -p "$SQLD"
SQL_COLUMNS=" ref period value rating override reason comment dot restated provisional lower upper status impact completed "
PY3=/usr/bin/python3

# staging_cols CSV: "N|c2, c5|ref, value": the file's column count, the staging columns of the ones
# the results table has, and their names there (the header's names in lower case, a BOM dropped; a
# benchmark's column "benchmark:ID" quoted, as the plan spells ID)
staging_cols() {
    head -1 "$1" | sed 's/^\xEF\xBB\xBF//' | tr -d '\r' | awk -F, -v known="$SQL_COLUMNS" '
        { for (i = 1; i <= NF; i++) { n = $i; gsub(/"/, "", n); low = tolower(n)
              if (index(known, " " low " ")) name = low
              else if (substr(low, 1, 10) == "benchmark:") name = "\"" n "\""
              else continue
              sel = sel (sel ? ", " : "") "c" i; names = names (names ? ", " : "") name }
          print NF "|" sel "|" names }'
}

# staging_table N: CREATE TABLE staging (c1 TEXT, ..., cN TEXT)
staging_table() {
    local cols="" i
    for ((i = 1; i <= $1; i++)); do cols="$cols${cols:+, }c$i TEXT"; done
    echo "CREATE TABLE staging ($cols);"
}

RATING_COLS="ref, id, period, target, %s AS result, status, rating, rating_label, %s AS percent, dot, overridden,
  forecast, annual_target, forecast_miss"
DELIVERY_COLS="ref, id, period, state, impact, band, band_label, on_target, overdue, %s AS percent_complete, completed,
  exception, comment"
SUMMARY_COUNTS="activities with_status on_target exceptions overdue complete state_not_started state_on_track
  state_at_risk state_off_track state_delayed state_complete"
# SQL_KIND: "" rates the indicators (view ratings), "delivery" the activities (view delivery_ratings),
# "summary" the delivery counts (views delivery_summary and delivery_summary_bands, a row per count)
SQL_KIND=""
# rating_query FORMAT PERIOD: the query of SQL_KIND's view, FORMAT a printf turning a number column to text
rating_query() {
    # shellcheck disable=SC2059
    if [ "$SQL_KIND" = delivery ]; then
        printf "SELECT $DELIVERY_COLS FROM delivery_ratings WHERE report_period = '%s' ORDER BY ax;" \
            "$(printf "${1//%s/percent_complete}")" "$2"
    elif [ "$SQL_KIND" = summary ]; then
        local c
        printf "SELECT level, level_ix, 'band_' || band AS what, activities AS n FROM delivery_summary_bands WHERE report_period = '%s'" "$2"
        for c in $SUMMARY_COUNTS; do
            printf "\nUNION ALL SELECT level, level_ix, '%s', %s FROM delivery_summary WHERE report_period = '%s'" "$c" "$c" "$2"
        done
        echo ";"
    else
        printf "SELECT $RATING_COLS FROM ratings WHERE report_period = '%s' ORDER BY ix;" \
            "$(printf "${1//%s/result}")" "$(printf "${1//%s/percent}")" "$2"
    fi
}

# sqlite_rate SQL CSV PERIOD: the ratings of PERIOD as CSV
sqlite_rate() {
    local spec n sel names db=$SQLD/sqlite.db
    spec=$(staging_cols "$2"); n=${spec%%|*}; sel=${spec#*|}; names=${sel#*|}; sel=${sel%%|*}
    rm -f "$db"
    # '!': every digit (SQLite's plain %.17g stops at 16 significant digits: 105.35000000000001 as 105.35)
    local num="CASE WHEN %s IS NULL THEN '' ELSE printf('%%!.17g', %s) END"
    sqlite3 -bail "$db" <<SQL
.read $1
$(staging_table "$n")
.import --csv --skip 1 $2 staging
INSERT INTO results ($names) SELECT $sel FROM staging;
.mode csv
.headers on
$(rating_query "$num" "$3")
SQL
}

# --- PostgreSQL: one throwaway server for the whole file, on a Unix socket only ---
PGBIN=/usr/lib/postgresql/15/bin
PGRUN=()
pg_up=0
pg_stop() {
    [ "$pg_up" = 1 ] && "${PGRUN[@]}" "$PGBIN/pg_ctl" -D "$PGDIR/data" -m immediate stop >/dev/null 2>&1
    pg_up=0
    [ -n "${PGDIR:-}" ] && rm -rf "$PGDIR"
}
pg_start() {
    [ -x "$PGBIN/initdb" ] || return 1
    PGDIR=$(mktemp -d /tmp/planc-pg.XXXXXX)
    if [ "$(id -u)" = 0 ]; then    # PostgreSQL refuses to run as root
        chown nobody "$PGDIR"
        PGRUN=(runuser -u nobody --)
    fi
    trap pg_stop EXIT
    "${PGRUN[@]}" "$PGBIN/initdb" -D "$PGDIR/data" -A trust -U planc >"$SQLD/initdb.log" 2>&1 || return 1
    "${PGRUN[@]}" "$PGBIN/pg_ctl" -D "$PGDIR/data" -l "$PGDIR/server.log" -w \
        -o "-k $PGDIR -c listen_addresses='' -c fsync=off" start >"$SQLD/pg_ctl.log" 2>&1 || return 1
    pg_up=1
}

pg_rate() {
    local spec n sel names
    spec=$(staging_cols "$2"); n=${spec%%|*}; sel=${spec#*|}; names=${sel#*|}; sel=${sel%%|*}
    psql -X -q -v ON_ERROR_STOP=1 -h "$PGDIR" -U planc -d postgres --csv <<SQL
SET client_min_messages = warning;
DROP SCHEMA IF EXISTS t CASCADE;
CREATE SCHEMA t;
SET search_path = t;
\\i $1
$(staging_table "$n")
\\copy staging FROM '$2' WITH (FORMAT csv, HEADER true)
INSERT INTO results ($names) SELECT $sel FROM staging;
$(rating_query "CAST(%s AS TEXT)" "$3")
SQL
}

duck_rate() { node tests/sql/duckdb_run.mjs "$1" "$2" "$3" "$(rating_query "CAST(%s AS VARCHAR)" "$3")"; }

have_pg=0
if pg_start; then have_pg=1; else bad "sql: a PostgreSQL server starts" "$(tail -3 "$SQLD"/*.log 2>/dev/null)"; fi
have_duck=0
[ -d tests/sql/node_modules/@duckdb/node-api ] && have_duck=1 || bad "sql: DuckDB" "tests/sql/node_modules is missing: make deps (npm ci in tests/sql)"

# sql_case NAME PLAN CSV PERIOD...: each dialect's SQL against planc eval for each period
sql_case() {
    local name=$1 plan=$2 csv=$3 d period want_format=csv compare=tests/sql/compare.py
    # the delivery counts are compared with the JSON report's summary
    [ "$SQL_KIND" = summary ] && want_format=json compare=tests/sql/compare_summary.py
    shift 3
    for d in ${SQL_ENGINES:-sqlite postgres duckdb}; do
        [ $d = postgres ] && [ $have_pg = 0 ] && continue
        [ $d = duckdb ] && [ $have_duck = 0 ] && continue
        if ! "$PLANC" compile "$plan" --target sql --dialect $d -o "$SQLD/$name.$d.sql" 2>"$SQLD/err"; then
            bad "sql $name compiles for $d" "$(head -3 "$SQLD/err")"
            continue
        fi
        local same=1
        for period in "$@"; do
            "$PLANC" eval "$plan" --results "$csv" --period "$period" --format "$want_format" >"$SQLD/want.csv" 2>/dev/null
            case $d in
            sqlite) sqlite_rate "$SQLD/$name.$d.sql" "$csv" "$period" ;;
            postgres) pg_rate "$SQLD/$name.$d.sql" "$csv" "$period" ;;
            duckdb) duck_rate "$SQLD/$name.$d.sql" "$csv" "$period" ;;
            esac >"$SQLD/got.csv" 2>"$SQLD/err"
            if [ ! -s "$SQLD/got.csv" ]; then
                same=0; echo "  $name, $d, $period: $(head -3 "$SQLD/err")"
            elif ! $PY3 "$compare" "$SQLD/want.csv" "$SQLD/got.csv" $SQL_KIND >"$SQLD/diff"; then
                same=0; echo "  $name, $d, $period:"; head -8 "$SQLD/diff"
            fi
        done
        [ $same = 1 ] && ok "sql $name on $d" || bad "sql $name on $d" "differs from planc eval"
    done
}

sql_case small tests/eval/small.plan tests/eval/good.csv 2019/20 "2019/20 Q4" 2020/21
sql_case rules tests/sql/rules.plan tests/sql/rules.csv 2023/24 "2023/24 Q1" "2023/24 Q2" "2023/24 Q3" "2023/24 Q4" \
    "2023/24 H1" "2023/24 Jun" 2024/25 "2024/25 Q1" "2024/25 Q2"
# maintain without a baseline (last year's result, formatted by the SQL), targets met within a
# confidence interval (the results' lower and upper, the plan's `result ... interval`)
sql_case maintain tests/sql/maintain.plan tests/sql/maintain.csv 2023/24 2024/25 "2024/25 Q2"
sql_case survey tests/confidence/survey.plan tests/confidence/survey.csv 2016/17 2017/18
# targets that follow a benchmark: the results row's benchmark:ID column, the plan's value for the
# period, its latest earlier one, none (not rated); a tolerance as a share of it; within an interval;
# an amendment to a benchmark
sql_case benchmark tests/sql/benchmark.plan tests/sql/benchmark.csv 2023/24 "2023/24 Q1" "2023/24 Q2" "2023/24 Q4" \
    "2024/25 Q1" "2024/25 Q2" 2024/25
# the Barnet corporate plans, for every period their results files report within the plans' years (the
# rest are last year's figures, for the direction of travel)
sql_case barnet-2016-17 plans/barnet-corporate-plan-2016-17.plan plans/barnet-corporate-plan-2016-17.results.csv 2016/17
sql_case barnet-2018-19 plans/barnet-corporate-plan-2018-19.plan plans/barnet-corporate-plan-2018-19.results.csv 2016/17 \
    "2017/18 Q1" "2017/18 Q2" 2019/20
sql_case barnet-2019-20 plans/barnet-corporate-plan-2019-20.plan plans/barnet-corporate-plan-2019-20.results.csv 2019/20
# band conditions (a forecast met or missed, directions, `not`, bands without an edge) and the year-end
# forecast (last year's profile, the run rate, the latest value; none at the year end)
sql_case conditions tests/sql/conditions.plan tests/sql/conditions.csv "2023/24 Q1" "2023/24 Q2" "2023/24 Q3" \
    "2023/24 Q4" 2023/24 "2024/25 Q1" "2024/25 Q2"
# the same by the run rate alone
sed 's/^    forecast profile$/    forecast run_rate/' tests/sql/conditions.plan >"$SQLD/run_rate.plan"
sql_case conditions-run-rate "$SQLD/run_rate.plan" tests/sql/conditions.csv "2023/24 Q1" "2023/24 Q2" "2024/25 Q1" "2024/25 Q2"
# derived indicators (formulas as SQL expressions): every operator, inputs, division by zero, missing and
# not-available operands, formulas over formulas, results of their own, arrears
sql_case formula tests/sql/formula.plan tests/sql/formula.csv 2023/24 "2023/24 Q1" "2023/24 Q2" "2023/24 Q3" \
    "2023/24 Q4" 2024/25 "2024/25 Q1" "2024/25 Q2"
# the longest chain of formulas over formulas compiled (16: each level a nested query): the refused
# 18-deep chain without its last two
{ sed '/indicator d17 /,$d' tests/sql/refuse/formula_chain.plan; printf '    }\n}\n'; } >"$SQLD/chain16.plan"
printf 'ref,period,value\nA/0,2023/24,2\nA/0,2022/23,1\n' >"$SQLD/chain16.csv"
sql_case formula-chain16 "$SQLD/chain16.plan" "$SQLD/chain16.csv" 2023/24 2024/25

# the script run again on the same database, after another plan's: every view and table made anew
# (PostgreSQL refuses to drop a view that another depends on), the results table kept
for d in ${SQL_ENGINES:-sqlite postgres duckdb}; do
    [ $d = postgres ] && [ $have_pg = 0 ] && continue
    [ $d = duckdb ] && [ $have_duck = 0 ] && continue
    for p in benchmark formula; do
        "$PLANC" compile tests/sql/$p.plan --target sql --dialect $d -o "$SQLD/again-$p.sql" || bad "sql again: $p compiles for $d"
    done
    cat "$SQLD/again-benchmark.sql" "$SQLD/again-formula.sql" "$SQLD/again-benchmark.sql" >"$SQLD/again.$d.sql"
    "$PLANC" eval tests/sql/benchmark.plan --results tests/sql/benchmark.csv --period "2023/24 Q2" --format csv >"$SQLD/want.csv" 2>/dev/null
    case $d in
    sqlite) sqlite_rate "$SQLD/again.$d.sql" tests/sql/benchmark.csv "2023/24 Q2" ;;
    postgres) pg_rate "$SQLD/again.$d.sql" tests/sql/benchmark.csv "2023/24 Q2" ;;
    duckdb) duck_rate "$SQLD/again.$d.sql" tests/sql/benchmark.csv "2023/24 Q2" ;;
    esac >"$SQLD/got.csv" 2>"$SQLD/err"
    if [ -s "$SQLD/got.csv" ] && $PY3 tests/sql/compare.py "$SQLD/want.csv" "$SQLD/got.csv" >"$SQLD/diff"; then
        ok "sql: the script runs again on $d after another plan's"
    else
        bad "sql: the script runs again on $d after another plan's" "$(head -3 "$SQLD/err" "$SQLD/diff")"
    fi
done

# random plans of the covered subset (tests/unit/gen_random.c --sql), several seeds and periods
GEN=${GEN:-build/gen_random}
for seed in 1 2 3 4 5 6; do
    "$GEN" $seed "$SQLD/rand$seed.plan" "$SQLD/rand$seed.csv" --sql
    sql_case "random$seed" "$SQLD/rand$seed.plan" "$SQLD/rand$seed.csv" 2020/21 "2020/21 Q4" "2021/22 Q2" 2021/22
done

# delivery (view delivery_ratings): the activity rows of planc eval's CSV, a quarter's returns merged
# into one file with every column (tests/sql/merge_returns.py), and the plan's indicators as before
$PY3 tests/sql/merge_returns.py "$SQLD/council.csv" tests/delivery/returns/*.csv
SQL_KIND=delivery
sql_case delivery-council tests/delivery/council.plan "$SQLD/council.csv" "2023/24 Q1" "2023/24 Q2" "2023/24 Q3" \
    "2023/24 Q4" 2023/24 "2024/25 Q1" "2024/25 Q3" 2024/25
# hostile names and commentary (quotes, line breaks, markup); activities without a scheme
sql_case delivery-hostile tests/delivery/reports/hostile.plan tests/delivery/reports/hostile.csv "2023/24 Q2" "2023/24 Q3"
sql_case delivery-pack-hostile tests/delivery/pack-hostile.plan tests/delivery/pack-hostile.csv "2023/24 Q2" 2023/24
# Our Plan for Barnet 2023-26: 97 activities with statuses and milestones in the plan, its indicators
# forecast by last year's profile ('forecast profile'), rated in every period its returns report
BARNET=plans/our-plan-for-barnet-2023-26.plan
BARNET_CSV=plans/our-plan-for-barnet-2023-26.results.csv
SQL_KIND=""
sql_case barnet "$BARNET" "$BARNET_CSV" "2023/24 Q1" "2023/24 Q2" "2023/24 Q3" 2023/24
SQL_KIND=summary
sql_case delivery-summary tests/delivery/council.plan "$SQLD/council.csv" "2023/24 Q1" "2023/24 Q2" "2023/24 Q4" 2023/24 \
    "2024/25 Q3"
# Our Plan for Barnet 2023-26's delivery: 97 activities with statuses and milestones in the plan
SQL_KIND=delivery
sql_case delivery-barnet "$BARNET" "$BARNET_CSV" "2023/24 Q1" "2023/24 Q2" "2023/24 Q3" 2023/24 "2024/25 Q2"
SQL_KIND=summary
sql_case delivery-barnet-summary "$BARNET" "$BARNET_CSV" "2023/24 Q2" 2023/24
SQL_KIND=""

pg_stop
trap - EXIT

# what is not compiled yet: refused at its place, nothing written
for f in tests/sql/refuse/*.plan; do
    n=$(basename "$f" .plan)
    golden_cmd "sql refuses $n" "tests/sql/refuse/$n.expected" compile "$f" --target sql --dialect sqlite -o "$SQLD/refused.sql"
done
[ ! -e "$SQLD/refused.sql" ] && ok "sql: a refused plan writes no file" || bad "sql: a refused plan writes no file"
golden_cmd "sql --target sql needs --dialect" tests/sql/no_dialect.expected compile tests/eval/small.plan --target sql -o "$SQLD/x.sql"
golden_cmd "sql --dialect needs --target sql" tests/sql/dialect_without_sql.expected compile tests/eval/small.plan --dialect sqlite -o "$SQLD/x.c"
golden_cmd "sql unknown dialect" tests/sql/unknown_dialect.expected compile tests/eval/small.plan --target sql --dialect oracle -o "$SQLD/x.sql"

# every string from the plan goes through one escaping function (prt_esc_sql): names with quotes,
# comment markers, a semicolon, a backslash, a tab and non-ASCII come back exactly from SQLite
rm -f "$SQLD/hostile.db"
if "$PLANC" compile tests/sql/hostile_names.plan --target sql --dialect sqlite -o "$SQLD/hostile.sql" &&
    sqlite3 -bail "$SQLD/hostile.db" ".read $SQLD/hostile.sql" ".mode json" \
        "select name, organisation from plan_info; select ref, name, pillar, theme from plan_indicators; select label from plan_bands;" \
        >"$SQLD/hostile.json" && cmp -s "$SQLD/hostile.json" tests/sql/hostile_names.json; then
    ok "sql: hostile names come back exactly"
else
    bad "sql: hostile names come back exactly" "$(diff tests/sql/hostile_names.json "$SQLD/hostile.json" | head -5)"
fi

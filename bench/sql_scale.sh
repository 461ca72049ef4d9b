#!/bin/bash
# The SQL back end at scale (issue 19), run by hand:  bench/sql_scale.sh [ROWS...]   (default 10^7 10^8)
# For a generated plan of 10^5 indicators (bench/gen) with ROWS result rows, one report period is
# rated four ways and the answers compared indicator by indicator (band and direction of travel):
#   - plan_eval, the plan's evaluator (planc build);
#   - the views of `planc compile --target sql` in DuckDB (npm @duckdb/node-api) and in PostgreSQL 15
#     (a throwaway server on a Unix socket, as tests/sql.sh starts it);
#   - the hand-written bench/rate.sql in DuckDB (bench/duckdb.mjs) and in PostgreSQL.
# Loading (the script and the results) and rating are timed apart: a warehouse loads once and queries
# often.  10^8 rows is a 2.5 GB CSV and about 12 GB in PostgreSQL: it needs the disk and some minutes.
# Prints a markdown table; docs/performance.md records one run.  Needs what bench/run needs, and the
# PostgreSQL 15 server (apt-get install postgresql, as make deps does).
set -u
cd "$(dirname "$0")/.."
W=build/bench
mkdir -p "$W"
ROWS=("$@")
[ ${#ROWS[@]} -gt 0 ] || ROWS=(10000000 100000000)
N=${BENCH_INDICATORS:-100000}
period="2000/01 Q1"
make -s planc >/dev/null || exit 1
cc -std=c11 -O2 -o build/bench-gen bench/gen.c || exit 1
secs() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", (b - a) / 1e9 }'; }

# --- PostgreSQL: one throwaway server for the run, stopped however the script ends ---
PGBIN=/usr/lib/postgresql/15/bin
PGRUN=()
PGDIR=""
pg_stop() {
    [ -n "$PGDIR" ] || return 0
    "${PGRUN[@]}" "$PGBIN/pg_ctl" -D "$PGDIR/data" -m immediate stop >/dev/null 2>&1
    rm -rf "$PGDIR"
    PGDIR=""
}
pg_start() {
    [ -x "$PGBIN/initdb" ] || return 1
    PGDIR=$(mktemp -d /tmp/planc-pg.XXXXXX)
    trap pg_stop EXIT
    if [ "$(id -u)" = 0 ]; then # PostgreSQL refuses to run as root
        chown nobody "$PGDIR"
        PGRUN=(runuser -u nobody --)
    fi
    "${PGRUN[@]}" "$PGBIN/initdb" -D "$PGDIR/data" -A trust -U planc >"$W/pg-initdb.log" 2>&1 || return 1
    # a warehouse's settings, not the defaults for a small shared server
    "${PGRUN[@]}" "$PGBIN/pg_ctl" -D "$PGDIR/data" -l "$PGDIR/server.log" -w -o "-k $PGDIR -c listen_addresses='' \
        -c fsync=off -c shared_buffers=2GB -c work_mem=256MB -c max_parallel_workers_per_gather=2 \
        -c max_wal_size=8GB" start >"$W/pg-ctl.log" 2>&1
}
pg() { psql -X -q -v ON_ERROR_STOP=1 -h "$PGDIR" -U planc -d postgres "$@"; }

# agreement: how many indicators have the same band and direction of travel as plan_eval's CSV
agree() { # agree REF_RATING_DOT.csv PLANC.csv
    sqlite3 :memory: ".mode csv" "CREATE TABLE s(ref, rating, dot);" ".import $1 s" \
        "CREATE TABLE p(ref,id,indicator,pillar,theme,polarity,period,target,result,status,rating,rating_label,percent,explanation,last_year,dot,dot_explanation,benchmark,published_rating,published_dot,overridden,exception,comment);" \
        ".import --skip 1 $2 p" \
        "SELECT (SELECT count(*) FROM s JOIN p USING (ref) WHERE lower(s.rating) IN (lower(p.rating), lower(p.rating_label)) AND s.dot = p.dot) || '/' || (SELECT count(*) FROM p WHERE status = 'value');"
}

have_duck=false
[ -d bench/node_modules/@duckdb/node-api ] && have_duck=true
have_pg=false
if pg_start; then have_pg=true; else echo "PostgreSQL did not start ($W/pg-ctl.log): its columns are empty."; fi
$have_duck || echo "DuckDB is not installed (cd bench && npm ci): its columns are empty."

echo "## The SQL back end at scale (issue 19): $N indicators, one report period ($period)"
echo
echo "| result rows | CSV MiB | SQL MiB | planc compile s | plan_eval s | DuckDB load s | DuckDB views s | DuckDB rate.sql s | PostgreSQL load s | PostgreSQL views s | PostgreSQL rate.sql s | views / plan_eval (DuckDB, PostgreSQL) | views / rate.sql (DuckDB, PostgreSQL) | agree (DuckDB, PostgreSQL) |"
echo "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
for rows in "${ROWS[@]}"; do
    d=$W/eval$N-$rows
    mkdir -p "$d"
    [ -f "$d/results.csv" ] || build/bench-gen $N "$rows" 2 "$d" >/dev/null 2>&1 || exit 1
    [ "$d/plan_eval" -nt build/libplanrt.a ] || ./planc build "$d/plan.plan" -o "$d/plan_eval" || exit 1
    t0=$(date +%s%N)
    ./planc compile "$d/plan.plan" --target sql --dialect duckdb -o "$d/plan.duckdb.sql" 2>/dev/null || exit 1
    t1=$(date +%s%N)
    ./planc compile "$d/plan.plan" --target sql --dialect postgres -o "$d/plan.pg.sql" 2>/dev/null || exit 1
    cs=$(secs "$t0" "$t1")
    "$d/plan_eval" --results "$d/results.csv" --period "$period" --format csv >"$d/planc.csv" 2>/dev/null
    t0=$(date +%s%N)
    "$d/plan_eval" --results "$d/results.csv" --period "$period" --format csv >/dev/null 2>&1
    t1=$(date +%s%N)
    es=$(secs "$t0" "$t1")
    dl="" dv="" dr="" da="-" pl="" pv="" pr="" pa="-"
    if $have_duck; then
        # a database file, as a warehouse keeps one (in memory, 10^8 rows do not fit in this machine's 23 GB)
        read -r dl dv < <(node bench/sql_duckdb.mjs "$d/plan.duckdb.sql" "$d/results.csv" "$period" "$d/duck-views.csv" "$d/views.duckdb")
        rm -f "$d/views.duckdb" "$d/views.duckdb.wal"
        da=$(agree "$d/duck-views.csv" "$d/planc.csv")
        dr=$(node bench/duckdb.mjs "$d/results.csv" "$d/targets.csv" "$period" "$d/duck-rate.csv")
    fi
    if $have_pg; then
        pg -c "DROP SCHEMA IF EXISTS b CASCADE" -c "CREATE SCHEMA b" >/dev/null
        t0=$(date +%s%N)
        pg -c "SET search_path = b" -f "$d/plan.pg.sql" \
            -c "\\copy results (ref, period, value) FROM '$d/results.csv' WITH (FORMAT csv, HEADER true)" \
            -c "ANALYZE" >/dev/null || exit 1
        t1=$(date +%s%N)
        pg -c "SET search_path = b" -c "\\copy (SELECT ref, rating, dot FROM ratings WHERE report_period = '$period' ORDER BY ref) TO '$d/pg-views.csv' WITH (FORMAT csv)" || exit 1
        t2=$(date +%s%N)
        pl=$(secs "$t0" "$t1") pv=$(secs "$t1" "$t2")
        pa=$(agree "$d/pg-views.csv" "$d/planc.csv")
        # bench/rate.sql needs two shims in PostgreSQL: printf('%04d/%02d', y, y2) and round(double, n)
        pg -c "SET search_path = b" -c "CREATE TABLE targets (ref text, year text, target float8, polarity text, tolerance float8)" \
            -c "\\copy targets FROM '$d/targets.csv' WITH (FORMAT csv, HEADER true)" \
            -c "CREATE FUNCTION printf(f text, a int, b int) RETURNS text LANGUAGE sql IMMUTABLE AS \$\$ SELECT lpad(a::text, 4, '0') || '/' || lpad(b::text, 2, '0') \$\$" \
            -c "CREATE FUNCTION round(x float8, n int) RETURNS float8 LANGUAGE sql IMMUTABLE AS \$\$ SELECT round(x::numeric, n)::float8 \$\$" \
            -c "CREATE TABLE results3 AS SELECT ref, period, value::float8 AS value FROM results" -c "ANALYZE" >/dev/null || exit 1
        t0=$(date +%s%N)
        sed -e "s|:period|'$period'|g" -e 's/FROM results r/FROM results3 r/; s/SELECT ref, value FROM results$/SELECT ref, value FROM results3/' bench/rate.sql |
            pg -c "SET search_path = b" -f - >/dev/null || exit 1
        t1=$(date +%s%N)
        pr=$(secs "$t0" "$t1")
        pg -c "DROP SCHEMA b CASCADE" >/dev/null
    fi
    awk -v r="$rows" -v mb="$(du -m "$d/results.csv" | cut -f1)" -v sq="$(du -m "$d/plan.pg.sql" | cut -f1)" -v cs="$cs" \
        -v es="$es" -v dl="$dl" -v dv="$dv" -v dr="$dr" -v pl="$pl" -v pv="$pv" -v pr="$pr" -v da="$da" -v pa="$pa" 'BEGIN {
        printf "| %d | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s, %s | %s, %s | %s, %s |\n", r, mb, sq, cs, es,
            dl, dv, dr, pl, pv, pr,
            (dv != "" ? sprintf("%.1f", dv / es) : "-"), (pv != "" ? sprintf("%.1f", pv / es) : "-"),
            (dv != "" && dr > 0 ? sprintf("%.1f", dv / dr) : "-"), (pv != "" && pr > 0 ? sprintf("%.1f", pv / pr) : "-"), da, pa }'
done
echo
echo "Commands: \`planc compile plan.plan --target sql --dialect duckdb|postgres\`; \`plan_eval --results results.csv --period \"$period\" --format csv\`;"
echo "\`node bench/sql_duckdb.mjs plan.duckdb.sql results.csv PERIOD out.csv\` (DuckDB's own time: the script and read_csv, then"
echo "the ratings view of one period); PostgreSQL: \`psql -f plan.pg.sql\`, \`\\copy results (ref, period, value) FROM results.csv\`,"
echo "ANALYZE, then \`\\copy (SELECT ref, rating, dot FROM ratings WHERE report_period = ...) TO ...\`; rate.sql in DuckDB by"
echo "\`node bench/duckdb.mjs\` (its own time, loading included), in PostgreSQL over a table of numbers (loading not included)."
echo "One run each, on one machine; plan_eval reads the whole CSV each time (it keeps no database)."

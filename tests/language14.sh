# The plan language of issue 14, sourced by tests/run.sh: the plan header's report settings
# (version, direction, forecast, jump, stale) and an indicator's jump, formatted, compared by
# planc diff and carried into the tables; the plan's digest.  Their diagnostics are goldens in
# tests/check/ (h14_*.plan, w009_*.plan, ok_h14_*.plan).
L14=$OUT/language14
mkdir -p "$L14"

# --- planc fmt: the canonical form, and a round trip ---
golden_cmd "language14: fmt of the report settings" tests/fmt/h14_settings.formatted.expected fmt tests/fmt/h14_settings.plan
"$PLANC" fmt tests/fmt/h14_settings.plan >"$L14/settings.plan" 2>&1
"$PLANC" fmt --check "$L14/settings.plan" >/dev/null 2>&1 && ok "language14: fmt is idempotent on the report settings" ||
    bad "language14: fmt is idempotent on the report settings"
# the same tables from the messy and the formatted text, but for the digest of the text
for f in tests/fmt/h14_settings.plan "$L14/settings.plan"; do
    "$PLANC" compile "$f" -o - 2>&1 | tail -n +2 | sed 's/\.digest = "[^"]*"//'
done >"$L14/both.c"
half=$(($(wc -l <"$L14/both.c") / 2))
head -n "$half" "$L14/both.c" >"$L14/c1"
tail -n "$half" "$L14/both.c" >"$L14/c2"
[ "$half" -gt 10 ] && cmp -s "$L14/c1" "$L14/c2" && ok "language14: fmt keeps the report settings" ||
    bad "language14: fmt keeps the report settings"

# --- planc diff: the header's settings and an indicator's jump ---
golden_cmd "language14: diff of the report settings" tests/diff/h14_header.expected diff tests/diff/h14_old.plan tests/diff/h14_new.plan
golden_cmd "language14: diff of the report settings, md" tests/diff/h14_header.md.expected diff tests/diff/h14_old.plan tests/diff/h14_new.plan --format md

# --- the tables: what the header says, and the defaults ---
l14_tables() { # NAME PLAN PATTERN...: every pattern is in the generated C
    local name=$1 plan=$2 pat missing=""
    shift 2
    "$PLANC" compile "$plan" -o "$L14/t.c" >"$L14/t.out" 2>&1 || { bad "$name" "$(head -3 "$L14/t.out")"; return; }
    for pat in "$@"; do grep -qF -- "$pat" "$L14/t.c" || missing="$missing [$pat]"; done
    [ -z "$missing" ] && ok "$name" || bad "$name" "not in the generated C:$missing"
}
l14_tables "language14: the tables hold the report settings" tests/check/ok_h14_report_settings.plan \
    '.version = "2024 refresh (v2)"' '.dot_basis = PRT_DOT_BASIS_BOTH, .forecast = PRT_FORECAST_PROFILE, .jump = 4.5, .stale_years = 1,' \
    '.jump = 1.5,'
l14_tables "language14: the tables' defaults" tests/check/ok_minimal.plan \
    '.version = NULL' '.dot_basis = PRT_DOT_BASIS_LONG_TERM, .forecast = PRT_FORECAST_NONE, .jump = 0.0, .stale_years = 0,'
# stale at its limit (PLANC_MAX_STALE_YEARS); one past it is in tests/check/h14_header_numbers.plan
sed 's/^    stale 0$/    stale 100/' tests/check/ok_h14_report_settings.plan >"$L14/stale100.plan"
l14_tables "language14: stale 100 is allowed" "$L14/stale100.plan" '.stale_years = 101,'

# --- the digest: FNV-1a 64 over the main file and then its includes, in load order ---
mkdir -p "$L14/digest"
cp tests/check/ok_h14_report_settings.plan "$L14/digest/main.plan"
sed -i '1i include "ratings.plan"' "$L14/digest/main.plan"
printf 'rating other "Other" {\n    method achievement\n    band g "G" at 100%%\n    band r "R" otherwise\n}\n' >"$L14/digest/ratings.plan"
l14_fnv() { # FILE...: FNV-1a 64 over the files' bytes, one after another
    python3 -c 'import sys
h = 0xcbf29ce484222325
for f in sys.argv[1:]:
    for b in open(f, "rb").read():
        h = ((h ^ b) * 0x100000001b3) & 0xFFFFFFFFFFFFFFFF
print("fnv1a64:%016x" % h)' "$@"
}
want=$(l14_fnv "$L14/digest/main.plan" "$L14/digest/ratings.plan")
l14_tables "language14: the digest covers the plan and its include, in load order" "$L14/digest/main.plan" \
    ".digest = \"$want\""
echo '# a comment changes the digest' >>"$L14/digest/ratings.plan"
"$PLANC" compile "$L14/digest/main.plan" -o - 2>&1 | grep -qF ".digest = \"$want\"" &&
    bad "language14: an include's change changes the digest" || ok "language14: an include's change changes the digest"

# Named limits (docs/language.md, "Limits"): each at the limit and one past it.  Sourced by tests/run.sh.
# The other limits are tested where their feature is (tests/cli.sh, input.sh, hardening.sh).

# --- bands: a scheme of PRT_MAX_BANDS bands is rated and counted whole; one more is E044 ---
# Before, a 9-band scheme checked clean and its ninth band vanished from every summary count, and a
# scheme of six to eight bands overran the summary table (the text report wrote hundreds of MB).
# one more than the limit: tests/check/too_many_bands.plan (E044)
for fmt in text md csv json html; do
    if timeout 20 "$PLANC" eval tests/limits/bands8.plan --results tests/limits/bands8.csv --period 2019/20 \
        --format $fmt >"$OUT/bands8.$fmt" 2>&1; then
        ok "limits: 8 bands rate as $fmt"
    else
        bad "limits: 8 bands rate as $fmt" "exit $? (or over 20 s)"
    fi
done
golden_cmd "limits: 8 bands, text summary" tests/limits/bands8.text.expected \
    eval tests/limits/bands8.plan --results tests/limits/bands8.csv --period 2019/20
# every band's count is in the JSON summary, and they add up to the indicators rated
if python3 - "$OUT/bands8.json" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
for counts in [d["summary"]["total"]] + [p["counts"] for p in d["summary"]["pillars"]]:
    bands = counts["bands"]
    assert list(bands) == ["b%d" % i for i in range(1, 9)], bands
    assert all(v == 1 for v in bands.values()), bands
    assert sum(bands.values()) == counts["rated"] == 8, counts
PY
then ok "limits: 8 bands, every band counted in the JSON summary"; else bad "limits: 8 bands, every band counted in the JSON summary"; fi
# the Markdown and HTML summaries have a column per band, the eighth included
for fmt in md html; do
    if grep -q 'Band 8' "$OUT/bands8.$fmt" && [ "$(grep -c 'Band 8' "$OUT/bands8.$fmt")" -ge 2 ]; then
        ok "limits: 8 bands, the eighth in the $fmt summary"
    else
        bad "limits: 8 bands, the eighth in the $fmt summary"
    fi
done
# the map colours every band of the largest scheme from its palette (before, bands past the fourth
# were coloured with whatever strings followed the palette in memory: "end of file", "invalid token")
if "$PLANC" map tests/limits/bands8.plan --results tests/limits/bands8.csv --period 2019/20 -o "$OUT/bands8.dot" >/dev/null 2>&1 &&
    ! grep -o 'fillcolor="[^"]*"' "$OUT/bands8.dot" | grep -qv 'fillcolor="#[0-9A-F]\{6\}"'; then
    ok "limits: 8 bands, every map colour from the palette"
else
    bad "limits: 8 bands, every map colour from the palette"
fi

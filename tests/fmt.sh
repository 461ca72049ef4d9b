# planc fmt, sourced by tests/run.sh: idempotent, meaning-preserving, comments kept, on every plan.
for plan in plans/*.plan tests/check/ok_*.plan tests/eval/small.plan tests/map/tiny.plan tests/include/shared-ratings.plan; do
    dir=$(dirname "$plan")
    fmt1="$dir/.fmt-test-$$.plan"
    "$PLANC" fmt "$plan" >"$fmt1" 2>"$OUT/fmt.err" || { bad "fmt $plan" "$(head -3 "$OUT/fmt.err")"; rm -f "$fmt1"; continue; }
    "$PLANC" fmt "$fmt1" >"$OUT/fmt2" 2>&1
    cmp -s "$fmt1" "$OUT/fmt2" && ok "fmt is idempotent on $plan" || bad "fmt is idempotent on $plan"
    # the same plan: the same diagnostics (but for positions) and the same generated C (but for the name)
    "$PLANC" check --color=never "$plan" 2>&1 | sed -E 's/^[^ ]*: (error|warning|note)/\1/; /^    /d' | sort >"$OUT/c1"
    "$PLANC" check --color=never "$fmt1" 2>&1 | sed -E 's/^[^ ]*: (error|warning|note)/\1/; /^    /d' | sort >"$OUT/c2"
    cmp -s "$OUT/c1" "$OUT/c2" && ok "fmt keeps the diagnostics of $plan" || bad "fmt keeps the diagnostics of $plan"
    if grep -q '^plan ' "$plan"; then
        # (the digest is of the text, which formatting changes)
        "$PLANC" compile "$plan" -o - 2>/dev/null | tail -n +2 | sed 's/\.digest = "[^"]*"//' >"$OUT/g1"
        "$PLANC" compile "$fmt1" -o - 2>/dev/null | tail -n +2 | sed 's/\.digest = "[^"]*"//' >"$OUT/g2"
        cmp -s "$OUT/g1" "$OUT/g2" && ok "fmt keeps the meaning of $plan (same generated C)" || bad "fmt keeps the meaning of $plan"
    fi
    # every comment survives, word for word
    grep -oE '(#|//).*$' "$plan" | sed 's/[[:space:]]*$//' | sort >"$OUT/k1"
    grep -oE '(#|//).*$' "$fmt1" | sed 's/[[:space:]]*$//' | sort >"$OUT/k2"
    cmp -s "$OUT/k1" "$OUT/k2" && ok "fmt keeps the comments of $plan" || bad "fmt keeps the comments of $plan"
    rm -f "$fmt1"
done
golden_cmd "fmt golden" tests/fmt/messy.formatted.expected fmt tests/fmt/messy.plan
golden_cmd "fmt --check shows a diff" tests/fmt/check.expected fmt --check tests/fmt/messy.plan
golden_cmd "fmt refuses a file that does not parse" tests/fmt/syntax_error.expected fmt tests/check/e001_syntax.plan
cp tests/fmt/messy.plan "$OUT/messy.plan"
"$PLANC" fmt -w "$OUT/messy.plan" && "$PLANC" fmt --check "$OUT/messy.plan" >/dev/null &&
    head -n -1 tests/fmt/messy.formatted.expected | cmp -s - "$OUT/messy.plan" && ok "fmt -w writes in place" || bad "fmt -w"
ls "$OUT" | grep -q '\.tmp\.' && bad "fmt: no temporary files left" || ok "fmt: no temporary files left"
"$PLANC" fmt --check plans/*.plan >"$OUT/fmtcheck" 2>&1 && ok "fmt: the bundled plans are formatted" || bad "fmt: the bundled plans are formatted" "run planc fmt -w plans/*.plan"

# planc diff: changes in committee terms
golden_cmd "diff text" tests/diff/changes.expected diff tests/diff/old.plan tests/diff/new.plan
golden_cmd "diff md" tests/diff/changes.md.expected diff tests/diff/old.plan tests/diff/new.plan --format md
golden_cmd "diff reversed" tests/diff/reversed.expected diff tests/diff/new.plan tests/diff/old.plan
golden_cmd "diff no change" tests/diff/same.expected diff tests/diff/old.plan tests/diff/old.plan
golden_cmd "diff plan with errors" tests/diff/errors.expected diff tests/diff/old.plan tests/check/e021_missing_polarity.plan

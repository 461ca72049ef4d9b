# The results history (sourced from tests/run.sh): several returns files and directories read as one
# history, a figure given twice across files (R011, the note in the first file), the same file named
# twice (R016), restatements (the `restated` column, R017) and the `provisional` column (R018).
RH="$OUT/results_history"
mkdir -p "$RH"
RH_PLAN=tests/history/council.plan
RH_BAD=tests/history/bad

# a directory is its .csv files in name order, read as one history
golden_cmd "history: a directory of returns" tests/cli/results_history_directory.expected \
    eval "$RH_PLAN" --format csv --period "2024/25 Q4" --results tests/history/returns
# the same eight files named one by one give the same report
golden_cmd "history: eight returns files" tests/cli/results_history_files.expected \
    eval "$RH_PLAN" --format csv --period "2024/25 Q4" $(printf -- '--results %s ' tests/history/returns/*.csv)
if cmp -s tests/cli/results_history_directory.expected tests/cli/results_history_files.expected; then
    ok "history: a directory reads as its files"
else
    bad "history: a directory reads as its files" "the reports differ"
fi
# 2023-24-Q4.csv restates HO/01 in 2023/24 Q3 (2710 to 2760): the report for Q3 uses the restated figure
golden_cmd "history: a restatement in a later file" tests/cli/results_history_restated.expected \
    eval "$RH_PLAN" --format csv --period "2023/24 Q3" --results tests/history/returns
if grep -q '^HO/01,.*,2760,value,' tests/cli/results_history_restated.expected; then
    ok "history: the restated figure is the one rated"
else
    bad "history: the restated figure is the one rated"
fi

# a second row for one indicator and period in another file: R011, the note in the first file
golden_cmd "history: a second row in another file" tests/cli/results_history_dup_files.expected \
    eval "$RH_PLAN" --period "2023/24 Q1" --results "$RH_BAD/dup-first.csv" --results "$RH_BAD/dup-second.csv"
# the same file given and inside a given directory, and by another name: R016, read once
golden_cmd "history: the same file named twice" tests/cli/results_history_same_file.expected \
    eval "$RH_PLAN" --period "2024/25 Q4" --results tests/history/returns \
    --results "$RH_BAD/../returns/2023-24-Q2.csv"
# a restatement of a figure that no earlier row gives: R017
golden_cmd "history: a restatement of nothing" tests/cli/results_history_restates_nothing.expected \
    eval "$RH_PLAN" --period "2023/24 Q2" --results "$RH_BAD/restates-nothing.csv"
# ... but a restatement of the plan's own result is one
golden_cmd "history: a restatement of the plan's result" tests/cli/results_history_restates_plan.expected \
    eval "$RH_BAD/planned.plan" --format csv --period "2023/24 Q1" --results "$RH_BAD/restates-plan.csv"
# a provisional column with a word that is not yes or no: R018
golden_cmd "history: a provisional flag that is neither" tests/cli/results_history_provisional.expected \
    eval "$RH_PLAN" --period "2023/24 Q1" --results "$RH_BAD/provisional-bad.csv"
# a directory with no .csv file in it: R000, exit 2
mkdir -p "$RH/empty"
: >"$RH/empty/notes.txt"
golden_cmd "history: an empty directory" tests/cli/results_history_empty_dir.expected \
    eval "$RH_PLAN" --period "2023/24 Q1" --results "$RH/empty"
# mixed/: 1-first.csv, then 2-restated.CSV (restating HO/01 twice); notes.txt, .hidden.csv and sub/
# are skipped (each would be an error if read)
golden_cmd "history: only a directory's .csv files" tests/cli/results_history_mixed.expected \
    eval "$RH_PLAN" --format csv --period "2023/24 Q1" --results "$RH_BAD/mixed"
# order/: byte order of name, so 10-restated.csv comes before 9-first.csv and restates nothing (R017)
golden_cmd "history: files in byte order of name" tests/cli/results_history_order.expected \
    eval "$RH_PLAN" --period "2023/24 Q1" --results "$RH_BAD/order"

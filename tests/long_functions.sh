#!/bin/sh
# Lists the C functions of planc and its runtime longer than N lines (default 150), longest first:
# "LINES FUNCTION FILE:LINE".  Used by `make long-functions` and tests/structure.sh.
min=${1:-150}
ctags --c-kinds=f --fields=+ne -o - compiler/*.c compiler/lsp/*.c compiler/sql/*.c runtime/*.c runtime/report/*.c runtime/xlsx/*.c |
    awk -F'\t' -v min="$min" '{
        start = ""; end = ""
        for (i = 4; i <= NF; i++) {
            if ($i ~ /^line:/) start = substr($i, 6)
            if ($i ~ /^end:/) end = substr($i, 5)
        }
        if (start != "" && end != "" && end - start + 1 > min)
            printf "%5d %s %s:%s\n", end - start + 1, $1, $2, start
    }' | sort -rn

/* Prints every word of the sets of names in runtime/planrt_names.h, one "SET WORD" line each, for
 * tests/names.sh: the words the grammar must accept and docs/language.md must list. */
#include "planrt_names.h"

#include <stdio.h>

static void list(const char *set, const char *const *words, int n)
{
    for (int i = 0; i < n; i++)
        if (words[i])
            printf("%s %s\n", set, words[i]);
}

int main(void)
{
    list("polarity", prt_polarity_words, PRT_N_POLARITIES);
    list("unit", prt_unit_words, PRT_N_UNITS);
    list("frequency", prt_frequency_words, PRT_N_FREQUENCIES);
    list("accumulates", prt_accumulation_words, PRT_N_ACCUMULATIONS);
    list("method", prt_method_words, PRT_N_METHODS);
    list("result", prt_result_status_words, PRT_N_RESULT_STATUSES);
    list("direction", prt_dot_basis_words, PRT_N_DOT_BASES);
    list("forecast", prt_forecast_rule_words, PRT_N_FORECAST_RULES);
    list("state", prt_delivery_state_words, PRT_N_DELIVERY_STATES);
    list("impact", prt_impact_words, PRT_N_IMPACTS);
    list("overdue", prt_overdue_rule_words, PRT_N_OVERDUE_RULES);
    list("colour", prt_colour_words, PRT_N_COLOURS);
    return 0;
}

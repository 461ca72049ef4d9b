/* The tables of the sets of names (planrt_names.h), each expanded from its one list. */
#include "planrt_names.h"

#include <stddef.h>

/* the word is the second column of every list (the 0 keeps WORD_FIRST's `...` from being empty) */
#define WORD(e, ...) WORD_FIRST(__VA_ARGS__, 0)
#define WORD_FIRST(word, ...) word,
#define C_NAME_POL(e, ...) "PRT_POL_" #e,
#define C_NAME_UNIT(e, ...) "PRT_UNIT_" #e,
#define C_NAME_FREQ(e, ...) "PRT_FREQ_" #e,
#define C_NAME_ACC(e, ...) "PRT_ACC_" #e,
#define C_NAME_METHOD(e, ...) "PRT_METHOD_" #e,
#define C_NAME_RESULT(e, ...) "PRT_RESULT_" #e,
#define C_NAME_TARGET(e, ...) "PRT_TARGET_" #e,
#define C_NAME_CMP(e, ...) "PRT_CMP_" #e,
#define C_NAME_DOT_BASIS(e, ...) "PRT_DOT_BASIS_" #e,
#define C_NAME_FORECAST(e, ...) "PRT_FORECAST_" #e,
#define C_NAME_STATE(e, ...) "PRT_STATE_" #e,
#define C_NAME_IMPACT(e, ...) "PRT_IMPACT_" #e,
#define C_NAME_OVERDUE(e, ...) "PRT_OVERDUE_" #e,
#define C_NAME_COLOUR(e, ...) "PRT_COLOUR_" #e,
#define TEXT3(e, word, text) text,

const char *const prt_polarity_words[] = {PRT_POLARITIES(WORD)};
const char *const prt_polarity_c_names[] = {PRT_POLARITIES(C_NAME_POL)};
const char *const prt_unit_words[] = {PRT_UNITS(WORD)};
const char *const prt_unit_c_names[] = {PRT_UNITS(C_NAME_UNIT)};
const char *const prt_frequency_words[] = {PRT_FREQUENCIES(WORD)};
const char *const prt_frequency_c_names[] = {PRT_FREQUENCIES(C_NAME_FREQ)};
const char *const prt_accumulation_words[] = {PRT_ACCUMULATIONS(WORD)};
const char *const prt_accumulation_c_names[] = {PRT_ACCUMULATIONS(C_NAME_ACC)};
const char *const prt_method_words[] = {PRT_METHODS(WORD)};
const char *const prt_method_c_names[] = {PRT_METHODS(C_NAME_METHOD)};
const char *const prt_result_status_words[] = {PRT_RESULT_STATUSES(WORD)};
const char *const prt_result_status_c_names[] = {PRT_RESULT_STATUSES(C_NAME_RESULT)};
const char *const prt_target_kind_words[] = {PRT_TARGET_KINDS(WORD)};
const char *const prt_target_kind_c_names[] = {PRT_TARGET_KINDS(C_NAME_TARGET)};
const char *const prt_cmp_words[] = {PRT_CMPS(WORD)};
const char *const prt_cmp_c_names[] = {PRT_CMPS(C_NAME_CMP)};
const char *const prt_dot_basis_words[] = {PRT_DOT_BASES(WORD)};
const char *const prt_dot_basis_c_names[] = {PRT_DOT_BASES(C_NAME_DOT_BASIS)};
const char *const prt_forecast_rule_words[] = {PRT_FORECAST_RULES(WORD)};
const char *const prt_forecast_rule_c_names[] = {PRT_FORECAST_RULES(C_NAME_FORECAST)};
const char *const prt_delivery_state_words[] = {PRT_DELIVERY_STATES(WORD)};
const char *const prt_delivery_state_c_names[] = {PRT_DELIVERY_STATES(C_NAME_STATE)};
const char *const prt_delivery_state_texts[] = {PRT_DELIVERY_STATES(TEXT3)};
const char *const prt_impact_words[] = {PRT_IMPACTS(WORD)};
const char *const prt_impact_c_names[] = {PRT_IMPACTS(C_NAME_IMPACT)};
const char *const prt_impact_texts[] = {PRT_IMPACTS(TEXT3)};
const char *const prt_overdue_rule_words[] = {PRT_OVERDUE_RULES(WORD)};
const char *const prt_overdue_rule_c_names[] = {PRT_OVERDUE_RULES(C_NAME_OVERDUE)};
const char *const prt_colour_words[] = {PRT_COLOURS(WORD)};
const char *const prt_colour_c_names[] = {PRT_COLOURS(C_NAME_COLOUR)};

#define QUALITY_CODE(e, code, text) code,
#define QUALITY_TEXT(e, code, text) text,
const char *const prt_quality_codes[] = {PRT_QUALITY_FLAGS(QUALITY_CODE)};
const char *const prt_quality_texts[] = {PRT_QUALITY_FLAGS(QUALITY_TEXT)};

#define POL_TEXT(e, word, text, diff_text) text,
#define POL_DIFF_TEXT(e, word, text, diff_text) diff_text,
#define RESULT_TEXT(e, word, text) text,
#define UNIT_FORM(e, word, text, prefix, suffix, singular, nonnegative) {text, prefix, suffix, singular, nonnegative},

const char *const prt_polarity_texts[] = {PRT_POLARITIES(POL_TEXT)};
const char *const prt_polarity_diff_texts[] = {PRT_POLARITIES(POL_DIFF_TEXT)};
const char *const prt_result_status_texts[] = {PRT_RESULT_STATUSES(RESULT_TEXT)};
const prt_unit_form prt_unit_forms[] = {PRT_UNITS(UNIT_FORM)};

#define SUFFIX_TEXT(e, text, units) text,
#define SUFFIX_UNITS(e, text, units) units,
const char *const prt_suffix_texts[] = {PRT_SUFFIXES(SUFFIX_TEXT)};
static const unsigned suffix_units[] = {PRT_SUFFIXES(SUFFIX_UNITS)};
_Static_assert(PRT_N_UNITS <= 32, "a suffix's units are a 32-bit mask");

bool prt_suffix_fits_unit(prt_suffix suffix, prt_unit_kind unit)
{
    return suffix != PRT_SUFFIX_WORD && (unit == PRT_UNIT_NONE || (suffix_units[suffix] >> unit & 1u));
}

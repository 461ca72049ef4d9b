/* The band symbols (band_symbols.h): a shape or arrow printed beside a rating, so that it survives
 * greyscale printing and colour blindness; the label still carries the meaning. */
#include "band_symbols.h"

#include <string.h>

static const struct {
    const char *name, *glyph;
} symbols[] = {
    {"star", "\u2605"},          {"tick", "\u2713"},       {"cross", "\u2717"},       {"circle", "\u25CF"},
    {"ring", "\u25CB"},          {"square", "\u25A0"},     {"diamond", "\u25C6"},     {"triangle_up", "\u25B2"},
    {"triangle_down", "\u25BC"}, {"arrow_up", "\u2191"},   {"arrow_down", "\u2193"},  {"dash", "\u2013"},
    {"exclamation", "!"},
};

const char *const band_symbol_names[] = {
    "star", "tick", "cross", "circle", "ring", "square", "diamond", "triangle_up", "triangle_down",
    "arrow_up", "arrow_down", "dash", "exclamation",
};
const size_t band_symbol_count = sizeof band_symbol_names / sizeof band_symbol_names[0];

const char *band_symbol_glyph(const char *name)
{
    for (size_t i = 0; name && i < sizeof symbols / sizeof symbols[0]; i++)
        if (strcmp(symbols[i].name, name) == 0)
            return symbols[i].glyph;
    return NULL;
}

/* The text is valid UTF-8 (the scanner saw to that), so a lead byte tells where a character starts. */
bool band_symbol_text_ok(const char *text, const char **why)
{
    size_t chars = 0;
    for (const unsigned char *p = (const unsigned char *)text; *p; p++) {
        if (*p < 0x20 || *p == 0x7F || (p[0] == 0xC2 && p[1] >= 0x80 && p[1] <= 0x9F)) {
            *why = "a control character";
            return false;
        }
        if ((*p & 0xC0) != 0x80)
            chars++;
    }
    if (chars == 0) {
        *why = "no character";
        return false;
    }
    if (chars > BAND_SYMBOL_MAX_CHARS) {
        *why = "more than 4 characters";
        return false;
    }
    return true;
}

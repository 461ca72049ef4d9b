/* The symbols a band may be drawn with (`symbol star`, `symbol "TEXT"`): the fixed list of names
 * and their glyphs, and the rule for a symbol written as text. */
#ifndef PLANC_BAND_SYMBOLS_H
#define PLANC_BAND_SYMBOLS_H

#include <stdbool.h>
#include <stddef.h>

/* The most characters (code points) a symbol written as text may have. */
#define BAND_SYMBOL_MAX_CHARS 4

/* The names, in the documented order, and the glyph of each (UTF-8). */
extern const char *const band_symbol_names[];
extern const size_t band_symbol_count;
/* The glyph of the symbol with that name, NULL for none. */
const char *band_symbol_glyph(const char *name);
/* Whether text may be a symbol: 1 to BAND_SYMBOL_MAX_CHARS code points, none a control character
 * (C0, DEL, C1).  When not, *why says what is wrong. */
bool band_symbol_text_ok(const char *text, const char **why);

#endif

/* A map from interned strings to pointers.  Keys are compared by address: interning makes equal
 * strings the same pointer, so lookups never compare characters. */
#ifndef PLANC_SYMTAB_H
#define PLANC_SYMTAB_H

#include <stddef.h>

typedef struct Symtab {
    const char **keys;
    void **values;
    size_t cap, len;
} Symtab;

void symtab_free(Symtab *t);
void *symtab_get(const Symtab *t, const char *key);
/* Adds key; if it is there already, leaves it and returns the existing value. */
void *symtab_put(Symtab *t, const char *key, void *value);
/* Adds key or replaces its value. */
void symtab_set(Symtab *t, const char *key, void *value);

#endif

/* The string hash the compiler's intern table and the evaluator's name index share: eight bytes at a
 * time, then a final mix.  Names are short, but references and display names are not, and a
 * byte-at-a-time hash (FNV) showed in the profiles of both (docs/performance.md). */
#ifndef PLANRT_HASH_H
#define PLANRT_HASH_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>

static inline uint32_t prt_hash_bytes(const char *s, size_t n)
{
    uint64_t h = 0x9E3779B97F4A7C15ull ^ n;
    while (n >= 8) {
        uint64_t w;
        memcpy(&w, s, 8);
        h = (h ^ w) * 0xFF51AFD7ED558CCDull;
        h ^= h >> 32;
        s += 8;
        n -= 8;
    }
    uint64_t w = 0;
    memcpy(&w, s, n);
    h = (h ^ w) * 0xC4CEB9FE1A85EC53ull;
    h ^= h >> 29;
    return (uint32_t)h;
}

#endif

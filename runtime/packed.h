/* The packed form of a plan's tables, which planc build writes for a large plan (compiler/emit_c_packed.c)
 * and a generated evaluator expands at start-up (plan_unpack.c): what both ends must agree on.
 * A C compiler reads a few long string literals far faster, and in far less memory, than the same
 * tables as struct initialisers (docs/performance.md, "planc build (issue 20)"). */
#ifndef PLANRT_PACKED_H
#define PLANRT_PACKED_H

/* The numbers are one stream of digits: each number is its digits from the least significant five
 * bits up; the digit's position in PRT_PACK_DIGITS is its five bits, plus 32 when more digits follow.
 * The alphabet holds no character a string literal must escape (", \ and ? among them). */
#define PRT_PACK_DIGITS "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"
/* The stream's and the string pool's pieces: the longest literal C11 promises (5.2.4.1), so that the
 * C compiles with -pedantic.  Every piece of the stream but the last holds exactly this many digits. */
#define PRT_PACK_CHUNK 4095
/* A string is 0 (NULL) or 1 + its piece's number x PRT_PACK_PIECE + its offset in the piece. */
#define PRT_PACK_PIECE 4096
/* A double is a tag, then: for 0 to PRT_PACK_MAX_PLACES, the integer m (signed) whose m / 10^tag is
 * the double exactly (a division both ends do alike, correctly rounded); for PRT_PACK_BITS, its 64 bits. */
#define PRT_PACK_MAX_PLACES 16
#define PRT_PACK_BITS 17

#endif

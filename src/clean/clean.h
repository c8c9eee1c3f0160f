/*
 * clean.h - from the bytes a user gave to text the pipeline can trust.
 *
 * Cleaning repairs invalid UTF-8 (each bad byte becomes U+FFFD, as SQLite's
 * utf.c does), turns NUL and other control characters into spaces,
 * normalises to NFC and maps typographic punctuation to the forms
 * dictionaries use (curly quotes -> ASCII, dashes, no-break spaces), while
 * keeping a map from every cleaned byte back to the original offset, so
 * evidence spans always refer to the text exactly as read.
 */
#ifndef DYAD_CLEAN_H
#define DYAD_CLEAN_H

#include <stddef.h>
#include <stdint.h>

/* Cleaned text plus a compact offset map (breakpoints only where lengths
 * change, so it costs little on clean ASCII text). */
typedef struct clean_text {
	char *text;       /* owned, NUL-terminated cleaned UTF-8 */
	size_t len;       /* bytes of text */
	size_t orig_len;  /* bytes of the original */
	uint32_t *brk_clean; /* owned breakpoints: cleaned offsets ... */
	uint32_t *brk_orig;  /* ... and the original offsets they map to */
	size_t nbrk, capbrk;
	int repaired;     /* count of invalid UTF-8 sequences replaced */
	int nuls;         /* count of NUL bytes replaced */
} clean_text;

/* Cleans in[0..n) into *out (which the caller later clean_free()s).
 * Returns 0, or -1 if n exceeds 4 GiB - 1 (offsets are 32-bit). */
int clean_run(const char *in, size_t n, clean_text *out);
/* The original offset of cleaned offset off (0 <= off <= len); an offset
 * inside a replaced sequence maps to the sequence's start. */
uint32_t clean_orig(const clean_text *c, size_t off);
void clean_free(clean_text *c);

#endif

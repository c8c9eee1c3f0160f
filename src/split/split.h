/*
 * split.h - sentence boundaries in cleaned text.
 *
 * A streaming splitter: it walks the text once, yielding [start, end)
 * ranges (cleaned offsets, surrounding white space excluded), so a 50 MB
 * document needs no array of all its sentences. It keeps "U.S.", "Gen.",
 * "Jan. 5", initials and decimals together, ends sentences inside closing
 * quotes and brackets, treats blank lines as boundaries, splits a leading
 * dateline ("TOKYO, March 4 (Reuters) -") from the first sentence, and cuts
 * a run-on "sentence" longer than SPLIT_MAX_BYTES at a word boundary.
 */
#ifndef DYAD_SPLIT_H
#define DYAD_SPLIT_H

#include <stddef.h>

#define SPLIT_MAX_BYTES 4096

typedef struct split_iter {
	const char *text; /* borrowed cleaned text */
	size_t len;       /* its length */
	size_t pos;       /* where the next search starts */
} split_iter;

void split_init(split_iter *it, const char *text, size_t len);
/* The next sentence: returns 1 and sets [*start, *end), or 0 at the end. */
int split_next(split_iter *it, size_t *start, size_t *end);

#endif

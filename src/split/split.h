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

/* Kinds of abbreviation, shared with the tokenizer so that both agree on
 * which periods belong to their word. */
enum split_abbrev {
	SPLIT_ABBR_NONE = 0,
	SPLIT_ABBR_TITLE,     /* never ends a sentence: Mr. Gen. Sen. vs. e.g. */
	SPLIT_ABBR_NUMBER,    /* abbreviation before a number: Jan. No. Art. */
	SPLIT_ABBR_AMBIGUOUS, /* may end a sentence: Inc. Corp. St. U.S. a.m. */
	SPLIT_ABBR_INITIAL    /* one capital letter: J. R. R. Tolkien */
};
/* The kind of the word w[0..n) (borrowed), given without its final
 * period: "Gen" -> SPLIT_ABBR_TITLE, "U.S" -> SPLIT_ABBR_AMBIGUOUS. */
int split_abbrev_kind(const char *w, size_t n);

#endif

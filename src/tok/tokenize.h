/*
 * tokenize.h - Penn Treebank tokenisation with offsets.
 *
 * Splits one sentence of cleaned text into tokens the way the Treebank
 * does ("didn't" -> "did" "n't", "Japan's" -> "Japan" "'s", "(" -> -LRB-,
 * quotes -> `` ''), so raw text meets dictionary entries written against
 * Treebank tokens. Keeps abbreviations ("U.S.", "Gen."), numbers ("1,000",
 * "3.5"), hyphenated words ("Japan-North", "half-way") and URLs whole.
 */
#ifndef DYAD_TOKENIZE_H
#define DYAD_TOKENIZE_H

#include <stddef.h>
#include <stdint.h>

#include "../clean/clean.h"
#include "../util/arena.h"
#include "token.h"

/* Tokenises c->text[start..end) into *out (allocated from a, valid until the
 * arena is reset); token offsets are original offsets (through c's map).
 * Fills form, upper, len, ulen, start, end, flags; word = -1, tag = 0.
 * Returns the number of tokens. */
int32_t tok_sentence(arena *a, const clean_text *c, size_t start, size_t end,
		     tok_token **out);

#endif

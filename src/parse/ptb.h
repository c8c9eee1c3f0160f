/*
 * ptb.h - reader of Penn Treebank bracketed parses ("(ROOT (S (NP ...")).
 *
 * Used with --use-parse: maps a supplied parse into dyad's tree, making
 * tokens from its leaves. Tolerates the layout of the PETRARCH records
 * (newlines, extra spaces); rejects unbalanced brackets and nesting deeper
 * than PTB_MAX_DEPTH with a message instead of crashing.
 */
#ifndef DYAD_PTB_H
#define DYAD_PTB_H

#include <stddef.h>

#include "tree.h"

#define PTB_MAX_DEPTH 256

/* Parses src[0..n) into *t (nodes and tokens from a). Token offsets are
 * found by aligning the leaves to text[0..tlen) (the sentence's text, may be
 * NULL), in order, with Treebank forms (-LRB-, ``, n't) matched to their
 * raw spellings; a leaf that cannot be aligned gets start = end = the
 * previous token's end. text_base is added to every offset.
 * Returns 0, or -1 with *err set to a static message. */
int ptb_read(arena *a, const char *src, size_t n, const char *text,
	     size_t tlen, size_t text_base, tree *t, const char **err);

#endif

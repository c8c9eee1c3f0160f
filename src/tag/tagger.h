/*
 * tagger.h - part-of-speech tagging from a lexicon and context rules.
 *
 * The lexicon is compiled at build time from WordNet (Debian wordnet-base:
 * nouns, verbs with their irregular forms, adjectives, adverbs) plus
 * closed-class words written in data/lexicon/. The tagger gives each token
 * its possible tags from the lexicon (morphology and shape for unknown
 * words: capitalised -> NNP, -ed/-ing/-s verb forms, numbers) and then picks
 * one with context rules (after a determiner a noun, after "to" or a modal
 * a base verb, ...). Immutable after tagger_new(); share it across threads.
 */
#ifndef DYAD_TAGGER_H
#define DYAD_TAGGER_H

#include <stdint.h>

#include "../tok/token.h"

typedef struct tagger tagger;

/* A tagger over the built-in lexicon; free with tagger_free(). */
tagger *tagger_new(void);
void tagger_free(tagger *t);
/* Sets tag on toks[0..n). */
void tagger_tag(const tagger *t, tok_token *toks, int32_t n);
/* Bit set (1u << pos_tag) of the tags the lexicon allows for a lower-case
 * word, 0 if unknown; for tests and explanations. */
uint64_t tagger_lexicon_tags(const tagger *t, const char *word);
/* Number of lexicon entries (for statistics). */
int32_t tagger_lexicon_size(const tagger *t);

#endif

/*
 * parser_int.h - internals of dyad's shallow parser shared with its tests
 * and tools: the per-token word classes the rules are written in.
 */
#ifndef DYAD_PARSER_INT_H
#define DYAD_PARSER_INT_H

#include <stdint.h>

#include "../tok/token.h"

/* Word classes of a token (bit set), from its upper-case form. */
enum {
	PW_BE = 1u << 0,      /* be am is are was were been being 's 're 'm */
	PW_HAVE = 1u << 1,    /* have has had having 've */
	PW_DO = 1u << 2,      /* do does did */
	PW_GET = 1u << 3,     /* get got gets gotten getting (passive aux) */
	PW_NEG = 1u << 4,     /* not n't never */
	PW_SUB = 1u << 5,     /* subordinators: after when because ... */
	PW_THAT = 1u << 6,    /* that */
	PW_OF = 1u << 7,      /* of */
	PW_TIME = 1u << 8,    /* temporal nouns: Monday, today, week ... */
	PW_NPPREP = 1u << 9,  /* prepositions that attach to a noun: between */
	PW_HEDGE = 1u << 10,  /* reportedly, allegedly ... */
	PW_NPCC = 1u << 11,   /* conjunctions that join noun phrases: and or */
	PW_ABOUT = 1u << 12,  /* about (in "is about to") */
	PW_DURATION = 1u << 13, /* years, days ... (a measure before "after") */
	PW_DAYWORD = 1u << 14,  /* today, yesterday ...: never inside a name */
	PW_WH = 1u << 15,     /* whether (complementiser taking a clause) */
	PW_VBGPREP = 1u << 16, /* -ing words used as prepositions: according */
	PW_SAY = 1u << 17     /* reporting verbs: said, told, warned ... */
};

/* The PW_* classes of a token's upper-case form (0 if none). */
uint32_t parse_word_class(const tok_token *k);

#endif

/*
 * actor.h - the actor code of a noun phrase.
 *
 * Given the words of one noun phrase (an "NE" in PETRARCH's terms), finds
 * the actor (leftmost, longest dictionary match, the code valid at the
 * sentence date) and the agents around it ("Japanese officials": JPN +
 * ~GOV), and combines them as petrarch-semantics.md section 3 says:
 * "~GOV" appends, "NGO~" prepends, an agent already in the code at an
 * aligned offset is not added twice, no actor gives "---GOV".
 */
#ifndef DYAD_ACTOR_H
#define DYAD_ACTOR_H

#include <stdint.h>

#include "../dict/dict.h"
#include "../tok/token.h"
#include "../util/arena.h"
#include "../util/buf.h"

/* What act_code found, for spans and explanations. */
typedef struct act_info {
	int32_t actor_entry;  /* dictionary entry, -1 when none */
	int32_t actor_first;  /* first NE word index the actor used, or -1 */
	int32_t actor_last;   /* last NE word index the actor used, or -1 */
	int32_t nagents;      /* agents applied */
} act_info;

/* The code of the NE made of tokens toks[idx[0..n)] (borrowed), at sentence
 * date `date` (YYYYMMDD, 0 unknown). new_actor_length > 0: an uncoded NE of at
 * most that many words is coded as its own text in double quotes. The
 * result is allocated in a (or is a dictionary string) and is "---" when
 * nothing codes. info may be NULL; ex (may be NULL) receives an explanation. */
const char *act_code(const dict *d, arena *a, const tok_token *toks,
		     const int32_t *idx, int32_t n, int32_t date,
		     int new_actor_length, act_info *info, buf *ex);

#endif

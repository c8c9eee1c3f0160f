/*
 * boiler_int.h - boiler.c's internals exposed to its unit tests.
 */
#ifndef DYAD_BOILER_INT_H
#define DYAD_BOILER_INT_H

#include <stddef.h>

/* 1 when boiler.c's word table is sorted (bsearch needs it), else 0. */
int boiler_table_sorted(void);
/* The raw score of the sentence s[0..n) (borrowed): the sum of its cues,
 * INT_MIN when it has no words. boiler_sentence() compares it with a
 * threshold of 5 for the last two sentences, 6 for the two before, 8
 * elsewhere. */
int boiler_score(const char *s, size_t n);

#endif

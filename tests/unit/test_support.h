/*
 * test_support.h - helpers shared by the unit test files: a diag whose
 * printed reports can be read back (the readers' tests check both what
 * was read and what was reported about bad input), and the word ids of a
 * phrase (the dictionary tests).
 */
#ifndef DYAD_TEST_SUPPORT_H
#define DYAD_TEST_SUPPORT_H

#include <stdio.h>

#include "dict/dict.h"
#include "util/diag.h"

/* A diag writing into a memory stream. */
typedef struct ts_capture {
	FILE *f;     /* the memory stream the diag writes to */
	char *text;  /* its contents, owned by the stream until ts_cap_close */
	size_t len;  /* bytes in text */
	diag *dg;    /* the diag (not strict) */
} ts_capture;

/* Opens c (a test fails if the stream cannot be made). */
void ts_cap_open(ts_capture *c);

/* What has been reported so far, "" for nothing; borrowed from c, valid
 * until the next report or ts_cap_close. */
const char *ts_cap_text(ts_capture *c);

/* Frees the diag, the stream and its text. */
void ts_cap_close(ts_capture *c);

/* The ids (dict_word) of the blank-separated words of s into out (room
 * for every word); returns their count. */
int32_t ts_words(const dict *d, const char *s, int32_t *out);

#endif

/*
 * diag.h - where problems with a user's input are reported.
 *
 * Every reader and loader reports a bad line as "file:line: message" through
 * a diag handle and goes on; nothing is a global. In strict mode the first
 * report makes diag_failed() true, and callers stop at the next safe point.
 */
#ifndef DYAD_DIAG_H
#define DYAD_DIAG_H

#include <stdio.h>

typedef struct diag diag;

/* A sink printing to out (borrowed; usually stderr). strict: see above.
 * Free with diag_free(). */
diag *diag_new(FILE *out, int strict);
void diag_free(diag *d);
/* Reports "file:line: message" (line <= 0 omits the line). file may be NULL
 * (then "dyad: message"). Always counted; printed unless quiet. */
void diag_report(diag *d, const char *file, long line, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));
/* Number of reports so far. */
long diag_count(const diag *d);
/* True when strict and at least one report was made. */
int diag_failed(const diag *d);
int diag_strict(const diag *d);
/* Stops printing (reports are still counted); for tests and benchmarks. */
void diag_set_quiet(diag *d, int quiet);
/* The last message reported, without the location ("" if none); for tests. */
const char *diag_last(const diag *d);

#endif

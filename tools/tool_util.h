/*
 * tool_util.h - what the build-time tools (tools/mk*.c, each built as one
 * program from one .c file) share: allocation that reports "TOOL: out of
 * memory" and exits. Header only; define TOOL_NAME (the program's name)
 * before including it.
 */
#ifndef DYAD_TOOL_UTIL_H
#define DYAD_TOOL_UTIL_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#ifndef TOOL_NAME
#error "define TOOL_NAME before including tool_util.h"
#endif

/* realloc that never fails: on out of memory it reports and exits 1.
 * p is consumed; the result is owned by the caller (free). */
static inline void *xrealloc(void *p, size_t n)
{
	void *q = realloc(p, n ? n : 1);
	if (!q) {
		fprintf(stderr, TOOL_NAME ": out of memory\n");
		exit(1);
	}
	return q;
}

/* A NUL-terminated copy of s[0..n), owned by the caller (free). */
static inline char *xstrndup(const char *s, size_t n)
{
	char *p = xrealloc(NULL, n + 1);
	memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

#endif

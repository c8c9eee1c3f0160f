/*
 * tool_util.h - what the build-time tools (tools/mk*.c, each built as one
 * program from one .c file) share: allocation that reports "TOOL: out of
 * memory" and exits, and a file's bytes as a C array. Header only; define TOOL_NAME (the program's name)
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

/* Writes the bytes of file path as "static const char data_<i>[] =
 * {...,0};" to out (embed, mkweb). Returns 0, or -1 when path cannot be
 * read (reported). */
static inline int tool_embed_file(FILE *out, const char *path, int i)
{
	FILE *in = fopen(path, "rb");
	if (!in) {
		perror(path);
		return -1;
	}
	fprintf(out, "static const char data_%d[] = {", i);
	int c;
	long n = 0;
	while ((c = getc(in)) != EOF) {
		fprintf(out, "%s%d,", (n % 24) ? "" : "\n", c);
		n++;
	}
	fprintf(out, "0};\n");
	int bad = ferror(in);
	fclose(in);
	if (bad) {
		perror(path);
		return -1;
	}
	return 0;
}

#endif

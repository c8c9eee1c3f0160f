/*
 * xmalloc.h - allocation that never returns NULL.
 *
 * dyad treats running out of memory as fatal: one wrapper reports it and
 * aborts (as Redis's zmalloc does), so callers never check for NULL and no
 * partial result is ever mistaken for a whole one.
 */
#ifndef DYAD_XMALLOC_H
#define DYAD_XMALLOC_H

#include <stddef.h>

/* Each returns memory the caller owns and frees with free(). */
void *xmalloc(size_t n);
void *xcalloc(size_t count, size_t size);
/* Returns the grown block; the old pointer is no longer valid. */
void *xrealloc(void *p, size_t n);
/* Copies of s (NUL-terminated) and of the first n bytes of s. */
char *xstrdup(const char *s);
char *xstrndup(const char *s, size_t n);
/* Grows *arr (of *cap elements of size elem) to hold at least need elements,
 * doubling; *arr and *cap are updated in place. */
void xgrow(void **arr, size_t *cap, size_t need, size_t elem);

#endif

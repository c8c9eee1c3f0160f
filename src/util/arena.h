/*
 * arena.h - bump allocator for per-sentence and per-document scratch.
 *
 * Everything the pipeline builds for one sentence (tokens, tree, actor
 * matches, events) lives in an arena that is reset when the sentence is
 * done, so the hot path never calls free() and memory stays bounded by the
 * largest sentence, not by the document.
 */
#ifndef DYAD_ARENA_H
#define DYAD_ARENA_H

#include <stddef.h>
#include <stdint.h>

typedef struct arena arena;

/* A new, empty arena; free it with arena_free(). */
arena *arena_new(void);
/* Frees the arena and everything allocated from it; NULL is a no-op. */
void arena_free(arena *a);
/* n bytes aligned for any type, valid until the next arena_reset/free. */
void *arena_alloc(arena *a, size_t n);
/* As arena_alloc, zero-filled. */
void *arena_calloc(arena *a, size_t count, size_t size);
/* A NUL-terminated copy of s[0..n) in the arena. */
char *arena_strndup(arena *a, const char *s, size_t n);
/* Makes room in an arena array: when *n == *cap, *arr (of *cap elements of
 * size elem, arena-owned or NULL) is copied into a new block of twice the
 * size (at least first) and *arr, *cap updated. The old block stays in the
 * arena until reset. */
void arena_grow(arena *a, void **arr, int32_t n, int32_t *cap, int32_t first,
		size_t elem);
/* Forgets every allocation but keeps the first block for reuse. */
void arena_reset(arena *a);
/* Bytes currently handed out (for tests and statistics). */
size_t arena_used(const arena *a);

#endif

/*
 * arena.c - a chain of blocks; allocation bumps a pointer in the newest.
 * Reset frees all blocks but the first, which keeps steady-state coding
 * free of malloc traffic.
 */
#include "arena.h"
#include "xmalloc.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#define ARENA_BLOCK (64 * 1024)
#define ARENA_ALIGN 16

struct arena_block {
	struct arena_block *prev; /* older block, or NULL */
	size_t size;              /* usable bytes in data[] */
	size_t used;              /* bytes handed out from data[] */
	_Alignas(16) unsigned char data[];
};

struct arena {
	struct arena_block *head; /* newest block */
	size_t total;             /* bytes handed out since the last reset */
};

static struct arena_block *block_new(size_t size, struct arena_block *prev)
{
	struct arena_block *b = xmalloc(sizeof *b + size);
	b->prev = prev;
	b->size = size;
	b->used = 0;
	return b;
}

arena *arena_new(void)
{
	arena *a = xmalloc(sizeof *a);
	a->head = block_new(ARENA_BLOCK, NULL);
	a->total = 0;
	return a;
}

void arena_free(arena *a)
{
	if (!a)
		return;
	struct arena_block *b = a->head;
	while (b) {
		struct arena_block *p = b->prev;
		free(b);
		b = p;
	}
	free(a);
}

void *arena_alloc(arena *a, size_t n)
{
	if (n == 0)
		n = 1;
	if (n > SIZE_MAX - ARENA_BLOCK)
		return xmalloc(SIZE_MAX); /* reports and aborts */
	n = (n + ARENA_ALIGN - 1) & ~(size_t)(ARENA_ALIGN - 1);
	struct arena_block *b = a->head;
	if (b->size - b->used < n) {
		size_t size = n > ARENA_BLOCK ? n : ARENA_BLOCK;
		b = block_new(size, a->head);
		a->head = b;
	}
	void *p = b->data + b->used;
	b->used += n;
	a->total += n;
	return p;
}

void *arena_calloc(arena *a, size_t count, size_t size)
{
	if (size && count > SIZE_MAX / size)
		return xmalloc(SIZE_MAX);
	void *p = arena_alloc(a, count * size);
	memset(p, 0, count * size);
	return p;
}

char *arena_strndup(arena *a, const char *s, size_t n)
{
	char *d = arena_alloc(a, n + 1);
	memcpy(d, s, n);
	d[n] = '\0';
	return d;
}

void arena_reset(arena *a)
{
	struct arena_block *b = a->head;
	while (b->prev) {
		struct arena_block *p = b->prev;
		free(b);
		b = p;
	}
	/* Keep the oldest block; if it was an oversized one, keep it anyway:
	 * it is reused by the next sentence of similar size. */
	b->used = 0;
	a->head = b;
	a->total = 0;
}

size_t arena_used(const arena *a)
{
	return a->total;
}

void arena_grow(arena *a, void **arr, int32_t n, int32_t *cap, int32_t first,
		size_t elem)
{
	if (n < *cap)
		return;
	if (*cap > INT32_MAX / 2)
		xmalloc(SIZE_MAX); /* reports and aborts */
	int32_t nc = *cap ? *cap * 2 : first;
	void *na = arena_alloc(a, (size_t)nc * elem);
	if (n > 0)
		memcpy(na, *arr, (size_t)n * elem);
	*arr = na;
	*cap = nc;
}

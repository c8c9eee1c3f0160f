/*
 * intern.c - open-addressing hash table of strings; strings are stored in
 * one growing character pool, offsets in a dense array indexed by id.
 */
#include "intern.h"
#include "xmalloc.h"

#include <stdlib.h>
#include <string.h>

struct intern {
	char *pool;       /* all strings, each NUL-terminated */
	size_t pool_len;  /* bytes used in pool */
	size_t pool_cap;  /* bytes allocated */
	size_t *off;      /* off[id]: offset of string id in pool */
	uint32_t *len;    /* len[id]: its length */
	size_t n;         /* number of ids */
	size_t off_cap;   /* capacity of off[] and len[] */
	int32_t *slots;   /* hash slots: id or -1 */
	size_t nslots;    /* power of two */
};

uint64_t intern_hash(const char *s, size_t n)
{
	uint64_t h = 1469598103934665603ULL;
	for (size_t i = 0; i < n; i++) {
		h ^= (unsigned char)s[i];
		h *= 1099511628211ULL;
	}
	return h;
}

intern *intern_new(void)
{
	intern *t = xcalloc(1, sizeof *t);
	t->nslots = 1024;
	t->slots = xmalloc(t->nslots * sizeof *t->slots);
	memset(t->slots, 0xff, t->nslots * sizeof *t->slots);
	return t;
}

void intern_free(intern *t)
{
	if (!t)
		return;
	free(t->pool);
	free(t->off);
	free(t->len);
	free(t->slots);
	free(t);
}

static size_t probe(const intern *t, const char *s, size_t n, uint64_t h)
{
	size_t mask = t->nslots - 1;
	size_t i = (size_t)h & mask;
	for (;;) {
		int32_t id = t->slots[i];
		if (id < 0)
			return i;
		if (t->len[id] == n && memcmp(t->pool + t->off[id], s, n) == 0)
			return i;
		i = (i + 1) & mask;
	}
}

static void rehash(intern *t)
{
	size_t ns = t->nslots * 2;
	int32_t *slots = xmalloc(ns * sizeof *slots);
	memset(slots, 0xff, ns * sizeof *slots);
	for (size_t id = 0; id < t->n; id++) {
		const char *s = t->pool + t->off[id];
		size_t i = (size_t)intern_hash(s, t->len[id]) & (ns - 1);
		while (slots[i] >= 0)
			i = (i + 1) & (ns - 1);
		slots[i] = (int32_t)id;
	}
	free(t->slots);
	t->slots = slots;
	t->nslots = ns;
}

int32_t intern_add(intern *t, const char *s, size_t n)
{
	uint64_t h = intern_hash(s, n);
	size_t i = probe(t, s, n, h);
	if (t->slots[i] >= 0)
		return t->slots[i];
	if (t->n >= INT32_MAX - 1)
		abort();
	xgrow((void **)&t->pool, &t->pool_cap, t->pool_len + n + 1, 1);
	memcpy(t->pool + t->pool_len, s, n);
	t->pool[t->pool_len + n] = '\0';
	size_t cap = t->off_cap;
	xgrow((void **)&t->off, &cap, t->n + 1, sizeof *t->off);
	xgrow((void **)&t->len, &t->off_cap, t->n + 1, sizeof *t->len);
	t->off[t->n] = t->pool_len;
	t->len[t->n] = (uint32_t)n;
	t->pool_len += n + 1;
	int32_t id = (int32_t)t->n++;
	t->slots[i] = id;
	if (t->n * 2 > t->nslots)
		rehash(t);
	return id;
}

int32_t intern_find(const intern *t, const char *s, size_t n)
{
	size_t i = probe(t, s, n, intern_hash(s, n));
	return t->slots[i];
}

const char *intern_str(const intern *t, int32_t id)
{
	if (id < 0 || (size_t)id >= t->n)
		return NULL;
	return t->pool + t->off[id];
}

int32_t intern_count(const intern *t)
{
	return (int32_t)t->n;
}

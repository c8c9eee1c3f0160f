/*
 * dict.c - the dictionary handle: creation, loading by kind, the file-name
 * convention of --dict DIR, finishing (index building), statistics and
 * the word table. The per-kind parsers and matchers live in dict_*.c.
 */
#include "dict_int.h"
#include "../util/xmalloc.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

dict *dict_new(diag *dg)
{
	dict *d = xcalloc(1, sizeof *d);
	d->dg = dg;
	d->words = intern_new();
	d->icodes = intern_new();
	d->ar = arena_new();
	return d;
}

void dict_free(dict *d)
{
	if (!d)
		return;
	dict_free_verbs(d);
	dict_free_actors(d);
	dict_free_agents(d);
	dict_free_texts(d);
	intern_free(d->words);
	intern_free(d->icodes);
	arena_free(d->ar);
	free(d);
}

int dict_load_mem(dict *d, dict_kind k, const char *name, const char *text,
		  size_t len)
{
	if (!name)
		name = "(dictionary)";
	if (d->finished) {
		dict_report(d, name, 0, "dictionary loaded after dict_finish; "
			    "ignored");
		return -1;
	}
	if ((int)k < 0 || k >= DICT_KIND_COUNT_) {
		dict_report(d, name, 0, "unknown dictionary kind %d", (int)k);
		return -1;
	}
	long before = diag_count(d->dg);
	dict_reader r;
	dict_reader_init(&r, d, name, text, len);
	switch (k) {
	case DICT_VERBS:
		dict_load_verbs(d, &r);
		break;
	case DICT_ACTORS:
		dict_load_actors(d, &r);
		break;
	case DICT_AGENTS:
		dict_load_agents(d, &r);
		break;
	case DICT_DISCARDS:
		dict_load_discards(d, &r);
		break;
	case DICT_ISSUES:
		dict_load_issues(d, &r);
		break;
	default:
		break;
	}
	dict_reader_done(&r);
	if (diag_strict(d->dg) && diag_count(d->dg) > before)
		return -1;
	return 0;
}

int dict_load_file(dict *d, dict_kind k, const char *path)
{
	FILE *f = fopen(path, "rb");
	if (!f) {
		dict_report(d, path, 0, "cannot open: %s", strerror(errno));
		return -1;
	}
	char *text = NULL;
	size_t len = 0, cap = 0;
	int rc = -1;
	for (;;) {
		xgrow((void **)&text, &cap, len + 65536, 1);
		size_t got = fread(text + len, 1, cap - len, f);
		len += got;
		if (got == 0)
			break;
	}
	if (ferror(f)) {
		dict_report(d, path, 0, "cannot read: %s", strerror(errno));
		goto out;
	}
	rc = dict_load_mem(d, k, path, text, len);
out:
	fclose(f);
	free(text);
	return rc;
}

static int ends_with(const char *s, size_t n, const char *suf)
{
	size_t m = strlen(suf);
	return n >= m && strncasecmp(s + n - m, suf, m) == 0;
}

static int contains(const char *s, size_t n, const char *pat)
{
	size_t m = strlen(pat);
	for (size_t i = 0; i + m <= n; i++)
		if (strncasecmp(s + i, pat, m) == 0)
			return 1;
	return 0;
}

int dict_kind_from_filename(const char *name)
{
	if (!name)
		return -1;
	const char *base = strrchr(name, '/');
	base = base ? base + 1 : name;
	size_t n = strlen(base);
	if (ends_with(base, n, ".verbs.txt"))
		return DICT_VERBS;
	if (ends_with(base, n, ".actors.txt"))
		return DICT_ACTORS;
	if (ends_with(base, n, ".agents.txt"))
		return DICT_AGENTS;
	if (ends_with(base, n, ".discards.txt"))
		return DICT_DISCARDS;
	if (ends_with(base, n, ".issues.txt"))
		return DICT_ISSUES;
	if (contains(base, n, "verbpatterns"))
		return DICT_VERBS;
	if (contains(base, n, "issue"))
		return DICT_ISSUES;
	return -1;
}

void dict_finish(dict *d)
{
	if (d->finished)
		return;
	dict_finish_verbs(d);
	dict_finish_actors(d);
	dict_finish_agents(d);
	dict_finish_texts(d);
	d->finished = 1;
}

void dict_get_stats(const dict *d, dict_stats *s)
{
	memset(s, 0, sizeof *s);
	s->verbs = d->nverb_lines;
	s->verb_forms = d->nverb_forms;
	s->patterns = d->nprec;
	s->synsets = d->nsyn;
	s->actors = d->naent;
	s->actor_phrases = d->naphr;
	s->agents = d->ngphr;
	s->discards = d->ndisc;
	s->issues = d->niss;
	s->words = intern_count(d->words);
}

int32_t dict_word(const dict *d, const char *upper, size_t n)
{
	if (!upper)
		return -1;
	return intern_find(d->words, upper, n);
}

const char *dict_word_text(const dict *d, int32_t id)
{
	return intern_str(d->words, id);
}

/*
 * dict_agents.c - agent dictionaries: '!SET! = A, B' substitution sets,
 * 'PHRASE {PLURALS} [~CODE]' / '[CODE~]' entries with automatic plurals,
 * and the first-entry-in-file-order search at a word of a noun phrase
 * (petrarch-semantics.md §3).
 */
#include "dict_int.h"
#include "../util/xmalloc.h"

#include <stdlib.h>
#include <string.h>

/* Variants one agent line may expand to through substitution sets. */
#define AGENT_MAX_VARIANTS 1024

/* ---- Substitution sets ------------------------------------------------ */

static int32_t find_set(const dict *d, const char *name, size_t n)
{
	for (int32_t i = d->ngset - 1; i >= 0; i--)
		if (strlen(d->gset[i].name) == n &&
		    memcmp(d->gset[i].name, name, n) == 0)
			return i;
	return -1;
}

static void set_line(dict *d, dict_reader *r, dict_line *ln, const char *s,
		     size_t n)
{
	const char *e = s + n;
	const char *bang = memchr(s + 1, '!', n - 1);
	const char *eq = memchr(s, '=', n);
	if (!bang || bang > eq || bang == s + 1) {
		dict_report(d, r->name, ln->no, "substitution set needs "
			    "'!NAME! = A, B'; skipped");
		return;
	}
	char name[DICT_MAX_WORD + 8];
	int nn = dict_upper(s + 1, (size_t)(bang - s - 1), name, sizeof name);
	if (nn <= 0) {
		dict_report(d, r->name, ln->no, "substitution set name too "
			    "long; skipped");
		return;
	}
	const char **items = NULL;
	int32_t ni = 0;
	size_t cap = 0;
	const char *p = eq + 1;
	while (p < e) {
		const char *c = memchr(p, ',', (size_t)(e - p));
		if (!c)
			c = e;
		const char *t = p;
		size_t tn = (size_t)(c - p);
		dict_trim(&t, &tn);
		char buf[DICT_MAX_WORD + 8];
		int m = tn ? dict_upper(t, tn, buf, sizeof buf) : 0;
		if (m < 0) {
			dict_report(d, r->name, ln->no, "substitution item too "
				    "long; skipped");
		} else if (m > 0) {
			*DICT_PUSH(items, ni, cap) =
				arena_strndup(d->ar, buf, (size_t)m);
		}
		p = c + 1;
	}
	if (ni == 0) {
		dict_report(d, r->name, ln->no, "substitution set !%s! has no "
			    "items; skipped", name);
		free(items);
		return;
	}
	if (find_set(d, name, (size_t)nn) >= 0)
		dict_report(d, r->name, ln->no, "substitution set !%s! "
			    "redefined; the new items apply from here", name);
	dict_gset *g = DICT_PUSH(d->gset, d->ngset, d->gset_cap);
	g->name = arena_strndup(d->ar, name, (size_t)nn);
	g->items = arena_alloc(d->ar, (size_t)ni * sizeof *g->items);
	memcpy(g->items, items, (size_t)ni * sizeof *items);
	g->nitems = ni;
	free(items);
}

/* ---- Entries ---------------------------------------------------------- */

static void add_variant(dict *d, const dict_words *w)
{
	dict_wseq *p = DICT_PUSH(d->gphr, d->ngphr, d->gphr_cap);
	p->entry = d->ngent - 1;
	p->n = w->n;
	p->w = dict_dup_ids(d, w->w, w->n);
	p->tight = dict_dup_bytes(d, w->tight, w->n);
}

/* The §3 plural of a word: Y -> IES, S -> +ES, else +S. */
static int32_t agent_plural(dict *d, int32_t word)
{
	const char *s = intern_str(d->words, word);
	size_t n = strlen(s);
	char buf[DICT_MAX_WORD + 8];
	if (n == 0 || n > DICT_MAX_WORD)
		return -1;
	memcpy(buf, s, n);
	size_t m = n;
	if (s[n - 1] == 'Y') {
		memcpy(buf + n - 1, "IES", 3);
		m = n + 2;
	} else if (s[n - 1] == 'S') {
		memcpy(buf + n, "ES", 2);
		m = n + 2;
	} else {
		buf[m++] = 'S';
	}
	return intern_add(d->words, buf, m);
}

/* Expands the '!SET!' references of s[0..n) into out (a growing buffer
 * of NUL-separated texts); returns the number of texts, -1 on an unknown
 * set (reported), or -2 when there are too many. */
static int expand_sets(dict *d, dict_reader *r, long line, const char *s,
		       size_t n, char **out, size_t *olen, size_t *ocap,
		       int *subst)
{
	const char *a = memchr(s, '!', n);
	const char *b = a ? memchr(a + 1, '!', (size_t)(s + n - a - 1)) : NULL;
	if (!a || !b) {
		xgrow((void **)out, ocap, *olen + n + 1, 1);
		memcpy(*out + *olen, s, n);
		*olen += n;
		(*out)[(*olen)++] = '\0';
		return 1;
	}
	char name[DICT_MAX_WORD + 8];
	int nn = dict_upper(a + 1, (size_t)(b - a - 1), name, sizeof name);
	int32_t set = nn > 0 ? find_set(d, name, (size_t)nn) : -1;
	if (set < 0) {
		dict_report(d, r->name, line, "unknown substitution set "
			    "'%.*s'; agent skipped", (int)(b - a + 1), a);
		return -1;
	}
	*subst = 1;
	int total = 0;
	const dict_gset *g = &d->gset[set];
	for (int32_t i = 0; i < g->nitems; i++) {
		size_t pre = (size_t)(a - s), in = strlen(g->items[i]);
		size_t post = (size_t)(s + n - b - 1);
		char *tmp = xmalloc(pre + in + post + 1);
		memcpy(tmp, s, pre);
		memcpy(tmp + pre, g->items[i], in);
		memcpy(tmp + pre + in, b + 1, post);
		int k = expand_sets(d, r, line, tmp, pre + in + post, out, olen,
				    ocap, subst);
		free(tmp);
		if (k < 0)
			return k;
		total += k;
		if (total > AGENT_MAX_VARIANTS)
			return -2;
	}
	return total;
}

static int parse_code(const char *c, size_t cn, const char **code,
		      size_t *n, int *prefix)
{
	dict_trim(&c, &cn);
	if (cn >= 2 && c[0] == '~' && c[cn - 1] != '~') {
		*code = c + 1;
		*n = cn - 1;
		*prefix = 0;
	} else if (cn >= 2 && c[cn - 1] == '~' && c[0] != '~') {
		*code = c;
		*n = cn - 1;
		*prefix = 1;
	} else {
		return -1;
	}
	dict_trim(code, n);
	return *n ? 0 : -1;
}

static void agent_line(dict *d, dict_reader *r, dict_line *ln, const char *s,
		       size_t n)
{
	dict_parts pt;
	if (dict_split_parts(d, r->name, ln->no, s, n, "agent", 1, &pt) < 0)
		return;
	const char *ph = pt.phrase;
	size_t phn = pt.nphrase;
	if (!pt.has_code) {
		dict_report(d, r->name, ln->no, "agent '%.*s' has no [code]; "
			    "skipped", (int)phn, ph);
		return;
	}
	const char *cs;
	size_t cn;
	int prefix;
	if (parse_code(pt.code, pt.ncode, &cs, &cn, &prefix) < 0) {
		dict_report(d, r->name, ln->no, "agent code '[%.*s]' needs "
			    "'~CODE' or 'CODE~'; skipped", (int)pt.ncode,
			    pt.code);
		return;
	}
	char why[96];
	if (dict_bad_bytes(ph, phn, why, sizeof why)) {
		dict_report(d, r->name, ln->no, "%s in agent; skipped", why);
		return;
	}
	char *texts = NULL;
	size_t tlen = 0, tcap = 0;
	int subst = 0;
	int nt = expand_sets(d, r, ln->no, ph, phn, &texts, &tlen, &tcap,
			     &subst);
	if (nt == -2)
		dict_report(d, r->name, ln->no, "agent expands to more than %d "
			    "phrases; skipped", AGENT_MAX_VARIANTS);
	if (nt < 0)
		goto out;
	dict_gentry *g = DICT_PUSH(d->gent, d->ngent, d->gent_cap);
	g->phrase = arena_strndup(d->ar, ph, phn);
	g->code = arena_strndup(d->ar, cs, cn);
	g->prefix = prefix;
	const char *t = texts;
	for (int i = 0; i < nt; i++) {
		size_t tn = strlen(t);
		dict_words w;
		const char *err;
		if (dict_split_words(d, t, tn, &w, &err) < 0) {
			dict_report(d, r->name, ln->no, "agent '%s': %s; "
				    "skipped", t, err);
		} else {
			add_variant(d, &w);
			if (!subst && !pt.has_forms) {
				int32_t pl = agent_plural(d, w.w[w.n - 1]);
				if (pl >= 0) {
					w.w[w.n - 1] = pl;
					add_variant(d, &w);
				}
			}
		}
		t += tn + 1;
	}
	size_t pos = 0;
	const char *f;
	size_t fn;
	while (pt.has_forms && dict_next_field(pt.forms, pt.nforms, &pos, &f,
					       &fn)) {
		dict_words w;
		const char *err;
		if (dict_bad_bytes(f, fn, why, sizeof why))
			dict_report(d, r->name, ln->no, "%s in a plural; "
				    "skipped", why);
		else if (dict_split_words(d, f, fn, &w, &err) < 0)
			dict_report(d, r->name, ln->no, "plural '%.*s': %s; "
				    "skipped", (int)fn, f, err);
		else
			add_variant(d, &w);
	}
out:
	free(texts);
}

void dict_load_agents(dict *d, dict_reader *r)
{
	dict_line ln;
	while (dict_reader_next(r, &ln)) {
		const char *s = ln.s;
		size_t n = ln.n;
		dict_trim(&s, &n);
		const char *eq = memchr(s, '=', n);
		if (s[0] == '!' && eq && !memchr(s, '[', (size_t)(eq - s)))
			set_line(d, r, &ln, s, n);
		else
			agent_line(d, r, &ln, s, n);
	}
}

/* ---- Finishing and matching ------------------------------------------ */

static int32_t agent_key(const dict *d, int32_t i)
{
	return d->gphr[i].w[0];
}

void dict_finish_agents(dict *d)
{
	dict_index_build(&d->agent_ix, intern_count(d->words), d->ngphr,
			 agent_key, d);
}

void dict_free_agents(dict *d)
{
	free(d->gent);
	free(d->gphr);
	free(d->gset);
	dict_index_free(&d->agent_ix);
}

int dict_agent_at(const dict *d, const int32_t *words, int32_t n,
		  int32_t pos, const uint8_t *taken, dict_agent_match *m)
{
	if (!d->finished || !words || pos < 0 || pos >= n || words[pos] < 0 ||
	    (taken && taken[pos]))
		return 0;
	const int32_t *rows;
	int32_t nr = dict_index_rows(&d->agent_ix, words[pos], &rows);
	int32_t at[DICT_MAX_PHRASE];
	for (int32_t i = 0; i < nr; i++) {
		const dict_wseq *p = &d->gphr[rows[i]];
		if (p->n > n - pos || !dict_seq_match(p, words, n, pos, taken, at))
			continue;
		const dict_gentry *g = &d->gent[p->entry];
		m->entry = p->entry;
		m->nused = p->n;
		memcpy(m->used, at, (size_t)p->n * sizeof *at);
		m->code = g->code;
		m->prefix = g->prefix;
		m->phrase = g->phrase;
		return 1;
	}
	return 0;
}

/*
 * dict_actors.c - actor dictionaries: primary phrases, '+' synonyms and
 * dated code lines; the longest-leftmost phrase search over a noun phrase
 * (an index by first word and by first two words keeps it to a few
 * probes) and the choice of a code for a sentence date
 * (petrarch-semantics.md §2).
 */
#include "dict_int.h"
#include "../util/xmalloc.h"

#include <stdlib.h>
#include <string.h>

/* ---- Dates ------------------------------------------------------------ */

static int days_in_month(int y, int m)
{
	static const int dm[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
	if (m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0))
		return 29;
	return dm[m - 1];
}

/* YYMMDD (YY 00-30 is 20YY, else 19YY) or YYYYMMDD; 0 if invalid. */
static int32_t parse_date(const char *s, size_t n)
{
	if (n != 6 && n != 8)
		return 0;
	int32_t v = 0;
	for (size_t i = 0; i < n; i++) {
		if (s[i] < '0' || s[i] > '9')
			return 0;
		v = v * 10 + (s[i] - '0');
	}
	int y, m, dd;
	if (n == 6) {
		y = v / 10000;
		y += y <= 30 ? 2000 : 1900;
	} else {
		y = v / 10000;
	}
	m = v / 100 % 100;
	dd = v % 100;
	if (m < 1 || m > 12 || dd < 1 || dd > days_in_month(y, m))
		return 0;
	return (int32_t)(y * 10000 + m * 100 + dd);
}

static int is_digit(char c)
{
	return c >= '0' && c <= '9';
}

/* ---- Codes ------------------------------------------------------------ */

/* One '[CODE dates]' item (the text inside the brackets). */
static void code_item(dict *d, dict_reader *r, long line, const char *s,
		      size_t n)
{
	dict_trim(&s, &n);
	if (n == 0) {
		dict_report(d, r->name, line, "empty code '[]'; skipped");
		return;
	}
	size_t k = 0;
	while (k < n && !dict_is_blank(s[k]) && s[k] != '<' && s[k] != '>')
		k++;
	const char *rest = s + k;
	size_t rn = n - k;
	dict_trim(&rest, &rn);
	dict_acode c = {NULL, ACODE_DEFAULT, 0, 0};
	if (rn > 0) {
		const char *d1 = rest, *d2 = NULL;
		size_t n1 = 0, n2 = 0;
		if (rest[0] == '<' || rest[0] == '>') {
			c.kind = rest[0] == '<' ? ACODE_LE : ACODE_GE;
			d1 = rest + 1;
			n1 = rn - 1;
			dict_trim(&d1, &n1);
		} else if (is_digit(rest[0])) {
			size_t i = 0;
			while (i < rn && is_digit(rest[i]))
				i++;
			n1 = i;
			while (i < rn && dict_is_blank(rest[i]))
				i++;
			if (i == rn) {
				dict_report(d, r->name, line, "date '%.*s' has "
					    "no '<', '>' or '-'; code line "
					    "skipped", (int)rn, rest);
				return;
			}
			if (rest[i] != '-')
				goto unreadable;
			c.kind = ACODE_RANGE;
			d2 = rest + i + 1;
			n2 = rn - i - 1;
			dict_trim(&d2, &n2);
		} else {
			goto unreadable;
		}
		c.d1 = parse_date(d1, n1);
		if (!c.d1) {
			dict_report(d, r->name, line, "invalid date '%.*s' "
				    "(YYMMDD or YYYYMMDD); code line skipped",
				    (int)n1, d1);
			return;
		}
		if (c.kind == ACODE_RANGE) {
			c.d2 = parse_date(d2, n2);
			if (!c.d2) {
				dict_report(d, r->name, line, "invalid date "
					    "'%.*s' (YYMMDD or YYYYMMDD); code "
					    "line skipped", (int)n2, d2);
				return;
			}
			if (c.d2 < c.d1) {
				dict_report(d, r->name, line, "date range "
					    "'%.*s' ends before it starts; "
					    "code line skipped", (int)rn, rest);
				return;
			}
		}
	}
	c.code = arena_strndup(d->ar, s, k);
	*DICT_PUSH(d->acode, d->nacode, d->acode_cap) = c;
	d->aent[d->naent - 1].ncodes++;
	return;
unreadable:
	dict_report(d, r->name, line, "cannot read the date '%.*s'; code line "
		    "skipped", (int)rn, rest);
}

/* The '[...]' items from s on (s at the first '['). */
static void code_items(dict *d, dict_reader *r, long line, const char *s,
		       const char *e)
{
	while (s < e) {
		if (dict_is_blank(*s)) {
			s++;
			continue;
		}
		if (*s != '[') {
			dict_report(d, r->name, line, "text after the code "
				    "ignored: '%.*s'", (int)(e - s), s);
			return;
		}
		const char *q = s + 1;
		while (q < e && *q != ']' && *q != '}' && *q != '[')
			q++;
		if (q == e || *q == '[') {
			dict_report(d, r->name, line, "'[' without ']'; code "
				    "skipped");
			if (q == e)
				return;
			s = q;
			continue;
		}
		if (*q == '}')
			dict_report(d, r->name, line, "'[' closed by '}'; read "
				    "as ']'");
		code_item(d, r, line, s + 1, (size_t)(q - s - 1));
		s = q + 1;
	}
}

/* ---- Phrases ---------------------------------------------------------- */

/* Splits the phrase s[0..n) into w; reports and returns -1 when it
 * cannot be used. Stray brackets are reported and dropped. */
static int actor_phrase(dict *d, dict_reader *r, long line, const char *s,
			size_t n, dict_words *w)
{
	char why[96];
	dict_trim(&s, &n);
	if (dict_bad_bytes(s, n, why, sizeof why)) {
		dict_report(d, r->name, line, "%s in the phrase; skipped",
			    why);
		return -1;
	}
	char buf[1024];
	if (memchr(s, ']', n) || memchr(s, '{', n) || memchr(s, '}', n)) {
		if (n >= sizeof buf) {
			dict_report(d, r->name, line, "phrase too long; "
				    "skipped");
			return -1;
		}
		size_t m = 0;
		char bad = 0;
		for (size_t i = 0; i < n; i++) {
			if (s[i] == ']' || s[i] == '{' || s[i] == '}') {
				bad = s[i];
				continue;
			}
			buf[m++] = s[i];
		}
		dict_report(d, r->name, line, "stray '%c' in '%.*s' ignored",
			    bad, (int)n, s);
		s = buf;
		n = m;
	}
	const char *err;
	if (dict_split_words(d, s, n, w, &err) < 0) {
		dict_report(d, r->name, line, "%s; skipped", err);
		return -1;
	}
	return 0;
}

static void add_phrase(dict *d, const dict_words *w)
{
	dict_wseq *p = DICT_PUSH(d->aphr, d->naphr, d->aphr_cap);
	p->entry = d->naent - 1;
	p->n = w->n;
	p->w = dict_dup_ids(d, w->w, w->n);
	p->tight = dict_dup_bytes(d, w->tight, w->n);
}

/* ---- The loader ------------------------------------------------------- */

void dict_load_actors(dict *d, dict_reader *r)
{
	dict_line ln;
	int have = 0; /* an entry is open for synonyms and code lines */
	while (dict_reader_next(r, &ln)) {
		const char *s = ln.s, *e = ln.s + ln.n;
		int indent = dict_is_blank(s[0]);
		while (s < e && dict_is_blank(*s))
			s++;
		const char *lb = memchr(s, '[', (size_t)(e - s));
		if (s[0] == '[') {
			if (have > 0)
				code_items(d, r, ln.no, s, e);
			else if (have == 0)
				dict_report(d, r->name, ln.no, "code line "
					    "before any actor; skipped");
			continue;
		}
		dict_words w;
		const char *pe = lb ? lb : e;
		if (s[0] == '+') {
			if (have < 0)
				continue; /* the entry was skipped */
			if (have == 0) {
				dict_report(d, r->name, ln.no, "synonym before "
					    "any actor; skipped");
				continue;
			}
			if (actor_phrase(d, r, ln.no, s + 1,
					 (size_t)(pe - s - 1), &w) == 0)
				add_phrase(d, &w);
			if (lb)
				code_items(d, r, ln.no, lb, e);
			continue;
		}
		if (indent) {
			const char *t = s;
			size_t tn = (size_t)(pe - s);
			dict_trim(&t, &tn);
			dict_report(d, r->name, ln.no, "indented line read as a "
				    "new actor '%.*s'", (int)tn, t);
		}
		if (actor_phrase(d, r, ln.no, s, (size_t)(pe - s), &w) < 0) {
			have = -1;
			continue;
		}
		dict_aentry *a = DICT_PUSH(d->aent, d->naent, d->aent_cap);
		a->phrase = dict_strdup_trim(d, s, (size_t)(pe - s));
		a->code0 = d->nacode;
		a->ncodes = 0;
		have = 1;
		add_phrase(d, &w);
		if (lb)
			code_items(d, r, ln.no, lb, e);
	}
}

/* ---- Finishing -------------------------------------------------------- */

static uint64_t pair_key(int32_t a, int32_t b)
{
	return ((uint64_t)(uint32_t)a << 32) | (uint32_t)b;
}

static size_t pair_hash(uint64_t k, size_t mask)
{
	return (size_t)((k * 0x9E3779B97F4A7C15ULL) >> 29) & mask;
}

/* qsort has no context argument in C11: sort (key, row) records. */
typedef struct pair_row {
	uint64_t key;
	int32_t n;
	int32_t row;
} pair_row;

static int cmp_pair_row(const void *pa, const void *pb)
{
	const pair_row *a = pa, *b = pb;
	if (a->key != b->key)
		return a->key < b->key ? -1 : 1;
	if (a->n != b->n)
		return a->n > b->n ? -1 : 1;
	return a->row < b->row ? -1 : a->row > b->row;
}

void dict_finish_actors(dict *d)
{
	int32_t nw = intern_count(d->words);
	d->nsingle = nw;
	d->single = xmalloc((size_t)(nw ? nw : 1) * sizeof *d->single);
	memset(d->single, 0xff, (size_t)(nw ? nw : 1) * sizeof *d->single);
	int32_t nmulti = 0;
	for (int32_t i = 0; i < d->naphr; i++) {
		const dict_wseq *p = &d->aphr[i];
		if (p->n == 1) {
			if (d->single[p->w[0]] < 0)
				d->single[p->w[0]] = i;
		} else {
			nmulti++;
		}
	}
	pair_row *rows = xmalloc((size_t)(nmulti ? nmulti : 1) * sizeof *rows);
	int32_t k = 0;
	for (int32_t i = 0; i < d->naphr; i++) {
		const dict_wseq *p = &d->aphr[i];
		if (p->n < 2)
			continue;
		rows[k].key = pair_key(p->w[0], p->w[1]);
		rows[k].n = p->n;
		rows[k].row = i;
		k++;
	}
	if (nmulti > 1)
		qsort(rows, (size_t)nmulti, sizeof *rows, cmp_pair_row);
	int32_t nkeys = 0;
	for (int32_t i = 0; i < nmulti; i++)
		if (i == 0 || rows[i].key != rows[i - 1].key)
			nkeys++;
	size_t ns = 16;
	while (ns < (size_t)nkeys * 2)
		ns *= 2;
	d->npairs_slots = ns;
	d->pairs = xcalloc(ns, sizeof *d->pairs);
	d->pair_items = xmalloc((size_t)(nmulti ? nmulti : 1) *
				sizeof *d->pair_items);
	for (int32_t i = 0; i < nmulti; i++) {
		d->pair_items[i] = rows[i].row;
		if (i > 0 && rows[i].key == rows[i - 1].key)
			continue;
		size_t h = pair_hash(rows[i].key, ns - 1);
		while (d->pairs[h].count)
			h = (h + 1) & (ns - 1);
		d->pairs[h].key = rows[i].key;
		d->pairs[h].start = i;
		int32_t c = 0;
		while (i + c < nmulti && rows[i + c].key == rows[i].key)
			c++;
		d->pairs[h].count = c;
	}
	free(rows);
}

void dict_free_actors(dict *d)
{
	free(d->aent);
	free(d->acode);
	free(d->aphr);
	free(d->single);
	free(d->pairs);
	free(d->pair_items);
}

/* ---- Matching --------------------------------------------------------- */

/* Each run of '_'-joined words is placed at its earliest position, which
 * is optimal since runs only need to keep their order. */
int dict_seq_match(const dict_wseq *p, const int32_t *words, int32_t n,
		   int32_t start, const uint8_t *taken, int32_t *pos)
{
	int32_t k = 0;      /* first word of the current run */
	int32_t from = start;
	while (k < p->n) {
		int32_t len = 1;
		while (k + len < p->n && p->tight[k + len])
			len++;
		int32_t j = from;
		int32_t last = n - len;
		if (k == 0 && start < last)
			last = start;
		for (; j <= last; j++) {
			int32_t t = 0;
			while (t < len && words[j + t] == p->w[k + t] &&
			       !(taken && taken[j + t]))
				t++;
			if (t == len)
				break;
		}
		if (j > last)
			return 0;
		for (int32_t t = 0; t < len; t++)
			pos[k + t] = j + t;
		from = j + len;
		k += len;
	}
	return 1;
}

static const dict_pairslot *pair_find(const dict *d, int32_t a, int32_t b)
{
	if (!d->pairs)
		return NULL;
	uint64_t key = pair_key(a, b);
	size_t mask = d->npairs_slots - 1;
	size_t h = pair_hash(key, mask);
	while (d->pairs[h].count) {
		if (d->pairs[h].key == key)
			return &d->pairs[h];
		h = (h + 1) & mask;
	}
	return NULL;
}

int dict_actor_find(const dict *d, const int32_t *words, int32_t n,
		    dict_actor_match *m)
{
	if (!d->finished || !words)
		return 0;
	int32_t pos[DICT_MAX_PHRASE];
	for (int32_t i = 0; i < n; i++) {
		int32_t w = words[i];
		if (w < 0)
			continue;
		int32_t best = -1, bestn = 0;
		if (w < d->nsingle && d->single[w] >= 0) {
			best = d->single[w];
			bestn = 1;
			m->used[0] = i;
		}
		for (int32_t j = i + 1; j < n; j++) {
			int32_t wj = words[j];
			if (wj < 0)
				continue;
			int seen = 0;
			for (int32_t q = i + 1; q < j && !seen; q++)
				seen = words[q] == wj;
			if (seen)
				continue;
			const dict_pairslot *ps = pair_find(d, w, wj);
			if (!ps)
				continue;
			for (int32_t r = 0; r < ps->count; r++) {
				int32_t row = d->pair_items[ps->start + r];
				const dict_wseq *p = &d->aphr[row];
				if (p->n > n - i)
					continue;
				if (p->n < bestn ||
				    (p->n == bestn && row > best))
					break;
				if (dict_seq_match(p, words, n, i, NULL, pos)) {
					best = row;
					bestn = p->n;
					memcpy(m->used, pos,
					       (size_t)p->n * sizeof *pos);
					break;
				}
			}
		}
		if (best >= 0) {
			m->entry = d->aphr[best].entry;
			m->nused = bestn;
			return 1;
		}
	}
	return 0;
}

const char *dict_actor_code(const dict *d, int32_t entry, int32_t date)
{
	if (entry < 0 || entry >= d->naent)
		return "---";
	const dict_aentry *a = &d->aent[entry];
	if (a->ncodes == 0)
		return "---";
	const dict_acode *c = d->acode + a->code0;
	const char *def = NULL, *open = NULL;
	for (int32_t i = 0; i < a->ncodes; i++) {
		switch (c[i].kind) {
		case ACODE_DEFAULT:
			def = c[i].code;
			break;
		case ACODE_LE:
			if (date && date <= c[i].d1)
				return c[i].code;
			break;
		case ACODE_GE:
			if (date && date >= c[i].d1)
				return c[i].code;
			open = c[i].code;
			break;
		default:
			if (date && date >= c[i].d1 && date <= c[i].d2)
				return c[i].code;
			break;
		}
	}
	if (def)
		return def;
	if (!date && open)
		return open;
	return "---";
}

const char *dict_actor_phrase(const dict *d, int32_t entry)
{
	if (entry < 0 || entry >= d->naent)
		return NULL;
	return d->aent[entry].phrase;
}

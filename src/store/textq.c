/*
 * textq.c - dyad's full-text query language into FTS5 or tsquery (see
 * textq.h). The query is read into OR-separated groups of terms, each a
 * word sequence (one word, or a quoted phrase; the last word may be a
 * prefix) with a negation flag; each group needs a positive term. Words
 * are written lower-cased and quoted, so nothing a user types is ever
 * read as syntax by the backend.
 */
#include "textq.h"

#include "../util/xmalloc.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* A word character: ASCII letters and digits, and every byte of a
 * non-ASCII UTF-8 character. */
static int wordc(unsigned char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c >= 0x80;
}

typedef struct term {
	buf words[16];  /* lower-cased words of the term, in order */
	int nwords;
	int prefix;     /* the last word is a prefix */
	int neg;
} term;

typedef struct query {
	term t[64];
	int group[64];  /* the OR group of each term */
	int n, ngroups;
} query;

static void query_free(query *q)
{
	for (int i = 0; i < q->n; i++)
		for (int w = 0; w < q->t[i].nwords; w++)
			buf_free(&q->t[i].words[w]);
}

/* Splits text [p, end) into the words of term t. Returns -1 when it has
 * too many. */
static int add_words(term *t, const char *p, const char *end)
{
	while (p < end) {
		while (p < end && !wordc((unsigned char)*p))
			p++;
		if (p >= end)
			break;
		if (t->nwords == (int)(sizeof t->words / sizeof t->words[0]))
			return -1;
		buf *w = &t->words[t->nwords++];
		*w = (buf)BUF_INIT;
		for (; p < end && wordc((unsigned char)*p); p++)
			buf_putc(w, *p >= 'A' && *p <= 'Z' ? (char)(*p - 'A' + 'a') : *p);
	}
	return 0;
}

static int is_kw(const char *p, size_t n, const char *kw)
{
	return strlen(kw) == n && !strncmp(p, kw, n);
}

static int fail(char *err, size_t err_size, const char *msg)
{
	snprintf(err, err_size, "%s", msg);
	return -1;
}

static int parse(const char *s, query *q, char *err, size_t err_size)
{
	int neg = 0, want_term = 0; /* want_term: after AND/OR/NOT */
	int group_pos = 0;          /* positive terms in the current group */
	const char *p = s;
	q->ngroups = 1;
	for (;;) {
		while (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r')
			p++;
		if (!*p)
			break;
		const char *start = p;
		int quoted = *p == '"';
		int minus = 0;
		if (*p == '-' && p[1] && p[1] != ' ') {
			minus = 1;
			start = ++p;
			quoted = *p == '"';
		}
		const char *end;
		if (quoted) {
			const char *close = strchr(p + 1, '"');
			if (!close)
				return fail(err, err_size, "an unclosed quote");
			start = p + 1;
			end = close;
			p = close + 1;
		} else {
			while (*p && *p != ' ' && *p != '\t' && *p != '\n' && *p != '\r' && *p != '"')
				p++;
			end = p;
		}
		size_t len = (size_t)(end - start);
		if (!quoted && !minus && (is_kw(start, len, "AND") || is_kw(start, len, "OR") ||
					  is_kw(start, len, "NOT"))) {
			if (is_kw(start, len, "NOT")) {
				if (neg)
					return fail(err, err_size, "NOT twice");
				neg = 1;
				want_term = 1;
				continue;
			}
			if (want_term || q->n == 0 || q->group[q->n - 1] != q->ngroups - 1)
				return fail(err, err_size, "AND or OR needs a term on each side");
			if (is_kw(start, len, "OR")) {
				if (!group_pos)
					return fail(err, err_size, "a part of the query has only exclusions");
				q->ngroups++;
				group_pos = 0;
			}
			want_term = 1;
			continue;
		}
		if (q->n == (int)(sizeof q->t / sizeof q->t[0]))
			return fail(err, err_size, "too many terms (at most 64)");
		term *t = &q->t[q->n];
		memset(t, 0, sizeof *t);
		int prefix = !quoted && len > 1 && start[len - 1] == '*';
		if (quoted && *p == '*') {
			prefix = 1;
			p++;
		}
		if (add_words(t, start, end) < 0) {
			q->n++;
			return fail(err, err_size, "too many words in one term (at most 16)");
		}
		if (t->nwords == 0) {
			if (quoted || minus)
				return fail(err, err_size, "a term without a word to match");
			continue; /* punctuation alone: nothing to match */
		}
		t->prefix = prefix;
		t->neg = neg || minus;
		q->group[q->n] = q->ngroups - 1;
		q->n++;
		if (!t->neg)
			group_pos++;
		neg = 0;
		want_term = 0;
	}
	if (want_term)
		return fail(err, err_size, q->n ? "AND, OR or NOT at the end" : "no word to match");
	if (q->n == 0)
		return fail(err, err_size, "no word to match");
	if (!group_pos)
		return fail(err, err_size, "a part of the query has only exclusions");
	return 0;
}

static void put_term(buf *out, const term *t, textq_dialect d)
{
	if (d == TEXTQ_FTS5) {
		/* one FTS5 string: its words must be adjacent (a phrase) */
		buf_putc(out, '"');
		for (int w = 0; w < t->nwords; w++) {
			if (w)
				buf_putc(out, ' ');
			buf_add(out, t->words[w].data, t->words[w].len);
		}
		buf_putc(out, '"');
		if (t->prefix)
			buf_putc(out, '*');
		return;
	}
	if (t->nwords > 1)
		buf_putc(out, '(');
	for (int w = 0; w < t->nwords; w++) {
		if (w)
			buf_puts(out, " <-> ");
		buf_putc(out, '\'');
		buf_add(out, t->words[w].data, t->words[w].len);
		buf_putc(out, '\'');
		if (t->prefix && w == t->nwords - 1)
			buf_puts(out, ":*");
	}
	if (t->nwords > 1)
		buf_putc(out, ')');
}

int textq_translate(const char *query_text, textq_dialect d, buf *out, char *err, size_t err_size)
{
	query *q = xcalloc(1, sizeof *q);
	int rc = parse(query_text ? query_text : "", q, err, err_size);
	if (rc == 0) {
		/* FTS5: NOT binds tighter than AND, AND tighter than OR, so
		 * "a" AND "b" NOT "c" OR "d" is ((a AND (b NOT c)) OR d). */
		for (int g = 0; g < q->ngroups; g++) {
			if (g)
				buf_puts(out, d == TEXTQ_FTS5 ? " OR " : " | ");
			buf_putc(out, '(');
			int first = 1;
			for (int i = 0; i < q->n; i++) {
				if (q->group[i] != g || q->t[i].neg)
					continue;
				if (!first)
					buf_puts(out, d == TEXTQ_FTS5 ? " AND " : " & ");
				put_term(out, &q->t[i], d);
				first = 0;
			}
			for (int i = 0; i < q->n; i++) {
				if (q->group[i] != g || !q->t[i].neg)
					continue;
				buf_puts(out, d == TEXTQ_FTS5 ? " NOT " : " & !");
				put_term(out, &q->t[i], d);
			}
			buf_putc(out, ')');
		}
	}
	query_free(q);
	free(q);
	return rc;
}

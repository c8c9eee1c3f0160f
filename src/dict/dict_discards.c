/*
 * dict_discards.c - the two dictionaries matched against a sentence's raw
 * text rather than its parse: discards (sentence or '+' story) and the
 * Phoenix issues ('<ISSUE>' blocks, n:/v:/+ expansions, '~' cancels).
 * Both match whole words, case-insensitively (docs/dictionaries.md).
 */
#include "dict_int.h"
#include "../util/xmalloc.h"

#include <stdlib.h>
#include <string.h>

/* Phrase forms one issue line may expand to. */
#define ISSUE_MAX_FORMS 256
/* Parts ('+'-joined pieces of blank-separated chunks) of one issue line. */
#define ISSUE_MAX_PARTS 32
/* Distinct issue forms remembered per sentence (to count each once). */
#define ISSUE_SEEN 256

/* ---- Text tokens ------------------------------------------------------ */

static int is_space(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' ||
	       c == '\v';
}

static int is_lead_punct(char c)
{
	return c && strchr("\"'`([{<", c) != NULL;
}

static int is_trail_punct(char c)
{
	return c && strchr(".,;:!?\"'`)]}>", c) != NULL;
}

/* A blank-separated token of a sentence, upper-cased, with the extent of
 * its surrounding punctuation. */
typedef struct ttok {
	char buf[DICT_MAX_WORD + 8];
	int len;  /* bytes in buf; -1 when too long to be a dictionary word */
	int l, r; /* buf[l..r): without leading / trailing punctuation */
} ttok;

/* The next token of s[0..n) from *pos; 0 at the end. */
static int next_tok(const char *s, size_t n, size_t *pos, ttok *t)
{
	size_t i = *pos;
	while (i < n && is_space(s[i]))
		i++;
	if (i >= n) {
		*pos = n;
		return 0;
	}
	size_t j = i;
	while (j < n && !is_space(s[j]))
		j++;
	*pos = j;
	t->len = dict_upper(s + i, j - i, t->buf, sizeof t->buf);
	if (t->len > DICT_MAX_WORD)
		t->len = -1;
	if (t->len < 0)
		return 1;
	t->l = 0;
	t->r = t->len;
	while (t->l < t->r && is_lead_punct(t->buf[t->l]))
		t->l++;
	while (t->r > t->l && is_trail_punct(t->buf[t->r - 1]))
		t->r--;
	return 1;
}

/* The word id of the token, leading and / or trailing punctuation cut. */
static int32_t tok_id(const dict *d, const ttok *t, int lead, int trail)
{
	if (t->len < 0)
		return -1;
	int a = lead ? t->l : 0, b = trail ? t->r : t->len;
	if (b <= a)
		return -1;
	return intern_find(d->words, t->buf + a, (size_t)(b - a));
}

/* The ids a token may start a phrase with: as written, without leading
 * punctuation, without any (-1 when there is no such word). The distinct
 * ones that are words go to starts, in that order; returns their count. */
static int tok_ids(const dict *d, const ttok *t, int32_t ids[3],
		   int32_t starts[3])
{
	ids[0] = tok_id(d, t, 0, 0);
	ids[1] = t->l > 0 ? tok_id(d, t, 1, 0) : -1;
	ids[2] = t->r < t->len ? tok_id(d, t, 1, 1) : -1;
	int n = 0;
	for (int v = 0; v < 3; v++)
		if (ids[v] >= 0 && !(v > 0 && ids[v] == ids[0]) &&
		    !(v == 2 && ids[2] == ids[1]))
			starts[n++] = ids[v];
	return n;
}

/* Does phrase p match at the token whose ids are ids, and with its words
 * 1.. at the tokens from *pos on? Punctuation may precede the first word
 * and follow the last one, never sit between words. */
static int phrase_matches(const dict *d, const dict_tphrase *p,
			  const int32_t ids[3], const char *s, size_t n,
			  size_t pos)
{
	if (p->n > 1 && p->w[0] != ids[0] && p->w[0] != ids[1])
		return 0;
	ttok t;
	for (int32_t k = 1; k < p->n; k++) {
		if (!next_tok(s, n, &pos, &t))
			return 0;
		if (tok_id(d, &t, 0, 0) == p->w[k])
			continue;
		if (k == p->n - 1 && t.r < t.len && tok_id(d, &t, 0, 1) == p->w[k])
			continue;
		return 0;
	}
	return 1;
}

/* ---- Discards --------------------------------------------------------- */

void dict_load_discards(dict *d, dict_reader *r)
{
	dict_line ln;
	while (dict_reader_next(r, &ln)) {
		const char *s = ln.s;
		size_t n = ln.n;
		dict_trim(&s, &n);
		int story = 0;
		if (s[0] == '+') {
			story = 1;
			s++;
			n--;
			dict_trim(&s, &n);
		}
		char why[96];
		if (dict_bad_bytes(s, n, why, sizeof why)) {
			dict_report(d, r->name, ln.no, "%s in discard; skipped",
				    why);
			continue;
		}
		dict_words w;
		const char *err;
		if (dict_split_words(d, s, n, &w, &err) < 0) {
			dict_report(d, r->name, ln.no, "discard: %s; skipped",
				    err);
			continue;
		}
		dict_tphrase *p = DICT_PUSH(d->disc, d->ndisc, d->disc_cap);
		p->w = dict_dup_ids(d, w.w, w.n);
		p->n = w.n;
		p->tag = story ? DICT_DISCARD_STORY : DICT_DISCARD_SENTENCE;
		p->text = arena_strndup(d->ar, s, n);
	}
}

dict_discard_kind dict_discard_check(const dict *d, const char *text,
				     size_t n, const char **phrase)
{
	dict_discard_kind best = DICT_KEEP;
	if (phrase)
		*phrase = NULL;
	if (!d->finished || !text || d->ndisc == 0)
		return best;
	size_t pos = 0;
	ttok t;
	int32_t ids[3], starts[3];
	while (next_tok(text, n, &pos, &t)) {
		int ns = tok_ids(d, &t, ids, starts);
		for (int v = 0; v < ns; v++) {
			const int32_t *rows;
			int32_t nr = dict_index_rows(&d->disc_ix, starts[v], &rows);
			for (int32_t i = 0; i < nr; i++) {
				const dict_tphrase *p = &d->disc[rows[i]];
				if (p->tag <= (int32_t)best ||
				    !phrase_matches(d, p, ids, text, n, pos))
					continue;
				best = (dict_discard_kind)p->tag;
				if (phrase)
					*phrase = p->text;
				if (best == DICT_DISCARD_STORY)
					return best;
			}
		}
	}
	return best;
}

/* ---- Issues ----------------------------------------------------------- */

typedef struct ipart {
	const char *s;  /* the part without its n:/v: prefix */
	size_t n;
	char kind;      /* 0, 'n' or 'v' */
	char join;      /* before it: 0 first, ' ' blank, '+' plus */
} ipart;

/* The alternatives of a part (upper case) into alt[], NUL-separated in
 * buf; returns their count. */
static int part_forms(const ipart *p, char buf[][DICT_MAX_WORD + 8])
{
	int m = dict_upper(p->s, p->n, buf[0], DICT_MAX_WORD + 1);
	if (m <= 0)
		return -1;
	int k = 1;
	size_t n = (size_t)m;
	const char *w = buf[0];
	if (p->kind == 'n') {
		memcpy(buf[1], w, n);
		size_t o = n;
		if (w[n - 1] == 'Y') {
			memcpy(buf[1] + n - 1, "IES", 3);
			o = n + 2;
		} else if (w[n - 1] == 'S') {
			memcpy(buf[1] + n, "ES", 2);
			o = n + 2;
		} else {
			buf[1][o++] = 'S';
		}
		buf[1][o] = '\0';
		k = 2;
	} else if (p->kind == 'v') {
		for (int which = 0; which < 3; which++)
			if (dict_verb_form(w, n, which, buf[k]) > 0)
				k++;
	}
	return k;
}

static void add_issue_form(dict *d, dict_reader *r, long line, const char *t,
			   size_t tn, int32_t code)
{
	dict_words w;
	const char *err;
	if (dict_split_words(d, t, tn, &w, &err) < 0) {
		dict_report(d, r->name, line, "issue phrase '%.*s': %s; "
			    "skipped", (int)tn, t, err);
		return;
	}
	dict_tphrase *p = DICT_PUSH(d->iss, d->niss, d->iss_cap);
	p->w = dict_dup_ids(d, w.w, w.n);
	p->n = w.n;
	p->tag = code;
	p->text = NULL;
}

static void issue_line(dict *d, dict_reader *r, dict_line *ln, const char *s,
		       size_t n)
{
	const char *e = s + n;
	int cancel = 0;
	while (s < e && *s == '~') {
		cancel = 1;
		s++;
	}
	const char *lb = memchr(s, '[', (size_t)(e - s));
	const char *pe = lb ? lb : e;
	int32_t code = -1;
	if (lb) {
		const char *c;
		size_t cn;
		const char *rb = dict_bracket_code(lb, e, &c, &cn);
		if (!rb) {
			dict_report(d, r->name, ln->no, "'[' without ']'; "
				    "skipped");
			return;
		}
		const char *t = rb + 1;
		size_t tn = (size_t)(e - t);
		dict_trim(&t, &tn);
		if (tn && t[0] != '[' && memchr(t, '[', tn)) {
			/* a missing line break: "a [X]b [X]" */
			dict_report(d, r->name, ln->no, "two issue phrases on "
				    "one line; read as two lines");
			issue_line(d, r, ln, t, tn);
		} else if (tn) {
			dict_report(d, r->name, ln->no, "text after the issue "
				    "code ignored: '%.*s'", (int)tn, t);
		}
		if (!cancel) {
			if (cn == 0) {
				dict_report(d, r->name, ln->no, "empty issue "
					    "code '[]'; skipped");
				return;
			}
			code = intern_add(d->icodes, c, cn);
		}
	} else if (!cancel) {
		dict_report(d, r->name, ln->no, "issue phrase has no [CODE]; "
			    "skipped");
		return;
	}
	const char *ph = s;
	size_t phn = (size_t)(pe - s);
	dict_trim(&ph, &phn);
	char why[96];
	if (dict_bad_bytes(ph, phn, why, sizeof why)) {
		dict_report(d, r->name, ln->no, "%s in issue phrase; skipped",
			    why);
		return;
	}
	/* parts: blank-separated chunks, '+'-separated pieces */
	ipart parts[ISSUE_MAX_PARTS];
	int np = 0, plus = 0;
	size_t i = 0;
	char join = 0;
	while (i < phn) {
		if (dict_is_blank(ph[i]) || ph[i] == '+') {
			if (ph[i] == '+') {
				if (join != ' ')
					join = '+';
			} else {
				join = ' ';
			}
			i++;
			continue;
		}
		size_t j = i;
		while (j < phn && !dict_is_blank(ph[j]) && ph[j] != '+')
			j++;
		if (np >= ISSUE_MAX_PARTS) {
			dict_report(d, r->name, ln->no, "issue phrase has more "
				    "than %d parts; skipped", ISSUE_MAX_PARTS);
			return;
		}
		ipart *p = &parts[np++];
		p->s = ph + i;
		p->n = j - i;
		p->kind = 0;
		p->join = np == 1 ? 0 : join;
		if (p->n > 2 && p->s[1] == ':' &&
		    (p->s[0] == 'n' || p->s[0] == 'N' || p->s[0] == 'v' ||
		     p->s[0] == 'V')) {
			p->kind = (char)(p->s[0] | 0x20);
			p->s += 2;
			p->n -= 2;
		}
		join = 0;
		i = j;
	}
	if (np == 0) {
		dict_report(d, r->name, ln->no, "empty issue phrase; skipped");
		return;
	}
	for (int k = 1; k < np; k++)
		plus |= parts[k].join == '+';
	static const char no_plus[] = " ";
	static const char with_plus[] = " -";
	const char *joins = plus ? with_plus : no_plus;
	char alt[ISSUE_MAX_PARTS][4][DICT_MAX_WORD + 8];
	int nalt[ISSUE_MAX_PARTS];
	long total = (long)strlen(joins);
	for (int k = 0; k < np; k++) {
		char tmp[4][DICT_MAX_WORD + 8];
		nalt[k] = part_forms(&parts[k], tmp);
		if (nalt[k] < 0) {
			dict_report(d, r->name, ln->no, "issue word too long; "
				    "skipped");
			return;
		}
		memcpy(alt[k], tmp, sizeof tmp);
		total *= nalt[k];
		if (total > ISSUE_MAX_FORMS) {
			dict_report(d, r->name, ln->no, "issue phrase expands "
				    "to more than %d forms; skipped",
				    ISSUE_MAX_FORMS);
			return;
		}
	}
	char text[ISSUE_MAX_PARTS * (DICT_MAX_WORD + 1) + 1];
	for (const char *jc = joins; *jc; jc++) {
		int idx[ISSUE_MAX_PARTS] = {0};
		for (;;) {
			size_t o = 0;
			for (int k = 0; k < np; k++) {
				if (k > 0)
					text[o++] = parts[k].join == '+' ? *jc
									 : ' ';
				size_t l = strlen(alt[k][idx[k]]);
				memcpy(text + o, alt[k][idx[k]], l);
				o += l;
			}
			add_issue_form(d, r, ln->no, text, o, code);
			int k = np - 1;
			while (k >= 0 && ++idx[k] == nalt[k])
				idx[k--] = 0;
			if (k < 0)
				break;
		}
	}
}

void dict_load_issues(dict *d, dict_reader *r)
{
	dict_line ln;
	int open = 0;
	while (dict_reader_next(r, &ln)) {
		const char *s = ln.s;
		size_t n = ln.n;
		dict_trim(&s, &n);
		if (n >= 6 && strncmp(s, "<ISSUE", 6) == 0) {
			if (open)
				dict_report(d, r->name, ln.no, "<ISSUE> inside "
					    "an open <ISSUE> block");
			open = 1;
			continue;
		}
		if (n >= 7 && strncmp(s, "</ISSUE", 7) == 0) {
			if (!open)
				dict_report(d, r->name, ln.no, "</ISSUE> "
					    "without an open <ISSUE>");
			open = 0;
			continue;
		}
		issue_line(d, r, &ln, s, n);
	}
	if (open)
		dict_report(d, r->name, 0, "<ISSUE> block not closed at the "
			    "end of the file");
}

int32_t dict_issues(const dict *d, const char *text, size_t n,
		    dict_issue_count *out, int32_t max)
{
	if (!d->finished || !text || d->niss == 0 || !out || max <= 0)
		return 0;
	int32_t seen[ISSUE_SEEN];
	int32_t nseen = 0, ncodes = 0;
	size_t pos = 0;
	ttok t;
	int32_t ids[3], starts[3];
	while (next_tok(text, n, &pos, &t)) {
		int ns = tok_ids(d, &t, ids, starts);
		for (int v = 0; v < ns; v++) {
			const int32_t *rows;
			int32_t nr = dict_index_rows(&d->iss_ix, starts[v], &rows);
			for (int32_t i = 0; i < nr; i++) {
				const dict_tphrase *p = &d->iss[rows[i]];
				if (!phrase_matches(d, p, ids, text, n, pos))
					continue;
				if (p->tag < 0)
					return 0;
				int dup = 0;
				for (int32_t k = 0; k < nseen && !dup; k++)
					dup = seen[k] == rows[i];
				if (dup)
					continue;
				if (nseen < ISSUE_SEEN)
					seen[nseen++] = rows[i];
				const char *code = intern_str(d->icodes, p->tag);
				int32_t k = 0;
				while (k < ncodes && out[k].code != code)
					k++;
				if (k == ncodes) {
					if (ncodes == max)
						continue;
					out[k].code = code;
					out[k].count = 0;
					ncodes++;
				}
				out[k].count++;
			}
		}
	}
	return ncodes;
}

/* ---- Finishing -------------------------------------------------------- */

static int32_t disc_key(const dict *d, int32_t i)
{
	return d->disc[i].w[0];
}

static int32_t iss_key(const dict *d, int32_t i)
{
	return d->iss[i].w[0];
}

void dict_finish_texts(dict *d)
{
	int32_t nw = intern_count(d->words);
	dict_index_build(&d->disc_ix, nw, d->ndisc, disc_key, d);
	dict_index_build(&d->iss_ix, nw, d->niss, iss_key, d);
}

void dict_free_texts(dict *d)
{
	free(d->disc);
	free(d->iss);
	dict_index_free(&d->disc_ix);
	dict_index_free(&d->iss_ix);
}

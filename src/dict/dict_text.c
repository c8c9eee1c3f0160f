/*
 * dict_text.c - what every dictionary loader shares: the line reader that
 * removes '#', '<!' and '<!-- -->' comments, upper-casing and interning of
 * words, the phrase splitter ('_' and blanks), byte checks, the parts of
 * "PHRASE {forms} [code]" lines, and the word-id index used by the
 * matchers.
 */
#include "dict_int.h"
#include "../util/xmalloc.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

/* ---- Reports ---------------------------------------------------------- */

void dict_report(dict *d, const char *name, long line, const char *fmt, ...)
{
	char msg[512];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	diag_report(d->dg, name, line, "%s", msg);
}

/* ---- Small helpers ---------------------------------------------------- */

int dict_is_blank(char c)
{
	return c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v';
}

void dict_trim(const char **s, size_t *n)
{
	const char *p = *s;
	size_t m = *n;
	while (m && dict_is_blank(p[0])) {
		p++;
		m--;
	}
	while (m && dict_is_blank(p[m - 1]))
		m--;
	*s = p;
	*n = m;
}

const char *dict_strdup_trim(dict *d, const char *s, size_t n)
{
	dict_trim(&s, &n);
	return arena_strndup(d->ar, s, n);
}

const int32_t *dict_dup_ids(dict *d, const int32_t *w, int32_t n)
{
	int32_t *p = arena_alloc(d->ar, (size_t)(n ? n : 1) * sizeof *p);
	if (n)
		memcpy(p, w, (size_t)n * sizeof *p);
	return p;
}

const uint8_t *dict_dup_bytes(dict *d, const uint8_t *b, int32_t n)
{
	uint8_t *p = arena_alloc(d->ar, (size_t)(n ? n : 1));
	if (n)
		memcpy(p, b, (size_t)n);
	return p;
}

int dict_bad_bytes(const char *s, size_t n, char *why, size_t cap)
{
	const unsigned char *u = (const unsigned char *)s;
	size_t i = 0;
	while (i < n) {
		unsigned char c = u[i];
		if (c < 0x80) {
			if ((c < 0x20 && c != '\t') || c == 0x7f) {
				snprintf(why, cap, "control byte 0x%02X", c);
				return 1;
			}
			i++;
			continue;
		}
		utf8proc_int32_t cp;
		utf8proc_ssize_t k = utf8proc_iterate(u + i,
						      (utf8proc_ssize_t)(n - i), &cp);
		if (k <= 0) {
			snprintf(why, cap, "invalid UTF-8 byte 0x%02X", c);
			return 1;
		}
		if (cp == 0xFFFD) {
			snprintf(why, cap, "U+FFFD replacement character "
				 "(a character lost in conversion)");
			return 1;
		}
		i += (size_t)k;
	}
	return 0;
}

int dict_upper(const char *s, size_t n, char *out, size_t cap)
{
	const unsigned char *u = (const unsigned char *)s;
	size_t o = 0, i = 0;
	while (i < n) {
		unsigned char c = u[i];
		if (c < 0x80) {
			if (o + 1 >= cap)
				return -1;
			out[o++] = (char)(c >= 'a' && c <= 'z' ? c - 32 : c);
			i++;
			continue;
		}
		utf8proc_int32_t cp;
		utf8proc_ssize_t k = utf8proc_iterate(u + i,
						      (utf8proc_ssize_t)(n - i), &cp);
		if (k <= 0) { /* keep a bad byte as it is */
			if (o + 1 >= cap)
				return -1;
			out[o++] = (char)c;
			i++;
			continue;
		}
		utf8proc_uint8_t enc[4];
		utf8proc_ssize_t m = utf8proc_encode_char(utf8proc_toupper(cp), enc);
		if (o + (size_t)m >= cap)
			return -1;
		memcpy(out + o, enc, (size_t)m);
		o += (size_t)m;
		i += (size_t)k;
	}
	out[o] = '\0';
	return (int)o;
}

int32_t dict_intern_word(dict *d, const char *s, size_t n)
{
	char buf[DICT_MAX_WORD + 8];
	int m = dict_upper(s, n, buf, sizeof buf);
	if (m < 0 || m > DICT_MAX_WORD)
		return -1;
	return intern_add(d->words, buf, (size_t)m);
}

static int is_sep(char c)
{
	return c == '_' || dict_is_blank(c);
}

int dict_split_words(dict *d, const char *s, size_t n, dict_words *out,
		     const char **why)
{
	size_t i = 0;
	out->n = 0;
	while (i < n && is_sep(s[i]))
		i++;
	int tight = 0;
	while (i < n) {
		size_t j = i;
		while (j < n && !is_sep(s[j]))
			j++;
		if (out->n >= DICT_MAX_PHRASE) {
			*why = "phrase has more than 32 words";
			return -1;
		}
		int32_t id = dict_intern_word(d, s + i, j - i);
		if (id < 0) {
			*why = "word longer than 256 bytes";
			return -1;
		}
		out->tight[out->n] = (uint8_t)(out->n ? tight : 0);
		out->w[out->n++] = id;
		/* the separator run that follows */
		tight = 1;
		i = j;
		while (i < n && is_sep(s[i])) {
			if (s[i] != '_')
				tight = 0;
			i++;
		}
	}
	if (out->n == 0) {
		*why = "empty phrase";
		return -1;
	}
	return 0;
}

/* ---- Line parts ------------------------------------------------------- */

const char *dict_bracket_code(const char *lb, const char *e, const char **code,
			      size_t *n)
{
	const char *rb = memchr(lb, ']', (size_t)(e - lb));
	if (!rb)
		return NULL;
	*code = lb + 1;
	*n = (size_t)(rb - *code);
	dict_trim(code, n);
	return rb;
}

int dict_split_parts(dict *d, const char *name, long no, const char *s,
		     size_t n, const char *what, int lenient, dict_parts *out)
{
	const char *e = s + n;
	const char *pe = s;
	while (pe < e && *pe != '{' && *pe != '[')
		pe++;
	memset(out, 0, sizeof *out);
	out->phrase = s;
	out->nphrase = (size_t)(pe - s);
	dict_trim(&out->phrase, &out->nphrase);
	const char *p = pe;
	while (p < e) {
		if (dict_is_blank(*p)) {
			p++;
			continue;
		}
		char close = *p == '{' ? '}' : *p == '[' ? ']' : 0;
		if (!close || (close == '}' && out->has_forms) ||
		    (close == ']' && out->has_code)) {
			dict_report(d, name, no, "text after the %s ignored: "
				    "'%.*s'", what, (int)(e - p), p);
			break;
		}
		const char *q = p + 1;
		while (q < e && *q != close && !(lenient && close == ']' &&
						  *q == '}'))
			q++;
		if (q == e) {
			dict_report(d, name, no, "'%c' without '%c'; %s "
				    "skipped", *p, close, what);
			return -1;
		}
		if (*q != close)
			dict_report(d, name, no, "'[' closed by '}'; read as "
				    "']'");
		if (close == '}') {
			out->has_forms = 1;
			out->forms = p + 1;
			out->nforms = (size_t)(q - p - 1);
		} else {
			out->has_code = 1;
			out->code = p + 1;
			out->ncode = (size_t)(q - p - 1);
		}
		p = q + 1;
	}
	return 0;
}

int dict_next_field(const char *s, size_t n, size_t *pos, const char **f,
		    size_t *fn)
{
	size_t i = *pos;
	while (i < n && dict_is_blank(s[i]))
		i++;
	size_t j = i;
	while (j < n && !dict_is_blank(s[j]))
		j++;
	*pos = j;
	*f = s + i;
	*fn = j - i;
	return j > i;
}

/* ---- Line reader ------------------------------------------------------ */

void dict_reader_init(dict_reader *r, dict *d, const char *name,
		      const char *text, size_t len)
{
	memset(r, 0, sizeof *r);
	r->d = d;
	r->name = name;
	r->p = text;
	r->end = text + len;
	if (len >= 3 && memcmp(text, "\xEF\xBB\xBF", 3) == 0)
		r->p += 3; /* a UTF-8 byte-order mark */
}

static const char *find_str(const char *s, const char *e, const char *pat)
{
	size_t m = strlen(pat);
	for (; s + m <= e; s++)
		if (s[0] == pat[0] && memcmp(s, pat, m) == 0)
			return s;
	return NULL;
}

static int has_char(const char *s, const char *e, char c)
{
	return memchr(s, c, (size_t)(e - s)) != NULL;
}

int dict_reader_next(dict_reader *r, dict_line *ln)
{
	while (r->p < r->end) {
		const char *ls = r->p;
		const char *le = memchr(ls, '\n', (size_t)(r->end - ls));
		if (!le)
			le = r->end;
		r->p = le < r->end ? le + 1 : le;
		r->no++;
		if (le > ls && le[-1] == '\r')
			le--;
		const char *q = ls;
		if (r->in_comment) {
			const char *c = find_str(q, le, "-->");
			if (!c)
				continue;
			q = c + 3;
			r->in_comment = 0;
		} else {
			const char *t = q;
			while (t < le && dict_is_blank(*t))
				t++;
			if (t < le && *t == '#')
				continue;
			if (le - t >= 2 && t[0] == '<' && t[1] == '!' &&
			    !(le - t >= 4 && t[2] == '-' && t[3] == '-'))
				continue;
		}
		xgrow((void **)&r->scratch, &r->cap, (size_t)(le - ls) + 1, 1);
		size_t o = 0;
		int depth = 0;
		while (q < le) {
			char c = *q;
			if (c == '<' && le - q >= 4 && memcmp(q, "<!--", 4) == 0) {
				const char *e = find_str(q + 4, le, "-->");
				if (!e) {
					r->in_comment = 1;
					r->comment_line = r->no;
					break;
				}
				q = e + 3;
				continue;
			}
			if (c == '#' && !(depth && has_char(q, le, ']')))
				break;
			if (c == '[')
				depth = 1;
			else if (c == ']')
				depth = 0;
			r->scratch[o++] = c;
			q++;
		}
		while (o && dict_is_blank(r->scratch[o - 1]))
			o--;
		size_t k = 0;
		while (k < o && dict_is_blank(r->scratch[k]))
			k++;
		if (k == o)
			continue;
		r->scratch[o] = '\0';
		ln->s = r->scratch;
		ln->n = o;
		ln->no = r->no;
		return 1;
	}
	return 0;
}

void dict_reader_done(dict_reader *r)
{
	if (r->in_comment)
		dict_report(r->d, r->name, r->comment_line,
			    "'<!--' comment is never closed with '-->'");
	free(r->scratch);
	r->scratch = NULL;
}

/* ---- Index ------------------------------------------------------------ */

void dict_index_build(dict_index *ix, int32_t nwords, int32_t nitems,
		      int32_t (*key)(const dict *, int32_t), const dict *d)
{
	ix->nwords = nwords;
	ix->start = xcalloc((size_t)nwords + 1, sizeof *ix->start);
	ix->items = xmalloc((size_t)(nitems ? nitems : 1) * sizeof *ix->items);
	for (int32_t i = 0; i < nitems; i++) {
		int32_t w = key(d, i);
		if (w >= 0 && w < nwords)
			ix->start[w + 1]++;
	}
	for (int32_t w = 0; w < nwords; w++)
		ix->start[w + 1] += ix->start[w];
	int32_t *fill = xmalloc(((size_t)nwords + 1) * sizeof *fill);
	memcpy(fill, ix->start, ((size_t)nwords + 1) * sizeof *fill);
	for (int32_t i = 0; i < nitems; i++) {
		int32_t w = key(d, i);
		if (w >= 0 && w < nwords)
			ix->items[fill[w]++] = i;
	}
	free(fill);
}

void dict_index_free(dict_index *ix)
{
	free(ix->start);
	free(ix->items);
	ix->start = NULL;
	ix->items = NULL;
	ix->nwords = 0;
}

int32_t dict_index_rows(const dict_index *ix, int32_t w, const int32_t **rows)
{
	if (!ix->start || w < 0 || w >= ix->nwords) {
		*rows = NULL;
		return 0;
	}
	*rows = ix->items + ix->start[w];
	return ix->start[w + 1] - ix->start[w];
}

/*
 * mkcountries.c - build-time tool: writes dyad's default country actor
 * dictionary (PETRARCH actors format) from Debian iso-codes'
 * iso_3166-1.json and dyad's own data/world/countries.tsv.
 *
 *   mkcountries ISO_3166-1.JSON COUNTRIES.TSV OUT.actors.txt
 *
 * The table's format is described in its header. Every phrase gets its
 * spelling variants (accents folded to ASCII, hyphens as spaces, "'s" split
 * off as the Treebank tokenizer does and dropped as the parse does, Saint /
 * St. / St); a phrase that would name two different entries is an error.
 */
#include <ctype.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/types.h>

#include <jansson.h>

#define TOOL_NAME "mkcountries"
#include "tool_util.h"

#define NCOLS 6
#define MAXFORMS 64

/* ---- Small helpers ---------------------------------------------------- */

static char *xstrdup(const char *s)
{
	return xstrndup(s, strlen(s));
}

/* A growing array of owned strings. */
typedef struct strv {
	char **v;
	size_t n, cap;
} strv;

static void strv_push(strv *a, char *s)
{
	if (a->n == a->cap) {
		a->cap = a->cap ? a->cap * 2 : 8;
		a->v = xrealloc(a->v, a->cap * sizeof *a->v);
	}
	a->v[a->n++] = s;
}

static int strv_has(const strv *a, const char *s)
{
	for (size_t i = 0; i < a->n; i++)
		if (strcmp(a->v[i], s) == 0)
			return 1;
	return 0;
}

/* Pushes s (owned) unless already there, in which case it is freed. */
static void strv_add(strv *a, char *s)
{
	if (strv_has(a, s))
		free(s);
	else
		strv_push(a, s);
}

static void strv_free(strv *a)
{
	for (size_t i = 0; i < a->n; i++)
		free(a->v[i]);
	free(a->v);
	a->v = NULL;
	a->n = a->cap = 0;
}

static void trim(const char **s, size_t *n)
{
	while (*n && isspace((unsigned char)**s)) {
		(*s)++;
		(*n)--;
	}
	while (*n && isspace((unsigned char)(*s)[*n - 1]))
		(*n)--;
}

/* ---- Characters --------------------------------------------------------- */

/* Decodes one UTF-8 character; returns its length (1 for a bad byte). */
static int utf8_next(const unsigned char *s, long *cp)
{
	if (s[0] < 0x80) {
		*cp = s[0];
		return 1;
	}
	int len = (s[0] & 0xE0) == 0xC0 ? 2 : (s[0] & 0xF0) == 0xE0 ? 3 :
		  (s[0] & 0xF8) == 0xF0 ? 4 : 0;
	if (!len) {
		*cp = -1;
		return 1;
	}
	long c = s[0] & (0x7F >> len);
	for (int i = 1; i < len; i++) {
		if ((s[i] & 0xC0) != 0x80) {
			*cp = -1;
			return 1;
		}
		c = (c << 6) | (s[i] & 0x3F);
	}
	*cp = c;
	return len;
}

/* ASCII spellings of the Latin letters found in country and place names. */
static const struct fold {
	long cp;
	const char *ascii;
} folds[] = {
	{0xC0, "A"}, {0xC1, "A"}, {0xC2, "A"}, {0xC3, "A"}, {0xC4, "A"},
	{0xC5, "A"}, {0xC6, "AE"}, {0xC7, "C"}, {0xC8, "E"}, {0xC9, "E"},
	{0xCA, "E"}, {0xCB, "E"}, {0xCC, "I"}, {0xCD, "I"}, {0xCE, "I"},
	{0xCF, "I"}, {0xD0, "D"}, {0xD1, "N"}, {0xD2, "O"}, {0xD3, "O"},
	{0xD4, "O"}, {0xD5, "O"}, {0xD6, "O"}, {0xD8, "O"}, {0xD9, "U"},
	{0xDA, "U"}, {0xDB, "U"}, {0xDC, "U"}, {0xDD, "Y"}, {0xDE, "TH"},
	{0xDF, "ss"}, {0xE0, "a"}, {0xE1, "a"}, {0xE2, "a"}, {0xE3, "a"},
	{0xE4, "a"}, {0xE5, "a"}, {0xE6, "ae"}, {0xE7, "c"}, {0xE8, "e"},
	{0xE9, "e"}, {0xEA, "e"}, {0xEB, "e"}, {0xEC, "i"}, {0xED, "i"},
	{0xEE, "i"}, {0xEF, "i"}, {0xF0, "d"}, {0xF1, "n"}, {0xF2, "o"},
	{0xF3, "o"}, {0xF4, "o"}, {0xF5, "o"}, {0xF6, "o"}, {0xF8, "o"},
	{0xF9, "u"}, {0xFA, "u"}, {0xFB, "u"}, {0xFC, "u"}, {0xFD, "y"},
	{0xFE, "th"}, {0xFF, "y"}, {0x101, "a"}, {0x103, "a"}, {0x105, "a"},
	{0x107, "c"}, {0x10D, "c"}, {0x10C, "C"}, {0x111, "d"}, {0x110, "D"},
	{0x113, "e"}, {0x117, "e"}, {0x119, "e"}, {0x11B, "e"}, {0x11F, "g"},
	{0x12B, "i"}, {0x130, "I"}, {0x131, "i"}, {0x142, "l"}, {0x141, "L"},
	{0x144, "n"}, {0x148, "n"}, {0x14D, "o"}, {0x151, "o"}, {0x159, "r"},
	{0x15B, "s"}, {0x15A, "S"}, {0x15F, "s"}, {0x15E, "S"}, {0x161, "s"},
	{0x160, "S"}, {0x163, "t"}, {0x165, "t"}, {0x16B, "u"}, {0x16F, "u"},
	{0x171, "u"}, {0x17A, "z"}, {0x17C, "z"}, {0x17E, "z"}, {0x17D, "Z"},
	{0x219, "s"}, {0x21B, "t"},
};

static const char *fold_cp(long cp)
{
	for (size_t i = 0; i < sizeof folds / sizeof folds[0]; i++)
		if (folds[i].cp == cp)
			return folds[i].ascii;
	return NULL;
}

/* The ASCII spelling of s, or NULL when s is ASCII or has a letter the
 * table lacks. Caller frees. */
static char *ascii_fold(const char *s)
{
	size_t n = strlen(s);
	char *out = xrealloc(NULL, 2 * n + 1);
	size_t o = 0;
	int changed = 0;
	const unsigned char *u = (const unsigned char *)s;
	while (*u) {
		long cp;
		int k = utf8_next(u, &cp);
		if (cp >= 0 && cp < 0x80) {
			out[o++] = (char)cp;
		} else {
			const char *a = fold_cp(cp);
			if (!a) {
				free(out);
				return NULL;
			}
			memcpy(out + o, a, strlen(a));
			o += strlen(a);
			changed = 1;
		}
		u += k;
	}
	out[o] = '\0';
	if (!changed) {
		free(out);
		return NULL;
	}
	return out;
}

/* s upper-cased (ASCII and Latin-1 letters; the loader upper-cases the
 * rest), runs of spaces joined by one '_'. Caller frees. */
static char *phrase_text(const char *s)
{
	size_t n = strlen(s);
	char *out = xrealloc(NULL, n + 1);
	size_t o = 0;
	int sep = 0;
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];
		if (c == ' ' || c == '\t' || c == '_') {
			sep = o > 0;
			continue;
		}
		if (sep)
			out[o++] = '_';
		sep = 0;
		if (c == 0xC3 && i + 1 < n) {
			unsigned char d = (unsigned char)s[i + 1];
			out[o++] = (char)c;
			/* U+00E0..U+00FE (not U+00F7) -> U+00C0..U+00DE */
			out[o++] = (char)(d >= 0xA0 && d <= 0xBE && d != 0xB7 ?
					  d - 0x20 : d);
			i++;
			continue;
		}
		out[o++] = (char)toupper(c);
	}
	out[o] = '\0';
	return out;
}

/* ---- Spelling variants -------------------------------------------------- */

/* Replaces every word equal (case-insensitive) to `from` by `to`. */
static char *replace_word(const char *s, const char *from, const char *to)
{
	size_t n = strlen(s), fl = strlen(from), tl = strlen(to);
	char *out = xrealloc(NULL, n * (tl + 1) + 1);
	size_t o = 0, i = 0;
	int hit = 0;
	while (i < n) {
		int at_start = i == 0 || s[i - 1] == ' ';
		if (at_start && strncasecmp(s + i, from, fl) == 0 &&
		    (s[i + fl] == ' ' || s[i + fl] == '\0')) {
			memcpy(out + o, to, tl);
			o += tl;
			i += fl;
			hit = 1;
			continue;
		}
		out[o++] = s[i++];
	}
	out[o] = '\0';
	if (!hit) {
		free(out);
		return NULL;
	}
	return out;
}

/* The possessive handled the two ways text reaches the matcher: "'s"
 * split off as its own token, and dropped. Returns 0 if s has none. */
static int possessive_forms(const char *s, char **split, char **dropped)
{
	const char *p = s;
	while ((p = strstr(p, "'s")) != NULL) {
		if (p > s && isalpha((unsigned char)p[-1]) &&
		    (p[2] == ' ' || p[2] == '\0'))
			break;
		p++;
	}
	if (!p)
		return 0;
	size_t pre = (size_t)(p - s), n = strlen(s);
	*split = xrealloc(NULL, n + 2);
	memcpy(*split, s, pre);
	(*split)[pre] = ' ';
	memcpy(*split + pre + 1, p, n - pre + 1);
	*dropped = xrealloc(NULL, n + 1);
	memcpy(*dropped, s, pre);
	memcpy(*dropped + pre, p + 2, n - pre - 1);
	return 1;
}

/* All phrase texts for one name (upper case, '_' joins), added to out. */
static void name_forms(const char *name, strv *out)
{
	strv f = {0};
	const char *s = name;
	size_t n = strlen(s);
	trim(&s, &n);
	if (n > 4 && strncasecmp(s, "the ", 4) == 0) {
		s += 4;
		n -= 4;
		trim(&s, &n);
	}
	if (n == 0)
		return;
	char *base = xstrndup(s, n);
	char *sp, *dr;
	if (possessive_forms(base, &sp, &dr)) {
		strv_add(&f, sp);
		strv_add(&f, dr);
		free(base);
	} else {
		strv_add(&f, base);
	}
	for (size_t i = 0; i < f.n && f.n < MAXFORMS; i++) {
		if (strchr(f.v[i], '-')) {
			char *h = xstrdup(f.v[i]);
			for (char *q = h; *q; q++)
				if (*q == '-')
					*q = ' ';
			strv_add(&f, h);
		}
	}
	static const char *const saints[] = {"Saint", "St.", "St"};
	for (size_t i = 0; i < f.n && f.n < MAXFORMS; i++) {
		for (int a = 0; a < 3; a++) {
			for (int b = 0; b < 3; b++) {
				if (a == b)
					continue;
				char *r = replace_word(f.v[i], saints[a], saints[b]);
				if (r)
					strv_add(&f, r);
			}
		}
	}
	/* the ASCII spelling first, so it becomes the primary phrase */
	for (size_t i = 0; i < f.n; i++) {
		char *a = ascii_fold(f.v[i]);
		if (a) {
			strv_add(out, phrase_text(a));
			free(a);
		}
		strv_add(out, phrase_text(f.v[i]));
	}
	strv_free(&f);
}

/* The ISO 3166 'name' made into running text: "Korea, Republic of" ->
 * "Republic of Korea", "Virgin Islands, British" -> "British Virgin
 * Islands", "Cocos (Keeling) Islands" -> "Cocos Islands"; a list after a
 * comma ("Bonaire, Sint Eustatius and Saba") keeps the first part. */
static char *iso_running_name(const char *name)
{
	char *s = xrealloc(NULL, strlen(name) + 1);
	size_t o = 0;
	int depth = 0;
	for (const char *p = name; *p; p++) {
		if (*p == '(')
			depth++;
		else if (*p == ')' && depth)
			depth--;
		else if (!depth && !(*p == ' ' && o && s[o - 1] == ' '))
			s[o++] = *p;
	}
	while (o && s[o - 1] == ' ')
		o--;
	s[o] = '\0';
	char *comma = strchr(s, ',');
	if (!comma)
		return s;
	const char *b = comma + 1;
	size_t bn = strlen(b);
	trim(&b, &bn);
	size_t an = (size_t)(comma - s);
	int words = 1;
	for (size_t i = 0; i < bn; i++)
		words += b[i] == ' ';
	int ends_of = (bn >= 3 && strncasecmp(b + bn - 3, " of", 3) == 0) ||
		      (bn >= 7 && strncasecmp(b + bn - 7, " of the", 7) == 0);
	char *r;
	if (ends_of || words == 1) {
		r = xrealloc(NULL, an + bn + 2);
		memcpy(r, b, bn);
		r[bn] = ' ';
		memcpy(r + bn + 1, s, an);
		r[an + bn + 1] = '\0';
	} else {
		r = xstrndup(s, an);
	}
	free(s);
	return r;
}

/* ---- The ISO table -------------------------------------------------------- */

typedef struct iso_country {
	char *a3;
	strv names;  /* common_name if any, name (running form),
	                official_name: the first is the primary phrase */
	int has_row; /* the table has a row for it */
} iso_country;

static int load_iso(const char *path, iso_country **out, size_t *nout)
{
	json_error_t err;
	json_t *root = json_load_file(path, 0, &err);
	if (!root) {
		fprintf(stderr, "mkcountries: %s:%d: %s (the Debian package "
			"iso-codes provides this file)\n", path, err.line,
			err.text);
		return -1;
	}
	json_t *arr = json_object_get(root, "3166-1");
	if (!json_is_array(arr)) {
		fprintf(stderr, "mkcountries: %s: no \"3166-1\" array\n", path);
		json_decref(root);
		return -1;
	}
	size_t n = json_array_size(arr);
	iso_country *c = xrealloc(NULL, n * sizeof *c);
	size_t k = 0;
	for (size_t i = 0; i < n; i++) {
		json_t *o = json_array_get(arr, i);
		const char *a3 = json_string_value(json_object_get(o, "alpha_3"));
		const char *nm = json_string_value(json_object_get(o, "name"));
		if (!a3 || !nm || strlen(a3) != 3)
			continue;
		memset(&c[k], 0, sizeof c[k]);
		c[k].a3 = xstrdup(a3);
		const char *cn = json_string_value(
			json_object_get(o, "common_name"));
		const char *on = json_string_value(
			json_object_get(o, "official_name"));
		if (cn)
			strv_add(&c[k].names, iso_running_name(cn));
		strv_add(&c[k].names, iso_running_name(nm));
		if (on)
			strv_add(&c[k].names, iso_running_name(on));
		k++;
	}
	json_decref(root);
	*out = c;
	*nout = k;
	return 0;
}

static iso_country *find_iso(iso_country *c, size_t n, const char *a3)
{
	for (size_t i = 0; i < n; i++)
		if (strcmp(c[i].a3, a3) == 0)
			return &c[i];
	return NULL;
}

/* ---- Entries and the phrase index ---------------------------------------- */

typedef struct entry {
	char *code;   /* default code */
	strv dates;   /* "CODE <YYYYMMDD" ... in order */
	strv phrases; /* first = primary */
	long line;    /* table line, for messages */
} entry;

typedef struct state {
	entry *e;
	size_t ne, cap;
	/* phrase -> entry, open addressing */
	char **hkey;
	size_t *hval;
	size_t hcap, hn;
	strv tsvforms; /* forms an ISO name must yield to: those of dated
	                  items and of other rows */
	long *tsvline; /* per tsvforms entry: its row's line */
	const char *tsv;
	int errors;
} state;

static unsigned long hash_str(const char *s)
{
	unsigned long h = 5381;
	while (*s)
		h = h * 33 + (unsigned char)*s++;
	return h;
}

static size_t *hash_slot(state *st, const char *key, int insert)
{
	if (insert && 2 * (st->hn + 1) > st->hcap) {
		size_t oc = st->hcap, nc = oc ? oc * 2 : 1024;
		char **ok = st->hkey;
		size_t *ov = st->hval;
		st->hkey = calloc(nc, sizeof *st->hkey);
		st->hval = calloc(nc, sizeof *st->hval);
		if (!st->hkey || !st->hval)
			xrealloc(NULL, (size_t)-1);
		st->hcap = nc;
		for (size_t i = 0; i < oc; i++) {
			if (!ok[i])
				continue;
			size_t j = hash_str(ok[i]) & (nc - 1);
			while (st->hkey[j])
				j = (j + 1) & (nc - 1);
			st->hkey[j] = ok[i];
			st->hval[j] = ov[i];
		}
		free(ok);
		free(ov);
	}
	if (!st->hcap)
		return NULL;
	size_t j = hash_str(key) & (st->hcap - 1);
	while (st->hkey[j]) {
		if (strcmp(st->hkey[j], key) == 0)
			return &st->hval[j];
		j = (j + 1) & (st->hcap - 1);
	}
	if (!insert)
		return NULL;
	st->hkey[j] = xstrdup(key);
	st->hn++;
	return &st->hval[j];
}

static void err(state *st, long line, const char *fmt, ...)
{
	va_list ap;
	fprintf(stderr, "%s:%ld: ", st->tsv, line);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	st->errors++;
}

static size_t new_entry(state *st, const char *code, long line)
{
	if (st->ne == st->cap) {
		st->cap = st->cap ? st->cap * 2 : 256;
		st->e = xrealloc(st->e, st->cap * sizeof *st->e);
	}
	entry *e = &st->e[st->ne];
	memset(e, 0, sizeof *e);
	e->code = xstrdup(code);
	e->line = line;
	return st->ne++;
}

/* Adds phrase p (owned) to entry ei; a phrase already naming another
 * entry is an error, unless `quiet` (ISO-derived names yield). */
static void add_phrase(state *st, size_t ei, char *p, int quiet)
{
	size_t *slot = hash_slot(st, p, 0);
	if (slot) {
		if (*slot != ei && !quiet)
			err(st, st->e[ei].line, "'%s' already names %s "
			    "(line %ld)", p, st->e[*slot].code,
			    st->e[*slot].line);
		free(p);
		return;
	}
	*hash_slot(st, p, 1) = ei;
	strv_push(&st->e[ei].phrases, p);
}

/* ---- Table items ----------------------------------------------------------- */

static int valid_code(const char *c)
{
	if (!*c)
		return 0;
	for (; *c; c++)
		if (!isupper((unsigned char)*c) && *c != '/' && *c != '-')
			return 0;
	return 1;
}

static int valid_date(const char *s, size_t n)
{
	if (n != 8)
		return 0;
	for (size_t i = 0; i < n; i++)
		if (!isdigit((unsigned char)s[i]))
			return 0;
	int m = (s[4] - '0') * 10 + (s[5] - '0');
	int d = (s[6] - '0') * 10 + (s[7] - '0');
	return m >= 1 && m <= 12 && d >= 1 && d <= 31;
}

/* One "@RANGE=CODE" spec (text after '@') made into "CODE RANGE". */
static char *date_line(state *st, long line, const char *s, size_t n)
{
	const char *eq = memchr(s, '=', n);
	if (!eq) {
		err(st, line, "dated code '@%.*s' needs '=CODE'", (int)n, s);
		return NULL;
	}
	const char *r = s;
	size_t rn = (size_t)(eq - s);
	trim(&r, &rn);
	char *code = xstrndup(eq + 1, (size_t)(s + n - eq - 1));
	int ok = valid_code(code);
	if (rn >= 9 && (r[0] == '<' || r[0] == '>'))
		ok = ok && valid_date(r + 1, rn - 1);
	else if (rn == 17 && r[8] == '-')
		ok = ok && valid_date(r, 8) && valid_date(r + 9, 8) &&
		     memcmp(r, r + 9, 8) <= 0;
	else
		ok = 0;
	if (!ok) {
		err(st, line, "cannot read the dated code '@%.*s' (want "
		    "<YYYYMMDD, >YYYYMMDD or YYYYMMDD-YYYYMMDD, then =CODE)",
		    (int)n, s);
		free(code);
		return NULL;
	}
	size_t cl = strlen(code);
	char *out = xrealloc(NULL, cl + rn + 2);
	memcpy(out, code, cl);
	out[cl] = ' ';
	memcpy(out + cl + 1, r, rn);
	out[cl + 1 + rn] = '\0';
	free(code);
	return out;
}

/* A people item's plural: Word{} none, Word{P} explicit, else +S except
 * after -s -sh -ch -x -z -ese. *base gets the item without braces. */
static char *people_plural(const char *item, char **base)
{
	const char *br = strchr(item, '{');
	if (br) {
		const char *cl = strchr(br, '}');
		*base = xstrndup(item, (size_t)(br - item));
		if (!cl || cl == br + 1)
			return NULL;
		/* the explicit plural replaces the last word */
		char *pl = xstrndup(br + 1, (size_t)(cl - br - 1));
		char *sp = strrchr(*base, ' ');
		if (!sp)
			return pl;
		size_t pre = (size_t)(sp - *base) + 1;
		char *r = xrealloc(NULL, pre + strlen(pl) + 1);
		memcpy(r, *base, pre);
		strcpy(r + pre, pl);
		free(pl);
		return r;
	}
	*base = xstrdup(item);
	size_t n = strlen(item);
	static const char *const none[] = {"s", "sh", "ch", "x", "z", "ese"};
	for (int i = 0; i < 6; i++) {
		size_t k = strlen(none[i]);
		if (n >= k && strcasecmp(item + n - k, none[i]) == 0)
			return NULL;
	}
	char *r = xrealloc(NULL, n + 2);
	memcpy(r, item, n);
	r[n] = 's';
	r[n + 1] = '\0';
	return r;
}

enum { COL_CODE, COL_CAMEO, COL_NAMES, COL_PEOPLE, COL_PLACES, COL_INST };

typedef struct row {
	long line;
	char *col[NCOLS];
} row;

/* Splits an item into its name and its "@..." dated specs. */
static void split_item(const char *item, char **name, const char **specs)
{
	const char *at = strchr(item, '@');
	*name = at ? xstrndup(item, (size_t)(at - item)) : xstrdup(item);
	*specs = at;
}

/* Calls fn for each '|' item of a column ("-" and "" are empty). */
typedef void (*item_fn)(state *st, const row *r, int col, const char *item,
			void *ctx);

static void each_item(state *st, const row *r, int col, item_fn fn,
		      void *ctx)
{
	const char *s = r->col[col];
	if (!s || !*s || strcmp(s, "-") == 0)
		return;
	while (*s) {
		const char *bar = strchr(s, '|');
		size_t n = bar ? (size_t)(bar - s) : strlen(s);
		const char *t = s;
		size_t tn = n;
		trim(&t, &tn);
		if (tn) {
			char *it = xstrndup(t, tn);
			fn(st, r, col, it, ctx);
			free(it);
		}
		s += n + (bar ? 1 : 0);
	}
}

/* The names one item stands for (people: with its plural). */
static void item_names(const char *name, int col, strv *names)
{
	if (col == COL_PEOPLE) {
		char *base;
		char *pl = people_plural(name, &base);
		strv_add(names, base);
		if (pl)
			strv_add(names, pl);
	} else if (col == COL_INST) {
		const char *eq = strchr(name, '=');
		strv_add(names, eq ? xstrndup(name, (size_t)(eq - name)) :
				     xstrdup(name));
	} else {
		strv_add(names, xstrdup(name));
	}
}

static void collect_forms(state *st, const row *r, int col, const char *item,
			  void *ctx)
{
	(void)ctx;
	char *name;
	const char *specs;
	split_item(item, &name, &specs);
	strv names = {0}, forms = {0};
	item_names(name, col, &names);
	for (size_t i = 0; i < names.n; i++)
		name_forms(names.v[i], &forms);
	for (size_t i = 0; i < forms.n; i++) {
		if (strv_has(&st->tsvforms, forms.v[i]))
			continue;
		strv_push(&st->tsvforms, forms.v[i]);
		forms.v[i] = NULL;
		st->tsvline = xrealloc(st->tsvline, st->tsvforms.cap *
				       sizeof *st->tsvline);
		/* a dated item claims the phrase from every row */
		st->tsvline[st->tsvforms.n - 1] = specs ? -1 : r->line;
	}
	strv_free(&forms);
	strv_free(&names);
	free(name);
}

typedef struct row_ctx {
	const char *code; /* the row's code */
	size_t main;      /* the row's main entry, or (size_t)-1 */
} row_ctx;

static size_t inst_entry(state *st, const char *code, long line)
{
	/* one entry per institution code within the row */
	for (size_t i = st->ne; i-- > 0;) {
		if (st->e[i].line != line)
			break;
		if (st->e[i].dates.n == 0 && strcmp(st->e[i].code, code) == 0)
			return i;
	}
	return new_entry(st, code, line);
}

static void add_item(state *st, const row *r, int col, const char *item,
		     void *vctx)
{
	row_ctx *ctx = vctx;
	char *name;
	const char *specs;
	split_item(item, &name, &specs);
	char *code;
	if (col == COL_INST && strcmp(ctx->code, "---") != 0) {
		const char *eq = strchr(name, '=');
		const char *type = eq ? eq + 1 : "GOV";
		code = xrealloc(NULL, strlen(ctx->code) + strlen(type) + 1);
		strcpy(code, ctx->code);
		strcat(code, type);
		if (!valid_code(code))
			err(st, r->line, "bad institution type in '%s'", item);
	} else {
		code = xstrdup(ctx->code);
	}
	size_t ei;
	if (specs) {
		ei = new_entry(st, code, r->line);
		const char *s = specs;
		while (s && *s == '@') {
			const char *nx = strchr(s + 1, '@');
			size_t n = nx ? (size_t)(nx - s - 1) : strlen(s + 1);
			char *dl = date_line(st, r->line, s + 1, n);
			if (dl)
				strv_push(&st->e[ei].dates, dl);
			s = nx;
		}
	} else if (col == COL_INST) {
		ei = inst_entry(st, code, r->line);
	} else {
		if (ctx->main == (size_t)-1)
			ctx->main = new_entry(st, code, r->line);
		ei = ctx->main;
	}
	strv names = {0}, forms = {0};
	item_names(name, col, &names);
	for (size_t i = 0; i < names.n; i++)
		name_forms(names.v[i], &forms);
	for (size_t i = 0; i < forms.n; i++) {
		add_phrase(st, ei, forms.v[i], 0);
		forms.v[i] = NULL;
	}
	free(forms.v);
	strv_free(&names);
	free(code);
	free(name);
}

/* Does an ISO-derived phrase yield to a table item? */
static int yields(const state *st, const char *form, long line)
{
	for (size_t i = 0; i < st->tsvforms.n; i++)
		if (st->tsvforms.v[i] && strcmp(st->tsvforms.v[i], form) == 0)
			return st->tsvline[i] != line;
	return 0;
}

/* The ISO names of a country go first in its main entry, unless a table
 * item spells the same phrase (the table wins: it may date it). */
static void add_iso_names(state *st, const iso_country *c, row_ctx *ctx,
			  long line)
{
	strv forms = {0};
	for (size_t i = 0; i < c->names.n; i++)
		name_forms(c->names.v[i], &forms);
	for (size_t i = 0; i < forms.n; i++) {
		if (yields(st, forms.v[i], line))
			continue;
		if (ctx->main == (size_t)-1)
			ctx->main = new_entry(st, ctx->code, line);
		add_phrase(st, ctx->main, forms.v[i], 1);
		forms.v[i] = NULL;
	}
	strv_free(&forms);
}

/* ---- Reading the table ------------------------------------------------------ */

static int read_rows(state *st, const char *path, row **out, size_t *nout)
{
	FILE *f = fopen(path, "r");
	if (!f) {
		perror(path);
		return -1;
	}
	row *rows = NULL;
	size_t n = 0, cap = 0;
	char *line = NULL;
	size_t lcap = 0;
	long no = 0;
	ssize_t len;
	while ((len = getline(&line, &lcap, f)) >= 0) {
		no++;
		while (len && (line[len - 1] == '\n' || line[len - 1] == '\r'))
			line[--len] = '\0';
		const char *t = line;
		size_t tn = (size_t)len;
		trim(&t, &tn);
		if (tn == 0 || t[0] == '#')
			continue;
		if (n == cap) {
			cap = cap ? cap * 2 : 256;
			rows = xrealloc(rows, cap * sizeof *rows);
		}
		row *r = &rows[n];
		memset(r, 0, sizeof *r);
		r->line = no;
		const char *s = line;
		int c = 0;
		while (c < NCOLS) {
			const char *tab = strchr(s, '\t');
			size_t k = tab ? (size_t)(tab - s) : strlen(s);
			const char *v = s;
			size_t vn = k;
			trim(&v, &vn);
			r->col[c++] = xstrndup(v, vn);
			if (!tab)
				break;
			s = tab + 1;
		}
		if (strchr(s, '\t') && c == NCOLS)
			err(st, no, "more than %d columns", NCOLS);
		const char *code = r->col[COL_CODE];
		if (strcmp(code, "---") != 0 &&
		    (strlen(code) != 3 || !valid_code(code))) {
			err(st, no, "'%s' is not a three-letter code", code);
			continue;
		}
		n++;
	}
	free(line);
	fclose(f);
	*out = rows;
	*nout = n;
	return 0;
}

/* ---- Output ------------------------------------------------------------------ */

static int write_out(const state *st, const char *path, const char *iso,
		     const char *tsv)
{
	FILE *f = fopen(path, "w");
	if (!f) {
		perror(path);
		return -1;
	}
	fprintf(f,
		"# dyad.countries.actors.txt - dyad's default country actors, "
		"written for dyad.\n"
		"# GENERATED by tools/mkcountries.c from %s (Debian "
		"iso-codes)\n# and %s: edit the table, not this file.\n"
		"# PETRARCH actors format: PHRASE [CODE], '+' synonyms, "
		"TAB-indented dated codes\n"
		"# [CODE <YYYYMMDD | >YYYYMMDD | D1-D2] checked in order "
		"before the default.\n"
		"# Countries code to ISO 3166-1 alpha-3; capitals and places "
		"to the country;\n# government metonyms to COUNTRY+TYPE "
		"(White House -> USAGOV).\n\n", iso, tsv);
	for (size_t i = 0; i < st->ne; i++) {
		const entry *e = &st->e[i];
		if (!e->phrases.n)
			continue;
		fprintf(f, "%s [%s]\n", e->phrases.v[0], e->code);
		for (size_t j = 0; j < e->dates.n; j++)
			fprintf(f, "\t[%s]\n", e->dates.v[j]);
		for (size_t j = 1; j < e->phrases.n; j++)
			fprintf(f, "+%s\n", e->phrases.v[j]);
	}
	if (ferror(f) | fclose(f)) {
		perror(path);
		return -1;
	}
	return 0;
}

int main(int argc, char **argv)
{
	if (argc != 4) {
		fprintf(stderr, "usage: mkcountries ISO_3166-1.JSON "
			"COUNTRIES.TSV OUT.actors.txt\n");
		return 2;
	}
	state st = {0};
	st.tsv = argv[2];
	iso_country *iso;
	size_t niso;
	row *rows;
	size_t nrows;
	if (load_iso(argv[1], &iso, &niso) < 0)
		return 1;
	if (read_rows(&st, argv[2], &rows, &nrows) < 0)
		return 1;
	for (size_t i = 0; i < nrows; i++)
		for (int c = COL_NAMES; c < NCOLS; c++)
			each_item(&st, &rows[i], c, collect_forms, NULL);
	for (size_t i = 0; i < nrows; i++) {
		row *r = &rows[i];
		const char *code = r->col[COL_CAMEO] && *r->col[COL_CAMEO] &&
					   strcmp(r->col[COL_CAMEO], "-") != 0 ?
				   r->col[COL_CAMEO] : r->col[COL_CODE];
		if (!valid_code(code)) {
			err(&st, r->line, "bad code '%s'", code);
			continue;
		}
		row_ctx ctx = {code, (size_t)-1};
		iso_country *c = find_iso(iso, niso, r->col[COL_CODE]);
		if (c) {
			if (c->has_row)
				err(&st, r->line, "second row for %s", c->a3);
			c->has_row = 1;
			add_iso_names(&st, c, &ctx, r->line);
		} else if (!r->col[COL_NAMES] || !*r->col[COL_NAMES] ||
			   strcmp(r->col[COL_NAMES], "-") == 0) {
			err(&st, r->line, "%s is not in ISO 3166-1: the row "
			    "must give its names", r->col[COL_CODE]);
			continue;
		}
		for (int col = COL_NAMES; col < NCOLS; col++)
			each_item(&st, r, col, add_item, &ctx);
	}
	for (size_t i = 0; i < niso; i++) {
		if (iso[i].has_row)
			continue;
		fprintf(stderr, "%s: warning: no row for %s; its ISO names "
			"only\n", argv[2], iso[i].a3);
		row_ctx ctx = {iso[i].a3, (size_t)-1};
		add_iso_names(&st, &iso[i], &ctx, 0);
	}
	if (st.errors) {
		fprintf(stderr, "mkcountries: %d error(s); %s not written\n",
			st.errors, argv[3]);
		return 1;
	}
	if (write_out(&st, argv[3], argv[1], argv[2]) < 0)
		return 1;
	return 0;
}

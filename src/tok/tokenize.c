/*
 * tokenize.c - Penn Treebank tokens of one sentence, with original offsets.
 *
 * A single left-to-right scan over the cleaned text: punctuation becomes
 * its own token (with the Treebank forms `` '' -LRB- -RRB-), words keep
 * internal hyphens, periods, apostrophes and digit groups, and clitics
 * (n't 's 're 've 'll 'd 'm) are split off afterwards. Everything lives in
 * the caller's arena; no malloc per token.
 */
#include "tokenize.h"

#include <string.h>
#include <utf8proc.h>

#include "../split/split.h"

/* ---------------------------------------------------------------- chars */

static int is_space(unsigned char c)
{
	return c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f' || c == '\v';
}

static int is_digit(unsigned char c)
{
	return c >= '0' && c <= '9';
}

static int is_alpha(unsigned char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

static int is_alnum(unsigned char c)
{
	return is_alpha(c) || is_digit(c);
}

static unsigned char lower(unsigned char c)
{
	return (c >= 'A' && c <= 'Z') ? (unsigned char)(c + 32) : c;
}

/* Decodes the (valid, cleaned) UTF-8 character at p[0..n). */
static int32_t decode(const unsigned char *p, size_t n, size_t *k)
{
	utf8proc_int32_t cp = -1;
	utf8proc_ssize_t r = utf8proc_iterate(p, (utf8proc_ssize_t)(n > 4 ? 4 : n), &cp);
	if (r <= 0) {
		*k = 1;
		return 0xFFFD;
	}
	*k = (size_t)r;
	return cp;
}

/* Is the character at p a word character? Non-ASCII letters, marks and
 * numbers are; non-ASCII punctuation and symbols are not. */
static int word_char(const unsigned char *p, size_t n, size_t *k)
{
	if (p[0] < 0x80) {
		*k = 1;
		return is_alnum(p[0]);
	}
	int32_t cp = decode(p, n, k);
	utf8proc_category_t cat = utf8proc_category(cp);
	return cat >= UTF8PROC_CATEGORY_LU && cat <= UTF8PROC_CATEGORY_NO;
}

/* ---------------------------------------------------------------- output */

typedef struct tstate {
	arena *a;
	const clean_text *c;
	const char *t;     /* c->text */
	tok_token *toks;
	int32_t n, cap;
} tstate;

/* Upper-cases s[0..n) into out (room for 2n + 4 bytes); returns length. */
static size_t upcase(const char *s, size_t n, char *out)
{
	size_t o = 0;
	for (size_t i = 0; i < n;) {
		unsigned char b = (unsigned char)s[i];
		if (b < 0x80) {
			out[o++] = (char)((b >= 'a' && b <= 'z') ? b - 32 : b);
			i++;
			continue;
		}
		size_t k;
		int32_t cp = decode((const unsigned char *)s + i, n - i, &k);
		utf8proc_int32_t u = utf8proc_toupper(cp);
		utf8proc_ssize_t w = utf8proc_encode_char(u, (utf8proc_uint8_t *)out + o);
		if (w <= 0) {
			memcpy(out + o, s + i, k);
			w = (utf8proc_ssize_t)k;
		}
		o += (size_t)w;
		i += k;
	}
	out[o] = '\0';
	return o;
}

/* Appends a token for cleaned bytes [s, e) with the given form (NULL: the
 * bytes themselves). */
static void push(tstate *st, size_t s, size_t e, const char *form)
{
	arena_grow(st->a, (void **)&st->toks, st->n, &st->cap, 64, sizeof *st->toks);
	const char *src = form ? form : st->t + s;
	size_t n = form ? strlen(form) : e - s;
	if (n > 60000)
		n = 60000; /* len is 16 bits; such a "word" is garbage anyway */
	char *buf = arena_alloc(st->a, n + 1 + 2 * n + 4);
	memcpy(buf, src, n);
	buf[n] = '\0';
	char *up = buf + n + 1;
	size_t un = upcase(buf, n, up);
	if (un > 65535)
		un = 65535;
	tok_token *tk = &st->toks[st->n++];
	tk->start = clean_orig(st->c, s);
	tk->end = clean_orig(st->c, e);
	tk->form = buf;
	tk->upper = up;
	tk->len = (uint16_t)n;
	tk->ulen = (uint16_t)un;
	tk->word = -1;
	tk->tag = 0;
	uint8_t f = 0;
	if (!form) {
		/* Flags from the raw text; special forms (-LRB-, ``) have none. */
		if (is_digit((unsigned char)buf[0]))
			f |= TOK_F_NUM;
		int nup = 0, nlow = 0, first = -1;
		for (size_t i = 0; i < n;) {
			size_t k = 1;
			int32_t cp = (unsigned char)buf[i];
			if (cp >= 0x80)
				cp = decode((const unsigned char *)buf + i, n - i, &k);
			int isup = cp < 0x80 ? (cp >= 'A' && cp <= 'Z') : utf8proc_isupper(cp);
			int islow = cp < 0x80 ? (cp >= 'a' && cp <= 'z') : utf8proc_islower(cp);
			if (first < 0)
				first = isup ? 1 : 0;
			nup += isup;
			nlow += islow;
			i += k;
		}
		if (first == 1)
			f |= TOK_F_CAP;
		if (nup >= 2 && nlow == 0)
			f |= TOK_F_ALLCAP;
	}
	tk->flags = f;
}

/* ---------------------------------------------------------------- words */

/* Length of a URL starting at t[i] ("http://...", "www..."), or 0.
 * E-mail addresses need nothing special: word_end keeps "a@b.org". */
static size_t url_len(const char *t, size_t i, size_t end)
{
	static const char *const pre[] = {"http://", "https://", "ftp://", "www.", NULL};
	char c = t[i];
	if (c != 'h' && c != 'f' && c != 'w' && c != 'H' && c != 'W')
		return 0;
	size_t n = end - i;
	int is_url = 0;
	for (int k = 0; pre[k] && !is_url; k++) {
		size_t pl = strlen(pre[k]);
		if (n > pl && strncmp(t + i, pre[k], pl) == 0)
			is_url = 1;
	}
	if (!is_url)
		return 0;
	size_t e = i;
	while (e < end && !is_space((unsigned char)t[e]) && t[e] != '"' && t[e] != '<' &&
	       t[e] != '>')
		e++;
	while (e > i && strchr(".,;:!?)]'", t[e - 1]))
		e--;
	return e - i;
}

/* End of the word starting at t[i] (a word character): letters, digits,
 * non-ASCII letters, and - . , : ' & / @ between the right neighbours. */
static size_t word_end(const char *t, size_t i, size_t end)
{
	const unsigned char *u = (const unsigned char *)t;
	size_t k;
	while (i < end) {
		if (word_char(u + i, end - i, &k)) {
			i += k;
			continue;
		}
		unsigned char c = u[i];
		unsigned char p = u[i - 1], nx = i + 1 < end ? u[i + 1] : 0;
		size_t k2;
		int next_word = i + 1 < end && word_char(u + i + 1, end - i - 1, &k2);
		if (c == '-' && next_word) {
			i++;
			continue;
		}
		if (c == '.' && next_word && nx != '.') {
			i++;
			continue;
		}
		if ((c == ',' || c == ':') && is_digit(p) && is_digit(nx)) {
			i++;
			continue;
		}
		if (c == '\'' && next_word && is_alpha(nx)) {
			i++;
			continue;
		}
		if ((c == '&' || c == '/' || c == '@') && is_alnum(p) && is_alnum(nx)) {
			i++;
			continue;
		}
		break;
	}
	return i;
}

/* Does w[0..n) end with the ASCII suffix suf, case-insensitively? */
static int ends_with(const char *w, size_t n, const char *suf)
{
	size_t m = strlen(suf);
	if (m > n)
		return 0;
	for (size_t i = 0; i < m; i++) {
		if (lower((unsigned char)w[n - m + i]) != (unsigned char)suf[i])
			return 0;
	}
	return 1;
}

static int equals_ci(const char *w, size_t n, const char *s)
{
	return strlen(s) == n && ends_with(w, n, s);
}

/* Where the clitic of the word w[0..n) begins (n if none): "did|n't",
 * "Japan|'s", "ca|n't", "can|not", "gon|na". */
static size_t clitic_at(const char *w, size_t n)
{
	static const char *const cl[] = {"'s", "'re", "'ve", "'ll", "'d", "'m", NULL};
	if (n < 4 && memchr(w, '\'', n) == NULL)
		return n;
	if (!memchr(w, '\'', n)) {
		if (equals_ci(w, n, "cannot"))
			return 3;
		if (equals_ci(w, n, "gonna") || equals_ci(w, n, "wanna") || equals_ci(w, n, "gotta"))
			return 3;
		return n;
	}
	if (n > 3 && ends_with(w, n, "n't"))
		return n - 3;
	for (int k = 0; cl[k]; k++) {
		size_t m = strlen(cl[k]);
		if (n > m && ends_with(w, n, cl[k]))
			return n - m;
	}
	if (equals_ci(w, n, "cannot"))
		return 3;
	if (equals_ci(w, n, "gonna") || equals_ci(w, n, "wanna") || equals_ci(w, n, "gotta"))
		return 3;
	return n;
}

/* Is w[0..n) a clitic written apart ("'s", "'re", ...)? */
static int is_clitic(const char *w, size_t n)
{
	return equals_ci(w, n, "'s") || equals_ci(w, n, "'re") || equals_ci(w, n, "'ve") ||
	       equals_ci(w, n, "'ll") || equals_ci(w, n, "'d") || equals_ci(w, n, "'m");
}

/* Is t[i..end) only closing quotes, brackets, periods and space? */
static int only_closers_after(const char *t, size_t i, size_t end)
{
	for (; i < end; i++) {
		if (!is_space((unsigned char)t[i]) && !strchr("\"')]}.", t[i]))
			return 0;
	}
	return 1;
}

/* "U.S", "U.S.A", "Ph.D", "a.m": short letter groups joined by periods
 * (not "example.org", not "3.5"). */
static int dotted_abbrev(const char *w, size_t n)
{
	size_t seg = 0, dots = 0;
	for (size_t i = 0; i < n; i++) {
		if (w[i] == '.') {
			if (seg == 0)
				return 0;
			dots++;
			seg = 0;
		} else if (is_alpha((unsigned char)w[i])) {
			if (++seg > 3)
				return 0;
		} else {
			return 0;
		}
	}
	return dots > 0 && seg > 0;
}

/* Emits the word t[s..e) (the period after it not included), splitting
 * clitics, then its period if it belongs to an abbreviation. Returns the
 * offset after what was consumed. */
static size_t emit_word(tstate *st, size_t s, size_t e, size_t end)
{
	const char *t = st->t;
	const char *w = t + s;
	size_t n = e - s;
	/* A period right after the word (and not the start of "..."). */
	if (e < end && t[e] == '.' && !(e + 1 < end && t[e + 1] == '.')) {
		int kind = split_abbrev_kind(w, n);
		int inner = dotted_abbrev(w, n);
		int next_digit = 0;
		size_t k = e + 1;
		while (k < end && is_space((unsigned char)t[k]))
			k++;
		if (k < end && is_digit((unsigned char)t[k]))
			next_digit = 1;
		int attach = kind == SPLIT_ABBR_TITLE || kind == SPLIT_ABBR_AMBIGUOUS ||
			     kind == SPLIT_ABBR_INITIAL || inner ||
			     (kind == SPLIT_ABBR_NUMBER && next_digit);
		if (attach && e + 2 < end && t[e + 1] == '-' &&
		    t[e + 2] >= 'a' && t[e + 2] <= 'z') {
			/* "U.S.-led", "U.N.-backed": one word, as "Saudi-led" */
			size_t we = word_end(t, e + 2, end);
			push(st, s, we, NULL);
			return we;
		}
		if (attach) {
			push(st, s, e + 1, NULL);
			if (only_closers_after(t, e + 1, end) &&
			    memchr(t + e + 1, '.', end - e - 1) == NULL)
				push(st, e, e + 1, "."); /* the sentence's own period */
			return e + 1;
		}
	}
	size_t c = clitic_at(w, n);
	if (c > 0 && c < n) {
		push(st, s, s + c, NULL);
		push(st, s + c, e, NULL);
	} else {
		push(st, s, e, NULL);
	}
	return e;
}

/* ---------------------------------------------------------------- public */

int32_t tok_sentence(arena *a, const clean_text *c, size_t start, size_t end,
		     tok_token **out)
{
	tstate st = {a, c, c->text, NULL, 0, 0};
	if (end > c->len)
		end = c->len;
	const char *t = c->text;
	const unsigned char *u = (const unsigned char *)t;
	size_t i = start;
	while (i < end) {
		unsigned char ch = u[i];
		/* '_' joins words in dictionaries, never in news: in text it
		 * separates them ("Dol_Amroth" is two words). */
		if (is_space(ch) || ch == '_') {
			i++;
			continue;
		}
		int open_ctx = i == start || is_space(u[i - 1]) || strchr("([{`-", t[i - 1]);
		size_t k;
		switch (ch) {
		case '"':
			push(&st, i, i + 1, open_ctx ? "``" : "''");
			i++;
			continue;
		case '`':
			if (i + 1 < end && t[i + 1] == '`') {
				push(&st, i, i + 2, "``");
				i += 2;
			} else {
				push(&st, i, i + 1, "`");
				i++;
			}
			continue;
		case '\'':
			if (i + 1 < end && t[i + 1] == '\'') {
				push(&st, i, i + 2, "''");
				i += 2;
				continue;
			}
			if (open_ctx && i + 1 < end && is_alnum(u[i + 1])) {
				size_t e = word_end(t, i + 1, end);
				if (is_clitic(t + i, e - i) || is_digit(u[i + 1])) {
					/* "'s" written apart, "'90s" */
					i = emit_word(&st, i, e, end);
					continue;
				}
				push(&st, i, i + 1, "`");
				i++;
				continue;
			}
			push(&st, i, i + 1, open_ctx ? "`" : "'");
			i++;
			continue;
		case '(': case '[': case '{':
			push(&st, i, i + 1, "-LRB-");
			i++;
			continue;
		case ')': case ']': case '}':
			push(&st, i, i + 1, "-RRB-");
			i++;
			continue;
		case '-':
			k = i;
			while (k < end && t[k] == '-')
				k++;
			push(&st, i, k, k - i >= 2 ? "--" : "-");
			i = k;
			continue;
		case '.':
			k = i;
			while (k < end && t[k] == '.')
				k++;
			push(&st, i, k, k - i >= 2 ? "..." : ".");
			i = k;
			continue;
		default:
			break;
		}
		size_t ul = url_len(t, i, end);
		if (ul) {
			push(&st, i, i + ul, NULL);
			i += ul;
			continue;
		}
		if (!word_char(u + i, end - i, &k)) {
			push(&st, i, i + k, NULL); /* , ; : ! ? $ % & # ... */
			i += k;
			continue;
		}
		size_t e = word_end(t, i, end);
		i = emit_word(&st, i, e, end);
	}
	/* The first token that is not an opening quote or bracket. */
	for (int32_t j = 0; j < st.n; j++) {
		const char *f = st.toks[j].form;
		if (strcmp(f, "``") != 0 && strcmp(f, "`") != 0 && strcmp(f, "-LRB-") != 0) {
			st.toks[j].flags |= TOK_F_SENTSTART;
			break;
		}
	}
	*out = st.toks;
	return st.n;
}

/*
 * clean.c - UTF-8 repair, control characters, NFC and typographic
 * punctuation, with a compact map back to original offsets.
 * Pure-ASCII stretches are copied as they are; only non-ASCII characters
 * (and an ASCII letter a combining mark follows) go through utf8proc.
 */
#include "clean.h"

#include <string.h>
#include <utf8proc.h>

#include "../util/xmalloc.h"

/* Longest run of code points normalised as one unit; a longer run of
 * combining marks (only seen in deliberately garbled text) is cut. */
#define UNIT_MAX 32

/* ---------------------------------------------------------------- state */

typedef struct cstate {
	clean_text *c;
	size_t cap;  /* bytes allocated for c->text */
	int failed;  /* cleaned text grew past 4 GiB - 1 */
} cstate;

static void reserve(cstate *s, size_t more)
{
	clean_text *c = s->c;
	if (c->len + more + 1 <= s->cap)
		return;
	size_t cap = s->cap * 2;
	if (cap < c->len + more + 1)
		cap = c->len + more + 1;
	c->text = xrealloc(c->text, cap);
	s->cap = cap;
}

/* Records that cleaned offset co corresponds to original offset oo. */
static void add_brk(cstate *s, size_t co, size_t oo)
{
	clean_text *c = s->c;
	if (c->nbrk && c->brk_clean[c->nbrk - 1] == co && c->brk_orig[c->nbrk - 1] == oo)
		return;
	if (co > UINT32_MAX - 1 || oo > UINT32_MAX - 1) {
		s->failed = 1;
		return;
	}
	if (c->nbrk == c->capbrk) {
		size_t cap = c->capbrk ? c->capbrk * 2 : 16;
		c->brk_clean = xrealloc(c->brk_clean, cap * sizeof *c->brk_clean);
		c->brk_orig = xrealloc(c->brk_orig, cap * sizeof *c->brk_orig);
		c->capbrk = cap;
	}
	c->brk_clean[c->nbrk] = (uint32_t)co;
	c->brk_orig[c->nbrk] = (uint32_t)oo;
	c->nbrk++;
}

/* Emits out[0..m) in place of original bytes [oo, oo+k). Breakpoints are
 * needed only when the lengths differ: a segment whose cleaned and
 * original lengths are equal maps linearly, any other maps to its start. */
static void emit(cstate *s, const char *out, size_t m, size_t oo, size_t k)
{
	clean_text *c = s->c;
	reserve(s, m);
	if (m != k)
		add_brk(s, c->len, oo);
	memcpy(c->text + c->len, out, m);
	c->len += m;
	if (m != k)
		add_brk(s, c->len, oo + k);
}

/* ---------------------------------------------------------------- UTF-8 */

/* Decodes one well-formed UTF-8 sequence at p[0..n); returns its length
 * and sets *cp, or 0 if the first byte does not start a valid sequence. */
static size_t utf8_decode(const unsigned char *p, size_t n, int32_t *cp)
{
	unsigned b = p[0];
	if (b < 0x80) {
		*cp = (int32_t)b;
		return 1;
	}
	if (b < 0xC2)
		return 0;
	if (b < 0xE0) {
		if (n < 2 || (p[1] & 0xC0) != 0x80)
			return 0;
		*cp = (int32_t)(((b & 0x1F) << 6) | (p[1] & 0x3F));
		return 2;
	}
	if (b < 0xF0) {
		if (n < 3 || (p[1] & 0xC0) != 0x80 || (p[2] & 0xC0) != 0x80)
			return 0;
		if (b == 0xE0 && p[1] < 0xA0)
			return 0; /* overlong */
		if (b == 0xED && p[1] >= 0xA0)
			return 0; /* surrogate */
		*cp = (int32_t)(((b & 0x0F) << 12) | ((p[1] & 0x3F) << 6) | (p[2] & 0x3F));
		return 3;
	}
	if (b < 0xF5) {
		if (n < 4 || (p[1] & 0xC0) != 0x80 || (p[2] & 0xC0) != 0x80 ||
		    (p[3] & 0xC0) != 0x80)
			return 0;
		if (b == 0xF0 && p[1] < 0x90)
			return 0; /* overlong */
		if (b == 0xF4 && p[1] >= 0x90)
			return 0; /* above U+10FFFF */
		*cp = (int32_t)(((b & 0x07) << 18) | ((p[1] & 0x3F) << 12) |
				((p[2] & 0x3F) << 6) | (p[3] & 0x3F));
		return 4;
	}
	return 0;
}

/* The replacement for a typographic or invisible character, or NULL if
 * cp is kept (then normalised). "" drops it. */
static const char *typo_map(int32_t cp)
{
	switch (cp) {
	case 0x00A0: case 0x2000: case 0x2001: case 0x2002: case 0x2003:
	case 0x2004: case 0x2005: case 0x2006: case 0x2007: case 0x2008:
	case 0x2009: case 0x200A: case 0x202F: case 0x205F: case 0x3000:
	case 0x1680:
		return " ";
	case 0x00AD: case 0x200B: case 0x2060: case 0xFEFF:
		return ""; /* soft hyphen, zero-width space, word joiner, BOM */
	case 0x2018: case 0x2019: case 0x201A: case 0x201B: case 0x2032:
	case 0x2039: case 0x203A: case 0x02BC: case 0xFF07:
		return "'";
	case 0x201C: case 0x201D: case 0x201E: case 0x201F: case 0x2033:
	case 0x00AB: case 0x00BB: case 0x301D: case 0x301E: case 0xFF02:
		return "\"";
	case 0x2010: case 0x2011: case 0x2012: case 0x2212: case 0xFE63:
	case 0xFF0D:
		return "-";
	case 0x2014: case 0x2015: case 0x2E3A: case 0xFE58:
		return "--";
	case 0x2026:
		return "...";
	case 0x2028: case 0x2029: case 0x0085:
		return "\n";
	default:
		break;
	}
	if (cp >= 0x80 && cp <= 0x9F)
		return " "; /* C1 controls */
	return NULL;
}

/* True if cp may compose with the code point before it under NFC. */
static int composes_back(int32_t cp)
{
	if (cp < 0x300)
		return 0;
	if ((cp >= 0x1161 && cp <= 0x1175) || (cp >= 0x11A8 && cp <= 0x11C2))
		return 1; /* Hangul V and T jamo */
	const utf8proc_property_t *p = utf8proc_get_property(cp);
	if (p->combining_class != 0)
		return 1;
	return p->comb_index != UINT16_MAX && (p->comb_index & 0x8000);
}

/* NFC of the unit in[0..k): writes it through emit(). */
static void emit_nfc(cstate *s, const unsigned char *in, size_t k, size_t oo)
{
	utf8proc_int32_t buf[UNIT_MAX * 4 + 8];
	utf8proc_ssize_t n = utf8proc_decompose(in, (utf8proc_ssize_t)k, buf,
						 (utf8proc_ssize_t)(sizeof buf / sizeof *buf),
						 UTF8PROC_STABLE | UTF8PROC_COMPOSE);
	if (n < 0 || (size_t)n > sizeof buf / sizeof *buf) {
		emit(s, (const char *)in, k, oo, k); /* keep it as it is */
		return;
	}
	n = utf8proc_reencode(buf, n, UTF8PROC_STABLE | UTF8PROC_COMPOSE);
	if (n < 0) {
		emit(s, (const char *)in, k, oo, k);
		return;
	}
	emit(s, (const char *)buf, (size_t)n, oo, k);
}

/* Bytes copied verbatim: printable ASCII, \n and \t. */
static int plain_ascii(unsigned char b)
{
	return (b >= 0x20 && b < 0x7F) || b == '\n' || b == '\t';
}

/* ---------------------------------------------------------------- public */

int clean_run(const char *in_, size_t n, clean_text *out)
{
	const unsigned char *in = (const unsigned char *)in_;
	memset(out, 0, sizeof *out);
	if (n > UINT32_MAX - 1)
		return -1;
	cstate s = {out, n + n / 16 + 64, 0};
	out->text = xmalloc(s.cap);
	out->orig_len = n;
	add_brk(&s, 0, 0);

	/* Where the last verbatim-copied character started (in both texts),
	 * so a combining mark after it can be composed with it. */
	size_t last_o = SIZE_MAX, last_c = 0;
	size_t i = 0;
	while (i < n) {
		/* Fast path: a run of plain ASCII. */
		size_t j = i;
		while (j < n && plain_ascii(in[j]))
			j++;
		if (j > i) {
			reserve(&s, j - i);
			memcpy(out->text + out->len, in + i, j - i);
			out->len += j - i;
			last_o = j - 1;
			last_c = out->len - 1;
			i = j;
			if (i == n)
				break;
		}
		unsigned b = in[i];
		if (b < 0x80) {
			char ch = ' ';
			if (b == 0)
				out->nuls++;
			else if (b == '\r' && !(i + 1 < n && in[i + 1] == '\n'))
				ch = '\n'; /* old Mac line end; "\r\n" -> " \n" */
			emit(&s, &ch, 1, i, 1);
			last_o = SIZE_MAX;
			i++;
			continue;
		}
		int32_t cp;
		size_t k = utf8_decode(in + i, n - i, &cp);
		if (k == 0) {
			emit(&s, "\xEF\xBF\xBD", 3, i, 1);
			out->repaired++;
			last_o = SIZE_MAX;
			i++;
			continue;
		}
		const char *rep = typo_map(cp);
		if (rep) {
			emit(&s, rep, strlen(rep), i, k);
			last_o = SIZE_MAX;
			i += k;
			continue;
		}
		/* A normalisation unit: this code point (or the verbatim one
		 * before it, if this one composes with it) and the following
		 * code points that compose back. */
		size_t ustart = i, uend = i + k;
		int ncp = 1;
		if (composes_back(cp) && last_o != SIZE_MAX && last_o + 1 == i &&
		    last_c + 1 == out->len) {
			ustart = last_o; /* retract the verbatim copy */
			out->len = last_c;
			ncp++;
		}
		while (uend < n && ncp < UNIT_MAX) {
			int32_t cp2;
			size_t k2 = utf8_decode(in + uend, n - uend, &cp2);
			if (k2 == 0 || typo_map(cp2) || !composes_back(cp2))
				break;
			uend += k2;
			ncp++;
		}
		if (ncp == 1 && utf8proc_get_property(cp)->decomp_seqindex == UINT16_MAX) {
			emit(&s, (const char *)in + i, k, i, k); /* already NFC */
		} else {
			emit_nfc(&s, in + ustart, uend - ustart, ustart);
		}
		last_o = SIZE_MAX; /* following marks were taken into the unit */
		i = uend;
	}
	if (out->len > UINT32_MAX - 1 || s.failed) {
		clean_free(out);
		return -1;
	}
	add_brk(&s, out->len, n);
	out->text[out->len] = '\0';
	return 0;
}

uint32_t clean_orig(const clean_text *c, size_t off)
{
	if (c->nbrk == 0)
		return (uint32_t)off;
	if (off > c->len)
		off = c->len;
	/* Last breakpoint whose cleaned offset is <= off. */
	size_t lo = 0, hi = c->nbrk;
	while (hi - lo > 1) {
		size_t mid = lo + (hi - lo) / 2;
		if (c->brk_clean[mid] <= off)
			lo = mid;
		else
			hi = mid;
	}
	uint32_t d = (uint32_t)(off - c->brk_clean[lo]);
	if (lo + 1 < c->nbrk) {
		uint32_t lc = c->brk_clean[lo + 1] - c->brk_clean[lo];
		uint32_t lo_len = c->brk_orig[lo + 1] - c->brk_orig[lo];
		if (lc != lo_len)
			return c->brk_orig[lo]; /* inside a replaced sequence */
	}
	return c->brk_orig[lo] + d;
}

void clean_free(clean_text *c)
{
	if (!c)
		return;
	free(c->text);
	free(c->brk_clean);
	free(c->brk_orig);
	memset(c, 0, sizeof *c);
}

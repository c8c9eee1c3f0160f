/*
 * place.c - the place finder: city names in a sentence's tokens, looked up
 * in the gazetteer blob built by tools/mkgazetteer.c (read in place, never
 * parsed), kept only in a location context, and resolved among namesakes
 * by the story's countries and by size. No allocation per sentence.
 */
#include "place.h"

#include <string.h>

#include "place_int.h"
#include "../util/xmalloc.h"

struct gazetteer {
	const unsigned char *blob; /* the built-in blob (static) */
	uint32_t h[GAZ_H_COUNT];   /* its header, all zero when empty */
	const unsigned char *entries, *countries, *keys, *buckets, *cands;
	const char *strings;
};

/* ---- The blob ------------------------------------------------------------ */

/* Checks that the header's sections lie inside the blob, in order. */
static int blob_ok(const uint32_t *h, size_t size)
{
	if (h[GAZ_H_MAGIC] != GAZ_MAGIC || h[GAZ_H_VERSION] != GAZ_VERSION)
		return 0;
	uint64_t nb = h[GAZ_H_BUCKETS];
	if (nb == 0 || (nb & (nb - 1)) || h[GAZ_H_KEYS] >= GAZ_BUCKET_IDX_MASK ||
	    h[GAZ_H_CITIES] > h[GAZ_H_ENTRIES] || h[GAZ_H_COUNTRIES] > 256)
		return 0;
	const struct {
		int off;
		uint64_t len;
	} sec[] = {
		{GAZ_H_OFF_ENTRIES, (uint64_t)h[GAZ_H_ENTRIES] * 16},
		{GAZ_H_OFF_COUNTRIES, (uint64_t)h[GAZ_H_COUNTRIES] * 4},
		{GAZ_H_OFF_KEYS, ((uint64_t)h[GAZ_H_KEYS] + 1) * 8},
		{GAZ_H_OFF_BUCKETS, nb * 4},
		{GAZ_H_OFF_CANDS, (uint64_t)h[GAZ_H_CANDS] * 4},
		{GAZ_H_OFF_STRINGS, h[GAZ_H_STRBYTES]},
	};
	uint64_t at = (uint64_t)GAZ_H_COUNT * 4;
	for (size_t i = 0; i < sizeof sec / sizeof *sec; i++) {
		if (h[sec[i].off] != at)
			return 0;
		at += sec[i].len;
	}
	if (at != size || h[GAZ_H_STRBYTES] == 0)
		return 0;
	return 1;
}

gazetteer *gaz_new(void)
{
	gazetteer *g = xcalloc(1, sizeof *g);
	const unsigned char *b = dyad_gazetteer_blob;
	size_t size = dyad_gazetteer_size;
	if (size < GAZ_H_COUNT * 4)
		return g;
	uint32_t h[GAZ_H_COUNT];
	for (int i = 0; i < GAZ_H_COUNT; i++)
		h[i] = gaz_rd32(b + 4 * i);
	if (!blob_ok(h, size) || b[size - 1] != '\0')
		return g;
	memcpy(g->h, h, sizeof h);
	g->blob = b;
	g->entries = b + h[GAZ_H_OFF_ENTRIES];
	g->countries = b + h[GAZ_H_OFF_COUNTRIES];
	g->keys = b + h[GAZ_H_OFF_KEYS];
	g->buckets = b + h[GAZ_H_OFF_BUCKETS];
	g->cands = b + h[GAZ_H_OFF_CANDS];
	g->strings = (const char *)b + h[GAZ_H_OFF_STRINGS];
	return g;
}

void gaz_free(gazetteer *g)
{
	free(g);
}

int32_t gaz_size(const gazetteer *g)
{
	return g ? (int32_t)g->h[GAZ_H_CITIES] : 0;
}

/* The index of key s[0..n) (folded), or -1. */
static int32_t key_find(const gazetteer *g, const char *s, size_t n)
{
	uint32_t nb = g->h[GAZ_H_BUCKETS], nk = g->h[GAZ_H_KEYS];
	if (!nk || !n)
		return -1;
	uint32_t hv = gaz_hash(s, n), tag = hv & ~GAZ_BUCKET_IDX_MASK;
	uint32_t mask = nb - 1, strbytes = g->h[GAZ_H_STRBYTES];
	for (uint32_t probe = 0, at = hv & mask; probe < nb;
	     probe++, at = (at + 1) & mask) {
		uint32_t v = gaz_rd32(g->buckets + 4 * at);
		if (!v)
			return -1;
		uint32_t k = (v & GAZ_BUCKET_IDX_MASK) - 1;
		if ((v & ~GAZ_BUCKET_IDX_MASK) != tag || k >= nk)
			continue;
		uint32_t off = gaz_rd32(g->keys + 8 * k);
		if (off < strbytes && strbytes - off > n &&
		    memcmp(g->strings + off, s, n + 1) == 0)
			return (int32_t)k;
	}
	return -1;
}

static uint32_t key_flags(const gazetteer *g, int32_t k)
{
	return gaz_rd32(g->keys + 8 * (size_t)k + 4) >> 28;
}

/* One entry, unpacked. */
typedef struct gent {
	uint32_t name, country, pop, flags;
	int32_t lat, lon;
} gent;

static int entry_get(const gazetteer *g, uint32_t i, gent *e)
{
	if (i >= g->h[GAZ_H_ENTRIES])
		return 0;
	const unsigned char *p = g->entries + 16 * (size_t)i;
	uint32_t w0 = gaz_rd32(p), w3 = gaz_rd32(p + 12);
	e->name = w0 & 0xffffff;
	e->country = w0 >> 24;
	e->lat = (int32_t)gaz_rd32(p + 4);
	e->lon = (int32_t)gaz_rd32(p + 8);
	e->pop = w3 & 0x1ffffff;
	e->flags = w3 >> 25;
	return e->name < g->h[GAZ_H_STRBYTES] && e->country < g->h[GAZ_H_COUNTRIES];
}

static const char *country_code(const gazetteer *g, uint32_t c)
{
	return (const char *)g->countries + 4 * (size_t)c;
}

/* ---- Words of the context -------------------------------------------------- */

static int is_word(const tok_token *t, const char *const *list)
{
	for (; *list; list++)
		if (t->ulen == strlen(*list) && memcmp(t->upper, *list, t->ulen) == 0)
			return 1;
	return 0;
}

/* The place is where the event is: "in Hanoi". */
static const char *const strong_preps[] = {
	"IN", "AT", "NEAR", "OUTSIDE", "INSIDE", "AROUND", "ACROSS",
	"THROUGHOUT", "WITHIN", NULL};
/* Often a place, often a person ("to Kim", "from Tokyo"). */
static const char *const weak_preps[] = {
	"FROM", "TO", "INTO", "TOWARD", "TOWARDS", "VIA", "VISIT", "VISITS",
	"VISITED", "VISITING", NULL};
/* "the city of Shenyang". */
static const char *const of_heads[] = {
	"CITY", "TOWN", "VILLAGE", "PORT", "OUTSKIRTS", "SUBURBS", "SUBURB",
	"STREETS", "CENTRE", "CENTER", "HEART", "TOWNSHIP", "HAMLET", "CAPITAL",
	NULL};
/* Words between the preposition and the name: "in the northern". */
static const char *const between[] = {
	"THE", "CENTRAL", "NORTHERN", "SOUTHERN", "EASTERN", "WESTERN",
	"NORTHEASTERN", "NORTHWESTERN", "SOUTHEASTERN", "SOUTHWESTERN",
	"NORTH-EASTERN", "NORTH-WESTERN", "SOUTH-EASTERN", "SOUTH-WESTERN",
	"DOWNTOWN", "SUBURBAN", "RURAL", "NEARBY", "NEIGHBOURING", "NEIGHBORING",
	"CAPITAL", "COASTAL", "EAST", "WEST", "NORTH", "SOUTH", NULL};
static const char *const conjunctions[] = {"AND", "OR", NULL};

enum ctx { CTX_NONE, CTX_MOD, CTX_WEAK, CTX_STRONG };

static int is_name_tag(const tok_token *t)
{
	return t->tag == POS_NNP || t->tag == POS_NNPS;
}

/* The context left of token i (see place_find). */
static enum ctx left_context(const tok_token *t, int32_t i, int32_t last_end,
			     enum ctx last_ctx)
{
	int32_t j = i - 1;
	for (int skips = 0; j >= 0 && skips < 3; j--, skips++)
		if (!is_word(&t[j], between) ||
		    ((t[j].flags & TOK_F_CAP) && t[j].tag != POS_DT))
			break;
	if (j < 0)
		return CTX_NONE;
	if (is_word(&t[j], strong_preps))
		return CTX_STRONG;
	if (is_word(&t[j], weak_preps))
		return CTX_WEAK;
	if (j > 0 && t[j].ulen == 2 && memcmp(t[j].upper, "OF", 2) == 0 &&
	    is_word(&t[j - 1], of_heads))
		return CTX_STRONG;
	/* "in Hanoi and Hue"; a list after a comma ("in Hanoi, Hue and
	 * Da Nang") only as surely as a weak preposition */
	if (j == last_end && last_ctx >= CTX_WEAK) {
		if (is_word(&t[j], conjunctions))
			return last_ctx;
		if (t[j].tag == POS_COMMA)
			return CTX_WEAK;
	}
	return CTX_NONE;
}

static int ends_based(const tok_token *t)
{
	return t->ulen > 6 && memcmp(t->upper + t->ulen - 6, "-BASED", 6) == 0;
}

/* Punctuation that ends a name (a comma may stand inside: "Washington,
 * D.C."). */
static int ends_name(const tok_token *t)
{
	return t->tag == POS_POS || (pos_is_punct((pos_tag)t->tag) &&
				     t->tag != POS_COMMA && t->tag != POS_HYPH);
}

/* The longest gazetteer name starting at token i: returns its end
 * (exclusive) and sets *key, *based; 0 if none. */
static int32_t longest(const gazetteer *g, const tok_token *t, int32_t n,
		       int32_t i, int32_t *key, int *based)
{
	gaz_keybuf kb;
	gaz_key_init(&kb);
	int32_t end = 0;
	for (int32_t j = i; j < n && j < i + 5; j++) {
		const tok_token *tj = &t[j];
		if (j > i) {
			if (tj->tag == POS_COMMA) {
				if (j + 1 < n && (t[j + 1].flags & TOK_F_CAP) &&
				    !ends_name(&t[j + 1]))
					continue;
				break;
			}
			if (ends_name(tj))
				break;
			/* lower-case words inside names are short (de, al, es)
			 * or hyphenated (ez-Zor, al-Balah, el-Sheikh) */
			if (!(tj->flags & (TOK_F_CAP | TOK_F_NUM)) && tj->len > 3 &&
			    !memchr(tj->form, '-', tj->len))
				break;
		}
		int b = ends_based(tj);
		gaz_key_sep(&kb);
		gaz_key_add(&kb, tj->form, b ? (size_t)tj->len - 6 : tj->len);
		if (kb.over)
			break;
		if (b || (tj->flags & TOK_F_CAP) || memchr(tj->form, '-', tj->len)) {
			int32_t k = key_find(g, kb.s, kb.n);
			if (k >= 0) {
				end = j + 1;
				*key = k;
				*based = b;
			}
		}
		if (b)
			break;
	}
	return end;
}

/* Whether a name with no location word before it could be a modifier:
 * within the next five tokens its run of capitalised words ends before a
 * lower-case noun, or one of them is X-based. Spares lookups for the
 * many names that are subjects and objects. */
static int may_modify(const tok_token *t, int32_t n, int32_t i)
{
	for (int32_t j = i; j < n && j < i + 5; j++) {
		if (ends_based(&t[j]))
			return 1;
		if (!(t[j].flags & TOK_F_CAP))
			return t[j].tag == POS_NN || t[j].tag == POS_NNS;
	}
	return 0;
}

/* ---- Choosing among namesakes ------------------------------------------------ */

static int story_rank(const char *a3, const char *const *countries, int32_t nc)
{
	for (int32_t k = 0; k < nc; k++)
		if (countries[k] && strcmp(countries[k], a3) == 0)
			return (int)k;
	return -1;
}

static double score(const gent *e, int rank)
{
	double s = gaz_city_score(e->pop, e->flags);
	if (rank >= 0)
		s += 2.0 - 0.25 * (rank < 4 ? rank : 4);
	return s;
}

/* The city key k means here, or 0; see place_find for the rules. hint is
 * the country named right after the city ("Tripoli, Lebanon"), or -1. */
static int resolve(const gazetteer *g, int32_t k, enum ctx ctx, int possessive,
		   int32_t hint, const char *const *countries, int32_t nc,
		   gent *best)
{
	uint32_t first = gaz_rd32(g->keys + 8 * (size_t)k + 4) & 0x0fffffff;
	uint32_t last = gaz_rd32(g->keys + 8 * (size_t)k + 12) & 0x0fffffff;
	if (last > g->h[GAZ_H_CANDS] || first > last)
		return 0;
	if (last - first > 256)
		last = first + 256;
	/* Subdivisions and regions of the name (they sort last). */
	gent adm[8];
	int nadm = 0;
	if (key_flags(g, k) & GAZ_K_ADMIN)
		for (uint32_t c = last; c > first && nadm < 8; c--) {
			gent a;
			if (!entry_get(g, gaz_rd32(g->cands + 4 * (size_t)(c - 1)), &a) ||
			    (a.flags & GAZ_E_COUNTRY))
				continue;
			if (!(a.flags & GAZ_E_ADMIN))
				break;
			adm[nadm++] = a;
		}
	double bs = -1e9;
	int brank = -1, found = 0;
	for (uint32_t c = first; c < last; c++) {
		gent e;
		if (!entry_get(g, gaz_rd32(g->cands + 4 * (size_t)c), &e) ||
		    (e.flags & (GAZ_E_ADMIN | GAZ_E_COUNTRY)))
			continue;
		int r = (int32_t)e.country == hint
				? 0 : story_rank(country_code(g, e.country), countries, nc);
		double s = score(&e, r);
		if ((int32_t)e.country == hint)
			s += 10.0; /* decisive */
		/* Bethlehem, West Bank (a governorate's seat) over Bethlehem,
		 * Pennsylvania */
		for (int i = 0; i < nadm; i++)
			if (adm[i].country == e.country) {
				s += 0.5;
				break;
			}
		if (s > bs) {
			bs = s;
			*best = e;
			brank = r;
			found = 1;
		}
	}
	if (!found)
		return 0;
	int famous = (best->flags & GAZ_E_FAMOUS) != 0;
	int capital = (best->flags & GAZ_E_PPLC) != 0;
	/* The name is also a subdivision or region: "in Ontario" in a
	 * Canadian story is the province, not Ontario, California; "in
	 * Java" is the island, not Java, Georgia; "in Florida" is no town in
	 * Uruguay. A city of a story country, or of the subdivision's own
	 * country (Kilis, seat of Kilis province), still stands. */
	for (int i = 0; i < nadm && brank < 0; i++) {
		if ((int32_t)adm[i].country == hint ||
		    story_rank(country_code(g, adm[i].country), countries, nc) >= 0)
			return 0;
		if (adm[i].country != best->country &&
		    ((adm[i].flags & GAZ_E_REGION) || (best->pop < 100000 && !famous)))
			return 0;
	}
	switch (ctx) {
	case CTX_STRONG:
		return !possessive || best->pop >= 50000 || famous || capital;
	case CTX_WEAK:
		return best->pop >= 50000 || famous || capital;
	case CTX_MOD:
		return best->pop >= 100000 || famous;
	default:
		return 0;
	}
}

/* The country named by the tokens after toks[at] == ",": "Tripoli ,
 * Lebanon", "Paris , Texas" (the longest country, state or region name of
 * up to four tokens); -1 if none. */
static int32_t country_hint(const gazetteer *g, const tok_token *t, int32_t n,
			    int32_t at)
{
	if (at >= n || t[at].tag != POS_COMMA)
		return -1;
	gaz_keybuf kb;
	gaz_key_init(&kb);
	int32_t key = -1;
	for (int32_t j = at + 1; j < n && j < at + 5; j++) {
		if (!(t[j].flags & TOK_F_CAP) && (j == at + 1 || t[j].len > 3))
			break;
		gaz_key_sep(&kb);
		gaz_key_add(&kb, t[j].form, t[j].len);
		if (kb.over)
			break;
		int32_t k = key_find(g, kb.s, kb.n);
		if (k >= 0 && (key_flags(g, k) & GAZ_K_COUNTRY))
			key = k;
	}
	if (key < 0)
		return -1;
	uint32_t first = gaz_rd32(g->keys + 8 * (size_t)key + 4) & 0x0fffffff;
	uint32_t last = gaz_rd32(g->keys + 8 * (size_t)key + 12) & 0x0fffffff;
	for (uint32_t c = first; c < last && c < g->h[GAZ_H_CANDS]; c++) {
		gent e;
		if (entry_get(g, gaz_rd32(g->cands + 4 * (size_t)c), &e) &&
		    (e.flags & GAZ_E_COUNTRY))
			return (int32_t)e.country;
	}
	return -1;
}

/* ---- The finder ---------------------------------------------------------------- */

int32_t place_find(const gazetteer *g, const tok_token *toks, int32_t n,
		   const char *const *countries, int32_t nc, place_hit *out,
		   int32_t max)
{
	if (!g || !g->blob || !toks || n <= 0 || !out || max <= 0)
		return 0;
	if (!countries)
		nc = 0;
	int32_t nh = 0, last_end = -1;
	enum ctx last_ctx = CTX_NONE;
	for (int32_t i = 0; i < n && nh < max; i++) {
		const tok_token *t = &toks[i];
		if (!(t->flags & TOK_F_CAP))
			continue;
		/* inside a longer capitalised name */
		if (i > 0 && (toks[i - 1].flags & TOK_F_CAP) && is_name_tag(&toks[i - 1]))
			continue;
		int based_first = ends_based(t);
		enum ctx ctx = left_context(toks, i, last_end, last_ctx);
		if (!is_name_tag(t) && !based_first &&
		    !(ctx >= CTX_WEAK && !(t->flags & TOK_F_SENTSTART)))
			continue;
		if (ctx == CTX_NONE && !may_modify(toks, n, i))
			continue;
		int32_t key = -1;
		int based = 0;
		int32_t end = longest(g, toks, n, i, &key, &based);
		if (!end)
			continue;
		uint32_t kf = key_flags(g, key);
		if (kf & (GAZ_K_COUNTRY | GAZ_K_STOP)) {
			i = end - 1;
			continue;
		}
		const tok_token *next = end < n ? &toks[end] : NULL;
		if (next && !based && !(next->flags & TOK_F_CAP) && next->len > 3 &&
		    memchr(next->form, '-', 4))
			continue; /* "Bab al-Hawa": a longer name */
		if (based) {
			ctx = CTX_MOD;
		} else if (next && (next->flags & TOK_F_CAP) && is_name_tag(next)) {
			/* part of a longer name, unless "in Hanoi Monday" */
			gaz_keybuf kb;
			gaz_key_init(&kb);
			gaz_key_add(&kb, next->form, next->len);
			int32_t nk = key_find(g, kb.s, kb.n);
			if (nk < 0 || !(key_flags(g, nk) & GAZ_K_STOP))
				continue;
		} else if (ctx == CTX_NONE) {
			if (!next || (next->flags & TOK_F_CAP) ||
			    (next->tag != POS_NN && next->tag != POS_NNS))
				continue;
			ctx = CTX_MOD;
		}
		int possessive = next && next->tag == POS_POS;
		int32_t hint = based ? -1 : country_hint(g, toks, n, end);
		gent e = {0, 0, 0, 0, 0, 0};
		if (!resolve(g, key, ctx, possessive, hint, countries, nc, &e))
			continue;
		place_hit *h = &out[nh++];
		h->tok_start = i;
		h->tok_end = end;
		h->name = g->strings + e.name;
		h->country = country_code(g, e.country);
		h->admin1 = NULL;
		h->lat = e.lat / 1e5;
		h->lon = e.lon / 1e5;
		h->population = (int32_t)e.pop;
		last_end = end;
		last_ctx = ctx;
		i = end - 1;
	}
	return nh;
}

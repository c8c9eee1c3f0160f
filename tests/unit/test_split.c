/*
 * test_split.c - sentence boundaries: abbreviations, initials, decimals,
 * quotes, blank lines, headlines, datelines and run-on text.
 */
#include <criterion/criterion.h>
#include <stdlib.h>
#include <string.h>

#include "split/split.h"

#define MAXS 16

/* Splits text into out[] (each a malloc'd copy); returns the count. */
static int split_all(const char *text, char **out)
{
	split_iter it;
	split_init(&it, text, strlen(text));
	size_t s, e;
	int n = 0;
	while (split_next(&it, &s, &e)) {
		cr_assert_lt(n, MAXS);
		out[n] = strndup(text + s, e - s);
		n++;
	}
	return n;
}

static void expect_split(const char *text, int want_n, const char *const *want)
{
	char *got[MAXS];
	int n = split_all(text, got);
	cr_expect_eq(n, want_n, "%d sentences for: %s", n, text);
	for (int i = 0; i < n; i++) {
		if (i < want_n)
			cr_expect_str_eq(got[i], want[i]);
		free(got[i]);
	}
}

Test(split, simple_and_empty)
{
	const char *w[] = {"Arnor met Gondor.", "Talks went on!", "Why?"};
	expect_split("Arnor met Gondor. Talks went on! Why?", 3, w);
	expect_split("", 0, NULL);
	expect_split("   \n\n  ", 0, NULL);
}

Test(split, abbreviations_titles_and_months)
{
	const char *w1[] = {"Gen. Smith met Mr. Jones on Jan. 5 in St. Louis.", "They agreed."};
	expect_split("Gen. Smith met Mr. Jones on Jan. 5 in St. Louis. They agreed.", 2, w1);
	const char *w2[] = {"The U.S. Embassy said J. R. R. Tolkien wrote it."};
	expect_split("The U.S. Embassy said J. R. R. Tolkien wrote it.", 1, w2);
	const char *w3[] = {"Prices rose 3.5 percent vs. 2.1 percent, e.g. in Acme Corp. shares."};
	expect_split(w3[0], 1, w3);
}

Test(split, us_at_the_end_before_an_opener)
{
	/* "U.S." ends a sentence when a typical opener follows. */
	const char *w[] = {"Troops left the U.S.", "The talks ended."};
	expect_split("Troops left the U.S. The talks ended.", 2, w);
	const char *w2[] = {"Shares of Acme Inc.", "But it fell."};
	expect_split("Shares of Acme Inc. But it fell.", 2, w2);
}

Test(split, quotes)
{
	const char *w1[] = {"He said.", "\"Next we go.\""};
	expect_split("He said. \"Next we go.\"", 2, w1);
	const char *w2[] = {"\"We will fight,\" he said.", "Then he left."};
	expect_split("\"We will fight,\" he said. Then he left.", 2, w2);
	const char *w3[] = {"\"Will you go?\" he asked."};
	expect_split(w3[0], 1, w3);
	const char *w4[] = {"\"We won.\"", "The crowd cheered."};
	expect_split("\"We won.\" The crowd cheered.", 2, w4);
}

Test(split, ellipsis_and_lower_case)
{
	/* "..." before a lower-case word continues; before a capital it ends. */
	const char *w[] = {"He paused... and went on.", "Later...", "Nothing."};
	expect_split("He paused... and went on. Later... Nothing.", 3, w);
}

Test(split, blank_lines_and_headlines)
{
	const char *w[] = {"Arnor Restores Ties With Gondor", "The two sides met\non Monday.",
			   "Next"};
	expect_split("Arnor Restores Ties With Gondor\n\nThe two sides met\non Monday.\n \n Next", 3,
		     w);
}

Test(split, datelines)
{
	const char *w1[] = {"TOKYO, March 4 (Reuters) -", "The two sides met."};
	expect_split("TOKYO, March 4 (Reuters) - The two sides met.", 2, w1);
	const char *w2[] = {"WASHINGTON (AP) --", "President Obama spoke."};
	expect_split("WASHINGTON (AP) -- President Obama spoke.", 2, w2);
	const char *w3[] = {"Headline here", "BEIRUT, Lebanon (CNN) --", "Fighting went on."};
	expect_split("Headline here\nBEIRUT, Lebanon (CNN) -- Fighting went on.", 3, w3);
	/* A dash inside an ordinary sentence is not a dateline. */
	const char *w4[] = {"Arnor - the old kingdom - was quiet."};
	expect_split(w4[0], 1, w4);
}

Test(split, long_line_without_punctuation_is_cut)
{
	size_t n = 5u << 20;
	char *s = malloc(n + 1);
	for (size_t i = 0; i < n; i++)
		s[i] = (i % 7 == 6) ? ' ' : 'x';
	s[n] = 0;
	split_iter it;
	split_init(&it, s, n);
	size_t st, e, count = 0, last = 0;
	while (split_next(&it, &st, &e)) {
		cr_assert_leq(e - st, SPLIT_MAX_BYTES);
		cr_assert_gt(e, st);
		cr_assert_geq(st, last);
		last = e;
		count++;
	}
	cr_expect_geq(count, n / SPLIT_MAX_BYTES);
	cr_expect_eq(it.pos, n);
	free(s);
}

Test(split, one_huge_word_is_cut_too)
{
	size_t n = 20000;
	char *s = malloc(n + 1);
	memset(s, 'y', n);
	s[n] = 0;
	split_iter it;
	split_init(&it, s, n);
	size_t st, e, total = 0;
	while (split_next(&it, &st, &e)) {
		cr_assert_leq(e - st, SPLIT_MAX_BYTES);
		total += e - st;
	}
	cr_expect_eq(total, n);
	free(s);
}

Test(split, abbrev_kinds)
{
	cr_expect_eq(split_abbrev_kind("Gen", 3), SPLIT_ABBR_TITLE);
	cr_expect_eq(split_abbrev_kind("Jan", 3), SPLIT_ABBR_NUMBER);
	cr_expect_eq(split_abbrev_kind("U.S", 3), SPLIT_ABBR_AMBIGUOUS);
	cr_expect_eq(split_abbrev_kind("Corp", 4), SPLIT_ABBR_AMBIGUOUS);
	cr_expect_eq(split_abbrev_kind("J", 1), SPLIT_ABBR_INITIAL);
	cr_expect_eq(split_abbrev_kind("said", 4), SPLIT_ABBR_NONE);
}

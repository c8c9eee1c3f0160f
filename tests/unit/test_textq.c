/*
 * test_textq.c - dyad's full-text query language translated into FTS5
 * and tsquery: words, prefixes, phrases, AND/OR/NOT and '-', case, and
 * the refusals (expected strings written by hand from textq.h).
 */
#include <criterion/criterion.h>
#include <string.h>

#include "store/textq.h"

static void both(const char *q, const char *fts5, const char *tsq)
{
	buf a = BUF_INIT, b = BUF_INIT;
	char err[128] = "";
	cr_assert_eq(textq_translate(q, TEXTQ_FTS5, &a, err, sizeof err), 0, "%s: %s", q, err);
	cr_assert_eq(textq_translate(q, TEXTQ_TSQUERY, &b, err, sizeof err), 0, "%s: %s", q, err);
	buf_putc(&a, '\0');
	buf_putc(&b, '\0');
	cr_assert_str_eq(a.data, fts5, "%s", q);
	cr_assert_str_eq(b.data, tsq, "%s", q);
	buf_free(&a);
	buf_free(&b);
}

static void refused(const char *q, const char *why)
{
	buf a = BUF_INIT;
	char err[128] = "";
	cr_assert_eq(textq_translate(q, TEXTQ_FTS5, &a, err, sizeof err), -1, "%s", q);
	cr_assert(strstr(err, why), "%s: %s", q, err);
	buf_free(&a);
}

Test(textq, words_and_case)
{
	both("aid", "(\"aid\")", "('aid')");
	both("Food AID", "(\"food\" AND \"aid\")", "('food' & 'aid')");
	both("valoria AND dunmark", "(\"valoria\" AND \"dunmark\")", "('valoria' & 'dunmark')");
}

Test(textq, phrases_and_prefixes)
{
	both("\"food aid\"", "(\"food aid\")", "(('food' <-> 'aid'))");
	both("sanction*", "(\"sanction\"*)", "('sanction':*)");
	both("\"north korea\"*", "(\"north korea\"*)", "(('north' <-> 'korea':*))");
	/* punctuation splits words: a hyphenated word is a phrase */
	both("North-Korean", "(\"north korean\")", "(('north' <-> 'korean'))");
}

Test(textq, or_and_not)
{
	both("a b OR c", "(\"a\" AND \"b\") OR (\"c\")", "('a' & 'b') | ('c')");
	both("talks -war", "(\"talks\" NOT \"war\")", "('talks' & !'war')");
	both("talks NOT war peace", "(\"talks\" AND \"peace\" NOT \"war\")",
	     "('talks' & 'peace' & !'war')");
}

Test(textq, quotes_inside_words_never_reach_the_backend)
{
	/* an apostrophe splits a word as the tokenizers do: a phrase */
	both("it's", "(\"it s\")", "(('it' <-> 's'))");
	both("o'neil \"x'y\"", "(\"o neil\" AND \"x y\")", "(('o' <-> 'neil') & ('x' <-> 'y'))");
}

Test(textq, refusals)
{
	refused("", "no word");
	refused("   ", "no word");
	refused("\"unclosed", "unclosed quote");
	refused("a OR", "at the end");
	refused("OR a", "each side");
	refused("-war", "only exclusions");
	refused("a OR -b", "only exclusions");
	refused("NOT NOT a", "NOT twice");
	refused("\"\"", "without a word");
}

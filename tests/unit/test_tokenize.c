/*
 * test_tokenize.c - Penn Treebank tokens and their original offsets
 * (expected tokens written by hand from the Treebank conventions).
 */
#include <criterion/criterion.h>
#include <string.h>

#include "clean/clean.h"
#include "tok/tokenize.h"
#include "util/arena.h"

/* Tokenises the whole of raw (cleaned first) and compares the forms,
 * joined by single spaces, with want. Checks that every token's original
 * span is its raw text when raw_spans is set. */
static void expect_tokens(const char *raw, size_t n, const char *want)
{
	clean_text c;
	cr_assert_eq(clean_run(raw, n, &c), 0);
	arena *a = arena_new();
	tok_token *t;
	int32_t k = tok_sentence(a, &c, 0, c.len, &t);
	char got[4096] = "";
	for (int32_t i = 0; i < k; i++) {
		if (i)
			strcat(got, " ");
		strcat(got, t[i].form);
		cr_expect_eq(t[i].len, strlen(t[i].form));
		cr_expect_eq(t[i].ulen, strlen(t[i].upper));
		cr_expect_leq(t[i].start, t[i].end);
		cr_expect_leq(t[i].end, n);
		cr_expect_eq(t[i].word, -1);
	}
	cr_expect_str_eq(got, want);
	arena_free(a);
	clean_free(&c);
}

static void tokens(const char *raw, const char *want)
{
	expect_tokens(raw, strlen(raw), want);
}

Test(tokenize, clitics)
{
	tokens("He didn't go; they're here, we've won, I'll see, she'd say, I'm ok.",
	       "He did n't go ; they 're here , we 've won , I 'll see , she 'd say , I 'm ok .");
	tokens("Japan's ties, the countries' talks, can't, won't, cannot",
	       "Japan 's ties , the countries ' talks , ca n't , wo n't , can not");
	tokens("O'Brien visited Cote d'Ivoire in the '90s.",
	       "O'Brien visited Cote d'Ivoire in the '90s .");
}

Test(tokenize, brackets_quotes_dashes)
{
	tokens("\"We won,\" he said (again) [sic] {x}.",
	       "`` We won , '' he said -LRB- again -RRB- -LRB- sic -RRB- -LRB- x -RRB- .");
	tokens("Arnor -- the old kingdom - and Japan-North Korea talks...",
	       "Arnor -- the old kingdom - and Japan-North Korea talks ...");
	tokens("a 'quoted' word", "a ` quoted ' word");
}

Test(tokenize, numbers_and_abbreviations)
{
	tokens("Gen. Smith paid $1,000.50 or 3.5% on Jan. 5 at 10:30 a.m. in the U.S.",
	       "Gen. Smith paid $ 1,000.50 or 3.5 % on Jan. 5 at 10:30 a.m. in the U.S. .");
	tokens("The U.S. Embassy and Acme Corp. said no.",
	       "The U.S. Embassy and Acme Corp. said no .");
	tokens("He is No. 1, said J. R. Smith.", "He is No. 1 , said J. R. Smith .");
	tokens("See http://example.org/a?b=1, or mail a.b@example.org.",
	       "See http://example.org/a?b=1 , or mail a.b@example.org .");
	tokens("AT&T and/or 24/7", "AT&T and/or 24/7");
}

Test(tokenize, empty_and_blank)
{
	clean_text c;
	cr_assert_eq(clean_run("   ", 3, &c), 0);
	arena *a = arena_new();
	tok_token *t = NULL;
	cr_expect_eq(tok_sentence(a, &c, 0, c.len, &t), 0);
	cr_expect_eq(tok_sentence(a, &c, 0, 0, &t), 0);
	arena_free(a);
	clean_free(&c);
}

Test(tokenize, flags_and_upper)
{
	clean_text c;
	const char *s = "\"NATO said 5 Äpfel were élite.";
	cr_assert_eq(clean_run(s, strlen(s), &c), 0);
	arena *a = arena_new();
	tok_token *t;
	int32_t n = tok_sentence(a, &c, 0, c.len, &t);
	cr_assert_eq(n, 8);
	cr_expect_eq(t[0].flags, 0);                      /* `` */
	cr_expect_eq(t[1].flags, TOK_F_CAP | TOK_F_ALLCAP | TOK_F_SENTSTART);
	cr_expect_eq(t[2].flags, 0);                      /* said */
	cr_expect_str_eq(t[2].upper, "SAID");
	cr_expect_eq(t[3].flags, TOK_F_NUM);
	cr_expect_eq(t[4].flags, TOK_F_CAP);
	cr_expect_str_eq(t[4].upper, "ÄPFEL");
	cr_expect_str_eq(t[6].upper, "ÉLITE");
	arena_free(a);
	clean_free(&c);
}

Test(tokenize, original_offsets_through_cleaning)
{
	/* Curly quotes (3 bytes each), an invalid byte, a 2-byte letter and an
	 * em dash: each token's original span must be its raw text. */
	const char raw[] = "\xE2\x80\x9CJos\xC3\xA9\xE2\x80\x9D said\xFF it\xE2\x80\x99s "
			   "\xE2\x80\x94 done.";
	size_t n = sizeof raw - 1;
	clean_text c;
	cr_assert_eq(clean_run(raw, n, &c), 0);
	arena *a = arena_new();
	tok_token *t;
	int32_t k = tok_sentence(a, &c, 0, c.len, &t);
	/* `` José '' said <FFFD> it 's -- done . (U+FFFD is a symbol) */
	const char *want_raw[] = {"\xE2\x80\x9C", "Jos\xC3\xA9", "\xE2\x80\x9D", "said", "\xFF",
				  "it", "\xE2\x80\x99s", "\xE2\x80\x94", "done", "."};
	cr_assert_eq(k, 10);
	for (int32_t i = 0; i < k; i++) {
		size_t len = t[i].end - t[i].start;
		cr_expect_eq(len, strlen(want_raw[i]), "token %d (%s): %u..%u", i, t[i].form,
			     t[i].start, t[i].end);
		cr_expect_eq(memcmp(raw + t[i].start, want_raw[i], strlen(want_raw[i])), 0,
			     "token %d (%s)", i, t[i].form);
	}
	cr_expect_str_eq(t[0].form, "``");
	cr_expect_str_eq(t[2].form, "''");
	cr_expect_str_eq(t[4].form, "\xEF\xBF\xBD");
	cr_expect_str_eq(t[6].form, "'s");
	cr_expect_str_eq(t[7].form, "--");
	arena_free(a);
	clean_free(&c);
}

Test(tokenize, a_sub_range_keeps_document_offsets)
{
	const char *s = "First one. Second sentence here.";
	clean_text c;
	cr_assert_eq(clean_run(s, strlen(s), &c), 0);
	arena *a = arena_new();
	tok_token *t;
	int32_t k = tok_sentence(a, &c, 11, c.len, &t);
	cr_assert_eq(k, 4);
	cr_expect_eq(t[0].start, 11);
	cr_expect_eq(t[0].end, 17);
	cr_expect(t[0].flags & TOK_F_SENTSTART);
	cr_expect_eq(t[3].start, 31);
	arena_free(a);
	clean_free(&c);
}

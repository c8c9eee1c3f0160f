/*
 * test_clean.c - cleaning: UTF-8 repair, controls, typographic punctuation,
 * NFC, and the offset map back to the original bytes (expected values
 * worked out by hand from the byte layout of each input).
 */
#include <criterion/criterion.h>
#include <stdlib.h>
#include <string.h>

#include "clean/clean.h"

static clean_text run(const char *s, size_t n)
{
	clean_text c;
	cr_assert_eq(clean_run(s, n, &c), 0);
	return c;
}

Test(clean, ascii_is_copied_without_breakpoints)
{
	const char *s = "Arnor met Gondor.\n\tThen they left.";
	clean_text c = run(s, strlen(s));
	cr_expect_str_eq(c.text, s);
	cr_expect_eq(c.len, strlen(s));
	cr_expect_leq(c.nbrk, 2, "only the start and end points, got %zu", c.nbrk);
	for (size_t i = 0; i <= c.len; i++)
		cr_expect_eq(clean_orig(&c, i), i);
	cr_expect_eq(c.repaired, 0);
	clean_free(&c);
}

Test(clean, empty_input)
{
	clean_text c = run("", 0);
	cr_expect_eq(c.len, 0);
	cr_expect_str_eq(c.text, "");
	cr_expect_eq(clean_orig(&c, 0), 0);
	clean_free(&c);
	clean_free(&c); /* a freed clean_text may be freed again */
}

Test(clean, invalid_bytes_become_replacement_characters)
{
	/* "a" 0xFF "b" 0xC3 (truncated) "c": each bad byte -> EF BF BD. */
	const char s[] = "a\xFF" "b\xC3" "c";
	clean_text c = run(s, 5);
	cr_expect_str_eq(c.text, "a\xEF\xBF\xBD" "b\xEF\xBF\xBD" "c");
	cr_expect_eq(c.repaired, 2);
	/* cleaned: a(0) FFFD(1-3) b(4) FFFD(5-7) c(8); original: a0 FF1 b2 C3 3 c4 */
	cr_expect_eq(clean_orig(&c, 0), 0);
	cr_expect_eq(clean_orig(&c, 1), 1);
	cr_expect_eq(clean_orig(&c, 2), 1); /* inside the replacement */
	cr_expect_eq(clean_orig(&c, 4), 2);
	cr_expect_eq(clean_orig(&c, 5), 3);
	cr_expect_eq(clean_orig(&c, 8), 4);
	cr_expect_eq(clean_orig(&c, 9), 5);
	clean_free(&c);
}

Test(clean, overlong_and_surrogates_are_invalid)
{
	/* C0 AF is an overlong "/", ED A0 80 a surrogate: 5 bad bytes. */
	const char s[] = "\xC0\xAF\xED\xA0\x80";
	clean_text c = run(s, 5);
	cr_expect_eq(c.repaired, 5);
	cr_expect_eq(c.len, 15);
	clean_free(&c);
}

Test(clean, nul_and_controls_become_spaces)
{
	const char s[] = "a\0b\x01" "c\x7F" "d\r\ne\rf";
	clean_text c = run(s, sizeof s - 1);
	cr_expect_eq(memcmp(c.text, "a b c d \ne\nf", 12), 0, "got %s", c.text);
	cr_expect_eq(c.len, 12);
	cr_expect_eq(c.nuls, 1);
	cr_expect_eq(clean_orig(&c, 11), 11);
	clean_free(&c);
}

Test(clean, typographic_punctuation)
{
	/* U+201C x U+201D U+2019 s, em dash, NBSP, soft hyphen, ellipsis */
	const char *s = "\xE2\x80\x9Cx\xE2\x80\x9D it\xE2\x80\x99s a\xE2\x80\x94"
			"b\xC2\xA0" "co\xC2\xAD" "op\xE2\x80\xA6";
	clean_text c = run(s, strlen(s));
	cr_expect_str_eq(c.text, "\"x\" it's a--b coop...");
	/* '"'(0) <- 0..3; 'x'(1) <- 3; '"'(2) <- 4; ' '(3) <- 7 */
	cr_expect_eq(clean_orig(&c, 0), 0);
	cr_expect_eq(clean_orig(&c, 1), 3);
	cr_expect_eq(clean_orig(&c, 2), 4);
	cr_expect_eq(clean_orig(&c, 3), 7);
	/* "it" at 4, "'" at 6 <- orig 10 (U+2019 at 10..12), "s" at 7 <- 13 */
	cr_expect_eq(clean_orig(&c, 6), 10);
	cr_expect_eq(clean_orig(&c, 7), 13);
	cr_expect_eq(clean_orig(&c, c.len), strlen(s));
	clean_free(&c);
}

Test(clean, nfc_composes_combining_marks)
{
	/* "Cafe" + U+0301 -> "Caf" + U+00E9; "Jos" U+00E9 stays. */
	const char *s = "Cafe\xCC\x81 Jos\xC3\xA9";
	clean_text c = run(s, strlen(s));
	cr_expect_str_eq(c.text, "Caf\xC3\xA9 Jos\xC3\xA9");
	/* cleaned "é" (3..4) <- original 'e' at 3; ' ' at 5 <- 6 */
	cr_expect_eq(clean_orig(&c, 3), 3);
	cr_expect_eq(clean_orig(&c, 4), 3);
	cr_expect_eq(clean_orig(&c, 5), 6);
	cr_expect_eq(clean_orig(&c, 6), 7);
	clean_free(&c);
}

Test(clean, offsets_of_a_long_document_stay_compact)
{
	/* 1 MB of ASCII with a curly quote every 1000 bytes. */
	size_t n = 1 << 20;
	char *s = malloc(n);
	for (size_t i = 0; i < n; i++)
		s[i] = (char)('a' + i % 26);
	size_t q = 0;
	for (size_t i = 1000; i + 3 < n; i += 1000, q++)
		memcpy(s + i, "\xE2\x80\x99", 3);
	clean_text c = run(s, n);
	cr_expect_eq(c.len, n - 2 * q);
	cr_expect_leq(c.nbrk, 2 * q + 2);
	/* The k-th quote sits at cleaned 1000 + k*998 and original 1000 + k*1000. */
	for (size_t k = 0; k < q; k += 97) {
		cr_expect_eq(clean_orig(&c, 1000 + k * 998), 1000 + k * 1000);
		cr_expect_eq(clean_orig(&c, 1000 + k * 998 + 1), 1000 + k * 1000 + 3);
	}
	clean_free(&c);
	free(s);
}

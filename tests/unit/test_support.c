/*
 * test_support.c - helpers shared by the unit test files (test_support.h).
 * Linked into the one unit-test binary with the test files; it holds no
 * tests of its own.
 */
#include "test_support.h"

#include <criterion/criterion.h>
#include <stdlib.h>
#include <string.h>

void ts_cap_open(ts_capture *c)
{
	memset(c, 0, sizeof *c);
	c->f = open_memstream(&c->text, &c->len);
	cr_assert_not_null(c->f);
	c->dg = diag_new(c->f, 0);
}

const char *ts_cap_text(ts_capture *c)
{
	fflush(c->f);
	return c->text ? c->text : "";
}

void ts_cap_close(ts_capture *c)
{
	diag_free(c->dg);
	fclose(c->f);
	free(c->text);
}

int32_t ts_words(const dict *d, const char *s, int32_t *out)
{
	int32_t n = 0;
	while (*s) {
		while (*s == ' ')
			s++;
		const char *e = s;
		while (*e && *e != ' ')
			e++;
		if (e > s)
			out[n++] = dict_word(d, s, (size_t)(e - s));
		s = e;
	}
	return n;
}

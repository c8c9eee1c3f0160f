/*
 * test_util.c - arena, intern table, growable buffer, diagnostics.
 */
#include <criterion/criterion.h>
#include <stdio.h>
#include <string.h>

#include "util/arena.h"
#include "util/buf.h"
#include "util/diag.h"
#include "util/intern.h"

Test(util, arena_alignment_and_reset)
{
	arena *a = arena_new();
	char *p = arena_alloc(a, 3);
	double *d = arena_alloc(a, sizeof *d);
	cr_assert_eq((uintptr_t)d % 16, 0);
	memcpy(p, "ab", 3);
	/* A block larger than the default block size still works. */
	char *big = arena_alloc(a, 1 << 20);
	memset(big, 'x', 1 << 20);
	cr_assert_str_eq(p, "ab");
	cr_assert_geq(arena_used(a), (size_t)(1 << 20));
	arena_reset(a);
	cr_assert_eq(arena_used(a), 0);
	char *q = arena_strndup(a, "hello world", 5);
	cr_assert_str_eq(q, "hello");
	int *z = arena_calloc(a, 10, sizeof *z);
	for (int i = 0; i < 10; i++)
		cr_assert_eq(z[i], 0);
	arena_free(a);
	arena_free(NULL);
}

Test(util, intern_ids_are_dense_and_stable)
{
	intern *t = intern_new();
	cr_assert_eq(intern_add(t, "JAPAN", 5), 0);
	cr_assert_eq(intern_add(t, "KOREA", 5), 1);
	cr_assert_eq(intern_add(t, "JAPAN", 5), 0);
	cr_assert_eq(intern_find(t, "KOREA", 5), 1);
	cr_assert_eq(intern_find(t, "KORE", 4), -1);
	/* Lengths, not NULs, delimit strings. */
	cr_assert_eq(intern_find(t, "JAPANESE", 5), 0);
	char w[16];
	for (int i = 0; i < 5000; i++) {
		int n = snprintf(w, sizeof w, "W%d", i);
		cr_assert_eq(intern_add(t, w, (size_t)n), i + 2);
	}
	cr_assert_eq(intern_count(t), 5002);
	cr_assert_str_eq(intern_str(t, 4001), "W3999");
	cr_assert_eq(intern_find(t, "W4999", 5), 5001);
	cr_assert_null(intern_str(t, 5002));
	cr_assert_null(intern_str(t, -1));
	intern_free(t);
	intern_free(NULL);
}

Test(util, buf_appends_and_formats)
{
	buf b = BUF_INIT;
	buf_puts(&b, "a");
	buf_putc(&b, 'b');
	buf_printf(&b, "%d-%s", 42, "x");
	buf_add(&b, "\0z", 2);
	cr_assert_eq(b.len, 8);
	cr_assert_eq(memcmp(b.data, "ab42-x\0z", 8), 0);
	buf_clear(&b);
	cr_assert_eq(b.len, 0);
	cr_assert_str_eq(b.data, "");
	char *s = buf_steal(&b);
	cr_assert_str_eq(s, "");
	free(s);
	cr_assert_null(b.data);
	buf_free(&b);
}

Test(util, diag_reports_file_and_line)
{
	char *mem = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&mem, &len);
	diag *d = diag_new(f, 0);
	diag_report(d, "x.txt", 12, "bad %s", "date");
	diag_report(d, NULL, 0, "general");
	diag_report(d, "y.txt", 0, "whole file");
	fclose(f);
	cr_assert_str_eq(mem, "x.txt:12: bad date\ndyad: general\ny.txt: whole file\n");
	cr_assert_eq(diag_count(d), 3);
	cr_assert_not(diag_failed(d));
	cr_assert_str_eq(diag_last(d), "whole file");
	diag_free(d);
	free(mem);

	diag *s = diag_new(NULL, 1);
	cr_assert_not(diag_failed(s));
	diag_report(s, "z", 1, "x");
	cr_assert(diag_failed(s));
	diag_free(s);
}

Test(util, arena_grow_doubles_and_keeps_contents)
{
	arena *a = arena_new();
	int32_t *v = NULL, cap = 0;
	for (int32_t i = 0; i < 1000; i++) {
		arena_grow(a, (void **)&v, i, &cap, 4, sizeof *v);
		v[i] = i * 3;
	}
	cr_assert_eq(cap, 1024);
	for (int32_t i = 0; i < 1000; i++)
		cr_assert_eq(v[i], i * 3);
	/* No growth while there is room. */
	int32_t *before = v;
	arena_grow(a, (void **)&v, 1000, &cap, 4, sizeof *v);
	cr_assert_eq(v, before);
	arena_free(a);
}

/* ---- cal ---------------------------------------------------------------- */

#include "util/cal.h"

Test(util, calendar)
{
	cr_expect(cal_leap(2000) && cal_leap(2024) && !cal_leap(1900) && !cal_leap(2023));
	cr_expect_eq(cal_month_days(2024, 2), 29);
	cr_expect_eq(cal_month_days(2023, 2), 28);
	cr_expect_eq(cal_month_days(2023, 13), 0);
	cr_expect(cal_valid(2014, 3, 4) && !cal_valid(2014, 13, 45) && !cal_valid(2014, 2, 29));
	cr_expect_eq(cal_days(1970, 1, 1), 0);
	cr_expect_eq(cal_days(2014, 3, 4), 16133);
	cr_expect_eq(cal_days(1969, 12, 31), -1);
	int y, m, d;
	cal_civil(16133, &y, &m, &d);
	cr_expect(y == 2014 && m == 3 && d == 4);
	cal_civil(-1, &y, &m, &d);
	cr_expect(y == 1969 && m == 12 && d == 31);
	cr_expect_eq(cal_weekday(cal_days(2014, 3, 4)), 1, "a Tuesday");
	int wy;
	cr_expect_eq(cal_iso_week(2014, 12, 29, &wy), 1);
	cr_expect_eq(wy, 2015);
	cr_expect_eq(cal_iso_week(2016, 1, 3, &wy), 53);
	cr_expect_eq(wy, 2015);
	cr_expect_eq(cal_iso_week(2014, 3, 4, &wy), 10);
	cr_expect_eq(wy, 2014);
}

/*
 * test_qparse.c - the filter values `dyad query` and `dyad serve` share:
 * calendar days (leap years, impossible dates), strict counts, period
 * names, and the first and last days of series periods (ISO weeks that
 * start in the year before, leap Februaries), all checked by hand
 * against a calendar.
 */
#include <criterion/criterion.h>
#include <string.h>

#include "store/qparse.h"

Test(qparse, days)
{
	char d[16];
	cr_assert_eq(qparse_day("2016-02-29", d), 0);
	cr_assert_str_eq(d, "2016-02-29");
	cr_assert_eq(qparse_day("20140301", d), 0);
	cr_assert_str_eq(d, "2014-03-01");
	cr_assert_eq(qparse_day("2015-02-29", d), -1);
	cr_assert_eq(qparse_day("2014-13-45", d), -1);
	cr_assert_eq(qparse_day("140301", d), -1);
	cr_assert_eq(qparse_day("yesterday", d), -1);
	cr_assert_eq(qparse_day("", d), -1);
}

Test(qparse, counts)
{
	long v = -7;
	cr_assert_eq(qparse_count("25", 1, &v), 0);
	cr_assert_eq(v, 25);
	cr_assert_eq(qparse_count("0", 0, &v), 0);
	cr_assert_eq(v, 0);
	cr_assert_eq(qparse_count("0", 1, &v), -1);
	cr_assert_eq(qparse_count("12x", 0, &v), -1);
	cr_assert_eq(qparse_count("", 0, &v), -1);
	cr_assert_eq(qparse_count("-3", 0, &v), -1);
	cr_assert_eq(qparse_count("99999999999999999999999", 0, &v), -1);
}

Test(qparse, periods)
{
	cr_assert_eq(qparse_period("day"), STORE_BY_DAY);
	cr_assert_eq(qparse_period("week"), STORE_BY_WEEK);
	cr_assert_eq(qparse_period("month"), STORE_BY_MONTH);
	cr_assert_eq(qparse_period("year"), STORE_BY_YEAR);
	cr_assert_eq(qparse_period("Month"), -1);
	cr_assert_eq(qparse_period(""), -1);
}

static void bounds(const char *p, store_period by, const char *first, const char *last)
{
	char a[11], b[11];
	cr_assert_eq(qparse_period_bounds(p, by, a, b), 0, "%s", p);
	cr_assert_str_eq(a, first, "%s", p);
	cr_assert_str_eq(b, last, "%s", p);
}

Test(qparse, period_bounds)
{
	bounds("2014-03-03", STORE_BY_DAY, "2014-03-03", "2014-03-03");
	/* 2014-03-03 was a Monday in ISO week 10. */
	bounds("2014-W10", STORE_BY_WEEK, "2014-03-03", "2014-03-09");
	/* ISO week 1 of 2015 began on Monday 2014-12-29. */
	bounds("2015-W01", STORE_BY_WEEK, "2014-12-29", "2015-01-04");
	/* 2015 had 53 ISO weeks; the last ended on Sunday 2016-01-03. */
	bounds("2015-W53", STORE_BY_WEEK, "2015-12-28", "2016-01-03");
	/* 2010-01-04 was a Monday: week 1 began on January 4th itself. */
	bounds("2010-W01", STORE_BY_WEEK, "2010-01-04", "2010-01-10");
	bounds("2016-02", STORE_BY_MONTH, "2016-02-01", "2016-02-29");
	bounds("2015-02", STORE_BY_MONTH, "2015-02-01", "2015-02-28");
	bounds("2000-02", STORE_BY_MONTH, "2000-02-01", "2000-02-29");
	bounds("1900-02", STORE_BY_MONTH, "1900-02-01", "1900-02-28");
	bounds("2014-12", STORE_BY_MONTH, "2014-12-01", "2014-12-31");
	bounds("2014", STORE_BY_YEAR, "2014-01-01", "2014-12-31");
	char a[11], b[11];
	cr_assert_eq(qparse_period_bounds("2014-13", STORE_BY_MONTH, a, b), -1);
	cr_assert_eq(qparse_period_bounds("2014-W54", STORE_BY_WEEK, a, b), -1);
	cr_assert_eq(qparse_period_bounds("2014-03", STORE_BY_YEAR, a, b), -1);
	cr_assert_eq(qparse_period_bounds("", STORE_BY_DAY, a, b), -1);
}

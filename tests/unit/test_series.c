/*
 * test_series.c - period labels (ISO 8601 weeks at year ends, checked
 * against a calendar) and the sums of a series accumulator.
 */
#include <criterion/criterion.h>
#include <stdio.h>
#include <string.h>

#include "store/series.h"

static const char *label(const char *day, store_period by, char out[16])
{
	if (series_label(day, by, out) < 0)
		return "(none)";
	return out;
}

Test(series, labels)
{
	char b[16];
	cr_assert_str_eq(label("2014-03-04", STORE_BY_DAY, b), "2014-03-04");
	cr_assert_str_eq(label("2014-03-04", STORE_BY_MONTH, b), "2014-03");
	cr_assert_str_eq(label("2014-03-04", STORE_BY_YEAR, b), "2014");
	cr_assert_str_eq(label("2014-03-04", STORE_BY_WEEK, b), "2014-W10");
	/* Monday 29 December 2014 is in the first week of 2015 */
	cr_assert_str_eq(label("2014-12-29", STORE_BY_WEEK, b), "2015-W01");
	cr_assert_str_eq(label("2014-12-28", STORE_BY_WEEK, b), "2014-W52");
	/* Sunday 3 January 2016 ends 2015's week 53; 2010-01-03 2009's */
	cr_assert_str_eq(label("2016-01-03", STORE_BY_WEEK, b), "2015-W53");
	cr_assert_str_eq(label("2016-01-04", STORE_BY_WEEK, b), "2016-W01");
	cr_assert_str_eq(label("2010-01-03", STORE_BY_WEEK, b), "2009-W53");
	cr_assert_str_eq(label("2020-12-31", STORE_BY_WEEK, b), "2020-W53");
	cr_assert_str_eq(label("2012-02-29", STORE_BY_WEEK, b), "2012-W09");
	cr_assert_str_eq(label("2014-13-01", STORE_BY_MONTH, b), "(none)");
	cr_assert_str_eq(label("2014-3-4", STORE_BY_DAY, b), "(none)");
	cr_assert_str_eq(label("", STORE_BY_YEAR, b), "(none)");
}

typedef struct got {
	int n;
	char period[8][16];
	store_series_row r[8];
} got;

static void grab(void *ctx, const store_series_row *r)
{
	got *g = ctx;
	if (g->n < 8) {
		g->r[g->n] = *r;
		snprintf(g->period[g->n], 16, "%s", r->period);
	}
	g->n++;
}

Test(series, sums_by_period_in_time_order)
{
	series_acc *a = series_acc_new(STORE_BY_MONTH);
	/* out of order, as a UNION of two index scans gives them */
	series_acc_add(a, "2014-04-02", 3, 1, -4.0, 1);
	series_acc_add(a, "2014-03-04", 1, 1, 1.0, 2);
	series_acc_add(a, "2014-03-20", 2, 1, 7.4, 1);
	series_acc_add(a, "2014-03-31", 0, 0, 0.0, 3);  /* no CAMEO code */
	series_acc_add(a, NULL, 1, 1, 1.0, 1);          /* undated: left out */
	series_acc_add(a, "2013-12-31", 4, 1, -10.0, 1);
	got g = {0};
	cr_assert_eq(series_acc_emit(a, grab, &g), 3);
	cr_assert_str_eq(g.period[0], "2013-12");
	cr_assert_str_eq(g.period[1], "2014-03");
	cr_assert_str_eq(g.period[2], "2014-04");
	cr_assert_eq(g.r[1].events, 3);
	cr_assert_eq(g.r[1].mentions, 6);
	cr_assert_float_eq(g.r[1].goldstein_sum, 8.4, 1e-12);
	cr_assert_float_eq(g.r[1].goldstein_mean, 4.2, 1e-12, "mean over the 2 events with a weight");
	cr_assert_eq(g.r[1].q[0], 1);
	cr_assert_eq(g.r[1].q[1], 1);
	cr_assert_eq(g.r[1].q[2], 0);
	cr_assert_eq(g.r[0].q[3], 1);
	cr_assert_float_eq(g.r[2].goldstein_mean, -4.0, 1e-12);
	series_acc_free(a);
	series_acc_free(NULL);
}

Test(series, many_periods)
{
	/* every day of 2000-2011: 4,383 periods, past several rehashes */
	series_acc *a = series_acc_new(STORE_BY_DAY);
	static const int mdays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
	long days = 0;
	for (int y = 2011; y >= 2000; y--)
		for (int m = 1; m <= 12; m++) {
			int nd = mdays[m - 1] + (m == 2 && y % 4 == 0);
			for (int d = 1; d <= nd; d++) {
				char day[32];
				snprintf(day, sizeof day, "%04d-%02d-%02d", y, m, d);
				series_acc_add(a, day, 1, 1, 1.0, 1);
				series_acc_add(a, day, 4, 1, -10.0, 1);
				days++;
			}
		}
	got g = {0};
	cr_assert_eq(series_acc_emit(a, grab, &g), days);
	cr_assert_eq(days, 4383);
	cr_assert_str_eq(g.period[0], "2000-01-01");
	cr_assert_eq(g.r[0].events, 2);
	cr_assert_float_eq(g.r[0].goldstein_mean, -4.5, 1e-12);
	series_acc_free(a);
}

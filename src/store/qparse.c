/*
 * qparse.c - filter values checked once for `dyad query` and `dyad serve`
 * (see qparse.h).
 */
#include "qparse.h"

#include "read/doc.h"
#include "util/cal.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int qparse_day(const char *s, char out[16])
{
	int32_t ymd;
	size_t n = strlen(s);
	/* doc_parse_date also takes story dates as YYMMDD; a filter day
	 * needs its century. */
	if (n < 8 || doc_parse_date(s, n, &ymd) < 0)
		return -1;
	snprintf(out, 16, "%04d-%02d-%02d", (int)(ymd / 10000), (int)(ymd / 100 % 100),
		 (int)(ymd % 100));
	return 0;
}

int qparse_count(const char *s, long min, long *out)
{
	char *end;
	errno = 0;
	long v = strtol(s, &end, 10);
	if (errno || end == s || *end || v < min)
		return -1;
	*out = v;
	return 0;
}

int qparse_period(const char *s)
{
	static const char *const names[] = {
		[STORE_BY_DAY] = "day", [STORE_BY_WEEK] = "week",
		[STORE_BY_MONTH] = "month", [STORE_BY_YEAR] = "year"
	};
	for (int i = 0; i < 4; i++)
		if (!strcmp(s, names[i]))
			return i;
	return -1;
}

/* The civil date of day z since 1970-01-01, as "YYYY-MM-DD". */
static void civil_from_days(int64_t z, char out[11])
{
	int y, m, d;
	cal_civil(z, &y, &m, &d);
	char tmp[64];
	snprintf(tmp, sizeof tmp, "%04d-%02d-%02d", y, m, d);
	snprintf(out, 11, "%.10s", tmp);
}

/* Reads exactly n decimal digits at s into *v. */
static int digits(const char *s, int n, int *v)
{
	*v = 0;
	for (int i = 0; i < n; i++) {
		if (s[i] < '0' || s[i] > '9')
			return -1;
		*v = *v * 10 + (s[i] - '0');
	}
	return 0;
}

int qparse_period_bounds(const char *period, store_period by, char first[11],
			 char last[11])
{
	int y, m, w;
	char tmp[64]; /* y has 4 digits: every label fits in 11 bytes */
	size_t n = strlen(period);
	if (n < 4 || digits(period, 4, &y) < 0 || y < 1)
		return -1;
	switch (by) {
	case STORE_BY_DAY: {
		char day[16];
		if (n != 10 || qparse_day(period, day) < 0)
			return -1;
		memcpy(first, day, 11);
		memcpy(last, day, 11);
		return 0;
	}
	case STORE_BY_WEEK: {
		if (n != 8 || period[4] != '-' || period[5] != 'W' ||
		    digits(period + 6, 2, &w) < 0 || w < 1 || w > 53)
			return -1;
		/* Week 1 holds January 4th; weeks start on Monday. */
		int64_t jan4 = cal_days(y, 1, 4);
		int64_t monday = jan4 - cal_weekday(jan4) + (int64_t)(w - 1) * 7;
		civil_from_days(monday, first);
		civil_from_days(monday + 6, last);
		return 0;
	}
	case STORE_BY_MONTH:
		if (n != 7 || period[4] != '-' || digits(period + 5, 2, &m) < 0 || m < 1 || m > 12)
			return -1;
		snprintf(tmp, sizeof tmp, "%04d-%02d-01", y, m);
		memcpy(first, tmp, 11);
		snprintf(tmp, sizeof tmp, "%04d-%02d-%02d", y, m, cal_month_days(y, m));
		memcpy(last, tmp, 11);
		return 0;
	case STORE_BY_YEAR:
		if (n != 4)
			return -1;
		snprintf(tmp, sizeof tmp, "%04d-01-01", y);
		memcpy(first, tmp, 11);
		snprintf(tmp, sizeof tmp, "%04d-12-31", y);
		memcpy(last, tmp, 11);
		return 0;
	}
	return -1;
}

void qparse_export_row(const store_event_row *r, export_row *x)
{
	export_row_from(x, r);
	x->no_story_date = 1;
}

/*
 * qparse.c - filter values checked once for `dyad query` and `dyad serve`
 * (see qparse.h).
 */
#include "qparse.h"

#include "read/doc.h"

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

static int is_leap(int y)
{
	return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

static int month_days(int y, int m)
{
	static const int days[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
	return m == 2 && is_leap(y) ? 29 : days[m - 1];
}

/* Days since 1970-01-01 of y-m-d (proleptic Gregorian). */
static long days_from_civil(int y, int m, int d)
{
	y -= m <= 2;
	long era = (y >= 0 ? y : y - 399) / 400;
	long yoe = y - era * 400;
	long doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

/* The civil date of day z since 1970-01-01, as "YYYY-MM-DD". */
static void civil_from_days(long z, char out[11])
{
	z += 719468;
	long era = (z >= 0 ? z : z - 146096) / 146097;
	long doe = z - era * 146097;
	long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	long y = yoe + era * 400;
	long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	long mp = (5 * doy + 2) / 153;
	long d = doy - (153 * mp + 2) / 5 + 1;
	long m = mp + (mp < 10 ? 3 : -9);
	y += m <= 2;
	char tmp[64];
	snprintf(tmp, sizeof tmp, "%04ld-%02ld-%02ld", y, m, d);
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
		long jan4 = days_from_civil(y, 1, 4);
		long wd = ((jan4 % 7) + 7 + 3) % 7; /* 0 = Monday (1970-01-01 was a Thursday) */
		long monday = jan4 - wd + (long)(w - 1) * 7;
		civil_from_days(monday, first);
		civil_from_days(monday + 6, last);
		return 0;
	}
	case STORE_BY_MONTH:
		if (n != 7 || period[4] != '-' || digits(period + 5, 2, &m) < 0 || m < 1 || m > 12)
			return -1;
		snprintf(tmp, sizeof tmp, "%04d-%02d-01", y, m);
		memcpy(first, tmp, 11);
		snprintf(tmp, sizeof tmp, "%04d-%02d-%02d", y, m, month_days(y, m));
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

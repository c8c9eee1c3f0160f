/*
 * cal.c - the proleptic Gregorian calendar (see cal.h).
 */
#include "cal.h"

int cal_leap(int y)
{
	return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

int cal_month_days(int y, int m)
{
	static const unsigned char dim[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
	if (m < 1 || m > 12)
		return 0;
	return m == 2 && cal_leap(y) ? 29 : dim[m - 1];
}

int cal_valid(int y, int m, int d)
{
	return y >= 1 && y <= 9999 && m >= 1 && m <= 12 && d >= 1 && d <= cal_month_days(y, m);
}

int64_t cal_days(int y, int m, int d)
{
	int64_t yy = (int64_t)y - (m <= 2);
	int64_t era = (yy >= 0 ? yy : yy - 399) / 400;
	int64_t yoe = yy - era * 400;
	int64_t doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

void cal_civil(int64_t z, int *y, int *m, int *d)
{
	z += 719468;
	int64_t era = (z >= 0 ? z : z - 146096) / 146097;
	int64_t doe = z - era * 146097;
	int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	int64_t mp = (5 * doy + 2) / 153;
	*d = (int)(doy - (153 * mp + 2) / 5 + 1);
	*m = (int)(mp < 10 ? mp + 3 : mp - 9);
	*y = (int)(yoe + era * 400 + (*m <= 2));
}

int cal_weekday(int64_t days)
{
	return (int)(((days % 7) + 7 + 3) % 7); /* 1970-01-01 was a Thursday */
}

int cal_iso_week(int y, int m, int d, int *week_year)
{
	int64_t days = cal_days(y, m, d);
	int64_t thu = days - cal_weekday(days) + 3;
	int wy = y;
	if (thu >= cal_days(y + 1, 1, 1))
		wy = y + 1;
	else if (thu < cal_days(y, 1, 1))
		wy = y - 1;
	if (week_year)
		*week_year = wy;
	return (int)((thu - cal_days(wy, 1, 1)) / 7 + 1);
}

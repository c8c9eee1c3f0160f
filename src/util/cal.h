/*
 * cal.h - the proleptic Gregorian calendar, in one place: leap years,
 * month lengths, valid days, day numbers since 1970-01-01 (H. Hinnant's
 * days_from_civil and its inverse), weekdays and ISO 8601 weeks.
 */
#ifndef DYAD_CAL_H
#define DYAD_CAL_H

#include <stdint.h>

/* 1 for a leap year. */
int cal_leap(int y);
/* Days of month m (1..12) of year y. */
int cal_month_days(int y, int m);
/* 1 when y-m-d is a day of years 1..9999. */
int cal_valid(int y, int m, int d);
/* Days from 1970-01-01 to y-m-d (negative before; any year). */
int64_t cal_days(int y, int m, int d);
/* The inverse of cal_days. */
void cal_civil(int64_t days, int *y, int *m, int *d);
/* 0 = Monday .. 6 = Sunday of day number days. */
int cal_weekday(int64_t days);
/* The ISO 8601 week of y-m-d: its number (1..53), and its year (that of
 * its Thursday) in *week_year. */
int cal_iso_week(int y, int m, int d, int *week_year);

#endif

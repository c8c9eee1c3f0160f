/*
 * series.h - the periods of a time series, summed in C from the events'
 * (day, quad, goldstein, num_mentions) as a backend streams them: both
 * backends label periods and add values the same way, and no database
 * has to sort the rows by an expression (the slow part of a GROUP BY).
 */
#ifndef DYAD_STORE_SERIES_H
#define DYAD_STORE_SERIES_H

#include "store.h"

typedef struct series_acc series_acc;

/* A new, empty accumulator for periods of granularity by. Free with
 * series_acc_free. */
series_acc *series_acc_new(store_period by);
void series_acc_free(series_acc *a);

/* Adds one event: day "YYYY-MM-DD" (borrowed; rows without a valid day
 * are ignored), quad 1..4 (else none), goldstein when has_goldstein, and
 * its mentions. */
void series_acc_add(series_acc *a, const char *day, int quad, int has_goldstein,
		    double goldstein, long mentions);

/* Calls fn for every period, in label order (bytewise, which is time
 * order). Returns the number of periods. Once: afterwards the
 * accumulator may only be freed. */
long series_acc_emit(series_acc *a, store_series_fn fn, void *ctx);

/* The label of day ("YYYY-MM-DD") for granularity by: "2014-03-03",
 * "2014-W10" (the ISO 8601 week, whose year is its Thursday's),
 * "2014-03" or "2014", written to out. Returns 0, or -1 when day is not
 * a date. */
int series_label(const char *day, store_period by, char out[16]);

#endif

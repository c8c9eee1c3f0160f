/*
 * qparse.h - what `dyad query` and `dyad serve` share between a user's
 * filter values and the store: checking days, counts and series periods
 * the same way, the first and last day of a series period, and the row
 * that `dyad query events --format jsonl` (and /api/events) writes for a
 * stored event. No state; every function is thread-safe.
 */
#ifndef DYAD_STORE_QPARSE_H
#define DYAD_STORE_QPARSE_H

#include "export.h"
#include "store.h"

/* Parses a filter day s (borrowed): "YYYY-MM-DD" or "YYYYMMDD", a real
 * calendar date. Writes it as "YYYY-MM-DD" to out (16 bytes) and returns
 * 0, or returns -1 (out untouched) when s is not one. */
int qparse_day(const char *s, char out[16]);

/* Parses s (borrowed) as a decimal count >= min, digits only after an
 * optional sign, no trailing text. Returns 0 with *out set, or -1. */
int qparse_count(const char *s, long min, long *out);

/* "day", "week", "month" or "year" to its store_period; -1 otherwise. */
int qparse_period(const char *s);

/* The first and last day ("YYYY-MM-DD", 11 bytes each) of a series
 * period label as store_query_series reports it for by: "2014-03-03",
 * "2014-W10" (ISO week, Monday to Sunday), "2014-03" or "2014". Returns
 * 0, or -1 when period is not such a label. */
int qparse_period_bounds(const char *period, store_period by, char first[11],
			 char last[11]);

/* Fills x with the event row r as `dyad query events` writes it (spans
 * relative to the sentence, no story_date). x borrows r's strings, so it
 * is valid while r is. */
void qparse_export_row(const store_event_row *r, export_row *x);

#endif

/*
 * export.h - whole-store exports: every stored event (or every mention)
 * streamed one row at a time from the SQLite store, and written as JSON
 * Lines, CSV, Phoenix TSV, the GDELT 2.0 event table or ICEWS TSV
 * (columns as in ../shared/docs/formats.md, "Other export formats").
 */
#ifndef DYAD_STORE_EXPORT_H
#define DYAD_STORE_EXPORT_H

#include <stddef.h>

#include "../util/buf.h"
#include "store.h"

typedef enum export_format {
	EXPORT_JSONL, EXPORT_CSV, EXPORT_PHOENIX, EXPORT_GDELT, EXPORT_ICEWS
} export_format;

/* One exported row: an event with its first mention as evidence, or one
 * mention (then num_* are 1). Strings are borrowed, valid during the
 * callback; NULL when absent. */
typedef struct export_row {
	long long id;            /* event_id, or mention_id with mentions */
	const char *doc, *sid;
	int sent;                /* 0-based sentence index */
	const char *date, *date_precision; /* ISO reduced precision, or NULL */
	const char *day;         /* the date's first day YYYY-MM-DD, or NULL */
	const char *source, *target, *code, *root, *plover;
	int quad;                /* 0 when not a CAMEO code */
	int has_goldstein;
	double goldstein;
	const char *source_text, *verb_text, *target_text;
	const char *place, *country;
	int has_latlon;
	double lat, lon;
	long num_mentions, num_sources, num_articles;
	const char *sentence;    /* the evidence sentence's text */
	/* Byte offsets of the source, verb and target texts in sentence
	 * (end exclusive), -1 when unknown; written (JSON Lines) only when
	 * has_spans. */
	int has_spans;
	long source_span[2], verb_span[2], target_span[2];
	const char *issues;      /* JSON array of {"code","count"}, or NULL */
	const char *admin1;      /* the place's first-level division, or NULL */
	const char *url;         /* the document's URL */
	const char *publisher;   /* the document's source (publisher) */
	const char *story_date;  /* the document's date, ISO */
	int no_story_date;       /* JSON Lines without the story_date key
				  * (as `dyad query events` writes it) */
} export_row;

/* Fills x from the store's row r (x borrows r's strings). */
void export_row_from(export_row *x, const store_event_row *r);

/* Parses "jsonl", "csv", "phoenix", "gdelt" or "icews"; -1 if unknown. */
int export_parse_format(const char *name);
/* Appends the header line of format f to out (CSV and ICEWS have one;
 * nothing for the others). */
void export_header(buf *out, export_format f);
/* Appends r (borrowed) as one line of format f, ending in '\n'. */
void export_write(buf *out, export_format f, const export_row *r);

#endif

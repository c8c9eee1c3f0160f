/*
 * store.h - dyad's event store: coded documents, their event mentions and
 * the events deduplicated from them, kept in an SQLite database file (WAL
 * mode; the embedded default) or in PostgreSQL (a postgresql:// URL: the
 * shared store of a team). Both backends give the same results.
 *
 * Ingest: store_begin, then per document store_doc_status / store_doc_put /
 * store_mention_add, then store_commit, which recomputes the events of
 * every key the batch touched and commits the batch atomically. Queries
 * read events (the dedup) with filters and as time series.
 * The schema is documented in store.c and in the README ("Store").
 */
#ifndef DYAD_STORE_H
#define DYAD_STORE_H

#include <stddef.h>

#include "../events/event.h"
#include "../read/doc.h"

typedef struct store store;

/* Status values: 0 ok, negative on failure (the message is in
 * store_error()). */
enum {
	STORE_OK = 0,
	STORE_ERR = -1
};

/* What store_doc_status finds for a document id and content hash. */
enum {
	STORE_DOC_NEW = 0,     /* no document with that id */
	STORE_DOC_SAME = 1,    /* same id and same content: skip it */
	STORE_DOC_CHANGED = 2  /* same id, different content: replace it */
};

/* ---- Opening ---- */

/* How store_open opens a store. */
enum {
	STORE_READ = 0,   /* queries: the store must exist; read-only */
	STORE_WRITE = 1,  /* ingest: made (file and schema) when missing */
	STORE_UPDATE = 2  /* recode: writable, but the store must exist */
};

/* Opens the store at target: a postgresql:// (or postgres://) URL, else
 * an SQLite database file path, in mode (STORE_READ, STORE_WRITE or
 * STORE_UPDATE; a read-only file cannot be written). Returns the handle, or NULL with a message naming target
 * (a URL without its password) written to err (err_size bytes, always
 * NUL-terminated). */
store *store_open(const char *target, int mode, char *err, size_t err_size);
/* "sqlite" or "postgresql". */
const char *store_backend(const store *s);
/* Closes s, rolling back an uncommitted batch; NULL is a no-op. */
void store_close(store *s);
/* The last error's message (owned by s, valid until the next call). */
const char *store_error(const store *s);

/* ---- Ingest ---- */

/* The content hash of d (its text, date, title, source and url): 16 hex
 * digits and a NUL written to out. */
void store_doc_hash(const doc *d, char out[17]);
/* Starts a batch (a transaction). */
int store_begin(store *s);
/* Recomputes the events of every (date, source, target, code, place) key
 * the batch added or removed mentions of, then commits the batch. On
 * failure the whole batch is rolled back. */
int store_commit(store *s);
/* STORE_DOC_NEW, STORE_DOC_SAME or STORE_DOC_CHANGED for document id with
 * content hash (both borrowed), or STORE_ERR. */
int store_doc_status(store *s, const char *id, const char *hash);
/* Stores document d (borrowed) with its hash, replacing a stored document
 * of the same id: that one's mentions are deleted and their keys marked
 * for recomputation. Must be inside a batch. */
int store_doc_put(store *s, const doc *d, const char *hash);
/* Adds the mention e (borrowed) of document doc_id (borrowed; stored with
 * store_doc_put in this batch) and marks its key. Inside a batch. */
int store_mention_add(store *s, const char *doc_id, const ev_event *e);

/* ---- Recoding ---- */

/* The ids of every stored document, in id order, into *ids: an owned
 * array of owned strings (free each, then the array; NULL when there are
 * none). Returns how many, or STORE_ERR. */
long store_doc_ids(store *s, char ***ids);
/* Reads the stored document id (borrowed) into d (cleared first; d owns
 * its strings: doc_clear frees them): id, date, source, url, title, text
 * and len; no story, settings or gold. Returns STORE_OK, or STORE_ERR
 * when it is missing or unreadable. */
int store_doc_get(store *s, const char *id, doc *d);
/* Removes the mentions of stored document id (borrowed) and marks their
 * keys, keeping the document, so that it can be coded again and its new
 * mentions added with store_mention_add. Inside a batch. */
int store_doc_recode(store *s, const char *id);
/* Remembers the current events (key, root, counts and evidence) for
 * store_recode_diff; replaces an earlier snapshot. Outside a batch. */
int store_recode_snapshot(store *s);

/* What changed in one root code since the snapshot: events (by key:
 * date, source, target, code, place) that are new, gone, or kept with
 * other counts or another first mention (document and sentence). root is
 * borrowed, valid during the callback; "" for codes that are not CAMEO. */
typedef struct store_diff_row {
	const char *root;
	long added, removed, changed;
} store_diff_row;

typedef void (*store_diff_fn)(void *ctx, const store_diff_row *r);

/* Calls fn, by root code, for every root with a difference between the
 * snapshot and the events now. Returns the number of rows, or STORE_ERR
 * (also without a snapshot). */
long store_recode_diff(store *s, store_diff_fn fn, void *ctx);

/* ---- Queries ---- */

/* Filters; every field may be NULL/0 (no filter). Actor codes match by
 * prefix ("JPN" matches "JPNGOV"); dates are ISO days YYYY-MM-DD, and an
 * event of reduced precision ("2014-03") counts from its first day. */
typedef struct store_filter {
	const char *source;  /* source actor prefix */
	const char *target;  /* target actor prefix */
	const char *actor;   /* source or target actor prefix */
	const char *code;    /* event code, exactly */
	const char *root;    /* root code, exactly ("04") */
	const char *from;    /* first day, inclusive */
	const char *to;      /* last day, inclusive */
	int quad;            /* quad class 1..4; 0 = any */
	const char *plover;  /* PLOVER category, any case ("REJECT") */
	const char *place;   /* place name (any case) or its country code */
	const char *text;    /* FTS5 query over the mentions' sentences: an
			      * event matches when one of its mentions does */
	int both;            /* with source (and target): either direction,
			      * source to target or target to source (with
			      * source alone: the actor on either side) */
	int mentions;        /* store_query_events: one row per mention */
	int one_a_day;       /* Phoenix's one-a-day filter: of the events
			      * with the same (date, source, target, code),
			      * only the one of the first place (by name;
			      * no place first); not with mentions */
	long limit;          /* at most this many rows; 0 = all */
	long offset;         /* skip this many rows first */
} store_filter;

/* One deduplicated event with its first mention as evidence. Strings are
 * borrowed, valid during the callback; NULL when absent. */
typedef struct store_event_row {
	const char *doc, *sid;
	int sent;
	const char *date, *date_precision;
	const char *source, *target, *code, *root, *plover;
	int quad;                /* 0 when not a CAMEO code */
	int has_goldstein;       /* goldstein is meaningful */
	double goldstein;
	const char *source_text, *verb_text, *target_text;
	const char *place, *country;
	int has_latlon;          /* lat and lon are meaningful */
	double lat, lon;
	long num_mentions, num_sources, num_articles;
	const char *sentence;    /* the evidence sentence's text */
	/* Byte offsets of the source, verb and target texts in sentence
	 * (start, end exclusive); -1, -1 when unknown. */
	long source_span[2], verb_span[2], target_span[2];
	const char *issues;      /* JSON array of {"code","count"}; NULL: none */
	const char *admin1;      /* the place's first-level division, or NULL */
	/* Set by store_export only (else 0 / NULL): */
	long long id;            /* event id, or mention id with mentions */
	const char *day;         /* the date's first day, YYYY-MM-DD */
	const char *url, *publisher, *story_date; /* the document's */
} store_event_row;

typedef void (*store_event_fn)(void *ctx, const store_event_row *r);

/* Calls fn for every event matching f, by date then source, target, code,
 * place. With f->mentions, for every mention instead (its own document,
 * sentence and texts; the counts of its event), in the same order then
 * by mention. Returns the number of rows, or STORE_ERR (a --text query
 * FTS5 cannot parse is one). */
long store_query_events(store *s, const store_filter *f, store_event_fn fn,
			void *ctx);

/* The number of rows store_query_events would pass for f, with limit
 * and offset ignored; or STORE_ERR. */
long store_count_events(store *s, const store_filter *f);

/* What the store holds. */
typedef struct store_totals {
	long documents, mentions, events;
} store_totals;

/* Fills t. Returns STORE_OK or STORE_ERR. */
int store_get_totals(store *s, store_totals *t);

/* One actor code found in the events, with the number of events it is
 * the source or target of (borrowed, valid during the callback). */
typedef struct store_actor_row {
	const char *code;
	long events;
} store_actor_row;

typedef void (*store_actor_fn)(void *ctx, const store_actor_row *r);

/* Calls fn for the actor codes of the stored events (sources and
 * targets) that start with prefix (borrowed; ASCII letters match in any
 * case; "" for all), most events first then by code, at most limit
 * (> 0). Returns the number of rows, or STORE_ERR. */
long store_query_actors(store *s, const char *prefix, long limit, store_actor_fn fn,
			void *ctx);

/* Bounds every later query on s to about ms milliseconds of work (0: no
 * bound, the default). A query over the bound fails (STORE_ERR) with a
 * message saying it took too long, and store_timed_out(s) is then 1
 * until the next query. */
void store_set_timeout(store *s, int ms);
int store_timed_out(const store *s);

/* Returns nonzero to stop store_export early. */
typedef int (*store_export_fn)(void *ctx, const store_event_row *r);

/* Calls fn for every event (mentions == 0; in the order of
 * store_query_events) or every mention (by mention id: documents then
 * sentences as ingested; the counts are then 1), one row at a time, with
 * id, day and the document's url, publisher and date set; one_a_day as
 * in store_filter (events only). Returns the
 * number of rows passed to fn (also when fn stopped it), or STORE_ERR. */
long store_export(store *s, int mentions, int one_a_day, store_export_fn fn, void *ctx);

typedef enum store_period {
	STORE_BY_DAY, STORE_BY_WEEK, STORE_BY_MONTH, STORE_BY_YEAR
} store_period;

/* One period of a series. period: "2014-03-03", "2014-W10", "2014-03" or
 * "2014" (borrowed, valid during the callback). */
typedef struct store_series_row {
	const char *period;
	long events;          /* deduplicated events */
	long mentions;        /* their mentions */
	double goldstein_sum; /* over events with a Goldstein weight */
	double goldstein_mean;/* 0 when none has one */
	long q[4];            /* events per quad class 1..4 */
} store_series_row;

typedef void (*store_series_fn)(void *ctx, const store_series_row *r);

/* The series of the events from f->source to f->target (f->target NULL:
 * to anyone), both directions when both != 0 or f->both, within f->from..f->to; the
 * other filter fields apply as in store_query_events (limit is ignored).
 * Periods without events are not reported. Returns the number of
 * periods, or STORE_ERR. */
long store_query_series(store *s, const store_filter *f, int both,
			store_period by, store_series_fn fn, void *ctx);

#endif

/*
 * backend.h - what the store front end (store.c) and its two backends,
 * SQLite (sqlite.c) and PostgreSQL (pg.c), share: the handle's layout,
 * the rows a backend stores, and the table of operations a backend
 * implements. Private to src/store: users see only store.h.
 *
 * The front end validates arguments, keeps the batch state and turns
 * documents and events into the flat rows below, so both backends store
 * exactly the same values; a backend only moves them in and out of its
 * database, with the same SQL semantics (ordering, NULLs, prefix ranges,
 * sums), which tests/cli/store_backends.sh checks.
 */
#ifndef DYAD_STORE_BACKEND_H
#define DYAD_STORE_BACKEND_H

#include "store.h"
#include "../util/buf.h"

/* A document as stored (borrowed strings; NULL when absent). */
typedef struct store_docrow {
	const char *id, *hash;
	const char *date;        /* ISO story date */
	const char *source, *url, *title;
	const char *text;        /* len bytes, never NULL */
	size_t len;
} store_docrow;

/* A mention as stored (borrowed strings; NULL when absent). */
typedef struct store_mention {
	const char *doc_id, *sid;
	int sent;
	const char *date, *date_precision, *day;
	const char *source, *target, *code; /* never NULL */
	const char *root;        /* NULL when the code is not CAMEO; then
				  * quad, goldstein and plover are absent */
	int quad;
	double goldstein;
	const char *plover;
	const char *place, *country;
	const char *admin1;      /* the place's first-level division, or NULL */
	int has_latlon;          /* with place, coordinates known */
	double lat, lon;
	const char *source_text, *target_text, *verb_text;
	const char *spans;       /* JSON of the document offsets */
	const char *issues;      /* JSON array of {"code", "count"}, or NULL */
	const char *sentence;
} store_mention;

typedef struct store_ops {
	const char *name;        /* "sqlite", "postgresql" */
	void (*close)(store *s); /* frees s->impl (s itself is the front's) */
	int (*begin)(store *s);
	int (*commit)(store *s); /* rolls back on failure */
	void (*rollback)(store *s);
	int (*doc_status)(store *s, const char *id, const char *hash);
	/* Replaces a stored document of the same id (its mentions go). */
	int (*doc_put)(store *s, const store_docrow *d);
	int (*mention_add)(store *s, const store_mention *m);
	long (*doc_ids)(store *s, char ***ids);
	int (*doc_get)(store *s, const char *id, doc *d);
	int (*doc_recode)(store *s, const char *id);
	int (*recode_snapshot)(store *s);
	long (*recode_diff)(store *s, store_diff_fn fn, void *ctx);
	long (*query_events)(store *s, const store_filter *f, store_event_fn fn, void *ctx);
	long (*count_events)(store *s, const store_filter *f);
	int (*totals)(store *s, store_totals *t);
	long (*query_actors)(store *s, const char *prefix, long limit, store_actor_fn fn,
			     void *ctx);
	long (*query_series)(store *s, const store_filter *f, int both, store_period by,
			     store_series_fn fn, void *ctx);
	long (*export_rows)(store *s, int mentions, int one_a_day, store_export_fn fn, void *ctx);
	void (*set_timeout)(store *s, int ms);
} store_ops;

struct store {
	const store_ops *ops;
	void *impl;              /* the backend's state, owned */
	char *name;              /* owned: the file, or the URL without its
				  * password, for messages */
	int writable;
	int must_exist;          /* opening fails when there is no store */
	int in_batch;            /* a transaction is open */
	int timeout_ms;          /* store_set_timeout; 0 = none */
	int timed_out;           /* the last query ran over it */
	buf err;                 /* the last error message */
};

/* Sets s's error message (printf format). */
void store_set_err(store *s, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* The store's error for a failed query: its time bound when timed_out,
 * else "NAME: WHAT: detail". Returns STORE_ERR. */
long store_query_fail(store *s, const char *what, const char *detail);
/* Reads the spans JSON of a mention (document offsets) into r's spans,
 * relative to the sentence; -1, -1 for what is unknown. */
void store_rel_spans(const char *json, store_event_row *r);
/* The prefix upper bound: prefix followed by U+10FFFF (valid UTF-8,
 * after every code point), so [prefix, hi) holds every code starting
 * with prefix, bytewise. Written to out (cleared first). */
void store_prefix_hi(buf *out, const char *prefix);

#endif

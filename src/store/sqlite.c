/*
 * sqlite.c - the store's SQLite backend: schema, idempotent ingest in
 * atomic batches, GDELT-style dedup of mentions into events, and the
 * queries (filtered events, time series, exports). Every value reaches
 * SQL through a bound parameter; SQL text is only ever assembled from
 * constant fragments.
 */
#include "sqlite.h"
#include "series.h"
#include "textq.h"

#include "attrs/cameo.h"
#include "util/buf.h"
#include "util/xmalloc.h"

#include <errno.h>
#include <sqlite3.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

/* ---- Schema ----
 *
 * documents  one row per coded document: doc_id (the input's id, primary
 *            key), content_hash (store_doc_hash: skip or replace on
 *            re-ingest), date (story date, ISO), source (publisher), url,
 *            title, text (as read, so documents can be recoded).
 * mentions   one row per coded event: mention_id, doc_id, sid, sent, date
 *            (ISO reduced precision), date_precision, day (the date's
 *            first day, YYYY-MM-DD, for ranges and series), source,
 *            target, code, root, quad, goldstein, plover, place, country,
 *            lat, lon, source_text, target_text, verb_text, spans (JSON:
 *            byte offsets of source, target, verb and sentence), sentence.
 * events     the dedup of mentions on (date, source, target, code, place):
 *            the first mention's attributes, num_mentions, num_sources
 *            (distinct publishers; documents without one count as one
 *            unknown publisher), num_articles (distinct documents) and
 *            first_mention (its mention_id, the evidence).
 * Indexes: mentions(doc_id), mentions(key), events(source, target, day)
 * and events(target, day, source) for an actor on either side, both
 * carrying what series read (quad, goldstein, num_mentions) so a series
 * never visits the table; events(day), events(key). NULL date or place
 * compare with IS. */
static const char schema_sql[] =
	"CREATE TABLE IF NOT EXISTS documents("
	" doc_id TEXT PRIMARY KEY, content_hash TEXT NOT NULL, date TEXT,"
	" source TEXT, url TEXT, title TEXT, text TEXT NOT NULL);"
	"CREATE TABLE IF NOT EXISTS mentions("
	" mention_id INTEGER PRIMARY KEY AUTOINCREMENT,"
	" doc_id TEXT NOT NULL REFERENCES documents(doc_id),"
	" sid TEXT, sent INTEGER, date TEXT, date_precision TEXT, day TEXT,"
	" source TEXT NOT NULL, target TEXT NOT NULL, code TEXT NOT NULL,"
	" root TEXT, quad INTEGER, goldstein REAL, plover TEXT,"
	" place TEXT, country TEXT, lat REAL, lon REAL,"
	" source_text TEXT, target_text TEXT, verb_text TEXT, spans TEXT,"
	" sentence TEXT, issues TEXT, admin1 TEXT);"
	"CREATE INDEX IF NOT EXISTS mentions_doc ON mentions(doc_id);"
	"CREATE INDEX IF NOT EXISTS mentions_key ON mentions(date, source, target, code, place);"
	"CREATE TABLE IF NOT EXISTS events("
	" event_id INTEGER PRIMARY KEY, date TEXT, date_precision TEXT, day TEXT,"
	" source TEXT NOT NULL, target TEXT NOT NULL, code TEXT NOT NULL,"
	" root TEXT, quad INTEGER, goldstein REAL, plover TEXT,"
	" place TEXT, country TEXT, lat REAL, lon REAL,"
	" num_mentions INTEGER NOT NULL, num_sources INTEGER NOT NULL,"
	" num_articles INTEGER NOT NULL,"
	" first_mention INTEGER NOT NULL REFERENCES mentions(mention_id));"
	"CREATE INDEX IF NOT EXISTS events_dyad ON events(source, target, day, quad,"
	" goldstein, num_mentions);"
	"CREATE INDEX IF NOT EXISTS events_target ON events(target, day, source, quad,"
	" goldstein, num_mentions);"
	"CREATE INDEX IF NOT EXISTS events_day ON events(day);"
	"CREATE INDEX IF NOT EXISTS events_key ON events(date, source, target, code, place);";

/* Full text over the mentions' sentences (FTS5, external content: the
 * text stays in mentions). A batch indexes its new mentions at commit in
 * one statement (ST_FTS_NEW; a trigger per row costs as much as the rest
 * of ingest) and unindexes a replaced document's older mentions before
 * deleting them (ST_FTS_DEL_DOC). Created, and filled from the stored
 * mentions, when a writable open finds it missing (databases made before
 * it existed). */
static const char fts_sql[] =
	"CREATE VIRTUAL TABLE mentions_fts USING fts5(sentence,"
	" content='mentions', content_rowid='mention_id');"
	"INSERT INTO mentions_fts(mentions_fts) VALUES('rebuild');";

/* Keys whose events must be recomputed at commit (connection-private). */
static const char temp_sql[] =
	"CREATE TEMP TABLE IF NOT EXISTS affected("
	" date TEXT, source TEXT, target TEXT, code TEXT, place TEXT);";

#define KEY_JOIN(m, a) \
	m ".date IS " a ".date AND " m ".source = " a ".source AND " \
	m ".target = " a ".target AND " m ".code = " a ".code AND " \
	m ".place IS " a ".place"

enum {
	ST_STATUS, ST_MARK_DOC, ST_DEL_DOC, ST_PUT_DOC, ST_MENTION,
	ST_MARK_NEW, ST_DEL_EVENTS, ST_ADD_EVENTS, ST_CLEAR, ST_MAXID,
	ST_FTS_NEW, ST_FTS_DEL_DOC, ST_N, ST_GET_DOC = ST_N, ST_ALL
};

static const char *const stmt_sql[ST_N] = {
	[ST_STATUS] = "SELECT content_hash FROM documents WHERE doc_id = ?1",
	[ST_MARK_DOC] = "INSERT INTO temp.affected SELECT date, source, target, code, place"
			" FROM mentions WHERE doc_id = ?1",
	[ST_DEL_DOC] = "DELETE FROM mentions WHERE doc_id = ?1",
	[ST_PUT_DOC] = "INSERT OR REPLACE INTO documents(doc_id, content_hash, date,"
		       " source, url, title, text) VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7)",
	[ST_MENTION] = "INSERT INTO mentions(doc_id, sid, sent, date, date_precision, day,"
		       " source, target, code, root, quad, goldstein, plover, place,"
		       " country, lat, lon, source_text, target_text, verb_text, spans,"
		       " sentence, issues, admin1) VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10,"
		       " ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20, ?21, ?22, ?23, ?24)",
	[ST_MARK_NEW] = "INSERT INTO temp.affected SELECT date, source, target, code, place"
			" FROM mentions WHERE mention_id > ?1",
	[ST_DEL_EVENTS] = "DELETE FROM events WHERE event_id IN (SELECT e.event_id"
			  " FROM events e JOIN (SELECT DISTINCT * FROM temp.affected) a ON "
			  KEY_JOIN("e", "a") ")",
	[ST_ADD_EVENTS] =
		"INSERT INTO events(date, date_precision, day, source, target, code,"
		" root, quad, goldstein, plover, place, country, lat, lon,"
		" num_mentions, num_sources, num_articles, first_mention)"
		" SELECT f.date, f.date_precision, f.day, f.source, f.target, f.code,"
		" f.root, f.quad, f.goldstein, f.plover, f.place, f.country, f.lat,"
		" f.lon, g.n, g.ns, g.na, g.first FROM"
		" (SELECT min(m.mention_id) AS first, count(*) AS n,"
		"  count(DISTINCT coalesce(d.source, '')) AS ns,"
		"  count(DISTINCT m.doc_id) AS na"
		"  FROM (SELECT DISTINCT * FROM temp.affected) a"
		/* CROSS JOIN keeps the marked keys as the outer loop: the
		 * planner would otherwise scan all mentions for GROUP BY's
		 * order, making every batch cost the whole table. */
		"  CROSS JOIN mentions m ON " KEY_JOIN("m", "a")
		"  JOIN documents d ON d.doc_id = m.doc_id"
		"  GROUP BY m.date, m.source, m.target, m.code, m.place) g"
		" JOIN mentions f ON f.mention_id = g.first",
	[ST_CLEAR] = "DELETE FROM temp.affected",
	[ST_MAXID] = "SELECT coalesce(max(mention_id), 0) FROM mentions",
	[ST_FTS_NEW] = "INSERT INTO mentions_fts(rowid, sentence) SELECT mention_id, sentence"
		       " FROM mentions WHERE mention_id > ?1",
	/* Only mentions of earlier batches are indexed. */
	[ST_FTS_DEL_DOC] = "INSERT INTO mentions_fts(mentions_fts, rowid, sentence)"
			   " SELECT 'delete', mention_id, sentence FROM mentions"
			   " WHERE doc_id = ?1 AND mention_id <= ?2",
};

/* The backend's state (store.impl). */
typedef struct sq {
	sqlite3 *db;            /* the connection */
	sqlite3_stmt *st[ST_ALL]; /* prepared ingest statements (writable only);
				   * ST_GET_DOC when first used */
	sqlite3_int64 batch_max;/* max mention_id when the batch began */
	double deadline;        /* of the running query (monotonic seconds) */
	int v2;                 /* mentions.issues and .admin1 exist (not in a
				 * version-1 store opened read-only) */
	buf count_key;          /* the filter of the last count, and its value */
	long count_val;         /* (an events page counts first; the count
				 * that often follows reuses it once, within a
				 * second: see cached_count) */
	double count_at;
} sq;

static sq *Q(store *s)
{
	return s->impl;
}

/* ---- Errors ---- */

/* Records SQLite's message for a failed call; returns STORE_ERR. */
static int db_err(store *s, const char *what)
{
	store_set_err(s, "%s: %s: %s", s->name, what, sqlite3_errmsg(Q(s)->db));
	return STORE_ERR;
}

/* ---- Query time bound ---- */

static double now_sec(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* SQLite's progress callback: nonzero interrupts the statement. */
static int over_time(void *ctx)
{
	store *s = ctx;
	if (now_sec() < Q(s)->deadline)
		return 0;
	s->timed_out = 1;
	return 1;
}

static void sq_set_timeout(store *s, int ms)
{
	sqlite3_progress_handler(Q(s)->db, ms ? 1000 : 0, ms ? over_time : NULL, s);
}

/* Starts the clock of a query. */
static void query_start(store *s)
{
	s->timed_out = 0;
	Q(s)->deadline = now_sec() + s->timeout_ms / 1000.0;
}

/* Records the failure of a query: its time bound, or SQLite's message. */
static long query_err(store *s, const char *what)
{
	return store_query_fail(s, what, sqlite3_errmsg(Q(s)->db));
}

/* ---- Opening ---- */

static int exec(store *s, const char *sql, const char *what)
{
	if (sqlite3_exec(Q(s)->db, sql, NULL, NULL, NULL) != SQLITE_OK)
		return db_err(s, what);
	return STORE_OK;
}

/* The schema version, in PRAGMA user_version: 0 in a database this
 * code just created (then set when writable), STORE_SCHEMA after; a
 * higher one was written by a newer dyad and is refused. Version 1 had
 * no mentions.issues and mentions.admin1: a writable open adds them; a
 * read-only one reads them as absent. */
enum { STORE_SCHEMA = 2 };

/* Reads the schema version into *version; refuses a newer one. */
static int check_version(store *s, int *version, char *err, size_t err_size)
{
	sqlite3_stmt *st = NULL;
	int v = -1;
	if (sqlite3_prepare_v2(Q(s)->db, "PRAGMA user_version", -1, &st, NULL) == SQLITE_OK &&
	    sqlite3_step(st) == SQLITE_ROW)
		v = sqlite3_column_int(st, 0);
	sqlite3_finalize(st);
	if (v < 0) {
		snprintf(err, err_size, "%s: cannot read the schema version: %s", s->name,
			 sqlite3_errmsg(Q(s)->db));
		return STORE_ERR;
	}
	if (v > STORE_SCHEMA) {
		snprintf(err, err_size, "%s: schema version %d was written by a newer dyad (this one knows %d)",
			 s->name, v, STORE_SCHEMA);
		return STORE_ERR;
	}
	*version = v;
	return STORE_OK;
}

/* Brings a writable database of version v (0: just created) to
 * STORE_SCHEMA, after schema_sql made what was missing. */
static int upgrade(store *s, int v)
{
	if (v == STORE_SCHEMA)
		return STORE_OK;
	if (v == 1 && (exec(s, "ALTER TABLE mentions ADD COLUMN issues TEXT", "adding mentions.issues") < 0 ||
		       exec(s, "ALTER TABLE mentions ADD COLUMN admin1 TEXT", "adding mentions.admin1") < 0))
		return STORE_ERR;
	/* (the statement names STORE_SCHEMA: PRAGMAs take no parameters) */
	return exec(s, "PRAGMA user_version = 2", "setting the schema version");
}

/* Refuses an SQLite database of some other program (tables, but no
 * events table): dyad must not add its tables to it. */
static int check_foreign(store *s, char *err, size_t err_size)
{
	sqlite3_stmt *st = NULL;
	int tables = -1, ours = 0;
	if (sqlite3_prepare_v2(Q(s)->db, "SELECT count(*), total(name = 'events') FROM sqlite_schema"
			       " WHERE type = 'table'", -1, &st, NULL) == SQLITE_OK &&
	    sqlite3_step(st) == SQLITE_ROW) {
		tables = sqlite3_column_int(st, 0);
		ours = (int)sqlite3_column_double(st, 1);
	}
	sqlite3_finalize(st);
	if (tables < 0) {
		snprintf(err, err_size, "%s: cannot read the schema: %s", s->name, sqlite3_errmsg(Q(s)->db));
		return STORE_ERR;
	}
	if (tables > 0 && !ours) {
		snprintf(err, err_size, "%s: not a dyad database (an SQLite database without an events table)",
			 s->name);
		return STORE_ERR;
	}
	return STORE_OK;
}

/* 1 when the database has its full-text index, 0 when not, or
 * STORE_ERR. */
static int has_fts(store *s)
{
	sqlite3_stmt *st = NULL;
	if (sqlite3_prepare_v2(Q(s)->db, "SELECT 1 FROM sqlite_schema WHERE name = 'mentions_fts'",
			       -1, &st, NULL) != SQLITE_OK)
		return db_err(s, "looking for the full-text index");
	int rc = sqlite3_step(st);
	sqlite3_finalize(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return db_err(s, "looking for the full-text index");
	return rc == SQLITE_ROW;
}

static const store_ops sq_ops;
static void sq_close(store *s);

int store_sqlite_open(store *s, const char *path, char *err, size_t err_size)
{
	int writable = s->writable;
	s->ops = &sq_ops;
	s->impl = xcalloc(1, sizeof(sq));
	struct stat stt;
	int exists = stat(path, &stt) == 0;
	if (!exists && s->must_exist) {
		snprintf(err, err_size, "%s: no such database (create it with dyad ingest)", path);
		goto fail;
	}
	if (exists && S_ISDIR(stt.st_mode)) {
		snprintf(err, err_size, "%s: is a directory, not a database file", path);
		goto fail;
	}
	if (!exists) {
		/* SQLite's own message ("unable to open database file") does
		 * not say why; the usual reason is a missing directory. */
		char *dir = xstrdup(path);
		char *slash = strrchr(dir, '/');
		if (slash) {
			*(slash == dir ? slash + 1 : slash) = '\0';
			if (stat(dir, &stt) != 0 || !S_ISDIR(stt.st_mode)) {
				snprintf(err, err_size, "%s: cannot create the database: directory %s does not exist",
					 path, dir);
				free(dir);
				goto fail;
			}
		}
		free(dir);
	}
	if (exists && writable && access(path, W_OK) != 0) {
		snprintf(err, err_size, "%s: the database is read-only (%s)", path, strerror(errno));
		goto fail;
	}
	int flags = writable ? SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE : SQLITE_OPEN_READONLY;
	if (sqlite3_open_v2(path, &Q(s)->db, flags, NULL) != SQLITE_OK) {
		snprintf(err, err_size, "%s: cannot open the database: %s", path,
			 Q(s)->db ? sqlite3_errmsg(Q(s)->db) : "out of memory");
		goto fail;
	}
	sqlite3_busy_timeout(Q(s)->db, 5000);
	if (writable && sqlite3_db_readonly(Q(s)->db, "main") == 1) {
		snprintf(err, err_size, "%s: the database is read-only", path);
		goto fail;
	}
	/* A first read tells a database from any other file. A WAL database
	 * we may not write, in a directory where we cannot create its -shm
	 * file, is readable only as immutable (nobody may be writing it
	 * then, since we could not either). */
	if (sqlite3_exec(Q(s)->db, "SELECT count(*) FROM sqlite_schema", NULL, NULL, NULL) != SQLITE_OK &&
	    !writable && access(path, W_OK) != 0) {
		sqlite3_close(Q(s)->db);
		Q(s)->db = NULL;
		buf uri = BUF_INIT;
		buf_puts(&uri, "file:");
		for (const char *p = path; *p; p++) {
			if (*p == '%' || *p == '?' || *p == '#')
				buf_printf(&uri, "%%%02X", (unsigned char)*p);
			else
				buf_putc(&uri, *p);
		}
		buf_puts(&uri, "?immutable=1");
		int orc = sqlite3_open_v2(uri.data, &Q(s)->db, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI, NULL);
		buf_free(&uri);
		if (orc != SQLITE_OK) {
			snprintf(err, err_size, "%s: cannot open the database: %s", path,
				 Q(s)->db ? sqlite3_errmsg(Q(s)->db) : "out of memory");
			goto fail;
		}
	}
	if (sqlite3_exec(Q(s)->db, "SELECT count(*) FROM sqlite_schema", NULL, NULL, NULL) != SQLITE_OK) {
		snprintf(err, err_size, "%s: not a dyad database: %s", path, sqlite3_errmsg(Q(s)->db));
		goto fail;
	}
	if (writable) {
		/* Checked before anything is written (WAL mode persists). */
		int v;
		if (check_foreign(s, err, err_size) < 0 || check_version(s, &v, err, err_size) < 0)
			goto fail;
		if (exec(s, "PRAGMA journal_mode=WAL", "setting WAL mode") < 0 ||
		    exec(s, "PRAGMA synchronous=NORMAL", "setting synchronous") < 0 ||
		    exec(s, "PRAGMA cache_size=-65536", "setting the cache size") < 0 ||
		    exec(s, "PRAGMA temp_store=MEMORY", "setting the work tables' store") < 0 ||
		    exec(s, "BEGIN IMMEDIATE", "creating the schema") < 0)
			goto fail_msg;
		if (exec(s, schema_sql, "creating the schema") < 0 || upgrade(s, v) < 0 ||
		    exec(s, "COMMIT", "creating the schema") < 0) {
			sqlite3_exec(Q(s)->db, "ROLLBACK", NULL, NULL, NULL);
			goto fail_msg;
		}
		Q(s)->v2 = 1;
		if (exec(s, temp_sql, "creating the work table") < 0)
			goto fail_msg;
		int fts = has_fts(s);
		if (fts < 0)
			goto fail_msg;
		if (!fts && (exec(s, "BEGIN IMMEDIATE", "starting the full-text index") < 0 ||
			     exec(s, fts_sql, "creating the full-text index") < 0 ||
			     exec(s, "COMMIT", "committing the full-text index") < 0)) {
			sqlite3_exec(Q(s)->db, "ROLLBACK", NULL, NULL, NULL);
			goto fail_msg;
		}
		for (int i = 0; i < ST_N; i++) {
			if (sqlite3_prepare_v2(Q(s)->db, stmt_sql[i], -1, &Q(s)->st[i], NULL) != SQLITE_OK) {
				db_err(s, "preparing a statement");
				goto fail_msg;
			}
		}
	} else {
		sqlite3_stmt *q = NULL;
		int ok = sqlite3_prepare_v2(Q(s)->db, "SELECT 1 FROM events LIMIT 0", -1, &q, NULL) == SQLITE_OK;
		sqlite3_finalize(q);
		if (!ok) {
			snprintf(err, err_size, "%s: not a dyad database (no events table)", path);
			goto fail;
		}
		int v;
		if (check_version(s, &v, err, err_size) < 0)
			goto fail;
		Q(s)->v2 = v >= 2;
	}
	return STORE_OK;
fail_msg:
	snprintf(err, err_size, "%s", store_error(s));
fail:
	if (err_size > 0)
		err[err_size - 1] = '\0';
	sq_close(s);
	return STORE_ERR;
}

static void sq_close(store *s)
{
	sq *q = s->impl;
	if (!q)
		return;
	for (int i = 0; i < ST_ALL; i++)
		sqlite3_finalize(q->st[i]);
	sqlite3_close(q->db);
	buf_free(&q->count_key);
	free(q);
	s->impl = NULL;
}

static void sq_rollback(store *s)
{
	sqlite3_exec(Q(s)->db, "ROLLBACK", NULL, NULL, NULL);
	sqlite3_exec(Q(s)->db, "DELETE FROM temp.affected", NULL, NULL, NULL);
}

/* ---- Ingest ---- */

/* Runs a statement to completion and resets it. */
static int step_done(store *s, sqlite3_stmt *st, const char *what)
{
	int rc = sqlite3_step(st);
	sqlite3_reset(st);
	sqlite3_clear_bindings(st);
	if (rc != SQLITE_DONE && rc != SQLITE_ROW)
		return db_err(s, what);
	return STORE_OK;
}

static int sq_begin(store *s)
{
	if (exec(s, "BEGIN IMMEDIATE", "starting a batch") < 0)
		return STORE_ERR;
	sqlite3_stmt *st = Q(s)->st[ST_MAXID];
	if (sqlite3_step(st) != SQLITE_ROW) {
		db_err(s, "reading mention ids");
		sqlite3_reset(st);
		exec(s, "ROLLBACK", "rolling back");
		return STORE_ERR;
	}
	Q(s)->batch_max = sqlite3_column_int64(st, 0);
	sqlite3_reset(st);
	return STORE_OK;
}

static int sq_commit(store *s)
{
	sqlite3_bind_int64(Q(s)->st[ST_MARK_NEW], 1, Q(s)->batch_max);
	sqlite3_bind_int64(Q(s)->st[ST_FTS_NEW], 1, Q(s)->batch_max);
	if (step_done(s, Q(s)->st[ST_MARK_NEW], "marking new mentions") < 0 ||
	    step_done(s, Q(s)->st[ST_FTS_NEW], "indexing new sentences") < 0 ||
	    step_done(s, Q(s)->st[ST_DEL_EVENTS], "removing stale events") < 0 ||
	    step_done(s, Q(s)->st[ST_ADD_EVENTS], "computing events") < 0 ||
	    step_done(s, Q(s)->st[ST_CLEAR], "clearing marks") < 0)
		goto fail;
	if (sqlite3_exec(Q(s)->db, "COMMIT", NULL, NULL, NULL) != SQLITE_OK) {
		db_err(s, "committing");
		goto fail;
	}
	return STORE_OK;
fail:
	sq_rollback(s);
	return STORE_ERR;
}

static int sq_doc_status(store *s, const char *id, const char *hash)
{
	sqlite3_stmt *st = Q(s)->st[ST_STATUS];
	if (!st) {
		store_set_err(s, "%s: the store is open read-only", s->name);
		return STORE_ERR;
	}
	sqlite3_bind_text(st, 1, id, -1, SQLITE_STATIC);
	int rc = sqlite3_step(st);
	int res;
	if (rc == SQLITE_ROW) {
		const unsigned char *h = sqlite3_column_text(st, 0);
		res = h && !strcmp((const char *)h, hash) ? STORE_DOC_SAME : STORE_DOC_CHANGED;
	} else if (rc == SQLITE_DONE) {
		res = STORE_DOC_NEW;
	} else {
		res = db_err(s, "looking up a document");
	}
	sqlite3_reset(st);
	sqlite3_clear_bindings(st);
	return res;
}

static void bind_opt(sqlite3_stmt *st, int i, const char *v)
{
	if (v)
		sqlite3_bind_text(st, i, v, -1, SQLITE_STATIC);
	else
		sqlite3_bind_null(st, i);
}

static int drop_mentions(store *s, const char *id);

static int sq_doc_put(store *s, const store_docrow *d)
{
	if (drop_mentions(s, d->id) < 0)
		return STORE_ERR;
	sqlite3_stmt *st = Q(s)->st[ST_PUT_DOC];
	sqlite3_bind_text(st, 1, d->id, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, d->hash, -1, SQLITE_STATIC);
	bind_opt(st, 3, d->date);
	bind_opt(st, 4, d->source);
	bind_opt(st, 5, d->url);
	bind_opt(st, 6, d->title);
	sqlite3_bind_text64(st, 7, d->text, d->len, SQLITE_STATIC, SQLITE_UTF8);
	return step_done(s, st, "storing a document");
}

static int sq_mention_add(store *s, const store_mention *m)
{
	sqlite3_stmt *st = Q(s)->st[ST_MENTION];
	sqlite3_bind_text(st, 1, m->doc_id, -1, SQLITE_STATIC);
	bind_opt(st, 2, m->sid);
	sqlite3_bind_int(st, 3, m->sent);
	bind_opt(st, 4, m->date);
	bind_opt(st, 5, m->date_precision);
	bind_opt(st, 6, m->day);
	sqlite3_bind_text(st, 7, m->source, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 8, m->target, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 9, m->code, -1, SQLITE_STATIC);
	if (m->root) {
		sqlite3_bind_text(st, 10, m->root, -1, SQLITE_STATIC);
		sqlite3_bind_int(st, 11, m->quad);
		sqlite3_bind_double(st, 12, m->goldstein);
		bind_opt(st, 13, m->plover);
	}
	if (m->place) {
		sqlite3_bind_text(st, 14, m->place, -1, SQLITE_STATIC);
		bind_opt(st, 15, m->country);
		if (m->has_latlon) {
			sqlite3_bind_double(st, 16, m->lat);
			sqlite3_bind_double(st, 17, m->lon);
		}
	}
	bind_opt(st, 18, m->source_text);
	bind_opt(st, 19, m->target_text);
	bind_opt(st, 20, m->verb_text);
	bind_opt(st, 21, m->spans);
	bind_opt(st, 22, m->sentence);
	bind_opt(st, 23, m->issues);
	bind_opt(st, 24, m->place ? m->admin1 : NULL);
	return step_done(s, st, "storing a mention");
}

/* ---- Recoding ---- */

static const char *col_text(sqlite3_stmt *st, int i)
{
	return (const char *)sqlite3_column_text(st, i);
}

static long sq_doc_ids(store *s, char ***ids)
{
	sqlite3_stmt *st = NULL;
	char **v = NULL;
	size_t n = 0, cap = 0;
	*ids = NULL;
	if (sqlite3_prepare_v2(Q(s)->db, "SELECT doc_id FROM documents ORDER BY doc_id", -1, &st,
			       NULL) != SQLITE_OK)
		return db_err(s, "listing documents");
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		const char *id = col_text(st, 0);
		if (n == cap)
			xgrow((void **)&v, &cap, n + 1, sizeof *v);
		v[n++] = xstrdup(id ? id : "");
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE) {
		for (size_t i = 0; i < n; i++)
			free(v[i]);
		free(v);
		return db_err(s, "listing documents");
	}
	*ids = v;
	return (long)n;
}

static char *col_dup(sqlite3_stmt *st, int i)
{
	const char *t = col_text(st, i);
	return t ? xstrdup(t) : NULL;
}

static int sq_doc_get(store *s, const char *id, doc *d)
{
	sqlite3_stmt *st = Q(s)->st[ST_GET_DOC];
	if (!st && sqlite3_prepare_v2(Q(s)->db, "SELECT date, source, url, title, text FROM documents"
				      " WHERE doc_id = ?1", -1, &Q(s)->st[ST_GET_DOC], NULL) != SQLITE_OK)
		return db_err(s, "preparing to read a document");
	st = Q(s)->st[ST_GET_DOC];
	sqlite3_bind_text(st, 1, id, -1, SQLITE_STATIC);
	int rc = sqlite3_step(st);
	int res = STORE_OK;
	if (rc == SQLITE_ROW) {
		d->id = xstrdup(id);
		const char *date = col_text(st, 0);
		if (date && doc_parse_date(date, strlen(date), &d->date) < 0)
			d->date = 0;
		d->source = col_dup(st, 1);
		d->url = col_dup(st, 2);
		d->title = col_dup(st, 3);
		const char *text = (const char *)sqlite3_column_blob(st, 4);
		d->len = (size_t)sqlite3_column_bytes(st, 4);
		d->text = xmalloc(d->len + 1);
		if (d->len)
			memcpy(d->text, text, d->len);
		d->text[d->len] = '\0';
	} else if (rc == SQLITE_DONE) {
		store_set_err(s, "%s: no document %s", s->name, id);
		res = STORE_ERR;
	} else {
		res = db_err(s, "reading a document");
	}
	sqlite3_reset(st);
	sqlite3_clear_bindings(st);
	return res;
}

/* Unindexes, marks and deletes the mentions of document id. */
static int drop_mentions(store *s, const char *id)
{
	sqlite3_bind_text(Q(s)->st[ST_MARK_DOC], 1, id, -1, SQLITE_STATIC);
	if (step_done(s, Q(s)->st[ST_MARK_DOC], "marking old mentions") < 0)
		return STORE_ERR;
	sqlite3_bind_text(Q(s)->st[ST_FTS_DEL_DOC], 1, id, -1, SQLITE_STATIC);
	sqlite3_bind_int64(Q(s)->st[ST_FTS_DEL_DOC], 2, Q(s)->batch_max);
	if (step_done(s, Q(s)->st[ST_FTS_DEL_DOC], "unindexing old sentences") < 0)
		return STORE_ERR;
	sqlite3_bind_text(Q(s)->st[ST_DEL_DOC], 1, id, -1, SQLITE_STATIC);
	return step_done(s, Q(s)->st[ST_DEL_DOC], "removing old mentions");
}

static int sq_doc_recode(store *s, const char *id)
{
	return drop_mentions(s, id);
}

static int sq_recode_snapshot(store *s)
{
	return exec(s, "DROP TABLE IF EXISTS temp.recode_old;"
		    "CREATE TEMP TABLE recode_old AS SELECT e.date, e.source, e.target, e.code,"
		    " e.place, e.root, e.num_mentions, e.num_sources, e.num_articles,"
		    " m.doc_id, m.sent FROM events e JOIN mentions m"
		    " ON m.mention_id = e.first_mention;"
		    "CREATE INDEX temp.recode_old_key ON recode_old(date, source, target, code, place);",
		    "remembering the events");
}

static long sq_recode_diff(store *s, store_diff_fn fn, void *ctx)
{
	static const char sql[] =
		"SELECT coalesce(root, ''), sum(a), sum(r), sum(c) FROM ("
		" SELECT n.root AS root, 1 AS a, 0 AS r, 0 AS c FROM events n WHERE NOT EXISTS"
		"  (SELECT 1 FROM temp.recode_old o WHERE " KEY_JOIN("o", "n") ")"
		" UNION ALL SELECT o.root, 0, 1, 0 FROM temp.recode_old o WHERE NOT EXISTS"
		"  (SELECT 1 FROM events n WHERE " KEY_JOIN("n", "o") ")"
		" UNION ALL SELECT n.root, 0, 0, 1 FROM events n"
		"  JOIN temp.recode_old o ON " KEY_JOIN("o", "n")
		"  JOIN mentions m ON m.mention_id = n.first_mention"
		"  WHERE n.num_mentions != o.num_mentions OR n.num_sources != o.num_sources"
		"  OR n.num_articles != o.num_articles OR m.doc_id != o.doc_id"
		"  OR m.sent IS NOT o.sent"
		") GROUP BY 1 ORDER BY 1";
	sqlite3_stmt *st = NULL;
	if (sqlite3_prepare_v2(Q(s)->db, sql, -1, &st, NULL) != SQLITE_OK)
		return db_err(s, "comparing the events (no snapshot?)");
	long n = 0;
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		store_diff_row r;
		r.root = col_text(st, 0);
		r.added = (long)sqlite3_column_int64(st, 1);
		r.removed = (long)sqlite3_column_int64(st, 2);
		r.changed = (long)sqlite3_column_int64(st, 3);
		fn(ctx, &r);
		n++;
	}
	if (rc != SQLITE_DONE)
		n = db_err(s, "comparing the events");
	sqlite3_finalize(st);
	return n;
}

/* ---- Queries ---- */

/* Binds a prefix match: [lo, hi) where hi is the prefix followed by a
 * byte that never occurs in UTF-8 text, so every code starting with the
 * prefix sorts inside (BINARY collation) and the index range is used. */
static void bind_prefix(sqlite3_stmt *st, const char *lo_name, const char *hi_name,
			const char *prefix, buf *scratch)
{
	int lo = sqlite3_bind_parameter_index(st, lo_name);
	int hi = sqlite3_bind_parameter_index(st, hi_name);
	if (!lo || !hi)
		return;
	buf_clear(scratch);
	buf_puts(scratch, prefix);
	buf_putc(scratch, '\xff');
	sqlite3_bind_text(st, lo, prefix, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, hi, scratch->data, (int)scratch->len, SQLITE_TRANSIENT);
}

static void bind_named(sqlite3_stmt *st, const char *name, const char *v)
{
	int i = sqlite3_bind_parameter_index(st, name);
	if (i && v)
		sqlite3_bind_text(st, i, v, -1, SQLITE_STATIC);
}

#define SRC_IN(p) "(e.source >= :" p "lo AND e.source < :" p "hi)"
#define TGT_IN(p) "(e.target >= :" p "lo AND e.target < :" p "hi)"
/* The same tests kept off the indexes (unary +): with a source range the
 * index on (source, target, day) checks the target and day in the index
 * itself, far cheaper than the planner's guess of a target or day range
 * followed by a table lookup per row. */
#define TGT_CHECK(p) "(+e.target >= :" p "lo AND +e.target < :" p "hi)"

/* Phoenix's one-a-day filter on events e: no other event of the same
 * (date, source, target, code) has a first place (NULL first). */
#define ONE_A_DAY \
	" AND NOT EXISTS (SELECT 1 FROM events o WHERE o.date IS e.date AND" \
	" o.source = e.source AND o.target = e.target AND o.code = e.code AND" \
	" (o.place < e.place OR (o.place IS NULL AND e.place IS NOT NULL)))"

/* Appends the WHERE conditions of f (constant fragments only). side, for
 * a series of one actor in both roles: 1 its events as source, 2 as
 * target but not source (the two halves of a UNION ALL, each on its own
 * covering index); else 0. mentions: e is the mentions table. */
static void where_filter(buf *sql, const store_filter *f, int series, int both, int side,
			 int mentions)
{
	int actors = f->source || f->target || f->actor;
	buf_puts(sql, " WHERE 1");
	if (side == 1)
		buf_puts(sql, " AND " SRC_IN("s"));
	else if (side == 2)
		buf_puts(sql, " AND " TGT_IN("s") " AND NOT (+e.source >= :slo AND +e.source < :shi)");
	else if (both && f->source && f->target)
		buf_puts(sql, " AND ((" SRC_IN("s") " AND " TGT_CHECK("t") ") OR ("
			 "(e.source >= :tlo AND e.source < :thi) AND "
			 "(+e.target >= :slo AND +e.target < :shi)))");
	else if (both && f->source)
		buf_puts(sql, " AND (" SRC_IN("s") " OR " TGT_IN("s") ")");
	else {
		if (f->source)
			buf_puts(sql, " AND " SRC_IN("s"));
		if (f->target)
			buf_puts(sql, f->source ? " AND " TGT_CHECK("t") : " AND " TGT_IN("t"));
	}
	if (f->actor)
		buf_puts(sql, " AND (" SRC_IN("a") " OR " TGT_IN("a") ")");
	if (f->code)
		buf_puts(sql, " AND e.code = :code");
	if (f->root)
		buf_puts(sql, " AND e.root = :root");
	if (f->quad)
		buf_puts(sql, " AND e.quad = :quad");
	if (f->plover)
		buf_puts(sql, " AND e.plover = :plover COLLATE NOCASE");
	if (f->place)
		buf_puts(sql, " AND (e.place = :place COLLATE NOCASE OR e.country = :place)");
	if (f->one_a_day && !mentions)
		buf_puts(sql, ONE_A_DAY);
	if (f->text && mentions)
		buf_puts(sql, " AND e.mention_id IN (SELECT rowid FROM mentions_fts"
			 " WHERE mentions_fts MATCH :text)");
	else if (f->text)
		buf_puts(sql, " AND e.event_id IN (SELECT x.event_id FROM mentions_fts"
			 " JOIN mentions mm ON mm.mention_id = mentions_fts.rowid"
			 " JOIN events x ON " KEY_JOIN("x", "mm") " WHERE mentions_fts MATCH :text)");
	if (f->from)
		buf_puts(sql, actors ? " AND +e.day >= :from" : " AND e.day >= :from");
	if (f->to)
		buf_puts(sql, actors ? " AND +e.day <= :to" : " AND e.day <= :to");
	if (series)
		buf_puts(sql, " AND e.day IS NOT NULL");
}

static void bind_filter(sqlite3_stmt *st, const store_filter *f, buf *scratch)
{
	if (f->source)
		bind_prefix(st, ":slo", ":shi", f->source, scratch);
	if (f->target)
		bind_prefix(st, ":tlo", ":thi", f->target, scratch);
	if (f->actor)
		bind_prefix(st, ":alo", ":ahi", f->actor, scratch);
	bind_named(st, ":code", f->code);
	bind_named(st, ":root", f->root);
	bind_named(st, ":from", f->from);
	bind_named(st, ":to", f->to);
	bind_named(st, ":plover", f->plover);
	bind_named(st, ":place", f->place);
	if (f->text) {
		/* checked by the front end (store.c): it translates */
		char err[128];
		buf_clear(scratch);
		if (textq_translate(f->text, TEXTQ_FTS5, scratch, err, sizeof err) == 0) {
			int i = sqlite3_bind_parameter_index(st, ":text");
			if (i)
				sqlite3_bind_text(st, i, scratch->data, (int)scratch->len, SQLITE_TRANSIENT);
		}
	}
	int i = sqlite3_bind_parameter_index(st, ":quad");
	if (i)
		sqlite3_bind_int(st, i, f->quad);
}

/* STORE_OK when the database has its full-text index, else STORE_ERR
 * with a message that says how to build it. */
static int need_fts(store *s)
{
	int fts = has_fts(s);
	if (fts == 0)
		store_set_err(s, "%s: no full-text index (an older dyad made this database):"
			" ingest into it once to build it", s->name);
	return fts > 0 ? STORE_OK : STORE_ERR;
}

/* Appends the events query of f without ORDER BY and LIMIT. */
static long count_sql(store *s, const char *sql, size_t len, const store_filter *f,
		      const char *what);
static long sq_count_events(store *s, const store_filter *f);
static void events_sql(store *s, buf *sql, const store_filter *f);

/* The events query of f, ordered and limited (:limit, :offset). Events:
 * filtered, sorted and cut in a subquery over events alone, then joined
 * to their first mentions, so only the page's rows are joined; with
 * day_order, the subquery reads events in day order (events_day) and
 * stops at the page instead of sorting every match: far faster when the
 * filter matches a large share of the events. */
static void events_page_sql(store *s, buf *sql, const store_filter *f, int day_order)
{
	static const char order[] = " ORDER BY e.day, e.date, e.source, e.target, e.code, e.place";
	if (f->mentions) {
		events_sql(s, sql, f);
		buf_puts(sql, order);
		buf_puts(sql, ", e.mention_id LIMIT :limit OFFSET :offset");
		return;
	}
	buf_puts(sql,
		 "SELECT m.doc_id, m.sid, m.sent, e.date, e.date_precision, e.source,"
		 " e.target, e.code, e.root, e.quad, e.goldstein, e.plover,"
		 " m.source_text, m.verb_text, m.target_text, e.place, e.country,"
		 " e.lat, e.lon, e.num_mentions, e.num_sources, e.num_articles,"
		 " m.sentence, m.spans, e.day, e.event_id, ");
	buf_puts(sql, Q(s)->v2 ? "m.issues, m.admin1" : "NULL, NULL");
	buf_puts(sql, " FROM (SELECT * FROM events e");
	if (day_order)
		buf_puts(sql, " INDEXED BY events_day");
	where_filter(sql, f, 0, f->both, 0, 0);
	buf_puts(sql, order);
	buf_puts(sql, " LIMIT :limit OFFSET :offset) e JOIN mentions m ON m.mention_id = e.first_mention");
	buf_puts(sql, order);
}

static void events_sql(store *s, buf *sql, const store_filter *f)
{
	if (f->mentions) {
		buf_puts(sql,
			 "SELECT e.doc_id, e.sid, e.sent, e.date, e.date_precision, e.source,"
			 " e.target, e.code, e.root, e.quad, e.goldstein, e.plover,"
			 " e.source_text, e.verb_text, e.target_text, e.place, e.country,"
			 " e.lat, e.lon, v.num_mentions, v.num_sources, v.num_articles,"
			 " e.sentence, e.spans, e.day, e.mention_id, ");
		buf_puts(sql, Q(s)->v2 ? "e.issues, e.admin1" : "NULL, NULL");
		buf_puts(sql, " FROM mentions e JOIN events v ON " KEY_JOIN("v", "e"));
	} else {
		buf_puts(sql,
			 "SELECT m.doc_id, m.sid, m.sent, e.date, e.date_precision, e.source,"
			 " e.target, e.code, e.root, e.quad, e.goldstein, e.plover,"
			 " m.source_text, m.verb_text, m.target_text, e.place, e.country,"
			 " e.lat, e.lon, e.num_mentions, e.num_sources, e.num_articles,"
			 " m.sentence, m.spans, e.day, e.event_id, ");
		buf_puts(sql, Q(s)->v2 ? "m.issues, m.admin1" : "NULL, NULL");
		buf_puts(sql, " FROM events e JOIN mentions m ON m.mention_id = e.first_mention");
	}
	where_filter(sql, f, 0, f->both, 0, f->mentions);
}

/* Reads the columns every events query selects, in events_sql's order
 * (doc .. sentence, spans, day, id, issues, admin1), into r; strings
 * are borrowed from st until its next step. */
static void read_row(sqlite3_stmt *st, store_event_row *r)
{
	memset(r, 0, sizeof *r);
	r->doc = col_text(st, 0);
	r->sid = col_text(st, 1);
	r->sent = sqlite3_column_int(st, 2);
	r->date = col_text(st, 3);
	r->date_precision = col_text(st, 4);
	r->source = col_text(st, 5);
	r->target = col_text(st, 6);
	r->code = col_text(st, 7);
	r->root = col_text(st, 8);
	r->quad = sqlite3_column_int(st, 9);
	r->has_goldstein = sqlite3_column_type(st, 10) != SQLITE_NULL;
	r->goldstein = sqlite3_column_double(st, 10);
	r->plover = col_text(st, 11);
	r->source_text = col_text(st, 12);
	r->verb_text = col_text(st, 13);
	r->target_text = col_text(st, 14);
	r->place = col_text(st, 15);
	r->country = col_text(st, 16);
	r->has_latlon = sqlite3_column_type(st, 17) != SQLITE_NULL &&
			sqlite3_column_type(st, 18) != SQLITE_NULL;
	r->lat = sqlite3_column_double(st, 17);
	r->lon = sqlite3_column_double(st, 18);
	r->num_mentions = (long)sqlite3_column_int64(st, 19);
	r->num_sources = (long)sqlite3_column_int64(st, 20);
	r->num_articles = (long)sqlite3_column_int64(st, 21);
	r->sentence = col_text(st, 22);
	store_rel_spans(col_text(st, 23), r);
	r->day = col_text(st, 24);
	r->id = (long long)sqlite3_column_int64(st, 25);
	r->issues = col_text(st, 26);
	r->admin1 = col_text(st, 27);
}

static long sq_query_events(store *s, const store_filter *f, store_event_fn fn, void *ctx)
{
	buf sql = BUF_INIT, scratch = BUF_INIT;
	sqlite3_stmt *st = NULL;
	long n = 0;
	if (f->text && need_fts(s) < 0)
		return STORE_ERR;
	/* A page of the events of an actor or dyad that has many: read in
	 * day order rather than sorted (see events_page_sql). */
	int day_order = 0;
	if (!f->mentions && f->limit > 0 && !f->text && (f->source || f->target || f->actor)) {
		long many = sq_count_events(s, f);
		static const char max_id[] = "SELECT coalesce(max(event_id), 0) FROM events";
		long all = count_sql(s, max_id, sizeof max_id - 1, NULL, "counting events");
		if (many < 0 || all < 0)
			return STORE_ERR;
		day_order = many * 50 >= all && many > 0;
	}
	query_start(s);
	events_page_sql(s, &sql, f, day_order);
	if (sqlite3_prepare_v2(Q(s)->db, sql.data, (int)sql.len, &st, NULL) != SQLITE_OK) {
		n = db_err(s, "preparing the events query");
		goto out;
	}
	bind_filter(st, f, &scratch);
	sqlite3_bind_int64(st, sqlite3_bind_parameter_index(st, ":limit"),
			   f->limit > 0 ? (sqlite3_int64)f->limit : -1);
	sqlite3_bind_int64(st, sqlite3_bind_parameter_index(st, ":offset"),
			   f->offset > 0 ? (sqlite3_int64)f->offset : 0);
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		store_event_row r;
		read_row(st, &r);
		r.day = NULL; /* day and id: exports only */
		r.id = 0;
		fn(ctx, &r);
		n++;
	}
	if (rc != SQLITE_DONE)
		n = query_err(s, f->text ? "reading events (the full-text query)" : "reading events");
out:
	sqlite3_finalize(st);
	buf_free(&sql);
	buf_free(&scratch);
	return n;
}

/* Runs a one-row, one-integer query; the value, or STORE_ERR. */
static long count_sql(store *s, const char *sql, size_t len, const store_filter *f,
		      const char *what)
{
	sqlite3_stmt *st = NULL;
	buf scratch = BUF_INIT;
	long n;
	if (sqlite3_prepare_v2(Q(s)->db, sql, (int)len, &st, NULL) != SQLITE_OK) {
		n = db_err(s, what);
	} else {
		if (f)
			bind_filter(st, f, &scratch);
		if (sqlite3_step(st) == SQLITE_ROW)
			n = (long)sqlite3_column_int64(st, 0);
		else
			n = query_err(s, what);
	}
	sqlite3_finalize(st);
	buf_free(&scratch);
	return n;
}

/* The filter f as a key (every field, lengths first). */
static void filter_key(const store_filter *f, buf *out)
{
	const char *str[] = {f->source, f->target, f->actor, f->code, f->root, f->from, f->to,
			     f->plover, f->place, f->text};
	buf_clear(out);
	for (size_t i = 0; i < sizeof str / sizeof str[0]; i++) {
		if (str[i])
			buf_printf(out, "%zu:%s|", strlen(str[i]), str[i]);
		else
			buf_puts(out, "-|");
	}
	buf_printf(out, "%d|%d|%d|%d", f->quad, f->both, f->mentions, f->one_a_day);
}

/* The count of f when the last count was of the same filter, less than a
 * second ago (the page and the total of one request); it is used once. */
static long cached_count(store *s, const store_filter *f)
{
	sq *q = Q(s);
	if (!q->count_key.len || now_sec() - q->count_at > 1.0)
		return -1;
	buf key = BUF_INIT;
	filter_key(f, &key);
	long n = key.len == q->count_key.len && !memcmp(key.data, q->count_key.data, key.len)
			 ? q->count_val : -1;
	buf_free(&key);
	buf_clear(&q->count_key);
	return n;
}

static long sq_count_events(store *s, const store_filter *f)
{
	long cached = cached_count(s, f);
	if (cached >= 0)
		return cached;
	if (f->text && need_fts(s) < 0)
		return STORE_ERR;
	query_start(s);
	buf sql = BUF_INIT;
	if (f->mentions) {
		buf_puts(&sql, "SELECT count(*) FROM (");
		events_sql(s, &sql, f);
		buf_puts(&sql, ")");
	} else {
		/* events alone: the first mentions add nothing to a count */
		buf_puts(&sql, "SELECT count(*) FROM events e");
		where_filter(&sql, f, 0, f->both, 0, 0);
	}
	long n = count_sql(s, sql.data, sql.len, f, "counting events");
	buf_free(&sql);
	if (n >= 0 && !s->writable) {
		filter_key(f, &Q(s)->count_key);
		Q(s)->count_val = n;
		Q(s)->count_at = now_sec();
	}
	return n;
}

static int sq_totals(store *s, store_totals *t)
{
	static const char *const sql[3] = {
		"SELECT count(*) FROM documents", "SELECT count(*) FROM mentions",
		"SELECT count(*) FROM events"
	};
	long *out[3] = {&t->documents, &t->mentions, &t->events};
	query_start(s);
	for (int i = 0; i < 3; i++) {
		*out[i] = count_sql(s, sql[i], strlen(sql[i]), NULL, "counting what is stored");
		if (*out[i] < 0)
			return STORE_ERR;
	}
	return STORE_OK;
}

static long sq_query_actors(store *s, const char *prefix, long limit, store_actor_fn fn,
			    void *ctx)
{
	/* Actor codes are upper case (the coder writes them so), so the
	 * prefix is folded up and matched as a range on each side's
	 * covering index. */
	static const char sql[] =
		"SELECT code, sum(n) AS n FROM ("
		" SELECT source AS code, count(*) AS n FROM events"
		"  WHERE source >= :lo AND source < :hi GROUP BY source"
		" UNION ALL SELECT target, count(*) FROM events"
		"  WHERE target >= :lo AND target < :hi GROUP BY target"
		") GROUP BY code ORDER BY n DESC, code LIMIT :limit";
	sqlite3_stmt *st = NULL;
	buf up = BUF_INIT, scratch = BUF_INIT;
	long n = 0;
	query_start(s);
	for (const char *p = prefix ? prefix : ""; *p; p++)
		buf_putc(&up, *p >= 'a' && *p <= 'z' ? (char)(*p - 'a' + 'A') : *p);
	buf_putc(&up, '\0');
	if (sqlite3_prepare_v2(Q(s)->db, sql, -1, &st, NULL) != SQLITE_OK) {
		n = db_err(s, "preparing the actors query");
		goto out;
	}
	bind_prefix(st, ":lo", ":hi", up.data, &scratch);
	sqlite3_bind_int64(st, sqlite3_bind_parameter_index(st, ":limit"),
			   limit > 0 ? (sqlite3_int64)limit : -1);
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		store_actor_row r = {col_text(st, 0), (long)sqlite3_column_int64(st, 1)};
		fn(ctx, &r);
		n++;
	}
	if (rc != SQLITE_DONE)
		n = query_err(s, "reading actors");
out:
	sqlite3_finalize(st);
	buf_free(&up);
	buf_free(&scratch);
	return n;
}

/* A series: the matching events' (day, quad, goldstein, num_mentions)
 * read in index order and summed by period in C (series.c). */
static long sq_query_series(store *s, const store_filter *f, int both, store_period by,
			    store_series_fn fn, void *ctx)
{
	buf sql = BUF_INIT, scratch = BUF_INIT;
	sqlite3_stmt *st = NULL;
	long n = 0;
	if (f->text && need_fts(s) < 0)
		return STORE_ERR;
	query_start(s);
	static const char cols[] = "SELECT e.day, e.quad, e.goldstein, e.num_mentions FROM events e";
	buf_puts(&sql, cols);
	if (both && f->source && !f->target) {
		where_filter(&sql, f, 1, both, 1, 0);
		buf_puts(&sql, " UNION ALL ");
		buf_puts(&sql, cols);
		where_filter(&sql, f, 1, both, 2, 0);
	} else {
		where_filter(&sql, f, 1, both, 0, 0);
	}
	series_acc *acc = series_acc_new(by);
	if (sqlite3_prepare_v2(Q(s)->db, sql.data, (int)sql.len, &st, NULL) != SQLITE_OK) {
		n = db_err(s, "preparing the series query");
		goto out;
	}
	bind_filter(st, f, &scratch);
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW)
		series_acc_add(acc, col_text(st, 0), sqlite3_column_int(st, 1),
			       sqlite3_column_type(st, 2) != SQLITE_NULL, sqlite3_column_double(st, 2),
			       (long)sqlite3_column_int64(st, 3));
	if (rc != SQLITE_DONE)
		n = query_err(s, "reading the series");
	else
		n = series_acc_emit(acc, fn, ctx);
out:
	series_acc_free(acc);
	sqlite3_finalize(st);
	buf_free(&sql);
	buf_free(&scratch);
	return n;
}

/* ---- Exports ---- */

/* The columns of events_sql (read_row), then the document's url,
 * publisher and date; a mention is its own evidence. The issues and
 * division columns go in between (absent in a version-1 store). */
static const char export_events_sql[] =
	"SELECT m.doc_id, m.sid, m.sent, e.date, e.date_precision, e.source,"
	" e.target, e.code, e.root, e.quad, e.goldstein, e.plover,"
	" m.source_text, m.verb_text, m.target_text, e.place, e.country,"
	" e.lat, e.lon, e.num_mentions, e.num_sources, e.num_articles,"
	" m.sentence, m.spans, e.day, e.event_id, ";
static const char export_events_from[] =
	", d.url, d.source, d.date"
	" FROM events e JOIN mentions m ON m.mention_id = e.first_mention"
	" JOIN documents d ON d.doc_id = m.doc_id";
static const char export_order_sql[] =
	" ORDER BY e.day, e.date, e.source, e.target, e.code, e.place";

static const char export_mentions_sql[] =
	"SELECT m.doc_id, m.sid, m.sent, m.date, m.date_precision, m.source,"
	" m.target, m.code, m.root, m.quad, m.goldstein, m.plover,"
	" m.source_text, m.verb_text, m.target_text, m.place, m.country,"
	" m.lat, m.lon, 1, 1, 1, m.sentence, m.spans, m.day, m.mention_id, ";
static const char export_mentions_from[] =
	", d.url, d.source, d.date"
	" FROM mentions m JOIN documents d ON d.doc_id = m.doc_id"
	" ORDER BY m.mention_id";

static long sq_export(store *s, int mentions, int one_a_day, store_export_fn fn, void *ctx)
{
	sqlite3_stmt *st = NULL;
	buf sql = BUF_INIT;
	const char *issues = Q(s)->v2 ? "m.issues, m.admin1" : "NULL, NULL";
	if (mentions) {
		buf_puts(&sql, export_mentions_sql);
		buf_puts(&sql, issues);
		buf_puts(&sql, export_mentions_from);
	} else {
		buf_puts(&sql, export_events_sql);
		buf_puts(&sql, issues);
		buf_puts(&sql, export_events_from);
		if (one_a_day)
			buf_puts(&sql, " WHERE 1" ONE_A_DAY);
		buf_puts(&sql, export_order_sql);
	}
	int prc = sqlite3_prepare_v2(Q(s)->db, sql.data, (int)sql.len, &st, NULL);
	buf_free(&sql);
	if (prc != SQLITE_OK)
		return db_err(s, "preparing the export");
	query_start(s);
	long n = 0;
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		store_event_row x;
		read_row(st, &x);
		x.url = col_text(st, 28);
		x.publisher = col_text(st, 29);
		x.story_date = col_text(st, 30);
		n++;
		if (fn(ctx, &x)) {
			rc = SQLITE_DONE;
			break;
		}
	}
	if (rc != SQLITE_DONE)
		n = query_err(s, mentions ? "reading mentions" : "reading events");
	sqlite3_finalize(st);
	return n;
}

static const store_ops sq_ops = {
	.name = "sqlite",
	.close = sq_close,
	.begin = sq_begin,
	.commit = sq_commit,
	.rollback = sq_rollback,
	.doc_status = sq_doc_status,
	.doc_put = sq_doc_put,
	.mention_add = sq_mention_add,
	.doc_ids = sq_doc_ids,
	.doc_get = sq_doc_get,
	.doc_recode = sq_doc_recode,
	.recode_snapshot = sq_recode_snapshot,
	.recode_diff = sq_recode_diff,
	.query_events = sq_query_events,
	.count_events = sq_count_events,
	.totals = sq_totals,
	.query_actors = sq_query_actors,
	.query_series = sq_query_series,
	.export_rows = sq_export,
	.set_timeout = sq_set_timeout,
};

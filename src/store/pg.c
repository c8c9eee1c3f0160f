/*
 * pg.c - the store's PostgreSQL backend (libpq): the tables of the SQLite
 * backend in the database a postgresql:// URL names, so a team shares one
 * store. Same rows, same orders, same sums: text columns compare bytewise
 * (COLLATE "C", as SQLite's BINARY), NULLs sort first (as in SQLite), and
 * the keys that may be NULL (date, place) are joined through coalesce()
 * so that their indexes serve. Every value travels as a parameter ($n);
 * SQL text is only assembled from constant fragments.
 *
 * Concurrent writers: each batch is one transaction; a writer takes a
 * transaction-level advisory lock before it recomputes events, so two
 * writers never recompute the same key from different views.
 */
#include "pg.h"
#include "series.h"
#include "textq.h"

#include "util/xmalloc.h"

#include <libpq-fe.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- Schema ----
 * As in sqlite.c, plus: dyad_meta (key, value) holding the schema
 * version ('schema' = 2; 1 had no mentions.issues and .admin1), and
 * sentence (the 'simple' configuration: words lower-cased, no stemming,
 * like SQLite's FTS5 tokenizer) with a GIN index. events.first_mention
 * is checked at commit (DEFERRABLE): a batch deletes mentions before it
 * recomputes their events. */
static const char schema_sql[] =
	"SELECT pg_advisory_xact_lock(7411201);"
	"CREATE TABLE IF NOT EXISTS dyad_meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);"
	"INSERT INTO dyad_meta VALUES('schema', '2') ON CONFLICT (key) DO NOTHING;"
	"CREATE TABLE IF NOT EXISTS documents("
	" doc_id TEXT COLLATE \"C\" PRIMARY KEY, content_hash TEXT NOT NULL, date TEXT,"
	" source TEXT COLLATE \"C\", url TEXT, title TEXT, text TEXT NOT NULL);"
	"CREATE TABLE IF NOT EXISTS mentions("
	" mention_id BIGSERIAL PRIMARY KEY,"
	" doc_id TEXT COLLATE \"C\" NOT NULL REFERENCES documents(doc_id),"
	" sid TEXT, sent INTEGER, date TEXT COLLATE \"C\", date_precision TEXT,"
	" day TEXT COLLATE \"C\","
	" source TEXT COLLATE \"C\" NOT NULL, target TEXT COLLATE \"C\" NOT NULL,"
	" code TEXT COLLATE \"C\" NOT NULL, root TEXT COLLATE \"C\", quad INTEGER,"
	" goldstein DOUBLE PRECISION, plover TEXT COLLATE \"C\", place TEXT COLLATE \"C\","
	" country TEXT COLLATE \"C\", lat DOUBLE PRECISION, lon DOUBLE PRECISION,"
	" source_text TEXT, target_text TEXT, verb_text TEXT, spans TEXT, sentence TEXT,"
	" fts tsvector GENERATED ALWAYS AS (to_tsvector('simple', coalesce(sentence, ''))) STORED,"
	" issues TEXT, admin1 TEXT);"
	/* version 1 had neither */
	"ALTER TABLE mentions ADD COLUMN IF NOT EXISTS issues TEXT;"
	"ALTER TABLE mentions ADD COLUMN IF NOT EXISTS admin1 TEXT;"
	"UPDATE dyad_meta SET value = '2' WHERE key = 'schema' AND value = '1';"
	"CREATE INDEX IF NOT EXISTS mentions_doc ON mentions(doc_id);"
	"CREATE INDEX IF NOT EXISTS mentions_key ON mentions((coalesce(date, '')), source, target,"
	" code, (coalesce(place, '')));"
	"CREATE INDEX IF NOT EXISTS mentions_fts ON mentions USING gin(fts);"
	"CREATE TABLE IF NOT EXISTS events("
	" event_id BIGSERIAL PRIMARY KEY, date TEXT COLLATE \"C\", date_precision TEXT,"
	" day TEXT COLLATE \"C\","
	" source TEXT COLLATE \"C\" NOT NULL, target TEXT COLLATE \"C\" NOT NULL,"
	" code TEXT COLLATE \"C\" NOT NULL, root TEXT COLLATE \"C\", quad INTEGER,"
	" goldstein DOUBLE PRECISION, plover TEXT COLLATE \"C\", place TEXT COLLATE \"C\","
	" country TEXT COLLATE \"C\", lat DOUBLE PRECISION, lon DOUBLE PRECISION,"
	" num_mentions INTEGER NOT NULL, num_sources INTEGER NOT NULL,"
	" num_articles INTEGER NOT NULL,"
	" first_mention BIGINT NOT NULL REFERENCES mentions(mention_id)"
	"  DEFERRABLE INITIALLY DEFERRED);"
	"CREATE INDEX IF NOT EXISTS events_dyad ON events(source, target, day)"
	" INCLUDE (quad, goldstein, num_mentions);"
	"CREATE INDEX IF NOT EXISTS events_target ON events(target, day, source)"
	" INCLUDE (quad, goldstein, num_mentions);"
	"CREATE INDEX IF NOT EXISTS events_day ON events(day);"
	"CREATE INDEX IF NOT EXISTS events_key ON events((coalesce(date, '')), source, target,"
	" code, (coalesce(place, '')));";

/* The keys a batch touched (private to the connection). */
static const char temp_sql[] =
	"CREATE TEMP TABLE IF NOT EXISTS affected("
	" date TEXT COLLATE \"C\", source TEXT COLLATE \"C\", target TEXT COLLATE \"C\","
	" code TEXT COLLATE \"C\", place TEXT COLLATE \"C\");";

#define KEY_JOIN(m, a) \
	"coalesce(" m ".date, '') = coalesce(" a ".date, '') AND " m ".source = " a ".source AND " \
	m ".target = " a ".target AND " m ".code = " a ".code AND " \
	"coalesce(" m ".place, '') = coalesce(" a ".place, '')"

enum {
	PS_STATUS, PS_DROP_DOC, PS_PUT_DOC, PS_MAXID, PS_MARK_NEW, PS_LOCK,
	PS_DEL_EVENTS, PS_ADD_EVENTS, PS_CLEAR, PS_GET_DOC, PS_N
};

static const char *const ps_sql[PS_N] = {
	[PS_STATUS] = "SELECT content_hash FROM documents WHERE doc_id = $1",
	[PS_DROP_DOC] = "WITH d AS (DELETE FROM mentions WHERE doc_id = $1"
			" RETURNING date, source, target, code, place)"
			" INSERT INTO affected SELECT * FROM d",
	[PS_PUT_DOC] = "INSERT INTO documents(doc_id, content_hash, date, source, url, title, text)"
		       " VALUES($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (doc_id) DO UPDATE SET"
		       " content_hash = EXCLUDED.content_hash, date = EXCLUDED.date,"
		       " source = EXCLUDED.source, url = EXCLUDED.url, title = EXCLUDED.title,"
		       " text = EXCLUDED.text",
	/* mention ids come from a sequence: this batch's are all above the
	 * largest one committed when it began */
	[PS_MAXID] = "SELECT coalesce(max(mention_id), 0) FROM mentions",
	[PS_MARK_NEW] = "INSERT INTO affected SELECT date, source, target, code, place"
			" FROM mentions WHERE mention_id > $1",
	[PS_LOCK] = "SELECT pg_advisory_xact_lock(7411202)",
	[PS_DEL_EVENTS] = "DELETE FROM events e USING (SELECT DISTINCT * FROM affected) a WHERE "
			  KEY_JOIN("e", "a"),
	[PS_ADD_EVENTS] =
		"INSERT INTO events(date, date_precision, day, source, target, code,"
		" root, quad, goldstein, plover, place, country, lat, lon,"
		" num_mentions, num_sources, num_articles, first_mention)"
		" SELECT f.date, f.date_precision, f.day, f.source, f.target, f.code,"
		" f.root, f.quad, f.goldstein, f.plover, f.place, f.country, f.lat,"
		" f.lon, g.n, g.ns, g.na, g.first FROM"
		" (SELECT min(m.mention_id) AS first, count(*) AS n,"
		"  count(DISTINCT coalesce(d.source, '')) AS ns,"
		"  count(DISTINCT m.doc_id) AS na"
		"  FROM (SELECT DISTINCT * FROM affected) a"
		"  JOIN mentions m ON " KEY_JOIN("m", "a")
		"  JOIN documents d ON d.doc_id = m.doc_id"
		"  GROUP BY m.date, m.source, m.target, m.code, m.place) g"
		" JOIN mentions f ON f.mention_id = g.first",
	[PS_CLEAR] = "DELETE FROM affected",
	[PS_GET_DOC] = "SELECT date, source, url, title, text FROM documents WHERE doc_id = $1",
};

/* Mentions travel by COPY, many at a time, in this column order. */
static const char copy_sql[] =
	"COPY mentions(doc_id, sid, sent, date, date_precision, day, source, target, code,"
	" root, quad, goldstein, plover, place, country, lat, lon, source_text, target_text,"
	" verb_text, spans, sentence, issues, admin1) FROM STDIN";

/* The backend's state (store.impl). */
typedef struct pg {
	PGconn *conn;
	int prepared;            /* the ps_sql statements are prepared */
	buf copy;                /* mentions not yet sent (COPY text rows) */
	char batch_max[32];      /* max mention_id when the batch began */
} pg;

static PGconn *C(store *s)
{
	return ((pg *)s->impl)->conn;
}

/* ---- Errors and results ---- */

/* libpq's message without its trailing newline, and its SQLSTATE's
 * meaning for a time bound. */
static long res_err(store *s, PGresult *r, const char *what)
{
	const char *msg = r ? PQresultErrorMessage(r) : "";
	if (!msg || !*msg)
		msg = PQerrorMessage(C(s));
	const char *state = r ? PQresultErrorField(r, PG_DIAG_SQLSTATE) : NULL;
	if (state && !strcmp(state, "57014") && s->timeout_ms)
		s->timed_out = 1;
	size_t n = strlen(msg);
	while (n && (msg[n - 1] == '\n' || msg[n - 1] == ' '))
		n--;
	char *m = xmalloc(n + 1);
	memcpy(m, msg, n);
	m[n] = '\0';
	store_query_fail(s, what, m);
	free(m);
	if (r)
		PQclear(r);
	return STORE_ERR;
}

/* Runs sql (no parameters); STORE_OK when it succeeded. */
static int exec(store *s, const char *sql, const char *what)
{
	PGresult *r = PQexec(C(s), sql);
	ExecStatusType st = PQresultStatus(r);
	if (st != PGRES_COMMAND_OK && st != PGRES_TUPLES_OK)
		return (int)res_err(s, r, what);
	PQclear(r);
	return STORE_OK;
}

/* Runs prepared statement i with n text parameters (NULL = SQL NULL);
 * the result on success (the caller clears it), else NULL with the
 * error recorded. */
static PGresult *run(store *s, int i, int n, const char *const *v, const int *len,
		     const char *what)
{
	char name[16];
	snprintf(name, sizeof name, "dyad%d", i);
	PGresult *r = PQexecPrepared(C(s), name, n, v, len, NULL, 0);
	ExecStatusType st = PQresultStatus(r);
	if (st != PGRES_COMMAND_OK && st != PGRES_TUPLES_OK) {
		res_err(s, r, what);
		return NULL;
	}
	return r;
}

static int run_done(store *s, int i, int n, const char *const *v, const char *what)
{
	PGresult *r = run(s, i, n, v, NULL, what);
	if (!r)
		return STORE_ERR;
	PQclear(r);
	return STORE_OK;
}

/* Column j of row i: NULL when SQL NULL. */
static const char *val(const PGresult *r, int i, int j)
{
	return PQgetisnull(r, i, j) ? NULL : PQgetvalue(r, i, j);
}

static long num(const PGresult *r, int i, int j)
{
	const char *v = val(r, i, j);
	return v ? strtol(v, NULL, 10) : 0;
}

static double dbl(const PGresult *r, int i, int j)
{
	const char *v = val(r, i, j);
	return v ? strtod(v, NULL) : 0.0;
}

/* ---- Opening ---- */

static void quiet_notices(void *arg, const char *message)
{
	(void)arg;
	(void)message;
}

static const store_ops pg_ops;

static void pg_close(store *s)
{
	pg *p = s->impl;
	if (!p)
		return;
	PQfinish(p->conn);
	buf_free(&p->copy);
	free(p);
	s->impl = NULL;
}

/* The one-value answer of sql, copied into out (out_size bytes; "" for
 * NULL or no row). STORE_OK or STORE_ERR. */
static int one_value(store *s, const char *sql, char *out, size_t out_size)
{
	PGresult *r = PQexec(C(s), sql);
	if (PQresultStatus(r) != PGRES_TUPLES_OK)
		return (int)res_err(s, r, "reading the schema");
	snprintf(out, out_size, "%s", PQntuples(r) > 0 && !PQgetisnull(r, 0, 0) ? PQgetvalue(r, 0, 0) : "");
	PQclear(r);
	return STORE_OK;
}

/* Checks that the database holds a dyad store of a known version (or,
 * writable, none at all yet and no foreign tables of the same names). */
static int check_schema(store *s, char *err, size_t err_size)
{
	char meta[8], tables[8], version[32];
	if (one_value(s, "SELECT to_regclass('dyad_meta') IS NOT NULL", meta, sizeof meta) < 0 ||
	    one_value(s, "SELECT count(*) FROM (VALUES ('documents'), ('mentions'), ('events')) t(n)"
		      " WHERE to_regclass(t.n) IS NOT NULL", tables, sizeof tables) < 0)
		goto fail_msg;
	if (strcmp(meta, "t")) {
		if (strcmp(tables, "0")) {
			snprintf(err, err_size, "%s: not a dyad database (tables named documents, mentions"
				 " or events without dyad's dyad_meta)", s->name);
			return STORE_ERR;
		}
		if (s->must_exist) {
			snprintf(err, err_size, "%s: no dyad store in this database (create it with dyad ingest)",
				 s->name);
			return STORE_ERR;
		}
		return STORE_OK;
	}
	if (one_value(s, "SELECT value FROM dyad_meta WHERE key = 'schema'", version, sizeof version) < 0)
		goto fail_msg;
	if (atoi(version) > 2) {
		snprintf(err, err_size, "%s: schema version %s was written by a newer dyad (this one knows 2)",
			 s->name, version);
		return STORE_ERR;
	}
	if (atoi(version) < 2 && !s->writable) {
		snprintf(err, err_size, "%s: schema version %s was written by an older dyad: ingest into it"
			 " once (dyad ingest --db TARGET with no new documents) to bring it up to date",
			 s->name, version);
		return STORE_ERR;
	}
	return STORE_OK;
fail_msg:
	snprintf(err, err_size, "%s", store_error(s));
	return STORE_ERR;
}

/* The session settings every connection gets. */
static int configure(store *s)
{
	return exec(s, "SET client_min_messages = warning; SET datestyle = 'ISO';"
		    " SET extra_float_digits = 1", "configuring the session");
}

/* A reader's session: read-only transactions, the statement it reuses,
 * and its time bound. */
static int reader_session(store *s)
{
	if (exec(s, "SET default_transaction_read_only = on", "opening read-only") < 0)
		return STORE_ERR;
	char name[16];
	snprintf(name, sizeof name, "dyad%d", PS_GET_DOC);
	PGresult *r = PQprepare(C(s), name, ps_sql[PS_GET_DOC], 0, NULL);
	if (PQresultStatus(r) != PGRES_COMMAND_OK)
		return (int)res_err(s, r, "preparing a statement");
	PQclear(r);
	if (s->timeout_ms) {
		char sql[64];
		snprintf(sql, sizeof sql, "SET statement_timeout = %d", s->timeout_ms);
		return exec(s, sql, "setting the query time bound");
	}
	return STORE_OK;
}

/* A reader whose connection broke (the server restarted: its last query
 * failed) connects again before its next query; a writer does not (its
 * batch is gone, which its caller was told). */
static int alive(store *s)
{
	pg *p = s->impl;
	if (PQstatus(p->conn) == CONNECTION_OK)
		return STORE_OK;
	if (!s->writable) {
		PQreset(p->conn);
		if (PQstatus(p->conn) == CONNECTION_OK && configure(s) == STORE_OK &&
		    reader_session(s) == STORE_OK)
			return STORE_OK;
	}
	const char *m = PQerrorMessage(p->conn);
	size_t n = strlen(m);
	while (n && (m[n - 1] == '\n' || m[n - 1] == ' '))
		n--;
	store_set_err(s, "%s: the connection to PostgreSQL is lost: %.*s", s->name, (int)n, m);
	return STORE_ERR;
}

int store_pg_open(store *s, const char *url, char *err, size_t err_size)
{
	s->ops = &pg_ops;
	pg *p = xcalloc(1, sizeof *p);
	s->impl = p;
	p->conn = PQconnectdb(url);
	if (!p->conn || PQstatus(p->conn) != CONNECTION_OK) {
		const char *m = p->conn ? PQerrorMessage(p->conn) : "out of memory";
		size_t n = strlen(m);
		while (n && (m[n - 1] == '\n' || m[n - 1] == ' '))
			n--;
		/* libpq may quote the URL (and its password) in its message */
		const char *u = strstr(m, url);
		if (u && u < m + n)
			snprintf(err, err_size, "%s: cannot connect to PostgreSQL: %.*s%s%.*s", s->name,
				 (int)(u - m), m, s->name, (int)(n - (size_t)(u - m) - strlen(url)),
				 u + strlen(url));
		else
			snprintf(err, err_size, "%s: cannot connect to PostgreSQL: %.*s", s->name,
				 (int)n, m);
		goto fail;
	}
	PQsetNoticeProcessor(p->conn, quiet_notices, NULL);
	if (configure(s) < 0)
		goto fail_msg;
	if (check_schema(s, err, err_size) < 0)
		goto fail;
	if (s->writable) {
		if (exec(s, "BEGIN", "creating the schema") < 0)
			goto fail_msg;
		if (exec(s, schema_sql, "creating the schema") < 0 ||
		    exec(s, "COMMIT", "creating the schema") < 0) {
			PQclear(PQexec(p->conn, "ROLLBACK"));
			goto fail_msg;
		}
		if (exec(s, temp_sql, "creating the work table") < 0)
			goto fail_msg;
		for (int i = 0; i < PS_N; i++) {
			char name[16];
			snprintf(name, sizeof name, "dyad%d", i);
			PGresult *r = PQprepare(p->conn, name, ps_sql[i], 0, NULL);
			if (PQresultStatus(r) != PGRES_COMMAND_OK) {
				res_err(s, r, "preparing a statement");
				goto fail_msg;
			}
			PQclear(r);
		}
		p->prepared = 1;
	} else if (reader_session(s) < 0) {
		goto fail_msg;
	}
	return STORE_OK;
fail_msg:
	snprintf(err, err_size, "%s", store_error(s));
fail:
	if (err_size > 0)
		err[err_size - 1] = '\0';
	pg_close(s);
	return STORE_ERR;
}

static void pg_set_timeout(store *s, int ms)
{
	char sql[64];
	snprintf(sql, sizeof sql, "SET statement_timeout = %d", ms);
	if (exec(s, sql, "setting the query time bound") < 0)
		return;
}

/* ---- Ingest ---- */

static int pg_begin(store *s)
{
	if (alive(s) < 0)
		return STORE_ERR;
	pg *p = s->impl;
	if (exec(s, "BEGIN", "starting a batch") < 0)
		return STORE_ERR;
	PGresult *r = run(s, PS_MAXID, 0, NULL, NULL, "reading mention ids");
	if (!r || PQntuples(r) != 1) {
		if (r)
			PQclear(r);
		PQclear(PQexec(C(s), "ROLLBACK"));
		return STORE_ERR;
	}
	snprintf(p->batch_max, sizeof p->batch_max, "%s", PQgetvalue(r, 0, 0));
	PQclear(r);
	buf_clear(&p->copy);
	return STORE_OK;
}

static void pg_rollback(store *s)
{
	buf_clear(&((pg *)s->impl)->copy);
	PQclear(PQexec(C(s), "ROLLBACK"));
	PQclear(PQexec(C(s), "DELETE FROM affected"));
}

/* Sends the mentions held in the COPY buffer. */
static int flush_mentions(store *s)
{
	pg *p = s->impl;
	if (!p->copy.len)
		return STORE_OK;
	PGresult *r = PQexec(p->conn, copy_sql);
	if (PQresultStatus(r) != PGRES_COPY_IN)
		return (int)res_err(s, r, "storing mentions");
	PQclear(r);
	int ok = PQputCopyData(p->conn, p->copy.data, (int)p->copy.len) == 1;
	ok = PQputCopyEnd(p->conn, ok ? NULL : "dyad: the mentions could not be sent") == 1 && ok;
	buf_clear(&p->copy);
	int rc = ok ? STORE_OK : (int)res_err(s, NULL, "storing mentions");
	while ((r = PQgetResult(p->conn))) {
		if (PQresultStatus(r) != PGRES_COMMAND_OK && rc == STORE_OK)
			rc = (int)res_err(s, r, "storing mentions");
		else
			PQclear(r);
	}
	return rc;
}

static int pg_commit(store *s)
{
	pg *p = s->impl;
	const char *v[1] = {p->batch_max};
	if (flush_mentions(s) < 0 ||
	    run_done(s, PS_MARK_NEW, 1, v, "marking new mentions") < 0 ||
	    run_done(s, PS_LOCK, 0, NULL, "waiting for other writers") < 0 ||
	    run_done(s, PS_DEL_EVENTS, 0, NULL, "removing stale events") < 0 ||
	    run_done(s, PS_ADD_EVENTS, 0, NULL, "computing events") < 0 ||
	    run_done(s, PS_CLEAR, 0, NULL, "clearing marks") < 0 ||
	    exec(s, "COMMIT", "committing") < 0) {
		pg_rollback(s);
		return STORE_ERR;
	}
	return STORE_OK;
}

static int pg_doc_status(store *s, const char *id, const char *hash)
{
	if (!((pg *)s->impl)->prepared) {
		store_set_err(s, "%s: the store is open read-only", s->name);
		return STORE_ERR;
	}
	const char *v[1] = {id};
	PGresult *r = run(s, PS_STATUS, 1, v, NULL, "looking up a document");
	if (!r)
		return STORE_ERR;
	int res = STORE_DOC_NEW;
	if (PQntuples(r) > 0)
		res = !strcmp(PQgetvalue(r, 0, 0), hash) ? STORE_DOC_SAME : STORE_DOC_CHANGED;
	PQclear(r);
	return res;
}

/* Marks and deletes the mentions of document id (with this batch's,
 * sent first). */
static int drop_mentions(store *s, const char *id)
{
	const char *v[1] = {id};
	if (flush_mentions(s) < 0)
		return STORE_ERR;
	return run_done(s, PS_DROP_DOC, 1, v, "removing old mentions");
}

static int pg_doc_put(store *s, const store_docrow *d)
{
	if (drop_mentions(s, d->id) < 0)
		return STORE_ERR;
	/* libpq reads parameters up to a NUL: a copy ends the text */
	char *text = xmalloc(d->len + 1);
	memcpy(text, d->text, d->len);
	text[d->len] = '\0';
	const char *v[7] = {d->id, d->hash, d->date, d->source, d->url, d->title, text};
	int rc = run_done(s, PS_PUT_DOC, 7, v, "storing a document");
	free(text);
	return rc;
}

/* Appends one COPY text field: \N for NULL, else the value with
 * backslash, tab, newline and carriage return escaped; then sep. */
static void copy_field(buf *b, const char *v, char sep)
{
	if (!v) {
		buf_puts(b, "\\N");
	} else {
		for (; *v; v++) {
			switch (*v) {
			case '\\': buf_puts(b, "\\\\"); break;
			case '\t': buf_puts(b, "\\t"); break;
			case '\n': buf_puts(b, "\\n"); break;
			case '\r': buf_puts(b, "\\r"); break;
			default: buf_putc(b, *v);
			}
		}
	}
	buf_putc(b, sep);
}

/* Holds the mention for the next COPY (at 4 MB, a document replaced,
 * or the commit). */
static int pg_mention_add(store *s, const store_mention *m)
{
	pg *p = s->impl;
	char sent[16], quad[16], gold[32], lat[32], lon[32];
	snprintf(sent, sizeof sent, "%d", m->sent);
	snprintf(quad, sizeof quad, "%d", m->quad);
	snprintf(gold, sizeof gold, "%.17g", m->goldstein);
	snprintf(lat, sizeof lat, "%.17g", m->lat);
	snprintf(lon, sizeof lon, "%.17g", m->lon);
	int latlon = m->place && m->has_latlon;
	const char *v[24] = {
		m->doc_id, m->sid, sent, m->date, m->date_precision, m->day,
		m->source, m->target, m->code, m->root,
		m->root ? quad : NULL, m->root ? gold : NULL, m->root ? m->plover : NULL,
		m->place, m->place ? m->country : NULL, latlon ? lat : NULL, latlon ? lon : NULL,
		m->source_text, m->target_text, m->verb_text, m->spans, m->sentence, m->issues,
		m->place ? m->admin1 : NULL,
	};
	for (int i = 0; i < 24; i++)
		copy_field(&p->copy, v[i], i == 23 ? '\n' : '\t');
	return p->copy.len >= (4u << 20) ? flush_mentions(s) : STORE_OK;
}

/* ---- Recoding ---- */

static long pg_doc_ids(store *s, char ***ids)
{
	if (alive(s) < 0)
		return STORE_ERR;
	PGresult *r = PQexec(C(s), "SELECT doc_id FROM documents ORDER BY doc_id");
	if (PQresultStatus(r) != PGRES_TUPLES_OK)
		return res_err(s, r, "listing documents");
	int n = PQntuples(r);
	char **v = n ? xmalloc((size_t)n * sizeof *v) : NULL;
	for (int i = 0; i < n; i++)
		v[i] = xstrdup(PQgetvalue(r, i, 0));
	PQclear(r);
	*ids = v;
	return n;
}

static char *dup_or_null(const char *v)
{
	return v ? xstrdup(v) : NULL;
}

static int pg_doc_get(store *s, const char *id, doc *d)
{
	if (alive(s) < 0)
		return STORE_ERR;
	const char *v[1] = {id};
	PGresult *r = run(s, PS_GET_DOC, 1, v, NULL, "reading a document");
	if (!r)
		return STORE_ERR;
	if (PQntuples(r) == 0) {
		PQclear(r);
		store_set_err(s, "%s: no document %s", s->name, id);
		return STORE_ERR;
	}
	d->id = xstrdup(id);
	const char *date = val(r, 0, 0);
	if (date && doc_parse_date(date, strlen(date), &d->date) < 0)
		d->date = 0;
	d->source = dup_or_null(val(r, 0, 1));
	d->url = dup_or_null(val(r, 0, 2));
	d->title = dup_or_null(val(r, 0, 3));
	d->len = (size_t)PQgetlength(r, 0, 4);
	d->text = xmalloc(d->len + 1);
	memcpy(d->text, PQgetvalue(r, 0, 4), d->len);
	d->text[d->len] = '\0';
	PQclear(r);
	return STORE_OK;
}

static int pg_doc_recode(store *s, const char *id)
{
	return drop_mentions(s, id);
}

static int pg_recode_snapshot(store *s)
{
	return exec(s, "DROP TABLE IF EXISTS recode_old;"
		    "CREATE TEMP TABLE recode_old AS SELECT e.date, e.source, e.target, e.code,"
		    " e.place, e.root, e.num_mentions, e.num_sources, e.num_articles,"
		    " m.doc_id, m.sent FROM events e JOIN mentions m"
		    " ON m.mention_id = e.first_mention;"
		    "CREATE INDEX recode_old_key ON recode_old((coalesce(date, '')), source, target,"
		    " code, (coalesce(place, '')));",
		    "remembering the events");
}

static long pg_recode_diff(store *s, store_diff_fn fn, void *ctx)
{
	static const char sql[] =
		"SELECT coalesce(root, '') COLLATE \"C\" AS root, sum(a), sum(r), sum(c) FROM ("
		" SELECT n.root AS root, 1 AS a, 0 AS r, 0 AS c FROM events n WHERE NOT EXISTS"
		"  (SELECT 1 FROM recode_old o WHERE " KEY_JOIN("o", "n") ")"
		" UNION ALL SELECT o.root, 0, 1, 0 FROM recode_old o WHERE NOT EXISTS"
		"  (SELECT 1 FROM events n WHERE " KEY_JOIN("n", "o") ")"
		" UNION ALL SELECT n.root, 0, 0, 1 FROM events n"
		"  JOIN recode_old o ON " KEY_JOIN("o", "n")
		"  JOIN mentions m ON m.mention_id = n.first_mention"
		"  WHERE n.num_mentions != o.num_mentions OR n.num_sources != o.num_sources"
		"  OR n.num_articles != o.num_articles OR m.doc_id != o.doc_id"
		"  OR m.sent IS DISTINCT FROM o.sent"
		") t GROUP BY 1 ORDER BY 1";
	PGresult *r = PQexec(C(s), sql);
	if (PQresultStatus(r) != PGRES_TUPLES_OK)
		return res_err(s, r, "comparing the events (no snapshot?)");
	int n = PQntuples(r);
	for (int i = 0; i < n; i++) {
		store_diff_row d = {PQgetvalue(r, i, 0), num(r, i, 1), num(r, i, 2), num(r, i, 3)};
		fn(ctx, &d);
	}
	PQclear(r);
	return n;
}

/* ---- Queries ---- */

/* The parameters of a query being built: values (owned copies) and the
 * SQL that names them $1, $2, ... */
typedef struct params {
	char *v[32];
	int n;
} params;

/* Appends "$k" to sql for a new parameter with value v (copied). */
static void param(buf *sql, params *p, const char *v)
{
	if (p->n >= (int)(sizeof p->v / sizeof p->v[0]))
		abort(); /* the filters have fewer than 32 values */
	p->v[p->n++] = v ? xstrdup(v) : NULL;
	buf_printf(sql, "$%d", p->n);
}

static void params_free(params *p)
{
	for (int i = 0; i < p->n; i++)
		free(p->v[i]);
	p->n = 0;
}

/* Appends "(col >= $lo AND col < $hi)": the codes starting with v. */
static void prefix_in(buf *sql, params *p, const char *col, const char *v)
{
	buf hi = BUF_INIT;
	store_prefix_hi(&hi, v);
	buf_printf(sql, "(%s >= ", col);
	param(sql, p, v);
	buf_printf(sql, " AND %s < ", col);
	param(sql, p, hi.data);
	buf_puts(sql, ")");
	buf_free(&hi);
}

/* Phoenix's one-a-day filter on events e, as in sqlite.c. */
#define ONE_A_DAY \
	" AND NOT EXISTS (SELECT 1 FROM events o WHERE" \
	" coalesce(o.date, '') = coalesce(e.date, '') AND o.source = e.source AND" \
	" o.target = e.target AND o.code = e.code AND" \
	" (o.place < e.place OR (o.place IS NULL AND e.place IS NOT NULL)))"

/* Appends the WHERE conditions of f, as sqlite.c's where_filter: side 1
 * or 2 for the two halves of a one-actor, both-sides series. */
static void where_filter(buf *sql, params *p, const store_filter *f, int series, int both,
			 int side, int mentions)
{
	buf_puts(sql, " WHERE TRUE");
	if (side == 1) {
		buf_puts(sql, " AND ");
		prefix_in(sql, p, "e.source", f->source);
	} else if (side == 2) {
		buf_puts(sql, " AND ");
		prefix_in(sql, p, "e.target", f->source);
		buf_puts(sql, " AND NOT ");
		prefix_in(sql, p, "e.source", f->source);
	} else if (both && f->source && f->target) {
		buf_puts(sql, " AND ((");
		prefix_in(sql, p, "e.source", f->source);
		buf_puts(sql, " AND ");
		prefix_in(sql, p, "e.target", f->target);
		buf_puts(sql, ") OR (");
		prefix_in(sql, p, "e.source", f->target);
		buf_puts(sql, " AND ");
		prefix_in(sql, p, "e.target", f->source);
		buf_puts(sql, "))");
	} else if (both && f->source) {
		buf_puts(sql, " AND (");
		prefix_in(sql, p, "e.source", f->source);
		buf_puts(sql, " OR ");
		prefix_in(sql, p, "e.target", f->source);
		buf_puts(sql, ")");
	} else {
		if (f->source) {
			buf_puts(sql, " AND ");
			prefix_in(sql, p, "e.source", f->source);
		}
		if (f->target) {
			buf_puts(sql, " AND ");
			prefix_in(sql, p, "e.target", f->target);
		}
	}
	if (f->actor) {
		buf_puts(sql, " AND (");
		prefix_in(sql, p, "e.source", f->actor);
		buf_puts(sql, " OR ");
		prefix_in(sql, p, "e.target", f->actor);
		buf_puts(sql, ")");
	}
	if (f->code) {
		buf_puts(sql, " AND e.code = ");
		param(sql, p, f->code);
	}
	if (f->root) {
		buf_puts(sql, " AND e.root = ");
		param(sql, p, f->root);
	}
	if (f->quad) {
		char q[16];
		snprintf(q, sizeof q, "%d", f->quad);
		buf_puts(sql, " AND e.quad = ");
		param(sql, p, q);
	}
	if (f->plover) {
		/* lower() of a "C" column folds ASCII only, as SQLite's NOCASE */
		buf_puts(sql, " AND lower(e.plover) = lower(");
		param(sql, p, f->plover);
		buf_puts(sql, ")");
	}
	if (f->place) {
		buf_puts(sql, " AND (lower(e.place) = lower(");
		param(sql, p, f->place);
		buf_puts(sql, ") OR e.country = ");
		param(sql, p, f->place);
		buf_puts(sql, ")");
	}
	if (f->one_a_day && !mentions)
		buf_puts(sql, ONE_A_DAY);
	if (f->text) {
		/* checked by the front end (store.c): it translates */
		buf tq = BUF_INIT;
		char err[128];
		if (textq_translate(f->text, TEXTQ_TSQUERY, &tq, err, sizeof err) < 0)
			buf_puts(&tq, "''");
		buf_putc(&tq, '\0');
		if (mentions) {
			buf_puts(sql, " AND e.fts @@ to_tsquery('simple', ");
			param(sql, p, tq.data);
			buf_puts(sql, ")");
		} else {
			buf_puts(sql, " AND e.event_id IN (SELECT x.event_id FROM mentions mm"
				 " JOIN events x ON " KEY_JOIN("x", "mm")
				 " WHERE mm.fts @@ to_tsquery('simple', ");
			param(sql, p, tq.data);
			buf_puts(sql, "))");
		}
		buf_free(&tq);
	}
	if (f->from) {
		buf_puts(sql, " AND e.day >= ");
		param(sql, p, f->from);
	}
	if (f->to) {
		buf_puts(sql, " AND e.day <= ");
		param(sql, p, f->to);
	}
	if (series)
		buf_puts(sql, " AND e.day IS NOT NULL");
}

/* Sends sql with p's values in single-row mode; STORE_OK or STORE_ERR. */
static int send_rows(store *s, const buf *sql, const params *p, const char *what)
{
	if (!PQsendQueryParams(C(s), sql->data, p->n, NULL, (const char *const *)p->v, NULL, NULL, 0))
		return (int)res_err(s, NULL, what);
	if (!PQsetSingleRowMode(C(s))) {
		res_err(s, NULL, what);
		PGresult *r;
		while ((r = PQgetResult(C(s))))
			PQclear(r);
		return STORE_ERR;
	}
	return STORE_OK;
}

/* Reads the rest of a single-row-mode query after a stop or an error. */
static void drain(store *s, int cancel)
{
	if (cancel) {
		PGcancel *c = PQgetCancel(C(s));
		char e[256];
		if (c) {
			PQcancel(c, e, sizeof e);
			PQfreeCancel(c);
		}
	}
	PGresult *r;
	while ((r = PQgetResult(C(s))))
		PQclear(r);
}

/* Fills an event row from the columns of the events query (as sqlite.c's
 * events_sql orders them). */
static void event_row(const PGresult *r, store_event_row *e)
{
	memset(e, 0, sizeof *e);
	e->doc = val(r, 0, 0);
	e->sid = val(r, 0, 1);
	e->sent = (int)num(r, 0, 2);
	e->date = val(r, 0, 3);
	e->date_precision = val(r, 0, 4);
	e->source = val(r, 0, 5);
	e->target = val(r, 0, 6);
	e->code = val(r, 0, 7);
	e->root = val(r, 0, 8);
	e->quad = (int)num(r, 0, 9);
	e->has_goldstein = val(r, 0, 10) != NULL;
	e->goldstein = dbl(r, 0, 10);
	e->plover = val(r, 0, 11);
	e->source_text = val(r, 0, 12);
	e->verb_text = val(r, 0, 13);
	e->target_text = val(r, 0, 14);
	e->place = val(r, 0, 15);
	e->country = val(r, 0, 16);
	e->has_latlon = val(r, 0, 17) != NULL && val(r, 0, 18) != NULL;
	e->lat = dbl(r, 0, 17);
	e->lon = dbl(r, 0, 18);
	e->num_mentions = num(r, 0, 19);
	e->num_sources = num(r, 0, 20);
	e->num_articles = num(r, 0, 21);
	e->sentence = val(r, 0, 22);
	store_rel_spans(val(r, 0, 23), e);
	e->day = val(r, 0, 24);
	e->issues = val(r, 0, 26);
	e->admin1 = val(r, 0, 27);
}

static void events_sql(buf *sql, params *p, const store_filter *f)
{
	if (f->mentions)
		buf_puts(sql,
			 "SELECT e.doc_id, e.sid, e.sent, e.date, e.date_precision, e.source,"
			 " e.target, e.code, e.root, e.quad, e.goldstein, e.plover,"
			 " e.source_text, e.verb_text, e.target_text, e.place, e.country,"
			 " e.lat, e.lon, v.num_mentions, v.num_sources, v.num_articles,"
			 " e.sentence, e.spans, e.day, e.mention_id, e.issues, e.admin1"
			 " FROM mentions e JOIN events v ON " KEY_JOIN("v", "e"));
	else
		buf_puts(sql,
			 "SELECT m.doc_id, m.sid, m.sent, e.date, e.date_precision, e.source,"
			 " e.target, e.code, e.root, e.quad, e.goldstein, e.plover,"
			 " m.source_text, m.verb_text, m.target_text, e.place, e.country,"
			 " e.lat, e.lon, e.num_mentions, e.num_sources, e.num_articles,"
			 " m.sentence, m.spans, e.day, e.event_id, m.issues, m.admin1"
			 " FROM events e JOIN mentions m ON m.mention_id = e.first_mention");
	where_filter(sql, p, f, 0, f->both, 0, f->mentions);
}

/* Streams the rows of sql through row_fn (which returns nonzero to stop).
 * Returns the number of rows, or STORE_ERR. */
/* 1 when a reader's query failed because its connection broke, and
 * connecting again worked: the query may be tried once more. */
static int reconnected(store *s)
{
	return !s->writable && PQstatus(C(s)) == CONNECTION_BAD && alive(s) == STORE_OK;
}

static long stream_once(store *s, const buf *sql, const params *p, const char *what,
			int (*row_fn)(void *ctx, const PGresult *r), void *ctx);

/* Streams the rows of sql through row_fn; a reader whose connection
 * broke before the first row connects again and tries once more. */
static long stream(store *s, const buf *sql, const params *p, const char *what,
		   int (*row_fn)(void *ctx, const PGresult *r), void *ctx)
{
	long n = stream_once(s, sql, p, what, row_fn, ctx);
	if (n == STORE_ERR && reconnected(s))
		n = stream_once(s, sql, p, what, row_fn, ctx);
	return n < 0 ? STORE_ERR : n;
}

static long stream_once(store *s, const buf *sql, const params *p, const char *what,
			int (*row_fn)(void *ctx, const PGresult *r), void *ctx)
{
	if (send_rows(s, sql, p, what) < 0)
		return STORE_ERR;
	long n = 0;
	PGresult *r;
	while ((r = PQgetResult(C(s)))) {
		ExecStatusType st = PQresultStatus(r);
		if (st == PGRES_SINGLE_TUPLE) {
			n++;
			int stop = row_fn(ctx, r);
			PQclear(r);
			if (stop) {
				drain(s, 1);
				return n;
			}
		} else if (st == PGRES_TUPLES_OK) {
			PQclear(r);
		} else {
			res_err(s, r, what);
			drain(s, 0);
			/* rows already given cannot be taken back: no retry */
			return n ? (long)-2 : STORE_ERR;
		}
	}
	return n;
}

typedef struct ev_cb {
	store_event_fn fn;
	void *ctx;
} ev_cb;

static int event_cb(void *ctx, const PGresult *r)
{
	ev_cb *c = ctx;
	store_event_row e;
	event_row(r, &e);
	e.day = NULL; /* as the SQLite backend: set by exports only */
	c->fn(c->ctx, &e);
	return 0;
}

static long pg_query_events(store *s, const store_filter *f, store_event_fn fn, void *ctx)
{
	if (alive(s) < 0)
		return STORE_ERR;
	buf sql = BUF_INIT;
	params p = {0};
	char lim[32], off[32];
	events_sql(&sql, &p, f);
	buf_puts(&sql, " ORDER BY e.day NULLS FIRST, e.date NULLS FIRST, e.source, e.target, e.code,"
		 " e.place NULLS FIRST");
	buf_puts(&sql, f->mentions ? ", e.mention_id" : "");
	buf_puts(&sql, " LIMIT ");
	snprintf(lim, sizeof lim, "%ld", f->limit);
	param(&sql, &p, f->limit > 0 ? lim : NULL);
	buf_puts(&sql, " OFFSET ");
	snprintf(off, sizeof off, "%ld", f->offset > 0 ? f->offset : 0);
	param(&sql, &p, off);
	ev_cb c = {fn, ctx};
	long n = stream(s, &sql, &p, f->text ? "reading events (the full-text query)" : "reading events",
			event_cb, &c);
	params_free(&p);
	buf_free(&sql);
	return n;
}

/* Runs a one-row, one-integer query; the value, or STORE_ERR. */
static long count_sql(store *s, const buf *sql, const params *p, const char *what)
{
	PGresult *r = PQexecParams(C(s), sql->data, p->n, NULL, (const char *const *)p->v, NULL,
				   NULL, 0);
	if (PQresultStatus(r) != PGRES_TUPLES_OK && reconnected(s)) {
		PQclear(r);
		r = PQexecParams(C(s), sql->data, p->n, NULL, (const char *const *)p->v, NULL,
				 NULL, 0);
	}
	if (PQresultStatus(r) != PGRES_TUPLES_OK || PQntuples(r) != 1)
		return res_err(s, r, what);
	long n = num(r, 0, 0);
	PQclear(r);
	return n;
}

static long pg_count_events(store *s, const store_filter *f)
{
	if (alive(s) < 0)
		return STORE_ERR;
	buf sql = BUF_INIT;
	params p = {0};
	buf_puts(&sql, "SELECT count(*) FROM (");
	events_sql(&sql, &p, f);
	buf_puts(&sql, ") t");
	long n = count_sql(s, &sql, &p, "counting events");
	params_free(&p);
	buf_free(&sql);
	return n;
}

static int pg_totals(store *s, store_totals *t)
{
	if (alive(s) < 0)
		return STORE_ERR;
	static const char sql[] = "SELECT (SELECT count(*) FROM documents),"
				  " (SELECT count(*) FROM mentions), (SELECT count(*) FROM events)";
	PGresult *r = PQexec(C(s), sql);
	if (PQresultStatus(r) != PGRES_TUPLES_OK && reconnected(s)) {
		PQclear(r);
		r = PQexec(C(s), sql);
	}
	if (PQresultStatus(r) != PGRES_TUPLES_OK || PQntuples(r) != 1)
		return (int)res_err(s, r, "counting what is stored");
	t->documents = num(r, 0, 0);
	t->mentions = num(r, 0, 1);
	t->events = num(r, 0, 2);
	PQclear(r);
	return STORE_OK;
}

typedef struct actor_cb {
	store_actor_fn fn;
	void *ctx;
} actor_cb;

static int actor_row(void *ctx, const PGresult *r)
{
	actor_cb *c = ctx;
	store_actor_row a = {val(r, 0, 0), num(r, 0, 1)};
	c->fn(c->ctx, &a);
	return 0;
}

static long pg_query_actors(store *s, const char *prefix, long limit, store_actor_fn fn,
			    void *ctx)
{
	if (alive(s) < 0)
		return STORE_ERR;
	buf sql = BUF_INIT, up = BUF_INIT;
	params p = {0};
	char lim[32];
	for (const char *c = prefix; *c; c++)
		buf_putc(&up, *c >= 'a' && *c <= 'z' ? (char)(*c - 'a' + 'A') : *c);
	buf_putc(&up, '\0');
	buf_puts(&sql, "SELECT code, sum(n) AS n FROM (SELECT e.source AS code, count(*) AS n"
		 " FROM events e WHERE ");
	prefix_in(&sql, &p, "e.source", up.data);
	buf_puts(&sql, " GROUP BY e.source UNION ALL SELECT e.target, count(*) FROM events e WHERE ");
	prefix_in(&sql, &p, "e.target", up.data);
	buf_puts(&sql, " GROUP BY e.target) t GROUP BY code ORDER BY n DESC, code COLLATE \"C\""
		 " LIMIT ");
	snprintf(lim, sizeof lim, "%ld", limit);
	param(&sql, &p, limit > 0 ? lim : NULL);
	actor_cb c = {fn, ctx};
	long n = stream(s, &sql, &p, "reading actors", actor_row, &c);
	params_free(&p);
	buf_free(&sql);
	buf_free(&up);
	return n;
}

static int series_row(void *ctx, const PGresult *r)
{
	series_acc_add(ctx, val(r, 0, 0), (int)num(r, 0, 1), val(r, 0, 2) != NULL, dbl(r, 0, 2),
		       num(r, 0, 3));
	return 0;
}

/* A series: the matching events' (day, quad, goldstein, num_mentions)
 * streamed and summed by period in C, as the SQLite backend does. */
static long pg_query_series(store *s, const store_filter *f, int both, store_period by,
			    store_series_fn fn, void *ctx)
{
	if (alive(s) < 0)
		return STORE_ERR;
	buf sql = BUF_INIT;
	params p = {0};
	static const char cols[] = "SELECT e.day, e.quad, e.goldstein, e.num_mentions FROM events e";
	buf_puts(&sql, cols);
	if (both && f->source && !f->target) {
		where_filter(&sql, &p, f, 1, both, 1, 0);
		buf_puts(&sql, " UNION ALL ");
		buf_puts(&sql, cols);
		where_filter(&sql, &p, f, 1, both, 2, 0);
	} else {
		where_filter(&sql, &p, f, 1, both, 0, 0);
	}
	series_acc *acc = series_acc_new(by);
	long n = stream(s, &sql, &p, "reading the series", series_row, acc);
	if (n >= 0)
		n = series_acc_emit(acc, fn, ctx);
	series_acc_free(acc);
	params_free(&p);
	buf_free(&sql);
	return n;
}

/* ---- Exports ---- */

static const char export_events_sql[] =
	"SELECT m.doc_id, m.sid, m.sent, e.date, e.date_precision, e.source,"
	" e.target, e.code, e.root, e.quad, e.goldstein, e.plover,"
	" m.source_text, m.verb_text, m.target_text, e.place, e.country,"
	" e.lat, e.lon, e.num_mentions, e.num_sources, e.num_articles,"
	" m.sentence, m.spans, e.day, e.event_id, m.issues, m.admin1, d.url, d.source, d.date"
	" FROM events e JOIN mentions m ON m.mention_id = e.first_mention"
	" JOIN documents d ON d.doc_id = m.doc_id";
static const char export_order_sql[] =
	" ORDER BY e.day NULLS FIRST, e.date NULLS FIRST, e.source, e.target, e.code,"
	" e.place NULLS FIRST";

static const char export_mentions_sql[] =
	"SELECT m.doc_id, m.sid, m.sent, m.date, m.date_precision, m.source,"
	" m.target, m.code, m.root, m.quad, m.goldstein, m.plover,"
	" m.source_text, m.verb_text, m.target_text, m.place, m.country,"
	" m.lat, m.lon, 1, 1, 1, m.sentence, m.spans, m.day, m.mention_id,"
	" m.issues, m.admin1, d.url, d.source, d.date"
	" FROM mentions m JOIN documents d ON d.doc_id = m.doc_id"
	" ORDER BY m.mention_id";

typedef struct export_cb {
	store_export_fn fn;
	void *ctx;
} export_cb;

static int export_row_cb(void *ctx, const PGresult *r)
{
	export_cb *c = ctx;
	store_event_row e;
	event_row(r, &e);
	e.id = (long long)strtoll(PQgetvalue(r, 0, 25), NULL, 10);
	e.url = val(r, 0, 28);
	e.publisher = val(r, 0, 29);
	e.story_date = val(r, 0, 30);
	return c->fn(c->ctx, &e);
}

static long pg_export(store *s, int mentions, int one_a_day, store_export_fn fn, void *ctx)
{
	if (alive(s) < 0)
		return STORE_ERR;
	buf sql = BUF_INIT;
	params p = {0};
	if (mentions) {
		buf_puts(&sql, export_mentions_sql);
	} else {
		buf_puts(&sql, export_events_sql);
		if (one_a_day)
			buf_puts(&sql, " WHERE TRUE" ONE_A_DAY);
		buf_puts(&sql, export_order_sql);
	}
	export_cb c = {fn, ctx};
	long n = stream(s, &sql, &p, mentions ? "reading mentions" : "reading events",
			export_row_cb, &c);
	buf_free(&sql);
	return n;
}

static const store_ops pg_ops = {
	.name = "postgresql",
	.close = pg_close,
	.begin = pg_begin,
	.commit = pg_commit,
	.rollback = pg_rollback,
	.doc_status = pg_doc_status,
	.doc_put = pg_doc_put,
	.mention_add = pg_mention_add,
	.doc_ids = pg_doc_ids,
	.doc_get = pg_doc_get,
	.doc_recode = pg_doc_recode,
	.recode_snapshot = pg_recode_snapshot,
	.recode_diff = pg_recode_diff,
	.query_events = pg_query_events,
	.count_events = pg_count_events,
	.totals = pg_totals,
	.query_actors = pg_query_actors,
	.query_series = pg_query_series,
	.export_rows = pg_export,
	.set_timeout = pg_set_timeout,
};

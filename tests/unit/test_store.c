/*
 * test_store.c - the SQLite event store on hand-made documents and events
 * in a temporary database: idempotence, replacement, dedup counts, prefix
 * filters, series periods (ISO weeks), uncommitted batches, and recoding
 * (documents read back, the report by root code, the full-text index).
 */
#include <criterion/criterion.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "store/store.h"

static char dir[64];
static char path[96];

static void setup(void)
{
	snprintf(dir, sizeof dir, "/tmp/dyad-store-XXXXXX");
	cr_assert_not_null(mkdtemp(dir));
	snprintf(path, sizeof path, "%s/t.db", dir);
}

static void teardown(void)
{
	char p[128];
	const char *sfx[] = {"", "-wal", "-shm"};
	for (int i = 0; i < 3; i++) {
		snprintf(p, sizeof p, "%s%s", path, sfx[i]);
		unlink(p);
	}
	rmdir(dir);
}

static doc mkdoc(const char *id, const char *text, const char *publisher, int32_t date)
{
	doc d;
	memset(&d, 0, sizeof d);
	d.id = (char *)id;
	d.text = (char *)text;
	d.len = strlen(text);
	d.source = (char *)publisher;
	d.date = date;
	return d;
}

static ev_event mkev(const char *docid, const char *source, const char *target,
		     const char *code, int32_t date, ev_precision p)
{
	ev_event e;
	memset(&e, 0, sizeof e);
	e.doc = docid;
	e.sid = "x-0";
	e.source = source;
	e.target = target;
	e.code = code;
	e.date = date;
	e.date_precision = p;
	e.source_span = e.target_span = e.verb_span = (ev_span){-1, -1};
	e.sentence = (ev_span){0, 10};
	e.sentence_text = "A sentence.";
	return e;
}

/* Stores document d with the given events in one batch. */
static void put(store *s, const doc *d, const ev_event *evs, int n)
{
	char h[17];
	store_doc_hash(d, h);
	cr_assert_eq(store_begin(s), 0, "%s", store_error(s));
	cr_assert_eq(store_doc_put(s, d, h), 0, "%s", store_error(s));
	for (int i = 0; i < n; i++)
		cr_assert_eq(store_mention_add(s, d->id, &evs[i]), 0, "%s", store_error(s));
	cr_assert_eq(store_commit(s), 0, "%s", store_error(s));
}

typedef struct rows {
	int n;
	store_event_row r[8];
	char doc[8][16];
	char source[8][16];
	char admin1[8][32];
	store_series_row sr[8];
	char period[8][16];
} rows;

static void grab_event(void *ctx, const store_event_row *r)
{
	rows *rs = ctx;
	if (rs->n < 8) {
		rs->r[rs->n] = *r;
		snprintf(rs->doc[rs->n], 16, "%s", r->doc);
		rs->r[rs->n].doc = rs->doc[rs->n];
		snprintf(rs->source[rs->n], 16, "%s", r->source);
		rs->r[rs->n].source = rs->source[rs->n];
		snprintf(rs->admin1[rs->n], 32, "%s", r->admin1 ? r->admin1 : "(null)");
		rs->r[rs->n].admin1 = rs->admin1[rs->n];
	}
	rs->n++;
}

static void grab_series(void *ctx, const store_series_row *r)
{
	rows *rs = ctx;
	if (rs->n < 8) {
		rs->sr[rs->n] = *r;
		snprintf(rs->period[rs->n], 16, "%s", r->period);
		rs->sr[rs->n].period = rs->period[rs->n];
	}
	rs->n++;
}

TestSuite(store, .init = setup, .fini = teardown);

Test(store, missing_database_is_an_error_for_queries)
{
	char err[256];
	cr_assert_null(store_open(path, 0, err, sizeof err));
	cr_assert(strstr(err, "no such database"), "%s", err);
	cr_assert(strstr(err, path), "%s", err);
	cr_assert_null(store_open("/nonexistent-dir-dyad/x.db", 1, err, sizeof err));
	cr_assert(strstr(err, "does not exist"), "%s", err);
	store_close(NULL);
}

Test(store, hash_depends_on_content)
{
	doc a = mkdoc("a", "Valoria condemned Kestria.", NULL, 20140304);
	doc b = mkdoc("a", "Valoria condemned Kestria!", NULL, 20140304);
	doc c = mkdoc("a", "Valoria condemned Kestria.", NULL, 20140305);
	char ha[17], hb[17], hc[17], ha2[17];
	store_doc_hash(&a, ha);
	store_doc_hash(&a, ha2);
	store_doc_hash(&b, hb);
	store_doc_hash(&c, hc);
	cr_assert_eq(strlen(ha), 16);
	cr_assert_str_eq(ha, ha2);
	cr_assert_str_neq(ha, hb);
	cr_assert_str_neq(ha, hc);
}

Test(store, dedup_counts_and_replacement)
{
	char err[256];
	store *s = store_open(path, 1, err, sizeof err);
	cr_assert_not_null(s, "%s", err);
	doc a = mkdoc("a", "text a", "P1", 20140304);
	doc b = mkdoc("b", "text b", "P2", 20140304);
	ev_event ea[2] = {mkev("a", "VALGOV", "KES", "122", 20140304, EV_DATE_DAY),
			  mkev("a", "VALGOV", "KES", "122", 20140304, EV_DATE_DAY)};
	ev_event eb[1] = {mkev("b", "VALGOV", "KES", "122", 20140304, EV_DATE_DAY)};
	char h[17];
	store_doc_hash(&a, h);
	cr_assert_eq(store_doc_status(s, "a", h), STORE_DOC_NEW);
	put(s, &a, ea, 2);
	put(s, &b, eb, 1);
	cr_assert_eq(store_doc_status(s, "a", h), STORE_DOC_SAME);
	cr_assert_eq(store_doc_status(s, "a", "0000000000000000"), STORE_DOC_CHANGED);

	store_filter f = {.source = "VAL"};
	rows rs = {0};
	cr_assert_eq(store_query_events(s, &f, grab_event, &rs), 1);
	cr_assert_eq(rs.r[0].num_mentions, 3);
	cr_assert_eq(rs.r[0].num_articles, 2);
	cr_assert_eq(rs.r[0].num_sources, 2);
	cr_assert_str_eq(rs.r[0].doc, "a");
	cr_assert(rs.r[0].has_goldstein);
	cr_assert_float_eq(rs.r[0].goldstein, -4.0, 1e-12);

	/* a changes: no events any more; b's mention is the evidence. */
	doc a2 = mkdoc("a", "text a, changed", "P1", 20140304);
	put(s, &a2, NULL, 0);
	memset(&rs, 0, sizeof rs);
	cr_assert_eq(store_query_events(s, &f, grab_event, &rs), 1);
	cr_assert_eq(rs.r[0].num_mentions, 1);
	cr_assert_eq(rs.r[0].num_articles, 1);
	cr_assert_str_eq(rs.r[0].doc, "b");

	/* A prefix that is not one of the codes matches nothing. */
	store_filter g = {.source = "VALX"};
	cr_assert_eq(store_query_events(s, &g, grab_event, &rs), 0);
	store_close(s);
}

Test(store, series_by_month_and_iso_week)
{
	char err[256];
	store *s = store_open(path, 1, err, sizeof err);
	cr_assert_not_null(s, "%s", err);
	doc a = mkdoc("a", "text a", NULL, 20140304);
	ev_event ea[5] = {
		mkev("a", "VAL", "KES", "122", 20140304, EV_DATE_DAY),
		mkev("a", "VAL", "KES", "040", 20140320, EV_DATE_DAY),
		mkev("a", "VAL", "KES", "071", 20140500, EV_DATE_MONTH),
		mkev("a", "VAL", "KES", "040", 20141229, EV_DATE_DAY),
		mkev("a", "VAL", "KES", "040", 20160103, EV_DATE_DAY),
	};
	put(s, &a, ea, 5);
	store_filter f = {.source = "VAL", .target = "KES", .to = "2014-12-31"};
	rows rs = {0};
	cr_assert_eq(store_query_series(s, &f, 0, STORE_BY_MONTH, grab_series, &rs), 3);
	cr_assert_str_eq(rs.sr[0].period, "2014-03");
	cr_assert_eq(rs.sr[0].events, 2);
	cr_assert_float_eq(rs.sr[0].goldstein_sum, -3.0, 1e-12);
	cr_assert_float_eq(rs.sr[0].goldstein_mean, -1.5, 1e-12);
	cr_assert_eq(rs.sr[0].q[0], 1);
	cr_assert_eq(rs.sr[0].q[2], 1);
	cr_assert_str_eq(rs.sr[1].period, "2014-05"); /* a month-precision date */
	cr_assert_float_eq(rs.sr[1].goldstein_sum, 7.4, 1e-12);
	cr_assert_eq(rs.sr[1].q[1], 1);
	cr_assert_str_eq(rs.sr[2].period, "2014-12");

	/* ISO weeks: Monday 2014-12-29 opens 2015-W01; Sunday 2016-01-03
	 * closes 2015-W53. */
	store_filter g = {.source = "VAL", .from = "2014-12-01"};
	memset(&rs, 0, sizeof rs);
	cr_assert_eq(store_query_series(s, &g, 0, STORE_BY_WEEK, grab_series, &rs), 2);
	cr_assert_str_eq(rs.sr[0].period, "2015-W01");
	cr_assert_str_eq(rs.sr[1].period, "2015-W53");
	memset(&rs, 0, sizeof rs);
	cr_assert_eq(store_query_series(s, &g, 0, STORE_BY_YEAR, grab_series, &rs), 2);
	cr_assert_str_eq(rs.sr[0].period, "2014");
	cr_assert_str_eq(rs.sr[1].period, "2016");
	/* Reversed dyad, one direction: nothing; both directions: all. */
	store_filter r = {.source = "KES", .target = "VAL"};
	memset(&rs, 0, sizeof rs);
	cr_assert_eq(store_query_series(s, &r, 0, STORE_BY_YEAR, grab_series, &rs), 0);
	cr_assert_eq(store_query_series(s, &r, 1, STORE_BY_YEAR, grab_series, &rs), 2);
	store_close(s);
}

Test(store, uncommitted_batch_is_rolled_back)
{
	char err[256];
	store *s = store_open(path, 1, err, sizeof err);
	cr_assert_not_null(s, "%s", err);
	doc a = mkdoc("a", "text a", NULL, 20140304);
	ev_event ea[1] = {mkev("a", "VAL", "KES", "122", 20140304, EV_DATE_DAY)};
	char h[17];
	store_doc_hash(&a, h);
	cr_assert_eq(store_begin(s), 0);
	cr_assert_eq(store_doc_put(s, &a, h), 0);
	cr_assert_eq(store_mention_add(s, "a", &ea[0]), 0);
	store_close(s);
	s = store_open(path, 0, err, sizeof err);
	cr_assert_not_null(s, "%s", err);
	store_filter f = {0};
	rows rs = {0};
	cr_assert_eq(store_query_events(s, &f, grab_event, &rs), 0);
	store_close(s);
	s = store_open(path, 1, err, sizeof err);
	cr_assert_eq(store_doc_status(s, "a", h), STORE_DOC_NEW);
	/* Ingest calls outside a batch are refused. */
	cr_assert_eq(store_doc_put(s, &a, h), STORE_ERR);
	cr_assert(strstr(store_error(s), "outside a batch"));
	store_close(s);
}

Test(store, not_a_database)
{
	FILE *fp = fopen(path, "w");
	cr_assert_not_null(fp);
	fputs("just some text, long enough to not look like an empty file\n", fp);
	fclose(fp);
	char err[256];
	cr_assert_null(store_open(path, 0, err, sizeof err));
	cr_assert(strstr(err, "not a dyad database"), "%s", err);
	cr_assert_null(store_open(path, 1, err, sizeof err));
	cr_assert(strstr(err, "not a dyad database"), "%s", err);
}

Test(store, newer_schema_is_refused)
{
	char err[256];
	store *s = store_open(path, 1, err, sizeof err);
	cr_assert_not_null(s, "%s", err);
	store_close(s);
	sqlite3 *db = NULL;
	cr_assert_eq(sqlite3_open(path, &db), SQLITE_OK);
	sqlite3_stmt *st = NULL;
	cr_assert_eq(sqlite3_prepare_v2(db, "PRAGMA user_version", -1, &st, NULL), SQLITE_OK);
	cr_assert_eq(sqlite3_step(st), SQLITE_ROW);
	cr_assert_eq(sqlite3_column_int(st, 0), 2, "a new store is schema version 2");
	sqlite3_finalize(st);
	cr_assert_eq(sqlite3_exec(db, "PRAGMA user_version = 3", NULL, NULL, NULL), SQLITE_OK);
	sqlite3_close(db);
	cr_assert_null(store_open(path, 0, err, sizeof err));
	cr_assert(strstr(err, "newer dyad"), "%s", err);
	cr_assert_null(store_open(path, 1, err, sizeof err));
	cr_assert(strstr(err, "newer dyad"), "%s", err);
}

Test(store, other_sqlite_database_is_left_alone)
{
	sqlite3 *db = NULL;
	cr_assert_eq(sqlite3_open(path, &db), SQLITE_OK);
	cr_assert_eq(sqlite3_exec(db, "CREATE TABLE bookmarks(url TEXT)", NULL, NULL, NULL), SQLITE_OK);
	sqlite3_close(db);
	char err[256];
	cr_assert_null(store_open(path, 1, err, sizeof err));
	cr_assert(strstr(err, "not a dyad database"), "%s", err);
	cr_assert_eq(sqlite3_open(path, &db), SQLITE_OK);
	sqlite3_stmt *st = NULL;
	cr_assert_eq(sqlite3_prepare_v2(db, "SELECT count(*) FROM sqlite_schema", -1, &st, NULL), SQLITE_OK);
	cr_assert_eq(sqlite3_step(st), SQLITE_ROW);
	cr_assert_eq(sqlite3_column_int(st, 0), 1, "only the bookmarks table");
	sqlite3_finalize(st);
	cr_assert_eq(sqlite3_prepare_v2(db, "PRAGMA journal_mode", -1, &st, NULL), SQLITE_OK);
	cr_assert_eq(sqlite3_step(st), SQLITE_ROW);
	cr_assert_str_eq((const char *)sqlite3_column_text(st, 0), "delete", "journal mode untouched");
	sqlite3_finalize(st);
	sqlite3_close(db);
}

typedef struct diffs {
	int n;
	char root[8][4];
	long a[8], r[8], c[8];
} diffs;

static void grab_diff(void *ctx, const store_diff_row *r)
{
	diffs *d = ctx;
	if (d->n < 8) {
		snprintf(d->root[d->n], 4, "%s", r->root);
		d->a[d->n] = r->added;
		d->r[d->n] = r->removed;
		d->c[d->n] = r->changed;
	}
	d->n++;
}

Test(store, recode_reads_documents_and_reports_by_root)
{
	char err[256];
	store *s = store_open(path, 1, err, sizeof err);
	cr_assert_not_null(s, "%s", err);
	doc a = mkdoc("a", "text a", "P1", 20140304);
	doc b = mkdoc("b", "text b", "P2", 20140304);
	ev_event ea[3] = {mkev("a", "VAL", "KES", "122", 20140304, EV_DATE_DAY),
			  mkev("a", "VAL", "KES", "122", 20140304, EV_DATE_DAY),
			  mkev("a", "DUN", "VAL", "040", 20140304, EV_DATE_DAY)};
	ev_event eb[1] = {mkev("b", "VAL", "KES", "122", 20140304, EV_DATE_DAY)};
	put(s, &a, ea, 3);
	put(s, &b, eb, 1);

	char **ids;
	cr_assert_eq(store_doc_ids(s, &ids), 2);
	cr_assert_str_eq(ids[0], "a");
	cr_assert_str_eq(ids[1], "b");
	free(ids[0]);
	free(ids[1]);
	free(ids);
	doc d = {0};
	cr_assert_eq(store_doc_get(s, "a", &d), 0, "%s", store_error(s));
	cr_assert_str_eq(d.id, "a");
	cr_assert_eq(d.date, 20140304);
	cr_assert_str_eq(d.source, "P1");
	cr_assert_null(d.title);
	cr_assert_eq(d.len, 6);
	cr_assert_str_eq(d.text, "text a");
	cr_assert_eq(store_doc_get(s, "zz", &d), STORE_ERR);
	cr_assert_null(d.id);
	doc_clear(&d);

	/* a again: one VAL->KES 122 (3 mentions -> 2: changed), DUN->VAL
	 * 040 gone (removed), KES->VAL 190 new (added). */
	cr_assert_eq(store_recode_snapshot(s), 0, "%s", store_error(s));
	ev_event ea2[2] = {mkev("a", "VAL", "KES", "122", 20140304, EV_DATE_DAY),
			   mkev("a", "KES", "VAL", "190", 20140304, EV_DATE_DAY)};
	cr_assert_eq(store_begin(s), 0);
	cr_assert_eq(store_doc_recode(s, "a"), 0, "%s", store_error(s));
	for (int i = 0; i < 2; i++)
		cr_assert_eq(store_mention_add(s, "a", &ea2[i]), 0, "%s", store_error(s));
	cr_assert_eq(store_commit(s), 0, "%s", store_error(s));
	diffs df = {0};
	cr_assert_eq(store_recode_diff(s, grab_diff, &df), 3, "%s", store_error(s));
	cr_assert_str_eq(df.root[0], "04");
	cr_assert(df.a[0] == 0 && df.r[0] == 1 && df.c[0] == 0);
	cr_assert_str_eq(df.root[1], "12");
	cr_assert(df.a[1] == 0 && df.r[1] == 0 && df.c[1] == 1);
	cr_assert_str_eq(df.root[2], "19");
	cr_assert(df.a[2] == 1 && df.r[2] == 0 && df.c[2] == 0);

	/* The document is kept; full text finds the new mentions only. */
	char h[17];
	store_doc_hash(&a, h);
	cr_assert_eq(store_doc_status(s, "a", h), STORE_DOC_SAME);
	store_filter f = {.text = "sentence"};
	rows rs = {0};
	cr_assert_eq(store_query_events(s, &f, grab_event, &rs), 2, "%s", store_error(s));
	store_filter m = {.text = "sentence", .mentions = 1};
	memset(&rs, 0, sizeof rs);
	cr_assert_eq(store_query_events(s, &m, grab_event, &rs), 3, "%s", store_error(s));
	store_close(s);
}

typedef struct actor_rows {
	int n;
	char code[8][16];
	long events[8];
} actor_rows;

static void grab_actor(void *ctx, const store_actor_row *r)
{
	actor_rows *a = ctx;
	if (a->n < 8) {
		snprintf(a->code[a->n], 16, "%s", r->code);
		a->events[a->n] = r->events;
	}
	a->n++;
}

Test(store, counts_totals_actors_both_and_spans)
{
	char err[256];
	store *s = store_open(path, 1, err, sizeof err);
	cr_assert_not_null(s, "%s", err);
	doc a = mkdoc("a", "Valoria condemned Kestria.", "P1", 20140304);
	ev_event ea[3] = {mkev("a", "VALGOV", "KES", "122", 20140304, EV_DATE_DAY),
			  mkev("a", "KESMIL", "VAL", "190", 20140305, EV_DATE_DAY),
			  mkev("a", "VAL", "ARN", "040", 20140306, EV_DATE_DAY)};
	/* "Valoria condemned Kestria.": source 0..7, verb 8..17, target
	 * 18..25, in a sentence at document offsets 0..26. */
	ea[0].sentence = (ev_span){0, 26};
	ea[0].source_span = (ev_span){0, 7};
	ea[0].verb_span = (ev_span){8, 17};
	ea[0].target_span = (ev_span){18, 25};
	ea[1].place = (ev_place){"Lyon", "FRA", "Auvergne-Rhone-Alpes", 45.75, 4.85};
	put(s, &a, ea, 3);

	store_totals t;
	cr_assert_eq(store_get_totals(s, &t), 0, "%s", store_error(s));
	cr_assert_eq(t.documents, 1);
	cr_assert_eq(t.mentions, 3);
	cr_assert_eq(t.events, 3);

	/* both: VAL to KES, or KES to VAL; limit does not change the count */
	store_filter f = {.source = "VAL", .target = "KES", .both = 1, .limit = 1};
	cr_assert_eq(store_count_events(s, &f), 2);
	rows rs = {0};
	cr_assert_eq(store_query_events(s, &f, grab_event, &rs), 1);
	cr_assert_str_eq(rs.r[0].source, "VALGOV");
	cr_assert_eq(rs.r[0].source_span[0], 0);
	cr_assert_eq(rs.r[0].source_span[1], 7);
	cr_assert_eq(rs.r[0].verb_span[0], 8);
	cr_assert_eq(rs.r[0].verb_span[1], 17);
	cr_assert_eq(rs.r[0].target_span[0], 18);
	cr_assert_eq(rs.r[0].target_span[1], 25);
	store_filter g = {.source = "VAL", .target = "KES"};
	cr_assert_eq(store_count_events(s, &g), 1);
	/* both with the source alone: the actor on either side */
	store_filter h = {.source = "KES", .both = 1};
	cr_assert_eq(store_count_events(s, &h), 2);
	memset(&rs, 0, sizeof rs);
	store_filter k = {.source = "KES"};
	cr_assert_eq(store_query_events(s, &k, grab_event, &rs), 1);
	cr_assert_eq(rs.r[0].source_span[0], -1, "unknown spans stay -1");
	cr_assert_str_eq(rs.r[0].admin1, "Auvergne-Rhone-Alpes");
	cr_assert(rs.r[0].has_latlon);
	cr_assert_float_eq(rs.r[0].lat, 45.75, 1e-9);

	/* actors: by prefix, any case, most events first then by code */
	actor_rows ar = {0};
	cr_assert_eq(store_query_actors(s, "va", 10, grab_actor, &ar), 2, "%s", store_error(s));
	cr_assert_str_eq(ar.code[0], "VAL");
	cr_assert_eq(ar.events[0], 2, "VAL is a source once and a target once");
	cr_assert_str_eq(ar.code[1], "VALGOV");
	cr_assert_eq(ar.events[1], 1);
	memset(&ar, 0, sizeof ar);
	cr_assert_eq(store_query_actors(s, "", 2, grab_actor, &ar), 2);
	cr_assert_str_eq(ar.code[0], "VAL");
	cr_assert_str_eq(ar.code[1], "ARN", "ties by code: ARN before KES");
	memset(&ar, 0, sizeof ar);
	cr_assert_eq(store_query_actors(s, "X", 5, grab_actor, &ar), 0);
	store_close(s);
}

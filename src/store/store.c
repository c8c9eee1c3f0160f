/*
 * store.c - the store's front end: opens a backend by the target's form
 * (a postgresql:// URL, else an SQLite file), checks the calls' order
 * (batches), turns documents and coded events into the flat rows both
 * backends store (so they hold the same values), and passes queries on.
 */
#include "store.h"

#include "backend.h"
#include "pg.h"
#include "sqlite.h"
#include "textq.h"

#include "attrs/cameo.h"
#include "util/xmalloc.h"

#include <jansson.h>
#include <math.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- Shared helpers (backend.h) ---- */

void store_set_err(store *s, const char *fmt, ...)
{
	va_list ap;
	buf_clear(&s->err);
	va_start(ap, fmt);
	buf_vprintf(&s->err, fmt, ap);
	va_end(ap);
}

long store_query_fail(store *s, const char *what, const char *detail)
{
	if (s->timed_out)
		store_set_err(s, "%s: %s: the query took longer than %d ms", s->name, what,
			      s->timeout_ms);
	else
		store_set_err(s, "%s: %s: %s", s->name, what, detail);
	return STORE_ERR;
}

void store_rel_spans(const char *json, store_event_row *r)
{
	long long v[8];
	long *out[3] = {r->source_span, r->target_span, r->verb_span};
	for (int i = 0; i < 3; i++)
		out[i][0] = out[i][1] = -1;
	if (!json || sscanf(json, "{\"source\":[%lld,%lld],\"target\":[%lld,%lld],\"verb\":[%lld,%lld],"
			    "\"sentence\":[%lld,%lld]}", &v[0], &v[1], &v[2], &v[3], &v[4], &v[5],
			    &v[6], &v[7]) != 8 || v[6] < 0)
		return;
	for (int i = 0; i < 3; i++) {
		long long a = v[2 * i], b = v[2 * i + 1];
		if (a < v[6] || b > v[7] || a > b)
			continue;
		out[i][0] = (long)(a - v[6]);
		out[i][1] = (long)(b - v[6]);
	}
}

void store_prefix_hi(buf *out, const char *prefix)
{
	buf_clear(out);
	buf_puts(out, prefix);
	buf_puts(out, "\xf4\x8f\xbf\xbf");
}

/* ---- Opening ---- */

static int is_pg_url(const char *t)
{
	return !strncmp(t, "postgresql://", 13) || !strncmp(t, "postgres://", 11);
}

/* target for messages: a URL's password (user:PASSWORD@, or a
 * password= parameter) replaced by "***". */
static char *display_name(const char *t)
{
	if (!is_pg_url(t))
		return xstrdup(t);
	buf b = BUF_INIT;
	const char *auth = strstr(t, "://") + 3;
	const char *at = strchr(auth, '@');
	const char *slash = strchr(auth, '/');
	const char *colon = strchr(auth, ':');
	const char *p = t;
	if (at && (!slash || at < slash) && colon && colon < at) {
		buf_add(&b, t, (size_t)(colon + 1 - t));
		buf_puts(&b, "***");
		p = at;
	}
	const char *q = strchr(p, '?');
	while (q) {
		const char *key = q + 1;
		const char *next = strchr(key, '&');
		if (!strncmp(key, "password=", 9)) {
			buf_add(&b, p, (size_t)(key + 9 - p));
			buf_puts(&b, "***");
			p = next ? next : key + strlen(key);
		}
		q = next;
	}
	buf_puts(&b, p);
	return b.data;
}

store *store_open(const char *target, int mode, char *err, size_t err_size)
{
	if (err_size > 0)
		err[0] = '\0';
	if (!target || !*target) {
		snprintf(err, err_size, "no database given");
		return NULL;
	}
	store *s = xcalloc(1, sizeof *s);
	s->name = display_name(target);
	s->writable = mode == STORE_WRITE || mode == STORE_UPDATE;
	s->must_exist = mode != STORE_WRITE;
	int rc = is_pg_url(target) ? store_pg_open(s, target, err, err_size)
				   : store_sqlite_open(s, target, err, err_size);
	if (rc < 0) {
		if (err_size > 0)
			err[err_size - 1] = '\0';
		free(s->name);
		buf_free(&s->err);
		free(s);
		return NULL;
	}
	return s;
}

void store_close(store *s)
{
	if (!s)
		return;
	if (s->in_batch)
		s->ops->rollback(s);
	s->ops->close(s);
	free(s->name);
	buf_free(&s->err);
	free(s);
}

const char *store_error(const store *s)
{
	return s->err.data ? s->err.data : "no error";
}

const char *store_backend(const store *s)
{
	return s->ops->name;
}

/* ---- Ingest ---- */

void store_doc_hash(const doc *d, char out[17])
{
	/* FNV-1a 64 over each field, with a separator byte that cannot be
	 * confused with content (field lengths are hashed too). */
	uint64_t h = 14695981039346656037ULL;
	const char *fields[4] = {d->title, d->source, d->url, NULL};
	char num[32];
	snprintf(num, sizeof num, "%ld|%zu|", (long)d->date, d->len);
	for (const char *p = num; *p; p++)
		h = (h ^ (unsigned char)*p) * 1099511628211ULL;
	for (size_t i = 0; i < d->len; i++)
		h = (h ^ (unsigned char)d->text[i]) * 1099511628211ULL;
	for (int f = 0; f < 3; f++) {
		const char *p = fields[f] ? fields[f] : "";
		h = (h ^ (fields[f] ? 0x01u : 0x02u)) * 1099511628211ULL;
		for (; *p; p++)
			h = (h ^ (unsigned char)*p) * 1099511628211ULL;
		h = (h ^ 0xffu) * 1099511628211ULL;
	}
	snprintf(out, 17, "%016llx", (unsigned long long)h);
}

/* STORE_OK when a batch is open (want) or not (!want), else an error
 * naming the call. */
static int need_batch(store *s, int want, const char *call)
{
	if (!s->writable) {
		store_set_err(s, "%s: %s on a store opened read-only", s->name, call);
		return STORE_ERR;
	}
	if (s->in_batch == want)
		return STORE_OK;
	store_set_err(s, "%s: %s %s a batch", s->name, call, want ? "outside" : "inside");
	return STORE_ERR;
}

int store_begin(store *s)
{
	if (need_batch(s, 0, "store_begin") < 0)
		return STORE_ERR;
	if (s->ops->begin(s) < 0)
		return STORE_ERR;
	s->in_batch = 1;
	return STORE_OK;
}

int store_commit(store *s)
{
	if (need_batch(s, 1, "store_commit") < 0)
		return STORE_ERR;
	int rc = s->ops->commit(s);
	s->in_batch = 0;
	return rc;
}

int store_doc_status(store *s, const char *id, const char *hash)
{
	return s->ops->doc_status(s, id, hash);
}

/* ISO 8601 of a YYYYMMDD date at precision p ("2014-03-03", "2014-03",
 * "2014"); with pad != 0 the first day of it ("2014-03-01"). Returns 0
 * when there is no date. */
static int iso_date(int32_t ymd, ev_precision p, int pad, char out[16])
{
	if (ymd <= 0 || p == EV_DATE_NONE)
		return 0;
	int y = ymd / 10000, m = ymd / 100 % 100, d = ymd % 100;
	if (pad) {
		if (p != EV_DATE_DAY || d == 0)
			d = 1;
		if ((p == EV_DATE_YEAR || p == EV_DATE_DECADE) || m == 0)
			m = 1;
		snprintf(out, 16, "%04d-%02d-%02d", y % 10000, m % 100, d % 100);
	} else if (p == EV_DATE_DAY) {
		snprintf(out, 16, "%04d-%02d-%02d", y % 10000, m % 100, d % 100);
	} else if (p == EV_DATE_MONTH) {
		snprintf(out, 16, "%04d-%02d", y % 10000, m % 100);
	} else {
		snprintf(out, 16, "%04d", y % 10000);
	}
	return 1;
}

int store_doc_put(store *s, const doc *d, const char *hash)
{
	if (need_batch(s, 1, "store_doc_put") < 0)
		return STORE_ERR;
	char date[16];
	store_docrow r = {
		.id = d->id, .hash = hash,
		.date = iso_date(d->date, EV_DATE_DAY, 0, date) ? date : NULL,
		.source = d->source, .url = d->url, .title = d->title,
		.text = d->text ? d->text : "", .len = d->text ? d->len : 0,
	};
	return s->ops->doc_put(s, &r);
}

static const char *const precision_names[] = {
	[EV_DATE_NONE] = NULL, [EV_DATE_DAY] = "day", [EV_DATE_MONTH] = "month",
	[EV_DATE_YEAR] = "year", [EV_DATE_DECADE] = "decade"
};

int store_mention_add(store *s, const char *doc_id, const ev_event *e)
{
	if (need_batch(s, 1, "store_mention_add") < 0)
		return STORE_ERR;
	char date[16], day[16], root[3] = {0}, spans[160];
	const cameo_info *ci = cameo_lookup(e->code);
	int has_date = iso_date(e->date, e->date_precision, 0, date);
	iso_date(e->date, e->date_precision, 1, day);
	unsigned p = (unsigned)e->date_precision;
	store_mention m = {
		.doc_id = doc_id, .sid = e->sid, .sent = e->sent,
		.date = has_date ? date : NULL,
		.date_precision = has_date && p < 5 ? precision_names[p] : NULL,
		.day = has_date ? day : NULL,
		.source = e->source ? e->source : "---",
		.target = e->target ? e->target : "---",
		.code = e->code ? e->code : "",
		.source_text = e->source_text, .target_text = e->target_text,
		.verb_text = e->verb_text, .sentence = e->sentence_text,
		.spans = spans,
	};
	if (ci) {
		memcpy(root, e->code, 2);
		m.root = root;
		m.quad = ci->quad;
		m.goldstein = ci->goldstein;
		m.plover = ci->plover;
	}
	if (e->place.name) {
		m.place = e->place.name;
		m.country = e->place.country;
		m.admin1 = e->place.admin1;
		/* A country named as the place has no coordinates (NaN). */
		m.has_latlon = !isnan(e->place.lat) && !isnan(e->place.lon);
		m.lat = e->place.lat;
		m.lon = e->place.lon;
	}
	snprintf(spans, sizeof spans,
		 "{\"source\":[%lld,%lld],\"target\":[%lld,%lld],\"verb\":[%lld,%lld],\"sentence\":[%lld,%lld]}",
		 (long long)e->source_span.start, (long long)e->source_span.end,
		 (long long)e->target_span.start, (long long)e->target_span.end,
		 (long long)e->verb_span.start, (long long)e->verb_span.end,
		 (long long)e->sentence.start, (long long)e->sentence.end);
	char *issues = NULL;
	if (e->issues && e->nissues > 0) {
		json_t *a = json_array();
		for (int32_t i = 0; i < e->nissues; i++)
			json_array_append_new(a, json_pack("{s:s, s:I}", "code", e->issues[i].code ? e->issues[i].code : "",
							  "count", (json_int_t)e->issues[i].count));
		issues = json_dumps(a, JSON_COMPACT | JSON_PRESERVE_ORDER);
		json_decref(a);
		m.issues = issues;
	}
	int rc = s->ops->mention_add(s, &m);
	free(issues);
	return rc;
}

/* ---- Recoding ---- */

long store_doc_ids(store *s, char ***ids)
{
	*ids = NULL;
	return s->ops->doc_ids(s, ids);
}

int store_doc_get(store *s, const char *id, doc *d)
{
	doc_clear(d);
	return s->ops->doc_get(s, id, d);
}

int store_doc_recode(store *s, const char *id)
{
	if (need_batch(s, 1, "store_doc_recode") < 0)
		return STORE_ERR;
	return s->ops->doc_recode(s, id);
}

int store_recode_snapshot(store *s)
{
	if (need_batch(s, 0, "store_recode_snapshot") < 0)
		return STORE_ERR;
	return s->ops->recode_snapshot(s);
}

long store_recode_diff(store *s, store_diff_fn fn, void *ctx)
{
	return s->ops->recode_diff(s, fn, ctx);
}

/* ---- Queries ---- */

/* STORE_OK when f's text query (if any) is well formed, else an error
 * saying what is wrong with it. */
static int check_text(store *s, const store_filter *f)
{
	if (!f->text)
		return STORE_OK;
	buf out = BUF_INIT;
	char err[128];
	int rc = textq_translate(f->text, TEXTQ_FTS5, &out, err, sizeof err);
	buf_free(&out);
	if (rc == 0)
		return STORE_OK;
	store_set_err(s, "text query '%s': %s", f->text, err);
	return STORE_ERR;
}

long store_query_events(store *s, const store_filter *f, store_event_fn fn, void *ctx)
{
	s->timed_out = 0;
	if (check_text(s, f) < 0)
		return STORE_ERR;
	return s->ops->query_events(s, f, fn, ctx);
}

long store_count_events(store *s, const store_filter *f)
{
	s->timed_out = 0;
	if (check_text(s, f) < 0)
		return STORE_ERR;
	return s->ops->count_events(s, f);
}

int store_get_totals(store *s, store_totals *t)
{
	s->timed_out = 0;
	memset(t, 0, sizeof *t);
	return s->ops->totals(s, t);
}

long store_query_actors(store *s, const char *prefix, long limit, store_actor_fn fn, void *ctx)
{
	s->timed_out = 0;
	return s->ops->query_actors(s, prefix ? prefix : "", limit, fn, ctx);
}

long store_query_series(store *s, const store_filter *f, int both, store_period by,
			store_series_fn fn, void *ctx)
{
	if ((unsigned)by > STORE_BY_YEAR) {
		store_set_err(s, "%s: unknown series period", s->name);
		return STORE_ERR;
	}
	s->timed_out = 0;
	if (check_text(s, f) < 0)
		return STORE_ERR;
	return s->ops->query_series(s, f, both || f->both, by, fn, ctx);
}

long store_export(store *s, int mentions, int one_a_day, store_export_fn fn, void *ctx)
{
	s->timed_out = 0;
	return s->ops->export_rows(s, mentions, one_a_day && !mentions, fn, ctx);
}

void store_set_timeout(store *s, int ms)
{
	s->timeout_ms = ms > 0 ? ms : 0;
	s->ops->set_timeout(s, s->timeout_ms);
}

int store_timed_out(const store *s)
{
	return s->timed_out;
}

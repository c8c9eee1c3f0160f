/*
 * api.c - the handlers of dyad serve's JSON API (see api.h): parameters
 * checked against each endpoint's list, turned into a store_filter with
 * the checks `dyad query` makes (store/qparse.h), rows written as JSON.
 * Event objects are written by the same writers as `dyad query events
 * --format jsonl` and `dyad code`, so the API gives the very same objects.
 */
#include "api.h"

#include "store/export.h"
#include "store/qparse.h"
#include "store/store.h"
#include "util/xmalloc.h"
#include "write/write.h"

#include <jansson.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

enum {
	MAX_LIMIT = 1000,       /* rows per page at most */
	DEFAULT_LIMIT = 100,    /* /api/events rows when limit is not given */
	DEFAULT_ACTORS = 20,    /* /api/actors rows when limit is not given */
	MAX_VALUE = 1024,       /* bytes of one parameter value */
	MAX_Q = 64,             /* bytes of /api/actors?q= */
	ACTORS_TTL = 60         /* seconds an actor list is used */
};

/* An actor code found in the store with its number of events (owned). */
typedef struct actor_hit {
	char *code;
	long events;
} actor_hit;

static void free_hits(actor_hit *v, size_t n);

/* An actor code with its dictionary name ("JPN", "Japan"), both owned. */
typedef struct actor_name {
	char *code, *name;
	int32_t entry;          /* dictionary entry: the first one wins */
} actor_name;

struct api {
	/* The store handles; free[0..nfree) are not lent out. */
	pthread_mutex_t mu;
	pthread_cond_t cv;
	store **all, **free;
	int n, nfree;
	int timeout_ms;
	const engine *eng;
	doc_settings settings;
	int32_t date;
	const char *version;
	actor_name *names;      /* sorted by code, one per code */
	size_t nnames;
	/* The store's actor codes for /api/actors, most events first; read
	 * again when older than ACTORS_TTL (see actor_list). */
	pthread_mutex_t amu;
	pthread_cond_t acv;
	actor_hit *actors;
	size_t nactors;
	double actors_at;       /* monotonic seconds when read; 0: never */
	int actors_reading;
	/* GET requests being answered, by key (see api_handle). */
	pthread_mutex_t fmu;
	pthread_cond_t fcv;
	struct flight *flights;
};

/* One GET request being answered; identical requests arriving meanwhile
 * wait for its answer instead of running the same query again. */
typedef struct flight {
	char *key;              /* path and parameters (owned) */
	int done;               /* the answer is in */
	int waiters;            /* followers that have not copied it yet */
	int status;
	const char *allow;
	buf body;
	struct flight *next;
} flight;

/* ---- JSON helpers ---- */

/* Appends s as a JSON string (jansson escapes it). s must be valid
 * UTF-8; NULL is written as null. */
static void put_str(buf *out, const char *s)
{
	if (!s) {
		buf_puts(out, "null");
		return;
	}
	json_t *j = json_string(s);
	char *t = j ? json_dumps(j, JSON_ENCODE_ANY) : NULL;
	buf_puts(out, t ? t : "null");
	free(t);
	json_decref(j);
}

void api_error_json(buf *out, const char *msg, const char *param)
{
	buf_puts(out, "{\"error\":");
	put_str(out, msg);
	if (param) {
		buf_puts(out, ",\"parameter\":");
		/* A parameter name that is not UTF-8 is shown escaped. */
		if (api_utf8_ok(param, strlen(param))) {
			put_str(out, param);
		} else {
			buf tmp = BUF_INIT;
			for (const unsigned char *p = (const unsigned char *)param; *p; p++) {
				if (*p >= 0x20 && *p < 0x7f)
					buf_putc(&tmp, (char)*p);
				else
					buf_printf(&tmp, "\\x%02X", *p);
			}
			buf_putc(&tmp, '\0');
			put_str(out, tmp.data);
			buf_free(&tmp);
		}
	}
	buf_puts(out, "}");
}

/* Sets rs to an error answer. */
static void fail(api_response *rs, int status, const char *param, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));
static void fail(api_response *rs, int status, const char *param, const char *fmt, ...)
{
	buf msg = BUF_INIT;
	va_list ap;
	va_start(ap, fmt);
	buf_vprintf(&msg, fmt, ap);
	va_end(ap);
	buf_clear(&rs->body);
	rs->status = status;
	api_error_json(&rs->body, msg.data ? msg.data : "", param);
	buf_free(&msg);
}

int api_utf8_ok(const char *str, size_t n)
{
	const unsigned char *s = (const unsigned char *)str;
	size_t i = 0;
	while (i < n) {
		unsigned c = s[i];
		if (c == 0)
			return 0;
		if (c < 0x80) {
			i++;
			continue;
		}
		int len;
		unsigned cp;
		if (c >= 0xC2 && c <= 0xDF) {
			len = 2;
			cp = c & 0x1F;
		} else if (c >= 0xE0 && c <= 0xEF) {
			len = 3;
			cp = c & 0x0F;
		} else if (c >= 0xF0 && c <= 0xF4) {
			len = 4;
			cp = c & 0x07;
		} else {
			return 0;
		}
		if (i + (size_t)len > n)
			return 0;
		for (int k = 1; k < len; k++) {
			if ((s[i + k] & 0xC0) != 0x80)
				return 0;
			cp = (cp << 6) | (s[i + k] & 0x3F);
		}
		if ((len == 3 && cp < 0x800) || (len == 4 && (cp < 0x10000 || cp > 0x10FFFF)) ||
		    (cp >= 0xD800 && cp <= 0xDFFF))
			return 0;
		i += (size_t)len;
	}
	return 1;
}

/* ---- Store pool ---- */

static store *borrow(api *a)
{
	pthread_mutex_lock(&a->mu);
	while (a->nfree == 0)
		pthread_cond_wait(&a->cv, &a->mu);
	store *s = a->free[--a->nfree];
	pthread_mutex_unlock(&a->mu);
	return s;
}

static void give_back(api *a, store *s)
{
	pthread_mutex_lock(&a->mu);
	a->free[a->nfree++] = s;
	pthread_cond_signal(&a->cv);
	pthread_mutex_unlock(&a->mu);
}

/* Sets rs to the answer for a failed store call: 503 over the time
 * bound, else 500 (the message, which may name files, goes to standard
 * error only). */
static void store_failed(api *a, store *s, api_response *rs, const char *what)
{
	if (store_timed_out(s)) {
		fail(rs, 503, NULL, "the query took longer than %d ms; narrow it (dates, actors) and try again",
		     a->timeout_ms);
		return;
	}
	fprintf(stderr, "dyad serve: %s: %s\n", what, store_error(s));
	fail(rs, 500, NULL, "database error while %s", what);
}

/* ---- Actor names ---- */

static int cmp_name(const void *x, const void *y)
{
	const actor_name *a = x, *b = y;
	int c = strcmp(a->code, b->code);
	return c ? c : (a->entry > b->entry) - (a->entry < b->entry);
}

/* "NORTH_KOREA" -> "North Korea". */
static char *display_name(const char *phrase)
{
	char *s = xstrdup(phrase);
	int start = 1;
	for (char *p = s; *p; p++) {
		if (*p == '_' || *p == ' ') {
			*p = ' ';
			start = 1;
			continue;
		}
		if (start && *p >= 'a' && *p <= 'z')
			*p = (char)(*p - 'a' + 'A');
		else if (!start && *p >= 'A' && *p <= 'Z')
			*p = (char)(*p - 'A' + 'a');
		start = *p == '-' || *p == '(';
	}
	return s;
}

/* The first entry of each plain actor code of d's actors, with its name. */
static void index_names(api *a, const dict *d)
{
	dict_stats st;
	dict_get_stats(d, &st);
	size_t cap = 0;
	for (int32_t e = 0; e < st.actors; e++) {
		const char *code = dict_actor_code(d, e, 0);
		const char *phrase = dict_actor_phrase(d, e);
		if (!code || !phrase || !*code || !strcmp(code, "---") || strchr(code, '/') ||
		    !api_utf8_ok(phrase, strlen(phrase)))
			continue;
		xgrow((void **)&a->names, &cap, a->nnames + 1, sizeof *a->names);
		a->names[a->nnames].code = xstrdup(code);
		a->names[a->nnames].name = NULL;
		a->names[a->nnames].entry = e;
		a->nnames++;
	}
	qsort(a->names, a->nnames, sizeof *a->names, cmp_name);
	size_t w = 0;
	for (size_t i = 0; i < a->nnames; i++) {
		if (w > 0 && !strcmp(a->names[w - 1].code, a->names[i].code)) {
			free(a->names[i].code);
			continue;
		}
		a->names[w] = a->names[i];
		a->names[w].name = display_name(dict_actor_phrase(d, a->names[w].entry));
		w++;
	}
	a->nnames = w;
}

static const actor_name *find_name(const api *a, const char *code)
{
	size_t lo = 0, hi = a->nnames;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		int c = strcmp(a->names[mid].code, code);
		if (c == 0)
			return &a->names[mid];
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return NULL;
}

/* The name of code into out (size bytes), or NULL when it has none. A
 * code that extends a named three-letter one is named after it
 * ("JPNGOV": "Japan (GOV)": the dictionary's first JPNGOV entry may be a
 * party or a person); others have their dictionary name. */
static const char *actor_display(const api *a, const char *code, char *out, size_t size)
{
	if (strlen(code) > 3) {
		char head[4];
		memcpy(head, code, 3);
		head[3] = '\0';
		const actor_name *n = find_name(a, head);
		if (n) {
			snprintf(out, size, "%s (%s)", n->name, code + 3);
			return out;
		}
	}
	const actor_name *n = find_name(a, code);
	return n ? n->name : NULL;
}

/* ASCII case-insensitive substring test. */
static int contains_fold(const char *hay, const char *needle)
{
	size_t n = strlen(needle);
	if (n == 0)
		return 1;
	for (; *hay; hay++) {
		size_t i = 0;
		while (i < n && hay[i]) {
			char x = hay[i], y = needle[i];
			if (x >= 'A' && x <= 'Z')
				x = (char)(x - 'A' + 'a');
			if (y >= 'A' && y <= 'Z')
				y = (char)(y - 'A' + 'a');
			if (x != y)
				break;
			i++;
		}
		if (i == n)
			return 1;
	}
	return 0;
}

/* ---- Life cycle ---- */

api *api_new(const api_config *c, char *err, size_t err_size)
{
	api *a = xcalloc(1, sizeof *a);
	int n = c->nstores > 0 ? c->nstores : 1;
	a->all = xcalloc((size_t)n, sizeof *a->all);
	a->free = xcalloc((size_t)n, sizeof *a->free);
	pthread_mutex_init(&a->mu, NULL);
	pthread_cond_init(&a->cv, NULL);
	pthread_mutex_init(&a->fmu, NULL);
	pthread_cond_init(&a->fcv, NULL);
	pthread_mutex_init(&a->amu, NULL);
	pthread_cond_init(&a->acv, NULL);
	a->timeout_ms = c->timeout_ms;
	a->eng = c->eng;
	a->settings = c->settings;
	a->date = c->date;
	a->version = c->version ? c->version : "";
	for (int i = 0; i < n; i++) {
		store *s = store_open(c->db, 0, err, err_size);
		if (!s) {
			api_free(a);
			return NULL;
		}
		store_set_timeout(s, c->timeout_ms);
		a->all[a->n++] = s;
		a->free[a->nfree++] = s;
	}
	if (c->eng)
		index_names(a, engine_dict(c->eng));
	return a;
}

void api_free(api *a)
{
	if (!a)
		return;
	for (int i = 0; i < a->n; i++)
		store_close(a->all[i]);
	free(a->all);
	free(a->free);
	for (size_t i = 0; i < a->nnames; i++) {
		free(a->names[i].code);
		free(a->names[i].name);
	}
	free(a->names);
	pthread_mutex_destroy(&a->mu);
	pthread_cond_destroy(&a->cv);
	pthread_mutex_destroy(&a->fmu);
	pthread_cond_destroy(&a->fcv);
	pthread_mutex_destroy(&a->amu);
	pthread_cond_destroy(&a->acv);
	free_hits(a->actors, a->nactors);
	free(a);
}

/* ---- Parameters ---- */

/* Checks rq's parameters against the endpoint's names (NULL-ended):
 * every name known, none repeated, values UTF-8 of at most MAX_VALUE
 * bytes. Returns 0, or -1 with rs set to a 400 naming the parameter. */
static int check_params(const api_request *rq, const char *const *names, api_response *rs)
{
	for (int i = 0; i < rq->nparams; i++) {
		const api_param *p = &rq->params[i];
		int known = 0;
		for (const char *const *n = names; *n; n++)
			if (!strcmp(*n, p->name))
				known = 1;
		if (!known) {
			buf list = BUF_INIT;
			for (const char *const *n = names; *n; n++)
				buf_printf(&list, "%s%s", n == names ? "" : ", ", *n);
			if (!list.data)
				buf_puts(&list, "none");
			fail(rs, 400, p->name, "unknown parameter (this endpoint takes: %s)", list.data);
			buf_free(&list);
			return -1;
		}
		for (int k = 0; k < i; k++) {
			if (!strcmp(rq->params[k].name, p->name)) {
				fail(rs, 400, p->name, "parameter given more than once");
				return -1;
			}
		}
		if (!api_utf8_ok(p->value, p->value_len)) {
			fail(rs, 400, p->name, "value is not valid UTF-8 text");
			return -1;
		}
		if (p->value_len > MAX_VALUE) {
			fail(rs, 400, p->name, "value longer than %d bytes", MAX_VALUE);
			return -1;
		}
	}
	return 0;
}

/* The value of parameter name, or NULL when absent or empty (an empty
 * form field means no filter). */
static const char *param(const api_request *rq, const char *name)
{
	for (int i = 0; i < rq->nparams; i++)
		if (!strcmp(rq->params[i].name, name))
			return rq->params[i].value[0] ? rq->params[i].value : NULL;
	return NULL;
}

/* A 0/1 flag (also false/true); *out unchanged when absent. */
static int flag_param(const api_request *rq, const char *name, int *out, api_response *rs)
{
	const char *v = param(rq, name);
	if (!v)
		return 0;
	if (!strcmp(v, "1") || !strcmp(v, "true"))
		*out = 1;
	else if (!strcmp(v, "0") || !strcmp(v, "false"))
		*out = 0;
	else {
		fail(rs, 400, name, "%s: want 0 or 1", v);
		return -1;
	}
	return 0;
}

/* A count in min..max; *out unchanged when absent. */
static int count_param(const api_request *rq, const char *name, long min, long max, long *out,
		       api_response *rs)
{
	const char *v = param(rq, name);
	if (!v)
		return 0;
	long n;
	if (qparse_count(v, min, &n) < 0 || n > max) {
		fail(rs, 400, name, "%s: want a whole number from %ld to %ld", v, min, max);
		return -1;
	}
	*out = n;
	return 0;
}

/* from and to as ISO days into f (buffers of 16 bytes each), from not
 * after to. */
static int date_params(const api_request *rq, store_filter *f, char *from, char *to,
		       api_response *rs)
{
	static const char *const names[2] = {"from", "to"};
	char *bufs[2] = {from, to};
	const char **dst[2] = {&f->from, &f->to};
	for (int i = 0; i < 2; i++) {
		const char *v = param(rq, names[i]);
		if (!v)
			continue;
		if (qparse_day(v, bufs[i]) < 0) {
			fail(rs, 400, names[i], "%s: not a date (YYYY-MM-DD)", v);
			return -1;
		}
		*dst[i] = bufs[i];
	}
	if (f->from && f->to && strcmp(f->from, f->to) > 0) {
		fail(rs, 400, "from", "from %s is after to %s", f->from, f->to);
		return -1;
	}
	return 0;
}

/* ---- /api/health ---- */

static void do_health(api *a, const api_request *rq, api_response *rs)
{
	static const char *const names[] = {NULL};
	if (check_params(rq, names, rs) < 0)
		return;
	store *s = borrow(a);
	store_totals t;
	if (store_get_totals(s, &t) < 0) {
		store_failed(a, s, rs, "counting what is stored");
		give_back(a, s);
		return;
	}
	give_back(a, s);
	rs->status = 200;
	buf_puts(&rs->body, "{\"status\":\"ok\",\"version\":");
	put_str(&rs->body, a->version);
	buf_printf(&rs->body, ",\"events\":%ld,\"mentions\":%ld,\"documents\":%ld}",
		   t.events, t.mentions, t.documents);
}

/* ---- /api/events ---- */

typedef struct events_out {
	buf *out;
	buf line;
	long n;
} events_out;

static void put_event(void *ctx, const store_event_row *r)
{
	events_out *eo = ctx;
	export_row x;
	qparse_export_row(r, &x);
	buf_clear(&eo->line);
	export_write(&eo->line, EXPORT_JSONL, &x);
	size_t len = eo->line.len;
	while (len > 0 && eo->line.data[len - 1] == '\n')
		len--;
	if (eo->n++)
		buf_putc(eo->out, ',');
	buf_add(eo->out, eo->line.data, len);
}

static void do_events(api *a, const api_request *rq, api_response *rs)
{
	static const char *const names[] = {
		"source", "target", "both", "actor", "code", "root", "quad", "plover", "place",
		"from", "to", "text", "limit", "offset", "mentions", NULL
	};
	if (check_params(rq, names, rs) < 0)
		return;
	store_filter f;
	memset(&f, 0, sizeof f);
	char from[16], to[16];
	f.source = param(rq, "source");
	f.target = param(rq, "target");
	f.actor = param(rq, "actor");
	f.code = param(rq, "code");
	f.root = param(rq, "root");
	f.plover = param(rq, "plover");
	f.place = param(rq, "place");
	f.text = param(rq, "text");
	long quad = 0;
	f.limit = DEFAULT_LIMIT;
	if (count_param(rq, "quad", 1, 4, &quad, rs) < 0 ||
	    count_param(rq, "limit", 1, MAX_LIMIT, &f.limit, rs) < 0 ||
	    count_param(rq, "offset", 0, 1000000000L, &f.offset, rs) < 0 ||
	    flag_param(rq, "both", &f.both, rs) < 0 ||
	    flag_param(rq, "mentions", &f.mentions, rs) < 0 ||
	    date_params(rq, &f, from, to, rs) < 0)
		return;
	f.quad = (int)quad;
	if (f.both && !f.source) {
		fail(rs, 400, "both", "both=1 needs a source");
		return;
	}
	/* The page first: when it is not full, it gives the total too, and
	 * the count (as costly as the page) is not needed. */
	store *s = borrow(a);
	buf rows = BUF_INIT;
	events_out eo = {&rows, BUF_INIT, 0};
	long n = store_query_events(s, &f, put_event, &eo), total = 0;
	buf_free(&eo.line);
	if (n >= 0 && n < f.limit && (n > 0 || f.offset == 0))
		total = f.offset + n;
	else if (n >= 0)
		total = store_count_events(s, &f);
	if (n < 0 || total < 0) {
		if (f.text && !store_timed_out(s))
			fail(rs, 400, "text", "%s: not a search query the full-text index understands", f.text);
		else
			store_failed(a, s, rs, n < 0 ? "reading events" : "counting events");
	} else {
		rs->status = 200;
		buf_printf(&rs->body, "{\"total\":%ld,\"limit\":%ld,\"offset\":%ld,\"events\":[",
			   total, f.limit, f.offset);
		if (rows.len)
			buf_add(&rs->body, rows.data, rows.len);
		buf_puts(&rs->body, "]}");
	}
	buf_free(&rows);
	give_back(a, s);
}

/* ---- /api/series ---- */

typedef struct series_out {
	buf *out;
	store_period by;
	long n;
} series_out;

static void put_period(void *ctx, const store_series_row *r)
{
	series_out *so = ctx;
	char first[11] = "", last[11] = "";
	int ok = r->period && qparse_period_bounds(r->period, so->by, first, last) == 0;
	if (so->n++)
		buf_putc(so->out, ',');
	buf_puts(so->out, "{\"period\":");
	put_str(so->out, r->period);
	buf_puts(so->out, ",\"start\":");
	put_str(so->out, ok ? first : NULL);
	buf_puts(so->out, ",\"end\":");
	put_str(so->out, ok ? last : NULL);
	/* Numbers as `dyad query series` writes them (%.15g, no -0). */
	buf_printf(so->out,
		   ",\"events\":%ld,\"mentions\":%ld,\"goldstein_sum\":%.15g,"
		   "\"goldstein_mean\":%.15g,\"q1\":%ld,\"q2\":%ld,\"q3\":%ld,\"q4\":%ld}",
		   r->events, r->mentions, r->goldstein_sum == 0 ? 0.0 : r->goldstein_sum,
		   r->goldstein_mean == 0 ? 0.0 : r->goldstein_mean, r->q[0], r->q[1], r->q[2],
		   r->q[3]);
}

static void do_series(api *a, const api_request *rq, api_response *rs)
{
	static const char *const names[] = {"source", "target", "both", "by", "from", "to", NULL};
	if (check_params(rq, names, rs) < 0)
		return;
	store_filter f;
	memset(&f, 0, sizeof f);
	char from[16], to[16];
	f.source = param(rq, "source");
	f.target = param(rq, "target");
	int both = 0;
	if (flag_param(rq, "both", &both, rs) < 0 || date_params(rq, &f, from, to, rs) < 0)
		return;
	const char *byname = param(rq, "by");
	int by = byname ? qparse_period(byname) : STORE_BY_MONTH;
	if (by < 0) {
		fail(rs, 400, "by", "%s: want day, week, month or year", byname);
		return;
	}
	if (!f.source) {
		fail(rs, 400, "source", "source is required (an actor code such as JPN)");
		return;
	}
	static const char *const by_names[] = {"day", "week", "month", "year"};
	rs->status = 200;
	buf_puts(&rs->body, "{\"source\":");
	put_str(&rs->body, f.source);
	buf_puts(&rs->body, ",\"target\":");
	put_str(&rs->body, f.target);
	buf_printf(&rs->body, ",\"both\":%s,\"by\":\"%s\",\"rows\":[", both ? "true" : "false",
		   by_names[by]);
	series_out so = {&rs->body, (store_period)by, 0};
	store *s = borrow(a);
	long n = store_query_series(s, &f, both, (store_period)by, put_period, &so);
	if (n < 0)
		store_failed(a, s, rs, "reading the series");
	else
		buf_puts(&rs->body, "]}");
	give_back(a, s);
}

/* ---- /api/actors ---- */

typedef struct actor_hits {
	actor_hit *v;
	size_t n, cap;
} actor_hits;

static void add_hit(void *ctx, const store_actor_row *r)
{
	actor_hits *h = ctx;
	xgrow((void **)&h->v, &h->cap, h->n + 1, sizeof *h->v);
	h->v[h->n].code = xstrdup(r->code);
	h->v[h->n].events = r->events;
	h->n++;
}

static void free_hits(actor_hit *v, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(v[i].code);
	free(v);
}

static double mono_s(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* Makes sure a->actors holds the store's actor codes, read again when
 * older than ACTORS_TTL seconds; one request reads them while the others
 * use the list they have (or wait for the first one). Returns 0 with
 * a->amu held, or -1 with rs set (a->amu not held). */
static int actor_list(api *a, api_response *rs)
{
	pthread_mutex_lock(&a->amu);
	while (!a->actors_at && a->actors_reading)
		pthread_cond_wait(&a->acv, &a->amu);
	double now = mono_s();
	if (a->actors_reading || (a->actors_at && now - a->actors_at < ACTORS_TTL))
		return 0;
	a->actors_reading = 1;
	pthread_mutex_unlock(&a->amu);
	actor_hits h = {NULL, 0, 0};
	store *s = borrow(a);
	long n = store_query_actors(s, "", 100000000L, add_hit, &h);
	if (n < 0)
		store_failed(a, s, rs, "reading actors");
	give_back(a, s);
	pthread_mutex_lock(&a->amu);
	a->actors_reading = 0;
	pthread_cond_broadcast(&a->acv);
	if (n < 0) {
		free_hits(h.v, h.n);
		if (a->actors_at) {
			buf_free(&rs->body); /* the older list will do */
			memset(rs, 0, sizeof *rs);
			return 0;
		}
		pthread_mutex_unlock(&a->amu);
		return -1;
	}
	free_hits(a->actors, a->nactors);
	a->actors = h.v;
	a->nactors = h.n;
	a->actors_at = mono_s();
	return 0;
}

/* code starts with q, ASCII letters in any case. */
static int prefix_fold(const char *code, const char *q)
{
	for (; *q; q++, code++) {
		char x = *code, y = *q;
		if (x >= 'a' && x <= 'z')
			x = (char)(x - 'a' + 'A');
		if (y >= 'a' && y <= 'z')
			y = (char)(y - 'a' + 'A');
		if (!x || x != y)
			return 0;
	}
	return 1;
}

static void do_actors(api *a, const api_request *rq, api_response *rs)
{
	static const char *const names[] = {"q", "limit", NULL};
	if (check_params(rq, names, rs) < 0)
		return;
	const char *q = param(rq, "q");
	long limit = DEFAULT_ACTORS;
	if (count_param(rq, "limit", 1, MAX_LIMIT, &limit, rs) < 0)
		return;
	if (q && strlen(q) > MAX_Q) {
		fail(rs, 400, "q", "longer than %d bytes", MAX_Q);
		return;
	}
	if (actor_list(a, rs) < 0)
		return;
	/* a->amu is held: the list is most events first, then by code.
	 * Codes that start with q come first ("US": USA before RUS, whose
	 * name "Russian Federation" holds "us"), then those by name. */
	rs->status = 200;
	buf_puts(&rs->body, "{\"actors\":[");
	long n = 0;
	char tmp[256];
	for (int pass = 0; pass < 2; pass++) {
		for (size_t i = 0; i < a->nactors && n < limit; i++) {
			const actor_hit *h = &a->actors[i];
			const char *name = actor_display(a, h->code, tmp, sizeof tmp);
			int by_code = !q || prefix_fold(h->code, q);
			if (pass == 0 ? !by_code : by_code || !name || !contains_fold(name, q))
				continue;
			buf_puts(&rs->body, n++ ? ",{\"code\":" : "{\"code\":");
			put_str(&rs->body, h->code);
			buf_puts(&rs->body, ",\"name\":");
			put_str(&rs->body, name);
			buf_printf(&rs->body, ",\"events\":%ld}", h->events);
		}
	}
	buf_puts(&rs->body, "]}");
	pthread_mutex_unlock(&a->amu);
}

/* ---- /api/code ---- */

typedef struct code_out {
	buf story;   /* the story's events as JSON Lines */
} code_out;

static void code_event(void *ctx, const ev_event *e)
{
	code_out *co = ctx;
	write_jsonl(&co->story, e);
}

static void code_story_end(void *ctx, int discard)
{
	code_out *co = ctx;
	if (discard)
		buf_clear(&co->story);
}

static void do_code(api *a, const api_request *rq, api_response *rs)
{
	static const char *const names[] = {"date", NULL};
	if (check_params(rq, names, rs) < 0)
		return;
	int32_t date = a->date;
	const char *dv = param(rq, "date");
	if (dv) {
		char day[16];
		if (qparse_day(dv, day) < 0) {
			fail(rs, 400, "date", "%s: not a date (YYYY-MM-DD)", dv);
			return;
		}
		date = (int32_t)atol(day) * 10000 + (int32_t)atol(day + 5) * 100 +
		       (int32_t)atol(day + 8);
	}
	if (!a->eng) {
		fail(rs, 503, NULL, "this server codes no text");
		return;
	}
	if (!rq->body || rq->body_len == 0) {
		fail(rs, 400, NULL, "send the article as the request body (plain UTF-8 text)");
		return;
	}
	if (!api_utf8_ok(rq->body, rq->body_len)) {
		fail(rs, 400, NULL, "the body is not UTF-8 text (or holds NUL bytes)");
		return;
	}
	doc d;
	memset(&d, 0, sizeof d);
	d.id = xstrdup("request");
	d.date = date;
	d.text = xstrndup(rq->body, rq->body_len);
	d.len = rq->body_len;
	d.file = "request";
	d.line = 1;
	d.settings = a->settings;
	code_out co = {BUF_INIT};
	eng_sink sink = {.ctx = &co, .event = code_event, .story_end = code_story_end};
	eng_session *ses = eng_session_new(a->eng, &sink);
	int rc = eng_code_doc(ses, &d, &a->settings, 0);
	eng_finish(ses);
	eng_session_free(ses);
	doc_clear(&d);
	if (rc < 0) {
		buf_free(&co.story);
		fail(rs, 422, NULL, "the text could not be coded");
		return;
	}
	rs->status = 200;
	buf_puts(&rs->body, "{\"events\":[");
	size_t i = 0, n = 0;
	while (i < co.story.len) {
		const char *nl = memchr(co.story.data + i, '\n', co.story.len - i);
		size_t e = nl ? (size_t)(nl - co.story.data) : co.story.len;
		if (e > i) {
			if (n++)
				buf_putc(&rs->body, ',');
			buf_add(&rs->body, co.story.data + i, e - i);
		}
		i = e + 1;
	}
	buf_puts(&rs->body, "]}");
	buf_free(&co.story);
}

/* ---- Routing ---- */

typedef struct route {
	const char *path;
	int post;  /* 1: POST only; 0: GET and HEAD */
	void (*fn)(api *a, const api_request *rq, api_response *rs);
} route;

static const route routes[] = {
	{"/api/health", 0, do_health},
	{"/api/events", 0, do_events},
	{"/api/series", 0, do_series},
	{"/api/actors", 0, do_actors},
	{"/api/code", 1, do_code},
};

/* Answers rq by its route. */
static void route_request(api *a, const api_request *rq, api_response *rs)
{
	memset(rs, 0, sizeof *rs);
	for (size_t i = 0; i < sizeof routes / sizeof routes[0]; i++) {
		const route *r = &routes[i];
		if (strcmp(rq->path, r->path))
			continue;
		int get = !strcmp(rq->method, "GET") || !strcmp(rq->method, "HEAD");
		int post = !strcmp(rq->method, "POST");
		if (r->post ? !post : !get) {
			rs->allow = r->post ? "POST" : "GET, HEAD";
			fail(rs, 405, NULL, "method %s not allowed here (use %s)", rq->method,
			     rs->allow);
			return;
		}
		r->fn(a, rq, rs);
		return;
	}
	fail(rs, 404, NULL, "no such endpoint (see /api/health, /api/events, /api/series, /api/actors, /api/code)");
}

/* The key of a GET request: its path and its parameters as sent. */
static char *request_key(const api_request *rq)
{
	buf k = BUF_INIT;
	buf_puts(&k, rq->path);
	for (int i = 0; i < rq->nparams; i++) {
		buf_printf(&k, "\n%zu:", rq->params[i].value_len);
		buf_puts(&k, rq->params[i].name);
		buf_putc(&k, '=');
		buf_add(&k, rq->params[i].value, rq->params[i].value_len);
	}
	buf_putc(&k, '\0');
	return buf_steal(&k);
}

static void copy_answer(api_response *rs, int status, const char *allow, const buf *body)
{
	memset(rs, 0, sizeof *rs);
	rs->status = status;
	rs->allow = allow;
	buf_add(&rs->body, body->data ? body->data : "", body->len);
}

/* GET requests read the store only, so identical ones that arrive while
 * one is being answered share its answer (computed after they were
 * sent, or at most one query's time before): a crowd asking for the same
 * series runs its query once instead of queueing for the store handles.
 * POST /api/code is always answered on its own. */
void api_handle(api *a, const api_request *rq, api_response *rs)
{
	if (strcmp(rq->method, "GET") && strcmp(rq->method, "HEAD")) {
		route_request(a, rq, rs);
		return;
	}
	char *key = request_key(rq);
	pthread_mutex_lock(&a->fmu);
	for (flight *f = a->flights; f; f = f->next) {
		if (strcmp(f->key, key))
			continue;
		f->waiters++;
		while (!f->done)
			pthread_cond_wait(&a->fcv, &a->fmu);
		copy_answer(rs, f->status, f->allow, &f->body);
		if (--f->waiters == 0) {
			free(f->key);
			buf_free(&f->body);
			free(f);
		}
		pthread_mutex_unlock(&a->fmu);
		free(key);
		return;
	}
	flight *f = xcalloc(1, sizeof *f);
	f->key = key;
	f->next = a->flights;
	a->flights = f;
	pthread_mutex_unlock(&a->fmu);

	route_request(a, rq, rs);

	pthread_mutex_lock(&a->fmu);
	for (flight **p = &a->flights; *p; p = &(*p)->next) {
		if (*p == f) {
			*p = f->next; /* later requests start a flight of their own */
			break;
		}
	}
	f->done = 1;
	if (f->waiters > 0) {
		f->status = rs->status;
		f->allow = rs->allow;
		buf_add(&f->body, rs->body.data ? rs->body.data : "", rs->body.len);
		pthread_cond_broadcast(&a->fcv);
	} else {
		free(f->key);
		free(f);
	}
	pthread_mutex_unlock(&a->fmu);
}

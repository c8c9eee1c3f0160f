/*
 * api.h - the JSON API of `dyad serve` (/api/health, /api/events,
 * /api/series, /api/actors, /api/code), independent of the HTTP library:
 * a request (method, path, decoded parameters, body) in, a status and a
 * JSON body out. The contract is the README's "HTTP API" section.
 *
 * An api owns a small pool of read-only store handles (a store handle is
 * not thread-safe: each request borrows one for its duration) and borrows
 * an engine for /api/code (immutable, shared; one coding session per
 * request). api_handle may be called from any number of threads at once.
 * Every filter value is checked before the store sees it and is passed
 * to the store as a bound value, never spliced into SQL.
 */
#ifndef DYAD_SERVE_API_H
#define DYAD_SERVE_API_H

#include <stddef.h>

#include "../engine/engine.h"
#include "../read/doc.h"
#include "../util/buf.h"

typedef struct api api;

typedef struct api_config {
	const char *db;         /* store target (SQLite path or postgresql://
				 * URL), borrowed for api_new only */
	int nstores;            /* read-only handles to open (>= 1): as many
				 * as requests may run at once */
	int timeout_ms;         /* time bound of each store query; 0 = none */
	const engine *eng;      /* for /api/code and actor names (borrowed,
				 * must outlive the api); NULL: /api/code
				 * answers 503 and actors have no names */
	doc_settings settings;  /* coding settings for /api/code */
	int32_t date;           /* story date (YYYYMMDD) for /api/code when
				 * the request gives none; 0 = none */
	const char *version;    /* reported by /api/health (borrowed, static) */
} api_config;

/* Opens c->nstores read-only handles on c->db and indexes the actor names
 * of c->eng's dictionary. Returns the api, or NULL with a message in err
 * (err_size bytes, NUL-terminated). */
api *api_new(const api_config *c, char *err, size_t err_size);
/* Closes the store handles and frees a; NULL is a no-op. No request may
 * be running. */
void api_free(api *a);

/* One query-string parameter, URL-decoded. Borrowed. value is
 * NUL-terminated; value_len counts its bytes (a decoded %00 makes it
 * longer than strlen(value), which is refused). */
typedef struct api_param {
	const char *name;
	const char *value;     /* "" for a name without '=' */
	size_t value_len;
} api_param;

typedef struct api_request {
	const char *method;    /* "GET", "HEAD", "POST", ... */
	const char *path;      /* decoded URL path starting with "/api/" */
	const api_param *params;
	int nparams;
	const char *body;      /* POST body (may hold any bytes), or NULL */
	size_t body_len;
} api_request;

typedef struct api_response {
	int status;            /* HTTP status */
	const char *allow;     /* for 405: the Allow header's value (static) */
	buf body;              /* the JSON answer (owned: buf_free it) */
} api_response;

/* Answers rq into rs (zeroed first, owned by the caller). Errors are
 * {"error": "message", "parameter": "name"} with a 4xx or 5xx status
 * ("parameter" only when one parameter is at fault); a database failure
 * other than the time bound is also reported on standard error. */
void api_handle(api *a, const api_request *rq, api_response *rs);

/* Appends {"error": msg, "parameter": param} (param NULL: no such key) to
 * out, with msg and param JSON-escaped. For the HTTP layer's own errors. */
void api_error_json(buf *out, const char *msg, const char *param);

/* Nonzero when s[0..n) is well-formed UTF-8 without NUL bytes (no
 * overlong forms, no surrogates, nothing above U+10FFFF). */
int api_utf8_ok(const char *s, size_t n);

#endif

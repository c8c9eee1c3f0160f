/*
 * server.c - dyad serve's HTTP layer on libmicrohttpd (see server.h).
 *
 * One daemon with an internal epoll thread pool. Each request gets a
 * small state (con_cls) made on the first call of the access handler:
 * a request with a body nobody reads is answered right there, others on
 * the next call (when MHD knows the request is whole); the upload of
 * /api/code is collected up to max_body (refused at once when its
 * Content-Length says more, cut off when a chunked upload grows past it)
 * and answered on the last call. The state is freed, and the request
 * logged, in the completion callback.
 */
#include "server.h"

#include "serve/web.h"
#include "util/xmalloc.h"

#include <arpa/inet.h>
#include <microhttpd.h>
#include <netinet/in.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/socket.h>
#include <time.h>

/* Parameters of one request at most; bytes of a too big chunked upload
 * read (and dropped) before the connection is cut off. */
enum { MAX_PARAMS = 64 };
#define DROP_MAX ((size_t)256 << 20)

struct server {
	struct MHD_Daemon *d;
	server_config c;
	int port;
};

/* The state of one request. */
typedef struct req {
	buf body;          /* the upload so far (POST /api/code) */
	int upload;        /* collecting an upload */
	int too_big;       /* the upload went past max_body */
	size_t dropped;    /* bytes of it read and dropped since */
	int status;        /* the status answered (for the log) */
	size_t bytes;      /* body bytes answered */
	double t0;         /* monotonic seconds at the first call */
	char method[12];   /* for the log */
	char *path;        /* owned copy, for the log */
} req;

static double now_s(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* ---- Answers ---- */

static const char json_type[] = "application/json; charset=utf-8";

/* Queues an answer with data (len bytes). owned: data is malloc'd and
 * given to MHD (freed with the response); else it is static. is_api: the
 * API's headers (no-store), else a dashboard file's. */
static enum MHD_Result answer(struct MHD_Connection *c, req *r, int status, const char *type,
			      char *data, size_t len, int owned, int is_api, const char *allow)
{
	struct MHD_Response *rsp = owned ?
		MHD_create_response_from_buffer_with_free_callback(len, data, free) :
		MHD_create_response_from_buffer(len, data, MHD_RESPMEM_PERSISTENT);
	if (!rsp) {
		if (owned)
			free(data);
		return MHD_NO;
	}
	MHD_add_response_header(rsp, MHD_HTTP_HEADER_CONTENT_TYPE, type);
	MHD_add_response_header(rsp, "X-Content-Type-Options", "nosniff");
	MHD_add_response_header(rsp, "Referrer-Policy", "no-referrer");
	MHD_add_response_header(rsp, "X-Frame-Options", "DENY");
	if (is_api) {
		MHD_add_response_header(rsp, MHD_HTTP_HEADER_CACHE_CONTROL, "no-store");
	} else {
		MHD_add_response_header(rsp, MHD_HTTP_HEADER_CACHE_CONTROL, "no-cache");
		MHD_add_response_header(rsp, "Content-Security-Policy",
					"default-src 'self'; base-uri 'none'; form-action 'self';"
					" frame-ancestors 'none'; object-src 'none'");
	}
	if (allow)
		MHD_add_response_header(rsp, MHD_HTTP_HEADER_ALLOW, allow);
	r->status = status;
	r->bytes = len;
	enum MHD_Result ok = MHD_queue_response(c, (unsigned)status, rsp);
	MHD_destroy_response(rsp);
	return ok;
}

/* Queues the JSON body b (taken over). */
static enum MHD_Result answer_buf(struct MHD_Connection *c, req *r, int status, buf *b,
				  const char *allow)
{
	size_t len = b->len;
	char *data = buf_steal(b);
	if (!data)
		data = xstrdup("");
	return answer(c, r, status, json_type, data, len, 1, 1, allow);
}

static enum MHD_Result answer_error(struct MHD_Connection *c, req *r, int status,
				    const char *msg, const char *param, const char *allow)
{
	buf b = BUF_INIT;
	api_error_json(&b, msg, param);
	return answer_buf(c, r, status, &b, allow);
}

/* ---- Parameters ---- */

typedef struct params {
	api_param v[MAX_PARAMS];
	int n;
	int too_many;
	size_t bytes;      /* names and values */
} params;

static enum MHD_Result add_param(void *cls, enum MHD_ValueKind kind, const char *key,
				 size_t key_size, const char *value, size_t value_size)
{
	(void)kind;
	params *p = cls;
	p->bytes += key_size + value_size + 2;
	if (p->n == MAX_PARAMS) {
		p->too_many = 1;
		return MHD_YES;
	}
	p->v[p->n].name = key ? key : "";
	p->v[p->n].value = value ? value : "";
	p->v[p->n].value_len = value ? value_size : 0;
	p->n++;
	return MHD_YES;
}

/* ---- Requests ---- */

/* Answers r once its request is whole. */
static enum MHD_Result dispatch(server *s, struct MHD_Connection *c, req *r, const char *url,
				const char *method)
{
	if (strncmp(url, "/api/", 5) != 0 && strcmp(url, "/api") != 0) {
		if (strcmp(method, "GET") && strcmp(method, "HEAD"))
			return answer_error(c, r, 405, "method not allowed (use GET)", NULL, "GET, HEAD");
		const web_file *f = web_find(url);
		if (!f)
			return answer_error(c, r, 404, "not found", NULL, NULL);
		return answer(c, r, 200, f->type, (char *)f->data, f->len, 0, 0, NULL);
	}
	params p;
	memset(&p, 0, sizeof p);
	MHD_get_connection_values_n(c, MHD_GET_ARGUMENT_KIND, add_param, &p);
	if (strlen(url) + p.bytes > s->c.max_url)
		return answer_error(c, r, 414, "the URL is too long", NULL, NULL);
	if (p.too_many)
		return answer_error(c, r, 400, "too many parameters", NULL, NULL);
	api_request rq = {method, url, p.v, p.n, r->body.data, r->body.len};
	api_response rs;
	api_handle(s->c.api, &rq, &rs);
	return answer_buf(c, r, rs.status, &rs.body, rs.allow);
}

static enum MHD_Result on_request(void *cls, struct MHD_Connection *c, const char *url,
				  const char *method, const char *version,
				  const char *upload_data, size_t *upload_data_size, void **con_cls)
{
	(void)version;
	server *s = cls;
	req *r = *con_cls;
	if (!r) {
		/* First call: the headers are in. */
		r = xcalloc(1, sizeof *r);
		*con_cls = r;
		r->t0 = now_s();
		snprintf(r->method, sizeof r->method, "%s", method);
		r->path = xstrdup(url);
		const char *cl = MHD_lookup_connection_value(c, MHD_HEADER_KIND,
							     MHD_HTTP_HEADER_CONTENT_LENGTH);
		const char *te = MHD_lookup_connection_value(c, MHD_HEADER_KIND,
							     MHD_HTTP_HEADER_TRANSFER_ENCODING);
		if (strcmp(url, "/api/code") || strcmp(method, "POST")) {
			/* A body nobody reads is not waited for: answered
			 * now (and the connection then closed). Requests
			 * without one are answered on the next call, which
			 * keeps the connection alive. */
			if (te || (cl && strcmp(cl, "0")))
				return dispatch(s, c, r, url, method);
			return MHD_YES;
		}
		if (cl) {
			char *end;
			unsigned long long n = strtoull(cl, &end, 10);
			if (end == cl || *end || n > s->c.max_body) {
				char msg[96];
				snprintf(msg, sizeof msg, "the body is larger than %zu bytes", s->c.max_body);
				return answer_error(c, r, 413, msg, NULL, NULL);
			}
		}
		r->upload = 1;
		return MHD_YES;
	}
	if (r->upload && *upload_data_size > 0) {
		size_t n = *upload_data_size;
		*upload_data_size = 0;
		if (r->body.len + n > s->c.max_body) {
			/* A chunked upload past the limit: MHD cannot
			 * answer in the middle of an upload, so the rest
			 * is read and dropped and answered 413 at its end
			 * - up to DROP_MAX bytes; a longer one is cut off. */
			r->too_big = 1;
			r->dropped = r->body.len;
			buf_free(&r->body);
		}
		if (r->too_big) {
			r->dropped += n;
			return r->dropped > DROP_MAX ? MHD_NO : MHD_YES;
		}
		buf_add(&r->body, upload_data, n);
		return MHD_YES;
	}
	if (*upload_data_size > 0) {
		*upload_data_size = 0; /* a body nobody asked for */
		return MHD_YES;
	}
	if (r->status)
		return MHD_YES; /* answered already */
	if (r->too_big) {
		char msg[96];
		snprintf(msg, sizeof msg, "the body is larger than %zu bytes", s->c.max_body);
		return answer_error(c, r, 413, msg, NULL, NULL);
	}
	return dispatch(s, c, r, url, method);
}

/* Writes path with control and non-ASCII bytes escaped. */
static void log_path(FILE *out, const char *p)
{
	for (const unsigned char *u = (const unsigned char *)p; *u; u++) {
		if (*u >= 0x20 && *u < 0x7f)
			fputc(*u, out);
		else
			fprintf(out, "\\x%02X", *u);
	}
}

static void on_completed(void *cls, struct MHD_Connection *c, void **con_cls,
			 enum MHD_RequestTerminationCode toe)
{
	(void)c;
	server *s = cls;
	req *r = *con_cls;
	if (!r)
		return;
	if (s->c.verbose) {
		/* One write per line, so lines of threads do not mix. */
		char *line = NULL;
		size_t len = 0;
		FILE *m = open_memstream(&line, &len);
		if (m) {
			fprintf(m, "dyad serve: %s ", r->method);
			log_path(m, r->path ? r->path : "?");
			if (toe == MHD_REQUEST_TERMINATED_COMPLETED_OK)
				fprintf(m, " %d %zu bytes %.1f ms\n", r->status, r->bytes,
					(now_s() - r->t0) * 1000.0);
			else
				fprintf(m, " %d cut off (%s)\n", r->status,
					toe == MHD_REQUEST_TERMINATED_TIMEOUT_REACHED ? "timeout" :
					toe == MHD_REQUEST_TERMINATED_READ_ERROR ? "read error" :
					toe == MHD_REQUEST_TERMINATED_CLIENT_ABORT ? "client closed" :
					"error");
			if (fclose(m) == 0)
				fwrite(line, 1, len, stderr);
			free(line);
		}
	}
	buf_free(&r->body);
	free(r->path);
	free(r);
	*con_cls = NULL;
}

/* ---- Life cycle ---- */

int server_parse_listen(const char *value, char *host, size_t host_size, int *port)
{
	const char *h = "127.0.0.1", *ps = value;
	size_t hl = strlen(h);
	if (value[0] == '[') {
		const char *close = strchr(value, ']');
		if (!close || close[1] != ':')
			return -1;
		h = value + 1;
		hl = (size_t)(close - h);
		ps = close + 2;
	} else if (strchr(value, ':')) {
		const char *colon = strrchr(value, ':');
		if (strchr(value, ':') != colon)
			return -1; /* an IPv6 address needs brackets */
		h = value;
		hl = (size_t)(colon - value);
		ps = colon + 1;
	}
	char *end;
	long p = strtol(ps, &end, 10);
	if (end == ps || *end || p < 0 || p > 65535 || hl == 0 || hl >= host_size)
		return -1;
	memcpy(host, h, hl);
	host[hl] = '\0';
	if (!strcmp(host, "localhost"))
		snprintf(host, host_size, "127.0.0.1");
	unsigned char a[sizeof(struct in6_addr)];
	if (inet_pton(AF_INET, host, a) != 1 && inet_pton(AF_INET6, host, a) != 1)
		return -1;
	*port = (int)p;
	return 0;
}

server *server_start(const server_config *c, char *err, size_t err_size)
{
	struct sockaddr_in v4;
	struct sockaddr_in6 v6;
	struct sockaddr *sa;
	unsigned flags = MHD_USE_INTERNAL_POLLING_THREAD | MHD_USE_EPOLL;
	memset(&v4, 0, sizeof v4);
	memset(&v6, 0, sizeof v6);
	if (inet_pton(AF_INET, c->host, &v4.sin_addr) == 1) {
		v4.sin_family = AF_INET;
		v4.sin_port = htons((unsigned short)c->port);
		sa = (struct sockaddr *)&v4;
	} else if (inet_pton(AF_INET6, c->host, &v6.sin6_addr) == 1) {
		v6.sin6_family = AF_INET6;
		v6.sin6_port = htons((unsigned short)c->port);
		sa = (struct sockaddr *)&v6;
		flags |= MHD_USE_IPv6;
	} else {
		snprintf(err, err_size, "%s: not a numeric IP address", c->host);
		return NULL;
	}
	if (c->verbose)
		flags |= MHD_USE_ERROR_LOG;
	server *s = xcalloc(1, sizeof *s);
	s->c = *c;
	if (s->c.threads < 1)
		s->c.threads = 1;
	s->d = MHD_start_daemon(flags, (uint16_t)c->port, NULL, NULL, on_request, s,
				MHD_OPTION_SOCK_ADDR, sa,
				MHD_OPTION_THREAD_POOL_SIZE, (unsigned)s->c.threads,
				MHD_OPTION_CONNECTION_TIMEOUT, (unsigned)c->conn_timeout_s,
				MHD_OPTION_CONNECTION_MEMORY_LIMIT, (size_t)(128 * 1024),
				MHD_OPTION_CONNECTION_LIMIT, c->max_conns,
				MHD_OPTION_NOTIFY_COMPLETED, on_completed, s,
				MHD_OPTION_END);
	if (!s->d) {
		snprintf(err, err_size, "cannot listen on %s port %d (in use, or not an address of this machine?)",
			 c->host, c->port);
		free(s);
		return NULL;
	}
	const union MHD_DaemonInfo *info = MHD_get_daemon_info(s->d, MHD_DAEMON_INFO_BIND_PORT);
	s->port = info && info->port ? (int)info->port : c->port;
	return s;
}

int server_port(const server *s)
{
	return s->port;
}

void server_stop(server *s)
{
	if (!s)
		return;
	MHD_stop_daemon(s->d);
	free(s);
}

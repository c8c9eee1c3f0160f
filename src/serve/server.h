/*
 * server.h - the HTTP side of `dyad serve`: a libmicrohttpd daemon with
 * its own threads that answers /api/... with the api module and every
 * other path with the dashboard's embedded files (web.h), and enforces
 * the limits: request size, upload size, idle and half-sent connections,
 * the number of connections. Every answer carries Content-Type,
 * X-Content-Type-Options: nosniff and Referrer-Policy; API answers are
 * Cache-Control: no-store; dashboard pages get a Content-Security-Policy
 * that allows only 'self'.
 */
#ifndef DYAD_SERVE_SERVER_H
#define DYAD_SERVE_SERVER_H

#include <stddef.h>

#include "api.h"

typedef struct server server;

typedef struct server_config {
	const char *host;       /* numeric IPv4 ("127.0.0.1") or IPv6 ("::1")
				 * address to listen on (borrowed) */
	int port;               /* 0: any free port (see server_port) */
	int threads;            /* request threads (>= 1); the api should
				 * have as many store handles */
	int conn_timeout_s;     /* a connection idle (or sending nothing
				 * more of a half-sent request) this many
				 * seconds is closed */
	size_t max_body;        /* bytes of a POST body at most (413 beyond) */
	size_t max_url;         /* bytes of path plus query string (414) */
	unsigned max_conns;     /* connections at once */
	int verbose;            /* one line per request on standard error */
	api *api;               /* borrowed; must outlive the server */
} server_config;

/* Parses a --listen value: "HOST:PORT", "[IPV6]:PORT" or "PORT" (then
 * 127.0.0.1), HOST numeric or "localhost". Writes the numeric address to
 * host (host_size bytes) and the port (0..65535) to *port. Returns 0, or
 * -1 when value is not one. */
int server_parse_listen(const char *value, char *host, size_t host_size, int *port);

/* Starts listening and answering (threads of its own). Returns the
 * server, or NULL with a message in err (err_size bytes). */
server *server_start(const server_config *c, char *err, size_t err_size);
/* The port listened on (the one chosen when c->port was 0). */
int server_port(const server *s);
/* Stops listening, closes every connection once its request is answered,
 * and frees s; NULL is a no-op. */
void server_stop(server *s);

#endif

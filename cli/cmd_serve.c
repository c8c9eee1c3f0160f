/*
 * cmd_serve.c - `dyad serve --db TARGET [--listen HOST:PORT]`: the JSON
 * API and the dashboard over HTTP (src/serve), read-only on the store,
 * until SIGINT or SIGTERM; then it stops cleanly and frees everything.
 */
#include "commands.h"
#include "options.h"

#include "engine/engine.h"
#include "serve/api.h"
#include "serve/server.h"

#include <errno.h>
#include <pthread.h>
#include <signal.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define DYAD_SERVE_VERSION "0.1.0"

/* Store handles (queries running at once) at most. Request threads are
 * many more: a thread waiting for an identical request's answer (see
 * api_handle) or for a handle holds no store connection, and many
 * threads keep a slow query from holding up the connections behind it. */
enum { MAX_STORES = 8 };

typedef struct serve_args {
	const char *listen;   /* --listen, default 127.0.0.1:8080 */
	long threads;         /* --threads */
	long timeout_ms;      /* --timeout-ms: per store query */
	long conn_timeout;    /* --conn-timeout: seconds */
	long max_body;        /* --max-body: bytes */
} serve_args;

/* The options only serve has, with where their values go. */
typedef struct serve_opt {
	const char *name;
	long min, max;        /* for counts */
	size_t off;           /* offsetof the field in serve_args */
	int is_count;
} serve_opt;

static const serve_opt serve_opts[] = {
	{"--listen", 0, 0, offsetof(serve_args, listen), 0},
	{"--threads", 1, 256, offsetof(serve_args, threads), 1},
	{"--timeout-ms", 0, 3600000, offsetof(serve_args, timeout_ms), 1},
	{"--conn-timeout", 1, 3600, offsetof(serve_args, conn_timeout), 1},
	{"--max-body", 1, 1L << 30, offsetof(serve_args, max_body), 1},
};

/* Takes serve's own options out of argv (into sa) and leaves the rest,
 * in order, in rest (argc entries; rest[0] = argv[0]); *nrest is their
 * number. Returns 0, or -1 with a message. */
static int split_args(int argc, char **argv, serve_args *sa, char **rest, int *nrest)
{
	int n = 0;
	rest[n++] = argv[0];
	for (int i = 1; i < argc; i++) {
		const serve_opt *so = NULL;
		const char *val = NULL;
		for (size_t k = 0; k < sizeof serve_opts / sizeof serve_opts[0]; k++) {
			size_t len = strlen(serve_opts[k].name);
			if (!strncmp(argv[i], serve_opts[k].name, len) &&
			    (argv[i][len] == '\0' || argv[i][len] == '=')) {
				so = &serve_opts[k];
				val = argv[i][len] == '=' ? argv[i] + len + 1 : NULL;
				break;
			}
		}
		if (!so) {
			rest[n++] = argv[i];
			continue;
		}
		if (!val) {
			if (i + 1 >= argc) {
				fprintf(stderr, "dyad serve: %s needs a value\n", so->name);
				return -1;
			}
			val = argv[++i];
		}
		char *field = (char *)sa + so->off;
		if (!so->is_count) {
			memcpy(field, &val, sizeof val);
			continue;
		}
		char *end;
		errno = 0;
		long v = strtol(val, &end, 10);
		if (errno || end == val || *end || v < so->min || v > so->max) {
			fprintf(stderr, "dyad serve: %s %s: want a whole number from %ld to %ld\n",
				so->name, val, so->min, so->max);
			return -1;
		}
		memcpy(field, &v, sizeof v);
	}
	rest[n] = NULL;
	*nrest = n;
	return 0;
}

/* target without the password of a URL ("postgresql://u:pw@h/db" ->
 * "postgresql://u@h/db"), for the startup line. Owned by the caller. */
static char *redact(const char *target)
{
	char *s = strdup(target);
	if (!s)
		return NULL;
	char *scheme = strstr(s, "://");
	if (!scheme)
		return s;
	char *user = scheme + 3;
	char *at = strchr(user, '@');
	char *slash = strchr(user, '/');
	if (!at || (slash && slash < at))
		return s;
	char *colon = memchr(user, ':', (size_t)(at - user));
	if (colon)
		memmove(colon, at, strlen(at) + 1);
	return s;
}

/* Never runs: SIGINT and SIGTERM stay blocked and are taken by sigwait. */
static void on_stop_signal(int sig)
{
	(void)sig;
}

int cmd_serve(int argc, char **argv)
{
	serve_args sa = {"127.0.0.1:8080", 32, 5000, 10, 1L << 20};
	char **rest = calloc((size_t)argc + 1, sizeof *rest);
	int nrest = 0;
	if (!rest)
		return EXIT_IO;
	cli_opts o;
	memset(&o, 0, sizeof o);
	if (split_args(argc, argv, &sa, rest, &nrest) < 0 ||
	    cli_parse(nrest, rest, "serve", &o) < 0) {
		cli_opts_free(&o);
		free(rest);
		return EXIT_USAGE;
	}
	int bad = 0;
	if (o.nargs > 0) {
		fprintf(stderr, "dyad serve: unexpected argument %s\n", o.args[0]);
		bad = 1;
	} else if (o.format || o.output || o.input || o.parse || o.use_parse || o.stats ||
		   o.quiet || o.min_exact >= 0) {
		fprintf(stderr, "dyad serve: takes --db, --listen, --threads, --timeout-ms,"
				" --conn-timeout, --max-body, -v and dictionary and coding options\n");
		bad = 1;
	} else if (!o.db) {
		fprintf(stderr, "dyad serve: --db TARGET is required (an SQLite file or a postgresql:// URL)\n");
		bad = 1;
	}
	char host[64];
	int port = 0;
	if (!bad && server_parse_listen(sa.listen, host, sizeof host, &port) < 0) {
		fprintf(stderr, "dyad serve: --listen %s: want HOST:PORT or [IPV6]:PORT with a numeric address\n",
			sa.listen);
		bad = 1;
	}
	if (bad) {
		cli_opts_free(&o);
		free(rest);
		return EXIT_USAGE;
	}

	/* SIGINT and SIGTERM are taken by sigwait below; blocked before any
	 * thread starts, so every thread inherits the mask. */
	sigset_t stop;
	sigemptyset(&stop);
	sigaddset(&stop, SIGINT);
	sigaddset(&stop, SIGTERM);
	pthread_sigmask(SIG_BLOCK, &stop, NULL);
	/* A signal ignored by inheritance (a shell's background job ignores
	 * SIGINT) would be dropped, never reaching sigwait: catch both. */
	struct sigaction sa_stop;
	memset(&sa_stop, 0, sizeof sa_stop);
	sa_stop.sa_handler = on_stop_signal;
	sigemptyset(&sa_stop.sa_mask);
	sigaction(SIGINT, &sa_stop, NULL);
	sigaction(SIGTERM, &sa_stop, NULL);
	signal(SIGPIPE, SIG_IGN);

	int rc = EXIT_OK;
	diag *dg = diag_new(stderr, o.strict);
	dict *d = cli_load_dict(&o, NULL, dg);
	engine *eng = d ? engine_new(d, dg) : NULL;
	api *a = NULL;
	server *srv = NULL;
	char err[512];
	if (!eng) {
		rc = EXIT_IO;
		goto out;
	}
	api_config ac = {
		.db = o.db, .nstores = sa.threads < MAX_STORES ? (int)sa.threads : MAX_STORES,
		.timeout_ms = (int)sa.timeout_ms,
		.eng = eng, .settings = cli_apply_flags(&o, doc_settings_default(0)),
		.date = o.date, .version = DYAD_SERVE_VERSION
	};
	a = api_new(&ac, err, sizeof err);
	if (!a) {
		fprintf(stderr, "dyad serve: %s\n", err);
		rc = EXIT_IO;
		goto out;
	}
	server_config sc = {
		.host = host, .port = port, .threads = (int)sa.threads,
		.conn_timeout_s = (int)sa.conn_timeout, .max_body = (size_t)sa.max_body,
		.max_url = 8192, .max_conns = 512, .verbose = o.verbose, .api = a
	};
	srv = server_start(&sc, err, sizeof err);
	if (!srv) {
		fprintf(stderr, "dyad serve: %s\n", err);
		rc = EXIT_IO;
		goto out;
	}
	char *shown = redact(o.db);
	int v6 = strchr(host, ':') != NULL;
	fprintf(stderr, "dyad serve: listening on http://%s%s%s:%d (%ld threads, database %s)\n",
		v6 ? "[" : "", host, v6 ? "]" : "", server_port(srv), sa.threads,
		shown ? shown : o.db);
	fflush(stderr);
	free(shown);
	int sig = 0;
	sigwait(&stop, &sig);
	if (o.verbose)
		fprintf(stderr, "dyad serve: %s: stopping\n", sig == SIGINT ? "SIGINT" : "SIGTERM");
out:
	server_stop(srv);
	api_free(a);
	engine_free(eng);
	diag_free(dg);
	cli_opts_free(&o);
	free(rest);
	return rc;
}

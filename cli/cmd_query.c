/*
 * cmd_query.c - `dyad query events|series --db FILE`: the stored events
 * (deduplicated) with filters, as a table, CSV or JSON Lines; and their
 * time series for a dyad or an actor, per day, ISO week, month or year.
 */
#include "commands.h"
#include "options.h"

#include "store/export.h"
#include "store/qparse.h"
#include "store/store.h"
#include "store/textq.h"

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum {
	Q_DB = 256, Q_SOURCE, Q_TARGET, Q_ACTOR, Q_CODE, Q_ROOT, Q_FROM, Q_TO,
	Q_LIMIT, Q_FORMAT, Q_BOTH, Q_BY, Q_QUAD, Q_PLOVER, Q_PLACE, Q_TEXT,
	Q_MENTIONS, Q_OFFSET, Q_ONE_A_DAY
};

static const struct option query_opts[] = {
	{"db", required_argument, NULL, Q_DB},
	{"source", required_argument, NULL, Q_SOURCE},
	{"target", required_argument, NULL, Q_TARGET},
	{"actor", required_argument, NULL, Q_ACTOR},
	{"code", required_argument, NULL, Q_CODE},
	{"root", required_argument, NULL, Q_ROOT},
	{"from", required_argument, NULL, Q_FROM},
	{"to", required_argument, NULL, Q_TO},
	{"limit", required_argument, NULL, Q_LIMIT},
	{"format", required_argument, NULL, Q_FORMAT},
	{"both", no_argument, NULL, Q_BOTH},
	{"by", required_argument, NULL, Q_BY},
	{"quad", required_argument, NULL, Q_QUAD},
	{"plover", required_argument, NULL, Q_PLOVER},
	{"place", required_argument, NULL, Q_PLACE},
	{"text", required_argument, NULL, Q_TEXT},
	{"mentions", no_argument, NULL, Q_MENTIONS},
	{"one-a-day", no_argument, NULL, Q_ONE_A_DAY},
	{"offset", required_argument, NULL, Q_OFFSET},
	{NULL, 0, NULL, 0},
};

typedef enum { FMT_TABLE, FMT_CSV, FMT_JSONL } out_format;

typedef struct query_args {
	const char *db;
	store_filter f;
	char from[16], to[16]; /* ISO days the filter points to */
	out_format format;
	int format_given;
	int both;
	int by;                /* store_period, -1 if not given */
} query_args;

/* Parses a --from/--to date into an ISO day; -1 with a message if it is
 * not a real calendar date. */
static int parse_day(const char *cmd, const char *opt, const char *s, char out[16])
{
	if (qparse_day(s, out) < 0) {
		fprintf(stderr, "dyad query %s: %s %s: not a date (YYYY-MM-DD)\n", cmd, opt, s);
		return -1;
	}
	return 0;
}

/* Parses a count (min 0 or 1) into *out; -1 with a message if it is not
 * one. */
static int parse_count(const char *cmd, const char *opt, const char *s, long min, long *out)
{
	if (qparse_count(s, min, out) < 0) {
		fprintf(stderr, "dyad query %s: %s %s: want a %s count\n", cmd, opt, s,
			min > 0 ? "positive" : "non-negative");
		return -1;
	}
	return 0;
}

static int parse_args(int argc, char **argv, const char *cmd, query_args *q)
{
	memset(q, 0, sizeof *q);
	q->by = -1;
	optind = 1;
	opterr = 0;
	int c;
	while ((c = getopt_long(argc, argv, ":", query_opts, NULL)) != -1) {
		switch (c) {
		case Q_DB: q->db = optarg; break;
		case Q_SOURCE: q->f.source = optarg; break;
		case Q_TARGET: q->f.target = optarg; break;
		case Q_ACTOR: q->f.actor = optarg; break;
		case Q_CODE: q->f.code = optarg; break;
		case Q_ROOT: q->f.root = optarg; break;
		case Q_FROM:
			if (parse_day(cmd, "--from", optarg, q->from) < 0)
				return -1;
			q->f.from = q->from;
			break;
		case Q_TO:
			if (parse_day(cmd, "--to", optarg, q->to) < 0)
				return -1;
			q->f.to = q->to;
			break;
		case Q_LIMIT:
			if (parse_count(cmd, "--limit", optarg, 1, &q->f.limit) < 0)
				return -1;
			break;
		case Q_OFFSET:
			if (parse_count(cmd, "--offset", optarg, 0, &q->f.offset) < 0)
				return -1;
			break;
		case Q_QUAD: {
			long v;
			if (parse_count(cmd, "--quad", optarg, 1, &v) < 0)
				return -1;
			if (v > 4) {
				fprintf(stderr, "dyad query %s: --quad %s: want 1, 2, 3 or 4\n", cmd, optarg);
				return -1;
			}
			q->f.quad = (int)v;
			break;
		}
		case Q_PLOVER: q->f.plover = optarg; break;
		case Q_PLACE: q->f.place = optarg; break;
		case Q_TEXT: {
			/* checked here, before any output */
			char why[128];
			buf tq = BUF_INIT;
			int bad = textq_translate(optarg, TEXTQ_FTS5, &tq, why, sizeof why) < 0;
			buf_free(&tq);
			if (bad) {
				fprintf(stderr, "dyad query %s: --text %s: %s\n", cmd, optarg, why);
				return -1;
			}
			q->f.text = optarg;
			break;
		}
		case Q_MENTIONS: q->f.mentions = 1; break;
		case Q_ONE_A_DAY: q->f.one_a_day = 1; break;
		case Q_FORMAT:
			if (!strcmp(optarg, "table"))
				q->format = FMT_TABLE;
			else if (!strcmp(optarg, "csv"))
				q->format = FMT_CSV;
			else if (!strcmp(optarg, "jsonl"))
				q->format = FMT_JSONL;
			else {
				fprintf(stderr, "dyad query %s: --format %s: unknown format (table, csv, jsonl)\n",
					cmd, optarg);
				return -1;
			}
			q->format_given = 1;
			break;
		case Q_BOTH: q->both = 1; break;
		case Q_BY:
			q->by = qparse_period(optarg);
			if (q->by < 0) {
				fprintf(stderr, "dyad query %s: --by %s: want day, week, month or year\n", cmd, optarg);
				return -1;
			}
			break;
		case ':':
			fprintf(stderr, "dyad query %s: %s needs a value\n", cmd, argv[optind - 1]);
			return -1;
		default:
			fprintf(stderr, "dyad query %s: unknown option %s\n", cmd, argv[optind - 1]);
			return -1;
		}
	}
	if (optind < argc) {
		fprintf(stderr, "dyad query %s: unexpected argument %s\n", cmd, argv[optind]);
		return -1;
	}
	if (q->f.mentions && q->f.one_a_day) {
		fprintf(stderr, "dyad query %s: --one-a-day filters events, not --mentions\n", cmd);
		return -1;
	}
	if (!q->db) {
		fprintf(stderr, "dyad query %s: --db FILE is required\n", cmd);
		return -1;
	}
	if (q->f.from && q->f.to && strcmp(q->f.from, q->f.to) > 0) {
		fprintf(stderr, "dyad query %s: --from %s is after --to %s\n", cmd, q->f.from, q->f.to);
		return -1;
	}
	return 0;
}

/* ---- Output ---- */

typedef struct ev_out {
	FILE *out;
	out_format format;
	buf line;   /* one csv/jsonl row, reused */
} ev_out;

/* Write errors are found by finish_output (ferror). */
static void print_event(void *ctx, const store_event_row *r)
{
	ev_out *eo = ctx;
	FILE *out = eo->out;
	if (eo->format == FMT_CSV || eo->format == FMT_JSONL) {
		export_row x;
		qparse_export_row(r, &x);
		buf_clear(&eo->line);
		export_write(&eo->line, eo->format == FMT_CSV ? EXPORT_CSV : EXPORT_JSONL, &x);
		fwrite(eo->line.data, 1, eo->line.len, out);
	} else {
		char g[32] = "";
		if (r->has_goldstein)
			snprintf(g, sizeof g, "%.1f", r->goldstein);
		fprintf(out, "%-10s  %-12s  %-12s  %-5s  %5s  %8ld  %s\n", r->date ? r->date : "-",
			r->source, r->target, r->code, g, r->num_mentions, r->place ? r->place : "");
	}
}

static void print_series(void *ctx, const store_series_row *r)
{
	FILE *out = ctx;
	fprintf(out, "%s,%ld,%ld,%.15g,%.15g,%ld,%ld,%ld,%ld\n", r->period, r->events,
		r->mentions, r->goldstein_sum == 0 ? 0.0 : r->goldstein_sum,
		r->goldstein_mean == 0 ? 0.0 : r->goldstein_mean,
		r->q[0], r->q[1], r->q[2], r->q[3]);
}

static int finish_output(const char *cmd)
{
	if (fflush(stdout) != 0 || ferror(stdout)) {
		fprintf(stderr, "dyad query %s: error writing standard output\n", cmd);
		return EXIT_IO;
	}
	return EXIT_OK;
}

int cmd_query(int argc, char **argv)
{
	if (argc < 2 || (strcmp(argv[1], "events") && strcmp(argv[1], "series"))) {
		fprintf(stderr, "usage: dyad query events|series --db FILE [filters]\n");
		return EXIT_USAGE;
	}
	const char *cmd = argv[1];
	int series = !strcmp(cmd, "series");
	query_args q;
	if (parse_args(argc - 1, argv + 1, cmd, &q) < 0)
		return EXIT_USAGE;
	if (series) {
		if (!q.f.source || q.by < 0) {
			fprintf(stderr, "dyad query series: --source A and --by day|week|month|year are required\n");
			return EXIT_USAGE;
		}
		if (q.format_given && q.format != FMT_CSV) {
			fprintf(stderr, "dyad query series: only --format csv is available\n");
			return EXIT_USAGE;
		}
		if (q.f.limit || q.f.offset || q.f.mentions) {
			fprintf(stderr, "dyad query series: --limit, --offset and --mentions apply to query events only\n");
			return EXIT_USAGE;
		}
	} else if (q.by >= 0) {
		fprintf(stderr, "dyad query events: --by applies to query series only\n");
		return EXIT_USAGE;
	} else if (q.both && !q.f.source) {
		fprintf(stderr, "dyad query events: --both needs --source (and --target: either direction)\n");
		return EXIT_USAGE;
	}
	q.f.both = q.both;
	char err[512];
	store *st = store_open(q.db, 0, err, sizeof err);
	if (!st) {
		fprintf(stderr, "dyad query %s: %s\n", cmd, err);
		return EXIT_IO;
	}
	long n;
	if (series) {
		fputs("period,events,mentions,goldstein_sum,goldstein_mean,q1,q2,q3,q4\n", stdout);
		n = store_query_series(st, &q.f, q.both, (store_period)q.by, print_series, stdout);
	} else {
		ev_out eo = {stdout, q.format, BUF_INIT};
		if (q.format == FMT_CSV) {
			export_header(&eo.line, EXPORT_CSV);
			fwrite(eo.line.data, 1, eo.line.len, stdout);
		} else if (q.format == FMT_TABLE) {
			printf("%-10s  %-12s  %-12s  %-5s  %5s  %8s  %s\n", "date", "source", "target",
			       "code", "gold", "mentions", "place");
		}
		n = store_query_events(st, &q.f, print_event, &eo);
		buf_free(&eo.line);
	}
	int rc = EXIT_OK;
	if (n < 0) {
		fprintf(stderr, "dyad query %s: %s\n", cmd, store_error(st));
		rc = EXIT_IO;
	}
	store_close(st);
	int orc = finish_output(cmd);
	return rc != EXIT_OK ? rc : orc;
}

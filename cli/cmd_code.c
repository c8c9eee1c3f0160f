/*
 * cmd_code.c - `dyad code`: documents in, events out (JSON Lines or
 * Phoenix TSV), as ../shared/docs/formats.md specifies.
 */
#include "commands.h"
#include "options.h"

#include "engine/engine.h"
#include "read/reader.h"
#include "util/buf.h"
#include "write/write.h"

#include <errno.h>
#include <stdio.h>
#include <sys/resource.h>
#include <stdlib.h>
#include <string.h>

typedef struct out_ctx {
	FILE *out;        /* borrowed output stream */
	int phoenix;      /* --format phoenix */
	buf story;        /* the current story's events, written at its end */
	uint64_t next_id; /* Phoenix EventID counter */
	int io_error;     /* a write failed */
} out_ctx;

static void on_event(void *ctx, const ev_event *e)
{
	out_ctx *o = ctx;
	if (o->phoenix)
		write_phoenix(&o->story, e, ++o->next_id);
	else
		write_jsonl(&o->story, e);
}

static void on_story_end(void *ctx, int discard)
{
	out_ctx *o = ctx;
	if (!discard && o->story.len > 0) {
		if (fwrite(o->story.data, 1, o->story.len, o->out) != o->story.len)
			o->io_error = 1;
	}
	buf_clear(&o->story);
}

/* Writes the held events once they are final and enough to be worth a
 * write, so memory stays small for long documents. */
static void on_flush(void *ctx)
{
	out_ctx *o = ctx;
	if (o->story.len < 64 * 1024)
		return;
	if (fwrite(o->story.data, 1, o->story.len, o->out) != o->story.len)
		o->io_error = 1;
	buf_clear(&o->story);
}

/* --stats: what a benchmark needs, measured inside one run. */
static void print_stats(const eng_session *ses, double load_s, double t0)
{
	double total = cli_now() - t0;
	struct rusage ru;
	getrusage(RUSAGE_SELF, &ru);
	const eng_stats *st = ses ? eng_session_stats(ses) : NULL;
	long long sents = st ? (long long)st->sentences : 0;
	double coding = total - load_s;
	fprintf(stderr,
		"stats: dictionaries loaded in %.3f s\n"
		"stats: %lld documents, %lld sentences, %lld events in %.3f s\n"
		"stats: %.0f sentences/s coding (%.0f sentences/s including load)\n"
		"stats: peak memory %.1f MB\n",
		load_s, st ? (long long)st->docs : 0, sents,
		st ? (long long)st->events : 0, coding,
		coding > 0 ? (double)sents / coding : 0.0,
		total > 0 ? (double)sents / total : 0.0,
		(double)ru.ru_maxrss / 1024.0);
}

int cmd_code(int argc, char **argv)
{
	double t0 = cli_now(), load_s = 0;
	long dict_reports = 0; /* problems in dictionaries: reported, not fatal */
	cli_opts o;
	if (cli_parse(argc, argv, "code", &o) < 0) {
		cli_opts_free(&o);
		return EXIT_USAGE;
	}
	int rc = EXIT_OK;
	diag *dg = diag_new(stderr, o.strict);
	FILE *out = stdout;
	if (o.output) {
		out = fopen(o.output, "w");
		if (!out) {
			fprintf(stderr, "dyad code: %s: %s\n", o.output, strerror(errno));
			diag_free(dg);
			cli_opts_free(&o);
			return EXIT_IO;
		}
	}
	out_ctx oc = {.out = out, .phoenix = o.format && !strcmp(o.format, "phoenix")};
	eng_sink sink = {.ctx = &oc, .event = on_event, .story_end = on_story_end,
			 .flush = on_flush};
	engine *eng = NULL;
	eng_session *ses = NULL;
	cli_docs it;
	cli_docs_init(&it, &o, dg, "code", &sink, &eng, &ses);
	int got;
	while ((got = cli_docs_next(&it)) == 1) {
		if (eng_code_doc(ses, &it.d, &it.set, o.use_parse) < 0)
			rc = EXIT_INPUT;
		if (diag_failed(dg))
			break;
	}
	rc = cli_docs_end(&it, got, rc);
	load_s = it.load_s;
	dict_reports = it.dict_reports;
	if (ses)
		eng_finish(ses);
	if (o.stats)
		print_stats(ses, load_s, t0);
	eng_session_free(ses);
	engine_free(eng);
	buf_free(&oc.story);
	if (fflush(out) != 0 || ferror(out) || oc.io_error) {
		fprintf(stderr, "dyad code: error writing %s\n", o.output ? o.output : "standard output");
		rc = EXIT_IO;
	}
	if (o.output && fclose(out) != 0 && rc != EXIT_IO) {
		fprintf(stderr, "dyad code: error closing %s\n", o.output);
		rc = EXIT_IO;
	}
	/* Skipped dictionary lines are warnings; a document problem is not. */
	if (rc == EXIT_OK && diag_count(dg) > dict_reports)
		rc = EXIT_INPUT;
	diag_free(dg);
	cli_opts_free(&o);
	return rc;
}

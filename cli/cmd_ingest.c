/*
 * cmd_ingest.c - `dyad ingest --db FILE`: codes documents as `dyad code`
 * does and keeps documents, mentions and events in the store. Documents
 * already stored with the same content are skipped; changed ones replace
 * their old mentions. Batches commit at story boundaries, atomically.
 * `dyad recode --db FILE` codes the stored documents again, with other
 * dictionaries, and reports the events added, removed and changed.
 */
#include "commands.h"
#include "options.h"

#include "engine/engine.h"
#include "read/reader.h"
#include "store/store.h"
#include "util/arena.h"
#include "util/xmalloc.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* Documents per batch (one transaction); a batch ends at a story end. */
enum { INGEST_BATCH_DOCS = 500 };

/* A mention held until its story ends (a story-level discard may drop
 * it); strings live in the context's arena. */
typedef struct pending {
	const char *doc_id; /* the stored document it came from */
	ev_event e;         /* copy (with its issues); the pattern is not kept */
} pending;

typedef struct ingest_ctx {
	store *st;            /* borrowed */
	const char *cur_doc;  /* id of the document being coded (borrowed) */
	arena *mem;           /* copies of the pending mentions' strings */
	pending *held;        /* owned array */
	int32_t nheld, capheld;
	long events;          /* mentions stored */
	int failed;           /* a store call failed (reported) */
} ingest_ctx;

static const char *dup_opt(arena *a, const char *s)
{
	return s ? arena_strndup(a, s, strlen(s)) : NULL;
}

static void on_event(void *ctx, const ev_event *e)
{
	ingest_ctx *c = ctx;
	if (c->nheld == c->capheld) {
		size_t cap = (size_t)c->capheld;
		xgrow((void **)&c->held, &cap, (size_t)c->nheld + 1, sizeof *c->held);
		c->capheld = (int32_t)cap;
	}
	pending *p = &c->held[c->nheld++];
	p->doc_id = dup_opt(c->mem, c->cur_doc);
	p->e = *e;
	p->e.doc = dup_opt(c->mem, e->doc);
	p->e.url = NULL;
	p->e.news_source = NULL;
	p->e.sid = dup_opt(c->mem, e->sid);
	p->e.source = dup_opt(c->mem, e->source);
	p->e.target = dup_opt(c->mem, e->target);
	p->e.code = dup_opt(c->mem, e->code);
	p->e.source_text = dup_opt(c->mem, e->source_text);
	p->e.target_text = dup_opt(c->mem, e->target_text);
	p->e.verb_text = dup_opt(c->mem, e->verb_text);
	p->e.sentence_text = dup_opt(c->mem, e->sentence_text);
	p->e.place.name = dup_opt(c->mem, e->place.name);
	p->e.place.country = dup_opt(c->mem, e->place.country);
	p->e.place.admin1 = dup_opt(c->mem, e->place.admin1);
	p->e.issues = NULL;
	p->e.nissues = 0;
	if (e->issues && e->nissues > 0) {
		ev_issue *is = arena_alloc(c->mem, (size_t)e->nissues * sizeof *is);
		for (int32_t i = 0; i < e->nissues; i++) {
			is[i].code = dup_opt(c->mem, e->issues[i].code);
			is[i].count = e->issues[i].count;
		}
		p->e.issues = is;
		p->e.nissues = e->nissues;
	}
	p->e.pattern = NULL;
}

static void on_story_end(void *ctx, int discard)
{
	ingest_ctx *c = ctx;
	for (int32_t i = 0; !discard && !c->failed && i < c->nheld; i++) {
		if (store_mention_add(c->st, c->held[i].doc_id, &c->held[i].e) < 0) {
			fprintf(stderr, "dyad ingest: %s\n", store_error(c->st));
			c->failed = 1;
		} else {
			c->events++;
		}
	}
	c->nheld = 0;
	arena_reset(c->mem);
}

/* Progress on a terminal: documents, skips, mentions, rate, and the time
 * left from the share done (frac, 0..1; -1 when unknown: then none).
 * skipped < 0: recode (no skips). */
static void progress(double t0, long docs, long skipped, long events, double frac, int last)
{
	double dt = cli_now() - t0;
	char skip[64] = "", eta[48] = "";
	if (skipped >= 0)
		snprintf(skip, sizeof skip, " (%ld unchanged, skipped)", skipped);
	if (!last && frac > 0.001 && frac < 1 && dt > 1) {
		long left = (long)(dt * (1 - frac) / frac + 0.5);
		snprintf(eta, sizeof eta, ", %2.0f%%, ETA %ldh%02ldm%02lds", frac * 100, left / 3600,
			 left / 60 % 60, left % 60);
	}
	/* \033[K clears what a longer earlier line left */
	fprintf(stderr, "\r%s: %ld documents%s, %ld mentions, %.0f documents/s%s\033[K%s",
		skipped >= 0 ? "ingest" : "recode", docs, skip, events,
		dt > 0 ? (double)docs / dt : 0.0, eta, last ? "\n" : "");
}

int cmd_ingest(int argc, char **argv)
{
	cli_opts o;
	if (cli_parse(argc, argv, "ingest", &o) < 0) {
		cli_opts_free(&o);
		return EXIT_USAGE;
	}
	if (!o.db) {
		fprintf(stderr, "dyad ingest: --db FILE is required\n");
		cli_opts_free(&o);
		return EXIT_USAGE;
	}
	if (o.format || o.output) {
		fprintf(stderr, "dyad ingest: --format and -o belong to dyad code and dyad query\n");
		cli_opts_free(&o);
		return EXIT_USAGE;
	}
	char err[512];
	store *st = store_open(o.db, STORE_WRITE, err, sizeof err);
	if (!st) {
		fprintf(stderr, "dyad ingest: %s\n", err);
		cli_opts_free(&o);
		return EXIT_IO;
	}
	int rc = EXIT_OK;
	long dict_reports = 0;
	diag *dg = diag_new(stderr, o.strict);
	ingest_ctx ic = {.st = st, .mem = arena_new()};
	eng_sink sink = {.ctx = &ic, .event = on_event, .story_end = on_story_end};
	engine *eng = NULL;
	eng_session *ses = NULL;
	char *story = NULL; /* the current story's key (owned) */
	char *prev_id = NULL; /* the previous stored document's id (owned) */
	long docs = 0, skipped = 0, batch_docs = 0;
	int tty = isatty(2);
	double t0 = cli_now(), last_shown = t0;
	if (store_begin(st) < 0) {
		fprintf(stderr, "dyad ingest: %s\n", store_error(st));
		rc = EXIT_IO;
	}
	cli_docs it;
	cli_docs_init(&it, &o, dg, NULL, &sink, &eng, &ses);
	int got = 0;
	while (rc != EXIT_IO && (got = cli_docs_next(&it)) == 1) {
		char hash[17];
		store_doc_hash(&it.d, hash);
		int status = store_doc_status(st, it.d.id, hash);
		if (status < 0) {
			fprintf(stderr, "dyad ingest: %s\n", store_error(st));
			rc = EXIT_IO;
			break;
		}
		docs++;
		if (status == STORE_DOC_SAME) {
			skipped++;
			continue;
		}
		/* A new story: the previous one's mentions are stored
		 * now, and a full batch may commit (never mid-story). */
		const char *key = it.d.story ? it.d.story : it.d.id;
		int same_id = prev_id && !strcmp(prev_id, it.d.id);
		if (story && (strcmp(story, key) || same_id)) {
			/* (The same id twice in a row: the first
			 * one's mentions are stored, then replaced.) */
			eng_finish(ses);
			if (batch_docs >= INGEST_BATCH_DOCS && !ic.failed) {
				if (store_commit(st) < 0 || store_begin(st) < 0) {
					fprintf(stderr, "dyad ingest: %s\n", store_error(st));
					ic.failed = 1;
				}
				batch_docs = 0;
			}
		}
		free(story);
		story = xstrdup(key);
		free(prev_id);
		prev_id = xstrdup(it.d.id);
		if (ic.failed || store_doc_put(st, &it.d, hash) < 0) {
			if (!ic.failed)
				fprintf(stderr, "dyad ingest: %s\n", store_error(st));
			ic.failed = 1;
			rc = EXIT_IO;
			break;
		}
		batch_docs++;
		ic.cur_doc = it.d.id;
		if (eng_code_doc(ses, &it.d, &it.set, o.use_parse) < 0)
			rc = EXIT_INPUT;
		ic.cur_doc = NULL;
		if (tty && cli_now() - last_shown > 0.5) {
			progress(t0, docs, skipped, ic.events, cli_docs_fraction(&it), 0);
			last_shown = cli_now();
		}
		if (diag_failed(dg) || ic.failed)
			break;
	}
	rc = cli_docs_end(&it, got, rc);
	dict_reports = it.dict_reports;
	if (ses)
		eng_finish(ses);
	if (ic.failed)
		rc = EXIT_IO;
	if (rc != EXIT_IO && store_commit(st) < 0) {
		fprintf(stderr, "dyad ingest: %s\n", store_error(st));
		rc = EXIT_IO;
	}
	if (tty)
		progress(t0, docs, skipped, ic.events, 1, 1);
	eng_session_free(ses);
	engine_free(eng);
	store_close(st); /* rolls back a batch left open by a failure */
	free(story);
	free(prev_id);
	free(ic.held);
	arena_free(ic.mem);
	if (rc == EXIT_OK && diag_count(dg) > dict_reports)
		rc = EXIT_INPUT;
	diag_free(dg);
	cli_opts_free(&o);
	return rc;
}

/* ---- dyad recode ---- */

typedef struct diff_out {
	long added, removed, changed;
} diff_out;

static void print_diff(void *ctx, const store_diff_row *r)
{
	diff_out *t = ctx;
	printf("%-5s  %7ld  %7ld  %7ld\n", r->root[0] ? r->root : "-", r->added, r->removed,
	       r->changed);
	t->added += r->added;
	t->removed += r->removed;
	t->changed += r->changed;
}

int cmd_recode(int argc, char **argv)
{
	cli_opts o;
	if (cli_parse(argc, argv, "recode", &o) < 0) {
		cli_opts_free(&o);
		return EXIT_USAGE;
	}
	if (!o.db || o.nargs > 0 || o.format || o.output || o.input != READ_AUTO || o.use_parse) {
		fprintf(stderr, "usage: dyad recode --db FILE|URL [dictionary and coding options]"
			" (it codes the stored documents: no input files, --input, --use-parse,"
			" --format or -o)\n");
		cli_opts_free(&o);
		return EXIT_USAGE;
	}
	char err[512];
	store *st = store_open(o.db, STORE_UPDATE, err, sizeof err);
	if (!st) {
		fprintf(stderr, "dyad recode: %s\n", err);
		cli_opts_free(&o);
		return EXIT_IO;
	}
	int rc = EXIT_OK;
	diag *dg = diag_new(stderr, o.strict);
	ingest_ctx ic = {.st = st, .mem = arena_new()};
	eng_sink sink = {.ctx = &ic, .event = on_event, .story_end = on_story_end};
	engine *eng = NULL;
	eng_session *ses = NULL;
	char **ids = NULL;
	long nids = 0, done = 0, batch_docs = 0;
	int tty = isatty(2);
	double t0 = cli_now(), last_shown = t0;
	if (cli_open_engine(&o, NULL, dg, &sink, &eng, &ses) < 0) {
		rc = EXIT_IO;
		goto out;
	}
	long dict_reports = diag_count(dg);
	if (store_recode_snapshot(st) < 0 || (nids = store_doc_ids(st, &ids)) < 0 ||
	    store_begin(st) < 0) {
		fprintf(stderr, "dyad recode: %s\n", store_error(st));
		rc = EXIT_IO;
		goto out;
	}
	doc_settings set = cli_apply_flags(&o, doc_settings_default(0));
	for (long i = 0; i < nids && !ic.failed; i++) {
		doc d = {0};
		if (store_doc_get(st, ids[i], &d) < 0 || store_doc_recode(st, ids[i]) < 0) {
			fprintf(stderr, "dyad recode: %s\n", store_error(st));
			doc_clear(&d);
			ic.failed = 1;
			break;
		}
		if (d.date == 0 && o.date)
			d.date = o.date;
		ic.cur_doc = d.id;
		if (eng_code_doc(ses, &d, &set, 0) < 0)
			rc = EXIT_INPUT;
		eng_finish(ses); /* each stored document is a story */
		ic.cur_doc = NULL;
		doc_clear(&d);
		done++;
		if (++batch_docs >= INGEST_BATCH_DOCS && !ic.failed) {
			if (store_commit(st) < 0 || store_begin(st) < 0) {
				fprintf(stderr, "dyad recode: %s\n", store_error(st));
				ic.failed = 1;
			}
			batch_docs = 0;
		}
		if (tty && cli_now() - last_shown > 0.5) {
			progress(t0, done, -1, ic.events, (double)done / (double)nids, 0);
			last_shown = cli_now();
		}
	}
	if (!ic.failed && store_commit(st) < 0) {
		fprintf(stderr, "dyad recode: %s\n", store_error(st));
		ic.failed = 1;
	}
	if (tty)
		progress(t0, done, -1, ic.events, 1, 1);
	if (ic.failed) {
		rc = EXIT_IO;
		goto out;
	}
	printf("%-5s  %7s  %7s  %7s\n", "root", "added", "removed", "changed");
	diff_out tot = {0, 0, 0};
	if (store_recode_diff(st, print_diff, &tot) < 0) {
		fprintf(stderr, "dyad recode: %s\n", store_error(st));
		rc = EXIT_IO;
		goto out;
	}
	printf("%-5s  %7ld  %7ld  %7ld\n", "total", tot.added, tot.removed, tot.changed);
	fprintf(stderr, "dyad recode: %ld documents recoded, %ld mentions\n", done, ic.events);
	if (fflush(stdout) != 0 || ferror(stdout)) {
		fprintf(stderr, "dyad recode: error writing standard output\n");
		rc = EXIT_IO;
	}
	if (rc == EXIT_OK && diag_count(dg) > dict_reports)
		rc = EXIT_INPUT;
out:
	eng_session_free(ses);
	engine_free(eng);
	store_close(st); /* rolls back a batch left open by a failure */
	for (long i = 0; i < nids; i++)
		free(ids[i]);
	free(ids);
	free(ic.held);
	arena_free(ic.mem);
	diag_free(dg);
	cli_opts_free(&o);
	return rc;
}

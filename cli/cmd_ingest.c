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

#include <pthread.h>
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
	int32_t job;        /* ingest: the index of that document in its batch */
	ev_event e;         /* copy (with its issues); the pattern is not kept */
} pending;

typedef struct ingest_ctx {
	store *st;            /* borrowed */
	const char *cur_doc;  /* id of the document being coded (borrowed) */
	int32_t cur_job;      /* its index in the batch (ingest) */
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
	p->job = c->cur_job;
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
	if (!last && frac > 0.001 && frac < 1 && dt > 0.4) {
		long left = (long)(dt * (1 - frac) / frac + 0.5);
		snprintf(eta, sizeof eta, ", %2.0f%%, ETA %ldh%02ldm%02lds", frac * 100, left / 3600,
			 left / 60 % 60, left % 60);
	}
	/* \033[K clears what a longer earlier line left */
	fprintf(stderr, "\r%s: %ld documents%s, %ld mentions, %.0f documents/s%s\033[K%s",
		skipped >= 0 ? "ingest" : "recode", docs, skip, events,
		dt > 0 ? (double)docs / dt : 0.0, eta, last ? "\n" : "");
}

/* ---- The pipeline of dyad ingest ----
 *
 * Coding and storing take about as long as each other, so they run side
 * by side: the main thread reads documents (skipping unchanged ones) into
 * a batch, ending at a story boundary once it holds INGEST_BATCH_DOCS,
 * and hands it to a coding thread; while that thread codes it, the main
 * thread stores the batch coded before (documents, then mentions) and
 * commits it. Batches commit in input order, whole, as before; a story
 * never spans two batches, so a story-level discard still drops all its
 * mentions. */

typedef struct job {
	doc d;              /* owned, moved from the reader */
	doc_settings set;
	char hash[17];
	int new_story;      /* the coder finishes the previous story first */
} job;

typedef struct batch {
	job *jobs;          /* owned array */
	size_t n, cap;
	arena *mem;         /* the strings of out */
	pending *out;       /* coded mentions, in order (owned array) */
	int32_t nout, capout;
	int input_bad;      /* a document could not be coded (reported) */
} batch;

typedef struct coder_thread {
	pthread_t th;
	pthread_mutex_t mu;
	pthread_cond_t cv;
	batch *todo;        /* handed over, not yet taken */
	batch *done;        /* coded, not yet taken back */
	int busy;           /* a batch is being coded */
	int quit;
	eng_session *ses;   /* borrowed; used by the coding thread only */
	int use_parse;
	ingest_ctx ic;      /* the sink's context: held mentions */
	batch *cur;         /* the batch being coded */
} coder_thread;

static batch *batch_new(void)
{
	batch *b = xcalloc(1, sizeof *b);
	b->mem = arena_new();
	return b;
}

static void batch_free(batch *b)
{
	if (!b)
		return;
	for (size_t i = 0; i < b->n; i++)
		doc_clear(&b->jobs[i].d);
	free(b->jobs);
	free(b->out);
	arena_free(b->mem);
	free(b);
}

/* The story ended: its mentions join the batch's output, unless a
 * story-level discard matched. */
static void keep_story(void *ctx, int discard)
{
	coder_thread *ct = ctx;
	ingest_ctx *c = &ct->ic;
	batch *b = ct->cur;
	for (int32_t i = 0; !discard && i < c->nheld; i++) {
		if (b->nout == b->capout) {
			size_t cap = (size_t)b->capout;
			xgrow((void **)&b->out, &cap, (size_t)b->nout + 1, sizeof *b->out);
			b->capout = (int32_t)cap;
		}
		b->out[b->nout++] = c->held[i];
	}
	c->nheld = 0;
}

static void hold_event(void *ctx, const ev_event *e)
{
	on_event(&((coder_thread *)ctx)->ic, e);
}

static void *coder_main(void *arg)
{
	coder_thread *ct = arg;
	for (;;) {
		pthread_mutex_lock(&ct->mu);
		while (!ct->todo && !ct->quit)
			pthread_cond_wait(&ct->cv, &ct->mu);
		batch *b = ct->todo;
		ct->todo = NULL;
		pthread_mutex_unlock(&ct->mu);
		if (!b)
			return NULL;
		ct->cur = b;
		ct->ic.mem = b->mem; /* the mentions' strings live with the batch */
		for (size_t i = 0; i < b->n; i++) {
			job *j = &b->jobs[i];
			if (j->new_story)
				eng_finish(ct->ses);
			ct->ic.cur_doc = j->d.id;
			ct->ic.cur_job = (int32_t)i;
			if (eng_code_doc(ct->ses, &j->d, &j->set, ct->use_parse) < 0)
				b->input_bad = 1;
			ct->ic.cur_doc = NULL;
		}
		eng_finish(ct->ses); /* a batch ends a story */
		pthread_mutex_lock(&ct->mu);
		ct->busy = 0;
		ct->done = b;
		pthread_cond_broadcast(&ct->cv);
		pthread_mutex_unlock(&ct->mu);
	}
}

/* Waits for the batch being coded (if any) and takes it back; then hands
 * next (may be NULL) over. Returns the coded batch, or NULL. */
static batch *swap_batches(coder_thread *ct, batch *next)
{
	pthread_mutex_lock(&ct->mu);
	while (ct->busy && !ct->done)
		pthread_cond_wait(&ct->cv, &ct->mu);
	batch *b = ct->done;
	ct->done = NULL;
	if (next) {
		ct->todo = next;
		ct->busy = 1;
		pthread_cond_broadcast(&ct->cv);
	}
	pthread_mutex_unlock(&ct->mu);
	return b;
}

/* Stores a coded batch: each document, then its mentions (so the same
 * id twice replaces the first one's); commits it and opens the next
 * batch. Returns 0, or -1 (reported). */
static int store_batch(store *st, batch *b, long *events)
{
	int32_t k = 0;
	for (size_t i = 0; i < b->n; i++) {
		if (store_doc_put(st, &b->jobs[i].d, b->jobs[i].hash) < 0)
			goto fail;
		for (; k < b->nout && b->out[k].job <= (int32_t)i; k++) {
			if (store_mention_add(st, b->out[k].doc_id, &b->out[k].e) < 0)
				goto fail;
			(*events)++;
		}
	}
	if (store_commit(st) < 0 || store_begin(st) < 0)
		goto fail;
	return 0;
fail:
	fprintf(stderr, "dyad ingest: %s\n", store_error(st));
	return -1;
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
	int rc = EXIT_OK, failed = 0, started = 0;
	long dict_reports = 0, events = 0;
	diag *dg = diag_new(stderr, o.strict);
	coder_thread ct;
	memset(&ct, 0, sizeof ct);
	ct.use_parse = o.use_parse;
	pthread_mutex_init(&ct.mu, NULL);
	pthread_cond_init(&ct.cv, NULL);
	eng_sink sink = {.ctx = &ct, .event = hold_event, .story_end = keep_story};
	engine *eng = NULL;
	eng_session *ses = NULL;
	char *story = NULL; /* the current story's key (owned) */
	char *prev_id = NULL; /* the previous stored document's id (owned) */
	long docs = 0, skipped = 0;
	int tty = isatty(2);
	double t0 = cli_now(), last_shown = t0;
	if (store_begin(st) < 0) {
		fprintf(stderr, "dyad ingest: %s\n", store_error(st));
		rc = EXIT_IO;
	}
	batch *cur = batch_new();
	cli_docs it;
	cli_docs_init(&it, &o, dg, NULL, &sink, &eng, &ses);
	int got = 0;
	while (rc != EXIT_IO && !failed && (got = cli_docs_next(&it)) == 1) {
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
		if (!started) {
			/* the engine exists once the first document is read */
			ct.ses = ses;
			if (pthread_create(&ct.th, NULL, coder_main, &ct) != 0) {
				fprintf(stderr, "dyad ingest: cannot start the coding thread\n");
				rc = EXIT_IO;
				break;
			}
			started = 1;
		}
		/* A new story; the same id twice in a row is a new story too
		 * (the first one's mentions are stored, then replaced). */
		const char *key = it.d.story ? it.d.story : it.d.id;
		int same_id = prev_id && !strcmp(prev_id, it.d.id);
		int new_story = story && (strcmp(story, key) || same_id);
		if (new_story && cur->n >= INGEST_BATCH_DOCS) {
			/* a full batch, at a story boundary: coded next while
			 * the one before is stored */
			batch *coded = swap_batches(&ct, cur);
			cur = batch_new();
			if (coded) {
				if (coded->input_bad)
					rc = EXIT_INPUT;
				failed = store_batch(st, coded, &events) < 0;
				batch_free(coded);
			}
			new_story = 0; /* the batch starts the story */
		}
		free(story);
		story = xstrdup(key);
		free(prev_id);
		prev_id = xstrdup(it.d.id);
		if (cur->n == cur->cap)
			xgrow((void **)&cur->jobs, &cur->cap, cur->n + 1, sizeof *cur->jobs);
		job *j = &cur->jobs[cur->n++];
		j->d = it.d;
		memset(&it.d, 0, sizeof it.d); /* moved: the reader clears nothing */
		/* the input's name outlives its reader, for the coder's reports */
		if (j->d.file)
			j->d.file = arena_strndup(cur->mem, j->d.file, strlen(j->d.file));
		j->set = it.set;
		memcpy(j->hash, hash, sizeof j->hash);
		j->new_story = new_story;
		if (tty && cli_now() - last_shown > 0.5) {
			progress(t0, docs, skipped, events, cli_docs_fraction(&it), 0);
			last_shown = cli_now();
		}
		if (diag_failed(dg))
			break;
	}
	rc = cli_docs_end(&it, got, rc);
	dict_reports = it.dict_reports;
	/* the last batch: coded, then stored with the one before */
	if (started) {
		int last = !failed && rc != EXIT_IO;
		batch *coded = swap_batches(&ct, last ? cur : NULL);
		if (last)
			cur = NULL; /* the coder has it */
		if (coded) {
			if (coded->input_bad && rc == EXIT_OK)
				rc = EXIT_INPUT;
			if (!failed && rc != EXIT_IO)
				failed = store_batch(st, coded, &events) < 0;
			batch_free(coded);
		}
		if (last) {
			coded = swap_batches(&ct, NULL);
			if (coded) {
				if (coded->input_bad && rc == EXIT_OK)
					rc = EXIT_INPUT;
				failed = store_batch(st, coded, &events) < 0;
				batch_free(coded);
			}
		}
		pthread_mutex_lock(&ct.mu);
		ct.quit = 1;
		pthread_cond_broadcast(&ct.cv);
		pthread_mutex_unlock(&ct.mu);
		pthread_join(ct.th, NULL);
		batch_free(ct.todo);
		batch_free(ct.done);
	}
	batch_free(cur);
	if (failed)
		rc = EXIT_IO;
	if (rc != EXIT_IO && store_commit(st) < 0) {
		fprintf(stderr, "dyad ingest: %s\n", store_error(st));
		rc = EXIT_IO;
	}
	if (tty)
		progress(t0, docs, skipped, events, 1, 1);
	eng_session_free(ses);
	engine_free(eng);
	store_close(st); /* rolls back a batch left open by a failure */
	free(story);
	free(prev_id);
	free(ct.ic.held);
	pthread_cond_destroy(&ct.cv);
	pthread_mutex_destroy(&ct.mu);
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

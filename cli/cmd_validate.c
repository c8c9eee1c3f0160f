/*
 * cmd_validate.c - `dyad validate RECORDS.xml`: codes PETRARCH validation
 * records and scores them as ../shared/docs/evaluation.md says: per record,
 * the set of (source, target, code) triples produced must equal the gold
 * set; recall and precision over triples; ids that occur twice are left
 * out. Prints per-category and total figures, then each failing record.
 */
#include "commands.h"
#include "options.h"

#include "engine/engine.h"
#include "read/reader.h"
#include "util/buf.h"
#include "util/xmalloc.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct triple {
	char *s, *t, *c; /* owned, normalised (upper case, quotes stripped) */
} triple;

typedef struct tset {
	triple *v;
	size_t n, cap;
} tset;

typedef struct rec {
	char *id, *category, *story, *text; /* owned */
	tset gold, prod;
	int dup; /* id occurs more than once: not scored */
} rec;

typedef struct vctx {
	rec *r;
	size_t n, cap;
	size_t cur;          /* record being coded */
	size_t story_first;  /* first record of the current story */
	size_t story_last;   /* last record coded in it */
} vctx;

static char *norm(const char *s)
{
	buf b = BUF_INIT;
	for (const char *p = s ? s : ""; *p; p++) {
		if (*p == '"')
			continue;
		buf_putc(&b, (char)toupper((unsigned char)*p));
	}
	if (b.len == 0)
		buf_puts(&b, "---");
	return buf_steal(&b);
}

static int tset_has(const tset *t, const char *s, const char *g, const char *c)
{
	for (size_t i = 0; i < t->n; i++) {
		if (!strcmp(t->v[i].s, s) && !strcmp(t->v[i].t, g) && !strcmp(t->v[i].c, c))
			return 1;
	}
	return 0;
}

static void tset_add(tset *t, const char *s, const char *g, const char *c)
{
	char *ns = norm(s), *ng = norm(g), *nc = norm(c);
	if (tset_has(t, ns, ng, nc)) {
		free(ns);
		free(ng);
		free(nc);
		return;
	}
	xgrow((void **)&t->v, &t->cap, t->n + 1, sizeof *t->v);
	t->v[t->n++] = (triple){ns, ng, nc};
}

static void tset_clear(tset *t)
{
	for (size_t i = 0; i < t->n; i++) {
		free(t->v[i].s);
		free(t->v[i].t);
		free(t->v[i].c);
	}
	t->n = 0;
}

static void tset_free(tset *t)
{
	tset_clear(t);
	free(t->v);
}

static void on_event(void *ctx, const ev_event *e)
{
	vctx *v = ctx;
	tset_add(&v->r[v->cur].prod, e->source, e->target, e->code);
}

static void on_story_end(void *ctx, int discard)
{
	vctx *v = ctx;
	if (discard) {
		for (size_t i = v->story_first; i <= v->story_last && i < v->n; i++)
			tset_clear(&v->r[i].prod);
	}
	v->story_first = v->story_last + 1;
}

typedef struct score {
	const char *category;
	long records, passed, gold, found, produced, correct;
} score;

static score *score_for(score *s, int *ns, const char *cat)
{
	for (int i = 0; i < *ns; i++) {
		if (!strcmp(s[i].category, cat))
			return &s[i];
	}
	s[*ns] = (score){.category = cat};
	return &s[(*ns)++];
}

static void print_set(FILE *f, const tset *t)
{
	if (t->n == 0)
		fprintf(f, " (none)");
	for (size_t i = 0; i < t->n; i++)
		fprintf(f, " %s>%s:%s", t->v[i].s, t->v[i].t, t->v[i].c);
}

static void print_score(const score *s)
{
	printf("%-12s %5ld %5ld  %6.1f%%  %5.3f  %5.3f\n", s->category, s->records,
	       s->passed, s->records ? 100.0 * s->passed / s->records : 0.0,
	       s->gold ? (double)s->found / s->gold : 1.0,
	       s->produced ? (double)s->correct / s->produced : 1.0);
}

int cmd_validate(int argc, char **argv)
{
	cli_opts o;
	if (cli_parse_one(argc, argv, "validate", "records file (PETRARCH XML)",
	                  &o))
		return EXIT_USAGE;
	diag *dg = diag_new(stderr, o.strict);
	reader *r = reader_open(o.args[0], READ_XML, dg, o.use_parse, "stdin");
	if (!r) {
		diag_free(dg);
		cli_opts_free(&o);
		return EXIT_IO;
	}
	vctx v = {0};
	eng_sink sink = {.ctx = &v, .event = on_event, .story_end = on_story_end};
	engine *eng = NULL;
	eng_session *ses = NULL;
	int rc = EXIT_OK;
	doc d = {0};
	while (reader_next(r, &d) == 1) {
		if (!eng && cli_open_engine(&o, reader_env(r), dg, &sink, &eng,
		                            &ses) < 0) {
			doc_clear(&d);
			rc = EXIT_IO;
			break;
		}
		xgrow((void **)&v.r, &v.cap, v.n + 1, sizeof *v.r);
		rec *x = &v.r[v.n];
		memset(x, 0, sizeof *x);
		x->id = xstrdup(d.id);
		x->category = xstrdup(d.category ? d.category : "NONE");
		x->text = xstrndup(d.text, d.len);
		for (int k = 0; k < d.ngold; k++) {
			if (d.gold[k].source && d.gold[k].target && d.gold[k].code)
				tset_add(&x->gold, d.gold[k].source, d.gold[k].target, d.gold[k].code);
		}
		for (size_t k = 0; k < v.n; k++) {
			if (!strcmp(v.r[k].id, x->id))
				v.r[k].dup = x->dup = 1;
		}
		v.cur = v.n++;
		if (d.date == 0 && o.date)
			d.date = o.date;
		doc_settings set = doc_settings_apply(doc_settings_default(1), &d);
		set = cli_apply_flags(&o, set);
		eng_code_doc(ses, &d, &set, o.use_parse);
		v.story_last = v.cur;
		doc_clear(&d);
	}
	if (ses)
		eng_finish(ses);
	reader_close(r);

	score cats[64];
	int ncats = 0;
	score total = {.category = "TOTAL"};
	for (size_t i = 0; i < v.n; i++) {
		rec *x = &v.r[i];
		if (x->dup)
			continue;
		score *s = ncats < 63 ? score_for(cats, &ncats, x->category) : &cats[62];
		long found = 0, correct = 0;
		for (size_t k = 0; k < x->gold.n; k++)
			found += tset_has(&x->prod, x->gold.v[k].s, x->gold.v[k].t, x->gold.v[k].c);
		for (size_t k = 0; k < x->prod.n; k++)
			correct += tset_has(&x->gold, x->prod.v[k].s, x->prod.v[k].t, x->prod.v[k].c);
		int pass = found == (long)x->gold.n && correct == (long)x->prod.n;
		score *both[2] = {s, &total};
		for (int b = 0; b < 2; b++) {
			both[b]->records++;
			both[b]->passed += pass;
			both[b]->gold += (long)x->gold.n;
			both[b]->found += found;
			both[b]->produced += (long)x->prod.n;
			both[b]->correct += correct;
		}
		if (!pass && !o.quiet) {
			printf("FAIL %s [%s] expected:", x->id, x->category);
			print_set(stdout, &x->gold);
			printf("\n     produced:");
			print_set(stdout, &x->prod);
			printf("\n");
			if (o.verbose) {
				char *t = x->text;
				printf("     text: ");
				for (; *t; t++)
					putchar(*t == '\n' ? ' ' : *t);
				printf("\n");
			}
		}
	}
	printf("\n%-12s %5s %5s  %7s  %5s  %5s   (%s)\n", "category", "recs", "pass",
	       "exact", "recal", "prec", o.use_parse ? "from the supplied parses" : "from raw text");
	for (int i = 0; i < ncats; i++)
		print_score(&cats[i]);
	print_score(&total);
	double exact = total.records ? 100.0 * total.passed / total.records : 0.0;
	if (o.min_exact >= 0 && exact < o.min_exact) {
		printf("exact %.1f%% is below the required %.1f%%\n", exact, o.min_exact);
		if (rc == EXIT_OK)
			rc = EXIT_FAIL;
	}
	for (size_t i = 0; i < v.n; i++) {
		free(v.r[i].id);
		free(v.r[i].category);
		free(v.r[i].story);
		free(v.r[i].text);
		tset_free(&v.r[i].gold);
		tset_free(&v.r[i].prod);
	}
	free(v.r);
	eng_session_free(ses);
	engine_free(eng);
	diag_free(dg);
	cli_opts_free(&o);
	if (fflush(stdout) != 0 || ferror(stdout))
		return EXIT_IO;
	return rc;
}

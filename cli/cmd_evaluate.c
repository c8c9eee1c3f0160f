/*
 * cmd_evaluate.c - `dyad evaluate ITEMS.jsonl`: scores coding against a
 * real-news test set as ../shared/docs/evaluation.md ("Real news") does.
 *
 * Each line is one item: {"id", "date" (story date), "text" (a lead
 * sentence or two), "code" (expected CAMEO code), "source", "target"
 * (expected actor codes; their first three letters are compared), and
 * optionally "place" (ISO alpha-3 of the event's place), "event_date"
 * (the event's date as dyad writes it: 2014-03-03, 2012-11, 2013) and
 * "negated": true (the text says the event did NOT happen: the item
 * passes when no event with the code's root is produced)}. An item is
 * found when an event has the expected root code; actors, full code,
 * place and date are scored on the best such event.
 */
#include "commands.h"
#include "options.h"

#include "engine/engine.h"
#include "util/buf.h"
#include "util/xmalloc.h"

#include <errno.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_EV 64

typedef struct got {
	char source[64], target[64], code[16], place[8], date[16];
} got;

typedef struct ectx {
	got ev[MAX_EV];
	int n;
} ectx;

static void copy(char *dst, size_t cap, const char *src)
{
	snprintf(dst, cap, "%s", src ? src : "");
}

static void date_str(char *out, size_t cap, int32_t d, ev_precision p)
{
	int y = d / 10000, m = d / 100 % 100, dd = d % 100;
	if (d == 0 || p == EV_DATE_NONE)
		out[0] = '\0';
	else if (p == EV_DATE_DAY)
		snprintf(out, cap, "%04d-%02d-%02d", y, m, dd);
	else if (p == EV_DATE_MONTH)
		snprintf(out, cap, "%04d-%02d", y, m);
	else
		snprintf(out, cap, "%04d", y);
}

static void on_event(void *ctx, const ev_event *e)
{
	ectx *x = ctx;
	if (x->n >= MAX_EV)
		return;
	got *g = &x->ev[x->n++];
	copy(g->source, sizeof g->source, e->source);
	copy(g->target, sizeof g->target, e->target);
	copy(g->code, sizeof g->code, e->code);
	copy(g->place, sizeof g->place, e->place.name ? e->place.country : "");
	date_str(g->date, sizeof g->date, e->date, e->date_precision);
}

static void on_story_end(void *ctx, int discard)
{
	if (discard)
		((ectx *)ctx)->n = 0;
}

static const char *jstr(json_t *o, const char *k)
{
	json_t *v = json_object_get(o, k);
	return json_is_string(v) ? json_string_value(v) : NULL;
}

static int same3(const char *a, const char *b)
{
	return a && b && strncmp(a, b, 3) == 0;
}

typedef struct tally {
	long items, negated, neg_ok, found, source, target, code, place_n,
		place, date_n, date;
} tally;

static void pct(const char *what, long k, long n)
{
	printf("  %-22s %5ld / %-5ld %6.1f %%\n", what, k, n, n ? 100.0 * k / n : 0.0);
}

int cmd_evaluate(int argc, char **argv)
{
	cli_opts o;
	if (cli_parse_one(argc, argv, "evaluate", "test set (JSON Lines)", &o))
		return EXIT_USAGE;
	FILE *in = fopen(o.args[0], "r");
	if (!in) {
		fprintf(stderr, "dyad evaluate: %s: %s\n", o.args[0], strerror(errno));
		cli_opts_free(&o);
		return EXIT_IO;
	}
	diag *dg = diag_new(stderr, o.strict);
	ectx x;
	eng_sink sink = {.ctx = &x, .event = on_event, .story_end = on_story_end};
	engine *eng;
	eng_session *ses;
	if (cli_open_engine(&o, NULL, dg, &sink, &eng, &ses) < 0) {
		fclose(in);
		diag_free(dg);
		cli_opts_free(&o);
		return EXIT_IO;
	}
	tally t = {0};
	int rc = EXIT_OK;
	char *line = NULL;
	size_t cap = 0;
	long lineno = 0;
	ssize_t len;
	while ((len = getline(&line, &cap, in)) > 0) {
		lineno++;
		json_error_t err;
		json_t *j = json_loadb(line, (size_t)len, 0, &err);
		if (!j || !json_is_object(j) || !jstr(j, "text") || !jstr(j, "code")) {
			if (len > 1) {
				fprintf(stderr, "%s:%ld: not an item (needs text and code)\n", o.args[0], lineno);
				rc = EXIT_INPUT;
			}
			json_decref(j);
			continue;
		}
		doc dc = {0};
		dc.id = xstrdup(jstr(j, "id") ? jstr(j, "id") : "item");
		dc.text = xstrdup(jstr(j, "text"));
		dc.len = strlen(dc.text);
		const char *sd = jstr(j, "date");
		if (sd && doc_parse_date(sd, strlen(sd), &dc.date) < 0)
			fprintf(stderr, "%s:%ld: bad date %s\n", o.args[0], lineno, sd);
		x.n = 0;
		doc_settings set = cli_apply_flags(&o, doc_settings_default(0));
		eng_code_doc(ses, &dc, &set, 0);
		eng_finish(ses);
		const char *code = jstr(j, "code"), *src = jstr(j, "source"),
			   *tgt = jstr(j, "target"), *place = jstr(j, "place"),
			   *edate = jstr(j, "event_date");
		int negated = json_is_true(json_object_get(j, "negated"));
		/* The best event with the expected root: most fields right. */
		int best = -1, best_score = -1;
		for (int k = 0; k < x.n; k++) {
			if (strncmp(x.ev[k].code, code, 2) != 0)
				continue;
			int sc = same3(x.ev[k].source, src) * 4 + same3(x.ev[k].target, tgt) * 2 +
				 !strcmp(x.ev[k].code, code);
			if (sc > best_score) {
				best_score = sc;
				best = k;
			}
		}
		t.items++;
		int ok = 1;
		if (negated) {
			t.negated++;
			t.neg_ok += best < 0;
			ok = best < 0;
		} else {
			const got *g = best >= 0 ? &x.ev[best] : NULL;
			t.found += g != NULL;
			t.source += g && same3(g->source, src);
			t.target += g && (tgt ? same3(g->target, tgt) : 1);
			t.code += g && !strcmp(g->code, code);
			if (place) {
				t.place_n++;
				t.place += g && !strcmp(g->place, place);
			}
			if (edate) {
				t.date_n++;
				t.date += g && !strcmp(g->date, edate);
			}
			ok = g && same3(g->source, src) && (!tgt || same3(g->target, tgt));
		}
		if (!ok && !o.quiet) {
			printf("MISS %s: expected %s %s %s%s; got", dc.id, src ? src : "?",
			       tgt ? tgt : "---", code, negated ? " (negated: none)" : "");
			if (x.n == 0)
				printf(" nothing");
			for (int k = 0; k < x.n; k++)
				printf(" %s>%s:%s", x.ev[k].source, x.ev[k].target, x.ev[k].code);
			printf("\n");
			if (o.verbose)
				printf("     %s\n", dc.text);
		}
		doc_clear(&dc);
		json_decref(j);
	}
	free(line);
	fclose(in);
	long pos = t.items - t.negated;
	printf("\n%ld items (%ld of them negated)\n", t.items, t.negated);
	pct("root code found", t.found, pos);
	pct("source country", t.source, pos);
	pct("target country", t.target, pos);
	pct("full code", t.code, pos);
	pct("place country", t.place, t.place_n);
	pct("event date", t.date, t.date_n);
	pct("negated: not coded", t.neg_ok, t.negated);
	eng_session_free(ses);
	engine_free(eng);
	diag_free(dg);
	cli_opts_free(&o);
	if (fflush(stdout) != 0 || ferror(stdout))
		return EXIT_IO;
	return rc;
}

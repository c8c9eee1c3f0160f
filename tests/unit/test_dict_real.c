/*
 * test_dict_real.c - the dictionary loaders on the real files in
 * ../shared (the validation dictionaries and the full Phoenix set), read
 * by path: counts checked by hand with grep, and the exact lines each file
 * reports, each one a real problem of that file (docs/dictionaries.md).
 * Skips when ../shared is absent.
 */
#include <criterion/criterion.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "dict/dict.h"
#include "test_support.h"

#define VAL "../shared/validation/"
#define PHX "../shared/third_party/phoenix/"

typedef struct rctx {
	char *buf;
	size_t len;
	FILE *f;
	diag *dg;
	dict *d;
} rctx;

static void need(const char *path)
{
	if (access(path, R_OK) != 0)
		cr_skip("%s is absent (../shared not beside the project)", path);
}

static void r_open(rctx *t)
{
	t->buf = NULL;
	t->len = 0;
	t->f = open_memstream(&t->buf, &t->len);
	t->dg = diag_new(t->f, 0);
	t->d = dict_new(t->dg);
}

static void r_load(rctx *t, const char *path)
{
	int k = dict_kind_from_filename(path);
	cr_assert_geq(k, 0, "%s", path);
	cr_assert_eq(dict_load_file(t->d, (dict_kind)k, path), 0, "%s", path);
}

static void r_close(rctx *t)
{
	dict_free(t->d);
	diag_free(t->dg);
	fclose(t->f);
	free(t->buf);
}

/* The line numbers reported for file (path as loaded), in order, as a
 * comma-separated string. */
static void reported_lines(rctx *t, const char *path, char *out, size_t cap)
{
	fflush(t->f);
	out[0] = '\0';
	size_t pl = strlen(path);
	const char *p = t->buf ? t->buf : "";
	while (*p) {
		const char *e = strchr(p, '\n');
		if (!e)
			e = p + strlen(p);
		if ((size_t)(e - p) > pl && strncmp(p, path, pl) == 0 &&
		    p[pl] == ':') {
			long line = strtol(p + pl + 1, NULL, 10);
			char num[24];
			snprintf(num, sizeof num, "%s%ld", out[0] ? "," : "", line);
			strncat(out, num, cap - strlen(out) - 1);
		}
		p = *e ? e + 1 : e;
	}
}

static const char *actor_code(const dict *d, const char *ne, int32_t date)
{
	int32_t w[32];
	int32_t n = ts_words(d, ne, w);
	dict_actor_match m;
	if (!dict_actor_find(d, w, n, &m))
		return NULL;
	return dict_actor_code(d, m.entry, date);
}

static int32_t W(const dict *d, const char *s)
{
	return dict_word(d, s, strlen(s));
}

static const dict_verb *verb(const dict *d, const char *word, int npre,
			     int npost)
{
	const dict_verb *v;
	int32_t n = dict_verb_lookup(d, W(d, word), &v);
	for (int32_t i = 0; i < n; i++)
		if (v[i].npre == npre && v[i].npost == npost)
			return &v[i];
	return NULL;
}

Test(dict, real_validation_verbs)
{
	need(VAL "PETR.Validate.verbs.txt");
	rctx t;
	r_open(&t);
	r_load(&t, VAL "PETR.Validate.verbs.txt");
	dict_finish(t.d);
	cr_assert_eq(diag_count(t.dg), 0, "%s", t.buf);
	dict_stats s;
	dict_get_stats(t.d, &s);
	/* verb lines in blocks, '- ' lines less one [+++], '&' lines */
	cr_assert_eq(s.verbs, 269);
	cr_assert_eq(s.patterns, 473);
	cr_assert_eq(s.synsets, 17);
	const dict_verb *v = verb(t.d, "RST", 2, 0);
	cr_assert_not_null(v);
	cr_assert_str_eq(v->code, "002");
	cr_assert_eq(v->pre[0], W(t.d, "KLM"));
	v = verb(t.d, "ABC", 0, 2);
	cr_assert_not_null(v);
	cr_assert_str_eq(v->code, "345");
	cr_assert_str_eq(dict_block_label(t.d, v->block), "ABANDON");
	v = verb(t.d, "ABC", 0, 2);
	cr_assert_not_null(verb(t.d, "TAPPED", 1, 0));
	cr_assert_not_null(verb(t.d, "CORDONED", 0, 1));
	cr_assert_str_eq(verb(t.d, "DELAYED", 0, 0)->code, "120");
	cr_assert_str_eq(verb(t.d, "DOWNPLAY", 0, 0)->code, "014");
	/* MOST_CERTAINLY_&NEGATVAUXVRB_EVER * OVER EFFORTS [907] */
	const dict_pattern *p;
	int32_t n = dict_block_patterns(t.d, verb(t.d, "CLASH", 0, 0)->block,
					&p);
	cr_assert_eq(n, 7);
	cr_assert_str_eq(p[1].code, "907");
	cr_assert_eq(p[1].nupper, 4);
	cr_assert_eq(p[1].upper[0].id, W(t.d, "EVER"));
	cr_assert_eq(p[1].upper[0].tight, 0);
	cr_assert_eq(p[1].upper[1].kind, PEL_SYNSET);
	cr_assert_eq(p[1].upper[1].tight, 1);
	cr_assert_eq(p[1].upper[3].id, W(t.d, "MOST"));
	const dict_seq *m;
	cr_assert_eq(dict_synset_members(t.d, p[1].upper[1].id, &m), 10);
	cr_assert_eq(m[4].n, 3); /* REALLY DID NOT */
	r_close(&t);
}

Test(dict, real_validation_actors_agents_discards)
{
	need(VAL "PETR.Validate.actors.txt");
	rctx t;
	r_open(&t);
	r_load(&t, VAL "PETR.Validate.actors.txt");
	r_load(&t, VAL "PETR.Validate.agents.txt");
	r_load(&t, VAL "PETR.Validate.discards.txt");
	dict_finish(t.d);
	cr_assert_eq(diag_count(t.dg), 0, "%s", t.buf);
	dict_stats s;
	dict_get_stats(t.d, &s);
	cr_assert_eq(s.actors, 128);       /* primary lines */
	cr_assert_eq(s.actor_phrases, 161); /* + 33 '+' lines */
	cr_assert_eq(s.agents, 165);
	cr_assert_eq(s.discards, 9);
	/* §2 date examples */
	cr_assert_str_eq(actor_code(t.d, "SAM GAMGEE", 20100110), "ORCHOB");
	cr_assert_str_eq(actor_code(t.d, "SAM GAMGEE", 20080101), "HOBCIV");
	cr_assert_str_eq(actor_code(t.d, "SAM GAMGEE", 20140101), "HOBELI");
	cr_assert_str_eq(actor_code(t.d, "SAM GAMGEE", 0), "HOB");
	cr_assert_str_eq(actor_code(t.d, "SMEAGOL", 19950601), "HOB");
	cr_assert_str_eq(actor_code(t.d, "SMEAGOL", 19990816), "HOBREB");
	cr_assert_str_eq(actor_code(t.d, "SMEAGOL", 19990901), "HOBREB");
	cr_assert_str_eq(actor_code(t.d, "SMEAGOL", 0), "HOBREB");
	cr_assert_str_eq(actor_code(t.d, "PRINCE OF DOL AMROTH", 19950101),
			 "---");
	cr_assert_str_eq(actor_code(t.d, "PRINCE OF DOL AMROTH", 19960101),
			 "DOL");
	cr_assert_str_eq(actor_code(t.d, "LORIEN", 0), "ELR/GAL");
	cr_assert_str_eq(actor_code(t.d, "ISILDUR", 0), "+++");
	cr_assert_str_eq(actor_code(t.d, "INTERPOL", 0), "IGOCOPITP");
	int32_t w[8];
	int32_t n = ts_words(t.d, "ITHILEN STATE-RUN TELEVISION", w);
	dict_actor_match am;
	cr_assert(dict_actor_find(t.d, w, n, &am));
	cr_assert_str_eq(dict_actor_code(t.d, am.entry, 0), "ITHTV");
	cr_assert_eq(W(t.d, "NASGUL"), -1);
	dict_agent_match gm;
	n = ts_words(t.d, "CONGRESSWOMEN", w);
	cr_assert(dict_agent_at(t.d, w, n, 0, NULL, &gm));
	cr_assert_str_eq(gm.code, "LEG");
	n = ts_words(t.d, "MINISTRIES OF SILLY WALKS", w);
	cr_assert(dict_agent_at(t.d, w, n, 0, NULL, &gm));
	cr_assert_str_eq(gm.code, "GOV");
	n = ts_words(t.d, "GOLDEN GEESE", w);
	cr_assert(dict_agent_at(t.d, w, n, 0, NULL, &gm));
	cr_assert_str_eq(gm.code, "GGS");
	const char *txt = "Fans of Manchester United cheered";
	cr_assert_eq(dict_discard_check(t.d, txt, strlen(txt), NULL),
		     DICT_DISCARD_STORY);
	txt = "Two years later the baseball season began";
	cr_assert_eq(dict_discard_check(t.d, txt, strlen(txt), NULL),
		     DICT_DISCARD_SENTENCE);
	r_close(&t);
}

static double now(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

Test(dict, real_phoenix_set)
{
	need(PHX "CAMEO.verbpatterns.150430.txt");
	static const struct {
		const char *path;
		const char *lines; /* reported lines, each checked by hand */
	} files[] = {
		{PHX "CAMEO.verbpatterns.150430.txt",
		 "2568,4387,5860,8056,8394,8733,10843,13275,13594,13640"},
		{PHX "Phoenix.Countries.actors.txt",
		 "745,2039,11234,12159,14190,15346,18010,22508,22519,31715,"
		 "34471,43613,47824,51384"},
		{PHX "Phoenix.International.actors.txt", "40,267,3696,3726,6605"},
		{PHX "Phoenix.MilNonState.actors.txt", ""},
		{PHX "Phoenix.agents.txt", "544,1927"},
		{PHX "Phoenix.discards.txt", ""},
		{PHX "Phoenix.IssueCoding.txt",
		 "141,142,143,144,145,146,147,481,1040,1183,1198,1219,1220,"
		 "1221,2250,2521,2889,3053"},
	};
	rctx t;
	r_open(&t);
	double t0 = now();
	for (size_t i = 0; i < sizeof files / sizeof *files; i++)
		r_load(&t, files[i].path);
	dict_finish(t.d);
	double ms = (now() - t0) * 1e3;
	cr_log_info("loading the Phoenix set took %.1f ms", ms);
	printf("dict: loading the Phoenix set took %.1f ms\n", ms);
	for (size_t i = 0; i < sizeof files / sizeof *files; i++) {
		char got[512];
		reported_lines(&t, files[i].path, got, sizeof got);
		cr_assert_str_eq(got, files[i].lines, "%s\n%s", files[i].path,
				 t.buf);
	}
	cr_assert_eq(diag_count(t.dg), 49);
	dict_stats s;
	dict_get_stats(t.d, &s);
	cr_assert_eq(s.verbs, 1860);
	cr_assert_eq(s.patterns, 11006); /* 11011 '- ' lines, 5 reported */
	cr_assert_eq(s.synsets, 38);
	/* primary lines: 18390 + 7841 + 1021, less the two with 0x1A */
	cr_assert_eq(s.actors, 27250);
	/* '+' lines: 7527 + 66 + 772, less the three with U+FFFD */
	cr_assert_eq(s.actor_phrases, 27250 + 8362);
	cr_assert_eq(s.agents, 5226);
	cr_assert_eq(s.discards, 506);
	cr_assert_eq(s.issues, 4477);

	cr_assert_str_eq(actor_code(t.d, "AFGHANISTAN", 0), "AFG");
	cr_assert_str_eq(actor_code(t.d, "NORTH KOREA", 20140301), "PRK");
	cr_assert_str_eq(actor_code(t.d, "JOHN KERRY", 20100101), "USAGOVLEG");
	cr_assert_str_eq(actor_code(t.d, "JOHN KERRY", 20140101), "USAGOV");
	cr_assert_str_eq(actor_code(t.d, "JOHN KERRY", 0), "USAGOV");
	cr_assert_str_eq(actor_code(t.d, "SECRETARY OF STATE JOHN KERRY",
				    20140101), "USAGOV");
	const dict_verb *v = verb(t.d, "GUNNED", 0, 1);
	cr_assert_not_null(v);
	cr_assert_str_eq(v->code, "193");
	cr_assert_not_null(verb(t.d, "SAID", 0, 0));
	cr_assert_str_eq(dict_block_label(t.d, verb(t.d, "SAID", 0, 0)->block),
			 "EXPLAIN_VERBAL");
	/* BLOWING_UP+ is read with the verb word of +BLOW_UP */
	cr_assert_not_null(verb(t.d, "BLOWING", 0, 1));
	dict_agent_match gm;
	int32_t w[8];
	int32_t n = ts_words(t.d, "DEPARMENT OF ENVIRONMENT", w);
	cr_assert(dict_agent_at(t.d, w, n, 0, NULL, &gm));
	cr_assert_str_eq(gm.code, "ENV");
	dict_issue_count ic[4];
	const char *txt = "The intimidation of the media continued";
	cr_assert_eq(dict_issues(t.d, txt, strlen(txt), ic, 4), 1);
	cr_assert_str_eq(ic[0].code, "MEDIA_CENSORSHIP");
	r_close(&t);
}

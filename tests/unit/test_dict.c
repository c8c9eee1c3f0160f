/*
 * test_dict.c - unit tests of the dictionary loaders and matchers on
 * small dictionaries written here (invented words), one test per rule of
 * docs/dictionaries.md and petrarch-semantics.md §1-3, 7, including every
 * malformed-line message. The real files are tested in test_dict_real.c.
 */
#include <criterion/criterion.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dict/dict.h"
#include "test_support.h"

/* ---- Helpers ----------------------------------------------------------- */

typedef struct tctx {
	char *buf;   /* diag output */
	size_t len;
	FILE *f;
	diag *dg;
	dict *d;
} tctx;

static void t_open(tctx *t, int strict)
{
	t->buf = NULL;
	t->len = 0;
	t->f = open_memstream(&t->buf, &t->len);
	t->dg = diag_new(t->f, strict);
	t->d = dict_new(t->dg);
}

static int t_load(tctx *t, dict_kind k, const char *text)
{
	return dict_load_mem(t->d, k, "t.txt", text, strlen(text));
}

static const char *t_msgs(tctx *t)
{
	fflush(t->f);
	return t->buf ? t->buf : "";
}

static int t_has(tctx *t, const char *msg)
{
	return strstr(t_msgs(t), msg) != NULL;
}

static void t_close(tctx *t)
{
	dict_free(t->d);
	diag_free(t->dg);
	fclose(t->f);
	free(t->buf);
}

static int32_t W(const dict *d, const char *s)
{
	return dict_word(d, s, strlen(s));
}

/* The verb entry of word with exactly these companions, or NULL. */
static const dict_verb *verb(const dict *d, const char *word,
			     const char *pre, const char *post)
{
	int32_t pw[32], qw[32];
	int32_t np = pre ? ts_words(d, pre, pw) : 0;
	int32_t nq = post ? ts_words(d, post, qw) : 0;
	const dict_verb *v;
	int32_t n = dict_verb_lookup(d, W(d, word), &v);
	for (int32_t i = 0; i < n; i++) {
		if (v[i].npre != np || v[i].npost != nq)
			continue;
		if (np && memcmp(v[i].pre, pw, (size_t)np * 4))
			continue;
		if (nq && memcmp(v[i].post, qw, (size_t)nq * 4))
			continue;
		return &v[i];
	}
	return NULL;
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

/* ---- Comments and the reader ------------------------------------------ */

Test(dict, comments_of_every_kind)
{
	tctx t;
	t_open(&t, 0);
	t_load(&t, DICT_ACTORS,
	       "<!-- one line comment -->\n"
	       "# a comment line\n"
	       "<! -- a '<!' line is a comment\n"
	       "<!--\n"
	       "ZZZHIDDEN [HID]\n"
	       "# -->\n"
	       "ZORBIA <!-- cut out --> [ZRB] # trailing comment\n"
	       "   # indented comment\n"
	       "\t\n"
	       "QUUXIA [QUX]#no space before the comment\n");
	dict_finish(t.d);
	cr_assert_eq(diag_count(t.dg), 0, "%s", t_msgs(&t));
	cr_assert_eq(W(t.d, "ZZZHIDDEN"), -1);
	cr_assert_str_eq(actor_code(t.d, "ZORBIA", 0), "ZRB");
	cr_assert_str_eq(actor_code(t.d, "QUUXIA", 0), "QUX");
	dict_stats s;
	dict_get_stats(t.d, &s);
	cr_assert_eq(s.actors, 2);
	t_close(&t);
}

Test(dict, unterminated_comment_is_reported)
{
	tctx t;
	t_open(&t, 0);
	t_load(&t, DICT_ACTORS, "ZORBIA [ZRB]\n<!-- never closed\nQUUX [Q]\n");
	cr_assert(t_has(&t, "t.txt:2: '<!--' comment is never closed with "
			"'-->'"), "%s", t_msgs(&t));
	dict_finish(t.d);
	cr_assert_eq(W(t.d, "QUUX"), -1);
	t_close(&t);
}

Test(dict, hash_inside_a_code_is_not_a_comment)
{
	tctx t;
	t_open(&t, 0);
	t_load(&t, DICT_VERBS,
	       "--- ZORB [010] ---\nZORB\n- * PLONK [###] # comment [x]\n");
	dict_finish(t.d);
	const dict_verb *v = verb(t.d, "ZORB", NULL, NULL);
	cr_assert_not_null(v);
	const dict_pattern *p;
	cr_assert_eq(dict_block_patterns(t.d, v->block, &p), 1);
	cr_assert_str_eq(p[0].code, "###");
	cr_assert_eq(diag_count(t.dg), 0, "%s", t_msgs(&t));
	t_close(&t);
}

Test(dict, crlf_and_byte_order_mark)
{
	tctx t;
	t_open(&t, 0);
	t_load(&t, DICT_ACTORS, "\xEF\xBB\xBFZORBIA [ZRB]\r\n+ZORBIAN\r\n");
	dict_finish(t.d);
	cr_assert_str_eq(actor_code(t.d, "ZORBIA", 0), "ZRB");
	cr_assert_str_eq(actor_code(t.d, "ZORBIAN", 0), "ZRB");
	t_close(&t);
}

/* ---- Verbs: forms ------------------------------------------------------ */

Test(dict, verb_regular_forms_follow_section_1_1)
{
	tctx t;
	t_open(&t, 0);
	t_load(&t, DICT_VERBS,
	       "--- ZORB [010] ---\n"
	       "ZORB\nflange\nQUUX\nTRY\nPLOT\nBUZZ\n");
	dict_finish(t.d);
	const char *yes[] = {"ZORB", "ZORBS", "ZORBED", "ZORBING",
			     "FLANGE", "FLANGES", "FLANGED", "FLANGING",
			     "QUUX", "QUUXES", "QUUXED", "QUUXING",
			     "TRY", "TRYS", "TRYED", "TRYING",
			     "PLOT", "PLOTS", "PLOTED", "PLOTING",
			     "BUZZ", "BUZZES", "BUZZED", "BUZZING"};
	for (size_t i = 0; i < sizeof yes / sizeof *yes; i++)
		cr_assert_not_null(verb(t.d, yes[i], NULL, NULL), "%s", yes[i]);
	const char *no[] = {"TRIES", "TRIED", "PLOTTED", "PLOTTING",
			    "FLANGEED", "FLANGEING"};
	for (size_t i = 0; i < sizeof no / sizeof *no; i++)
		cr_assert_null(verb(t.d, no[i], NULL, NULL), "%s", no[i]);
	dict_stats s;
	dict_get_stats(t.d, &s);
	cr_assert_eq(s.verbs, 6);
	cr_assert_eq(s.verb_forms, 24);
	cr_assert_eq(diag_count(t.dg), 0);
	t_close(&t);
}

Test(dict, verb_listed_forms_replace_generated_ones)
{
	tctx t;
	t_open(&t, 0);
	t_load(&t, DICT_VERBS,
	       "--- SNIB [020] ---\n"
	       "SNIB { SNAB SNUBBEN  }\n"
	       "GLORP {}\n"
	       "FLIM [021] {FLAM}\n");
	dict_finish(t.d);
	cr_assert_not_null(verb(t.d, "SNIB", NULL, NULL));
	cr_assert_not_null(verb(t.d, "SNAB", NULL, NULL));
	cr_assert_not_null(verb(t.d, "SNUBBEN", NULL, NULL));
	cr_assert_null(verb(t.d, "SNIBS", NULL, NULL));
	cr_assert_null(verb(t.d, "SNIBBED", NULL, NULL));
	cr_assert_not_null(verb(t.d, "GLORP", NULL, NULL));
	cr_assert_null(verb(t.d, "GLORPS", NULL, NULL));
	/* the code may come before the forms */
	cr_assert_str_eq(verb(t.d, "FLAM", NULL, NULL)->code, "021");
	cr_assert_null(verb(t.d, "FLIMS", NULL, NULL));
	t_close(&t);
}

Test(dict, verb_codes_own_block_and_null)
{
	tctx t;
	t_open(&t, 0);
	t_load(&t, DICT_VERBS,
	       "--- DELAYO [120]  [031:031]  ---\n"
	       "DELAYO\nSNOOZE [014]\n"
	       "--- PONDER [---] ---\nPONDER\n"
	       "--- MULL ---\nMULL\n"
	       "--- BROOD  ###\nBROOD\n"
	       "--- KRAZ [174K]---\nKRAZ\n");
	dict_finish(t.d);
	const dict_verb *v = verb(t.d, "DELAYO", NULL, NULL);
	cr_assert_str_eq(v->code, "120"); /* only the first [..] counts */
	cr_assert_str_eq(dict_block_label(t.d, v->block), "DELAYO");
	cr_assert_str_eq(verb(t.d, "SNOOZED", NULL, NULL)->code, "014");
	cr_assert_eq(verb(t.d, "SNOOZED", NULL, NULL)->block, v->block);
	cr_assert_str_eq(verb(t.d, "PONDER", NULL, NULL)->code, "---");
	cr_assert_str_eq(verb(t.d, "MULL", NULL, NULL)->code, "---");
	v = verb(t.d, "BROOD", NULL, NULL);
	cr_assert_str_eq(v->code, "---");
	cr_assert_str_eq(dict_block_label(t.d, v->block), "BROOD");
	cr_assert_str_eq(verb(t.d, "KRAZ", NULL, NULL)->code, "174K");
	cr_assert_eq(diag_count(t.dg), 0, "%s", t_msgs(&t));
	t_close(&t);
}

/* ---- Verbs: multi-word ------------------------------------------------- */

Test(dict, multi_word_verbs_and_lookup_order)
{
	tctx t;
	t_open(&t, 0);
	t_load(&t, DICT_VERBS,
	       "--- ABANDO [345] ---\n"
	       "ABANDO\n"
	       "+ABANDO_DEF_GHI\n"
	       "KLM_NOP_+RST [002]\n"
	       "+ABANDO_OFF {+ABANDONED_OFF +ABANDOS_OFF}\n"
	       "+CORDAX_OFF\n"
	       "WIRE_+TAP {WIRE_+TAPPED  WIRE_+TAPPING }\n"
	       "RULEX OUT\n");
	dict_finish(t.d);
	const dict_verb *v = verb(t.d, "RST", "KLM NOP", NULL);
	cr_assert_not_null(v);
	cr_assert_str_eq(v->code, "002");
	cr_assert_str_eq(v->phrase, "KLM_NOP_+RST");
	cr_assert_eq(v->line, 4);
	cr_assert_not_null(verb(t.d, "RSTS", "KLM NOP", NULL));
	cr_assert_not_null(verb(t.d, "RSTING", "KLM NOP", NULL));
	/* a line starting with '+': the first word is the verb */
	v = verb(t.d, "ABANDO", NULL, "DEF GHI");
	cr_assert_not_null(v);
	cr_assert_str_eq(v->code, "345");
	cr_assert_not_null(verb(t.d, "ABANDOED", NULL, "DEF GHI"));
	/* generated forms of a multi-word verb change the verb word */
	cr_assert_not_null(verb(t.d, "CORDAXES", NULL, "OFF"));
	cr_assert_not_null(verb(t.d, "CORDAXED", NULL, "OFF"));
	/* listed forms keep their '+' */
	cr_assert_not_null(verb(t.d, "ABANDONED", NULL, "OFF"));
	cr_assert_null(verb(t.d, "ABANDOING", NULL, "OFF"));
	cr_assert_not_null(verb(t.d, "TAPPED", "WIRE", NULL));
	cr_assert_null(verb(t.d, "TAPS", "WIRE", NULL));
	/* no '+' and several words: the first word is the verb */
	cr_assert_not_null(verb(t.d, "RULEXED", NULL, "OUT"));
	/* lookup: most companions first, then the single-word entry */
	const dict_verb *all;
	int32_t n = dict_verb_lookup(t.d, W(t.d, "ABANDO"), &all);
	cr_assert_eq(n, 3);
	cr_assert_eq(all[0].npost, 2);
	cr_assert_eq(all[1].npost, 1);
	cr_assert_eq(all[2].npost + all[2].npre, 0);
	cr_assert_eq(dict_verb_lookup(t.d, W(t.d, "DEF"), &all), 0);
	cr_assert_eq(dict_verb_lookup(t.d, -1, &all), 0);
	cr_assert_eq(diag_count(t.dg), 0, "%s", t_msgs(&t));
	t_close(&t);
}

Test(dict, misplaced_plus_in_a_form)
{
	tctx t;
	t_open(&t, 0);
	t_load(&t, DICT_VERBS,
	       "--- BLOWX [180] ---\n"
	       "+BLOWX_UP {+BLOWXS_UP BLOWXING_UP+ +BLEWX_UP}\n"
	       "BLA+H\n"
	       "+ZIP_+ZAP\n");
	dict_finish(t.d);
	cr_assert(t_has(&t, "t.txt:2: misplaced '+' in verb form "
			"'BLOWXING_UP+'; the verb word is taken from its verb"),
		  "%s", t_msgs(&t));
	cr_assert_not_null(verb(t.d, "BLOWXING", NULL, "UP"));
	cr_assert(t_has(&t, "t.txt:3: misplaced '+' in verb 'BLA+H'; skipped"));
	cr_assert(t_has(&t, "t.txt:4: verb '+ZIP_+ZAP': more than one word "
			"marked with '+'; skipped"), "%s", t_msgs(&t));
	cr_assert_eq(diag_count(t.dg), 3);
	t_close(&t);
}

Test(dict, verb_line_problems)
{
	tctx t;
	t_open(&t, 0);
	t_load(&t, DICT_VERBS,
	       "ORPHAN\n"
	       "- * ORPHAN [010]\n"
	       "--- OVERTHROX [---] ---\n"
	       "OVERTHROX  {OVERTHREX};oy 29 Nov 2005\n"
	       "SNARF {SNARFED\n"
	       "GLIB []\n");
	dict_finish(t.d);
	cr_assert(t_has(&t, "t.txt:1: verb before the first '--- LABEL ---' "
			"block; skipped"), "%s", t_msgs(&t));
	cr_assert(t_has(&t, "t.txt: 1 more lines before the first block "
			"skipped"), "%s", t_msgs(&t));
	cr_assert(t_has(&t, "t.txt:4: text after the verb ignored: ';oy 29 "
			"Nov 2005'"));
	cr_assert_not_null(verb(t.d, "OVERTHREX", NULL, NULL));
	cr_assert(t_has(&t, "t.txt:5: '{' without '}'; verb skipped"));
	cr_assert_null(verb(t.d, "SNARF", NULL, NULL));
	cr_assert(t_has(&t, "t.txt:6: empty verb code '[]'; the block code is "
			"used"));
	cr_assert_str_eq(verb(t.d, "GLIB", NULL, NULL)->code, "---");
	cr_assert_eq(diag_count(t.dg), 5);
	t_close(&t);
}

Test(dict, duplicate_verb_in_two_blocks_keeps_both_in_order)
{
	tctx t;
	t_open(&t, 0);
	t_load(&t, DICT_VERBS,
	       "--- FLEE [010] ---\nFLEE\nSCRAM\nSCRAM\n"
	       "--- SCRAM [020] ---\nSCRAM\nFLEED\n");
	dict_finish(t.d);
	const dict_verb *v;
	/* twice in FLEE's block: once; in two blocks: both, first first */
	cr_assert_eq(dict_verb_lookup(t.d, W(t.d, "SCRAM"), &v), 2);
	cr_assert_str_eq(v[0].code, "010");
	cr_assert_str_eq(v[1].code, "020");
	/* an explicit verb comes before a generated form of another verb */
	cr_assert_eq(dict_verb_lookup(t.d, W(t.d, "FLEED"), &v), 2);
	cr_assert_str_eq(v[0].code, "020");
	cr_assert_str_eq(v[1].code, "010");
	t_close(&t);
}

/* ---- Verbs: patterns --------------------------------------------------- */

static const dict_pattern *pattern_at(const dict *d, const char *verbw,
				      int i)
{
	const dict_verb *v = verb(d, verbw, NULL, NULL);
	cr_assert_not_null(v, "%s", verbw);
	const dict_pattern *p;
	int32_t n = dict_block_patterns(d, v->block, &p);
	cr_assert_lt(i, n);
	return &p[i];
}

Test(dict, pattern_elements_order_and_joins)
{
	tctx t;
	t_open(&t, 0);
	t_load(&t, DICT_VERBS,
	       "&GENX\n+GENEVAX\n+INTERNATIONALX\n"
	       "--- ACCORX [---] ---\nACCORX\n"
	       "- SO IN_AND_*_OUT_AGAIN NOW [074] # note\n"
	       "- SUGGESTED_+ * DEMAND_&GENX_CONVENTIONS  [111]\n"
	       "- IN_ *  [075A]\n"
	       "- * OFF_  [195]\n"
	       "- + KNOWN_ * IN_ $  [076]\n"
	       "- * ^_RECON_AID TO + [0331]\n"
	       "- % * [030:030]\n"
	       "- *  [080!]\n"
	       "- KRAZ_* [1]\n"
	       "- PROTESTX\t* [145]\n");
	dict_finish(t.d);
	cr_assert_eq(diag_count(t.dg), 0, "%s", t_msgs(&t));
	const dict_pattern *p = pattern_at(t.d, "ACCORX", 0);
	cr_assert_str_eq(p->code, "074");
	cr_assert_str_eq(p->text, "- SO IN_AND_*_OUT_AGAIN NOW [074]");
	cr_assert_eq(p->line, 6);
	cr_assert_eq(p->nupper, 3);
	cr_assert_eq(p->upper[0].kind, PEL_WORD);
	cr_assert_eq(p->upper[0].id, W(t.d, "AND"));
	cr_assert_eq(p->upper[0].tight, 1);
	cr_assert_eq(p->upper[1].id, W(t.d, "IN"));
	cr_assert_eq(p->upper[1].tight, 1);
	cr_assert_eq(p->upper[2].id, W(t.d, "SO"));
	cr_assert_eq(p->upper[2].tight, 0);
	cr_assert_eq(p->nlower, 3);
	cr_assert_eq(p->lower[0].id, W(t.d, "OUT"));
	cr_assert_eq(p->lower[0].tight, 1);
	cr_assert_eq(p->lower[1].id, W(t.d, "AGAIN"));
	cr_assert_eq(p->lower[1].tight, 1);
	cr_assert_eq(p->lower[2].id, W(t.d, "NOW"));
	cr_assert_eq(p->lower[2].tight, 0);

	p = pattern_at(t.d, "ACCORX", 1);
	cr_assert_eq(p->nupper, 2);
	cr_assert_eq(p->upper[0].kind, PEL_TARGET);
	cr_assert_eq(p->upper[0].id, -1);
	cr_assert_eq(p->upper[0].tight, 0);
	cr_assert_eq(p->upper[1].id, W(t.d, "SUGGESTED"));
	cr_assert_eq(p->upper[1].tight, 1);
	cr_assert_eq(p->nlower, 3);
	cr_assert_eq(p->lower[0].id, W(t.d, "DEMAND"));
	cr_assert_eq(p->lower[0].tight, 0);
	cr_assert_eq(p->lower[1].kind, PEL_SYNSET);
	cr_assert_str_eq(dict_synset_name(t.d, p->lower[1].id), "GENX");
	cr_assert_eq(p->lower[1].tight, 1);
	cr_assert_eq(p->lower[2].id, W(t.d, "CONVENTIONS"));
	cr_assert_eq(p->lower[2].tight, 1);

	p = pattern_at(t.d, "ACCORX", 2); /* legacy "_ " is a space */
	cr_assert_eq(p->nupper, 1);
	cr_assert_eq(p->upper[0].tight, 0);
	p = pattern_at(t.d, "ACCORX", 3); /* a trailing '_' is dropped */
	cr_assert_eq(p->nlower, 1);
	cr_assert_eq(p->lower[0].id, W(t.d, "OFF"));
	cr_assert_eq(p->lower[0].tight, 0);

	p = pattern_at(t.d, "ACCORX", 4);
	cr_assert_eq(p->nupper, 2);
	cr_assert_eq(p->upper[0].id, W(t.d, "KNOWN"));
	cr_assert_eq(p->upper[0].tight, 0);
	cr_assert_eq(p->upper[1].kind, PEL_TARGET);
	cr_assert_eq(p->nlower, 2);
	cr_assert_eq(p->lower[0].id, W(t.d, "IN"));
	cr_assert_eq(p->lower[0].tight, 0);
	cr_assert_eq(p->lower[1].kind, PEL_SOURCE);
	cr_assert_eq(p->lower[1].tight, 0);

	p = pattern_at(t.d, "ACCORX", 5);
	cr_assert_eq(p->nlower, 5);
	cr_assert_eq(p->lower[0].kind, PEL_SKIP);
	cr_assert_eq(p->lower[0].tight, 0);
	cr_assert_eq(p->lower[1].id, W(t.d, "RECON"));
	cr_assert_eq(p->lower[1].tight, 1);
	cr_assert_eq(p->lower[2].tight, 1);
	cr_assert_eq(p->lower[3].tight, 0);
	cr_assert_eq(p->lower[4].kind, PEL_TARGET);

	p = pattern_at(t.d, "ACCORX", 6);
	cr_assert_eq(p->nupper, 1);
	cr_assert_eq(p->upper[0].kind, PEL_COMPOUND);
	cr_assert_eq(p->nlower, 0);
	cr_assert_str_eq(p->code, "030:030");

	p = pattern_at(t.d, "ACCORX", 7);
	cr_assert_eq(p->nupper + p->nlower, 0);
	cr_assert_str_eq(p->code, "080!");

	p = pattern_at(t.d, "ACCORX", 8); /* KRAZ_* : next to the verb */
	cr_assert_eq(p->upper[0].tight, 1);
	p = pattern_at(t.d, "ACCORX", 9); /* a tab separates like a space */
	cr_assert_eq(p->upper[0].id, W(t.d, "PROTESTX"));
	cr_assert_eq(p->upper[0].tight, 0);
	t_close(&t);
}

Test(dict, patterns_dropped_and_malformed)
{
	tctx t;
	t_open(&t, 0);
	t_load(&t, DICT_VERBS,
	       "--- FIZZ [010] ---\nFIZZ\n"
	       "- * {A | B} [011]\n"
	       "- * FXLL DIPLOMATIC  [+++]\n"
	       "- SAID * AN OFFER + FOR TALKS\n"
	       "- TIVILIAN [202]\n"
	       "- * COMMIT * AID [033]\n"
	       "- * &NOPE TIES [902]\n"
	       "- * FIRE TO_HIMSELF IN PROTEST } [145]\n"
	       "- * ALPHA [033\n"
	       "- * BETA [] \n"
	       "- * GAMMA [034] junk\n"
	       "FUZZ\n"
	       "- * KEPT [035]\n");
	dict_finish(t.d);
	cr_assert(t_has(&t, "t.txt:5: pattern without a [code]; skipped"),
		  "%s", t_msgs(&t));
	cr_assert(t_has(&t, "t.txt:6: pattern needs exactly one '*' (has 0); "
			"skipped"));
	cr_assert(t_has(&t, "t.txt:7: pattern needs exactly one '*' (has 2); "
			"skipped"));
	cr_assert(t_has(&t, "t.txt:8: pattern uses synset '&NOPE', which is "
			"not defined before it; skipped"));
	cr_assert(t_has(&t, "t.txt:9: stray '}' in pattern ignored"));
	cr_assert(t_has(&t, "t.txt:10: pattern code has no closing ']'; "
			"skipped"));
	cr_assert(t_has(&t, "t.txt:11: empty pattern code '[]'; skipped"));
	cr_assert(t_has(&t, "t.txt:12: text after the pattern code ignored: "
			"'junk'"));
	cr_assert_eq(diag_count(t.dg), 8);
	const dict_verb *v = verb(t.d, "FUZZ", NULL, NULL);
	const dict_pattern *p;
	/* every verb of the block shares its patterns, in file order */
	cr_assert_eq(dict_block_patterns(t.d, v->block, &p), 3);
	cr_assert_eq(p[0].nlower, 5);
	cr_assert_eq(p[0].lower[4].id, W(t.d, "PROTEST"));
	cr_assert_str_eq(p[1].code, "034");
	cr_assert_str_eq(p[2].code, "035");
	dict_stats s;
	dict_get_stats(t.d, &s);
	cr_assert_eq(s.patterns, 3);
	cr_assert_eq(dict_block_patterns(t.d, 99, &p), 0);
	t_close(&t);
}

/* ---- Synsets ----------------------------------------------------------- */

static void seq_is(const dict *d, dict_seq q, const char *want)
{
	char buf[256] = "";
	for (int32_t i = 0; i < q.n; i++) {
		if (i)
			strcat(buf, " ");
		strcat(buf, dict_word_text(d, q.w[i]));
	}
	cr_assert_str_eq(buf, want);
}

Test(dict, synset_members_and_plurals)
{
	tctx t;
	t_open(&t, 0);
	t_load(&t, DICT_VERBS,
	       "&COINX \n"
	       "+DUCAT\n"
	       "+DUCATS\n"
	       "+PENNY\n"
	       "+CASH_\n"
	       "+swiss   franc\n"
	       "+PLONK_GOLD_DUCAT\n"
	       "&AUXX_   # no plurals at all\n"
	       "+WAS\n+IS_TO\n"
	       "&NESTX\n+&COINX\n+&NOTYET\n+CLOSER\n"
	       "--- PAYX [070] ---\nPAYX\n"
	       "- * &COINX [071]\n- * &AUXX_ [072]\n");
	dict_finish(t.d);
	cr_assert(t_has(&t, "t.txt:13: synset member '&NOTYET' names no synset "
			"defined before; member skipped"), "%s", t_msgs(&t));
	cr_assert_eq(diag_count(t.dg), 1);
	dict_stats s;
	dict_get_stats(t.d, &s);
	cr_assert_eq(s.synsets, 3);
	const dict_seq *m;
	cr_assert_eq(dict_synset_members(t.d, 0, &m), 11);
	cr_assert_str_eq(dict_synset_name(t.d, 0), "COINX");
	seq_is(t.d, m[0], "DUCAT");
	seq_is(t.d, m[1], "DUCATS");
	seq_is(t.d, m[2], "DUCATS");
	seq_is(t.d, m[3], "DUCATES"); /* final S replaced by ES */
	seq_is(t.d, m[4], "PENNY");
	seq_is(t.d, m[5], "PENNIES");
	seq_is(t.d, m[6], "CASH"); /* member ending in '_': no plural */
	seq_is(t.d, m[7], "SWISS FRANC");
	seq_is(t.d, m[8], "SWISS FRANCS");
	seq_is(t.d, m[9], "PLONK GOLD DUCAT");
	seq_is(t.d, m[10], "PLONK GOLD DUCATS");
	cr_assert_str_eq(dict_synset_name(t.d, 1), "AUXX");
	cr_assert_eq(dict_synset_members(t.d, 1, &m), 2);
	seq_is(t.d, m[1], "IS TO");
	/* a nested synset copies the members of one defined before */
	cr_assert_eq(dict_synset_members(t.d, 2, &m), 13);
	seq_is(t.d, m[0], "DUCAT");
	seq_is(t.d, m[11], "CLOSER");
	seq_is(t.d, m[12], "CLOSERS");
	/* references with or without the trailing '_' */
	const dict_pattern *p = pattern_at(t.d, "PAYX", 1);
	cr_assert_eq(p->lower[0].kind, PEL_SYNSET);
	cr_assert_eq(p->lower[0].id, 1);
	cr_assert_eq(dict_synset_members(t.d, 7, &m), 0);
	cr_assert_null(dict_synset_name(t.d, -1));
	t_close(&t);
}

Test(dict, synset_problems)
{
	tctx t;
	t_open(&t, 0);
	t_load(&t, DICT_VERBS,
	       "&DUPX\n+ONE\n"
	       "&DUPX\n+TWO\n"
	       "&\n+THREE\n"
	       "&TRAILX junk\n+FOUR\n");
	dict_finish(t.d);
	cr_assert(t_has(&t, "t.txt:3: synset &DUPX already defined at t.txt:1; "
			"this definition is skipped"), "%s", t_msgs(&t));
	cr_assert(t_has(&t, "t.txt:5: synset without a name; its members are "
			"skipped"));
	cr_assert(t_has(&t, "t.txt:7: text after the synset name ignored: "
			"'junk'"));
	cr_assert_eq(diag_count(t.dg), 3);
	const dict_seq *m;
	cr_assert_eq(dict_synset_members(t.d, 0, &m), 2); /* ONE, ONES */
	cr_assert_eq(W(t.d, "TWO"), -1);
	cr_assert_eq(W(t.d, "THREE"), -1);
	cr_assert_eq(dict_synset_members(t.d, 1, &m), 2);
	t_close(&t);
}

/* ---- Actors ------------------------------------------------------------ */

Test(dict, actor_entries_synonyms_and_code_lines)
{
	tctx t;
	t_open(&t, 0);
	t_load(&t, DICT_ACTORS,
	       "ZORBIA_  [ZRB]\n"
	       "+ZORBIAN_ \n"
	       "+THE_ZORB_LANDS\n"
	       "GLIMLAND\n"
	       "\t[GLMGOV >20100101]\n"
	       "  \t[GLMELI]\n"
	       "KRELL_	[IGOUNO 820101-911231] [ELI]\n"
	       "THE_SHIRX  [FRO/BIL/SAM]\n"
	       "palestinix [pse]\n"
	       "LASTONE [LST]");
	dict_finish(t.d);
	cr_assert_eq(diag_count(t.dg), 0, "%s", t_msgs(&t));
	dict_stats s;
	dict_get_stats(t.d, &s);
	cr_assert_eq(s.actors, 6);
	cr_assert_eq(s.actor_phrases, 8);
	cr_assert_str_eq(actor_code(t.d, "ZORBIAN", 0), "ZRB");
	cr_assert_str_eq(actor_code(t.d, "THE ZORB LANDS", 0), "ZRB");
	cr_assert_str_eq(actor_code(t.d, "GLIMLAND", 20120101), "GLMGOV");
	cr_assert_str_eq(actor_code(t.d, "GLIMLAND", 20000101), "GLMELI");
	cr_assert_str_eq(actor_code(t.d, "KRELL", 19900101), "IGOUNO");
	cr_assert_str_eq(actor_code(t.d, "KRELL", 20000101), "ELI");
	cr_assert_str_eq(actor_code(t.d, "THE SHIRX", 0), "FRO/BIL/SAM");
	/* lower-case phrases are normalised; codes are copied verbatim */
	cr_assert_str_eq(actor_code(t.d, "PALESTINIX", 0), "pse");
	/* the last entry of a file is stored */
	cr_assert_str_eq(actor_code(t.d, "LASTONE", 0), "LST");
	int32_t w[4];
	dict_actor_match m;
	ts_words(t.d, "ZORBIAN", w);
	cr_assert(dict_actor_find(t.d, w, 1, &m));
	cr_assert_str_eq(dict_actor_phrase(t.d, m.entry), "ZORBIA_");
	cr_assert_null(dict_actor_phrase(t.d, 99));
	t_close(&t);
}

/* §2: the first date line that holds, bounds inclusive; then the last
 * undated default; then "---"; with no date, the default, else the last
 * open-ended code. */
Test(dict, actor_date_selection)
{
	tctx t;
	t_open(&t, 0);
	t_load(&t, DICT_ACTORS,
	       "ZAMWISE [HOB]\n"
	       "\t[HOBCIV <20080120]\n"
	       "\t[ORCHOB 20100109-20100112] # before the next one\n"
	       "\t[HOBMIL 20080120-20121109]\n"
	       "\t[HOBGOV 20121109-20130119]\n"
	       "\t[HOBELI >20130119]\n"
	       "DATEONLY\n"
	       "\t[DOA <911226]\n"
	       "\t[DOB >311231]\n"
	       "\t[DOC >20000101]\n"
	       "CENTX\n"
	       "\t[NEWC 300101-301231]\n"
	       "\t[OLDC 310101-311231]\n"
	       "TWODEFS [AAA]\n\t[BBB]\n"
	       "NOCODE\n"
	       "NEXTONE [NXT]\n"
	       "SPACEY\n"
	       "\t[HOB < 950601]\n"
	       "\t[HOBGOV 19950601 - 19990815]\n"
	       "\t[EGYGOV > 140608]\n");
	dict_finish(t.d);
	cr_assert_eq(diag_count(t.dg), 0, "%s", t_msgs(&t));
	cr_assert_str_eq(actor_code(t.d, "ZAMWISE", 20100110), "ORCHOB");
	cr_assert_str_eq(actor_code(t.d, "ZAMWISE", 20080119), "HOBCIV");
	cr_assert_str_eq(actor_code(t.d, "ZAMWISE", 20080120), "HOBCIV");
	cr_assert_str_eq(actor_code(t.d, "ZAMWISE", 20080121), "HOBMIL");
	cr_assert_str_eq(actor_code(t.d, "ZAMWISE", 20121109), "HOBMIL");
	cr_assert_str_eq(actor_code(t.d, "ZAMWISE", 20121110), "HOBGOV");
	cr_assert_str_eq(actor_code(t.d, "ZAMWISE", 20130119), "HOBGOV");
	cr_assert_str_eq(actor_code(t.d, "ZAMWISE", 20130120), "HOBELI");
	cr_assert_str_eq(actor_code(t.d, "ZAMWISE", 0), "HOB");
	/* YYMMDD: 00-30 is 20YY, 31-99 is 19YY */
	cr_assert_str_eq(actor_code(t.d, "DATEONLY", 19911226), "DOA");
	cr_assert_str_eq(actor_code(t.d, "DATEONLY", 19911227), "DOB");
	cr_assert_str_eq(actor_code(t.d, "DATEONLY", 19311230), "DOA");
	cr_assert_str_eq(actor_code(t.d, "DATEONLY", 0), "DOC");
	cr_assert_str_eq(actor_code(t.d, "CENTX", 20300601), "NEWC");
	cr_assert_str_eq(actor_code(t.d, "CENTX", 19310601), "OLDC");
	cr_assert_str_eq(actor_code(t.d, "CENTX", 19300601), "---");
	cr_assert_str_eq(actor_code(t.d, "CENTX", 0), "---");
	cr_assert_str_eq(actor_code(t.d, "TWODEFS", 20000101), "BBB");
	cr_assert_str_eq(actor_code(t.d, "TWODEFS", 0), "BBB");
	/* no code and no date lines: nothing, not the next entry's code */
	cr_assert_str_eq(actor_code(t.d, "NOCODE", 20000101), "---");
	cr_assert_str_eq(actor_code(t.d, "NOCODE", 0), "---");
	cr_assert_str_eq(actor_code(t.d, "SPACEY", 19950601), "HOB");
	cr_assert_str_eq(actor_code(t.d, "SPACEY", 19950602), "HOBGOV");
	cr_assert_str_eq(actor_code(t.d, "SPACEY", 20140607), "---");
	cr_assert_str_eq(actor_code(t.d, "SPACEY", 20140608), "EGYGOV");
	cr_assert_str_eq(dict_actor_code(t.d, -1, 0), "---");
	t_close(&t);
}

Test(dict, actor_bad_dates_are_reported_and_skipped)
{
	tctx t;
	t_open(&t, 0);
	t_load(&t, DICT_ACTORS,
	       "ARMX [ARM]\n"
	       "\t[ARMUNR 9008223-911221]\n"
	       "\t[GBRGOV >201005011]\n"
	       "\t[IRQOCC 1920030320-20060520]\n"
	       "\t[MNEGOV 20121204]\n"
	       "\t[EGYGOV 20121207-20120802]\n"
	       "\t[BADM 991301-991302]\n"
	       "\t[FEB30 <20100230]\n"
	       "\t[WHAT ABC]\n"
	       "\t[LEAP <20120229]\n");
	dict_finish(t.d);
	const char *want[] = {
		"t.txt:2: invalid date '9008223' (YYMMDD or YYYYMMDD); code "
		"line skipped",
		"t.txt:3: invalid date '201005011' (YYMMDD or YYYYMMDD); code "
		"line skipped",
		"t.txt:4: invalid date '1920030320' (YYMMDD or YYYYMMDD); code "
		"line skipped",
		"t.txt:5: date '20121204' has no '<', '>' or '-'; code line "
		"skipped",
		"t.txt:6: date range '20121207-20120802' ends before it starts; "
		"code line skipped",
		"t.txt:7: invalid date '991301' (YYMMDD or YYYYMMDD); code line "
		"skipped",
		"t.txt:8: invalid date '20100230' (YYMMDD or YYYYMMDD); code "
		"line skipped",
		"t.txt:9: cannot read the date 'ABC'; code line skipped",
	};
	for (size_t i = 0; i < sizeof want / sizeof *want; i++)
		cr_assert(t_has(&t, want[i]), "missing %s in\n%s", want[i],
			  t_msgs(&t));
	cr_assert_eq(diag_count(t.dg), 8);
	cr_assert_str_eq(actor_code(t.d, "ARMX", 20120229), "LEAP");
	cr_assert_str_eq(actor_code(t.d, "ARMX", 20121205), "ARM");
	t_close(&t);
}

Test(dict, actor_malformed_lines)
{
	tctx t;
	t_open(&t, 0);
	t_load(&t, DICT_ACTORS,
	       "+EARLYSYN\n"
	       "\t[EARLY]\n"
	       "GOODX [GDX]\n"
	       "LIAMINE_Z\x1aROUAL_\n"
	       "\t[DZAELI 580101-940131]\n"
	       "+ZEROUAL\n"
	       "COTE_D\xEF\xBF\xBDIVOIRE_ [CIV]\n"
	       "FAEROX\n+FAEROYENE]_ \n\t[FRO]\n"
	       "\tJOHN_MCCLOYX_\t[IGOUNO 470301-490630]\n"
	       "BELO_CORPX_\t[MNCMED]\tNewspapers/Magazines\t$137,000,000\n"
	       "OPENX [OPN\n"
	       "CLOSEX [~ENV}\n"
	       "EMPTYX []\n"
	       "BADUTF \xC3\x28 [BAD]\n"
	       "A B C D E F G H I J K L M N O P Q R S T U V W X Y Z AA BB CC DD "
	       "EE FF GG [LONG]\n");
	dict_finish(t.d);
	const char *want[] = {
		"t.txt:1: synonym before any actor; skipped",
		"t.txt:2: code line before any actor; skipped",
		"t.txt:4: control byte 0x1A in the phrase; skipped",
		"t.txt:7: U+FFFD replacement character (a character lost in "
		"conversion) in the phrase; skipped",
		"t.txt:9: stray ']' in 'FAEROYENE]_' ignored",
		"t.txt:11: indented line read as a new actor 'JOHN_MCCLOYX_'",
		"t.txt:12: text after the code ignored: "
		"'Newspapers/Magazines\t$137,000,000'",
		"t.txt:13: '[' without ']'; code skipped",
		"t.txt:14: '[' closed by '}'; read as ']'",
		"t.txt:15: empty code '[]'; skipped",
		"t.txt:16: invalid UTF-8 byte 0xC3 in the phrase; skipped",
		"t.txt:17: phrase has more than 32 words; skipped",
	};
	for (size_t i = 0; i < sizeof want / sizeof *want; i++)
		cr_assert(t_has(&t, want[i]), "missing %s in\n%s", want[i],
			  t_msgs(&t));
	cr_assert_eq(diag_count(t.dg), 12, "%s", t_msgs(&t));
	/* the skipped entry's date lines and synonyms do not leak into the
	 * entry before it */
	cr_assert_str_eq(actor_code(t.d, "GOODX", 19900101), "GDX");
	cr_assert_eq(W(t.d, "ZEROUAL"), -1);
	cr_assert_str_eq(actor_code(t.d, "FAEROYENE", 0), "FRO");
	cr_assert_str_eq(actor_code(t.d, "JOHN MCCLOYX", 19480101), "IGOUNO");
	cr_assert_str_eq(actor_code(t.d, "BELO CORPX", 0), "MNCMED");
	cr_assert_str_eq(actor_code(t.d, "OPENX", 0), "---");
	cr_assert_str_eq(actor_code(t.d, "CLOSEX", 0), "~ENV");
	t_close(&t);
}

Test(dict, actor_non_ascii_phrases_load)
{
	tctx t;
	t_open(&t, 0);
	t_load(&t, DICT_ACTORS,
	       "SOVIETX\n+\xD0\xA1\xD0\xA1\xD0\xA1\xD0\xA0 \n\t[SUN]\n"
	       "erdo\xC4\x9f" "an [TUR]\n");
	dict_finish(t.d);
	cr_assert_eq(diag_count(t.dg), 0, "%s", t_msgs(&t));
	cr_assert_str_eq(actor_code(t.d, "\xD0\xA1\xD0\xA1\xD0\xA1\xD0\xA0", 0),
			 "SUN");
	/* upper-cased with Unicode simple case, as tokens are */
	cr_assert_str_eq(actor_code(t.d, "ERDO\xC4\x9E" "AN", 0), "TUR");
	t_close(&t);
}

Test(dict, actor_matching_leftmost_then_longest)
{
	tctx t;
	t_open(&t, 0);
	t_load(&t, DICT_ACTORS,
	       "KRAZ [KRZ]\n"
	       "KRAZ TELEVISION [KRZTV]\n"
	       "ZORB [ZRB]\n"
	       "QUUX [QUX]\n"
	       "NORTH_ZORBIA [NZB]\n"
	       "SOUTH ZORBIA [SZB]\n"
	       "AAA BBB CCC [ABC]\n"
	       "AAA [A]\n"
	       "DUPE [FIRST]\n"
	       "DUPE [SECOND]\n"
	       "PPP QQQ_RRR [PQR]\n"
	       "GREAT [GRT]\n");
	dict_finish(t.d);
	int32_t w[32];
	int32_t n;
	dict_actor_match m;
	/* PATTERN-09: the entry with most words at the leftmost word */
	n = ts_words(t.d, "KRAZ STATE-RUN TELEVISION", w);
	cr_assert(dict_actor_find(t.d, w, n, &m));
	cr_assert_str_eq(dict_actor_code(t.d, m.entry, 0), "KRZTV");
	cr_assert_eq(m.nused, 2);
	cr_assert_eq(m.used[0], 0);
	cr_assert_eq(m.used[1], 2);
	/* only one actor: the leftmost */
	n = ts_words(t.d, "THE EVIL ZORB AWFUL QUUX", w);
	cr_assert(dict_actor_find(t.d, w, n, &m));
	cr_assert_str_eq(dict_actor_code(t.d, m.entry, 0), "ZRB");
	cr_assert_eq(m.used[0], 2);
	/* '_' needs the next word, a space lets words come between */
	cr_assert_str_eq(actor_code(t.d, "NORTH ZORBIA", 0), "NZB");
	cr_assert_str_eq(actor_code(t.d, "NORTH GREAT ZORBIA", 0), "GRT");
	cr_assert_str_eq(actor_code(t.d, "SOUTH GREAT ZORBIA", 0), "SZB");
	/* AAA BBB CCC needs CCC */
	cr_assert_str_eq(actor_code(t.d, "AAA BBB ZZZ", 0), "A");
	cr_assert_str_eq(actor_code(t.d, "AAA BBB CCC", 0), "ABC");
	/* ties go by file order */
	cr_assert_str_eq(actor_code(t.d, "DUPE", 0), "FIRST");
	/* a later '_' run is placed where it fits */
	n = ts_words(t.d, "PPP QQQ XXX QQQ RRR", w);
	cr_assert(dict_actor_find(t.d, w, n, &m));
	cr_assert_str_eq(dict_actor_code(t.d, m.entry, 0), "PQR");
	cr_assert_eq(m.nused, 3);
	cr_assert_eq(m.used[0], 0);
	cr_assert_eq(m.used[1], 3);
	cr_assert_eq(m.used[2], 4);
	/* words no dictionary has are -1 */
	int32_t unk[3] = {-1, W(t.d, "QUUX"), -1};
	cr_assert(dict_actor_find(t.d, unk, 3, &m));
	cr_assert_eq(m.used[0], 1);
	cr_assert_not(dict_actor_find(t.d, unk, 1, &m));
	cr_assert_not(dict_actor_find(t.d, w, 0, &m));
	t_close(&t);
}

/* ---- Agents ------------------------------------------------------------ */

static int agent(const dict *d, const char *ne, int32_t pos,
		 const uint8_t *taken, dict_agent_match *m)
{
	int32_t w[32];
	int32_t n = ts_words(d, ne, w);
	return dict_agent_at(d, w, n, pos, taken, m);
}

Test(dict, agent_plurals_sets_and_codes)
{
	tctx t;
	t_open(&t, 0);
	t_load(&t, DICT_AGENTS,
	       "!PERSONX! = MAN, MEN,  WOMAN ,\n"
	       "!MINSTX! = MINISTER, MINISTRY\n"
	       "ENVOYX [~GOV]\n"
	       "BLORTY [~BLT]\n"
	       "BOSS [~BUS]\n"
	       "FLUNKEY_ [~FLK]\n"
	       "ARMED_FORCEX {} [~MIL]\n"
	       "GOLDEN_GOOSE {GOLDEN_GEESE} [~GGS]\n"
	       "CONGRESS!PERSONX! [~LEG]\n"
	       "!MINSTX!_OF_SILLY_WALKS [~GOV]\n"
	       "HUMAN_RIGHTS_BODY  [NGO~]\n"
	       "POLICEX {} [ ~COP]\n"
	       "RIGHTS_ORGX  [  NGO~]\n");
	dict_finish(t.d);
	cr_assert_eq(diag_count(t.dg), 0, "%s", t_msgs(&t));
	dict_agent_match m;
	const char *yes[] = {"ENVOYX", "ENVOYXS", "BLORTY", "BLORTIES",
			     "BOSS", "BOSSES", "FLUNKEY", "FLUNKEIES",
			     "ARMED FORCEX", "GOLDEN GOOSE", "GOLDEN GEESE",
			     "CONGRESSMAN", "CONGRESSMEN", "CONGRESSWOMAN",
			     "MINISTER OF SILLY WALKS",
			     "MINISTRY OF SILLY WALKS"};
	for (size_t i = 0; i < sizeof yes / sizeof *yes; i++)
		cr_assert(agent(t.d, yes[i], 0, NULL, &m), "%s", yes[i]);
	const char *no[] = {"ARMED FORCEXS", "GOLDEN GOOSES",
			    "CONGRESSMANS", "CONGRESSMENS", "BOSSS",
			    "MINISTER OF SILLY WALKSES"};
	for (size_t i = 0; i < sizeof no / sizeof *no; i++)
		cr_assert_not(agent(t.d, no[i], 0, NULL, &m), "%s", no[i]);
	cr_assert(agent(t.d, "CONGRESSWOMAN", 0, NULL, &m));
	cr_assert_str_eq(m.code, "LEG");
	cr_assert_eq(m.prefix, 0);
	cr_assert_str_eq(m.phrase, "CONGRESS!PERSONX!");
	cr_assert(agent(t.d, "HUMAN RIGHTS BODIES", 0, NULL, &m));
	cr_assert_str_eq(m.code, "NGO");
	cr_assert_eq(m.prefix, 1);
	cr_assert_eq(m.nused, 3);
	cr_assert(agent(t.d, "POLICEX", 0, NULL, &m));
	cr_assert_str_eq(m.code, "COP");
	cr_assert(agent(t.d, "RIGHTS ORGX", 0, NULL, &m));
	cr_assert_str_eq(m.code, "NGO");
	cr_assert_eq(m.prefix, 1);
	dict_stats s;
	dict_get_stats(t.d, &s);
	/* 2+2+2+2+1+2+3+2+2+1+2 */
	cr_assert_eq(s.agents, 21);
	t_close(&t);
}

Test(dict, agent_search_order_and_taken_words)
{
	tctx t;
	t_open(&t, 0);
	t_load(&t, DICT_AGENTS,
	       "PRIME [~PRM]\n"
	       "PRIME_MINISTER [~GOV]\n"
	       "FOREIGN MINISTER [~FRM]\n"
	       "MINISTER [~MIN]\n");
	dict_finish(t.d);
	dict_agent_match m;
	/* the first entry in file order, not the longest */
	cr_assert(agent(t.d, "PRIME MINISTER", 0, NULL, &m));
	cr_assert_str_eq(m.code, "PRM");
	cr_assert_eq(m.nused, 1);
	cr_assert(agent(t.d, "ZORB FOREIGN DEPUTY MINISTER", 1, NULL, &m));
	cr_assert_str_eq(m.code, "FRM");
	cr_assert_eq(m.used[0], 1);
	cr_assert_eq(m.used[1], 3);
	/* taken words are never used, but may sit between */
	uint8_t taken[4] = {0, 0, 0, 1};
	cr_assert_not(agent(t.d, "ZORB FOREIGN DEPUTY MINISTER", 1, taken, &m));
	uint8_t taken2[4] = {0, 0, 1, 0};
	cr_assert(agent(t.d, "ZORB FOREIGN DEPUTY MINISTER", 1, taken2, &m));
	uint8_t taken3[2] = {1, 0};
	cr_assert_not(agent(t.d, "MINISTER MINISTER", 0, taken3, &m));
	cr_assert(agent(t.d, "MINISTER MINISTER", 1, taken3, &m));
	cr_assert_not(agent(t.d, "MINISTER", 1, NULL, &m));
	cr_assert_not(agent(t.d, "MINISTER", -1, NULL, &m));
	t_close(&t);
}

Test(dict, agent_malformed_lines)
{
	tctx t;
	t_open(&t, 0);
	t_load(&t, DICT_AGENTS,
	       "DEPARMENT_OF_ENVX [~ENV}\n"
	       "ISLAMIC_EXTREMISTX\n"
	       "NOTILDE [GOV]\n"
	       "BOTH [~GOV~]\n"
	       "!NOSUCH!_MAN [~X]\n"
	       "!EMPTYSET! = , ,\n"
	       "OPEN [~GOV\n"
	       "BRACE {X [~GOV]\n"
	       "JUNK [~GOV] extra\n"
	       "!RE! = A\n!RE! = B\n");
	dict_finish(t.d);
	const char *want[] = {
		"t.txt:1: '[' closed by '}'; read as ']'",
		"t.txt:2: agent 'ISLAMIC_EXTREMISTX' has no [code]; skipped",
		"t.txt:3: agent code '[GOV]' needs '~CODE' or 'CODE~'; skipped",
		"t.txt:4: agent code '[~GOV~]' needs '~CODE' or 'CODE~'; "
		"skipped",
		"t.txt:5: unknown substitution set '!NOSUCH!'; agent skipped",
		"t.txt:6: substitution set !EMPTYSET! has no items; skipped",
		"t.txt:7: '[' without ']'; agent skipped",
		"t.txt:8: '{' without '}'; agent skipped",
		"t.txt:9: text after the agent ignored: 'extra'",
		"t.txt:11: substitution set !RE! redefined; the new items apply "
		"from here",
	};
	for (size_t i = 0; i < sizeof want / sizeof *want; i++)
		cr_assert(t_has(&t, want[i]), "missing %s in\n%s", want[i],
			  t_msgs(&t));
	cr_assert_eq(diag_count(t.dg), 10, "%s", t_msgs(&t));
	dict_agent_match m;
	cr_assert(agent(t.d, "DEPARMENT OF ENVX", 0, NULL, &m));
	cr_assert_str_eq(m.code, "ENV");
	cr_assert(agent(t.d, "JUNK", 0, NULL, &m));
	t_close(&t);
}

/* ---- Discards ---------------------------------------------------------- */

Test(dict, discards_sentence_and_story)
{
	tctx t;
	t_open(&t, 0);
	t_load(&t, DICT_DISCARDS,
	       "# Story-level discards start with '+'\n"
	       "MONTHS LATER\n"
	       "ZORBBALL   # a sport\n"
	       "+World Plonk Championships   # pas\n"
	       "+ Spaced Story\n"
	       "GROUP A_\n"
	       "+EURO  QUALIFIX\n"
	       "1914\n");
	dict_finish(t.d);
	cr_assert_eq(diag_count(t.dg), 0, "%s", t_msgs(&t));
	dict_stats s;
	dict_get_stats(t.d, &s);
	cr_assert_eq(s.discards, 7);
	const char *ph;
#define CHECK(text, kind) \
	dict_discard_check(t.d, text, strlen(text), &ph) == (kind)
	cr_assert(CHECK("Zorb won at zorbball, again.", DICT_DISCARD_SENTENCE));
	cr_assert_str_eq(ph, "ZORBBALL");
	cr_assert(CHECK("\"Zorbball\" is a game", DICT_DISCARD_SENTENCE));
	cr_assert(CHECK("Zorbballs are round", DICT_KEEP));
	cr_assert_null(ph);
	cr_assert(CHECK("the zorbballer", DICT_KEEP));
	cr_assert(CHECK("Two months later, it ended", DICT_DISCARD_SENTENCE));
	cr_assert(CHECK("Two months, later", DICT_KEEP));
	cr_assert(CHECK("months later", DICT_DISCARD_SENTENCE));
	/* the story form beats the sentence form, wherever it is */
	cr_assert(CHECK("Months later the World Plonk Championships began",
			DICT_DISCARD_STORY));
	cr_assert_str_eq(ph, "World Plonk Championships");
	cr_assert(CHECK("a spaced story", DICT_DISCARD_STORY));
	cr_assert(CHECK("in group a.", DICT_DISCARD_SENTENCE));
	cr_assert(CHECK("the Euro qualifix", DICT_DISCARD_STORY));
	cr_assert(CHECK("since 1914,", DICT_DISCARD_SENTENCE));
	cr_assert(CHECK("since 19145", DICT_KEEP));
	cr_assert(CHECK("", DICT_KEEP));
#undef CHECK
	cr_assert_eq(dict_discard_check(t.d, "zorbball", 8, NULL),
		     DICT_DISCARD_SENTENCE);
	t_close(&t);
}

/* ---- Issues ------------------------------------------------------------ */

Test(dict, issues_expansions_counts_and_cancel)
{
	tctx t;
	t_open(&t, 0);
	t_load(&t, DICT_ISSUES,
	       "# issues\n"
	       "<ISSUE CATEGORY=\"EDUCATION\" TYPE=\"ALL\">\n"
	       "n:preschool [EARLY]\n"
	       "pre+n:school [EARLY]\n"
	       "head start [EARLY]\n"
	       "~a head start\n"
	       "n:zorbcity [ZORB]\n"
	       "v:retaliate [RETAL]\n"
	       "touristry[TOUR]\n"
	       "</ISSUE>\n");
	dict_finish(t.d);
	cr_assert_eq(diag_count(t.dg), 0, "%s", t_msgs(&t));
	dict_stats s;
	dict_get_stats(t.d, &s);
	/* 2 + 4 + 1 + 1 + 2 + 4 + 1 */
	cr_assert_eq(s.issues, 15);
	dict_issue_count out[8];
	const char *txt = "Pre-schools and zorbcities retaliated; preschool.";
	int32_t n = dict_issues(t.d, txt, strlen(txt), out, 8);
	cr_assert_eq(n, 3);
	cr_assert_str_eq(out[0].code, "EARLY");
	cr_assert_eq(out[0].count, 2); /* two forms: PRE-SCHOOLS, PRESCHOOL */
	cr_assert_str_eq(out[1].code, "ZORB");
	cr_assert_eq(out[1].count, 1);
	cr_assert_str_eq(out[2].code, "RETAL");
	/* a form counts once however often it occurs */
	txt = "preschool preschool pre school";
	n = dict_issues(t.d, txt, strlen(txt), out, 8);
	cr_assert_eq(n, 1);
	cr_assert_eq(out[0].count, 2);
	/* a '~' phrase cancels every issue */
	txt = "Zorbcity got a head start";
	cr_assert_eq(dict_issues(t.d, txt, strlen(txt), out, 8), 0);
	txt = "Zorbcity got a big head start";
	cr_assert_eq(dict_issues(t.d, txt, strlen(txt), out, 8), 2);
	/* max bounds what is written */
	txt = "touristry zorbcity";
	cr_assert_eq(dict_issues(t.d, txt, strlen(txt), out, 1), 1);
	cr_assert_str_eq(out[0].code, "TOUR");
	cr_assert_eq(dict_issues(t.d, "nothing here", 12, out, 8), 0);
	t_close(&t);
}

Test(dict, issues_malformed_lines)
{
	tctx t;
	t_open(&t, 0);
	t_load(&t, DICT_ISSUES,
	       "<ISSUE CATEGORY=\"X\" TYPE=\"ALL\">\n"
	       "european central zorb\n"
	       "intimidation of zorbs [MEDIA]intimidation of the zorbs [MEDIA]\n"
	       "aqimx [GROUP] [GROUP]\n"
	       "tigers of zorb [GROUP]*******\n"
	       "empty []\n"
	       "</ISSUE>\n</ISSUE>\n<ISSUE CATEGORY=\"Y\">\n");
	dict_finish(t.d);
	const char *want[] = {
		"t.txt:2: issue phrase has no [CODE]; skipped",
		"t.txt:3: two issue phrases on one line; read as two lines",
		"t.txt:4: text after the issue code ignored: '[GROUP]'",
		"t.txt:5: text after the issue code ignored: '*******'",
		"t.txt:6: empty issue code '[]'; skipped",
		"t.txt:8: </ISSUE> without an open <ISSUE>",
		"t.txt: <ISSUE> block not closed at the end of the file",
	};
	for (size_t i = 0; i < sizeof want / sizeof *want; i++)
		cr_assert(t_has(&t, want[i]), "missing %s in\n%s", want[i],
			  t_msgs(&t));
	cr_assert_eq(diag_count(t.dg), 7, "%s", t_msgs(&t));
	dict_issue_count out[4];
	const char *txt = "the intimidation of the zorbs";
	cr_assert_eq(dict_issues(t.d, txt, strlen(txt), out, 4), 1);
	cr_assert_str_eq(out[0].code, "MEDIA");
	t_close(&t);
}

/* ---- File names, strict mode, life cycle ------------------------------- */

Test(dict, kind_from_filename)
{
	cr_assert_eq(dict_kind_from_filename("PETR.Validate.verbs.txt"),
		     DICT_VERBS);
	cr_assert_eq(dict_kind_from_filename("x/CAMEO.verbpatterns.150430.txt"),
		     DICT_VERBS);
	cr_assert_eq(dict_kind_from_filename("/a/b/Phoenix.Countries.actors.txt"),
		     DICT_ACTORS);
	cr_assert_eq(dict_kind_from_filename("Phoenix.agents.txt"), DICT_AGENTS);
	cr_assert_eq(dict_kind_from_filename("Phoenix.discards.txt"),
		     DICT_DISCARDS);
	cr_assert_eq(dict_kind_from_filename("Phoenix.IssueCoding.txt"),
		     DICT_ISSUES);
	cr_assert_eq(dict_kind_from_filename("my.issues.txt"), DICT_ISSUES);
	cr_assert_eq(dict_kind_from_filename("README.md"), -1);
	cr_assert_eq(dict_kind_from_filename("actors.txt"), -1);
	cr_assert_eq(dict_kind_from_filename(NULL), -1);
}

Test(dict, strict_mode_fails_after_a_problem)
{
	tctx t;
	t_open(&t, 1);
	cr_assert_eq(t_load(&t, DICT_ACTORS, "ZORBIA [ZRB]\n"), 0);
	cr_assert_eq(t_load(&t, DICT_ACTORS, "QUUX [QUX]\n\t[Q 2001]\n"), -1);
	cr_assert(diag_failed(t.dg));
	t_close(&t);
	t_open(&t, 0);
	cr_assert_eq(t_load(&t, DICT_ACTORS, "QUUX [QUX]\n\t[Q 2001]\n"), 0);
	cr_assert_eq(diag_count(t.dg), 1);
	t_close(&t);
}

Test(dict, life_cycle)
{
	tctx t;
	t_open(&t, 0);
	cr_assert_eq(dict_load_file(t.d, DICT_ACTORS, "/nonexistent/x.txt"), -1);
	cr_assert(t_has(&t, "/nonexistent/x.txt: cannot open: "), "%s",
		  t_msgs(&t));
	cr_assert_eq(t_load(&t, (dict_kind)42, "X [Y]\n"), -1);
	/* queries before dict_finish find nothing, and do not crash */
	t_load(&t, DICT_ACTORS, "ZORBIA [ZRB]\n");
	int32_t w = W(t.d, "ZORBIA");
	dict_actor_match m;
	cr_assert_not(dict_actor_find(t.d, &w, 1, &m));
	dict_finish(t.d);
	dict_finish(t.d); /* twice is harmless */
	cr_assert(dict_actor_find(t.d, &w, 1, &m));
	cr_assert_eq(t_load(&t, DICT_ACTORS, "QUUX [QUX]\n"), -1);
	cr_assert(t_has(&t, "t.txt: dictionary loaded after dict_finish; "
			"ignored"));
	cr_assert_str_eq(dict_word_text(t.d, w), "ZORBIA");
	cr_assert_null(dict_word_text(t.d, -5));
	cr_assert_eq(dict_word(t.d, NULL, 0), -1);
	t_close(&t);
	dict_free(NULL);
	/* an empty dict answers every query */
	diag *dg = diag_new(NULL, 0);
	dict *d = dict_new(dg);
	dict_finish(d);
	const dict_verb *v;
	cr_assert_eq(dict_verb_lookup(d, 0, &v), 0);
	cr_assert_eq(dict_discard_check(d, "x", 1, NULL), DICT_KEEP);
	dict_issue_count ic[1];
	cr_assert_eq(dict_issues(d, "x", 1, ic, 1), 0);
	dict_agent_match am;
	int32_t zero = 0;
	cr_assert_not(dict_agent_at(d, &zero, 1, 0, NULL, &am));
	dict_free(d);
	diag_free(dg);
}

/* ---- Robustness -------------------------------------------------------- */

/* Garbage made of the formats' own punctuation never crashes a loader or
 * a matcher (run under ASan/UBSan by make asan). */
Test(dict, garbage_never_crashes)
{
	static const char alpha[] = "[]{}<>!-_+~&*$^%#:;=,.'\"\t\n\n\n   "
				    "ABCXYZabc0123456789/\xC3\xA9\xFF\x1a";
	uint32_t seed = 12345;
	char text[1500];
	for (int round = 0; round < 60; round++) {
		diag *dg = diag_new(NULL, round % 2);
		dict *d = dict_new(dg);
		for (int k = 0; k < DICT_KIND_COUNT_; k++) {
			for (size_t i = 0; i < sizeof text; i++) {
				seed = seed * 1103515245u + 12345u;
				text[i] = alpha[(seed >> 16) % (sizeof alpha - 1)];
			}
			dict_load_mem(d, (dict_kind)k, "g", text, sizeof text);
		}
		dict_finish(d);
		dict_stats s;
		dict_get_stats(d, &s);
		int32_t w[12];
		for (int i = 0; i < 12; i++) {
			seed = seed * 1103515245u + 12345u;
			w[i] = (int32_t)((seed >> 16) % (uint32_t)(s.words + 2)) - 1;
		}
		dict_actor_match am;
		dict_agent_match gm;
		uint8_t taken[12] = {0, 1};
		dict_actor_find(d, w, 12, &am);
		for (int i = 0; i < 12; i++) {
			dict_agent_at(d, w, 12, i, taken, &gm);
			const dict_verb *v;
			int32_t nv = dict_verb_lookup(d, w[i], &v);
			for (int32_t j = 0; j < nv; j++) {
				const dict_pattern *p;
				dict_block_patterns(d, v[j].block, &p);
			}
		}
		for (int32_t i = 0; i < s.actors; i++)
			dict_actor_code(d, i, i % 2 ? 20100101 : 0);
		dict_issue_count ic[4];
		dict_discard_check(d, text, sizeof text, NULL);
		dict_issues(d, text, sizeof text, ic, 4);
		cr_assert_geq(diag_count(dg), 0);
		dict_free(d);
		diag_free(dg);
	}
}

Test(dict, synset_names_with_underscores_in_patterns)
{
	tctx t;
	t_open(&t, 0);
	t_load(&t, DICT_VERBS,
	       "&NOT_FUTX_\n+WILL NOT\n"
	       "&TIEX\n+TRADE\n"
	       "--- VERBX [010] ---\nVERBX\n"
	       "- &NOT_FUTX_ * [125]\n"
	       "- * NEW_&TIEX_RELATIONS [903]\n");
	dict_finish(t.d);
	const dict_pattern *p = pattern_at(t.d, "VERBX", 0);
	/* the whole name is one synset reference */
	cr_assert_eq(p->nupper, 1);
	cr_assert_eq(p->upper[0].kind, PEL_SYNSET);
	cr_assert_str_eq(dict_synset_name(t.d, p->upper[0].id), "NOT_FUTX");
	/* a name that is no synset ends at the '_': synset then word */
	p = pattern_at(t.d, "VERBX", 1);
	cr_assert_eq(p->nlower, 3);
	cr_assert_eq(p->lower[1].kind, PEL_SYNSET);
	cr_assert_str_eq(dict_synset_name(t.d, p->lower[1].id), "TIEX");
	cr_assert_eq(p->lower[2].kind, PEL_WORD);
	cr_assert(p->lower[2].tight);
	t_close(&t);
}

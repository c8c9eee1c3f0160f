/*
 * test_coder.c - the coder's rules (petrarch-semantics.md §1-§5) on
 * dictionaries and Treebank parses written here with invented names, so
 * each rule is tested apart from the parser.
 */
#include <criterion/criterion.h>
#include <stdlib.h>
#include <string.h>

#include "dict/dict.h"
#include "events/coder.h"
#include "parse/ptb.h"
#include "read/doc.h"
#include "util/arena.h"
#include "util/buf.h"
#include "util/diag.h"

static const char VERBS[] =
	"&MONEY\n"
	"+CROWNS\n"
	"+GOLD MARKS\n"
	"\n"
	"--- CONDEMN [122] ---\n"
	"CONDEMN\n"
	"DENOUNCE\n"
	"\n"
	"--- PROMISE [030] ---\n"
	"PROMISE\n"
	"- * AID TO + [033]\n"
	"\n"
	"--- VISIT [042:043] ---\n"
	"VISIT\n"
	"\n"
	"--- MEET [040] ---\n"
	"MEET {MEETS MET MEETING}\n"
	"- % HAVE * [046]\n"
	"\n"
	"--- SEND [070] ---\n"
	"SEND {SENDS SENT SENDING}\n"
	"- * &MONEY TO + [071]\n"
	"- * TROOPS_TO + [152]\n"
	"\n"
	"--- RETURN [080] ---\n"
	"RETURN\n"
	"- * HOME [---]\n"
	"\n"
	"--- SAY [010] ---\n"
	"SAY {SAYS SAID SAYING}\n"
	"\n"
	"--- ATTACK [190] ---\n"
	"ATTACK\n"
	"\n"
	"--- CUT [---] ---\n"
	"+CUT_OFF {CUTS_OFF CUT_OFF CUTTING_OFF}\n"
	"CUT {CUTS CUT CUTTING}\n"
	"- * TIES WITH + [161]\n";

static const char ACTORS[] =
	"VALORIA [VAL]\n"
	"+VALORIAN\n"
	"KESTRIA [KES]\n"
	"+KESTRIAN\n"
	"DUNMARK [DUN]\n"
	"OSTREL [OST]\n"
	"OLD_HARBOUR_CITY [VALHBR]\n"
	"ARIN_MOLE\n"
	"\t[KESGOV 20100101-20121231]\n"
	"\t[KESELI >20130101]\n";

static const char AGENTS[] =
	"CABINET [~GOV]\n"
	"TROOPS {} [~MIL]\n"
	"POLICE {} [~COP]\n"
	"REBEL [~REB]\n";

typedef struct fixture {
	diag *dg;
	dict *d;
	arena *a;
} fixture;

static fixture make(void)
{
	fixture f;
	f.dg = diag_new(stderr, 1);
	f.d = dict_new(f.dg);
	cr_assert_eq(dict_load_mem(f.d, DICT_VERBS, "verbs", VERBS, strlen(VERBS)), 0);
	cr_assert_eq(dict_load_mem(f.d, DICT_ACTORS, "actors", ACTORS, strlen(ACTORS)), 0);
	cr_assert_eq(dict_load_mem(f.d, DICT_AGENTS, "agents", AGENTS, strlen(AGENTS)), 0);
	dict_finish(f.d);
	f.a = arena_new();
	return f;
}

static void unmake(fixture *f)
{
	arena_free(f->a);
	dict_free(f->d);
	diag_free(f->dg);
}

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Codes parse with settings s at date; returns "SRC>TGT:CODE" sorted and
 * joined by spaces (static buffer per call site is avoided: caller frees). */
static char *code(fixture *f, const char *parse, const doc_settings *s,
		  int32_t date)
{
	tree t;
	const char *err = NULL;
	arena_reset(f->a);
	cr_assert_eq(ptb_read(f->a, parse, strlen(parse), NULL, 0, 0, &t, &err), 0,
		     "parse rejected: %s", err ? err : "?");
	for (int32_t i = 0; i < t.ntok; i++)
		t.toks[i].word = dict_word(f->d, t.toks[i].upper, t.toks[i].ulen);
	cd_result r;
	code_sentence(f->d, f->a, &t, s, date, NULL, NULL, &r);
	char **items = calloc((size_t)r.nev + 1, sizeof *items);
	for (int32_t i = 0; i < r.nev; i++) {
		buf b = BUF_INIT;
		buf_printf(&b, "%s>%s:%s", r.ev[i].source, r.ev[i].target, r.ev[i].code);
		items[i] = buf_steal(&b);
	}
	qsort(items, (size_t)r.nev, sizeof *items, cmp_str);
	buf out = BUF_INIT;
	for (int32_t i = 0; i < r.nev; i++) {
		if (i)
			buf_putc(&out, ' ');
		buf_puts(&out, items[i]);
		free(items[i]);
	}
	free(items);
	return buf_steal(&out);
}

static doc_settings xml_settings(void)
{
	return doc_settings_default(1);
}

#define EXPECT(f, parse, s, date, want)                                   \
	do {                                                              \
		char *got_ = code(f, parse, s, date);                     \
		cr_expect_str_eq(got_, want, "%s", parse);                \
		free(got_);                                               \
	} while (0)

Test(coder, simple_svo_and_default_code)
{
	fixture f = make();
	doc_settings s = xml_settings();
	EXPECT(&f, "(ROOT (S (NP (NNP Valoria)) (VP (VBD condemned) (NP (NNP Kestria))) (. .)))",
	       &s, 20200101, "VAL>KES:122");
	unmake(&f);
}

Test(coder, agents_combine_with_actor_adjectives)
{
	fixture f = make();
	doc_settings s = xml_settings();
	EXPECT(&f, "(ROOT (S (NP (DT The) (JJ Valorian) (NN cabinet)) (VP (VBD condemned) "
		   "(NP (JJ Kestrian) (NNS troops))) (. .)))",
	       &s, 20200101, "VALGOV>KESMIL:122");
	unmake(&f);
}

Test(coder, default_source_is_first_in_sentence_order)
{
	/* The second verb's source is the first coded NE of the sentence,
	 * not the one nearest the verb; its target comes from its pattern. */
	fixture f = make();
	doc_settings s = xml_settings();
	EXPECT(&f, "(ROOT (S (NP (DT The) (NNP Valoria) (NN cabinet)) (VP (VP (VBD condemned) "
		   "(NP (NP (DT a) (NN raid)) (PP (IN by) (NP (NNP Kestria) (NNS troops))))) "
		   "(CC and) (VP (VBD promised) (NP (NN aid)) (PP (TO to) (NP (NNP Dunmark) (NNS villages))))) (. .)))",
	       &s, 20200101, "VALGOV>DUN:033 VALGOV>KESMIL:122");
	unmake(&f);
}

Test(coder, passive_swaps_roles)
{
	fixture f = make();
	doc_settings s = xml_settings();
	EXPECT(&f, "(ROOT (S (NP (NNP Valoria)) (VP (VBD was) (VP (VBN condemned) "
		   "(PP (IN by) (NP (NNP Kestria))))) (. .)))",
	       &s, 20200101, "KES>VAL:122");
	/* "were" is not one of PETRARCH's passive auxiliaries (§5). */
	unmake(&f);
}

Test(coder, paired_code_gives_both_directions)
{
	fixture f = make();
	doc_settings s = xml_settings();
	EXPECT(&f, "(ROOT (S (NP (NNP Valoria)) (VP (VBD visited) (NP (NNP Kestria))) (. .)))",
	       &s, 20200101, "KES>VAL:043 VAL>KES:042");
	unmake(&f);
}

Test(coder, compound_in_upper_codes_members_against_each_other)
{
	fixture f = make();
	doc_settings s = xml_settings();
	EXPECT(&f, "(ROOT (S (NP (NNP Valoria) (CC and) (NNP Kestria)) (VP (VBP have) (VP (VBN met))) (. .)))",
	       &s, 20200101, "KES>VAL:046 VAL>KES:046");
	unmake(&f);
}

Test(coder, compound_source_pairs_with_target)
{
	fixture f = make();
	doc_settings s = xml_settings();
	EXPECT(&f, "(ROOT (S (NP (NP (NNP Valoria)) (, ,) (NP (NNP Dunmark)) (CC and) (NP (NNP Ostrel))) "
		   "(VP (VBD condemned) (NP (NNP Kestria))) (. .)))",
	       &s, 20200101, "DUN>KES:122 OST>KES:122 VAL>KES:122");
	unmake(&f);
}

Test(coder, synset_pattern_and_closed_join)
{
	fixture f = make();
	doc_settings s = xml_settings();
	/* &MONEY member "GOLD MARKS" must be consecutive; TROOPS_TO is tight. */
	EXPECT(&f, "(ROOT (S (NP (NNP Valoria)) (VP (VBD sent) (NP (JJ gold) (NNS marks)) "
		   "(PP (TO to) (NP (NNP Kestria)))) (. .)))",
	       &s, 20200101, "VAL>KES:071");
	EXPECT(&f, "(ROOT (S (NP (NNP Valoria)) (VP (VBD sent) (NP (NNS troops)) "
		   "(PP (TO to) (NP (NNP Kestria)))) (. .)))",
	       &s, 20200101, "VAL>KES:152");
	/* A word between breaks the '_' join: the verb's own code, and the
	 * first coded NE after it ("troops": ---MIL) is the target. */
	EXPECT(&f, "(ROOT (S (NP (NNP Valoria)) (VP (VBD sent) (NP (NNS troops)) "
		   "(ADVP (RB quickly)) (PP (TO to) (NP (NNP Kestria)))) (. .)))",
	       &s, 20200101, "VAL>---MIL:070");
	unmake(&f);
}

Test(coder, null_pattern_suppresses_event)
{
	fixture f = make();
	doc_settings s = xml_settings();
	EXPECT(&f, "(ROOT (S (NP (NNP Valoria)) (VP (VBD returned) (ADVP (RB home)) "
		   "(PP (TO to) (NP (NNP Kestria)))) (. .)))",
	       &s, 20200101, "");
	unmake(&f);
}

Test(coder, multiword_verb_needs_its_particle)
{
	fixture f = make();
	doc_settings s = xml_settings();
	EXPECT(&f, "(ROOT (S (NP (NNP Valoria)) (VP (VBD cut) (PRT (RP off)) (NP (NNS ties)) "
		   "(PP (IN with) (NP (NNP Kestria)))) (. .)))",
	       &s, 20200101, "VAL>KES:161");
	unmake(&f);
}

Test(coder, nested_clause_after_coded_verb_is_skipped)
{
	fixture f = make();
	doc_settings s = xml_settings();
	EXPECT(&f, "(ROOT (S (NP (NNP Valoria)) (VP (VBD said) (SBAR (IN that) (S (NP (NNP Kestria)) "
		   "(VP (VBD attacked) (NP (NNP Dunmark)))))) (. .)))",
	       &s, 20200101, "VAL>KES:010");
	unmake(&f);
}

Test(coder, require_dyad_and_one_sided_events)
{
	fixture f = make();
	doc_settings s = xml_settings();
	const char *p = "(ROOT (S (NP (NNP Valoria)) (VP (VBD attacked)) (. .)))";
	EXPECT(&f, p, &s, 20200101, "");
	s.require_dyad = 0;
	/* PETRARCH's records: no phrase after the verb, no event. */
	EXPECT(&f, p, &s, 20200101, "");
	/* Text input keeps the one-sided event. */
	s.targetless = 1;
	EXPECT(&f, p, &s, 20200101, "VAL>---:190");
	unmake(&f);
}

Test(coder, actor_dates_select_the_code)
{
	fixture f = make();
	doc_settings s = xml_settings();
	const char *p = "(ROOT (S (NP (NNP Arin) (NNP Mole)) (VP (VBD condemned) (NP (NNP Valoria))) (. .)))";
	EXPECT(&f, p, &s, 20110601, "KESGOV>VAL:122");
	EXPECT(&f, p, &s, 20150601, "KESELI>VAL:122");
	/* Before any range and with no default: the phrase codes to nothing. */
	EXPECT(&f, p, &s, 20000101, "");
	unmake(&f);
}

Test(coder, terminal_comma_clause_is_deleted)
{
	fixture f = make();
	doc_settings s = xml_settings();
	/* Without deletion the subject "Dunmark" would be the source of "said". */
	EXPECT(&f, "(ROOT (S (S (NP (NNP Valoria)) (VP (VBD condemned) (NP (NNP Kestria)))) (, ,) "
		   "(NP (DT a) (NNP Dunmark) (NN official)) (VP (VBD said) (PP (IN on) (NP (NNP Monday)))) (. .)))",
	       &s, 20200101, "VAL>KES:122");
	unmake(&f);
}

Test(coder, new_actor_text_when_asked)
{
	fixture f = make();
	doc_settings s = xml_settings();
	s.new_actor_length = 4;
	EXPECT(&f, "(ROOT (S (NP (DT The) (NN guild) (IN of) (NNS smiths)) (VP (VBD condemned) (NP (NNP Kestria))) (. .)))",
	       &s, 20200101, "\"THE GUILD OF SMITHS\">KES:122");
	unmake(&f);
}

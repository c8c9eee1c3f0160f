/*
 * test_parser.c - dyad's shallow parser on hand-tagged sentences written
 * here, each with the bracketing worked out by hand; VP flags; invariants
 * (every token once, in order; bounded depth) on hostile input.
 */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "parse/parser.h"
#include "parse/parser_int.h"
#include "parse/ptb.h"
#include "parse/tree.h"
#include "util/arena.h"

/* Tokens from "word/TAG word/TAG ..." (the tag after the last '/'). */
static tok_token *mktoks(arena *a, const char *src, int32_t *n)
{
	size_t len = strlen(src);
	tok_token *t = arena_calloc(a, len / 2 + 1, sizeof *t);
	int32_t k = 0;
	const char *p = src;
	while (*p) {
		while (*p == ' ')
			p++;
		if (!*p)
			break;
		const char *e = p;
		while (*e && *e != ' ')
			e++;
		const char *slash = e;
		while (slash > p && slash[-1] != '/')
			slash--;
		cr_assert(slash > p + 1, "bad token in test: %.*s", (int)(e - p), p);
		size_t wl = (size_t)(slash - 1 - p);
		char *f = arena_strndup(a, p, wl);
		char *u = arena_strndup(a, p, wl);
		for (char *c = u; *c; c++)
			if (*c >= 'a' && *c <= 'z')
				*c = (char)(*c - 32);
		t[k].form = f;
		t[k].upper = u;
		t[k].len = t[k].ulen = (uint16_t)wl;
		t[k].word = -1;
		t[k].tag = (uint8_t)pos_from_name(slash, (size_t)(e - slash));
		cr_assert(t[k].tag != POS_NONE, "bad tag in test: %.*s", (int)(e - p), p);
		k++;
		p = e;
	}
	*n = k;
	return t;
}

/* Leaves of node i in order must be exactly the tokens *next, *next+1 ... */
static void check_leaves(const tree *t, int32_t i, int32_t *next, int depth)
{
	cr_assert_lt(depth, PTB_MAX_DEPTH);
	const tree_node *x = &t->nodes[i];
	if (x->kind == TREE_LEAF) {
		cr_assert_eq(x->tok, *next, "leaf order: token %d where %d expected",
			     x->tok, *next);
		(*next)++;
		return;
	}
	cr_assert(i == 0 || x->first >= 0, "empty phrase %d", i);
	for (int32_t k = x->first; k >= 0; k = t->nodes[k].next) {
		cr_assert_eq(t->nodes[k].parent, i);
		check_leaves(t, k, next, depth + 1);
	}
}

static void check_tree(const tree *t, int32_t n)
{
	cr_assert_gt(t->n, 0);
	cr_assert_eq(t->nodes[0].kind, TREE_ROOT);
	int32_t next = 0;
	check_leaves(t, 0, &next, 0);
	cr_assert_eq(next, n, "%d of %d tokens in the tree", next, n);
}

/* Parses a hand-tagged sentence; returns the bracketing (malloc'd). */
static char *parse(arena *a, const char *src, tree *t)
{
	int32_t n;
	tok_token *toks = mktoks(a, src, &n);
	parse_sentence(a, toks, n, t);
	check_tree(t, n);
	return tree_to_string(t, 0);
}

static void expect_parse(const char *src, const char *want)
{
	arena *a = arena_new();
	tree t;
	char *got = parse(a, src, &t);
	cr_expect_str_eq(got, want, "\n  input: %s\n  got:   %s\n  want:  %s", src,
			 got, want);
	free(got);
	arena_free(a);
}

/* Flags of the VP whose first child is the token with form w. */
static int vp_flags(const tree *t, const char *w)
{
	for (int32_t i = 0; i < t->n; i++) {
		if (t->nodes[i].kind != TREE_VP)
			continue;
		int32_t c = t->nodes[i].first;
		if (c >= 0 && t->nodes[c].kind == TREE_LEAF &&
		    !strcmp(t->toks[t->nodes[c].tok].form, w))
			return t->nodes[i].flags;
	}
	return -1;
}

Test(parser, simple_svo)
{
	expect_parse("Zorb/NNP attacked/VBD Quux/NNP ./.",
		     "(ROOT (S (NP (NNP Zorb)) (VP (VBD attacked) (NP (NNP Quux))) (. .)))");
	expect_parse("The/DT Zorbish/JJ army/NN shelled/VBD two/CD border/NN towns/NNS ./.",
		     "(ROOT (S (NP (DT The) (JJ Zorbish) (NN army)) (VP (VBD shelled) "
		     "(NP (CD two) (NN border) (NNS towns))) (. .)))");
}

Test(parser, passive_with_by)
{
	arena *a = arena_new();
	tree t;
	char *got = parse(a, "Zorb/NNP was/VBD rebuked/VBN by/IN Quux/NNP ./.", &t);
	cr_expect_str_eq(got, "(ROOT (S (NP (NNP Zorb)) (VP (VBD was) (VP (VBN rebuked) "
			      "(PP (IN by) (NP (NNP Quux))))) (. .)))");
	cr_expect(vp_flags(&t, "rebuked") & TREE_F_PASSIVE);
	cr_expect_eq(vp_flags(&t, "was") & TREE_F_PASSIVE, 0);
	free(got);
	/* "has received": not passive. */
	got = parse(a, "Zorb/NNP has/VBZ received/VBN aid/NN ./.", &t);
	cr_expect_str_eq(got, "(ROOT (S (NP (NNP Zorb)) (VP (VBZ has) (VP (VBN received) "
			      "(NP (NN aid)))) (. .)))");
	cr_expect_eq(vp_flags(&t, "received") & TREE_F_PASSIVE, 0);
	free(got);
	arena_free(a);
}

Test(parser, negation)
{
	arena *a = arena_new();
	tree t;
	char *got = parse(a, "Zorb/NNP did/VBD n't/RB attend/VB the/DT talks/NNS ./.", &t);
	cr_expect_str_eq(got, "(ROOT (S (NP (NNP Zorb)) (VP (VBD did) (RB n't) (VP (VB attend) "
			      "(NP (DT the) (NNS talks)))) (. .)))");
	cr_expect(vp_flags(&t, "did") & TREE_F_NEG);
	cr_expect(vp_flags(&t, "attend") & TREE_F_NEG);
	free(got);
	got = parse(a, "Quux/NNP will/MD never/RB recognize/VB Zorb/NNP ./.", &t);
	cr_expect_str_eq(got, "(ROOT (S (NP (NNP Quux)) (VP (MD will) (RB never) (VP (VB recognize) "
			      "(NP (NNP Zorb)))) (. .)))");
	cr_expect(vp_flags(&t, "recognize") & TREE_F_NEG);
	cr_expect(vp_flags(&t, "recognize") & TREE_F_MODAL);
	free(got);
	arena_free(a);
}

Test(parser, modal)
{
	arena *a = arena_new();
	tree t;
	char *got = parse(a, "Quux/NNP will/MD visit/VB Blarg/NNP next/JJ week/NN ./.", &t);
	cr_expect_str_eq(got, "(ROOT (S (NP (NNP Quux)) (VP (MD will) (VP (VB visit) "
			      "(NP (NNP Blarg)) (NP (JJ next) (NN week)))) (. .)))");
	cr_expect(vp_flags(&t, "will") & TREE_F_MODAL);
	cr_expect(vp_flags(&t, "visit") & TREE_F_MODAL);
	cr_expect_eq(vp_flags(&t, "visit") & TREE_F_NEG, 0);
	free(got);
	arena_free(a);
}

Test(parser, said_that)
{
	expect_parse("Zorb/NNP said/VBD that/IN Quux/NNP attacked/VBD Blarg/NNP ./.",
		     "(ROOT (S (NP (NNP Zorb)) (VP (VBD said) (SBAR (IN that) (S (NP (NNP Quux)) "
		     "(VP (VBD attacked) (NP (NNP Blarg)))))) (. .)))");
	/* Without "that": the object is the subject of a clause. */
	expect_parse("Zorb/NNP said/VBD Quux/NNP troops/NNS would/MD withdraw/VB ./.",
		     "(ROOT (S (NP (NNP Zorb)) (VP (VBD said) (SBAR (S (NP (NNP Quux) (NNS troops)) "
		     "(VP (MD would) (VP (VB withdraw)))))) (. .)))");
}

Test(parser, reporting_clause_after_comma)
{
	expect_parse("Zorb/NNP attacked/VBD Quux/NNP ,/, a/DT senior/JJ official/NN said/VBD ./.",
		     "(ROOT (S (S (NP (NNP Zorb)) (VP (VBD attacked) (NP (NNP Quux)))) (, ,) "
		     "(NP (DT a) (JJ senior) (NN official)) (VP (VBD said)) (. .)))");
}

Test(parser, appositive)
{
	expect_parse("Quux/NNP ,/, the/DT rival/NN of/IN Zorb/NNP ,/, criticized/VBD Blarg/NNP ./.",
		     "(ROOT (S (NP (NP (NNP Quux)) (, ,) (NP (NP (DT the) (NN rival)) (PP (IN of) "
		     "(NP (NNP Zorb)))) (, ,)) (VP (VBD criticized) (NP (NNP Blarg))) (. .)))");
	/* At the end of the sentence. */
	expect_parse("Blarg/NNP criticized/VBD Quux/NNP ,/, Zorb/NNP 's/POS old/JJ foe/NN ./.",
		     "(ROOT (S (NP (NNP Blarg)) (VP (VBD criticized) (NP (NP (NNP Quux)) (, ,) "
		     "(NP (NP (NNP Zorb) (POS 's)) (JJ old) (NN foe)))) (. .)))");
}

Test(parser, compound_subject)
{
	expect_parse("Zorb/NNP ,/, Quux/NNP and/CC Blarg/NNP signed/VBD a/DT pact/NN ./.",
		     "(ROOT (S (NP (NNP Zorb) (, ,) (NNP Quux) (CC and) (NNP Blarg)) "
		     "(VP (VBD signed) (NP (DT a) (NN pact))) (. .)))");
	expect_parse("The/DT Zorb/NNP army/NN and/CC Quux/NNP rebels/NNS clashed/VBD ./.",
		     "(ROOT (S (NP (NP (DT The) (NNP Zorb) (NN army)) (CC and) "
		     "(NP (NNP Quux) (NNS rebels))) (VP (VBD clashed)) (. .)))");
	/* Shared adjective over bare nouns: one flat NP. */
	expect_parse("Zorbish/JJ media/NNS and/CC army/NN protested/VBD ./.",
		     "(ROOT (S (NP (JJ Zorbish) (NNS media) (CC and) (NN army)) "
		     "(VP (VBD protested)) (. .)))");
}

Test(parser, of_pp_inside_np)
{
	expect_parse("The/DT envoy/NN of/IN Zorb/NNP met/VBD the/DT leaders/NNS of/IN Quux/NNP ./.",
		     "(ROOT (S (NP (NP (DT The) (NN envoy)) (PP (IN of) (NP (NNP Zorb)))) "
		     "(VP (VBD met) (NP (NP (DT the) (NNS leaders)) (PP (IN of) (NP (NNP Quux))))) "
		     "(. .)))");
	/* Other prepositions after the verb attach to the verb phrase. */
	expect_parse("Zorb/NNP restored/VBD ties/NNS with/IN Quux/NNP on/IN Monday/NNP ./.",
		     "(ROOT (S (NP (NNP Zorb)) (VP (VBD restored) (NP (NNS ties)) "
		     "(PP (IN with) (NP (NNP Quux))) (PP (IN on) (NP (NNP Monday)))) (. .)))");
}

Test(parser, possessive)
{
	expect_parse("Zorb/NNP 's/POS foreign/JJ minister/NN visited/VBD Quux/NNP ./.",
		     "(ROOT (S (NP (NP (NNP Zorb) (POS 's)) (JJ foreign) (NN minister)) "
		     "(VP (VBD visited) (NP (NNP Quux))) (. .)))");
}

Test(parser, comma_parenthetical)
{
	expect_parse("Zorb/NNP 's/POS envoy/NN ,/, in/IN remarks/NNS published/VBN on/IN "
		     "Monday/NNP ,/, urged/VBD Quux/NNP to/TO negotiate/VB ./.",
		     "(ROOT (S (NP (NP (NP (NNP Zorb) (POS 's)) (NN envoy)) (, ,) (PP (IN in) "
		     "(NP (NP (NNS remarks)) (VP (VBN published) (PP (IN on) (NP (NNP Monday)))))) "
		     "(, ,)) (VP (VBD urged) (NP (NNP Quux)) (S (VP (TO to) (VP (VB negotiate))))) "
		     "(. .)))");
	/* A short clause between commas inside the verb phrase. */
	expect_parse("Zorb/NNP will/MD restore/VB ,/, it/PRP seems/VBZ ,/, ties/NNS "
		     "with/IN Quux/NNP ./.",
		     "(ROOT (S (NP (NNP Zorb)) (VP (MD will) (VP (VB restore) (PRN (, ,) "
		     "(S (NP (PRP it)) (VP (VBZ seems))) (, ,)) (NP (NNS ties)) "
		     "(PP (IN with) (NP (NNP Quux))))) (. .)))");
}

Test(parser, coordinated_verbs)
{
	expect_parse("Zorb/NNP condemned/VBD the/DT raid/NN and/CC promised/VBD aid/NN "
		     "to/TO Quux/NNP ./.",
		     "(ROOT (S (NP (NNP Zorb)) (VP (VP (VBD condemned) (NP (DT the) (NN raid))) "
		     "(CC and) (VP (VBD promised) (NP (NN aid)) (PP (TO to) (NP (NNP Quux))))) "
		     "(. .)))");
	/* The conjunct joins the verb of the same form, not the nearest. */
	expect_parse("Zorb/NNP said/VBD Quux/NNP would/MD resist/VB and/CC warned/VBD "
		     "Blarg/NNP ./.",
		     "(ROOT (S (NP (NNP Zorb)) (VP (VP (VBD said) (SBAR (S (NP (NNP Quux)) "
		     "(VP (MD would) (VP (VB resist)))))) (CC and) (VP (VBD warned) "
		     "(NP (NNP Blarg)))) (. .)))");
}

Test(parser, particle_verb)
{
	expect_parse("Zorb/NNP troops/NNS have/VBP cordoned/VBN off/RP the/DT border/NN ./.",
		     "(ROOT (S (NP (NNP Zorb) (NNS troops)) (VP (VBP have) (VP (VBN cordoned) "
		     "(PRT (RP off)) (NP (DT the) (NN border)))) (. .)))");
}

Test(parser, quotes)
{
	expect_parse("``/`` We/PRP will/MD fight/VB ,/, ''/'' Zorb/NNP said/VBD ./.",
		     "(ROOT (S (S (`` ``) (NP (PRP We)) (VP (MD will) (VP (VB fight)))) (, ,) "
		     "('' '') (NP (NNP Zorb)) (VP (VBD said)) (. .)))");
}

Test(parser, relative_and_parenthesis)
{
	expect_parse("Zorb/NNP backed/VBD the/DT group/NN that/WDT attacked/VBD Quux/NNP ./.",
		     "(ROOT (S (NP (NNP Zorb)) (VP (VBD backed) (NP (NP (DT the) (NN group)) "
		     "(SBAR (WHNP (WDT that)) (S (VP (VBD attacked) (NP (NNP Quux))))))) (. .)))");
	expect_parse("The/DT Zorbish/JJ Union/NNP -LRB-/-LRB- ZU/NNP -RRB-/-RRB- met/VBD ./.",
		     "(ROOT (S (NP (NP (DT The) (JJ Zorbish) (NNP Union)) (PRN (-LRB- -LRB-) "
		     "(NP (NNP ZU)) (-RRB- -RRB-))) (VP (VBD met)) (. .)))");
}

Test(parser, subordinate_clause)
{
	expect_parse("Zorb/NNP left/VBD after/IN Quux/NNP troops/NNS burned/VBD down/RP "
		     "the/DT embassy/NN ./.",
		     "(ROOT (S (NP (NNP Zorb)) (VP (VBD left) (SBAR (IN after) (S (NP (NNP Quux) "
		     "(NNS troops)) (VP (VBD burned) (PRT (RP down)) (NP (DT the) (NN embassy)))))) "
		     "(. .)))");
}

Test(parser, degenerate_inputs)
{
	arena *a = arena_new();
	tree t;
	parse_sentence(a, NULL, 0, &t);
	cr_expect_eq(t.n, 1);
	cr_expect_eq(t.nodes[0].kind, TREE_ROOT);
	char *got = parse(a, "./.", &t);
	cr_expect_str_eq(got, "(ROOT (S (. .)))");
	free(got);
	got = parse(a, ",/, ,/, ''/'' -RRB-/-RRB- :/: and/CC ./.", &t);
	free(got);
	got = parse(a, "Zorb/NNP", &t);
	cr_expect_str_eq(got, "(ROOT (S (NP (NNP Zorb))))");
	free(got);
	arena_free(a);
}

/* Deterministic pseudo-random tag soup: every token lands once, in order,
 * with the depth bounded, whatever the input. */
Test(parser, tag_soup_invariants)
{
	static const char *const words[] = {
		"the/DT", "Zorb/NNP", "army/NN", "troops/NNS", "said/VBD", "has/VBZ",
		"been/VBN", "attacked/VBN", "will/MD", "not/RB", "of/IN", "in/IN",
		"that/IN", "which/WDT", ",/,", "and/CC", "to/TO", "go/VB", "leading/VBG",
		"'s/POS", "-LRB-/-LRB-", "-RRB-/-RRB-", "``/``", "''/''", "./.",
		"off/RP", "new/JJ", "five/CD", "after/IN", "he/PRP", "his/PRP$", "--/:",
		"when/WRB", "about/IN", "by/IN"};
	size_t nw = sizeof words / sizeof words[0];
	arena *a = arena_new();
	uint32_t seed = 12345;
	char *buf = malloc(64 * 400);
	for (int round = 0; round < 300; round++) {
		arena_reset(a);
		int len = 1 + round % 120;
		size_t n = 0;
		for (int i = 0; i < len; i++) {
			seed = seed * 1103515245u + 12345u;
			const char *w = words[(seed >> 16) % nw];
			n += (size_t)sprintf(buf + n, "%s ", w);
		}
		buf[n] = 0;
		tree t;
		free(parse(a, buf, &t));
	}
	free(buf);
	arena_free(a);
}

Test(parser, long_chains_stay_bounded)
{
	/* 3000 tokens of "the envoy of" and of nested "that" clauses: the
	 * recursion cap keeps the tree within the reader's depth limit. */
	arena *a = arena_new();
	size_t cap = 3000 * 16;
	char *buf = malloc(cap);
	size_t n = 0;
	for (int i = 0; i < 1000; i++)
		n += (size_t)sprintf(buf + n, "the/DT envoy/NN of/IN ");
	n += (size_t)sprintf(buf + n, "Zorb/NNP ./.");
	tree t;
	free(parse(a, buf, &t));
	n = 0;
	for (int i = 0; i < 700; i++)
		n += (size_t)sprintf(buf + n, "Zorb/NNP said/VBD that/IN ");
	n += (size_t)sprintf(buf + n, "Quux/NNP left/VBD ./.");
	free(parse(a, buf, &t));
	free(buf);
	arena_free(a);
}

Test(parser, tag_repairs)
{
	arena *a = arena_new();
	tree t;
	/* A noun between a base verb and an object is a verb. */
	char *got = parse(a, "Quux/NNP will/MD wire/VB tap/NN the/DT lines/NNS ./.", &t);
	cr_expect_str_eq(got, "(ROOT (S (NP (NNP Quux)) (VP (MD will) (VP (VB wire) "
			      "(VP (VB tap) (NP (DT the) (NNS lines))))) (. .)))");
	cr_expect_eq(t.toks[3].tag, POS_VB);
	free(got);
	/* A clause with no verb at all: the noun before the object. */
	got = parse(a, "Zorb/NNP and/CC Quux/NNP welcome/NN the/DT pact/NN ./.", &t);
	cr_expect_str_eq(got, "(ROOT (S (NP (NNP Zorb) (CC and) (NNP Quux)) (VP (VBP welcome) "
			      "(NP (DT the) (NN pact))) (. .)))");
	free(got);
	/* A past form after the subject's noun, before a date, with the
	 * clause's verb later: a reduced relative. */
	got = parse(a, "A/DT report/NN released/VBD Tuesday/NNP in/IN Blarg/NNP accused/VBD "
		       "Zorb/NNP ./.", &t);
	cr_expect_str_eq(got, "(ROOT (S (NP (NP (DT A) (NN report)) (VP (VBN released) "
			      "(NP (NNP Tuesday)) (PP (IN in) (NP (NNP Blarg))))) (VP (VBD accused) "
			      "(NP (NNP Zorb))) (. .)))");
	free(got);
	/* ... but not when the past form is the clause's verb. */
	got = parse(a, "Zorb/NNP troops/NNS attacked/VBD in/IN Quux/NNP ,/, officials/NNS "
		       "said/VBD ./.", &t);
	cr_expect_str_eq(got, "(ROOT (S (S (NP (NNP Zorb) (NNS troops)) (VP (VBD attacked) "
			      "(PP (IN in) (NP (NNP Quux))))) (, ,) (NP (NNS officials)) "
			      "(VP (VBD said)) (. .)))");
	free(got);
	arena_free(a);
}

Test(parser, quotes_inside_np_and_dates)
{
	expect_parse("Zorb/NNP unfurled/VBD giant/JJ ``/`` Free/NNP Quux/NNP ''/'' banners/NNS ./.",
		     "(ROOT (S (NP (NNP Zorb)) (VP (VBD unfurled) (NP (JJ giant) (`` ``) "
		     "(NNP Free) (NNP Quux) ('' '') (NNS banners))) (. .)))");
	expect_parse("Last/JJ month/NN Zorb/NNP freed/VBD prisoners/NNS ./.",
		     "(ROOT (S (NP (JJ Last) (NN month)) (NP (NNP Zorb)) (VP (VBD freed) "
		     "(NP (NNS prisoners))) (. .)))");
}

Test(parser, word_classes)
{
	/* The first, last and some middle entries of the sorted table. */
	static const struct { const char *w; uint8_t tag; uint32_t cls; } cases[] = {
		{"'M", POS_VBP, PW_BE}, {"YESTERDAY", POS_NN, PW_TIME | PW_DAYWORD},
		{"OF", POS_IN, PW_OF}, {"SAID", POS_VBD, PW_SAY},
		{"YEARS", POS_NNS, PW_TIME | PW_DURATION}, {"MAY", POS_MD, 0},
		{"'S", POS_POS, 0}, {"'S", POS_VBZ, PW_BE}, {"ZORB", POS_NNP, 0},
		{"STARTING", POS_VBG, PW_VBGPREP}, {"STARTING", POS_NN, 0}};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		tok_token k = {0};
		k.upper = cases[i].w;
		k.ulen = (uint16_t)strlen(cases[i].w);
		k.tag = cases[i].tag;
		cr_expect_eq(parse_word_class(&k), cases[i].cls, "%s/%s", cases[i].w,
			     pos_name((pos_tag)cases[i].tag));
	}
}

/*
 * test_ptb.c - the Penn Treebank reader: round trips, the tree shape it
 * builds (ROOT, dropped traces, labels), token fields and alignment to the
 * text, and malformed inputs that must fail cleanly.
 */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "parse/ptb.h"
#include "parse/tree.h"
#include "util/arena.h"

/* Reads src and returns its one-line form (malloc'd), or NULL on error. */
static char *roundtrip(arena *a, const char *src, tree *t)
{
	const char *err = NULL;
	if (ptb_read(a, src, strlen(src), NULL, 0, 0, t, &err) != 0)
		return NULL;
	return tree_to_string(t, 0);
}

Test(ptb, roundtrip_plain)
{
	arena *a = arena_new();
	tree t;
	const char *s = "(ROOT (S (NP (DT The) (NN envoy)) (VP (VBD left) "
			"(PP (IN for) (NP (NNP Zorb)))) (. .)))";
	char *o = roundtrip(a, s, &t);
	cr_assert_not_null(o);
	cr_expect_str_eq(o, s);
	cr_expect_eq(t.ntok, 6);
	cr_expect_eq(t.nodes[0].kind, TREE_ROOT);
	cr_expect_eq(t.nodes[0].parent, -1);
	free(o);
	arena_free(a);
}

Test(ptb, roundtrip_upper_and_layout)
{
	arena *a = arena_new();
	tree t;
	const char *s = "(ROOT\n  (S  \n\t(NP (NNP Zorb) )\n (VP (VBD won) ) ) )\n";
	const char *err = NULL;
	cr_assert_eq(ptb_read(a, s, strlen(s), NULL, 0, 0, &t, &err), 0);
	char *o = tree_to_string(&t, 1);
	cr_expect_str_eq(o, "(ROOT (S (NP (NNP ZORB)) (VP (VBD WON))))");
	free(o);
	arena_free(a);
}

Test(ptb, empty_label_and_bare_top_get_root)
{
	arena *a = arena_new();
	tree t;
	char *o = roundtrip(a, "( (S (NP (PRP It)) (VP (VBD rained))) )", &t);
	cr_assert_not_null(o);
	cr_expect_str_eq(o, "(ROOT (S (NP (PRP It)) (VP (VBD rained))))");
	free(o);
	o = roundtrip(a, "(S (NP (PRP It)) (VP (VBD rained)))", &t);
	cr_assert_not_null(o);
	cr_expect_str_eq(o, "(ROOT (S (NP (PRP It)) (VP (VBD rained))))");
	free(o);
	o = roundtrip(a, "(NN rain)", &t);
	cr_assert_not_null(o);
	cr_expect_str_eq(o, "(ROOT (NN rain))");
	free(o);
	arena_free(a);
}

Test(ptb, traces_dropped_with_their_empty_phrases)
{
	arena *a = arena_new();
	tree t;
	char *o = roundtrip(a, "(ROOT (S (NP-SBJ (-NONE- *T*-1)) (VP (VBD left) "
			       "(NP (-NONE- *)) (ADVP (RB early)))))", &t);
	cr_assert_not_null(o);
	cr_expect_str_eq(o, "(ROOT (S (VP (VBD left) (ADVP (RB early)))))");
	cr_expect_eq(t.ntok, 2);
	/* Every node is reachable and its parent link agrees. */
	for (int32_t i = 1; i < t.n; i++) {
		int32_t p = t.nodes[i].parent;
		cr_assert(p >= 0 && p < t.n);
		int found = 0;
		for (int32_t k = t.nodes[p].first; k >= 0; k = t.nodes[k].next)
			found |= k == i;
		cr_expect(found, "node %d not among its parent's children", i);
	}
	free(o);
	arena_free(a);
}

Test(ptb, labels_and_tags)
{
	arena *a = arena_new();
	tree t;
	char *o = roundtrip(a, "(ROOT (S (NP-SBJ-1 (NNP Zorb)) (VP (AUXZ has) "
			       "(VP (VBN left) (NP-TMP (NN today)))) (NML (NN x))))", &t);
	cr_assert_not_null(o);
	cr_expect_str_eq(o, "(ROOT (S (NP (NNP Zorb)) (VP (VBZ has) (VP (VBN left) "
			    "(NP (NN today)))) (NX (NN x))))");
	free(o);
	o = roundtrip(a, "(ROOT (FOO (ZZ odd)))", &t);
	cr_assert_not_null(o);
	/* Unknown phrase labels read as OTHER, unknown tags as none. */
	cr_expect_str_eq(o, "(ROOT (XX (? odd)))");
	free(o);
	arena_free(a);
}

Test(ptb, token_fields)
{
	arena *a = arena_new();
	tree t;
	const char *s = "(ROOT (S (`` ``) (NP (NNP Zorb) (NNP NATO)) (VP (VBD paid) "
			"(NP (CD 1\\/2) (NN share))) ('' '')))";
	const char *err = NULL;
	cr_assert_eq(ptb_read(a, s, strlen(s), NULL, 0, 7, &t, &err), 0);
	cr_assert_eq(t.ntok, 7);
	const tok_token *k = t.toks;
	cr_expect_str_eq(k[0].form, "``");
	cr_expect_eq(k[0].tag, POS_LQUOTE);
	cr_expect_eq(k[0].flags & TOK_F_SENTSTART, 0);
	cr_expect_str_eq(k[1].form, "Zorb");
	cr_expect_str_eq(k[1].upper, "ZORB");
	cr_expect_eq(k[1].len, 4);
	cr_expect_eq(k[1].ulen, 4);
	cr_expect_eq(k[1].word, -1);
	cr_expect_eq(k[1].flags, TOK_F_CAP | TOK_F_SENTSTART);
	cr_expect_eq(k[2].flags, TOK_F_CAP | TOK_F_ALLCAP);
	cr_expect_eq(k[3].flags, 0);
	cr_expect_str_eq(k[4].form, "1/2"); /* Treebank escape undone */
	cr_expect_eq(k[4].flags, TOK_F_NUM);
	cr_expect_eq(k[4].tag, POS_CD);
	/* Without text every offset is text_base. */
	for (int i = 0; i < 7; i++) {
		cr_expect_eq(k[i].start, 7);
		cr_expect_eq(k[i].end, 7);
	}
	arena_free(a);
}

Test(ptb, alignment_to_text)
{
	arena *a = arena_new();
	tree t;
	const char *text = "Zorb's envoy didn't (really) say \"hi\" today.";
	const char *s = "(ROOT (S (NP (NP (NNP Zorb) (POS 's)) (NN envoy)) (VP (VBD did) "
			"(RB n't) (PRN (-LRB- -LRB-) (RB really) (-RRB- -RRB-)) (VP (VB say) "
			"(`` ``) (NP (UH hi)) ('' '') (NP (NN today)))) (. .)))";
	const char *err = NULL;
	cr_assert_eq(ptb_read(a, s, strlen(s), text, strlen(text), 100, &t, &err), 0);
	/* token: start end (relative to text, then +100) */
	static const int want[][2] = {
		{0, 4}, {4, 6}, {7, 12}, {13, 16}, {16, 19}, {20, 21}, {21, 27},
		{27, 28}, {29, 32}, {33, 34}, {34, 36}, {36, 37}, {38, 43}, {43, 44}};
	cr_assert_eq(t.ntok, 14);
	for (int i = 0; i < 14; i++) {
		cr_expect_eq(t.toks[i].start, (uint32_t)(100 + want[i][0]), "token %d (%s) start %u",
			     i, t.toks[i].form, t.toks[i].start);
		cr_expect_eq(t.toks[i].end, (uint32_t)(100 + want[i][1]), "token %d (%s) end %u", i,
			     t.toks[i].form, t.toks[i].end);
	}
	arena_free(a);
}

Test(ptb, alignment_typographic_and_missing)
{
	arena *a = arena_new();
	tree t;
	/* U+2019 in "Zorb’s", U+201C/U+201D quotes; the parse has a final
	 * period the text lacks, and a word the text does not have. */
	const char *text = "Zorb\xE2\x80\x99s \xE2\x80\x9C" "envoy\xE2\x80\x9D left";
	const char *s = "(ROOT (S (NP (NNP Zorb) (POS 's) (`` ``) (NN envoy) ('' '')) "
			"(VP (VBD left) (NP (NN quietly))) (. .)))";
	const char *err = NULL;
	cr_assert_eq(ptb_read(a, s, strlen(s), text, strlen(text), 0, &t, &err), 0);
	cr_assert_eq(t.ntok, 8);
	cr_expect_eq(t.toks[0].start, 0);
	cr_expect_eq(t.toks[0].end, 4);
	cr_expect_eq(t.toks[1].start, 4); /* ’s is 4 bytes */
	cr_expect_eq(t.toks[1].end, 8);
	cr_expect_eq(t.toks[2].start, 9); /* “ is 3 bytes */
	cr_expect_eq(t.toks[2].end, 12);
	cr_expect_eq(t.toks[3].start, 12);
	cr_expect_eq(t.toks[3].end, 17);
	cr_expect_eq(t.toks[4].start, 17);
	cr_expect_eq(t.toks[4].end, 20);
	cr_expect_eq(t.toks[5].start, 21);
	cr_expect_eq(t.toks[5].end, 25);
	/* "quietly" and "." are not in the text: empty at the previous end. */
	cr_expect_eq(t.toks[6].start, 25);
	cr_expect_eq(t.toks[6].end, 25);
	cr_expect_eq(t.toks[7].start, 25);
	cr_expect_eq(t.toks[7].end, 25);
	arena_free(a);
}

Test(ptb, malformed_inputs_fail_cleanly)
{
	static const char *const bad[] = {
		"",
		"   \n\t ",
		"garbage",
		"(ROOT (S (NP (NN x))",
		"(ROOT (S (NP (NN x)))))",
		"(ROOT (NN a b))",
		"(ROOT (S (NP (NN x)))) (ROOT (S (NP (NN y))))",
		"(ROOT (S (NP (NN x)))) trailing",
		"()",
		"( )",
		"(ROOT (S))",
		"(ROOT (S (NP (NN x)) word))",
		"(ROOT (S (NP ( x))))",
		")(",
		"(ROOT (S (NP (NN x)) (VP (VBD y)",
	};
	arena *a = arena_new();
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		tree t;
		const char *err = NULL;
		int r = ptb_read(a, bad[i], strlen(bad[i]), NULL, 0, 0, &t, &err);
		cr_expect_eq(r, -1, "accepted: \"%s\"", bad[i]);
		cr_expect(err && *err, "no message for \"%s\"", bad[i]);
		cr_expect_eq(t.n, 0);
		cr_expect_eq(t.ntok, 0);
	}
	arena_free(a);
}

Test(ptb, depth_limit)
{
	arena *a = arena_new();
	tree t;
	const char *err = NULL;
	/* PTB_MAX_DEPTH - 1 nested phrases under ROOT read fine ... */
	size_t deep = PTB_MAX_DEPTH - 1;
	char *s = malloc(3 * deep + 32);
	size_t n = 0;
	n += (size_t)sprintf(s + n, "(ROOT ");
	for (size_t i = 0; i < deep - 1; i++)
		s[n++] = '(', s[n++] = 'S';
	n += (size_t)sprintf(s + n, " (NN x)");
	for (size_t i = 0; i < deep; i++)
		s[n++] = ')';
	s[n] = 0;
	cr_expect_eq(ptb_read(a, s, n, NULL, 0, 0, &t, &err), 0, "%s", err);
	free(s);
	/* ... one more level is refused, and so is a huge nesting. */
	size_t huge = 100000;
	s = malloc(2 * huge + 16);
	n = 0;
	for (size_t i = 0; i < huge; i++)
		s[n++] = '(', s[n++] = 'S';
	s[n] = 0;
	cr_expect_eq(ptb_read(a, s, n, NULL, 0, 0, &t, &err), -1);
	cr_expect(strstr(err, "deep") != NULL, "message: %s", err);
	n = 0;
	n += (size_t)sprintf(s + n, "(ROOT ");
	for (size_t i = 0; i < PTB_MAX_DEPTH; i++)
		s[n++] = '(', s[n++] = 'S';
	n += (size_t)sprintf(s + n, " (NN x)");
	for (size_t i = 0; i < PTB_MAX_DEPTH + 1; i++)
		s[n++] = ')';
	s[n] = 0;
	cr_expect_eq(ptb_read(a, s, n, NULL, 0, 0, &t, &err), -1);
	free(s);
	arena_free(a);
}

Test(ptb, records_parse_if_present)
{
	FILE *f = fopen("../shared/validation/PETR.UnitTest.visible.xml", "rb");
	if (!f)
		cr_skip("../shared/validation not present");
	fseek(f, 0, SEEK_END);
	long len = ftell(f);
	fseek(f, 0, SEEK_SET);
	char *src = malloc((size_t)len + 1);
	cr_assert_eq(fread(src, 1, (size_t)len, f), (size_t)len);
	src[len] = 0;
	fclose(f);
	arena *a = arena_new();
	int ok = 0, bad = 0;
	for (char *p = src; (p = strstr(p, "<Parse>")) != NULL;) {
		char *e = strstr(p, "</Parse>");
		if (!e)
			break;
		tree t;
		const char *err = NULL;
		arena_reset(a);
		if (ptb_read(a, p + 7, (size_t)(e - p - 7), NULL, 0, 0, &t, &err) == 0)
			ok++;
		else
			bad++;
		p = e;
	}
	/* Every record's parse reads, except the two ERROR records whose
	 * parses are deliberately broken. */
	cr_expect_eq(bad, 2);
	cr_expect_gt(ok, 150);
	arena_free(a);
	free(src);
}

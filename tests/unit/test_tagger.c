/*
 * test_tagger.c - lexicon contents and the context rules on sentences
 * written for these tests (tags checked by hand against the Penn Treebank
 * guidelines); plus accuracy on the gold parses in ../shared when present.
 */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "clean/clean.h"
#include "tag/tagger.h"
#include "tok/tokenize.h"
#include "util/arena.h"

static tagger *tg;

static void setup(void)
{
	tg = tagger_new();
}

static void teardown(void)
{
	tagger_free(tg);
}

/* Tokenises and tags s; compares "form/TAG ..." with want. */
static void expect_tags(const char *s, const char *want)
{
	clean_text c;
	cr_assert_eq(clean_run(s, strlen(s), &c), 0);
	arena *a = arena_new();
	tok_token *t;
	int32_t n = tok_sentence(a, &c, 0, c.len, &t);
	tagger_tag(tg, t, n);
	char got[4096] = "";
	for (int32_t i = 0; i < n; i++) {
		if (i)
			strcat(got, " ");
		strcat(got, t[i].form);
		strcat(got, "/");
		strcat(got, pos_name((pos_tag)t[i].tag));
	}
	cr_expect_str_eq(got, want);
	arena_free(a);
	clean_free(&c);
}

static int has(const char *w, pos_tag p)
{
	return (tagger_lexicon_tags(tg, w) >> p) & 1;
}

TestSuite(tagger, .init = setup, .fini = teardown);

Test(tagger, lexicon_inflections)
{
	cr_expect_gt(tagger_lexicon_size(tg), 100000);
	cr_expect(has("attack", POS_NN) && has("attack", POS_VB));
	cr_expect(has("attacks", POS_NNS) && has("attacks", POS_VBZ));
	cr_expect(has("attacked", POS_VBD) && has("attacked", POS_VBN));
	cr_expect(has("stopped", POS_VBD));   /* doubled consonant */
	cr_expect(has("planning", POS_VBG));
	cr_expect(has("carries", POS_VBZ));   /* y -> ies */
	cr_expect(has("tried", POS_VBD));     /* y -> ied */
	cr_expect(has("went", POS_VBD) && !has("went", POS_VBN));
	cr_expect(has("gone", POS_VBN) && !has("gone", POS_VBD));
	cr_expect(has("took", POS_VBD) && has("taken", POS_VBN));
	cr_expect(has("men", POS_NNS));
	cr_expect(has("crises", POS_NNS));
	cr_expect(has("bigger", POS_JJR));
	cr_expect(has("the", POS_DT) && !has("the", POS_NN));
	cr_expect(has("will", POS_MD));
	cr_expect_eq(tagger_lexicon_tags(tg, "zzqxv"), 0);
}

Test(tagger, names_and_unknown_words)
{
	expect_tags("Arnor restored ties with Gondor on Monday.",
		    "Arnor/NNP restored/VBD ties/NNS with/IN Gondor/NNP on/IN Monday/NNP ./.");
	expect_tags("The Foreign Ministry and the Red Cross met.",
		    "The/DT Foreign/NNP Ministry/NNP and/CC the/DT Red/NNP Cross/NNP met/VBD ./.");
	expect_tags("He paid 1,200 dollars for 3 glorbs.",
		    "He/PRP paid/VBD 1,200/CD dollars/NNS for/IN 3/CD glorbs/NNS ./.");
}

Test(tagger, noun_or_verb)
{
	expect_tags("Arnor attacks Gondor.", "Arnor/NNP attacks/VBZ Gondor/NNP ./.");
	expect_tags("The attacks continued.", "The/DT attacks/NNS continued/VBD ./.");
	expect_tags("They plan to visit Tokyo.",
		    "They/PRP plan/VBP to/TO visit/VB Tokyo/NNP ./.");
	expect_tags("His visit will end talks.",
		    "His/PRP$ visit/NN will/MD end/VB talks/NNS ./.");
	expect_tags("The meeting was held.", "The/DT meeting/NN was/VBD held/VBN ./.");
}

Test(tagger, past_or_participle)
{
	expect_tags("Gondor has issued a warning.",
		    "Gondor/NNP has/VBZ issued/VBN a/DT warning/NN ./.");
	expect_tags("The embassy was attacked by crowds.",
		    "The/DT embassy/NN was/VBD attacked/VBN by/IN crowds/NNS ./.");
	expect_tags("Crowds attacked the embassy.",
		    "Crowds/NNS attacked/VBD the/DT embassy/NN ./.");
	expect_tags("He did not attack.", "He/PRP did/VBD not/RB attack/VB ./.");
	/* a participle-adjective before its noun, the verb after it */
	expect_tags("The seven industrialized nations suspended Russia.",
		    "The/DT seven/CD industrialized/JJ nations/NNS suspended/VBD Russia/NNP ./.");
	expect_tags("The wounded soldiers returned home.",
		    "The/DT wounded/JJ soldiers/NNS returned/VBD home/NN ./.");
	/* a plural noun before a past form with a particle */
	expect_tags("Turkish jets shot down a warplane.",
		    "Turkish/JJ jets/NNS shot/VBD down/RP a/DT warplane/NN ./.");
	/* a capitalised modal after a name is the surname */
	expect_tags("Prime Minister Theresa May said it.",
		    "Prime/NNP Minister/NNP Theresa/NNP May/NNP said/VBD it/PRP ./.");
	expect_tags("The talks may resume.", "The/DT talks/NNS may/MD resume/VB ./.");
	expect_tags("A fighter jet shot down the balloon.",
		    "A/DT fighter/NN jet/NN shot/VBD down/RP the/DT balloon/NN ./.");
}

Test(tagger, closed_class_words)
{
	expect_tags("She said that the talks failed.",
		    "She/PRP said/VBD that/IN the/DT talks/NNS failed/VBD ./.");
	expect_tags("Japan's talks didn't start.",
		    "Japan/NNP 's/POS talks/NNS did/VBD n't/RB start/VB ./.");
}

Test(tagger, empty_sentence_and_no_crash_on_odd_tokens)
{
	tagger_tag(tg, NULL, 0);
	expect_tags("%%% ### @@@ ... ???", "%/NN %/NN %/NN #/# #/# #/# @/SYM @/SYM @/SYM .../: ?/. ?/. ?/.");
}

/* Accuracy on the gold Treebank leaves of a validation file. */
static double accuracy(const char *path, long *ntok)
{
	FILE *f = fopen(path, "rb");
	if (!f)
		return -1;
	fseek(f, 0, SEEK_END);
	long n = ftell(f);
	rewind(f);
	char *buf = malloc((size_t)n + 1);
	size_t got = fread(buf, 1, (size_t)n, f);
	buf[got] = 0;
	fclose(f);
	static tok_token toks[512];
	static char words[512][64];
	static pos_tag gold[512];
	long tot = 0, ok = 0;
	for (char *p = strstr(buf, "<Parse>"); p; p = strstr(p, "<Parse>")) {
		char *e = strstr(p, "</Parse>");
		if (!e)
			break;
		int k = 0;
		for (char *q = p; q < e && k < 512; q++) {
			if (*q != '(')
				continue;
			char *sp = q + 1;
			while (sp < e && *sp != ' ' && *sp != '(' && *sp != ')')
				sp++;
			char *w = sp + 1, *we = w;
			while (we < e && *we != ' ' && *we != '(' && *we != ')')
				we++;
			if (*sp != ' ' || *we != ')' || we == w || we - w >= 63)
				continue;
			size_t tl = (size_t)(sp - q - 1);
			pos_tag g = pos_from_name(q + 1, tl);
			if (tl == 4 && strncmp(q + 1, "AUX", 3) == 0)
				g = q[4] == 'D' ? POS_VBD : q[4] == 'Z' ? POS_VBZ : q[4] == 'P' ? POS_VBP
				  : q[4] == 'N' ? POS_VBN : POS_VB;
			if (g == POS_NONE)
				continue;
			memcpy(words[k], w, (size_t)(we - w));
			words[k][we - w] = 0;
			gold[k] = g;
			memset(&toks[k], 0, sizeof toks[k]);
			toks[k].form = toks[k].upper = words[k];
			toks[k].len = (uint16_t)(we - w);
			unsigned char c0 = (unsigned char)w[0];
			if (c0 >= 'A' && c0 <= 'Z' && strcmp(words[k], "-LRB-") && strcmp(words[k], "-RRB-"))
				toks[k].flags |= TOK_F_CAP;
			if (c0 >= '0' && c0 <= '9')
				toks[k].flags |= TOK_F_NUM;
			k++;
		}
		p = e;
		if (!k)
			continue;
		toks[strcmp(words[0], "``") == 0 && k > 1 ? 1 : 0].flags |= TOK_F_SENTSTART;
		tagger_tag(tg, toks, k);
		for (int i = 0; i < k; i++) {
			tot++;
			ok += toks[i].tag == gold[i];
		}
	}
	free(buf);
	*ntok = tot;
	return tot ? (double)ok / (double)tot : 0;
}

Test(tagger, accuracy_on_gold_parses)
{
	long n1 = 0, n2 = 0;
	double a1 = accuracy("../shared/validation/PETR.UnitTest.visible.xml", &n1);
	double a2 = accuracy("../shared/third_party/phoenix/GigaWord.sample.PETR.xml", &n2);
	if (a1 < 0 || a2 < 0)
		cr_skip("../shared validation files not present");
	cr_expect_gt(n1, 1000);
	/* Measured 96.3 % over both (tools/tagacc); fail on a clear regression. */
	cr_expect_geq(a1, 0.94, "validation records: %.4f", a1);
	cr_expect_geq(a2, 0.93, "GigaWord sample: %.4f", a2);
}

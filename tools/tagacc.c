/*
 * tagacc.c - development tool: the tagger's accuracy against gold Penn
 * Treebank parses. Reads <Parse> elements of PETRARCH XML files, takes
 * their (TAG word) leaves as tokens, tags them and compares; prints overall
 * and per-family accuracy and, with -v, each error with its sentence.
 *
 *   tagacc [-v] [-b] FILE.xml...     (-b: also time tagging per sentence)
 *   tagacc -t FILE.xml...            (time clean + split + tokenize + tag on
 *                                     the <Text> elements, and tagger_new)
 * Build: cc -O2 -Isrc tools/tagacc.c build/x/libdyad.a $(pkg-config --libs libutf8proc)
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "clean/clean.h"
#include "split/split.h"
#include "tag/tagger.h"
#include "tok/token.h"
#include "tok/tokenize.h"
#include "util/arena.h"

#define MAXT 1024

static pos_tag gold_tag(const char *s, size_t n)
{
	static const struct { const char *aux; pos_tag t; } aux[] = {
		{"AUXD", POS_VBD}, {"AUXZ", POS_VBZ}, {"AUXP", POS_VBP}, {"AUXB", POS_VB},
		{"AUXN", POS_VBN}, {"AUXG", POS_VBG}, {NULL, POS_NONE}};
	for (int k = 0; aux[k].aux; k++) {
		if (strlen(aux[k].aux) == n && memcmp(aux[k].aux, s, n) == 0)
			return aux[k].t;
	}
	return pos_from_name(s, n);
}

static void set_flags(tok_token *t, int first)
{
	unsigned char c = (unsigned char)t->form[0];
	t->flags = 0;
	if (c >= '0' && c <= '9')
		t->flags |= TOK_F_NUM;
	if (c >= 'A' && c <= 'Z' && strcmp(t->form, "-LRB-") && strcmp(t->form, "-RRB-"))
		t->flags |= TOK_F_CAP;
	int up = 0, low = 0;
	for (const char *p = t->form; *p; p++) {
		up += *p >= 'A' && *p <= 'Z';
		low += *p >= 'a' && *p <= 'z';
	}
	if (up >= 2 && !low && (t->flags & TOK_F_CAP))
		t->flags |= TOK_F_ALLCAP;
	if (first)
		t->flags |= TOK_F_SENTSTART;
}

static char *slurp(const char *path)
{
	FILE *f = fopen(path, "rb");
	if (!f)
		return NULL;
	fseek(f, 0, SEEK_END);
	long n = ftell(f);
	rewind(f);
	char *b = malloc((size_t)n + 1);
	if (fread(b, 1, (size_t)n, f) != (size_t)n)
		n = 0;
	b[n] = 0;
	fclose(f);
	return b;
}

static double now(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

/* -t: the front end on raw text, as the pipeline runs it. */
static int time_text(int argc, char **argv)
{
	double t0 = now();
	tagger *tg = tagger_new();
	double tnew = now() - t0;
	arena *a = arena_new();
	long nsent = 0, ntok = 0;
	double secs = 0;
	for (int f = 2; f < argc; f++) {
		char *buf = slurp(argv[f]);
		if (!buf) {
			perror(argv[f]);
			return 1;
		}
		for (char *p = strstr(buf, "<Text>"); p; p = strstr(p, "<Text>")) {
			p += 6;
			char *e = strstr(p, "</Text>");
			if (!e)
				break;
			for (int rep = 0; rep < 200; rep++) {
				double s0 = now();
				clean_text c;
				clean_run(p, (size_t)(e - p), &c);
				split_iter it;
				split_init(&it, c.text, c.len);
				size_t s, en;
				while (split_next(&it, &s, &en)) {
					tok_token *toks;
					int32_t n = tok_sentence(a, &c, s, en, &toks);
					tagger_tag(tg, toks, n);
					if (rep == 0) {
						nsent++;
						ntok += n;
					}
					arena_reset(a);
				}
				clean_free(&c);
				secs += now() - s0;
			}
			p = e;
		}
		free(buf);
	}
	printf("tagger_new: %.3f ms\n", tnew * 1e3);
	printf("clean+split+tokenize+tag: %.3f us per sentence (%ld sentences, %.1f tokens avg)\n",
	       secs / 200 / (double)nsent * 1e6, nsent, (double)ntok / (double)nsent);
	arena_free(a);
	tagger_free(tg);
	return 0;
}

int main(int argc, char **argv)
{
	if (argc > 1 && !strcmp(argv[1], "-t"))
		return time_text(argc, argv);
	int verbose = 0, bench = 0;
	tagger *tg = tagger_new();
	static tok_token toks[MAXT];
	static char words[MAXT][64];
	static pos_tag gold[MAXT];
	long tot = 0, ok = 0, vtot = 0, vok = 0, ntot = 0, nok = 0, nsent = 0;
	long conf[POS_COUNT_][POS_COUNT_] = {{0}};
	double secs = 0;
	for (int a = 1; a < argc; a++) {
		if (!strcmp(argv[a], "-v")) { verbose = 1; continue; }
		if (!strcmp(argv[a], "-b")) { bench = 1; continue; }
		char *buf = slurp(argv[a]);
		if (!buf) { perror(argv[a]); return 1; }
		for (char *p = strstr(buf, "<Parse>"); p; p = strstr(p, "<Parse>")) {
			char *e = strstr(p, "</Parse>");
			if (!e) break;
			int n = 0;
			for (char *q = p; q < e && n < MAXT; q++) {
				if (*q != '(') continue;
				char *sp = q + 1;
				while (sp < e && *sp != ' ' && *sp != '(' && *sp != ')') sp++;
				if (sp >= e || *sp != ' ') continue;
				char *w = sp + 1, *we = w;
				while (we < e && *we != ' ' && *we != '(' && *we != ')') we++;
				if (we >= e || *we != ')' || we == w || we - w >= 63) continue;
				pos_tag g = gold_tag(q + 1, (size_t)(sp - q - 1));
				if (g == POS_NONE) continue;
				memcpy(words[n], w, (size_t)(we - w));
				words[n][we - w] = 0;
				gold[n] = g;
				n++;
			}
			p = e;
			if (!n) continue;
			int first = 1;
			for (int i = 0; i < n; i++) {
				toks[i].form = toks[i].upper = words[i];
				toks[i].len = toks[i].ulen = (uint16_t)strlen(words[i]);
				int q = !strcmp(words[i], "``") || !strcmp(words[i], "-LRB-");
				set_flags(&toks[i], first && !q);
				if (!q) first = 0;
			}
			struct timespec t0, t1;
			clock_gettime(CLOCK_MONOTONIC, &t0);
			int reps = bench ? 1000 : 1;
			for (int r = 0; r < reps; r++)
				tagger_tag(tg, toks, n);
			clock_gettime(CLOCK_MONOTONIC, &t1);
			secs += (double)(t1.tv_sec - t0.tv_sec) + (double)(t1.tv_nsec - t0.tv_nsec) * 1e-9;
			nsent++;
			int err = 0;
			for (int i = 0; i < n; i++) {
				int good = toks[i].tag == gold[i];
				tot++; ok += good;
				if (pos_is_verb(gold[i])) { vtot++; vok += good; }
				if (pos_is_noun(gold[i])) { ntot++; nok += good; }
				conf[gold[i]][toks[i].tag]++;
				if (!good) err = 1;
			}
			if (verbose && err) {
				for (int i = 0; i < n; i++) {
					if (toks[i].tag == gold[i]) printf("%s ", words[i]);
					else printf("[%s %s/%s] ", words[i], pos_name((pos_tag)toks[i].tag), pos_name(gold[i]));
				}
				printf("\n");
			}
		}
		free(buf);
	}
	printf("tokens %ld  accuracy %.2f%%  verbs (VB*) %ld %.2f%%  nouns %ld %.2f%%\n", tot,
	       100.0 * ok / tot, vtot, 100.0 * vok / vtot, ntot, 100.0 * nok / ntot);
	if (bench)
		printf("tagging: %.3f us per sentence (%ld sentences, %.1f tokens avg)\n",
		       secs / (double)nsent / 1000 * 1e6, nsent, (double)tot / nsent);
	if (verbose) {
		printf("confusions (gold -> ours) >= 3:\n");
		for (int g = 0; g < POS_COUNT_; g++)
			for (int o = 0; o < POS_COUNT_; o++)
				if (g != o && conf[g][o] >= 3)
					printf("  %s -> %s: %ld\n", pos_name((pos_tag)g), pos_name((pos_tag)o), conf[g][o]);
	}
	tagger_free(tg);
	return 0;
}

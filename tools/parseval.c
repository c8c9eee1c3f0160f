/*
 * parseval.c - development tool: dyad's parser against gold Treebank parses.
 *
 * For each record with a <Parse> in the PETRARCH XML files given (default:
 * the validation records and the GigaWord sample in ../shared), reads the
 * gold tree, re-parses its tokens with parse_sentence (gold tags, or the
 * tagger's with --tagger) and reports labelled bracket precision/recall and
 * what the coder reads: verbs heading VPs, their VP extents, maximal NPs.
 * Not built by default:
 *   cc -O2 -Isrc -o build/parseval tools/parseval.c src/parse/{parser,ptb,tree}.c \
 *      src/tag/postag.c src/util/{arena,buf,xmalloc}.c
 * (add the tagger's sources and -DPARSEVAL_TAGGER for --tagger).
 * Usage: parseval [--tagger] [--show ID] [--diff] [--bench N] [FILE...]
 */
#include "parse/parser.h"
#include "parse/ptb.h"
#include "parse/tree.h"
#include "tag/tagger.h"
#include "util/arena.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define MAXSPAN 4096

typedef struct span {
	int kind, a, b;
} span;

typedef struct counts {
	long gold[TREE_KIND_COUNT_], mine[TREE_KIND_COUNT_], hit[TREE_KIND_COUNT_];
	long vg, vm, vhit, vext;    /* verbs: gold, mine, both, same VP end */
	long ng, nm, nhit;          /* maximal NPs */
	long sents, exact_verbs;
} counts;

static char *read_file(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	if (!f)
		return NULL;
	fseek(f, 0, SEEK_END);
	long n = ftell(f);
	fseek(f, 0, SEEK_SET);
	char *s = malloc((size_t)n + 1);
	if (!s || fread(s, 1, (size_t)n, f) != (size_t)n) {
		fclose(f);
		free(s);
		return NULL;
	}
	fclose(f);
	s[n] = 0;
	*len = (size_t)n;
	return s;
}

/* Copies s[0..n) with the five XML entities decoded; caller frees. */
static char *unxml(const char *s, size_t n, size_t *outn)
{
	char *o = malloc(n + 1);
	size_t j = 0;
	for (size_t i = 0; i < n; i++) {
		if (s[i] == '&') {
			static const struct { const char *e; char c; } ents[] = {
				{"&amp;", '&'}, {"&lt;", '<'}, {"&gt;", '>'},
				{"&quot;", '"'}, {"&apos;", '\''}};
			int done = 0;
			for (size_t k = 0; k < 5; k++) {
				size_t m = strlen(ents[k].e);
				if (i + m <= n && !memcmp(s + i, ents[k].e, m)) {
					o[j++] = ents[k].c;
					i += m - 1;
					done = 1;
					break;
				}
			}
			if (done)
				continue;
		}
		o[j++] = s[i];
	}
	o[j] = 0;
	*outn = j;
	return o;
}

static int is_punct_tok(const tree *t, int i)
{
	return pos_is_punct((pos_tag)t->toks[i].tag);
}

static int norm_kind(int k)
{
	if (k == TREE_SINV || k == TREE_SQ)
		return TREE_S;
	if (k == TREE_SBARQ)
		return TREE_SBAR;
	return k;
}

/* Spans of NP VP PP S SBAR, trimmed of punctuation at both ends. */
static int spans(const tree *t, span *out)
{
	int n = 0;
	for (int32_t i = 1; i < t->n && n < MAXSPAN; i++) {
		int k = norm_kind(t->nodes[i].kind);
		if (k != TREE_NP && k != TREE_VP && k != TREE_PP && k != TREE_S &&
		    k != TREE_SBAR)
			continue;
		int32_t a, b;
		tree_span(t, i, &a, &b);
		while (a < b && is_punct_tok(t, a))
			a++;
		while (b > a && is_punct_tok(t, b - 1))
			b--;
		if (a == b)
			continue;
		out[n++] = (span){k, a, b};
	}
	return n;
}

static int span_cmp(const void *x, const void *y)
{
	const span *p = x, *q = y;
	if (p->kind != q->kind)
		return p->kind - q->kind;
	if (p->a != q->a)
		return p->a - q->a;
	return p->b - q->b;
}

/* Verb token heading each VP (first child a VBx leaf) -> VP end. */
static void verbs(const tree *t, int *vend)
{
	for (int i = 0; i < t->ntok; i++)
		vend[i] = -1;
	for (int32_t i = 0; i < t->n; i++) {
		if (t->nodes[i].kind != TREE_VP)
			continue;
		int32_t c = t->nodes[i].first;
		if (c < 0 || t->nodes[c].kind != TREE_LEAF)
			continue;
		int tok = t->nodes[c].tok;
		if (!pos_is_verb((pos_tag)t->toks[tok].tag))
			continue;
		int32_t a, b;
		tree_span(t, i, &a, &b);
		while (b > a && is_punct_tok(t, b - 1))
			b--;
		vend[tok] = b;
	}
}

/* Maximal NPs (no NP above them). */
static int max_nps(const tree *t, span *out)
{
	int n = 0;
	for (int32_t i = 1; i < t->n && n < MAXSPAN; i++) {
		if (t->nodes[i].kind != TREE_NP)
			continue;
		int top = 1;
		for (int32_t p = t->nodes[i].parent; p >= 0; p = t->nodes[p].parent)
			if (t->nodes[p].kind == TREE_NP)
				top = 0;
		if (!top)
			continue;
		int32_t a, b;
		tree_span(t, i, &a, &b);
		while (a < b && is_punct_tok(t, a))
			a++;
		while (b > a && is_punct_tok(t, b - 1))
			b--;
		out[n++] = (span){TREE_NP, a, b};
	}
	return n;
}

static long match(span *g, int ng, span *m, int nm)
{
	qsort(g, (size_t)ng, sizeof *g, span_cmp);
	qsort(m, (size_t)nm, sizeof *m, span_cmp);
	long hit = 0;
	int i = 0, j = 0;
	while (i < ng && j < nm) {
		int c = span_cmp(&g[i], &m[j]);
		if (c == 0) {
			hit++;
			i++;
			j++;
		} else if (c < 0) {
			i++;
		} else {
			j++;
		}
	}
	return hit;
}

typedef struct opts {
	int use_tagger, diff, bench;
	const char *show;
	const tagger *tg;
} opts;

static void evaluate(const char *id, const tree *gold, const tree *mine,
		     counts *c, const opts *o)
{
	static span g[MAXSPAN], m[MAXSPAN];
	int ng = spans(gold, g), nm = spans(mine, m);
	for (int i = 0; i < ng; i++)
		c->gold[g[i].kind]++;
	for (int i = 0; i < nm; i++)
		c->mine[m[i].kind]++;
	qsort(g, (size_t)ng, sizeof *g, span_cmp);
	qsort(m, (size_t)nm, sizeof *m, span_cmp);
	int i = 0, j = 0;
	while (i < ng && j < nm) {
		int d = span_cmp(&g[i], &m[j]);
		if (d == 0) {
			c->hit[g[i].kind]++;
			i++;
			j++;
		} else if (d < 0) {
			i++;
		} else {
			j++;
		}
	}
	int *vg = malloc(sizeof(int) * (size_t)(gold->ntok + 1));
	int *vm = malloc(sizeof(int) * (size_t)(gold->ntok + 1));
	verbs(gold, vg);
	verbs(mine, vm);
	int same = 1;
	for (int k = 0; k < gold->ntok; k++) {
		if (vg[k] >= 0)
			c->vg++;
		if (vm[k] >= 0)
			c->vm++;
		if (vg[k] >= 0 && vm[k] >= 0) {
			c->vhit++;
			if (vg[k] == vm[k])
				c->vext++;
			else
				same = 0;
		} else if (vg[k] >= 0 || vm[k] >= 0) {
			same = 0;
		}
	}
	c->exact_verbs += same;
	ng = max_nps(gold, g);
	nm = max_nps(mine, m);
	c->ng += ng;
	c->nm += nm;
	long nh = match(g, ng, m, nm);
	c->nhit += nh;
	c->sents++;
	int show = (o->show && !strcmp(o->show, id)) ||
		   (o->diff && (!same || nh != ng || nh != nm));
	if (show) {
		char *a = tree_to_string(gold, 0), *b = tree_to_string(mine, 0);
		printf("== %s\ngold: %s\nmine: %s\n", id, a, b);
		for (int k = 0; k < gold->ntok; k++)
			if (vg[k] != vm[k])
				printf("  verb %s: gold end %d, mine end %d\n",
				       gold->toks[k].form, vg[k], vm[k]);
		free(a);
		free(b);
	}
	free(vg);
	free(vm);
}

static const char *find(const char *s, const char *end, const char *pat)
{
	size_t m = strlen(pat);
	for (const char *p = s; p + m <= end; p++)
		if (*p == *pat && !memcmp(p, pat, m))
			return p;
	return NULL;
}

/* The value of attribute name in the tag text [s, e), into out. */
static void attr(const char *s, const char *e, const char *name, char *out,
		 size_t cap)
{
	out[0] = 0;
	const char *p = find(s, e, name);
	while (p && p > s && p[-1] != ' ' && p[-1] != '\t' && p[-1] != '\n')
		p = find(p + 1, e, name);
	if (!p)
		return;
	p += strlen(name);
	while (p < e && (*p == ' ' || *p == '='))
		p++;
	if (p >= e || (*p != '"' && *p != '\''))
		return;
	char q = *p++;
	size_t n = 0;
	while (p < e && *p != q && n + 1 < cap)
		out[n++] = *p++;
	out[n] = 0;
}

static double now(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + ts.tv_nsec * 1e-9;
}

static void run_file(const char *path, counts *c, const opts *o, double *ptime,
		     long *pn)
{
	size_t len;
	char *src = read_file(path, &len);
	if (!src) {
		fprintf(stderr, "parseval: cannot read %s\n", path);
		return;
	}
	arena *a = arena_new();
	const char *end = src + len, *p = src;
	while ((p = find(p, end, "<Sentence")) != NULL) {
		const char *tagend = find(p, end, ">");
		const char *close = find(p, end, "</Sentence>");
		if (!tagend || !close)
			break;
		char id[256];
		attr(p, tagend, "id", id, sizeof id);
		const char *ps = find(tagend, close, "<Parse>");
		const char *pe = ps ? find(ps, close, "</Parse>") : NULL;
		const char *ts = find(tagend, close, "<Text>");
		const char *te = ts ? find(ts, close, "</Text>") : NULL;
		p = close + 1;
		if (!ps || !pe)
			continue;
		size_t pn_, tn = 0;
		char *parse = unxml(ps + 7, (size_t)(pe - ps - 7), &pn_);
		char *text = ts && te ? unxml(ts + 6, (size_t)(te - ts - 6), &tn) : NULL;
		arena_reset(a);
		tree gold;
		const char *err;
		if (ptb_read(a, parse, pn_, text, tn, 0, &gold, &err) != 0) {
			fprintf(stderr, "%s: %s: %s\n", path, id, err);
			free(parse);
			free(text);
			continue;
		}
		tok_token *toks = arena_alloc(a, sizeof *toks * (size_t)gold.ntok);
		memcpy(toks, gold.toks, sizeof *toks * (size_t)gold.ntok);
#ifdef PARSEVAL_TAGGER
		if (o->use_tagger) {
			for (int k = 0; k < gold.ntok; k++)
				toks[k].tag = 0;
			tagger_tag(o->tg, toks, gold.ntok);
		}
#endif
		tree mine;
		double t0 = now();
		int reps = o->bench > 0 ? o->bench : 1;
		size_t mark_used = arena_used(a);
		(void)mark_used;
		for (int r = 0; r < reps; r++)
			parse_sentence(a, toks, gold.ntok, &mine);
		*ptime += now() - t0;
		*pn += reps;
		evaluate(id, &gold, &mine, c, o);
		free(parse);
		free(text);
	}
	arena_free(a);
	free(src);
}

static double pct(long a, long b)
{
	return b ? 100.0 * (double)a / (double)b : 0.0;
}

int main(int argc, char **argv)
{
	opts o = {0};
	const char *files[64];
	int nf = 0;
	for (int i = 1; i < argc; i++) {
		if (!strcmp(argv[i], "--tagger"))
			o.use_tagger = 1;
		else if (!strcmp(argv[i], "--diff"))
			o.diff = 1;
		else if (!strcmp(argv[i], "--show") && i + 1 < argc)
			o.show = argv[++i];
		else if (!strcmp(argv[i], "--bench") && i + 1 < argc)
			o.bench = atoi(argv[++i]);
		else if (nf < 64)
			files[nf++] = argv[i];
	}
	if (nf == 0) {
		files[nf++] = "../shared/validation/PETR.UnitTest.visible.xml";
		files[nf++] = "../shared/third_party/phoenix/GigaWord.sample.PETR.xml";
	}
	tagger *tg = NULL;
	(void)tg;
	if (o.use_tagger) {
#ifdef PARSEVAL_TAGGER
		tg = tagger_new();
		o.tg = tg;
#else
		fprintf(stderr, "parseval: built without the tagger (-DPARSEVAL_TAGGER)\n");
		return 2;
#endif
	}
	for (int f = 0; f < nf; f++) {
		counts c;
		memset(&c, 0, sizeof c);
		double tm = 0;
		long np = 0;
		run_file(files[f], &c, &o, &tm, &np);
		printf("%s: %ld sentences (%s tags)\n", files[f], c.sents,
		       o.use_tagger ? "tagger" : "gold");
		static const int kinds[] = {TREE_NP, TREE_VP, TREE_PP, TREE_S, TREE_SBAR};
		long tg_ = 0, tm_ = 0, th = 0;
		for (size_t k = 0; k < 5; k++) {
			int kd = kinds[k];
			tg_ += c.gold[kd];
			tm_ += c.mine[kd];
			th += c.hit[kd];
			printf("  %-5s P %5.1f  R %5.1f  (gold %ld, mine %ld)\n",
			       tree_kind_name((tree_kind)kd), pct(c.hit[kd], c.mine[kd]),
			       pct(c.hit[kd], c.gold[kd]), c.gold[kd], c.mine[kd]);
		}
		printf("  all   P %5.1f  R %5.1f\n", pct(th, tm_), pct(th, tg_));
		printf("  VP verbs: R %5.1f  P %5.1f  same VP end %5.1f of found; "
		       "sentences with all verbs and ends right %5.1f\n",
		       pct(c.vhit, c.vg), pct(c.vhit, c.vm), pct(c.vext, c.vhit),
		       pct(c.exact_verbs, c.sents));
		printf("  maximal NPs: R %5.1f  P %5.1f\n", pct(c.nhit, c.ng),
		       pct(c.nhit, c.nm));
		if (np)
			printf("  parse time: %.2f us/sentence\n", tm / (double)np * 1e6);
	}
#ifdef PARSEVAL_TAGGER
	if (tg)
		tagger_free(tg);
#endif
	return 0;
}

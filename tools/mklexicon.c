/*
 * mklexicon.c - build-time tool: compiles the part-of-speech lexicon.
 *
 * Reads WordNet's index, data, exception and sense-count files and dyad's
 * word lists in data/lexicon/, generates inflected forms with their Penn
 * tags, and writes a C file holding a ready-made open-addressing hash table
 * (format in src/tag/lexicon_int.h), so tagger_new() does no work.
 *
 *   mklexicon WORDNET_DIR LEXICON_DIR OUT.c
 */
#include <ctype.h>
#include <dirent.h>
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tag/lexicon_int.h"
/* The tag names live in the library's postag.c; this tool is built alone,
 * so it compiles that one file in. */
#include "tag/postag.c"

#define MAXW 256

/* ---------------------------------------------------------------- records */

/* WordNet parts of speech, as indexed in rec.freq. */
enum { WN_N, WN_V, WN_A, WN_R };

typedef struct rec {
	char *word;        /* lower case */
	uint64_t tags;     /* 1 << pos_tag */
	uint32_t freq[4];  /* SemCor counts of the lemma per WordNet class */
	uint32_t capsense; /* synsets naming the word with a capital */
	uint32_t lowsense; /* synsets naming it in lower case */
	uint32_t capadj;   /* capitalised adjective synsets (demonyms) */
	int best;          /* preferred tag when fixed by a word list, else 0 */
	int irr_plural;    /* an irregular plural from noun.exc ("men") */
	int fixed;         /* tags set by a word list: WordNet cannot change them */
	uint8_t lemma_pos; /* bit per WordNet class the word is a lemma of */
} rec;

typedef struct table {
	rec **slot;
	size_t cap, n;
} table;

static uint64_t hash_str(const char *s, size_t n)
{
	uint64_t h = 1469598103934665603ULL;
	for (size_t i = 0; i < n; i++) {
		h ^= (unsigned char)s[i];
		h *= 1099511628211ULL;
	}
	return h;
}

static void *xalloc(size_t n)
{
	void *p = calloc(1, n ? n : 1);
	if (!p) {
		fprintf(stderr, "mklexicon: out of memory\n");
		exit(1);
	}
	return p;
}

static rec *find(table *t, const char *w, int create)
{
	if (t->n * 2 >= t->cap) {
		size_t cap = t->cap ? t->cap * 2 : 1 << 16;
		rec **slot = xalloc(cap * sizeof *slot);
		for (size_t i = 0; i < t->cap; i++) {
			if (!t->slot[i])
				continue;
			size_t h = (size_t)hash_str(t->slot[i]->word, strlen(t->slot[i]->word)) & (cap - 1);
			while (slot[h])
				h = (h + 1) & (cap - 1);
			slot[h] = t->slot[i];
		}
		free(t->slot);
		t->slot = slot;
		t->cap = cap;
	}
	size_t h = (size_t)hash_str(w, strlen(w)) & (t->cap - 1);
	while (t->slot[h]) {
		if (strcmp(t->slot[h]->word, w) == 0)
			return t->slot[h];
		h = (h + 1) & (t->cap - 1);
	}
	if (!create)
		return NULL;
	rec *r = xalloc(sizeof *r);
	size_t n = strlen(w);
	r->word = xalloc(n + 1);
	memcpy(r->word, w, n + 1);
	t->slot[h] = r;
	t->n++;
	return r;
}

/* Adds tag to w unless a word list fixed its tags; freq_from gives the
 * lemma whose counts the form inherits (NULL: none). */
static rec *add(table *t, const char *w, pos_tag tag, const rec *freq_from)
{
	size_t n = strlen(w);
	if (n == 0 || n >= MAXW)
		return NULL;
	rec *r = find(t, w, 1);
	if (!r->fixed)
		r->tags |= 1ULL << tag;
	if (freq_from && freq_from != r) {
		for (int k = 0; k < 4; k++) {
			if (freq_from->freq[k] > r->freq[k])
				r->freq[k] = freq_from->freq[k];
		}
		if (freq_from->capsense > r->capsense)
			r->capsense = freq_from->capsense;
		if (freq_from->lowsense > r->lowsense)
			r->lowsense = freq_from->lowsense;
	}
	return r;
}

/* ---------------------------------------------------------------- files */

static FILE *open_in(const char *dir, const char *name)
{
	char path[4096];
	snprintf(path, sizeof path, "%s/%s", dir, name);
	FILE *f = fopen(path, "r");
	if (!f)
		fprintf(stderr, "mklexicon: %s: %s\n", path, strerror(errno));
	return f;
}

static void lower_str(char *s)
{
	for (; *s; s++)
		*s = (char)tolower((unsigned char)*s);
}

/* A lemma dyad's tokens can meet: one word (no "_"), ASCII. */
static int usable(const char *w)
{
	if (!*w || strlen(w) >= MAXW - 8)
		return 0;
	for (const char *p = w; *p; p++) {
		if (*p == '_' || (unsigned char)*p >= 0x80 || *p == ' ')
			return 0;
	}
	return 1;
}

static const char *const wn_name[4] = {"noun", "verb", "adj", "adv"};

/* index.POS: the lemmas. */
static int read_index(table *t, const char *dir, int pos)
{
	static const pos_tag base[4] = {POS_NN, POS_VB, POS_JJ, POS_RB};
	char name[32], line[8192], w[MAXW + 1];
	snprintf(name, sizeof name, "index.%s", wn_name[pos]);
	FILE *f = open_in(dir, name);
	if (!f)
		return -1;
	while (fgets(line, sizeof line, f)) {
		if (line[0] == ' ' || sscanf(line, "%256s", w) != 1 || !usable(w))
			continue;
		rec *r = add(t, w, base[pos], NULL);
		if (!r)
			continue;
		r->lemma_pos |= (uint8_t)(1u << pos);
		if (pos == WN_V && !r->fixed)
			r->tags |= 1ULL << POS_VBP;
	}
	fclose(f);
	return 0;
}

/* data.POS: how each lemma is written (capitalised or not). */
static int read_data(table *t, const char *dir, int pos)
{
	char name[32], line[65536];
	snprintf(name, sizeof name, "data.%s", wn_name[pos]);
	FILE *f = open_in(dir, name);
	if (!f)
		return -1;
	while (fgets(line, sizeof line, f)) {
		if (line[0] == ' ')
			continue;
		char *save = NULL;
		char *tok = strtok_r(line, " ", &save); /* offset */
		tok = tok ? strtok_r(NULL, " ", &save) : NULL; /* lex_filenum */
		tok = tok ? strtok_r(NULL, " ", &save) : NULL; /* ss_type */
		tok = tok ? strtok_r(NULL, " ", &save) : NULL; /* w_cnt (hex) */
		if (!tok)
			continue;
		long nw = strtol(tok, NULL, 16);
		for (long i = 0; i < nw; i++) {
			char *word = strtok_r(NULL, " ", &save);
			char *lexid = strtok_r(NULL, " ", &save);
			if (!word || !lexid)
				break;
			char *paren = strchr(word, '('); /* adjective markers: (a) (p) (ip) */
			if (paren)
				*paren = '\0';
			int cap = isupper((unsigned char)word[0]);
			lower_str(word);
			if (!usable(word))
				continue;
			rec *r = find(t, word, 0);
			if (!r)
				continue;
			if (cap) {
				r->capsense++;
				if (pos == WN_A)
					r->capadj++;
			} else {
				r->lowsense++;
			}
		}
	}
	fclose(f);
	return 0;
}

/* cntlist.rev: "lemma%ss_type:... sense_number tag_cnt" */
static void read_counts(table *t, const char *dir)
{
	char line[1024];
	FILE *f = open_in(dir, "cntlist.rev");
	if (!f)
		return; /* optional: without it every count is 0 */
	while (fgets(line, sizeof line, f)) {
		char *pct = strchr(line, '%');
		if (!pct)
			continue;
		*pct = '\0';
		int ss = pct[1] - '0';
		char *sp = strrchr(pct + 1, ' ');
		if (!sp)
			continue;
		long cnt = strtol(sp + 1, NULL, 10);
		static const int map[6] = {-1, WN_N, WN_V, WN_A, WN_R, WN_A};
		if (ss < 1 || ss > 5 || cnt <= 0 || !usable(line))
			continue;
		rec *r = find(t, line, 0);
		if (r)
			r->freq[map[ss]] += (uint32_t)cnt;
	}
	fclose(f);
}

/* ---------------------------------------------------------------- morphology */

static int is_vowel(char c)
{
	return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u';
}

static int ends(const char *w, const char *suf)
{
	size_t n = strlen(w), m = strlen(suf);
	return n >= m && strcmp(w + n - m, suf) == 0;
}

/* Vowel groups: a rough syllable count. */
static int syllables(const char *w)
{
	int n = 0, prev = 0;
	for (const char *p = w; *p; p++) {
		int v = is_vowel(*p) || (*p == 'y' && p != w);
		if (v && !prev)
			n++;
		prev = v;
	}
	if (ends(w, "e") && !ends(w, "le") && n > 1)
		n--;
	return n ? n : 1;
}

/* One syllable ending consonant-vowel-consonant ("stop", "plan"): the
 * final consonant doubles before -ed, -ing, -er, -est. */
static int doubles(const char *w)
{
	size_t n = strlen(w);
	if (n < 3 || syllables(w) != 1)
		return 0;
	char c = w[n - 1], v = w[n - 2], p = w[n - 3];
	return !is_vowel(c) && c != 'w' && c != 'x' && c != 'y' && is_vowel(v) && !is_vowel(p) &&
	       !(n >= 4 && is_vowel(w[n - 4]) && p == 'u' && 0);
}

static void plural(const char *w, char *out)
{
	size_t n = strlen(w);
	if (ends(w, "s") || ends(w, "x") || ends(w, "z") || ends(w, "ch") || ends(w, "sh"))
		snprintf(out, MAXW, "%ses", w);
	else if (n > 1 && w[n - 1] == 'y' && !is_vowel(w[n - 2]))
		snprintf(out, MAXW, "%.*sies", (int)(n - 1), w);
	else
		snprintf(out, MAXW, "%ss", w);
}

static void past(const char *w, char *out)
{
	size_t n = strlen(w);
	if (ends(w, "e"))
		snprintf(out, MAXW, "%sd", w);
	else if (n > 1 && w[n - 1] == 'y' && !is_vowel(w[n - 2]))
		snprintf(out, MAXW, "%.*sied", (int)(n - 1), w);
	else if (doubles(w))
		snprintf(out, MAXW, "%s%ced", w, w[n - 1]);
	else
		snprintf(out, MAXW, "%sed", w);
}

static void gerund(const char *w, char *out)
{
	size_t n = strlen(w);
	if (ends(w, "ie"))
		snprintf(out, MAXW, "%.*sying", (int)(n - 2), w);
	else if (ends(w, "e") && !ends(w, "ee") && !ends(w, "ye") && !ends(w, "oe") && n > 2)
		snprintf(out, MAXW, "%.*sing", (int)(n - 1), w);
	else if (doubles(w))
		snprintf(out, MAXW, "%s%cing", w, w[n - 1]);
	else
		snprintf(out, MAXW, "%sing", w);
}

static void compar(const char *w, const char *suf, char *out)
{
	size_t n = strlen(w);
	if (ends(w, "e"))
		snprintf(out, MAXW, "%s%s", w, suf + 1);
	else if (n > 1 && w[n - 1] == 'y' && !is_vowel(w[n - 2]))
		snprintf(out, MAXW, "%.*si%s", (int)(n - 1), w, suf);
	else if (doubles(w))
		snprintf(out, MAXW, "%s%c%s", w, w[n - 1], suf);
	else
		snprintf(out, MAXW, "%s%s", w, suf);
}

/* ---------------------------------------------------------------- word lists */

typedef struct irreg {
	char base[MAXW], past[MAXW], part[MAXW];
} irreg;

/* For each "/"-separated alternative of list, adds it with tag. */
static void add_alts(table *t, const char *list, pos_tag tag, const rec *lemma)
{
	char buf[MAXW];
	snprintf(buf, sizeof buf, "%s", list);
	char *save = NULL;
	for (char *a = strtok_r(buf, "/", &save); a; a = strtok_r(NULL, "/", &save))
		add(t, a, tag, lemma);
}

/* irregular_verbs.txt: "base past participle". Marks the bases in *irr. */
static int read_irregular(const char *dir, irreg **irr, size_t *nirr)
{
	char line[1024];
	FILE *f = open_in(dir, "irregular_verbs.txt");
	if (!f)
		return -1;
	size_t cap = 0;
	long ln = 0;
	while (fgets(line, sizeof line, f)) {
		ln++;
		if (line[0] == '#' || line[0] == '\n')
			continue;
		irreg v;
		if (sscanf(line, "%255s %255s %255s", v.base, v.past, v.part) != 3) {
			fprintf(stderr, "%s/irregular_verbs.txt:%ld: expected base past participle\n", dir, ln);
			continue;
		}
		if (*nirr == cap) {
			cap = cap ? cap * 2 : 256;
			irreg *n = realloc(*irr, cap * sizeof *n);
			if (!n)
				exit(1);
			*irr = n;
		}
		(*irr)[(*nirr)++] = v;
	}
	fclose(f);
	return 0;
}

static const irreg *irregular(const irreg *irr, size_t n, const char *base)
{
	for (size_t i = 0; i < n; i++) {
		if (strcmp(irr[i].base, base) == 0)
			return &irr[i];
	}
	return NULL;
}

/* A "word TAG..." list: replaces the word's tags ("+word" adds). */
static int read_list(table *t, const char *dir, const char *name)
{
	char line[1024];
	FILE *f = open_in(dir, name);
	if (!f)
		return -1;
	long ln = 0;
	while (fgets(line, sizeof line, f)) {
		ln++;
		char *save = NULL;
		char *w = strtok_r(line, " \t\r\n", &save);
		if (!w || w[0] == '#')
			continue;
		int plus = w[0] == '+';
		if (plus)
			w++;
		lower_str(w);
		rec *r = find(t, w, 1);
		uint64_t tags = 0;
		int best = 0;
		for (char *tg = strtok_r(NULL, " \t\r\n", &save); tg; tg = strtok_r(NULL, " \t\r\n", &save)) {
			pos_tag p = pos_from_name(tg, strlen(tg));
			if (p == POS_NONE) {
				fprintf(stderr, "%s/%s:%ld: unknown tag %s\n", dir, name, ln, tg);
				continue;
			}
			if (!best)
				best = p;
			tags |= 1ULL << p;
		}
		if (!tags)
			continue;
		if (plus) {
			r->tags |= tags;
		} else {
			r->tags = tags;
			r->best = best;
			r->fixed = 1;
		}
	}
	fclose(f);
	return 0;
}

/* ---------------------------------------------------------------- generation */

static void inflect(table *t, const irreg *irr, size_t nirr, const char *dir)
{
	char buf[MAXW];
	/* Snapshot of the lemmas (the table grows while we add forms). */
	size_t nl = 0;
	rec **lem = xalloc(t->n * sizeof *lem);
	for (size_t i = 0; i < t->cap; i++) {
		if (t->slot[i] && t->slot[i]->lemma_pos)
			lem[nl++] = t->slot[i];
	}
	/* Exception lists first: which lemmas have irregular forms. */
	static const char *const exc[3] = {"noun.exc", "verb.exc", "adj.exc"};
	table has_past = {0}, has_ing = {0}, has_pl = {0};
	for (int e = 0; e < 3; e++) {
		FILE *f = open_in(dir, exc[e]);
		if (!f)
			continue;
		char line[1024], form[MAXW], lemma[MAXW];
		while (fgets(line, sizeof line, f)) {
			if (sscanf(line, "%255s %255s", form, lemma) != 2 || !usable(form) || !usable(lemma))
				continue;
			rec *L = find(t, lemma, 0);
			if (e == 0) {
				rec *r = add(t, form, POS_NNS, L);
				if (r)
					r->irr_plural = 1;
				find(&has_pl, lemma, 1);
			} else if (e == 2) {
				add(t, form, ends(form, "st") ? POS_JJS : POS_JJR, L);
			} else if (!irregular(irr, nirr, lemma)) {
				if (ends(form, "ing")) {
					add(t, form, POS_VBG, L);
					find(&has_ing, lemma, 1);
				} else if (ends(form, "s") && !ends(form, "ss") && !ends(form, "us")) {
					add(t, form, POS_VBZ, L);
				} else {
					rec *r = add(t, form, POS_VBD, L);
					if (r && !r->fixed)
						r->tags |= 1ULL << POS_VBN;
					find(&has_past, lemma, 1);
				}
			}
		}
		fclose(f);
	}
	for (size_t i = 0; i < nl; i++) {
		rec *L = lem[i];
		const char *w = L->word;
		if (L->lemma_pos & (1u << WN_N)) {
			if (!find(&has_pl, w, 0) && !ends(w, "-")) {
				plural(w, buf);
				add(t, buf, POS_NNS, L);
				if (ends(w, "man") && strlen(w) > 5) { /* spokesman -> spokesmen */
					snprintf(buf, sizeof buf, "%.*smen", (int)strlen(w) - 3, w);
					add(t, buf, POS_NNS, L);
				}
			}
		}
		if (L->lemma_pos & (1u << WN_V)) {
			const irreg *ir = irregular(irr, nirr, w);
			plural(w, buf);
			if (ends(w, "o") && !ends(w, "oo"))
				snprintf(buf, sizeof buf, "%ses", w);
			add(t, buf, POS_VBZ, L);
			if (!find(&has_ing, w, 0)) {
				gerund(w, buf);
				add(t, buf, POS_VBG, L);
			}
			if (ir) {
				add_alts(t, ir->past, POS_VBD, L);
				add_alts(t, ir->part, POS_VBN, L);
			} else if (!find(&has_past, w, 0)) {
				past(w, buf);
				rec *r = add(t, buf, POS_VBD, L);
				if (r && !r->fixed)
					r->tags |= 1ULL << POS_VBN;
			}
		}
		if ((L->lemma_pos & (1u << WN_A)) && syllables(w) == 1 && L->freq[WN_A] > 0 &&
		    !strchr(w, '-')) {
			compar(w, "er", buf);
			add(t, buf, POS_JJR, L);
			compar(w, "est", buf);
			add(t, buf, POS_JJS, L);
		}
	}
	/* Irregular verbs WordNet may lack as lemmas. */
	for (size_t i = 0; i < nirr; i++) {
		rec *L = find(t, irr[i].base, 0);
		add_alts(t, irr[i].past, POS_VBD, L);
		add_alts(t, irr[i].part, POS_VBN, L);
	}
	free(lem);
}

/* ---------------------------------------------------------------- output */

static uint8_t quant(uint32_t n)
{
	if (n == 0)
		return 0;
	int q = 1;
	while (n > 1 && q < 15) {
		n >>= 1;
		q++;
	}
	return (uint8_t)q;
}

/* The default tag: a word list's first tag, else the form's tag in the
 * most frequent WordNet class. */
static int best_tag(const rec *r)
{
	if (r->best)
		return r->best;
	if (r->irr_plural && (r->tags & (1ULL << POS_NNS)) && r->freq[WN_V] <= r->freq[WN_N])
		return POS_NNS;
	/* A plural that WordNet also lists as a lemma ("years", "relations"). */
	if ((r->tags & (1ULL << POS_NNS)) && (r->tags & (1ULL << POS_NN)) && ends(r->word, "s") &&
	    !ends(r->word, "ss") && r->freq[WN_V] <= r->freq[WN_N])
		return POS_NNS;
	static const pos_tag order[4][6] = {
		{POS_NN, POS_NNS, POS_NONE},
		{POS_VBD, POS_VBZ, POS_VBG, POS_VBN, POS_VB, POS_VBP},
		{POS_JJ, POS_JJR, POS_JJS, POS_NONE},
		{POS_RB, POS_RBR, POS_RBS, POS_NONE},
	};
	int cls[4] = {WN_N, WN_V, WN_A, WN_R};
	/* Sort classes by frequency (stable: noun, verb, adj, adv on ties). */
	for (int a = 0; a < 4; a++) {
		for (int b = a + 1; b < 4; b++) {
			if (r->freq[cls[b]] > r->freq[cls[a]]) {
				int x = cls[a];
				cls[a] = cls[b];
				cls[b] = x;
			}
		}
	}
	for (int a = 0; a < 4; a++) {
		for (int k = 0; k < 6 && order[cls[a]][k] != POS_NONE; k++) {
			if (r->tags & (1ULL << order[cls[a]][k]))
				return order[cls[a]][k];
		}
	}
	for (int k = 1; k < POS_COUNT_; k++) {
		if (r->tags & (1ULL << k))
			return k;
	}
	return POS_NN;
}

static void put32(unsigned char *p, uint32_t v)
{
	memcpy(p, &v, 4);
}

static int info_cmp(const void *a, const void *b)
{
	return memcmp(a, b, sizeof(lex_info));
}

int main(int argc, char **argv)
{
	if (argc != 4) {
		fprintf(stderr, "usage: mklexicon WORDNET_DIR LEXICON_DIR OUT.c\n");
		return 2;
	}
	const char *wn = argv[1], *ld = argv[2];
	table t = {0};
	/* Word lists first mark closed-class words as fixed. */
	irreg *irr = NULL;
	size_t nirr = 0;
	if (read_list(&t, ld, "closed.txt") != 0 || read_irregular(ld, &irr, &nirr) != 0)
		return 1;
	for (int p = 0; p < 4; p++) {
		if (read_index(&t, wn, p) != 0)
			return 1;
	}
	read_counts(&t, wn);
	for (int p = 0; p < 4; p++)
		read_data(&t, wn, p);
	inflect(&t, irr, nirr, wn);
	/* Other lists in the folder, applied last. */
	DIR *d = opendir(ld);
	if (d) {
		struct dirent *de;
		while ((de = readdir(d))) {
			if (ends(de->d_name, ".txt") && strcmp(de->d_name, "closed.txt") != 0 &&
			    strcmp(de->d_name, "irregular_verbs.txt") != 0)
				read_list(&t, ld, de->d_name);
		}
		closedir(d);
	}

	/* Records -> infos (deduplicated) and the string pool. */
	size_t n = 0;
	rec **all = xalloc(t.n * sizeof *all);
	for (size_t i = 0; i < t.cap; i++) {
		if (t.slot[i] && t.slot[i]->tags)
			all[n++] = t.slot[i];
	}
	lex_info *info = xalloc(n * sizeof *info);
	for (size_t i = 0; i < n; i++) {
		rec *r = all[i];
		lex_info *x = &info[i];
		memset(x, 0, sizeof *x);
		x->tags = r->tags;
		x->best = (uint8_t)best_tag(r);
		for (int k = 0; k < 4; k++)
			x->freq[k] = quant(r->freq[k]);
		if (r->capsense)
			x->flags |= LEX_F_CAPNOUN;
		if (r->lowsense || r->fixed)
			x->flags |= LEX_F_LOWER;
		if (r->capsense > r->lowsense && !r->fixed)
			x->flags |= LEX_F_PROPER;
		if (r->capadj)
			x->flags |= LEX_F_DEMONYM;
	}
	lex_info *uniq = xalloc(n * sizeof *uniq);
	memcpy(uniq, info, n * sizeof *uniq);
	qsort(uniq, n, sizeof *uniq, info_cmp);
	size_t ninfo = 0;
	for (size_t i = 0; i < n; i++) {
		if (ninfo == 0 || info_cmp(&uniq[ninfo - 1], &uniq[i]) != 0)
			uniq[ninfo++] = uniq[i];
	}
	if (ninfo > 65535) {
		fprintf(stderr, "mklexicon: %zu distinct entries, more than 65535\n", ninfo);
		return 1;
	}
	size_t nslots = 1024;
	while (n * 4 > nslots * 3)
		nslots *= 2;
	size_t strbytes = 0;
	for (size_t i = 0; i < n; i++)
		strbytes += strlen(all[i]->word) + 2;
	size_t off_slots = LEX_HEADER_BYTES;
	size_t off_info = off_slots + nslots * LEX_SLOT_BYTES;
	size_t off_str = off_info + ninfo * sizeof(lex_info);
	size_t total = off_str + strbytes;
	unsigned char *blob = xalloc(total);
	memcpy(blob, LEX_MAGIC, 4);
	put32(blob + 4, (uint32_t)nslots);
	put32(blob + 8, (uint32_t)n);
	put32(blob + 12, (uint32_t)ninfo);
	put32(blob + 16, (uint32_t)off_slots);
	put32(blob + 20, (uint32_t)off_info);
	put32(blob + 24, (uint32_t)off_str);
	put32(blob + 28, (uint32_t)total);
	memcpy(blob + off_info, uniq, ninfo * sizeof(lex_info));
	for (size_t i = 0; i < nslots; i++)
		put32(blob + off_slots + i * LEX_SLOT_BYTES, LEX_EMPTY);
	size_t so = off_str;
	for (size_t i = 0; i < n; i++) {
		const char *w = all[i]->word;
		size_t wl = strlen(w);
		uint64_t h = hash_str(w, wl);
		size_t s = (size_t)h & (nslots - 1);
		uint32_t cur;
		for (;;) {
			memcpy(&cur, blob + off_slots + s * LEX_SLOT_BYTES, 4);
			if (cur == LEX_EMPTY)
				break;
			s = (s + 1) & (nslots - 1);
		}
		lex_info *x = bsearch(&info[i], uniq, ninfo, sizeof *uniq, info_cmp);
		uint16_t chk = (uint16_t)(h >> 48), idx = (uint16_t)(x - uniq);
		unsigned char *sl = blob + off_slots + s * LEX_SLOT_BYTES;
		put32(sl, (uint32_t)(so - off_str));
		memcpy(sl + 4, &chk, 2);
		memcpy(sl + 6, &idx, 2);
		blob[so] = (unsigned char)wl;
		memcpy(blob + so + 1, w, wl);
		so += wl + 2; /* length byte, word, NUL */
	}

	FILE *out = fopen(argv[3], "w");
	if (!out) {
		perror(argv[3]);
		return 1;
	}
	fprintf(out, "/* Generated by tools/mklexicon from WordNet and data/lexicon: do not edit. */\n"
		     "#include <stddef.h>\n"
		     "_Alignas(16) const char dyad_lexicon_blob[] =\n\"");
	int col = 0;
	for (size_t i = 0; i < total; i++) {
		unsigned c = blob[i];
		if (c >= 0x20 && c < 0x7F && c != '\\' && c != '"' && c != '?')
			col += fprintf(out, "%c", c);
		else
			col += fprintf(out, "\\%03o", c);
		if (col >= 120) {
			fprintf(out, "\"\n\"");
			col = 0;
		}
	}
	fprintf(out, "\";\nconst size_t dyad_lexicon_size = %zu;\n", total);
	if (fclose(out) != 0) {
		perror(argv[3]);
		return 1;
	}
	fprintf(stderr, "mklexicon: %zu words, %zu infos, %zu slots, %zu bytes\n", n, ninfo, nslots,
		total);
	return 0;
}

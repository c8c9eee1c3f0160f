/*
 * parser.c - dyad's deterministic shallow parser: tagged tokens to a
 * Treebank-shaped tree (S, NP, VP, PP, SBAR ...).
 *
 * Recursive descent over the tokens with bounded look-ahead: base noun
 * chunks, verb groups with nested auxiliaries, complements, clauses and
 * comma structure, decided left to right without backtracking. Each token
 * is consumed once; look-ahead scans are capped, so the cost is linear.
 * Recursion is capped (PARSE_MAX_REC) and everything lives in the arena.
 * A few tags the context settles are corrected in place in the caller's
 * tokens (retag(): a verb tagged as a noun after a modal, ...), so the tree
 * and the tokens always agree.
 */
#include "parser.h"
#include "parser_int.h"
#include "ptb.h"

#include <stdlib.h>
#include <string.h>

/* ---- Word classes ------------------------------------------------------ */

typedef struct pw_entry {
	const char *w;
	uint32_t cls;
} pw_entry;

/* Sorted by strcmp for bsearch. */
static const pw_entry pw_table[] = {
	{"'M", PW_BE}, {"'RE", PW_BE}, {"'S", PW_BE}, {"'VE", PW_HAVE},
	{"ABOUT", PW_ABOUT}, {"ACCORDING", PW_VBGPREP}, {"ADDED", PW_SAY},
	{"AFTER", PW_SUB}, {"AFTERNOON", PW_TIME}, {"ALLEGED", PW_SAY},
	{"ALLEGEDLY", PW_HEDGE}, {"ALTHOUGH", PW_SUB}, {"AM", PW_BE},
	{"AMONG", PW_NPPREP}, {"AMONGST", PW_NPPREP}, {"AND", PW_NPCC},
	{"ANNOUNCED", PW_SAY}, {"APPARENTLY", PW_HEDGE}, {"APRIL", PW_TIME},
	{"ARE", PW_BE}, {"AS", PW_SUB}, {"AUGUST", PW_TIME}, {"BE", PW_BE},
	{"BECAUSE", PW_SUB}, {"BEEN", PW_BE}, {"BEFORE", PW_SUB},
	{"BEGINNING", PW_VBGPREP}, {"BEING", PW_BE}, {"BETWEEN", PW_NPPREP},
	{"CLAIMED", PW_SAY}, {"CONCERNING", PW_VBGPREP}, {"CONFIRMED", PW_SAY},
	{"DAY", PW_TIME | PW_DURATION}, {"DAYS", PW_TIME | PW_DURATION},
	{"DECADE", PW_TIME | PW_DURATION}, {"DECADES", PW_TIME | PW_DURATION},
	{"DECEMBER", PW_TIME}, {"DECLARED", PW_SAY}, {"DENIED", PW_SAY},
	{"DID", PW_DO}, {"DO", PW_DO}, {"DOES", PW_DO}, {"EVENING", PW_TIME},
	{"EXCLUDING", PW_VBGPREP}, {"FEBRUARY", PW_TIME}, {"FOLLOWING", PW_VBGPREP},
	{"FRIDAY", PW_TIME}, {"GET", PW_GET}, {"GETS", PW_GET}, {"GETTING", PW_GET},
	{"GOT", PW_GET}, {"GOTTEN", PW_GET}, {"HAD", PW_HAVE}, {"HAS", PW_HAVE},
	{"HAVE", PW_HAVE}, {"HAVING", PW_HAVE}, {"HOUR", PW_TIME | PW_DURATION},
	{"HOURS", PW_TIME | PW_DURATION}, {"IF", PW_SUB | PW_WH},
	{"INCLUDING", PW_VBGPREP}, {"INSISTED", PW_SAY}, {"IS", PW_BE},
	{"JANUARY", PW_TIME}, {"JULY", PW_TIME}, {"JUNE", PW_TIME},
	{"MARCH", PW_TIME}, {"MAY", PW_TIME}, {"MINUTES", PW_TIME | PW_DURATION},
	{"MONDAY", PW_TIME}, {"MONTH", PW_TIME | PW_DURATION},
	{"MONTHS", PW_TIME | PW_DURATION}, {"MORNING", PW_TIME}, {"N'T", PW_NEG},
	{"NEVER", PW_NEG}, {"NIGHT", PW_TIME}, {"NOR", PW_NPCC}, {"NOT", PW_NEG},
	{"NOTED", PW_SAY}, {"NOVEMBER", PW_TIME}, {"OCTOBER", PW_TIME}, {"OF", PW_OF},
	{"ONCE", PW_SUB}, {"OR", PW_NPCC}, {"PENDING", PW_VBGPREP},
	{"PURPORTEDLY", PW_HEDGE}, {"REGARDING", PW_VBGPREP}, {"REPORTED", PW_SAY},
	{"REPORTEDLY", PW_HEDGE}, {"SAID", PW_SAY}, {"SATURDAY", PW_TIME},
	{"SAY", PW_SAY}, {"SAYS", PW_SAY}, {"SEPTEMBER", PW_TIME}, {"SINCE", PW_SUB},
	{"STARTING", PW_VBGPREP}, {"STATED", PW_SAY}, {"SUNDAY", PW_TIME},
	{"SUPPOSEDLY", PW_HEDGE}, {"THAT", PW_THAT}, {"THOUGH", PW_SUB},
	{"THURSDAY", PW_TIME}, {"TILL", PW_SUB}, {"TODAY", PW_TIME | PW_DAYWORD},
	{"TOLD", PW_SAY}, {"TOMORROW", PW_TIME | PW_DAYWORD},
	{"TONIGHT", PW_TIME | PW_DAYWORD}, {"TUESDAY", PW_TIME}, {"UNLESS", PW_SUB},
	{"UNTIL", PW_SUB}, {"WARNED", PW_SAY}, {"WAS", PW_BE}, {"WEDNESDAY", PW_TIME},
	{"WEEK", PW_TIME | PW_DURATION}, {"WEEKEND", PW_TIME},
	{"WEEKS", PW_TIME | PW_DURATION}, {"WERE", PW_BE}, {"WHEN", PW_SUB},
	{"WHEREAS", PW_SUB}, {"WHETHER", PW_SUB | PW_WH}, {"WHILE", PW_SUB},
	{"WHILST", PW_SUB}, {"YEAR", PW_TIME | PW_DURATION},
	{"YEARS", PW_TIME | PW_DURATION}, {"YESTERDAY", PW_TIME | PW_DAYWORD},
};

static int pw_cmp(const void *key, const void *elem)
{
	return strcmp((const char *)key, ((const pw_entry *)elem)->w);
}

uint32_t parse_word_class(const tok_token *k)
{
	if (!k->upper || k->ulen < 2 || k->ulen > 11)
		return 0;
	const pw_entry *e = bsearch(k->upper, pw_table,
				    sizeof pw_table / sizeof pw_table[0],
				    sizeof pw_table[0], pw_cmp);
	if (!e)
		return 0;
	uint32_t c = e->cls;
	pos_tag t = (pos_tag)k->tag;
	/* "'s" is "is" only as a verb; "May" the month only as a noun. */
	if ((c & PW_BE) && k->upper[0] == '\'' && !pos_is_verb(t))
		c &= ~(uint32_t)PW_BE;
	if ((c & PW_VBGPREP) && t != POS_VBG && t != POS_IN)
		c &= ~(uint32_t)PW_VBGPREP;
	if (c & PW_TIME && !pos_is_noun(t))
		c &= ~(uint32_t)(PW_TIME | PW_DURATION | PW_DAYWORD);
	return c;
}

/* ---- Parser state ------------------------------------------------------ */

/* Per-token marks computed before parsing (beside the word classes). */
enum {
	PM_TOPCOMMA = 1u << 24, /* a comma that ends the clause: ", X said" */
	PM_PRNCOMMA = 1u << 26, /* opens a short parenthetical: ", it seems ," */
	PM_VERBBEFORE = 1u << 25 /* a verb or modal occurs before this token */
};

/* Context bits passed down the descent. */
enum {
	C_SUBJ = 1,      /* noun phrase before its clause's verb */
	C_INPP = 2,      /* noun phrase that is a preposition's object */
	C_STOPCOMMA = 4, /* inside a comma-delimited parenthetical */
	C_NOCOORD = 8,   /* a conjunct: no further coordination */
	C_TOP = 16,      /* the sentence's own clause (not embedded) */
	C_NOREL = 32,    /* no reduced relatives (inside a verb's subject) */
	C_NOAPPOS = 64,  /* appositives go to the enclosing subject instead */
	C_SUBJCONJ = 128 /* a later conjunct of a subject ("Japan and China
			  * agreed"): a past form after it is the clause's
			  * verb unless another verb follows, as in a subject */
};

#define PARSE_MAX_REC 48   /* recursion cap of the descent */
#define PARSE_LOOK 40      /* cap of any look-ahead scan, in tokens */

/* A node under construction; children linked in order. */
typedef struct pnode {
	int32_t first, last, next; /* children and next sibling, -1 if none */
	int32_t tok;               /* token of a leaf, else -1 */
	uint8_t kind;              /* tree_kind */
	uint8_t flags;             /* TREE_F_* */
} pnode;

typedef struct pstate {
	arena *a;
	const tok_token *t;
	tok_token *mt;   /* the same tokens, for tag repairs */
	int32_t n;       /* tokens */
	int32_t p;       /* next token to consume */
	uint32_t *cls;   /* PW_* | PM_* per token */
	pnode *nd;       /* nodes */
	int32_t nn, cap; /* nodes used, allocated */
	int rec;         /* current recursion depth */
} pstate;

static pos_tag tg(const pstate *s, int32_t i)
{
	return (i >= 0 && i < s->n) ? (pos_tag)s->t[i].tag : POS_NONE;
}

static uint32_t wc(const pstate *s, int32_t i)
{
	return (i >= 0 && i < s->n) ? s->cls[i] : 0;
}

static int32_t nnew(pstate *s, tree_kind k, int32_t tok)
{
	if (s->nn == s->cap) {
		pnode *x = arena_alloc(s->a, (size_t)s->cap * 2 * sizeof *x);
		memcpy(x, s->nd, (size_t)s->nn * sizeof *x);
		s->nd = x;
		s->cap *= 2;
	}
	int32_t i = s->nn++;
	s->nd[i] = (pnode){-1, -1, -1, tok, (uint8_t)k, 0};
	return i;
}

static void add(pstate *s, int32_t parent, int32_t child)
{
	if (child < 0)
		return;
	pnode *p = &s->nd[parent];
	s->nd[child].next = -1;
	if (p->last >= 0)
		s->nd[p->last].next = child;
	else
		p->first = child;
	p->last = child;
}

/* Consumes the next token as a leaf of parent. */
static void leaf(pstate *s, int32_t parent)
{
	add(s, parent, nnew(s, TREE_LEAF, s->p));
	s->p++;
}

/* A new node of kind k whose only child is c. */
static int32_t wrap(pstate *s, tree_kind k, int32_t c)
{
	int32_t w = nnew(s, k, -1);
	add(s, w, c);
	return w;
}

static int nchildren(const pstate *s, int32_t x)
{
	int c = 0;
	for (int32_t k = s->nd[x].first; k >= 0; k = s->nd[k].next)
		c++;
	return c;
}

/* ---- Token tests ------------------------------------------------------- */

static int is_finite(pos_tag t)
{
	return t == POS_VBD || t == POS_VBZ || t == POS_VBP || t == POS_MD;
}

static int is_verbish(pos_tag t)
{
	return pos_is_verb(t) || t == POS_MD;
}

static int is_noun_tag(pos_tag t)
{
	return pos_is_noun(t);
}

/* Ends every phrase: sentence end, closing bracket, colon. */
static int hard_stop(const pstate *s, int32_t i)
{
	if (i >= s->n)
		return 1;
	pos_tag t = tg(s, i);
	return t == POS_PERIOD || t == POS_RRB || t == POS_COLON;
}

/* ---- Base noun chunks -------------------------------------------------- */

/* Result of scanning a base noun chunk. */
typedef struct chunk {
	int32_t end;  /* one past its last token (== start: no chunk) */
	int nominal;  /* has a noun, number, pronoun or possessive */
	int det;      /* starts with a determiner */
	int words;    /* tokens */
	int nouns;    /* noun tokens */
	int poss;     /* contains a possessive */
} chunk;

static int can_continue_nominal(pos_tag t)
{
	return is_noun_tag(t) || pos_is_adj(t) || t == POS_CD;
}

/* Scans the base noun chunk starting at i (no building). */
static chunk scan_chunk(const pstate *s, int32_t i)
{
	chunk c = {i, 0, 0, 0, 0, 0};
	if (i >= s->n)
		return c;
	pos_tag t0 = tg(s, i);
	if (t0 == POS_PRP || t0 == POS_EX) {
		c.end = i + 1;
		c.nominal = 1;
		c.words = 1;
		return c;
	}
	int32_t j = i, good = i;
	int seen_nom = 0, nouns = 0, poss = 0;
	while (j < s->n && j - i < PARSE_LOOK) {
		pos_tag t = tg(s, j), nx = tg(s, j + 1);
		int ok = 0;
		switch (t) {
		case POS_PDT:
			ok = (j == i);
			break;
		case POS_DT:
		case POS_PRPS:
		case POS_WPS:
			ok = (j == i || tg(s, j - 1) == POS_PDT ||
			      tg(s, j - 1) == POS_POS);
			if (ok && t == POS_DT && j == i)
				c.det = 1;
			if (ok && t == POS_PRPS && j == i)
				c.det = 1;
			break;
		case POS_JJ:
		case POS_JJR:
		case POS_JJS:
			/* "the shooting last Wednesday": a date starts. */
			ok = !(j > i && is_noun_tag(tg(s, j - 1)) &&
			       (wc(s, j + 1) & PW_TIME));
			break;
		case POS_CD:
		case POS_DOLLAR:
		case POS_HASH:
			ok = 1;
			break;
		case POS_IN:
			/* "at least eight people". */
			ok = j == i && tg(s, j + 1) == POS_JJS && tg(s, j + 2) == POS_CD &&
			     !strcmp(s->t[j].upper, "AT");
			break;
		case POS_NN:
		case POS_NNS:
		case POS_NNP:
		case POS_NNPS:
			ok = 1;
			/* "foes Gondor": a plural noun then a name. */
			if (j > i && tg(s, j - 1) == POS_NNS && t == POS_NNP)
				ok = 0;
			/* "Moscow today": a day word is never inside a name. */
			if (j > i && (wc(s, j) & PW_DAYWORD))
				ok = 0;
			/* "Last month Pyongyang allowed": a date, then the subject. */
			if (j > i && t == POS_NNP && (wc(s, j - 1) & PW_TIME) &&
			    tg(s, j - 1) != POS_NNP)
				ok = 0;
			break;
		case POS_RB:
			/* "almost five", "a really pleasant place". */
			ok = (j == i && nx == POS_CD && !(wc(s, j) & PW_NEG)) ||
			     (j > i && !(wc(s, j) & PW_NEG) &&
			      (pos_is_adj(nx) ||
			       ((nx == POS_VBN || nx == POS_VBG) &&
				(is_noun_tag(tg(s, j + 2)) || pos_is_adj(tg(s, j + 2))))));
			break;
		case POS_VBN:
		case POS_VBG:
			/* "the affected villages"; chunk-initial only after a
			 * preposition ("against besieged Osgiliath"). */
			ok = ((j > i && (!is_noun_tag(tg(s, j - 1)) ||
					 pos_is_adv(tg(s, j - 1)))) ||
			      (j == i && t == POS_VBN && (tg(s, i - 1) == POS_IN ||
							  tg(s, i - 1) == POS_TO))) &&
			     (is_noun_tag(nx) || pos_is_adj(nx)) &&
			     tg(s, j - 1) != POS_POS && !(wc(s, j) & PW_VBGPREP);
			/* "the reopening of": a gerund as the head noun. */
			if (!ok && t == POS_VBG && j == i + 1 && tg(s, i) == POS_DT &&
			    (wc(s, j + 1) & PW_OF)) {
				ok = 1;
				j++;
				good = j;
				seen_nom = 1;
				goto done;
			}
			break;
		case POS_POS:
			ok = j > i && seen_nom;
			break;
		case POS_HYPH:
			ok = j > i && can_continue_nominal(nx);
			break;
		case POS_CC:
			/* "awful and evil minister", "Japanese and North Korean
			 * officials". */
			ok = j > i && pos_is_adj(tg(s, j - 1)) &&
			     (pos_is_adj(nx) || (nx == POS_NNP && pos_is_adj(tg(s, j + 2))));
			break;
		case POS_LQUOTE:
		case POS_RQUOTE:
			/* "a `` halfway '' point", "giant `` Free Tibet '' banners":
			 * quotes inside a noun phrase that goes on after them. */
			ok = j > i && !(t == POS_LQUOTE && is_noun_tag(tg(s, j - 1)) &&
					tg(s, j - 1) != POS_NNP) &&
			     (t == POS_LQUOTE ? can_continue_nominal(nx)
					      : (can_continue_nominal(nx) &&
						 !(nx == POS_NNP && is_noun_tag(tg(s, j - 1)))));
			break;
		case POS_COMMA:
			/* "complete, full diplomatic ties". */
			ok = j > i && pos_is_adj(tg(s, j - 1)) && pos_is_adj(nx) &&
			     (is_noun_tag(tg(s, j + 2)) || pos_is_adj(tg(s, j + 2)));
			break;
		default:
			ok = 0;
		}
		if (!ok)
			break;
		if (is_noun_tag(t) || t == POS_CD) {
			seen_nom = 1;
			if (is_noun_tag(t))
				nouns++;
		}
		if (t == POS_POS)
			poss = 1;
		j++;
		/* A chunk may end after a noun, number, possessive or, when it
		 * began with a determiner, an adjective ("the poor"). */
		if (is_noun_tag(t) || t == POS_CD || t == POS_POS ||
		    (c.det && pos_is_adj(t)) || (j == i + 1 && t == POS_DT))
			good = j;
	}
done:
	/* "Arnor cleric said", "(JJ Fornost) welcomed": adjectives that end a
	 * subject right before its verb are nouns mis-tagged. */
	if (good < j && j < s->n && is_finite(tg(s, j))) {
		int all_adj = 1;
		for (int32_t k = good; k < j; k++)
			if (!pos_is_adj(tg(s, k)))
				all_adj = 0;
		if (all_adj) {
			good = j;
			seen_nom = 1;
		}
	}
	c.end = good;
	c.words = good - i;
	c.nominal = seen_nom || c.det;
	c.nouns = nouns;
	c.poss = poss;
	return c;
}

/* A chunk with adjectives only ("dead", "awful"): an ADJP, not an NP. */
static int chunk_is_np(const chunk *c, int32_t start)
{
	return c->end > start && c->nominal;
}

/* Does a noun phrase start at i? */
static int np_starts(const pstate *s, int32_t i)
{
	chunk c = scan_chunk(s, i);
	return chunk_is_np(&c, i);
}

/* Builds the chunk [i, c.end) as an NP, splitting possessives:
 * (NP (NP Caras Galadhon 's) new mayor). */
static int32_t build_chunk(pstate *s, const chunk *c)
{
	int32_t np = nnew(s, TREE_NP, -1);
	while (s->p < c->end) {
		pos_tag t = tg(s, s->p);
		if (pos_is_adj(t) && tg(s, s->p + 1) == POS_CC &&
		    pos_is_adj(tg(s, s->p + 2)) && s->p + 2 < c->end) {
			/* "awful and evil minister": (ADJP (JJ awful) (CC and) (JJ evil)),
			 * so the CC does not make the NP a compound. */
			int32_t ad = nnew(s, TREE_ADJP, -1);
			leaf(s, ad);
			while (tg(s, s->p) == POS_CC && pos_is_adj(tg(s, s->p + 1)) &&
			       s->p + 1 < c->end) {
				leaf(s, ad);
				leaf(s, ad);
			}
			add(s, np, ad);
			continue;
		}
		leaf(s, np);
		if (t == POS_POS && s->p < c->end) {
			int32_t outer = wrap(s, TREE_NP, np);
			np = outer;
		}
	}
	return np;
}

/* ---- Look-ahead -------------------------------------------------------- */

/* End of the noun phrase starting at i as far as a quick scan sees it
 * (chunks joined by "of", "and", possessives), or -1 if none. */
static int32_t measure_np(const pstate *s, int32_t i, int allow_cc)
{
	chunk c = scan_chunk(s, i);
	if (!chunk_is_np(&c, i))
		return -1;
	int32_t j = c.end;
	for (int k = 0; k < 6 && j < s->n; k++) {
		if ((wc(s, j) & (PW_OF | PW_NPPREP)) && tg(s, j) == POS_IN) {
			chunk d = scan_chunk(s, j + 1);
			if (!chunk_is_np(&d, j + 1))
				break;
			j = d.end;
		} else if (allow_cc && tg(s, j) == POS_CC && (wc(s, j) & PW_NPCC)) {
			chunk d = scan_chunk(s, j + 1);
			if (!chunk_is_np(&d, j + 1))
				break;
			j = d.end;
		} else {
			break;
		}
	}
	return j;
}

/* Is a clause (subject noun phrase, then a finite verb) starting at i?
 * Allows prepositional phrases and adverbs between subject and verb. */
static int clause_at(const pstate *s, int32_t i)
{
	if (i >= s->n)
		return 0;
	int32_t j = measure_np(s, i, 1);
	if (j < 0)
		return 0;
	/* A date is not a subject: "released Tuesday in the capital". */
	if ((wc(s, scan_chunk(s, i).end - 1) & PW_TIME) && tg(s, i) != POS_DT)
		return 0;
	for (int k = 0; k < 4 && j < s->n; k++) {
		pos_tag t = tg(s, j);
		if (t == POS_IN && !(wc(s, j) & (PW_SUB | PW_THAT))) {
			int32_t e = measure_np(s, j + 1, 1);
			if (e < 0)
				break;
			j = e;
		} else if (pos_is_adv(t)) {
			j++;
		} else {
			break;
		}
	}
	return j < s->n && is_finite(tg(s, j));
}

static void set_tag(pstate *s, int32_t i, pos_tag t)
{
	s->mt[i].tag = (uint8_t)t;
}

static int is_lower_word(const pstate *s, int32_t i)
{
	const char *f = s->t[i].form;
	return f && f[0] >= 'a' && f[0] <= 'z';
}

static int ends_with(const pstate *s, int32_t i, const char *suf)
{
	size_t n = s->t[i].len, m = strlen(suf);
	return n > m && !strcmp(s->t[i].form + n - m, suf);
}

/* Repairs tags that would leave a clause without its verb, in patterns a
 * lexicon tagger gets wrong and the context settles:
 *  - "celebrate May Day": a capitalised modal before a name is a name;
 *  - "would acting", "will wire tap the": a noun after a modal or base
 *    verb, before an object, is a verb;
 *  - "Fornost and Gondor welcome a resumption": a clause with no verb
 *    whose subject is followed by a noun and then an object;
 *  - "anti- Gondor": a hyphen glued to a word is a hyphen, not a colon. */
static void retag(pstate *s)
{
	for (int32_t i = 0; i < s->n; i++) {
		pos_tag t = tg(s, i), nx = tg(s, i + 1), n2 = tg(s, i + 2);
		if (t == POS_MD && i > 0 && (s->t[i].flags & TOK_F_CAP) &&
		    (nx == POS_NNP || nx == POS_NNPS || nx == POS_CD))
			set_tag(s, i, POS_NNP);
		else if (t == POS_COLON && s->t[i].len == 1 && s->t[i].form[0] == '-' &&
			 s->t[i].end > s->t[i].start &&
			 ((i > 0 && s->t[i - 1].end == s->t[i].start) ||
			  (i + 1 < s->n && s->t[i + 1].start == s->t[i].end)))
			set_tag(s, i, POS_HYPH);
		t = tg(s, i);
		if (t == POS_MD || t == POS_TO || t == POS_VB) {
			int32_t j = i + 1;
			if (t == POS_MD)
				while (j < s->n && j - i < 3 && pos_is_adv(tg(s, j)))
					j++;
			pos_tag u = tg(s, j), v = tg(s, j + 1);
			int obj = v == POS_DT || v == POS_PRPS;
			if (j >= s->n || !is_lower_word(s, j))
				continue;
			if (t == POS_MD && (u == POS_NN || u == POS_VBP || u == POS_JJ) &&
			    ends_with(s, j, "ing"))
				set_tag(s, j, POS_VBG);
			else if (t == POS_MD && (u == POS_NN || u == POS_VBP ||
						 (u == POS_JJ && obj)))
				set_tag(s, j, POS_VB);
			else if ((t == POS_TO || t == POS_VB) && u == POS_NN && obj &&
				 j == i + 1)
				set_tag(s, j, POS_VB);
		}
		/* "helping young militants join an armed group". */
		if (t == POS_NNS && nx == POS_NN && i + 1 < s->n &&
		    is_lower_word(s, i + 1) && !ends_with(s, i + 1, "s") &&
		    (n2 == POS_DT || n2 == POS_PRPS))
			set_tag(s, i + 1, POS_VBP);
	}
	/* A first clause without any verb. */
	int32_t k = 0;
	while (k < s->n && tg(s, k) != POS_COMMA && tg(s, k) != POS_COLON &&
	       !is_verbish(tg(s, k)))
		k++;
	if (k < s->n && is_verbish(tg(s, k)))
		return;
	for (int32_t j = 1; j + 1 < k; j++) {
		pos_tag p = tg(s, j - 1), t = tg(s, j), v = tg(s, j + 1);
		if ((p == POS_NNP || p == POS_NNPS || p == POS_NNS || p == POS_PRP) &&
		    (t == POS_NN || t == POS_NNS) && is_lower_word(s, j) &&
		    (v == POS_DT || v == POS_PRPS || v == POS_NNP || v == POS_CD)) {
			set_tag(s, j, t == POS_NN ? POS_VBP : POS_VBZ);
			return;
		}
	}
}

/* Marks commas that end a clause: after some verb, followed by (CC) NP and
 * a finite verb (", a senior official said"; ", but China remained"). */
static void mark(pstate *s)
{
	int verb = 0;
	for (int32_t i = 0; i < s->n; i++) {
		s->cls[i] = parse_word_class(&s->t[i]);
		if (verb)
			s->cls[i] |= PM_VERBBEFORE;
		if (is_verbish(tg(s, i)))
			verb = 1;
	}
	for (int32_t i = 0; i < s->n; i++) {
		if (tg(s, i) != POS_COMMA || !(s->cls[i] & PM_VERBBEFORE))
			continue;
		int32_t j = i + 1;
		if (tg(s, j) == POS_CC)
			j++;
		if (tg(s, j) == POS_LQUOTE || tg(s, j) == POS_RQUOTE)
			j++;
		if (!clause_at(s, j))
			continue;
		int32_t e = measure_np(s, j, 1);
		if (j == i + 1 && e > 0 && e - j <= 3 && is_finite(tg(s, e)) &&
		    tg(s, e + 1) == POS_COMMA)
			s->cls[i] |= PM_PRNCOMMA;
		else
			s->cls[i] |= PM_TOPCOMMA;
	}
}

/* ---- The descent -------------------------------------------------------- */

static int32_t p_np(pstate *s, int ctx);
static int32_t p_pp(pstate *s, int ctx);
static int32_t p_vp(pstate *s, int ctx);
static int32_t p_clause(pstate *s, int ctx);
static int32_t p_adjp(pstate *s, int ctx);

static int enter(pstate *s)
{
	if (s->rec >= PARSE_MAX_REC)
		return 0;
	s->rec++;
	return 1;
}

static void leave(pstate *s)
{
	s->rec--;
}

/* A participial or infinitival clause: (S (VP ...)). */
static int32_t p_svp(pstate *s, int ctx)
{
	int32_t vp = p_vp(s, ctx & ~C_TOP);
	if (vp < 0)
		return -1;
	return wrap(s, TREE_S, vp);
}

/* SBAR introduced by a complementiser or subordinator at s->p:
 * (SBAR (IN that) (S ...)). */
static int32_t p_sbar_in(pstate *s, int ctx)
{
	int32_t sb = nnew(s, TREE_SBAR, -1);
	leaf(s, sb);
	int32_t cl = p_clause(s, ctx & ~C_TOP);
	add(s, sb, cl);
	return sb;
}

/* Relative clause at s->p (which, who, that, when, in which ...). */
static int32_t p_relative(pstate *s, int ctx)
{
	int32_t sb = nnew(s, TREE_SBAR, -1);
	pos_tag t = tg(s, s->p);
	if (t == POS_IN || t == POS_TO) {
		int32_t wpp = nnew(s, TREE_WHPP, -1);
		leaf(s, wpp);
		int32_t wnp = nnew(s, TREE_WHNP, -1);
		leaf(s, wnp);
		add(s, wpp, wnp);
		add(s, sb, wpp);
	} else if (t == POS_WRB) {
		int32_t w = nnew(s, TREE_WHADVP, -1);
		leaf(s, w);
		add(s, sb, w);
	} else {
		int32_t w = nnew(s, TREE_WHNP, -1);
		leaf(s, w);
		add(s, sb, w);
	}
	add(s, sb, p_clause(s, ctx & ~C_TOP));
	return sb;
}

static int is_rel_word(const pstate *s, int32_t i)
{
	pos_tag t = tg(s, i);
	if (t == POS_WDT || t == POS_WP)
		return 1;
	if (t == POS_WRB)
		return 1;
	return 0;
}

/* Parenthesis at s->p (-LRB- ... -RRB-): (PRN (-LRB- () X (-RRB- ))). */
static int32_t p_prn(pstate *s, int ctx)
{
	int32_t prn = nnew(s, TREE_PRN, -1);
	leaf(s, prn);
	for (int guard = 0; s->p < s->n && guard < PARSE_LOOK; guard++) {
		pos_tag t = tg(s, s->p);
		if (t == POS_RRB) {
			leaf(s, prn);
			return prn;
		}
		if (t == POS_PERIOD)
			break;
		int32_t before = s->p, x = -1;
		if (clause_at(s, s->p))
			x = p_clause(s, ctx & ~C_TOP);
		else if (np_starts(s, s->p))
			x = p_np(s, ctx & ~(C_SUBJ | C_STOPCOMMA));
		else if (t == POS_IN || t == POS_TO)
			x = p_pp(s, ctx);
		else if (is_verbish(t))
			x = p_vp(s, ctx & ~C_TOP);
		add(s, prn, x);
		if (s->p == before)
			leaf(s, prn);
	}
	return prn;
}

/* Coordinated or listed noun phrases after first (at a CC or comma).
 * Returns the phrase that replaces first. */
static int32_t np_coord(pstate *s, int32_t first, int first_simple, int ctx)
{
	/* Look ahead: NP (, NP)* ,? CC NP ending the list. */
	int32_t j = s->p;
	int items = 0, ok = 0;
	for (int k = 0; k < 8 && j < s->n; k++) {
		if (tg(s, j) == POS_CC && (wc(s, j) & PW_NPCC)) {
			ok = measure_np(s, j + 1, 0) > 0;
			break;
		}
		if (tg(s, j) != POS_COMMA || (wc(s, j) & PM_TOPCOMMA))
			break;
		if (tg(s, j + 1) == POS_CC && (wc(s, j + 1) & PW_NPCC)) {
			ok = measure_np(s, j + 2, 0) > 0;
			break;
		}
		chunk c = scan_chunk(s, j + 1);
		if (!chunk_is_np(&c, j + 1))
			break;
		int32_t e = measure_np(s, j + 1, 0);
		j = e;
		items++;
	}
	(void)items;
	if (!ok)
		return first;
	/* Build: conjuncts and separators in order; flattened into one NP
	 * when every conjunct is a single noun ("Fornost and Gondor"). */
	int32_t item[64];
	int isconj[64];
	int ni = 0;
	int simple = first_simple;
	item[ni] = first;
	isconj[ni++] = 1;
	while (s->p < s->n && ni < 60) {
		pos_tag t = tg(s, s->p);
		if (!(t == POS_COMMA || (t == POS_CC && (wc(s, s->p) & PW_NPCC))))
			break;
		int last = (t == POS_CC);
		int32_t save_p = s->p, save_ni = ni;
		item[ni] = nnew(s, TREE_LEAF, s->p);
		isconj[ni++] = 0;
		s->p++;
		if (!last && tg(s, s->p) == POS_CC) {
			item[ni] = nnew(s, TREE_LEAF, s->p);
			isconj[ni++] = 0;
			s->p++;
			last = 1;
		}
		chunk c = scan_chunk(s, s->p);
		if (!chunk_is_np(&c, s->p)) {
			s->p = save_p; /* the separator is not ours */
			ni = save_ni;
			break;
		}
		if (!(c.words == 1 && c.nouns == 1))
			simple = 0;
		int32_t x = p_np(s, ((ctx | C_NOCOORD | C_STOPCOMMA) & ~C_SUBJ) |
				    ((ctx & C_SUBJ) ? C_SUBJCONJ : 0));
		if (s->p != c.end)
			simple = 0;
		if (x < 0) {
			s->p = save_p;
			ni = save_ni;
			break;
		}
		item[ni] = x;
		isconj[ni++] = 1;
		if (last)
			break;
	}
	int32_t np = nnew(s, TREE_NP, -1);
	for (int k = 0; k < ni; k++) {
		if (simple && isconj[k] && s->nd[item[k]].kind == TREE_NP) {
			int32_t ch = s->nd[item[k]].first;
			while (ch >= 0) {
				int32_t nx = s->nd[ch].next;
				add(s, np, ch);
				ch = nx;
			}
		} else {
			add(s, np, item[k]);
		}
	}
	return np;
}

/* Is the phrase starting at i after a comma an appositive that closes
 * (", the state's fiercest foe ,")? Returns its end or -1. */
static int32_t appositive_end(const pstate *s, int32_t i)
{
	chunk c = scan_chunk(s, i);
	if (!chunk_is_np(&c, i) || tg(s, i) == POS_PRP)
		return -1;
	int32_t e = measure_np(s, i, 1);
	if (e < 0)
		return -1;
	pos_tag t = tg(s, e);
	if (t == POS_WDT || t == POS_WP || (wc(s, e) & PW_THAT)) {
		/* ", a group that tracks the war ,": up to the next comma. */
		for (int32_t k = e + 1; k < s->n && k - e < PARSE_LOOK; k++) {
			if (tg(s, k) == POS_COMMA)
				return k;
			if (hard_stop(s, k))
				return -1;
		}
		return -1;
	}
	if (e >= s->n || t == POS_COMMA || t == POS_PERIOD || t == POS_RRB ||
	    t == POS_COLON || t == POS_RQUOTE)
		return e;
	return -1;
}

/* A full noun phrase at s->p, with its post-modifiers; -1 if none. */
static int32_t p_np(pstate *s, int ctx)
{
	chunk c = scan_chunk(s, s->p);
	if (!chunk_is_np(&c, s->p))
		return -1;
	if (!enter(s)) {
		int32_t np = nnew(s, TREE_NP, -1);
		while (s->p < c.end)
			leaf(s, np);
		return np;
	}
	int simple = c.words == 1 || (!c.det && !c.poss && c.nouns >= 1);
	int32_t np = build_chunk(s, &c);
	int32_t outer = -1; /* the NP(NP ...) wrapper once modifiers come */
#define OUTER() (outer >= 0 ? outer : (outer = wrap(s, TREE_NP, np)))
	for (int guard = 0; s->p < s->n && guard < PARSE_LOOK; guard++) {
		int32_t i = s->p;
		pos_tag t = tg(s, i);
		uint32_t w = wc(s, i);
		if (t == POS_IN && (w & PW_OF)) {
			int32_t pp = p_pp(s, (ctx & ~C_SUBJ) | C_INPP |
					     ((ctx & C_SUBJ) ? C_NOAPPOS : 0));
			if (pp < 0)
				break;
			add(s, OUTER(), pp);
			simple = 0;
			continue;
		}
		if (t == POS_CC && (w & PW_NPCC) && !(ctx & C_NOCOORD)) {
			if (measure_np(s, i + 1, 1) < 0)
				break;
			int32_t x = outer >= 0 ? outer : np;
			int32_t co = np_coord(s, x, simple && outer < 0, ctx);
			if (co == x)
				break;
			np = co;
			outer = -1;
			simple = 0;
			continue;
		}
		if (t == POS_COMMA && !(ctx & C_STOPCOMMA) && !(w & PM_TOPCOMMA)) {
			/* A list "A, B and C". */
			if (!(ctx & C_NOCOORD)) {
				int32_t x = outer >= 0 ? outer : np;
				int32_t co = np_coord(s, x, simple && outer < 0, ctx);
				if (co != x) {
					np = co;
					outer = -1;
					simple = 0;
					continue;
				}
			}
			/* ", which ..." relative clause. */
			if (is_rel_word(s, i + 1) && tg(s, i + 1) != POS_WRB) {
				int32_t o = OUTER();
				leaf(s, o);
				add(s, o, p_relative(s, (ctx & ~C_SUBJ) | C_STOPCOMMA));
				if (tg(s, s->p) == POS_COMMA && !(wc(s, s->p) & PM_TOPCOMMA) &&
				    ((ctx & C_SUBJ) || ((ctx & C_NOAPPOS) &&
							is_verbish(tg(s, s->p + 1))))) {
					leaf(s, o);
					break;
				}
				continue;
			}
			/* Appositive ", the state's fiercest foe ,". */
			int32_t e = (ctx & C_NOAPPOS) ? -1 : appositive_end(s, i + 1);
			if (e > 0) {
				int32_t o = OUTER();
				leaf(s, o);
				add(s, o, p_np(s, (ctx | C_STOPCOMMA | C_NOCOORD) & ~C_SUBJ));
				if (tg(s, s->p) == POS_COMMA && !(wc(s, s->p) & PM_TOPCOMMA)) {
					/* Closing comma belongs to the appositive unless a
					 * list or clause goes on after it. */
					if (ctx & C_SUBJ || is_verbish(tg(s, s->p + 1)) ||
					    tg(s, s->p + 1) == POS_IN) {
						leaf(s, o);
						break; /* the closing comma ends the phrase */
					}
				}
				simple = 0;
				continue;
			}
			/* Subject parenthetical ", in remarks published on Monday ,",
			 * ", imprisoned for acting against Moscow ,". */
			pos_tag n1 = tg(s, i + 1);
			if ((ctx & C_SUBJ) && (n1 == POS_IN || pos_is_adv(n1) ||
					       n1 == POS_VBN || n1 == POS_VBG)) {
				int32_t k = i + 1, found = 0;
				for (; k < s->n && k - i < PARSE_LOOK; k++) {
					if (tg(s, k) == POS_COMMA) {
						found = is_verbish(tg(s, k + 1));
						break;
					}
					if (hard_stop(s, k))
						break;
				}
				if (found) {
					int32_t o = OUTER();
					leaf(s, o);
					while (s->p < k) {
						int32_t before = s->p;
						pos_tag u = tg(s, s->p);
						int32_t x = -1;
						if (u == POS_IN || u == POS_TO)
							x = p_pp(s, C_STOPCOMMA);
						else if (u == POS_VBN || u == POS_VBG)
							x = p_vp(s, C_STOPCOMMA);
						else if (pos_is_adv(u)) {
							x = nnew(s, TREE_ADVP, -1);
							leaf(s, x);
						}
						add(s, o, x);
						if (s->p == before)
							leaf(s, o);
					}
					leaf(s, o);
					simple = 0;
					continue;
				}
			}
			break;
		}
		if (t == POS_LRB) {
			add(s, OUTER(), p_prn(s, ctx));
			continue;
		}
		if (t == POS_NNP && i == c.end && tg(s, i - 1) == POS_NNS && outer < 0) {
			/* "Old foes Gondor and Osgiliath": a name in apposition. */
			int32_t x = p_np(s, ctx & ~C_NOCOORD);
			if (x < 0)
				break;
			add(s, OUTER(), x);
			continue;
		}
		if ((t == POS_IN || t == POS_TO) && !(w & (PW_SUB | PW_THAT))) {
			/* "in which": a relative clause. */
			if (tg(s, i + 1) == POS_WDT || tg(s, i + 1) == POS_WP) {
				add(s, OUTER(), p_relative(s, ctx & ~C_SUBJ));
				continue;
			}
			int attach = 0;
			if (w & PW_NPPREP)
				attach = 1;
			else if (ctx & C_SUBJ)
				attach = 1;
			else if ((ctx & C_INPP) && t == POS_TO)
				attach = 1;
			else if ((ctx & C_INPP) && t == POS_IN) {
				/* Inside a PP, place-like PPs stay with the noun. */
				const char *u = s->t[i].upper;
				attach = !strcmp(u, "IN") || !strcmp(u, "AGAINST");
				/* ... but not a date: "on Thursday", "in May". */
				int32_t e = scan_chunk(s, i + 1).end;
				if (e > i + 1 && (wc(s, e - 1) & PW_TIME))
					attach = 0;
			}
			if (t == POS_TO && is_verbish(tg(s, i + 1)))
				attach = 0;
			if (!attach)
				break;
			int32_t pp = p_pp(s, (ctx & ~C_SUBJ) | C_INPP |
						 ((ctx & C_SUBJ) ? C_NOAPPOS : 0));
			if (pp < 0)
				break;
			add(s, OUTER(), pp);
			simple = 0;
			continue;
		}
		if (is_rel_word(s, i) || (t == POS_WDT)) {
			if (t == POS_WRB && !(ctx & C_INPP) && !clause_at(s, i + 1))
				break;
			if (i > 0 && (wc(s, i - 1) & PW_TIME))
				break; /* "hopes on Thursday that ..." */
			add(s, OUTER(), p_relative(s, ctx & ~C_SUBJ));
			continue;
		}
		if (w & PW_VBGPREP) {
			/* "the night following daylight raids". */
			if (!(ctx & (C_SUBJ | C_INPP)))
				break;
			add(s, OUTER(), p_pp(s, (ctx & ~C_SUBJ) | C_INPP));
			continue;
		}
		/* A past form after a noun, before a preposition or a date, that
		 * the tagger took for a finite verb: "a report released Tuesday
		 * in the capital alleged ...", "a missile believed to be ...". */
		int past_rel = t == POS_VBD && !(ctx & C_NOREL) && ends_with(s, i, "ed") &&
			       is_lower_word(s, i) && !(w & PW_SAY) &&
			       (tg(s, i + 1) == POS_IN || tg(s, i + 1) == POS_TO ||
				pos_is_adv(tg(s, i + 1)) || (wc(s, i + 1) & PW_TIME));
		if ((t == POS_VBN || (t == POS_VBG && !(ctx & C_INPP)) || past_rel) &&
		    !(ctx & C_NOREL)) {
			/* Reduced relative: "roads leading into Mordor", "memos sent
			 * by Bree". Inside a subject only if the clause's own verb
			 * follows (before a comma or a new clause). */
			if (ctx & (C_SUBJ | C_NOAPPOS | C_SUBJCONJ)) {
				int fin = 0;
				for (int32_t k = i + 1; k < s->n && k - i < PARSE_LOOK; k++) {
					pos_tag u = tg(s, k);
					if (is_finite(u)) {
						fin = 1;
						break;
					}
					if (hard_stop(s, k) || u == POS_COMMA || u == POS_CC ||
					    u == POS_WDT || u == POS_WP || u == POS_WRB ||
					    (wc(s, k) & (PW_THAT | PW_SUB)))
						break;
				}
				if (!fin)
					break;
			}
			if (past_rel)
				set_tag(s, i, POS_VBN);
			int32_t vp = p_vp(s, (ctx & ~(C_SUBJ | C_TOP)) | C_NOREL);
			if (vp < 0)
				break;
			add(s, OUTER(), vp);
			continue;
		}
		break;
	}
#undef OUTER
	leave(s);
	return outer >= 0 ? outer : np;
}

/* A prepositional phrase at s->p (IN or TO first). */
static int32_t p_pp(pstate *s, int ctx)
{
	if (!enter(s))
		return -1;
	int32_t pp = nnew(s, TREE_PP, -1);
	leaf(s, pp);
	int32_t i = s->p;
	pos_tag t = tg(s, i);
	int32_t x = -1;
	if (t == POS_VBG) {
		x = p_svp(s, ctx & ~(C_SUBJ | C_INPP));
	} else if ((t == POS_IN || t == POS_TO) && !(wc(s, i) & (PW_SUB | PW_THAT))) {
		x = p_pp(s, ctx);
	} else {
		x = p_np(s, (ctx & ~(C_SUBJ | C_NOCOORD | C_NOREL)) | C_INPP);
		if (x < 0 && pos_is_adj(t))
			x = p_adjp(s, ctx);
		if (x < 0 && pos_is_adv(t)) {
			x = nnew(s, TREE_ADVP, -1);
			leaf(s, x);
		}
	}
	add(s, pp, x);
	leave(s);
	return pp;
}

/* Adjectives without a noun: "shot dead", "unaware of ...". */
static int32_t p_adjp(pstate *s, int ctx)
{
	int32_t ad = nnew(s, TREE_ADJP, -1);
	while (pos_is_adj(tg(s, s->p)) ||
	       (tg(s, s->p) == POS_CC && pos_is_adj(tg(s, s->p + 1)) &&
		pos_is_adj(tg(s, s->p - 1))))
		leaf(s, ad);
	if (tg(s, s->p) == POS_IN && (wc(s, s->p) & PW_OF))
		add(s, ad, p_pp(s, (ctx & ~C_SUBJ) | C_INPP));
	else if (tg(s, s->p) == POS_TO && is_verbish(tg(s, s->p + 1)))
		add(s, ad, p_svp(s, ctx));
	return ad;
}

/* The verb's complements after its head, appended to vp. */
static void p_complements(pstate *s, int32_t vp, int ctx)
{
	int nobj = 0;
	int32_t last_np = -1;
	for (int guard = 0; s->p < s->n && guard < 4 * PARSE_LOOK; guard++) {
		int32_t i = s->p;
		pos_tag t = tg(s, i);
		uint32_t w = wc(s, i);
		if (hard_stop(s, i) || (w & PM_TOPCOMMA))
			return;
		if (t == POS_COMMA && (w & PM_PRNCOMMA) && !(ctx & C_STOPCOMMA)) {
			/* ", it seems ,": (PRN (, ,) (S ...) (, ,)). */
			int32_t prn = nnew(s, TREE_PRN, -1);
			leaf(s, prn);
			add(s, prn, p_clause(s, C_STOPCOMMA));
			if (tg(s, s->p) == POS_COMMA)
				leaf(s, prn);
			add(s, vp, prn);
			continue;
		}
		if (t == POS_COMMA) {
			if (ctx & C_STOPCOMMA)
				return;
			pos_tag nx = tg(s, i + 1);
			/* ", and promised ..." is the caller's coordination. */
			if (nx == POS_CC && is_verbish(tg(s, i + 2)))
				return;
			if (is_finite(nx))
				return;
			if (i + 1 >= s->n || hard_stop(s, i + 1))
				return;
			leaf(s, vp);
			last_np = -1;
			continue;
		}
		if (t == POS_CC) {
			int32_t j = i + 1;
			while (pos_is_adv(tg(s, j)) && j - i < 4)
				j++;
			if (is_verbish(tg(s, j)))
				return;
			if (clause_at(s, i + 1))
				return;
			if (tg(s, i + 1) == POS_IN || tg(s, i + 1) == POS_TO) {
				leaf(s, vp);
				continue;
			}
			return;
		}
		if (t == POS_LQUOTE || t == POS_RQUOTE) {
			leaf(s, vp);
			continue;
		}
		if (t == POS_RP) {
			int32_t prt = nnew(s, TREE_PRT, -1);
			leaf(s, prt);
			add(s, vp, prt);
			continue;
		}
		if (t == POS_LRB) {
			add(s, vp, p_prn(s, ctx));
			continue;
		}
		chunk c = scan_chunk(s, i);
		if (chunk_is_np(&c, i)) {
			if (clause_at(s, i)) {
				int32_t sb = nnew(s, TREE_SBAR, -1);
				add(s, sb, p_clause(s, ctx & ~C_TOP));
				add(s, vp, sb);
				last_np = -1;
				continue;
			}
			int32_t np = p_np(s, ctx & ~(C_SUBJ | C_INPP | C_NOREL | C_NOCOORD));
			if (np < 0)
				return;
			/* "almost five years after crowds trashed ...". */
			if ((wc(s, s->p) & PW_SUB) && tg(s, s->p) == POS_IN &&
			    (wc(s, c.end - 1) & PW_DURATION) && c.end == s->p &&
			    clause_at(s, s->p + 1)) {
				int32_t sb = nnew(s, TREE_SBAR, -1);
				add(s, sb, np);
				leaf(s, sb);
				add(s, sb, p_clause(s, ctx & ~C_TOP));
				add(s, vp, sb);
				continue;
			}
			add(s, vp, np);
			last_np = np;
			nobj++;
			continue;
		}
		if (pos_is_adj(t)) {
			add(s, vp, p_adjp(s, ctx));
			continue;
		}
		if (t == POS_IN) {
			if ((w & (PW_THAT | PW_WH)) ||
			    ((w & PW_SUB) && clause_at(s, i + 1))) {
				add(s, vp, p_sbar_in(s, ctx));
				continue;
			}
			if (tg(s, i + 1) == POS_WDT || tg(s, i + 1) == POS_WP) {
				add(s, vp, p_relative(s, ctx));
				continue;
			}
			if ((w & PW_ABOUT) && tg(s, i + 1) == POS_TO) {
				int32_t in = nnew(s, TREE_VP, -1);
				leaf(s, in);
				add(s, in, p_svp(s, ctx));
				add(s, vp, in);
				continue;
			}
			int32_t pp = p_pp(s, ctx & ~(C_SUBJ | C_NOREL));
			if (pp < 0)
				return;
			add(s, vp, pp);
			continue;
		}
		if (t == POS_TO) {
			if (is_verbish(tg(s, i + 1))) {
				add(s, vp, p_svp(s, ctx));
				continue;
			}
			int32_t pp = p_pp(s, ctx & ~(C_SUBJ | C_NOREL));
			if (pp < 0)
				return;
			add(s, vp, pp);
			continue;
		}
		if (t == POS_WDT && (w & PW_THAT)) {
			add(s, vp, p_sbar_in(s, ctx));
			continue;
		}
		if (t == POS_WDT || t == POS_WP || t == POS_WRB) {
			add(s, vp, p_relative(s, ctx));
			continue;
		}
		if (pos_is_adv(t)) {
			int32_t ad = nnew(s, TREE_ADVP, -1);
			while (pos_is_adv(tg(s, s->p)))
				leaf(s, ad);
			add(s, vp, ad);
			continue;
		}
		if (w & PW_VBGPREP) {
			add(s, vp, p_pp(s, ctx));
			continue;
		}
		if (t == POS_VBG || (t == POS_VBN && last_np < 0 && nobj == 0)) {
			add(s, vp, p_svp(s, ctx));
			continue;
		}
		if (t == POS_VBN) {
			add(s, vp, p_svp(s, ctx));
			continue;
		}
		return;
	}
}

static int tags_compatible(pos_tag a, pos_tag b)
{
	if (a == b)
		return 1;
	if ((a == POS_VBD && b == POS_VBN) || (a == POS_VBN && b == POS_VBD))
		return 1;
	if ((a == POS_VBZ && b == POS_VBP) || (a == POS_VBP && b == POS_VBZ))
		return 1;
	return 0;
}

/* A verb phrase whose head (MD, VBx or TO) is at s->p. */
static int32_t p_vp(pstate *s, int ctx)
{
	int32_t i = s->p;
	pos_tag ht = tg(s, i);
	if (!(is_verbish(ht) || ht == POS_TO))
		return -1;
	ctx &= C_STOPCOMMA | C_TOP;
	if (!enter(s))
		return -1;
	int32_t vp = nnew(s, TREE_VP, -1);
	uint32_t hw = wc(s, i);
	leaf(s, vp);
	int aux = ht == POS_MD || ht == POS_TO ||
		  (hw & (PW_BE | PW_HAVE | PW_DO)) ||
		  ((hw & PW_GET) && tg(s, s->p) == POS_VBN);
	uint8_t fl = 0;
	if (ht == POS_MD)
		fl |= TREE_F_MODAL;
	/* Adverbs inside the verb group: "will not ever", "did n't". */
	int32_t j = s->p;
	while (j < s->n && j - s->p < 4 && pos_is_adv(tg(s, j)))
		j++;
	int32_t nxv = j;
	if (aux && j < s->n && (pos_is_verb(tg(s, j)) || (ht == POS_MD && tg(s, j) == POS_VB))) {
		while (s->p < nxv) {
			uint32_t aw = wc(s, s->p);
			if (aw & PW_NEG)
				fl |= TREE_F_NEG;
			if (aw & PW_HEDGE)
				fl |= TREE_F_HEDGE;
			if ((aw & PW_NEG) || s->t[s->p].ulen <= 3)
				leaf(s, vp);
			else {
				int32_t ad = nnew(s, TREE_ADVP, -1);
				leaf(s, ad);
				add(s, vp, ad);
			}
		}
		int32_t child = p_vp(s, ctx & ~C_TOP);
		if (child >= 0) {
			s->nd[child].flags |= fl & (TREE_F_NEG | TREE_F_MODAL | TREE_F_HEDGE);
			if ((hw & (PW_BE | PW_GET)) && s->nd[child].first >= 0 &&
			    tg(s, s->nd[s->nd[child].first].tok) == POS_VBN)
				s->nd[child].flags |= TREE_F_PASSIVE;
			/* "is being drawn": passive through "being". */
			add(s, vp, child);
		}
	} else if (aux && (hw & PW_BE) && (wc(s, s->p) & PW_ABOUT) &&
		   tg(s, s->p + 1) == POS_TO) {
		/* "is about to restore": (VP (IN about) (S (VP (TO to) ...))). */
		int32_t in = nnew(s, TREE_VP, -1);
		leaf(s, in);
		add(s, in, p_svp(s, ctx));
		add(s, vp, in);
	} else {
		if (ht == POS_VBN && (hw & 0) == 0) {
			/* A bare participle: passive when "by" follows soon. */
		}
		if ((wc(s, s->p) & PW_NEG)) {
			fl |= TREE_F_NEG;
		}
		if (ht == POS_VB && tg(s, s->p) == POS_VB) {
			/* "wire tap": a verb compound, the second heads a VP. */
			add(s, vp, p_vp(s, ctx & ~C_TOP));
		} else {
			p_complements(s, vp, ctx);
		}
	}
	s->nd[vp].flags |= fl;
	/* Coordinated verb phrases: "condemned X and promised Y". */
	for (int guard = 0; guard < 8 && s->p < s->n; guard++) {
		int32_t k = s->p;
		int comma = 0;
		if (tg(s, k) == POS_COMMA && !(wc(s, k) & PM_TOPCOMMA) &&
		    !(ctx & C_STOPCOMMA) && (ctx & C_TOP) && tg(s, k + 1) == POS_CC) {
			comma = 1;
			k++;
		}
		if (tg(s, k) != POS_CC)
			break;
		int32_t v = k + 1;
		while (pos_is_adv(tg(s, v)) && v - k < 4)
			v++;
		pos_tag vt = tg(s, v);
		if (!is_verbish(vt))
			break;
		if (!(ctx & C_TOP) && !tags_compatible(ht, vt))
			break;
		if ((ctx & C_TOP) && !tags_compatible(ht, vt) && aux && ht != vt) {
			/* Let an inner verb phrase take a matching conjunct. */
		}
		int32_t co = nnew(s, TREE_VP, -1);
		add(s, co, vp);
		if (comma)
			leaf(s, co);
		leaf(s, co); /* CC */
		while (s->p < v) {
			int32_t ad = nnew(s, TREE_ADVP, -1);
			leaf(s, ad);
			add(s, co, ad);
		}
		int32_t second = p_vp(s, ctx & ~C_TOP);
		add(s, co, second);
		vp = co;
		if (second < 0)
			break;
	}
	leave(s);
	return vp;
}

/* A clause at s->p: fronted material, subject, adjuncts, verb phrase. */
static int32_t p_clause(pstate *s, int ctx)
{
	ctx &= C_STOPCOMMA | C_TOP;
	int32_t S = nnew(s, TREE_S, -1);
	if (!enter(s))
		return S;
	int32_t subj = -1;
	int32_t start = s->p;
	for (int guard = 0; s->p < s->n && guard < PARSE_LOOK; guard++) {
		int32_t i = s->p;
		pos_tag t = tg(s, i);
		uint32_t w = wc(s, i);
		if (hard_stop(s, i))
			break;
		if (t == POS_LQUOTE || t == POS_RQUOTE || (t == POS_CC && i == start)) {
			leaf(s, S);
			continue;
		}
		if (t == POS_COMMA) {
			if ((w & PM_TOPCOMMA) || (ctx & C_STOPCOMMA))
				break;
			if (subj >= 0) {
				/* "Details of the talks, which lasted ..., were". */
				if (!is_verbish(tg(s, i + 1)))
					break;
				leaf(s, S);
				continue;
			}
			if (s->p == start)
				break;
			leaf(s, S);
			continue;
		}
		if ((w & PW_VBGPREP) && subj < 0) {
			add(s, S, p_pp(s, ctx));
			continue;
		}
		if (is_verbish(t) && subj < 0 && (t == POS_VBN || t == POS_VBG) &&
		    s->p == start) {
			/* "Rebuked by X, Osgiliath is ...": a fronted participle. */
			int32_t sv = p_svp(s, ctx & ~C_TOP);
			add(s, S, sv);
			continue;
		}
		if (is_verbish(t) || t == POS_TO) {
			int32_t vp = p_vp(s, ctx);
			add(s, S, vp);
			break;
		}
		if (t == POS_IN && (w & PW_SUB) && subj < 0 && clause_at(s, i + 1)) {
			add(s, S, p_sbar_in(s, ctx & ~C_TOP));
			continue;
		}
		if ((t == POS_IN || t == POS_TO) && !(w & PW_THAT)) {
			if (subj < 0 && tg(s, i + 1) == POS_VBG) {
				add(s, S, p_pp(s, ctx));
				continue;
			}
			int32_t pp = p_pp(s, ctx & ~C_SUBJ);
			if (pp < 0)
				break;
			add(s, S, pp);
			continue;
		}
		if (pos_is_adv(t)) {
			int32_t ad = nnew(s, TREE_ADVP, -1);
			while (pos_is_adv(tg(s, s->p)))
				leaf(s, ad);
			add(s, S, ad);
			continue;
		}
		if (subj < 0) {
			chunk c = scan_chunk(s, i);
			if (chunk_is_np(&c, i)) {
				/* "Last month Pyongyang allowed": a date before the
				 * subject is an adjunct. */
				if ((wc(s, c.end - 1) & PW_TIME) && np_starts(s, c.end)) {
					int32_t tmp = nnew(s, TREE_NP, -1);
					while (s->p < c.end)
						leaf(s, tmp);
					add(s, S, tmp);
					continue;
				}
				subj = p_np(s, (ctx & ~(C_INPP | C_NOCOORD | C_NOREL)) | C_SUBJ);
				add(s, S, subj);
				continue;
			}
			if (pos_is_adj(t)) {
				add(s, S, p_adjp(s, ctx));
				continue;
			}
		}
		break;
	}
	/* Clause coordination: "... but China remained mum". */
	for (int guard = 0; guard < 8 && s->p < s->n; guard++) {
		int32_t k = s->p;
		if (tg(s, k) != POS_CC || !clause_at(s, k + 1) || s->nd[S].first < 0)
			break;
		int32_t co = nnew(s, TREE_S, -1);
		add(s, co, S);
		leaf(s, co);
		add(s, co, p_clause(s, ctx & ~C_TOP));
		S = co;
	}
	leave(s);
	return S;
}

/* ---- Output ------------------------------------------------------------ */

/* Copies node x under tree parent tp; deeper than the reader's limit,
 * subtrees are flattened to their leaves. */
static void emit(const pstate *s, tree *t, int32_t x, int32_t tp, int depth)
{
	const pnode *n = &s->nd[x];
	if (n->kind == TREE_LEAF) {
		tree_add_leaf(t, tp, n->tok);
		return;
	}
	if (n->first < 0)
		return; /* an empty phrase helps nobody */
	if (depth >= PTB_MAX_DEPTH - 2) {
		for (int32_t k = n->first; k >= 0; k = s->nd[k].next)
			emit(s, t, k, tp, depth);
		return;
	}
	int32_t prev = t->nodes[tp].last;
	int32_t me = tree_add(t, tp, (tree_kind)n->kind);
	t->nodes[me].flags = n->flags;
	for (int32_t k = n->first; k >= 0; k = s->nd[k].next)
		emit(s, t, k, me, depth + 1);
	if (t->nodes[me].first < 0) {
		/* Only empty phrases below: drop it (it is the newest node). */
		t->nodes[tp].last = prev;
		if (prev >= 0)
			t->nodes[prev].next = -1;
		else
			t->nodes[tp].first = -1;
		t->n--;
	}
}

/* ---- Temporal noun phrases ------------------------------------------- */

static int word_in(const char *w, const char *const *list)
{
	/* Every time word is 3 to 9 letters and starts with a capital; most
	 * tokens are rejected before any comparison. */
	size_t n = strlen(w);
	if (n < 1 || n > 10 || w[0] < 'A' || w[0] > 'Z')
		return 0;
	for (; *list; list++) {
		if ((*list)[0] == w[0] && strcmp(w, *list) == 0)
			return 1;
	}
	return 0;
}

static const char *const time_nouns[] = {
	"TODAY", "YESTERDAY", "TOMORROW", "TONIGHT", "MONDAY", "TUESDAY",
	"WEDNESDAY", "THURSDAY", "FRIDAY", "SATURDAY", "SUNDAY", "WEEK", "WEEKS",
	"WEEKEND", "MONTH", "MONTHS", "YEAR", "YEARS", "DECADE", "DECADES",
	"DAY", "DAYS", "MORNING", "AFTERNOON", "EVENING", "NIGHT", "HOURS",
	"HOUR", "MINUTES", "JANUARY", "FEBRUARY", "MARCH", "APRIL", "JUNE",
	"JULY", "AUGUST", "SEPTEMBER", "OCTOBER", "NOVEMBER", "DECEMBER",
	"JAN.", "FEB.", "MAR.", "APR.", "AUG.", "SEPT.", "SEP.", "OCT.", "NOV.",
	"DEC.", "SPRING", "SUMMER", "AUTUMN", "WINTER", "CENTURY", NULL};
static const char *const time_modifiers[] = {
	"NEXT", "LAST", "PAST", "COMING", "EARLY", "LATE", "PREVIOUS",
	"RECENT", "SAME", "FOLLOWING", "THIS", "THAT", "THE", "A", "EACH",
	"EVERY", "SEVERAL", "FEW", "MANY", "ALMOST", "NEARLY", "ABOUT", "SOME",
	"MID", NULL};

/* Whether every word under node i is a time word or a time modifier, with
 * at least one time noun (returned in *noun). */
static int all_time(const tree *t, int32_t i, int *noun, int depth)
{
	const tree_node *x = &t->nodes[i];
	if (depth > 64)
		return 0;
	if (x->kind == TREE_LEAF) {
		const tok_token *k = &t->toks[x->tok];
		if (word_in(k->upper, time_nouns)) {
			*noun = 1;
			return 1;
		}
		return k->tag == POS_CD || k->tag == POS_POS ||
		       word_in(k->upper, time_modifiers);
	}
	if (x->kind != TREE_NP && x->kind != TREE_QP && x->kind != TREE_ADJP &&
	    x->kind != TREE_NX)
		return 0;
	for (int32_t k = x->first; k >= 0; k = t->nodes[k].next) {
		if (!all_time(t, k, noun, depth + 1))
			return 0;
	}
	return 1;
}

/* Marks bare NPs that only name a time ("today", "next week", "five
 * years after") as the Treebank's NP-TMP: they are never actors. As in the
 * Treebank, the object of a preposition ("on Monday") is a plain NP. */
static void mark_temporal(tree *t)
{
	for (int32_t i = 0; i < t->n; i++) {
		if (t->nodes[i].kind != TREE_NP)
			continue;
		int32_t p = t->nodes[i].parent;
		if (p >= 0 && t->nodes[p].kind == TREE_PP)
			continue;
		int noun = 0;
		if (all_time(t, i, &noun, 0) && noun)
			t->nodes[i].flags |= TREE_F_TEMPORAL;
	}
}

void parse_sentence(arena *a, tok_token *toks, int32_t n, tree *t)
{
	tree_init(t, a, toks, n);
	int32_t root_t = tree_add(t, -1, TREE_ROOT);
	if (n <= 0)
		return;
	pstate st = {0};
	pstate *s = &st;
	s->a = a;
	s->t = toks;
	s->mt = toks;
	s->n = n;
	s->cls = arena_alloc(a, (size_t)n * sizeof *s->cls);
	s->cap = 4 * n + 16;
	s->nd = arena_alloc(a, (size_t)s->cap * sizeof *s->nd);
	retag(s);
	mark(s);
	int32_t top = p_clause(s, C_TOP);
	int32_t outer = -1;
	int32_t last_unit = top;
	int last_plain = 0; /* last unit came after a plain comma */
	while (s->p < n) {
		int32_t i = s->p;
		pos_tag tt = tg(s, i);
		if (outer < 0) {
			if (tt == POS_PERIOD && i == n - 1 && s->nd[top].kind == TREE_S &&
			    s->nd[top].first >= 0) {
				leaf(s, top);
				continue;
			}
			outer = wrap(s, TREE_S, top);
		}
		if (tt == POS_COMMA || tt == POS_COLON) {
			leaf(s, outer);
			int cc = 0;
			if (tg(s, s->p) == POS_CC) {
				leaf(s, outer);
				cc = 1;
			}
			int32_t before = s->p;
			int32_t u = p_clause(s, C_TOP);
			if (s->p > before) {
				add(s, outer, u);
				last_unit = u;
				last_plain = !cc && tt == POS_COMMA;
			}
			continue;
		}
		int32_t before = s->p;
		if (!hard_stop(s, i) && tt != POS_COMMA) {
			int32_t u = p_clause(s, C_TOP);
			if (s->p > before) {
				add(s, outer, u);
				last_unit = u;
				last_plain = 0;
				continue;
			}
		}
		leaf(s, outer);
	}
	/* ", a senior official said ." : the reporting clause's NP and VP
	 * are children of the outer S, as in the Treebank. */
	if (outer >= 0 && last_plain && last_unit >= 0 &&
	    s->nd[last_unit].kind == TREE_S) {
		int has_vp = 0;
		for (int32_t k = s->nd[last_unit].first; k >= 0; k = s->nd[k].next)
			if (s->nd[k].kind == TREE_VP)
				has_vp = 1;
		if (has_vp) {
			/* Replace last_unit in outer's child list by its children. */
			int32_t prev = -1, k = s->nd[outer].first;
			while (k >= 0 && k != last_unit) {
				prev = k;
				k = s->nd[k].next;
			}
			if (k == last_unit && s->nd[last_unit].first >= 0) {
				int32_t after = s->nd[last_unit].next;
				int32_t f = s->nd[last_unit].first, l = s->nd[last_unit].last;
				if (prev >= 0)
					s->nd[prev].next = f;
				else
					s->nd[outer].first = f;
				s->nd[l].next = after;
				if (s->nd[outer].last == last_unit)
					s->nd[outer].last = after >= 0 ? s->nd[outer].last : l;
			}
		}
	}
	(void)nchildren;
	emit(s, t, outer >= 0 ? outer : top, root_t, 1);
	mark_temporal(t);
}

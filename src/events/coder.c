/*
 * coder.c - PETRARCH-style event coding over a flattened tree.
 *
 * Sections: flattening (tree -> items and NEs), comma-clause deletion, actor
 * codes, pattern matching, source/target selection, event generation, and
 * the verb loop that ties them together. Section numbers (§) refer to
 * ../shared/docs/petrarch-semantics.md.
 */
#include "coder.h"
#include "../actors/actor.h"

#include <stdlib.h>
#include <string.h>

/* ---- The flat sequence ------------------------------------------------ */

enum item_kind {
	IT_WORD, IT_NE_OPEN, IT_NE_CLOSE, IT_VP_OPEN, IT_VP_CLOSE,
	IT_S_OPEN, IT_S_CLOSE /* clause boundaries (news syntax only) */
};

typedef struct item {
	uint8_t kind;    /* item_kind */
	uint8_t comma;   /* WORD: a clause-level comma */
	uint8_t verb;    /* WORD: the first child of a VP, tagged VB* */
	uint8_t del;     /* marked for deletion */
	int32_t tok;     /* WORD: token index */
	int32_t ne;      /* NE markers: NE index */
	int32_t partner; /* markers: index of the matching marker */
} item;

/* One sentence being coded; everything is in the sentence arena. */
typedef struct coder {
	const dict *d;          /* borrowed dictionaries */
	arena *a;               /* borrowed sentence arena */
	const tree *t;          /* borrowed tree (tokens' word ids filled) */
	const doc_settings *s;  /* borrowed settings */
	cd_context ctx;         /* the story so far, with this sentence's
	                           actors added as they are coded */
	int has_ctx;            /* a context was given */
	int32_t date;           /* sentence date YYYYMMDD, 0 unknown */
	buf *ex;                /* explanation sink, or NULL */
	item *it;               /* the flat sequence */
	int32_t n, cap;
	cd_ne *nes;             /* NEs */
	int32_t nne, capne;
	cd_event *ev;           /* events */
	int32_t nev, capev;
	int hedged;             /* the sentence reports its events as
	                           unconfirmed */
	int nominal;            /* events being made come from a noun */
	int32_t *used_lo, *used_hi; /* item ranges a fired pattern read */
	int32_t nused, capused;
	int32_t *coded_lo, *coded_hi; /* item ranges of verbs that made events */
	int32_t ncoded, capcoded;
} coder;

static void push_item(coder *c, item x)
{
	arena_grow(c->a, (void **)&c->it, c->n, &c->cap, 64, sizeof *c->it);
	x.partner = -1;
	c->it[c->n++] = x;
}

static int32_t new_ne(coder *c)
{
	arena_grow(c->a, (void **)&c->nes, c->nne, &c->capne, 16, sizeof *c->nes);
	cd_ne *e = &c->nes[c->nne];
	memset(e, 0, sizeof *e);
	e->parent = -1;
	e->open = e->close = -1;
	e->code = "---";
	return c->nne++;
}

static const tree_node *node(const coder *c, int32_t i)
{
	return &c->t->nodes[i];
}

static const tok_token *leaf_tok(const coder *c, int32_t i)
{
	return &c->t->toks[node(c, i)->tok];
}

static int is_clause(tree_kind k)
{
	return k == TREE_S || k == TREE_SBAR || k == TREE_SINV ||
	       k == TREE_SQ || k == TREE_SBARQ || k == TREE_VP ||
	       k == TREE_RRC || k == TREE_FRAG;
}

/* Counts nodes whose label starts with N (NP, NN*, NX, NAC) in the subtree,
 * the node included, and notes clauses; CD conjuncts are counted apart. */
static void np_census(const coder *c, int32_t i, int *nlab, int *clause,
		      int depth)
{
	const tree_node *x = node(c, i);
	if (depth > 200)
		return;
	if (x->kind == TREE_LEAF) {
		if (pos_is_noun((pos_tag)leaf_tok(c, i)->tag))
			(*nlab)++;
		return;
	}
	if (x->kind == TREE_NP || x->kind == TREE_NX || x->kind == TREE_NAC)
		(*nlab)++;
	if (is_clause((tree_kind)x->kind))
		*clause = 1;
	for (int32_t k = x->first; k >= 0; k = node(c, k)->next)
		np_census(c, k, nlab, clause, depth + 1);
}

/* A growable list of ints in the arena. */
typedef struct ilist {
	int32_t *v;
	int32_t n, cap;
} ilist;

static void ipush(arena *a, ilist *l, int32_t x)
{
	arena_grow(a, (void **)&l->v, l->n, &l->cap, 16, sizeof *l->v);
	l->v[l->n++] = x;
}

/* The single CC child of an NP, or -1 (none, or several). */
static int32_t single_cc(const coder *c, int32_t np)
{
	int32_t cc = -1;
	for (int32_t k = node(c, np)->first; k >= 0; k = node(c, k)->next) {
		const tree_node *x = node(c, k);
		if (x->kind == TREE_LEAF && leaf_tok(c, k)->tag == POS_CC) {
			if (cc >= 0)
				return -1;
			cc = k;
		}
	}
	return cc;
}

static int is_common_noun(pos_tag t)
{
	return t == POS_NN || t == POS_NNS;
}

/* The leaves of children [from, to) of a node, in order, into out. */
static void side_leaves(const coder *c, int32_t from, int32_t to, ilist *out)
{
	for (int32_t k = from; k >= 0 && k != to; k = node(c, k)->next) {
		if (node(c, k)->kind == TREE_LEAF)
			ipush(c->a, out, k);
		else if (node(c, k)->kind == TREE_NP || node(c, k)->kind == TREE_NX ||
			 node(c, k)->kind == TREE_ADJP)
			side_leaves(c, node(c, k)->first, -1, out);
		else
			ipush(c->a, out, -1); /* a clause or PP: not a modifier */
	}
}

/* News syntax: coordinated modifiers sharing one head noun, "Japanese and
 * North Korean officials" (conjuncts wrapped in NPs or not): before the CC
 * only modifiers (adjectives, proper nouns, a leading determiner), after it
 * modifiers ending in a common noun, with no determiner of their own.
 * Returns the head leaf and fills left/right with the leaves of each side
 * (the caller's lists may be NULL), or returns -1. */
static int32_t shared_head(const coder *c, int32_t np, ilist *left, ilist *right)
{
	int32_t cc = single_cc(c, np);
	ilist l = {0}, r = {0};
	if (cc < 0) {
		/* the modifiers coordinated in an ADJP of their own: "(NP
		 * (ADJP Indian and Chinese) troops)" */
		int32_t adjp = node(c, np)->first;
		if (adjp < 0 || node(c, adjp)->kind != TREE_ADJP || node(c, adjp)->next < 0)
			return -1;
		int32_t acc = single_cc(c, adjp);
		if (acc < 0 || node(c, adjp)->first == acc || node(c, acc)->next < 0)
			return -1;
		side_leaves(c, node(c, adjp)->first, acc, &l);
		side_leaves(c, node(c, acc)->next, -1, &r);
		side_leaves(c, node(c, adjp)->next, -1, &r);
	} else {
		if (node(c, np)->first == cc || node(c, cc)->next < 0)
			return -1;
		side_leaves(c, node(c, np)->first, cc, &l);
		side_leaves(c, node(c, cc)->next, -1, &r);
	}
	if (l.n == 0 || r.n < 2)
		return -1;
	for (int32_t k = 0; k < l.n; k++) {
		if (l.v[k] < 0)
			return -1;
		pos_tag t = (pos_tag)leaf_tok(c, l.v[k])->tag;
		if (t == POS_DT && k == 0)
			continue;
		if (!pos_is_adj(t) && t != POS_NNP && t != POS_NNPS && t != POS_HYPH)
			return -1;
	}
	for (int32_t k = 0; k < r.n; k++) {
		if (r.v[k] < 0)
			return -1;
		pos_tag t = (pos_tag)leaf_tok(c, r.v[k])->tag;
		if (k == r.n - 1)
			break;
		if (!pos_is_adj(t) && t != POS_NNP && t != POS_NNPS && t != POS_HYPH)
			return -1;
	}
	int32_t head = r.v[r.n - 1];
	if (!is_common_noun((pos_tag)leaf_tok(c, head)->tag))
		return -1;
	if (left)
		*left = l;
	if (right)
		*right = r;
	return head;
}

/* §0: a compound is an NP with a single CC child, at least three N-labels
 * (itself included) and no clause inside; CD lists never are. */
static int is_compound(const coder *c, int32_t np)
{
	if (c->s->news_syntax && shared_head(c, np, NULL, NULL) >= 0)
		return 1;
	int ncc = 0, ncd = 0, nmem = 0;
	for (int32_t k = node(c, np)->first; k >= 0; k = node(c, k)->next) {
		const tree_node *x = node(c, k);
		if (x->kind == TREE_LEAF) {
			pos_tag tg = (pos_tag)leaf_tok(c, k)->tag;
			if (tg == POS_CC)
				ncc++;
			else if (tg == POS_CD)
				ncd++;
			else if (pos_is_noun(tg))
				nmem++;
		} else if (x->kind == TREE_NP) {
			nmem++;
		}
	}
	if (ncc != 1 || nmem < 2 || (ncd > 0 && ncd >= nmem))
		return 0;
	int nlab = 0, clause = 0;
	np_census(c, np, &nlab, &clause, 0);
	return nlab >= 3 && !clause;
}

/* How many PP levels hang below a PP, through NPs (clauses stop it). */
static int pp_levels(const coder *c, int32_t i, int depth)
{
	const tree_node *x = node(c, i);
	if (x->kind == TREE_LEAF || depth > 200 || is_clause((tree_kind)x->kind))
		return 0;
	int best = 0;
	for (int32_t k = x->first; k >= 0; k = node(c, k)->next) {
		int l = pp_levels(c, k, depth + 1);
		if (l > best)
			best = l;
	}
	return best + (x->kind == TREE_PP);
}

static void flatten(coder *c, int32_t i, int depth);
static void subtree_tokens(coder *c, int32_t i, ilist *out, int depth);

#define MAX_COMPOUNDS 4 /* compound NPs combined in one NE */
#define MAX_PARTS 16    /* members taken from one compound NP */

/* Collects the tokens of an NE from NP i: possessives dropped, NP and
 * single-level PP children merged, clauses and deeper PPs set aside (they
 * are flattened after the NE). compounds receives the compound NPs found
 * below the top, outermost only (for "envoys of A, B and C"). */
static void ne_collect(coder *c, int32_t i, ilist *toks, ilist *after,
		       ilist *compounds, int depth)
{
	if (depth > 200)
		return;
	for (int32_t k = node(c, i)->first; k >= 0; k = node(c, k)->next) {
		const tree_node *x = node(c, k);
		tree_kind kind = (tree_kind)x->kind;
		if (kind == TREE_LEAF) {
			if (leaf_tok(c, k)->tag != POS_POS)
				ipush(c->a, toks, x->tok);
			continue;
		}
		if (is_clause(kind)) {
			ipush(c->a, after, k);
			continue;
		}
		if (kind == TREE_PP && pp_levels(c, k, 0) > 1) {
			ipush(c->a, after, k);
			continue;
		}
		if (kind == TREE_NP && is_compound(c, k)) {
			if (compounds->n < MAX_COMPOUNDS)
				ipush(c->a, compounds, k);
			subtree_tokens(c, k, toks, depth + 1);
			continue;
		}
		ne_collect(c, k, toks, after, compounds, depth + 1);
	}
}

/* The tokens of a subtree, possessives dropped. */
static void subtree_tokens(coder *c, int32_t i, ilist *out, int depth)
{
	const tree_node *x = node(c, i);
	if (depth > 200)
		return;
	if (x->kind == TREE_LEAF) {
		if (leaf_tok(c, i)->tag != POS_POS)
			ipush(c->a, out, x->tok);
		return;
	}
	for (int32_t k = x->first; k >= 0; k = node(c, k)->next)
		subtree_tokens(c, k, out, depth + 1);
}

/* The member token lists of compound NP cnp: each NP or noun child, with
 * the adjectives and determiners before the first member shared by all. */
static int32_t compound_parts(coder *c, int32_t cnp, ilist *parts, int32_t max)
{
	ilist shared_pre = {0};
	int32_t n = 0;
	int seen_member = 0;
	ilist l = {0}, r = {0};
	int32_t head = c->s->news_syntax ? shared_head(c, cnp, &l, &r) : -1;
	if (head >= 0 && max >= 2) {
		/* [left modifiers] + head, [right modifiers + head] */
		memset(parts, 0, 2 * sizeof *parts);
		for (int32_t k = 0; k < l.n; k++) {
			if (leaf_tok(c, l.v[k])->tag != POS_DT)
				ipush(c->a, &parts[0], node(c, l.v[k])->tok);
		}
		ipush(c->a, &parts[0], node(c, head)->tok);
		for (int32_t k = 0; k < r.n; k++)
			ipush(c->a, &parts[1], node(c, r.v[k])->tok);
		return 2;
	}
	for (int32_t k = node(c, cnp)->first; k >= 0; k = node(c, k)->next) {
		const tree_node *x = node(c, k);
		int member = x->kind == TREE_NP || x->kind == TREE_NX ||
			     (x->kind == TREE_LEAF && pos_is_noun((pos_tag)leaf_tok(c, k)->tag));
		if (member) {
			if (n == max)
				break;
			seen_member = 1;
			memset(&parts[n], 0, sizeof parts[n]);
			for (int32_t j = 0; j < shared_pre.n; j++)
				ipush(c->a, &parts[n], shared_pre.v[j]);
			subtree_tokens(c, k, &parts[n], 0);
			n++;
		} else if (!seen_member && x->kind != TREE_LEAF) {
			subtree_tokens(c, k, &shared_pre, 0);
		} else if (!seen_member) {
			pos_tag tg = (pos_tag)leaf_tok(c, k)->tag;
			if (tg != POS_CC && tg != POS_COMMA && tg != POS_POS)
				ipush(c->a, &shared_pre, x->tok);
		}
	}
	return n;
}

static int cmp_i32(const void *a, const void *b)
{
	int32_t x = *(const int32_t *)a, y = *(const int32_t *)b;
	return (x > y) - (x < y);
}


/* Makes NE ne a compound whose members are every combination of one member
 * of each compound NP in cnps[] plus the NE's words outside them: "envoys
 * of A, B and C" gives three members that all carry "envoys"; "lawmakers
 * and officials in A and B" gives four. */
static void make_members(coder *c, int32_t ne, const int32_t *cnps, int32_t ncnp,
			 const ilist *all)
{
	ilist parts[MAX_COMPOUNDS][MAX_PARTS];
	int32_t nparts[MAX_COMPOUNDS];
	int32_t lo[MAX_COMPOUNDS], hi[MAX_COMPOUNDS];
	int32_t combos = 1;
	for (int32_t k = 0; k < ncnp; k++) {
		nparts[k] = compound_parts(c, cnps[k], parts[k], MAX_PARTS);
		tree_span(c->t, cnps[k], &lo[k], &hi[k]);
		if (nparts[k] == 0)
			nparts[k] = 1, parts[k][0] = (ilist){0};
		if (combos * nparts[k] <= 64)
			combos *= nparts[k];
	}
	ilist outer = {0};
	for (int32_t j = 0; j < all->n; j++) {
		int inside = 0;
		for (int32_t k = 0; k < ncnp; k++)
			inside |= all->v[j] >= lo[k] && all->v[j] < hi[k];
		if (!inside)
			ipush(c->a, &outer, all->v[j]);
	}
	ilist members = {0};
	for (int32_t m = 0; m < combos; m++) {
		int32_t me = new_ne(c);
		ilist tk = {0};
		for (int32_t j = 0; j < outer.n; j++)
			ipush(c->a, &tk, outer.v[j]);
		int32_t r = m;
		for (int32_t k = 0; k < ncnp; k++) {
			const ilist *p = &parts[k][r % nparts[k]];
			r /= nparts[k];
			for (int32_t j = 0; j < p->n; j++)
				ipush(c->a, &tk, p->v[j]);
		}
		if (tk.n > 1)
			qsort(tk.v, (size_t)tk.n, sizeof *tk.v, cmp_i32);
		c->nes[me].toks = tk.v;
		c->nes[me].ntok = tk.n;
		c->nes[me].parent = ne;
		ipush(c->a, &members, me);
	}
	c->nes[ne].compound = 1;
	c->nes[ne].members = members.v;
	c->nes[ne].nmembers = members.n;
	c->nes[ne].code = NULL;
}

static void flatten_np(coder *c, int32_t np, int depth)
{
	ilist toks = {0}, after = {0}, compounds = {0};
	int self_compound = is_compound(c, np);
	ne_collect(c, np, &toks, &after, &compounds, depth);
	if (toks.n == 0) {
		for (int32_t k = 0; k < after.n; k++)
			flatten(c, after.v[k], depth + 1);
		return;
	}
	int32_t ne = new_ne(c);
	c->nes[ne].toks = toks.v;
	c->nes[ne].ntok = toks.n;
	if (self_compound)
		make_members(c, ne, &np, 1, &toks);
	else if (compounds.n > 0)
		make_members(c, ne, compounds.v, compounds.n, &toks);
	push_item(c, (item){.kind = IT_NE_OPEN, .ne = ne, .tok = -1});
	for (int32_t k = 0; k < toks.n; k++)
		push_item(c, (item){.kind = IT_WORD, .tok = toks.v[k], .ne = ne});
	push_item(c, (item){.kind = IT_NE_CLOSE, .ne = ne, .tok = -1});
	for (int32_t k = 0; k < after.n; k++)
		flatten(c, after.v[k], depth + 1);
}

static void flatten(coder *c, int32_t i, int depth)
{
	const tree_node *x = node(c, i);
	if (depth > 400)
		return;
	switch ((tree_kind)x->kind) {
	case TREE_LEAF: {
		const tok_token *tk = &c->t->toks[x->tok];
		if (tk->tag == POS_POS)
			return;
		push_item(c, (item){.kind = IT_WORD, .tok = x->tok, .ne = -1,
				    .comma = tk->tag == POS_COMMA});
		return;
	}
	case TREE_NP:
		if (x->flags & TREE_F_TEMPORAL)
			break; /* a time, not an actor: plain words */
		flatten_np(c, i, depth);
		return;
	case TREE_VP: {
		push_item(c, (item){.kind = IT_VP_OPEN, .tok = -1, .ne = -1});
		int first = 1;
		for (int32_t k = x->first; k >= 0; k = node(c, k)->next) {
			const tree_node *y = node(c, k);
			if (first && y->kind == TREE_LEAF &&
			    pos_is_verb((pos_tag)leaf_tok(c, k)->tag)) {
				push_item(c, (item){.kind = IT_WORD, .tok = y->tok,
						    .ne = -1, .verb = 1});
			} else {
				flatten(c, k, depth + 1);
			}
			first = 0;
		}
		push_item(c, (item){.kind = IT_VP_CLOSE, .tok = -1, .ne = -1});
		return;
	}
	case TREE_S:
	case TREE_SBAR:
	case TREE_SINV:
	case TREE_SQ:
	case TREE_SBARQ:
		if (c->s->news_syntax) {
			push_item(c, (item){.kind = IT_S_OPEN, .tok = -1, .ne = -1});
			for (int32_t k = x->first; k >= 0; k = node(c, k)->next)
				flatten(c, k, depth + 1);
			push_item(c, (item){.kind = IT_S_CLOSE, .tok = -1, .ne = -1});
			return;
		}
		break;
	default:
		break;
	}
	for (int32_t k = x->first; k >= 0; k = node(c, k)->next)
		flatten(c, k, depth + 1);
}

/* Pairs markers (they nest) and records NE open/close indices. */
static void link_markers(coder *c)
{
	int32_t *stack = arena_alloc(c->a, (size_t)(c->n + 1) * sizeof *stack);
	int32_t sp = 0;
	for (int32_t i = 0; i < c->n; i++) {
		item *x = &c->it[i];
		x->partner = -1;
		if (x->kind == IT_NE_OPEN || x->kind == IT_VP_OPEN || x->kind == IT_S_OPEN) {
			stack[sp++] = i;
		} else if ((x->kind == IT_NE_CLOSE || x->kind == IT_VP_CLOSE ||
			    x->kind == IT_S_CLOSE) && sp > 0) {
			int32_t o = stack[--sp];
			c->it[o].partner = i;
			x->partner = o;
		}
		if (x->kind == IT_NE_OPEN)
			c->nes[x->ne].open = i;
		else if (x->kind == IT_NE_CLOSE)
			c->nes[x->ne].close = i;
	}
}

/* ---- Comma clauses (§5) ----------------------------------------------- */

static int is_word(const coder *c, const item *x)
{
	if (x->kind != IT_WORD)
		return 0;
	unsigned char ch = (unsigned char)c->t->toks[x->tok].upper[0];
	return (ch >= 'A' && ch <= 'Z') || ch >= 0x80;
}

static int32_t count_words(const coder *c, int32_t lo, int32_t hi)
{
	int32_t n = 0;
	for (int32_t i = lo; i < hi; i++)
		n += is_word(c, &c->it[i]);
	return n;
}

/* Marks for deletion the words of [lo, hi) and the markers whose partner is
 * also inside. */
static void delete_span(coder *c, int32_t lo, int32_t hi)
{
	for (int32_t i = lo; i < hi; i++) {
		item *x = &c->it[i];
		if (x->kind == IT_WORD)
			x->del = 1;
		else if (x->partner >= lo && x->partner < hi)
			x->del = 1;
	}
}

static int in_range(int v, int lo, int hi)
{
	return hi > 0 && v >= lo && v <= hi;
}

/* News syntax: a comma clause is deleted only when it holds no verb (an
 * aside); a clause that tells its own event (", a month before the North
 * tested a missile") or a statement (", a senior official said") stays. */
static int keeps_event_clause(const coder *c, int32_t lo, int32_t hi)
{
	if (!c->s->news_syntax)
		return 0;
	for (int32_t i = lo; i < hi; i++) {
		if (c->it[i].kind == IT_WORD && c->it[i].verb)
			return 1;
	}
	return 0;
}

static void compact(coder *c)
{
	int32_t j = 0;
	for (int32_t i = 0; i < c->n; i++) {
		if (!c->it[i].del)
			c->it[j++] = c->it[i];
	}
	c->n = j;
	link_markers(c);
}

static int is_final_punct(const coder *c, const item *x)
{
	if (x->kind != IT_WORD)
		return 0;
	pos_tag tg = (pos_tag)c->t->toks[x->tok].tag;
	return tg == POS_PERIOD || tg == POS_RQUOTE;
}

static void delete_commas(coder *c)
{
	const doc_settings *s = c->s;
	int32_t *cm = arena_alloc(c->a, (size_t)(c->n + 1) * sizeof *cm);
	int32_t nc = 0;
	for (int32_t i = 0; i < c->n; i++) {
		if (c->it[i].kind == IT_WORD && c->it[i].comma)
			cm[nc++] = i;
	}
	if (nc == 0)
		return;
	/* End of the clause region: before the final punctuation. */
	int32_t end = c->n;
	while (end > 0 && (c->it[end - 1].kind != IT_WORD ||
			   is_final_punct(c, &c->it[end - 1])))
		end--;
	/* 1. Initial clause. */
	int32_t n0 = count_words(c, 0, cm[0]);
	if (in_range(n0, s->comma_bmin, s->comma_bmax) && !keeps_event_clause(c, 0, cm[0])) {
		if (c->ex)
			buf_printf(c->ex, "  comma: initial clause of %d words deleted\n", n0);
		delete_span(c, 0, cm[0]);
	}
	/* 2. Terminal clause. */
	int32_t last = cm[nc - 1];
	if (last < end) {
		int32_t n1 = count_words(c, last + 1, end);
		if (in_range(n1, s->comma_emin, s->comma_emax) && !keeps_event_clause(c, last, end)) {
			if (c->ex)
				buf_printf(c->ex, "  comma: terminal clause of %d words deleted\n", n1);
			delete_span(c, last, end);
		}
	}
	/* 3. Internal clauses between consecutive commas. */
	for (int32_t k = 0; k + 1 < nc; k++) {
		if (c->it[cm[k]].del || c->it[cm[k + 1]].del)
			continue;
		int32_t nw = count_words(c, cm[k] + 1, cm[k + 1]);
		if (in_range(nw, s->comma_min, s->comma_max) &&
		    !keeps_event_clause(c, cm[k], cm[k + 1])) {
			if (c->ex)
				buf_printf(c->ex, "  comma: internal clause of %d words deleted\n", nw);
			delete_span(c, cm[k], cm[k + 1]);
		}
	}
	compact(c);
	/* 4. A leading or trailing comma with no words beyond it goes. */
	int changed = 0;
	for (int32_t i = 0; i < c->n; i++) {
		item *x = &c->it[i];
		if (x->kind != IT_WORD)
			continue;
		if (x->comma) {
			x->del = 1;
			changed = 1;
		}
		break;
	}
	for (int32_t i = c->n - 1; i >= 0; i--) {
		item *x = &c->it[i];
		if (x->kind != IT_WORD || is_final_punct(c, x))
			continue;
		if (x->comma) {
			x->del = 1;
			changed = 1;
		}
		break;
	}
	if (changed)
		compact(c);
}

/* ---- Coreference ------------------------------------------------------ */

/* The NE's words, upper case, joined by spaces, into out (truncated: only
 * used to compare with short phrases). */
static void ne_words(const coder *c, const cd_ne *ne, char *out, size_t cap)
{
	size_t n = 0;
	out[0] = '\0';
	for (int32_t k = 0; k < ne->ntok; k++) {
		const char *u = c->t->toks[ne->toks[k]].upper;
		size_t l = strlen(u);
		if (n + l + 2 >= cap)
			return;
		if (n)
			out[n++] = ' ';
		memcpy(out + n, u, l);
		n += l;
		out[n] = '\0';
	}
}

static int one_of(const char *w, const char *const *list)
{
	for (; *list; list++) {
		if (!strcmp(w, *list))
			return 1;
	}
	return 0;
}

static int is_country_part(const char *code)
{
	static const char *const not_country[] = {
		"IGO", "NGO", "IMG", "MNC", "UIS", "INT", NULL};
	for (int k = 0; k < 3; k++) {
		if (code[k] < 'A' || code[k] > 'Z')
			return 0;
	}
	char p[4] = {code[0], code[1], code[2], 0};
	return !one_of(p, not_country);
}

void cd_context_note(cd_context *x, const char *code)
{
	if (!code || !is_country_part(code))
		return;
	int32_t k = 0;
	while (k < x->ncountries && memcmp(x->countries[k], code, 3) != 0)
		k++;
	if (k == x->ncountries && x->ncountries < CD_MAX_COUNTRIES)
		x->ncountries++;
	if (k == CD_MAX_COUNTRIES)
		k = CD_MAX_COUNTRIES - 1;
	memmove(x->countries[1], x->countries[0], (size_t)k * sizeof x->countries[0]);
	memcpy(x->countries[0], code, 3);
	x->countries[0][3] = '\0';
}

void cd_context_update(cd_context *x, const cd_result *r)
{
	for (int32_t e = 0; e < r->nne; e++) {
		if (!r->nes[e].compound && !r->nes[e].location)
			cd_context_note(x, r->nes[e].code);
	}
	x->last_source[0] = '\0';
	for (int32_t k = 0; k < r->nev; k++) {
		const char *src = r->ev[k].source;
		if (k > 0 && strcmp(src, r->ev[0].source) != 0) {
			x->last_source[0] = '\0';
			return;
		}
		if (strlen(src) < sizeof x->last_source && strcmp(src, "---") != 0 && src[0] != '"')
			strcpy(x->last_source, src);
	}
}

/* Whether w is one of list or ends with " " and one of them ("officials
 * from the two countries"). */
static int ends_with_one_of(const char *w, const char *const *list)
{
	size_t n = strlen(w);
	for (; *list; list++) {
		size_t m = strlen(*list);
		if (m == n ? !strcmp(w, *list)
			   : m < n && w[n - m - 1] == ' ' && !strcmp(w + n - m, *list))
			return 1;
	}
	return 0;
}

static int story_has(const cd_context *x, const char *code)
{
	for (int32_t k = 0; k < x->ncountries; k++) {
		if (!strcmp(x->countries[k], code))
			return 1;
	}
	return 0;
}

/* "the North" and "the South" of a divided country the story is about. */
static const char *north_south(const cd_context *x, int north)
{
	static const char *const pairs[][2] = {
		{"PRK", "KOR"}, {"SDN", "SSD"}, {"CYP", "CYP"}, {NULL, NULL}};
	for (int k = 0; pairs[k][0]; k++) {
		if (story_has(x, pairs[k][0]) || story_has(x, pairs[k][1]))
			return pairs[k][north ? 0 : 1];
	}
	return NULL;
}

/* The code made of a country part (its first three letters) and the rest
 * of an agent code ("JPN" + "GOV"), in the sentence arena. */
static const char *with_country(coder *c, const char *country, const char *agent)
{
	buf b = BUF_INIT;
	buf_add(&b, country, 3);
	buf_puts(&b, agent);
	const char *r = arena_strndup(c->a, b.data, b.len);
	buf_free(&b);
	return r;
}

/* Resolves an uncoded NE from the story so far: "the North", "the two
 * countries" (a compound of the story's last two countries), a pronoun
 * subject ("they", "it") to the previous sentence's one source. */
static void coref(coder *c, int32_t e)
{
	static const char *const two[] = {
		"THE TWO COUNTRIES", "THE TWO NATIONS", "THE TWO SIDES",
		"THE TWO GOVERNMENTS", "THE TWO NEIGHBOURS", "THE TWO NEIGHBORS",
		"THE TWO STATES", "BOTH COUNTRIES", "BOTH SIDES", "BOTH NATIONS",
		"BOTH GOVERNMENTS", "THE TWO RIVALS", "THE TWO KOREAS",
		"THE TWO LEADERS", "BOTH LEADERS", "THE TWO MINISTERS", NULL};
	static const char *const pron[] = {"IT", "THEY", "HE", "SHE", NULL};
	const cd_context *x = &c->ctx;
	char w[96];
	ne_words(c, &c->nes[e], w, sizeof w);
	const char *code = NULL;
	int bare = !strcmp(c->nes[e].code, "---");
	if (bare && one_of(w, pron)) {
		/* An antecedent earlier in the sentence: "they" the nearest
		 * compound, "it", "he", "she" the nearest single coded actor. */
		int plural = !strcmp(w, "THEY");
		for (int32_t j = e - 1; j >= 0; j--) {
			const cd_ne *a = &c->nes[j];
			if (a->parent >= 0 || (a->compound != plural) ||
			    (!a->compound && !strcmp(a->code, "---")))
				continue;
			cd_ne *ne = &c->nes[e];
			ne->compound = a->compound;
			ne->members = a->members;
			ne->nmembers = a->nmembers;
			ne->code = a->code;
			if (c->ex)
				buf_printf(c->ex, "    coreference: \"%s\" -> NE %d\n", w, j);
			return;
		}
	}
	if (!bare)
		;
	else if (!strcmp(w, "THE NORTH") || !strcmp(w, "NORTH"))
		code = north_south(x, 1);
	else if (!strcmp(w, "THE SOUTH") || !strcmp(w, "SOUTH"))
		code = north_south(x, 0);
	else if (one_of(w, pron) && x->last_source[0])
		code = x->last_source;
	if (code) {
		code = arena_strndup(c->a, code, strlen(code)); /* ctx is a local copy */
		c->nes[e].code = code;
		if (c->ex)
			buf_printf(c->ex, "    coreference: \"%s\" -> %s\n", w, code);
		return;
	}
	/* What an agent added ("the two governments": GOV) stays on. */
	const char *agent = c->nes[e].code && !strncmp(c->nes[e].code, "---", 3)
				    ? c->nes[e].code + 3 : "";
	const tok_token *first = &c->t->toks[c->nes[e].toks[0]];
	int32_t nt = c->nes[e].ntok;
	const tok_token *pen = nt >= 2 ? &c->t->toks[c->nes[e].toks[nt - 2]] : NULL;
	if (*agent && x->ncountries > 0 && !ends_with_one_of(w, two) &&
	    ((first->tag == POS_DT && !strcmp(first->upper, "THE") && nt <= 3) ||
	     (pen && !strcmp(pen->upper, "THE") && nt <= 6))) {
		/* "the government", "the army", "the resignation of the
		 * government": of the country the story is about */
		c->nes[e].code = with_country(c, x->countries[0], agent);
		if (c->ex)
			buf_printf(c->ex, "    coreference: \"%s\" -> %s\n", w, c->nes[e].code);
		return;
	}
	if (*agent && first->tag == POS_PRPS && x->last_source[0]) {
		/* "its state news agency": the previous sentence's actor */
		c->nes[e].code = with_country(c, x->last_source, agent);
		if (c->ex)
			buf_printf(c->ex, "    coreference: \"%s\" -> %s\n", w, c->nes[e].code);
		return;
	}
	if (ends_with_one_of(w, two) && x->ncountries >= 2) {
		int32_t m0 = new_ne(c), m1 = new_ne(c);
		cd_ne *ne = &c->nes[e];
		int32_t *mem = arena_alloc(c->a, 2 * sizeof *mem);
		mem[0] = m0;
		mem[1] = m1;
		for (int k = 0; k < 2; k++) {
			cd_ne *m = &c->nes[mem[k]];
			m->toks = ne->toks;
			m->ntok = ne->ntok;
			m->parent = e;
			m->code = with_country(c, x->countries[k], agent);
		}
		ne->compound = 1;
		ne->members = mem;
		ne->nmembers = 2;
		ne->code = NULL;
		if (c->ex)
			buf_printf(c->ex, "    coreference: \"%s\" -> %s and %s\n", w,
				   x->countries[0], x->countries[1]);
	}
}

/* Whether NE e is a city named as the place of an action ("met in
 * Shenyang", "talks at Geneva"): every word a known place, right after a
 * locative preposition. Such an NE is where, not who: it codes nothing. */
static const char *const locative[] = {
	"IN", "AT", "NEAR", "OUTSIDE", "INSIDE", "AROUND", "THROUGHOUT",
	"ACROSS", NULL};

/* Whether NE e comes right after a locative preposition ("in X"). */
static int after_locative(const coder *c, int32_t e)
{
	for (int32_t j = c->nes[e].open - 1; j >= 0; j--) {
		const item *x = &c->it[j];
		if (x->kind != IT_WORD)
			continue;
		return one_of(c->t->toks[x->tok].upper, locative);
	}
	return 0;
}

static int is_location(const coder *c, int32_t e)
{
	const char *const *loc = locative;
	const cd_ne *ne = &c->nes[e];
	if (ne->open <= 0 || ne->ntok == 0)
		return 0;
	/* The NE starts with the place ("Ulan Bator in November 2012") or
	 * names it after a locative preposition of its own ("a hotel in
	 * Singapore"). */
	int32_t k = 0;
	while (k < ne->ntok && c->t->toks[ne->toks[k]].tag == POS_DT)
		k++;
	int starts = k < ne->ntok && (c->t->toks[ne->toks[k]].flags & TOK_F_PLACE);
	if (starts && after_locative(c, e))
		return 1;
	/* "Tuesday in Geneva", "a hotel in Singapore": the NE names a time or
	 * a spot and then the place */
	for (int32_t j = k + 1; j < ne->ntok; j++) {
		const tok_token *t = &c->t->toks[ne->toks[j]];
		if ((t->flags & TOK_F_PLACE) && one_of(c->t->toks[ne->toks[j - 1]].upper, loc))
			return 1;
	}
	return 0;
}

/* News syntax: an NE coded by its agent alone ("demonstrators": ---CVL)
 * followed by a place of its own ("around Tiananmen Square in Beijing")
 * takes the place's country (CHNCVL). */
static void agents_placed(coder *c)
{
	for (int32_t e = 0; e < c->nne; e++) {
		cd_ne *ne = &c->nes[e];
		if (ne->compound || ne->parent >= 0 || !ne->code || ne->close < 0 ||
		    strncmp(ne->code, "---", 3) != 0 || !ne->code[3])
			continue;
		int32_t words = 0;
		for (int32_t j = ne->close + 1; j < c->n && words < 8; j++) {
			const item *x = &c->it[j];
			if (x->kind == IT_WORD && (x->verb || x->comma))
				break;
			if (x->kind == IT_WORD)
				words++;
			if (x->kind != IT_NE_OPEN)
				continue;
			const cd_ne *p = &c->nes[x->ne];
			int inner = 0; /* "the old town in Kestria" */
			for (int32_t k = 1; k < p->ntok && !inner; k++)
				inner = one_of(c->t->toks[p->toks[k]].upper, locative);
			if (!after_locative(c, x->ne) && !inner)
				continue;
			if (!p->compound && p->code && strncmp(p->code, "---", 3) != 0 &&
			    is_country_part(p->code)) {
				ne->code = with_country(c, p->code, ne->code + 3);
				if (c->ex)
					buf_printf(c->ex, "  NE %d: its place gives %s\n", e, ne->code);
				break;
			}
		}
	}
}

/* ---- Actor codes of the NEs ------------------------------------------- */

/* 1 when token i is a quotation mark. */
static int is_quote_tok(const coder *c, int32_t i)
{
	const tok_token *k = &c->t->toks[i];
	return k->tag == POS_LQUOTE || k->tag == POS_RQUOTE || !strcmp(k->upper, "\"") ||
	       !strcmp(k->upper, "\xe2\x80\x9c") || !strcmp(k->upper, "\xe2\x80\x9d");
}

static int is_say_word(const char *upper)
{
	static const char *const say[] = {"SAID", "SAYS", "SAY", "TOLD", "ADDED", "STATED",
					  "INSISTED", "DECLARED", "WARNED", "ANNOUNCED", NULL};
	for (int i = 0; say[i]; i++)
		if (!strcmp(upper, say[i]))
			return 1;
	return 0;
}

/* News: "we" and "us" inside a quotation are its speaker, the coded
 * phrase next to a saying verb outside the quotation ("'We have to
 * analyze why North Korea met us,' a senior Foreign Ministry official
 * said": us = the official, JPNGOV). */
static void first_person(coder *c)
{
	int32_t n = c->t->ntok;
	int any = 0;
	for (int32_t i = 0; i < n && !any; i++)
		any = is_quote_tok(c, i);
	if (!any)
		return;
	for (int32_t e = 0; e < c->nne; e++) {
		cd_ne *ne = &c->nes[e];
		if (ne->compound || ne->parent >= 0 || ne->ntok != 1 || strcmp(ne->code, "---") != 0)
			continue;
		const char *w = c->t->toks[ne->toks[0]].upper;
		if (strcmp(w, "WE") != 0 && (strcmp(w, "US") != 0 ||
					     (c->t->toks[ne->toks[0]].flags & TOK_F_ALLCAP)))
			continue; /* "US" in capitals is the country */
		int32_t at = ne->toks[0], quotes = 0;
		for (int32_t i = 0; i < at; i++)
			quotes += is_quote_tok(c, i);
		if (quotes % 2 == 0)
			continue; /* not inside a quotation */
		/* the speaker: outside the quotation, before or after a saying verb */
		int32_t speaker = -1;
		for (int32_t s = 0; s < c->nne && speaker < 0; s++) {
			const cd_ne *x = &c->nes[s];
			if (s == e || x->parent >= 0 || x->ntok == 0 ||
			    (!x->compound && (!x->code || !strcmp(x->code, "---"))))
				continue;
			int32_t first = x->toks[0], last = x->toks[x->ntok - 1], q = 0;
			for (int32_t i = 0; i < first; i++)
				q += is_quote_tok(c, i);
			if (q % 2 != 0)
				continue;
			if ((last + 1 < n && is_say_word(c->t->toks[last + 1].upper)) ||
			    (first > 0 && is_say_word(c->t->toks[first - 1].upper)))
				speaker = s;
		}
		if (speaker < 0)
			continue;
		const cd_ne *sp = &c->nes[speaker];
		ne->compound = sp->compound;
		ne->members = sp->members;
		ne->nmembers = sp->nmembers;
		ne->code = sp->code;
		if (c->ex)
			buf_printf(c->ex, "  NE %d: \"%s\" in a quotation is its speaker, NE %d\n", e, w, speaker);
	}
}

/* News: a state's organ named without its state ("government forces",
 * "security forces", "police") in a sentence that names one country only
 * (its other actors all of it: "Syrian opposition activists accused
 * government forces of ...") is that country's; with none named, the
 * country the story is about. */
static void state_agents(coder *c)
{
	static const char *const organs[] = {"GOV", "MIL", "COP", NULL};
	char only[4] = "";
	int many = 0;
	for (int32_t e = 0; e < c->nne; e++) {
		const cd_ne *ne = &c->nes[e];
		if (ne->compound || ne->location || !ne->code || ne->code[0] == '-' ||
		    ne->code[0] == '"' || strlen(ne->code) < 3)
			continue;
		if (!only[0])
			memcpy(only, ne->code, 3);
		else if (strncmp(only, ne->code, 3) != 0)
			many = 1;
	}
	const char *country = !many && only[0] ? only
			      : !only[0] && c->has_ctx && c->ctx.ncountries > 0 ? c->ctx.countries[0]
										: NULL;
	if (!country)
		return;
	for (int32_t e = 0; e < c->nne; e++) {
		cd_ne *ne = &c->nes[e];
		if (ne->compound || !ne->code || strncmp(ne->code, "---", 3) != 0 ||
		    strlen(ne->code) != 6)
			continue;
		int organ = 0;
		for (int i = 0; organs[i]; i++)
			organ |= !strcmp(ne->code + 3, organs[i]);
		if (!organ)
			continue;
		ne->code = with_country(c, country, ne->code + 3);
		if (c->ex)
			buf_printf(c->ex, "  NE %d: a state organ without its state: %s\n", e, ne->code);
	}
}

static void code_nes(coder *c)
{
	int32_t nne = c->nne; /* coreference may add members */
	for (int32_t e = 0; e < nne; e++) {
		cd_ne *ne = &c->nes[e];
		if (ne->compound)
			continue;
		if (c->ex)
			buf_printf(c->ex, "  NE %d:", e);
		if (c->ex) {
			for (int32_t k = 0; k < ne->ntok; k++)
				buf_printf(c->ex, " %s", c->t->toks[ne->toks[k]].upper);
			buf_putc(c->ex, '\n');
		}
		if (c->s->places_not_actors && ne->parent < 0 && is_location(c, e)) {
			ne->location = 1;
			if (c->ex)
				buf_printf(c->ex, "    a place (\"in ...\"): an actor only as a last resort\n");
		}
		ne->code = act_code(c->d, c->a, c->t->toks, ne->toks, ne->ntok,
				    c->date, 0, NULL, c->ex);
		if (c->s->coref && c->has_ctx && ne->parent < 0 && !strncmp(ne->code, "---", 3))
			coref(c, e);
		ne = &c->nes[e];
		if (c->has_ctx && !ne->compound && !ne->location)
			cd_context_note(&c->ctx, ne->code);
		if (c->ex)
			buf_printf(c->ex, "    = %s%s\n", ne->code ? ne->code : "(compound)",
				   ne->parent >= 0 ? " (compound member)" : "");
	}
	if (c->s->coref) {
		first_person(c);
		state_agents(c);
	}
}

/* The NE's code with new-actor quoting applied (§4.4). */
static const char *output_code(coder *c, int32_t e)
{
	cd_ne *ne = &c->nes[e];
	if (strcmp(ne->code, "---") != 0 || c->s->new_actor_length <= 0)
		return ne->code;
	return act_code(c->d, c->a, c->t->toks, ne->toks, ne->ntok, c->date,
			c->s->new_actor_length, NULL, NULL);
}

static int ne_coded(const coder *c, int32_t e)
{
	const cd_ne *ne = &c->nes[e];
	if (!ne->compound)
		return strcmp(ne->code, "---") != 0;
	for (int32_t m = 0; m < ne->nmembers; m++) {
		if (strcmp(c->nes[ne->members[m]].code, "---") != 0)
			return 1;
	}
	return 0;
}

/* ---- Pattern matching (§1.2-1.4) -------------------------------------- */

typedef struct match {
	int32_t lo, hi;       /* the half's range of items [lo, hi) */
	int32_t verb;         /* the verb's item */
	const uint8_t *skip;  /* companion words of a multi-word verb */
	int32_t src, tgt;     /* bound NEs, -1 if none */
	int src_both;         /* % in the upper part: source and target */
} match;

static int32_t item_word(const coder *c, int32_t i)
{
	return c->t->toks[c->it[i].tok].word;
}

static int usable_word(const coder *c, const match *m, int32_t i)
{
	return c->it[i].kind == IT_WORD && !m->skip[i];
}

/* Next word item at or after i (dir +1) or at or before i (dir -1) within
 * the half, or -1. */
static int32_t next_word(const coder *c, const match *m, int32_t i, int dir)
{
	for (; i >= m->lo && i < m->hi; i += dir) {
		if (usable_word(c, m, i))
			return i;
	}
	return -1;
}

/* Whether a synset member's words sit consecutively at i, read in dir;
 * returns the item after the member (in dir), or -2 if no match. */
static int32_t seq_at(const coder *c, const match *m, const dict_seq *q,
		      int32_t i, int dir)
{
	int32_t pos = i;
	for (int32_t k = 0; k < q->n; k++) {
		int32_t w = dir > 0 ? q->w[k] : q->w[q->n - 1 - k];
		int32_t j = next_word(c, m, pos, dir);
		if (j < 0 || item_word(c, j) != w || w < 0)
			return -2;
		pos = j + dir;
	}
	return pos;
}

static int32_t synset_at(const coder *c, const match *m, int32_t syn,
			 int32_t i, int dir)
{
	const dict_seq *mem;
	int32_t nm = dict_synset_members(c->d, syn, &mem);
	for (int32_t k = 0; k < nm; k++) {
		int32_t r = seq_at(c, m, &mem[k], i, dir);
		if (r != -2)
			return r;
	}
	return -2;
}

/* The next NE (compound_only: the next compound) starting in dir from i;
 * tight: its first word must be the next word. Returns the NE or -1. */
static int32_t next_ne(const coder *c, const match *m, int32_t i, int dir,
		       int tight, int compound_only)
{
	/* A match that stopped on a word inside an NE ("* THEIR ^ ABOUT +"
	 * on "their populations about ...") makes the rest of that NE the
	 * next one. */
	int32_t prev = i - dir;
	if (prev >= 0 && prev < c->n && c->it[prev].kind == IT_WORD &&
	    c->it[prev].ne >= 0) {
		const cd_ne *ne = &c->nes[c->it[prev].ne];
		int32_t far = dir > 0 ? ne->close : ne->open;
		int rest = 0; /* words of that NE still ahead */
		for (int32_t j = i; dir > 0 ? j < far : j > far; j += dir)
			rest |= c->it[j].kind == IT_WORD;
		if (rest && far >= m->lo && far < m->hi && (!compound_only || ne->compound))
			return c->it[prev].ne;
	}
	int32_t first_word = tight ? next_word(c, m, i, dir) : -1;
	for (int32_t j = i; j >= m->lo && j < m->hi; j += dir) {
		const item *x = &c->it[j];
		int opener = dir > 0 ? x->kind == IT_NE_OPEN : x->kind == IT_NE_CLOSE;
		if (opener) {
			const cd_ne *ne = &c->nes[x->ne];
			int32_t far = dir > 0 ? ne->close : ne->open;
			if (far < m->lo || far >= m->hi)
				return -1;
			if (tight && next_word(c, m, j, dir) != first_word)
				return -1;
			if (compound_only && !ne->compound) {
				j = far;
				continue;
			}
			return x->ne;
		}
		if (tight && x->kind == IT_WORD && usable_word(c, m, j))
			return -1;
	}
	return -1;
}

/* Matches one half: elements e[0..n) outward from the verb in dir.
 * Returns 1 when every element matched. */
static int match_half(const coder *c, match *m, const dict_pel *e, int32_t n,
		      int dir, int upper)
{
	int32_t pos = m->verb + dir;
	for (int32_t k = 0; k < n; k++) {
		const dict_pel *p = &e[k];
		switch ((dict_pel_kind)p->kind) {
		case PEL_WORD: {
			int32_t j = next_word(c, m, pos, dir);
			if (p->tight) {
				if (j < 0 || item_word(c, j) != p->id)
					return 0;
			} else {
				while (j >= 0 && item_word(c, j) != p->id)
					j = next_word(c, m, j + dir, dir);
				if (j < 0)
					return 0;
			}
			pos = j + dir;
			break;
		}
		case PEL_SYNSET: {
			int32_t j = next_word(c, m, pos, dir);
			int32_t r = -2;
			while (j >= 0) {
				r = synset_at(c, m, p->id, j, dir);
				if (r != -2 || p->tight)
					break;
				j = next_word(c, m, j + dir, dir);
			}
			if (r == -2)
				return 0;
			pos = r;
			break;
		}
		case PEL_SOURCE:
		case PEL_TARGET:
		case PEL_SKIP:
		case PEL_COMPOUND: {
			int comp = p->kind == PEL_COMPOUND;
			int32_t ne = next_ne(c, m, pos, dir, p->tight, comp);
			if (ne < 0)
				return 0;
			if (p->kind == PEL_SOURCE)
				m->src = ne;
			else if (p->kind == PEL_TARGET)
				m->tgt = ne;
			else if (comp) {
				if (upper) {
					m->src = ne;
					m->src_both = 1;
				} else {
					m->tgt = ne;
				}
			}
			pos = (dir > 0 ? c->nes[ne].close : c->nes[ne].open) + dir;
			break;
		}
		default:
			return 0;
		}
	}
	return 1;
}

/* ---- Events (§4) ------------------------------------------------------ */

typedef struct actor_ref {
	const char *code;
	int32_t ne;
} actor_ref;

/* Expands an NE into actors: compound members, and A/B codes. */
static int32_t expand(coder *c, int32_t e, actor_ref *out, int32_t max)
{
	int32_t n = 0;
	if (e < 0)
		return 0;
	const cd_ne *ne = &c->nes[e];
	int32_t nm = ne->compound ? ne->nmembers : 1;
	for (int32_t k = 0; k < nm && n < max; k++) {
		int32_t me = ne->compound ? ne->members[k] : e;
		const char *code = output_code(c, me);
		/* Uncoded members of a compound code nothing ("lions, tigers
		 * and Valoria" gives Valoria alone). */
		if (ne->compound && strcmp(code, "---") == 0)
			continue;
		const char *p = code;
		for (;;) {
			const char *slash = strchr(p, '/');
			size_t len = slash ? (size_t)(slash - p) : strlen(p);
			if (len > 0 && n < max) {
				out[n].code = slash || p != code ? arena_strndup(c->a, p, len) : code;
				out[n].ne = me;
				n++;
			}
			if (!slash)
				break;
			p = slash + 1;
		}
	}
	return n;
}

static void add_event(coder *c, const actor_ref *s, const actor_ref *t,
		      const char *code, int32_t verb_tok,
		      const dict_pattern *pat, int passive)
{
	if (strcmp(code, "---") == 0)
		return;
	if (c->s->require_dyad &&
	    (strcmp(s->code, "---") == 0 || strcmp(t->code, "---") == 0))
		return;
	for (int32_t k = 0; k < c->nev; k++) {
		const cd_event *o = &c->ev[k];
		if (!strcmp(o->source, s->code) && !strcmp(o->target, t->code) &&
		    !strcmp(o->code, code))
			return;
	}
	arena_grow(c->a, (void **)&c->ev, c->nev, &c->capev, 8, sizeof *c->ev);
	c->ev[c->nev++] = (cd_event){
		.source = s->code, .target = t->code, .code = code,
		.src_ne = s->ne, .tgt_ne = t->ne, .verb_tok = verb_tok,
		.pattern = pat, .passive = passive, .hedged = c->hedged,
		.nominal = c->nominal,
	};
	if (c->ex)
		buf_printf(c->ex, "  EVENT %s %s %s%s\n", s->code, t->code, code,
			   passive ? " (passive: roles swapped)" : "");
}

#define MAX_ACTORS 64

static int all_null(const actor_ref *r, int32_t n)
{
	for (int32_t i = 0; i < n; i++) {
		if (strcmp(r[i].code, "---") != 0)
			return 0;
	}
	return 1;
}

/* The first 3 letters of a code when they name a country or group
 * ("JPN" of "JPNGOV"; NULL for "---" codes and quoted texts). */
static int same_country(const char *a, const char *b)
{
	return a && b && strlen(a) >= 3 && strlen(b) >= 3 && a[0] != '-' && b[0] != '-' &&
	       a[0] != '"' && b[0] != '"' && strncmp(a, b, 3) == 0;
}

/* News syntax: a visit (042) goes to the place visited. When the target
 * is missing or of the visitor's own country ("Gorbachev arrived in
 * Beijing for the first Sino-Soviet summit"), the first place after the
 * verb of another country is the target. Returns that NE, or -1. */
static int32_t visit_place(const coder *c, int32_t src, int32_t tgt, int32_t verb_tok)
{
	if (src < 0 || c->nes[src].compound)
		return -1;
	const char *scode = c->nes[src].code;
	if (tgt >= 0 && (c->nes[tgt].compound ||
			 (ne_coded(c, tgt) && !same_country(scode, c->nes[tgt].code))))
		return -1;
	for (int32_t e = 0; e < c->nne; e++) {
		const cd_ne *ne = &c->nes[e];
		if (!ne->location || ne->compound || ne->ntok == 0 || ne->toks[0] <= verb_tok ||
		    !ne->code || ne->code[0] == '-' || strlen(ne->code) < 3)
			continue;
		if (!same_country(scode, ne->code))
			return e;
	}
	return -1;
}

static void make_events(coder *c, int32_t src, int32_t tgt, int both,
			const char *code, int32_t verb_tok,
			const dict_pattern *pat, int passive)
{
	actor_ref S[MAX_ACTORS], T[MAX_ACTORS];
	if (c->s->news_syntax && !both && !passive && !strcmp(code, "042")) {
		int32_t alt = visit_place(c, src, tgt, verb_tok);
		if (alt >= 0) {
			if (c->ex)
				buf_printf(c->ex, "    a visit goes to the place visited: target NE %d\n", alt);
			tgt = alt;
		}
	}
	int32_t ns = expand(c, src, S, MAX_ACTORS);
	int32_t nt = both ? expand(c, src, T, MAX_ACTORS) : expand(c, tgt, T, MAX_ACTORS);
	if (ns == 0)
		return;
	static const actor_ref none = {"---", -1};
	if (nt == 0) {
		T[0] = none;
		nt = 1;
	}
	/* §1.2: when one side is null and the other a compound, the compound
	 * codes its own members against each other. */
	if (all_null(T, nt) && ns > 1) {
		memcpy(T, S, (size_t)ns * sizeof *S);
		nt = ns;
	} else if (all_null(S, ns) && nt > 1) {
		memcpy(S, T, (size_t)nt * sizeof *T);
		ns = nt;
	}
	/* A paired code X:Y: X source->target, Y target->source. */
	const char *colon = strchr(code, ':');
	const char *cx = code, *cy = NULL;
	if (colon) {
		cx = arena_strndup(c->a, code, (size_t)(colon - code));
		cy = colon + 1;
		if (strcmp(cx, "---") == 0)
			cx = cy;
		else if (strcmp(cy, "---") == 0)
			cy = cx;
	}
	for (int32_t i = 0; i < ns; i++) {
		for (int32_t j = 0; j < nt; j++) {
			if (strcmp(S[i].code, T[j].code) == 0)
				continue;
			const actor_ref *a = &S[i], *b = &T[j];
			if (passive) {
				const actor_ref *tmp = a;
				a = b;
				b = tmp;
			}
			add_event(c, a, b, cx, verb_tok, pat, passive);
			if (cy)
				add_event(c, b, a, cy, verb_tok, pat, passive);
		}
	}
}

/* §4.2: the default source in the upper range, in sentence order. A
 * place ("in Kabul") is taken only when no coded phrase is there. */
static int32_t default_source(const coder *c, int32_t lo, int32_t hi)
{
	int32_t uncoded = -1, place = -1;
	for (int32_t i = lo; i < hi; i++) {
		const item *x = &c->it[i];
		if (x->kind != IT_NE_OPEN || c->nes[x->ne].close >= hi)
			continue;
		if (c->nes[x->ne].location) {
			if (place < 0)
				place = x->ne;
			continue;
		}
		if (c->nes[x->ne].compound || ne_coded(c, x->ne))
			return x->ne;
		if (uncoded < 0)
			uncoded = x->ne;
	}
	return place >= 0 ? place : uncoded;
}

/* A mediation participle: "brokered", "mediated", "drafted" ... */
static int mediation_word(const char *upper)
{
	static const char *const w[] = {"BROKERED", "MEDIATED", "DRAFTED", "SPONSORED",
					 "ARRANGED", "HOSTED", "NEGOTIATED", NULL};
	for (int i = 0; w[i]; i++)
		if (!strcmp(upper, w[i]))
			return 1;
	return 0;
}

/* News syntax: a phrase that only names who brokered, drafted or hosted
 * something is no target of the event ("agreed ... in a deal brokered
 * by China", "halted fire under a U.N.-brokered truce", "vetoed a
 * European-drafted resolution"): the agent of a mediation participle,
 * or a phrase whose word is "X-brokered". */
static int mediator_ne(const coder *c, int32_t e)
{
	const cd_ne *ne = &c->nes[e];
	if (ne->ntok == 0)
		return 0;
	int32_t first = ne->toks[0];
	if (first >= 2 && !strcmp(c->t->toks[first - 1].upper, "BY") &&
	    mediation_word(c->t->toks[first - 2].upper))
		return 1;
	for (int32_t k = 0; k < ne->ntok; k++) {
		const char *u = c->t->toks[ne->toks[k]].upper;
		const char *dash = strrchr(u, '-');
		if (dash && dash != u && mediation_word(dash + 1))
			return 1;
	}
	return 0;
}

/* §4.2: the default target in the lower range. */
static int32_t default_target(const coder *c, int32_t lo, int32_t hi,
			      int32_t src)
{
	int32_t uncoded = -1, place = -1;
	const char *scode = src >= 0 && !c->nes[src].compound ? c->nes[src].code : NULL;
	for (int32_t i = lo; i < hi; i++) {
		const item *x = &c->it[i];
		if (x->kind != IT_NE_OPEN || c->nes[x->ne].close >= hi || x->ne == src)
			continue;
		if (c->s->news_syntax && src >= 0 && mediator_ne(c, x->ne))
			continue; /* (a source may be the agent: "talks proposed by X") */
		/* News syntax: the members of a compound meet each other "in
		 * Singapore", even where the gazetteer has no city of it. */
		if (c->s->news_syntax && src >= 0 && c->nes[src].compound &&
		    after_locative(c, x->ne))
			continue;
		if (c->nes[x->ne].location) {
			/* a place is a target of last resort, never for a
			 * compound (its members meet each other there) */
			if (place < 0 && (src < 0 || !c->nes[src].compound) &&
			    (!scode || strcmp(c->nes[x->ne].code, scode) != 0))
				place = x->ne;
			continue;
		}
		if (ne_coded(c, x->ne)) {
			if (!scode || c->nes[x->ne].compound ||
			    strcmp(c->nes[x->ne].code, scode) != 0)
				return x->ne;
		} else if (uncoded < 0) {
			uncoded = x->ne;
		}
	}
	return place >= 0 ? place : uncoded;
}

/* ---- Verbs ------------------------------------------------------------ */

static int word_is(const coder *c, int32_t i, const char *w)
{
	return c->it[i].kind == IT_WORD && strcmp(c->t->toks[c->it[i].tok].upper, w) == 0;
}

static int is_be_passive_aux(const coder *c, int32_t i)
{
	return word_is(c, i, "WAS") || word_is(c, i, "IS") || word_is(c, i, "BEEN");
}

static int is_aux(const coder *c, int32_t i)
{
	static const char *const aux[] = {
		"BE", "IS", "ARE", "WAS", "WERE", "BEEN", "BEING", "AM", "'S", "'RE",
		"HAVE", "HAS", "HAD", "HAVING", "'VE", "'D",
		"DO", "DOES", "DID", NULL};
	for (int k = 0; aux[k]; k++) {
		if (word_is(c, i, aux[k]))
			return 1;
	}
	return 0;
}

/* Index of the VP_CLOSE of the verb at i (its VP opens just before it). */
static int32_t vp_end_of(const coder *c, int32_t i)
{
	if (i > 0 && c->it[i - 1].kind == IT_VP_OPEN && c->it[i - 1].partner > i)
		return c->it[i - 1].partner;
	for (int32_t j = i + 1; j < c->n; j++) {
		if (c->it[j].kind == IT_VP_CLOSE)
			return j;
	}
	return c->n;
}

/* The word item just before item j, or -1. */
static int32_t word_before(const coder *c, int32_t j)
{
	for (int32_t k = j - 1; k >= 0; k--) {
		if (c->it[k].kind == IT_WORD)
			return k;
	}
	return -1;
}

/* §5: a VBN verb is passive when BY follows inside its VP and WAS, IS or
 * BEEN stands among the verbs just before it. */
static int is_passive(const coder *c, int32_t i, int32_t end)
{
	if (c->t->toks[c->it[i].tok].tag != POS_VBN)
		return 0;
	int by = 0;
	for (int32_t j = i + 1; j < end; j++) {
		if (word_is(c, j, "BY")) {
			by = 1;
			break;
		}
	}
	if (!by)
		return 0;
	/* News syntax: a participle right after its noun ("talks proposed by
	 * the Red Cross") is passive too; "has received by courier" is not. */
	if (c->s->news_syntax) {
		int32_t w = word_before(c, i);
		if (w >= 0 && pos_is_noun((pos_tag)c->t->toks[c->it[w].tok].tag))
			return 1;
	}
	for (int32_t j = i - 1; j >= 0; j--) {
		const item *x = &c->it[j];
		if (x->kind != IT_WORD)
			continue;
		pos_tag tg = (pos_tag)c->t->toks[x->tok].tag;
		if (!pos_is_verb(tg) && !pos_is_adv(tg) && tg != POS_MD)
			break;
		if (is_be_passive_aux(c, j))
			return 1;
	}
	return 0;
}

/* The first word item in [from, end), or -1. */
static int32_t next_word_item(const coder *c, int32_t from, int32_t end)
{
	for (int32_t j = from; j < end; j++) {
		if (c->it[j].kind == IT_WORD)
			return j;
	}
	return -1;
}

/* Whether the clause opening at item j has a subject of its own: an NE
 * before its first verb phrase (an infinitive "to meet X" has none). */
static int clause_has_subject(const coder *c, int32_t j, int32_t end)
{
	int32_t close = c->it[j].partner > j ? c->it[j].partner : end;
	for (int32_t k = j + 1; k < close; k++) {
		if (c->it[k].kind == IT_NE_OPEN)
			return 1;
		if (c->it[k].kind == IT_VP_OPEN || (c->it[k].kind == IT_WORD && c->it[k].verb))
			return 0;
	}
	return 0;
}

/* News syntax: the first clause with a subject of its own inside the VP of
 * the verb at i that tells an event of its own, or end when there is none:
 * an adverbial clause ("..., a month before the North tested a missile",
 * "since they last met"), or the complement of a reporting verb coded by
 * its own code ("said that Y attacked Z"). The complement of a demand,
 * warning or threat ("demanded that Iraq withdraw") tells what did not
 * happen: it stays part of the verb's lower sequence, as in PETRARCH. */
static int32_t embedded_clause(const coder *c, int32_t i, int32_t end,
			       int fired, const char *code)
{
	static const char *const adverbial[] = {
		"SINCE", "BEFORE", "AFTER", "WHEN", "WHILE", "AS", "BECAUSE",
		"ALTHOUGH", "THOUGH", "UNTIL", "WHEREAS", "ONCE", "WHEREUPON", NULL};
	static const char *const reporting[] = {
		"SAID", "SAY", "SAYS", "SAYING", "TOLD", "TELL", "TELLS", "REPORTED",
		"REPORT", "REPORTS", "ANNOUNCED", "ANNOUNCES", "ADDED", "ADDS",
		"STATED", "CLAIMED", "CLAIMS", "NOTED", "CONFIRMED", "CONFIRMS",
		"DECLARED", "EXPLAINED", "WROTE", "ACKNOWLEDGED", "ADMITTED",
		"REVEALED", "DISCLOSED", "INSISTED", NULL};
	if (!c->s->news_syntax)
		return end;
	/* A reporting verb: one of the list, or any verb coded as a statement
	 * (01x: "argue", "stress", "insist") by its own code. */
	int report = !fired && (one_of(c->t->toks[c->it[i].tok].upper, reporting) ||
				!strncmp(code, "01", 2));
	for (int32_t j = i + 1; j < end; j++) {
		if (c->it[j].kind != IT_S_OPEN)
			continue;
		int32_t w = word_before(c, j);
		if (!clause_has_subject(c, j, end)) {
			/* ", attacking Kestria": a participle clause after a
			 * comma tells a second event of the same subject */
			int32_t v = next_word_item(c, j, end);
			if (w > i && c->it[w].comma && v >= 0 && c->it[v].verb &&
			    c->t->toks[c->it[v].tok].tag == POS_VBG)
				return j;
			continue;
		}
		if (w > i && one_of(c->t->toks[c->it[w].tok].upper, adverbial))
			return j;
		if (report)
			return j;
	}
	return end;
}

/* Whether an auxiliary at i governs a later verb inside its own VP (then
 * that verb, not the auxiliary, is coded). */
static int governs_verb(const coder *c, int32_t i, int32_t end)
{
	for (int32_t j = i + 1; j < end; j++) {
		if (c->it[j].kind == IT_WORD && c->it[j].verb)
			return 1;
		if (c->it[j].kind == IT_NE_OPEN)
			return 0;
	}
	return 0;
}

/* The companion words of a multi-word verb, adjacent to the verb with
 * determiners and numbers skipped; marks them in skip[]. */
static int companions(const coder *c, int32_t i, const dict_verb *v,
		      uint8_t *skip)
{
	int32_t pos = i;
	int32_t found[64];
	int32_t nf = 0;
	for (int dir = -1; dir <= 1; dir += 2) {
		int32_t need = dir < 0 ? v->npre : v->npost;
		pos = i;
		for (int32_t k = 0; k < need; k++) {
			int32_t w = dir < 0 ? v->pre[v->npre - 1 - k] : v->post[k];
			int32_t j = pos + dir;
			for (; j >= 0 && j < c->n; j += dir) {
				const item *x = &c->it[j];
				if (x->kind != IT_WORD)
					continue;
				const tok_token *t = &c->t->toks[x->tok];
				if (t->tag == POS_DT && (word_is(c, j, "THE") || word_is(c, j, "A") || word_is(c, j, "AN")))
					continue;
				if (t->tag == POS_CD)
					continue;
				break;
			}
			if (j < 0 || j >= c->n || item_word(c, j) != w || nf >= 64)
				return 0;
			found[nf++] = j;
			pos = j;
		}
	}
	for (int32_t k = 0; k < nf; k++)
		skip[found[k]] = 1;
	return 1;
}

/* The sorted word ids of the usable words in items [lo, hi). */
static int32_t range_words(const coder *c, int32_t lo, int32_t hi,
			   const uint8_t *skip, int32_t *out)
{
	int32_t n = 0;
	for (int32_t i = lo; i < hi; i++) {
		if (c->it[i].kind == IT_WORD && !skip[i] && item_word(c, i) >= 0)
			out[n++] = item_word(c, i);
	}
	if (n > 1)
		qsort(out, (size_t)n, sizeof *out, cmp_i32);
	return n;
}

static int has_word(const int32_t *w, int32_t n, int32_t id)
{
	int32_t lo = 0, hi = n;
	while (lo < hi) {
		int32_t mid = lo + (hi - lo) / 2;
		if (w[mid] < id)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo < n && w[lo] == id;
}

/* Remembers, for one half of one verb, whether a synset has a member
 * whose first word occurs in the range (many patterns share synsets). */
#define SYN_MEMO 64
typedef struct syn_memo {
	int32_t id[SYN_MEMO];  /* synset id, -1 empty */
	uint8_t yes[SYN_MEMO]; /* the answer */
	int32_t used;          /* slots in use (one always stays free) */
} syn_memo;

static void syn_memo_reset(syn_memo *m)
{
	memset(m->id, 0xff, sizeof m->id);
	m->used = 0;
}

/* A quick rejection: every literal word of the half, and for each synset
 * the first word of one of its members, must occur in its range at all
 * before the matcher walks it. */
static int words_present(const coder *c, const dict_pel *e, int32_t n,
			 const int32_t *w, int32_t nw, syn_memo *memo)
{
	for (int32_t k = 0; k < n; k++) {
		if (e[k].kind == PEL_WORD && !has_word(w, nw, e[k].id))
			return 0;
	}
	for (int32_t k = 0; k < n; k++) {
		if (e[k].kind != PEL_SYNSET)
			continue;
		uint32_t slot = (uint32_t)e[k].id % SYN_MEMO;
		while (memo->id[slot] >= 0 && memo->id[slot] != e[k].id)
			slot = (slot + 1) % SYN_MEMO;
		int any;
		if (memo->id[slot] == e[k].id) {
			any = memo->yes[slot];
		} else {
			const dict_seq *mem;
			int32_t nm = dict_synset_members(c->d, e[k].id, &mem);
			any = 0;
			for (int32_t m = 0; m < nm && !any; m++)
				any = mem[m].n > 0 && has_word(w, nw, mem[m].w[0]);
			/* keep a free slot so the probe always ends */
			if (memo->used < SYN_MEMO - 1) {
				memo->id[slot] = e[k].id;
				memo->yes[slot] = (uint8_t)any;
				memo->used++;
			}
		}
		if (!any)
			return 0;
	}
	return 1;
}

static void explain_pattern(buf *ex, const dict_pattern *p, const char *why)
{
	if (ex)
		buf_printf(ex, "    pattern line %d: %s  %s\n", p->line, p->text, why);
}

/* Whether the verb at i is negated: NOT, N'T or NEVER among the
 * auxiliaries and adverbs just before it ("did not visit", "will never
 * attend", "has not yet met"). */
static int is_negated(const coder *c, int32_t i)
{
	/* "held no talks", "has no plans": NO right after the verb */
	for (int32_t j = i + 1; j < c->n; j++) {
		const item *x = &c->it[j];
		if (x->kind != IT_WORD)
			continue;
		if (word_is(c, j, "NO"))
			return 1;
		if (!pos_is_adv((pos_tag)c->t->toks[x->tok].tag))
			break;
	}
	for (int32_t j = i - 1; j >= 0; j--) {
		const item *x = &c->it[j];
		if (x->kind != IT_WORD)
			continue;
		if (word_is(c, j, "NOT") || word_is(c, j, "N'T") || word_is(c, j, "NEVER"))
			return 1;
		pos_tag tg = (pos_tag)c->t->toks[x->tok].tag;
		if (!pos_is_verb(tg) && !pos_is_adv(tg) && tg != POS_MD && tg != POS_TO)
			return 0;
	}
	return 0;
}

/* Whether a pattern names the negation itself (NOT, N'T, NEVER, or a
 * synset holding them): then the dictionary codes the negated form. */
static int pattern_negative(const coder *c, const dict_pattern *p)
{
	const dict_pel *halves[2] = {p->upper, p->lower};
	int32_t ns[2] = {p->nupper, p->nlower};
	for (int h = 0; h < 2; h++) {
		for (int32_t k = 0; k < ns[h]; k++) {
			const dict_pel *e = &halves[h][k];
			if (e->kind == PEL_WORD) {
				const char *w = dict_word_text(c->d, e->id);
				if (w && (!strcmp(w, "NOT") || !strcmp(w, "N'T") || !strcmp(w, "NEVER") ||
					  !strcmp(w, "NO")))
					return 1;
			} else if (e->kind == PEL_SYNSET) {
				const dict_seq *mem;
				int32_t nm = dict_synset_members(c->d, e->id, &mem);
				for (int32_t m = 0; m < nm; m++) {
					for (int32_t w = 0; w < mem[m].n; w++) {
						const char *t = dict_word_text(c->d, mem[m].w[w]);
						if (t && (!strcmp(t, "NOT") || !strcmp(t, "N'T") ||
							  !strcmp(t, "NEVER") || !strcmp(t, "NO")))
							return 1;
					}
				}
			}
		}
	}
	return 0;
}

/* Words that mark a sentence's report as unconfirmed. */
static int sentence_hedged(const coder *c)
{
	static const char *const hedges[] = {
		"REPORTEDLY", "ALLEGEDLY", "UNCONFIRMED", "PURPORTEDLY",
		"UNVERIFIED", "RUMORED", "RUMOURED", "SUPPOSEDLY", NULL};
	for (int32_t i = 0; i < c->t->ntok; i++) {
		const char *u = c->t->toks[i].upper;
		if (c->t->toks[i].ulen < 7 || !strchr("RAUPS", u[0]))
			continue;
		for (int k = 0; hedges[k]; k++) {
			if (!strcmp(u, hedges[k]))
				return 1;
		}
	}
	return 0;
}

/* Whether two verb entries are the same form (word and companions). */
static int same_form(const dict_verb *a, const dict_verb *b)
{
	if (a->npre != b->npre || a->npost != b->npost)
		return 0;
	for (int k = 0; k < a->npre; k++) {
		if (a->pre[k] != b->pre[k])
			return 0;
	}
	for (int k = 0; k < a->npost; k++) {
		if (a->post[k] != b->post[k])
			return 0;
	}
	return 1;
}


/* Notes that items [lo, hi) were read by a verb pattern or belong to a
 * negated verb: nouns there make no nominal events. */
static void mark_read(coder *c, int32_t lo, int32_t hi)
{
	int32_t cap = c->capused;
	arena_grow(c->a, (void **)&c->used_lo, c->nused, &cap, 8, sizeof *c->used_lo);
	arena_grow(c->a, (void **)&c->used_hi, c->nused, &c->capused, 8, sizeof *c->used_hi);
	c->used_lo[c->nused] = lo;
	c->used_hi[c->nused++] = hi;
}

/* Codes the verb at item i; returns the item to continue from. */
static int32_t code_verb(coder *c, int32_t i, uint8_t *skip)
{
	const tok_token *vt = &c->t->toks[c->it[i].tok];
	const dict_verb *ent;
	int32_t nent = vt->word >= 0 ? dict_verb_lookup(c->d, vt->word, &ent) : 0;
	if (nent == 0)
		return i + 1;
	int32_t end = vp_end_of(c, i);
	if (is_aux(c, i) && governs_verb(c, i, end)) {
		if (c->ex)
			buf_printf(c->ex, "  verb %s: auxiliary of a later verb, skipped\n", vt->upper);
		return i + 1;
	}
	const dict_verb *v = NULL;
	for (int32_t k = 0; k < nent; k++) {
		memset(skip, 0, (size_t)c->n);
		if (ent[k].npre == 0 && ent[k].npost == 0) {
			v = &ent[k];
			break;
		}
		if (companions(c, i, &ent[k], skip)) {
			v = &ent[k];
			break;
		}
	}
	if (!v) {
		memset(skip, 0, (size_t)c->n);
		return i + 1;
	}
	int passive = is_passive(c, i, end);
	int32_t lo = 0;
	for (int32_t j = i - 1; j >= 0; j--) {
		if (c->it[j].kind == IT_WORD && c->it[j].comma && !skip[j]) {
			lo = j + 1;
			break;
		}
		/* News syntax: a verb's subject is in its own clause (not in
		 * an infinitive's: "Japan plans to meet Korea"). */
		if (c->it[j].kind == IT_S_OPEN && c->it[j].partner > i &&
		    clause_has_subject(c, j, c->n)) {
			lo = j + 1;
			break;
		}
	}

	if (c->ex)
		buf_printf(c->ex, "  verb %s (%s, block %s, code %s)%s\n", vt->upper,
			   v->phrase, dict_block_label(c->d, v->block), v->code,
			   passive ? " passive" : "");

	const dict_pattern *fired = NULL;
	match m = {.src = -1, .tgt = -1};
	int32_t *uw = arena_alloc(c->a, (size_t)(i - lo + 1) * sizeof *uw);
	int32_t *lw = arena_alloc(c->a, (size_t)(end - i + 1) * sizeof *lw);
	int32_t nuw = range_words(c, lo, i, skip, uw);
	int32_t nlw = range_words(c, i + 1, end, skip, lw);
	syn_memo umemo, lmemo;
	syn_memo_reset(&umemo);
	syn_memo_reset(&lmemo);
	uint64_t usig = 0, lsig = 0;
	for (int32_t k = 0; k < nuw; k++)
		usig |= dict_word_bit(uw[k]);
	for (int32_t k = 0; k < nlw; k++)
		lsig |= dict_word_bit(lw[k]);
	/* The same form may be defined in several blocks: their patterns are
	 * tried in turn (docs/dictionaries.md). */
	int32_t nquick = 0; /* patterns rejected at once: a word is missing */
	int32_t obj_end = -1; /* news: end of the verb's object, at the first
	                         preposition after the word next to the verb */
	if (c->s->news_syntax) {
		int32_t first = next_word_item(c, i + 1, end);
		for (int32_t j = first + 1; first >= 0 && j < end; j++) {
			if (c->it[j].kind == IT_WORD) {
				pos_tag tg = (pos_tag)c->t->toks[c->it[j].tok].tag;
				if (tg == POS_IN || tg == POS_TO) {
					obj_end = j;
					break;
				}
			}
		}
	}
	for (int32_t e = 0; e < nent && !fired; e++) {
		const dict_verb *ve = &ent[e];
		if (ve != v && !same_form(ve, v))
			continue;
		int seen = 0; /* a block already tried for this form */
		for (int32_t e2 = 0; e2 < e; e2++)
			seen |= same_form(&ent[e2], v) && ent[e2].block == ve->block;
		if (seen)
			continue;
		const dict_pattern *pats;
		int32_t np = dict_block_patterns(c->d, ve->block, &pats);
		for (int32_t k = 0; k < np; k++) {
			const dict_pattern *p = &pats[k];
			if ((p->need_lower & ~lsig) || (p->need_upper & ~usig)) {
				nquick++;
				continue;
			}
			if (!words_present(c, p->lower, p->nlower, lw, nlw, &lmemo)) {
				explain_pattern(c->ex, p, "lower part does not match");
				continue;
			}
			if (!words_present(c, p->upper, p->nupper, uw, nuw, &umemo)) {
				explain_pattern(c->ex, p, "upper part does not match");
				continue;
			}
			match up = {.lo = lo, .hi = i, .verb = i, .skip = skip, .src = -1, .tgt = -1};
			match dn = {.lo = i + 1, .hi = end, .verb = i, .skip = skip, .src = -1, .tgt = -1};
			/* News syntax: a null pattern names an idiom of the verb
			 * and its object ("killed time", "seized power"); its
			 * words are sought before the first preposition. */
			if (obj_end >= 0 && !strcmp(p->code, "---"))
				dn.hi = obj_end;
			if (!match_half(c, &dn, p->lower, p->nlower, +1, 0)) {
				explain_pattern(c->ex, p, "lower part does not match");
				continue;
			}
			if (!match_half(c, &up, p->upper, p->nupper, -1, 1)) {
				explain_pattern(c->ex, p, "upper part does not match");
				continue;
			}
			fired = p;
			m.src = up.src >= 0 ? up.src : dn.src;
			m.tgt = dn.tgt >= 0 ? dn.tgt : up.tgt;
			m.src_both = up.src_both;
			explain_pattern(c->ex, p, "MATCHES");
			break;
		}
	}
	if (c->ex && nquick)
		buf_printf(c->ex, "    %d patterns need a word the sentence lacks\n", nquick);
	/* No pattern: the verb's own code, the first that is not null among
	 * the blocks that define this form. */
	const char *code = fired ? fired->code : v->code;
	for (int32_t e = 0; !fired && e < nent && strcmp(code, "---") == 0; e++) {
		if (same_form(&ent[e], v))
			code = ent[e].code;
	}
	if (!fired && strcmp(code, "---") == 0) {
		if (c->ex)
			buf_printf(c->ex, "    no pattern, null verb code: no event\n");
		return i + 1;
	}
	if (!fired && c->ex)
		buf_printf(c->ex, "    no pattern matched: verb code %s\n", code);
	/* A negated verb reports an event that did not happen: nothing is
	 * coded unless the pattern that fired names the negation. The clause
	 * still ends here. */
	if (c->s->negation && is_negated(c, i) && !(fired && pattern_negative(c, fired))) {
		/* "did not send a delegation to the talks": no talks either;
		 * a clause of its own inside ("since they last met") still is. */
		int32_t nend = embedded_clause(c, i, end, fired != NULL, code);
		if (c->ex)
			buf_printf(c->ex, "    negated (\"not\", \"never\", \"no\"): no event\n");
		mark_read(c, lo, nend);
		return nend;
	}
	int32_t tend = embedded_clause(c, i, end, fired != NULL, code);
	int32_t src = m.src;
	int32_t tgt = m.tgt;
	int inverted = 0; /* ", said X": the speaker follows the verb */
	if (src < 0)
		src = default_source(c, lo, i);
	/* News syntax: a participle clause after a comma (", firing on
	 * Libyan tanks") has the sentence's subject; an inverted reporting
	 * clause (", said Masao Okonogi") has its speaker after the verb. */
	if (src < 0 && c->s->news_syntax && lo > 0) {
		int32_t w = word_before(c, i);
		pos_tag vtag = (pos_tag)vt->tag;
		if (vtag == POS_VBG && w >= 0 &&
		    (c->it[w].comma || c->t->toks[c->it[w].tok].tag == POS_CC))
			src = default_source(c, 0, i);
		else if (!fired && !strncmp(code, "01", 2)) {
			src = default_target(c, i + 1, tend, -1);
			inverted = 1;
		}
	}
	if (tgt < 0 && !m.src_both && !inverted)
		tgt = default_target(c, i + 1, tend, src);
	if (c->ex)
		buf_printf(c->ex, "    source NE %d, target NE %d\n", src, tgt);
	/* PETRARCH codes nothing when the clause has no noun phrase after the
	 * verb to be its target, even an uncoded one (COMMA-06); real news
	 * keeps such one-sided events when the settings ask for it. */
	if (fired) /* its words were read: no nominal event from them */
		mark_read(c, lo, end);
	if (src >= 0 && (tgt >= 0 || m.src_both || c->s->targetless)) {
		make_events(c, src, tgt, m.src_both, code, c->it[i].tok, fired, passive);
		int32_t cap = c->capcoded;
		arena_grow(c->a, (void **)&c->coded_lo, c->ncoded, &cap, 8, sizeof *c->coded_lo);
		arena_grow(c->a, (void **)&c->coded_hi, c->ncoded, &c->capcoded, 8, sizeof *c->coded_hi);
		c->coded_lo[c->ncoded] = i;
		c->coded_hi[c->ncoded++] = tend;
	}
	else if (c->ex && src >= 0)
		buf_printf(c->ex, "    no target phrase: no event\n");
	/* §1.3.5: jump to the end of the verb's VP; news syntax goes on into a
	 * clause with a subject of its own. */
	return tend;
}

/* ---- Nominal events (news syntax) --------------------------------------- */

/* Event nouns (sorted by noun) and the verb whose dictionary code they
 * take; of_target: "the
 * execution of X" makes X the target (else X is the source: "the visit of
 * X"). English morphology, not a dictionary: the codes come from the verb
 * dictionary in use. */
typedef struct nominal {
	const char *noun; /* upper case */
	const char *verb; /* base form as dictionaries write it */
	int of_target;
} nominal;

static const nominal nominals[] = {
	{"ABDUCTION", "ABDUCT", 1}, {"ABDUCTIONS", "ABDUCT", 1},
	{"APOLOGY", "APOLOGIZE", 0}, {"ARREST", "ARREST", 1},
	{"ARRESTS", "ARREST", 1}, {"ASSASSINATION", "ASSASSINATE", 1},
	{"ATTACK", "ATTACK", 1}, {"ATTACKS", "ATTACK", 1},
	{"BATTLE", "BATTLE", 0}, {"BATTLES", "BATTLE", 0},
	{"BLOCKADE", "BLOCKADE", 1}, {"BOMBING", "BOMB", 1},
	{"BOMBINGS", "BOMB", 1}, {"CEASEFIRE", "CEASEFIRE", 0},
	{"CLASH", "CLASH", 0}, {"CLASHES", "CLASH", 0},
	{"CONDEMNATION", "CONDEMN", 1}, {"CONSULTATIONS", "CONSULT", 0},
	{"CONTACT", "MEET", 0}, {"CONTACTS", "MEET", 0},
	{"CRITICISM", "CRITICIZE", 1}, {"DEMONSTRATION", "DEMONSTRATE", 0},
	{"DEMONSTRATIONS", "DEMONSTRATE", 0}, {"DEPORTATION", "DEPORT", 1},
	{"DETENTION", "DETAIN", 1}, {"EXECUTION", "EXECUTE", 1},
	{"EXECUTIONS", "EXECUTE", 1}, {"EXPULSION", "EXPEL", 1},
	{"FIGHTING", "FIGHT", 0}, {"HOSTILITIES", "FIGHT", 0},
	{"INVASION", "INVADE", 1}, {"INVESTIGATION", "INVESTIGATE", 1},
	{"KIDNAPPING", "KIDNAP", 1}, {"KIDNAPPINGS", "KIDNAP", 1},
	{"KILLING", "KILL", 1}, {"KILLINGS", "KILL", 1},
	{"MASSACRE", "MASSACRE", 1}, {"MEDIATION", "MEDIATE", 0},
	{"MEETING", "MEET", 0}, {"MEETINGS", "MEET", 0}, {"MURDER", "MURDER", 1},
	{"NEGOTIATIONS", "NEGOTIATE", 0}, {"OCCUPATION", "OCCUPY", 1},
	{"PROBE", "PROBE", 1}, {"PROTEST", "PROTEST", 0},
	{"PROTESTS", "PROTEST", 0}, {"PURGE", "PURGE", 1},
	{"RELEASE", "RELEASE", 1}, {"SANCTIONS", "SANCTION", 1},
	{"SHELLING", "SHELL", 1}, {"SKIRMISHES", "SKIRMISH", 0},
	{"SUMMIT", "MEET", 0}, {"TALKS", "TALK", 0},
	{"VISIT", "VISIT", 0},
	{"VISITS", "VISIT", 0}, {"WITHDRAWAL", "WITHDRAW", 0},
	{NULL, NULL, 0}};

static const nominal *nominal_of(const char *noun)
{
	/* the table is sorted by noun */
	size_t lo = 0, hi = sizeof nominals / sizeof nominals[0] - 1;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		int r = strcmp(nominals[mid].noun, noun);
		if (r == 0)
			return &nominals[mid];
		if (r < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return NULL;
}

/* The dictionary's own code for a verb's base form, or NULL. */
static const char *verb_code(const coder *c, const char *verb)
{
	int32_t w = dict_word(c->d, verb, strlen(verb));
	const dict_verb *ent;
	int32_t n = w >= 0 ? dict_verb_lookup(c->d, w, &ent) : 0;
	for (int32_t k = 0; k < n; k++) {
		if (ent[k].npre == 0 && ent[k].npost == 0 && strcmp(ent[k].code, "---") != 0)
			return ent[k].code;
	}
	return NULL;
}

/* A new NE for the noun phrase np (a compound when it is one), coded. */
static int32_t ne_from_np(coder *c, int32_t np)
{
	ilist toks = {0};
	subtree_tokens(c, np, &toks, 0);
	if (toks.n == 0)
		return -1;
	int32_t e = new_ne(c);
	c->nes[e].toks = toks.v;
	c->nes[e].ntok = toks.n;
	if (is_compound(c, np)) {
		make_members(c, e, &np, 1, &toks);
		for (int32_t m = 0; m < c->nes[e].nmembers; m++) {
			cd_ne *me = &c->nes[c->nes[e].members[m]];
			me->code = act_code(c->d, c->a, c->t->toks, me->toks, me->ntok,
					    c->date, 0, NULL, NULL);
		}
	} else {
		c->nes[e].code = act_code(c->d, c->a, c->t->toks, toks.v, toks.n,
					  c->date, 0, NULL, NULL);
		/* "the summit between the two countries" */
		if (c->s->coref && c->has_ctx && !strncmp(c->nes[e].code, "---", 3))
			coref(c, e);
	}
	return e;
}

/* A new NE for the tokens idx[0..n), coded. */
static int32_t ne_from_tokens(coder *c, const int32_t *idx, int32_t n)
{
	int32_t e = new_ne(c);
	int32_t *v = arena_alloc(c->a, (size_t)n * sizeof *v);
	memcpy(v, idx, (size_t)n * sizeof *v);
	c->nes[e].toks = v;
	c->nes[e].ntok = n;
	c->nes[e].code = act_code(c->d, c->a, c->t->toks, v, n, c->date, 0, NULL, NULL);
	return e;
}

/* The item of a token, or -1 (deleted by a comma clause). */
static int32_t item_of_tok(const coder *c, int32_t tok)
{
	for (int32_t i = 0; i < c->n; i++) {
		if (c->it[i].kind == IT_WORD && c->it[i].tok == tok)
			return i;
	}
	return -1;
}

/* The preposition heading a PP (upper case), or NULL. */
static const char *pp_head(const coder *c, int32_t pp, int32_t *obj)
{
	const char *p = NULL;
	*obj = -1;
	for (int32_t k = node(c, pp)->first; k >= 0; k = node(c, k)->next) {
		const tree_node *x = node(c, k);
		if (x->kind == TREE_LEAF && !p)
			p = leaf_tok(c, k)->upper;
		else if (x->kind == TREE_NP && *obj < 0)
			*obj = k;
	}
	return p;
}

static int occurrence_verb(const char *upper)
{
	static const char *const v[] = {
		"BROKE", "ERUPTED", "ERUPTS", "ERUPT", "RAGED", "RAGES", "RAGE", "FLARED",
		"FLARES", "CONTINUED", "CONTINUES", "RESUMED", "RESUMES", "INTENSIFIED",
		"ESCALATED", "ENSUED", "OCCURRED", "CONTINUE", "BROKEN", "ERUPTING",
		"RAGING", "CONTINUING", NULL};
	for (int i = 0; v[i]; i++)
		if (!strcmp(upper, v[i]))
			return 1;
	return 0;
}

/* The event noun phrase np is the subject of a verb of occurrence: its
 * clause's "between A and B" gives the compound A and B (*src, *both). */
static void occurrence_between(coder *c, int32_t np, int32_t *src, int32_t *both)
{
	int32_t s = node(c, np)->parent;
	if (s < 0 || node(c, s)->kind != TREE_S || node(c, s)->first != np)
		return;
	int32_t vp = node(c, np)->next;
	while (vp >= 0 && node(c, vp)->kind != TREE_VP)
		vp = node(c, vp)->next;
	if (vp < 0)
		return;
	int ok = 0;
	for (int32_t k = node(c, vp)->first; k >= 0; k = node(c, k)->next) {
		if (node(c, k)->kind == TREE_LEAF) {
			if (occurrence_verb(leaf_tok(c, k)->upper))
				ok = 1;
			continue;
		}
		if (!ok || node(c, k)->kind != TREE_PP)
			continue;
		int32_t obj;
		const char *p = pp_head(c, k, &obj);
		if (!p || obj < 0 || strcmp(p, "BETWEEN") != 0)
			continue;
		while (!is_compound(c, obj) && node(c, obj)->first >= 0 &&
		       node(c, node(c, obj)->first)->kind == TREE_NP)
			obj = node(c, obj)->first;
		*src = ne_from_np(c, obj);
		*both = 1;
		return;
	}
}

/* Codes an NP headed by an event noun: "a meeting between A and B", "the
 * execution of X", "Japan's missile test", "an Israeli attack on Gaza".
 * Roles: "between" (a compound, its members against each other), "by"
 * and "from" (source), "on/against/with/to/toward/for" (target), "of" (by
 * the noun), a possessor or a coded modifier (source); the clause's
 * subject otherwise. */
static void code_nominal(coder *c, int32_t np)
{
	int32_t head_np = np;
	if (node(c, np)->first >= 0 && node(c, node(c, np)->first)->kind == TREE_NP)
		head_np = node(c, np)->first;
	/* The head: the last common noun of the head chunk. */
	int32_t head = -1;
	for (int32_t k = node(c, head_np)->first; k >= 0; k = node(c, k)->next) {
		if (node(c, k)->kind == TREE_LEAF && is_common_noun((pos_tag)leaf_tok(c, k)->tag))
			head = k;
	}
	if (head < 0 || node(c, head_np)->last != head)
		return;
	const nominal *nm = nominal_of(leaf_tok(c, head)->upper);
	if (!nm)
		return;
	const char *code = verb_code(c, nm->verb);
	int32_t hi = item_of_tok(c, node(c, head)->tok);
	if (!code || hi < 0)
		return;
	for (int32_t k = 0; k < c->nused; k++) {
		if (hi >= c->used_lo[k] && hi < c->used_hi[k])
			return; /* a verb pattern already read this noun */
	}
	int32_t src = -1, tgt = -1, both = 0;
	/* Modifiers of the head: a possessor NP, or coded words before it. */
	int32_t mods[32];
	int32_t nmods = 0;
	for (int32_t k = node(c, head_np)->first; k >= 0 && k != head; k = node(c, k)->next) {
		const tree_node *x = node(c, k);
		if (x->kind == TREE_NP && src < 0) {
			src = ne_from_np(c, k);
		} else if (x->kind == TREE_LEAF && nmods < 32) {
			pos_tag tg = (pos_tag)leaf_tok(c, k)->tag;
			if (tg == POS_NNP || tg == POS_NNPS || pos_is_adj(tg))
				mods[nmods++] = x->tok;
		}
	}
	if (src < 0 && nmods > 0) {
		int32_t e = ne_from_tokens(c, mods, nmods);
		if (strcmp(c->nes[e].code, "---") != 0)
			src = e;
	}
	if (src >= 0 && !c->nes[src].compound && !strcmp(c->nes[src].code, "---"))
		src = -1;
	/* Prepositional phrases of the noun. */
	for (int32_t k = node(c, np)->first; k >= 0; k = node(c, k)->next) {
		if (node(c, k)->kind != TREE_PP)
			continue;
		int32_t obj;
		const char *p = pp_head(c, k, &obj);
		if (!p || obj < 0)
			continue;
		if (!strcmp(p, "BETWEEN") || !strcmp(p, "AMONG")) {
			/* "between [A and B] in Shenyang": the compound heads it */
			while (!is_compound(c, obj) && node(c, obj)->first >= 0 &&
			       node(c, node(c, obj)->first)->kind == TREE_NP)
				obj = node(c, obj)->first;
			src = ne_from_np(c, obj);
			both = 1;
		} else if (!strcmp(p, "BY") || !strcmp(p, "FROM")) {
			src = ne_from_np(c, obj);
		} else if (!strcmp(p, "OF")) {
			if (nm->of_target)
				tgt = ne_from_np(c, obj);
			else
				src = ne_from_np(c, obj);
		} else if (!strcmp(p, "ON") || !strcmp(p, "AGAINST") || !strcmp(p, "WITH") ||
			   !strcmp(p, "TO") || !strcmp(p, "TOWARD") || !strcmp(p, "TOWARDS") ||
			   !strcmp(p, "FOR") || !strcmp(p, "AT")) {
			if (tgt < 0)
				tgt = ne_from_np(c, obj);
		}
	}
	/* "Clashes broke out between A and B", "Fighting erupted ...
	 * between A and B": the event noun is the subject of a verb of
	 * occurrence, and the clause's "between" is the noun's. */
	if (src < 0 && !both)
		occurrence_between(c, np, &src, &both);
	if (both && (src < 0 || !c->nes[src].compound))
		both = 0;
	if (src < 0) {
		/* The object of a coded verb ("condemned the meeting") names an
		 * event told elsewhere: its participants are not the subject. */
		for (int32_t k = 0; k < c->ncoded; k++) {
			if (hi > c->coded_lo[k] && hi < c->coded_hi[k])
				return;
		}
		/* The clause's subject: the first coded NE before the noun, back
		 * to a clause comma. */
		int32_t lo = 0;
		for (int32_t j = hi - 1; j >= 0; j--) {
			if (c->it[j].kind == IT_WORD && c->it[j].comma) {
				lo = j + 1;
				break;
			}
		}
		for (int32_t j = lo; j < hi && src < 0; j++) {
			const item *x = &c->it[j];
			if (x->kind == IT_NE_OPEN && c->nes[x->ne].close < hi && ne_coded(c, x->ne))
				src = x->ne;
		}
	}
	if (src < 0)
		return;
	if (c->ex)
		buf_printf(c->ex, "  nominal event: %s (as %s, code %s)\n",
			   leaf_tok(c, head)->upper, nm->verb, code);
	c->nominal = 1;
	make_events(c, src, tgt, both, code, node(c, head)->tok, NULL, 0);
	c->nominal = 0;
}

static void code_nominals(coder *c)
{
	int32_t n = c->t->n;
	for (int32_t i = 0; i < n; i++) {
		const tree_node *x = &c->t->nodes[i];
		if (x->kind != TREE_NP || (x->flags & TREE_F_TEMPORAL))
			continue;
		/* The head chunk of a larger NP is coded with it. */
		if (x->parent >= 0 && c->t->nodes[x->parent].kind == TREE_NP &&
		    c->t->nodes[x->parent].first == i)
			continue;
		code_nominal(c, i);
	}
}

/* ---- Entry point ------------------------------------------------------ */

void code_sentence(const dict *d, arena *a, const tree *t,
		   const doc_settings *s, int32_t date, const cd_context *ctx,
		   buf *ex, cd_result *out)
{
	coder c = {.d = d, .a = a, .t = t, .s = s, .date = date, .ex = ex};
	if (ctx) {
		c.ctx = *ctx;
		c.has_ctx = 1;
	}
	memset(out, 0, sizeof *out);
	if (t->n == 0)
		return;
	flatten(&c, 0, 0);
	link_markers(&c);
	delete_commas(&c);
	code_nes(&c);
	if (s->news_syntax)
		agents_placed(&c);
	c.hedged = sentence_hedged(&c);
	uint8_t *skip = arena_calloc(a, (size_t)c.n + 1, 1);
	for (int32_t i = 0; i < c.n;) {
		if (c.it[i].kind == IT_WORD && c.it[i].verb)
			i = code_verb(&c, i, skip);
		else
			i++;
	}
	if (s->news_syntax)
		code_nominals(&c);
	out->ev = c.ev;
	out->nev = c.nev;
	out->nes = c.nes;
	out->nne = c.nne;
}

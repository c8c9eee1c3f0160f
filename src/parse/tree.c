/*
 * tree.c - building and printing the phrase-structure tree.
 */
#include "tree.h"
#include "../util/buf.h"

#include <string.h>

static const char *const kind_names[TREE_KIND_COUNT_] = {
	[TREE_ROOT] = "ROOT", [TREE_S] = "S", [TREE_SBAR] = "SBAR",
	[TREE_SINV] = "SINV", [TREE_SQ] = "SQ", [TREE_SBARQ] = "SBARQ",
	[TREE_NP] = "NP", [TREE_VP] = "VP", [TREE_PP] = "PP",
	[TREE_ADJP] = "ADJP", [TREE_ADVP] = "ADVP", [TREE_PRN] = "PRN",
	[TREE_QP] = "QP", [TREE_WHNP] = "WHNP", [TREE_WHADVP] = "WHADVP",
	[TREE_WHPP] = "WHPP", [TREE_WHADJP] = "WHADJP", [TREE_UCP] = "UCP",
	[TREE_CONJP] = "CONJP", [TREE_FRAG] = "FRAG", [TREE_PRT] = "PRT",
	[TREE_NX] = "NX", [TREE_NAC] = "NAC", [TREE_INTJ] = "INTJ",
	[TREE_LST] = "LST", [TREE_RRC] = "RRC", [TREE_X] = "X",
	[TREE_OTHER] = "XX", [TREE_LEAF] = "LEAF",
};

void tree_init(tree *t, arena *a, tok_token *toks, int32_t ntok)
{
	t->a = a;
	t->toks = toks;
	t->ntok = ntok;
	t->n = 0;
	t->cap = 64;
	t->nodes = arena_alloc(a, (size_t)t->cap * sizeof *t->nodes);
}

static int32_t new_node(tree *t, int32_t parent, tree_kind kind, int32_t tok)
{
	arena_grow(t->a, (void **)&t->nodes, t->n, &t->cap, 64, sizeof *t->nodes);
	int32_t i = t->n++;
	tree_node *x = &t->nodes[i];
	memset(x, 0, sizeof *x);
	x->kind = (uint8_t)kind;
	x->parent = parent;
	x->first = x->last = x->next = -1;
	x->tok = tok;
	if (parent >= 0) {
		tree_node *p = &t->nodes[parent];
		if (p->last >= 0)
			t->nodes[p->last].next = i;
		else
			p->first = i;
		p->last = i;
	}
	return i;
}

int32_t tree_add(tree *t, int32_t parent, tree_kind kind)
{
	return new_node(t, parent, kind, -1);
}

int32_t tree_add_leaf(tree *t, int32_t parent, int32_t tok)
{
	return new_node(t, parent, TREE_LEAF, tok);
}

tree_kind tree_kind_from_name(const char *s, size_t n)
{
	/* Strip function tags and indices: NP-TMP, S-1, NP=2. A label that
	 * starts with '-' (-NONE-) is kept whole. */
	size_t m = 0;
	while (m < n && (m == 0 || (s[m] != '-' && s[m] != '=')))
		m++;
	for (int k = 0; k < TREE_LEAF; k++) {
		if (strlen(kind_names[k]) == m && memcmp(kind_names[k], s, m) == 0)
			return (tree_kind)k;
	}
	return TREE_OTHER;
}

const char *tree_kind_name(tree_kind k)
{
	if ((unsigned)k >= TREE_KIND_COUNT_)
		return "?";
	return kind_names[k];
}

int32_t tree_nchildren(const tree *t, int32_t i)
{
	int32_t c = 0;
	for (int32_t k = t->nodes[i].first; k >= 0; k = t->nodes[k].next)
		c++;
	return c;
}

static void span(const tree *t, int32_t i, int32_t *lo, int32_t *hi)
{
	const tree_node *x = &t->nodes[i];
	if (x->kind == TREE_LEAF) {
		if (x->tok < *lo)
			*lo = x->tok;
		if (x->tok + 1 > *hi)
			*hi = x->tok + 1;
		return;
	}
	for (int32_t k = x->first; k >= 0; k = t->nodes[k].next)
		span(t, k, lo, hi);
}

void tree_span(const tree *t, int32_t i, int32_t *first, int32_t *end)
{
	int32_t lo = INT32_MAX, hi = -1;
	span(t, i, &lo, &hi);
	if (hi < 0) {
		*first = *end = 0;
		return;
	}
	*first = lo;
	*end = hi;
}

static void print(const tree *t, int32_t i, int upper, buf *b)
{
	const tree_node *x = &t->nodes[i];
	if (x->kind == TREE_LEAF) {
		const tok_token *k = &t->toks[x->tok];
		buf_printf(b, "(%s %s)", pos_name((pos_tag)k->tag),
			   upper ? k->upper : k->form);
		return;
	}
	buf_putc(b, '(');
	buf_puts(b, tree_kind_name((tree_kind)x->kind));
	for (int32_t k = x->first; k >= 0; k = t->nodes[k].next) {
		buf_putc(b, ' ');
		print(t, k, upper, b);
	}
	buf_putc(b, ')');
}

char *tree_to_string(const tree *t, int upper)
{
	buf b = BUF_INIT;
	if (t->n > 0)
		print(t, 0, upper, &b);
	return buf_steal(&b);
}

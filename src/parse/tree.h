/*
 * tree.h - the phrase-structure tree the coder works on.
 *
 * Both dyad's own shallow parser and the reader of supplied Penn Treebank
 * parses produce this one shape: a constituency tree with Treebank labels
 * whose leaves are tokens. Nodes live in one array (indices, not pointers),
 * allocated from the sentence arena; children are kept in order through
 * first/next links.
 */
#ifndef DYAD_TREE_H
#define DYAD_TREE_H

#include <stddef.h>
#include <stdint.h>

#include "../tok/token.h"
#include "../util/arena.h"

typedef enum tree_kind {
	TREE_ROOT = 0, TREE_S, TREE_SBAR, TREE_SINV, TREE_SQ, TREE_SBARQ,
	TREE_NP, TREE_VP, TREE_PP, TREE_ADJP, TREE_ADVP, TREE_PRN, TREE_QP,
	TREE_WHNP, TREE_WHADVP, TREE_WHPP, TREE_WHADJP, TREE_UCP, TREE_CONJP,
	TREE_FRAG, TREE_PRT, TREE_NX, TREE_NAC, TREE_INTJ, TREE_LST, TREE_RRC,
	TREE_X, TREE_OTHER,
	TREE_LEAF, /* a token; see tree_node.tok */
	TREE_KIND_COUNT_
} tree_kind;

/* Flags a parser may set on a VP (the coder of the validation records
 * recomputes voice itself, as PETRARCH did). */
enum {
	TREE_F_PASSIVE = 1, /* VP is passive ("was attacked by") */
	TREE_F_NEG = 2,     /* VP is negated ("did not attend") */
	TREE_F_MODAL = 4,   /* VP carries a modal or future ("will", "may") */
	TREE_F_HEDGE = 8,   /* reported or unconfirmed ("reportedly") */
	TREE_F_TEMPORAL = 16 /* an NP naming a time ("next week", NP-TMP in
	                        the Treebank): never an actor */
};

typedef struct tree_node {
	uint8_t kind;   /* tree_kind */
	uint8_t flags;  /* TREE_F_* */
	uint16_t pad_;  /* unused */
	int32_t parent; /* node index, -1 for the root */
	int32_t first;  /* first child, -1 if none */
	int32_t last;   /* last child, -1 if none */
	int32_t next;   /* next sibling, -1 if none */
	int32_t tok;    /* TREE_LEAF: index into tree.toks; else -1 */
} tree_node;

typedef struct tree {
	tree_node *nodes; /* arena-owned; nodes[0] is the root once built */
	int32_t n;        /* nodes in use */
	int32_t cap;      /* nodes allocated */
	tok_token *toks;  /* the sentence's tokens (borrowed from the caller,
	                     or arena-owned when made by the Treebank reader) */
	int32_t ntok;     /* number of tokens */
	arena *a;         /* borrowed arena everything is allocated from */
} tree;

/* Initialises t over toks[0..ntok) (borrowed), allocating from a; the tree
 * has no nodes yet. */
void tree_init(tree *t, arena *a, tok_token *toks, int32_t ntok);
/* Appends a node of kind as the last child of parent (-1: a new root, only
 * valid when the tree is empty); returns its index. */
int32_t tree_add(tree *t, int32_t parent, tree_kind kind);
/* Appends a leaf for token tok as the last child of parent. */
int32_t tree_add_leaf(tree *t, int32_t parent, int32_t tok);
/* The kind named s[0..n) ("NP", "NP-TMP" -> TREE_NP, "S-1" -> TREE_S);
 * unknown labels give TREE_OTHER. */
tree_kind tree_kind_from_name(const char *s, size_t n);
const char *tree_kind_name(tree_kind k);
/* Number of children of node i. */
int32_t tree_nchildren(const tree *t, int32_t i);
/* First and one-past-last token index covered by node i (first == end when
 * it covers none). */
void tree_span(const tree *t, int32_t i, int32_t *first, int32_t *end);
/* Writes the tree in Penn Treebank bracket form, tokens upper-cased or not,
 * on one line, into a malloc'd string the caller frees. */
char *tree_to_string(const tree *t, int upper);

#endif

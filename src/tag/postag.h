/*
 * postag.h - the Penn Treebank part-of-speech tag set.
 *
 * Shared by the tagger, dyad's own parser and the reader of supplied Penn
 * Treebank parses, so that the coder sees one tag set whichever produced
 * the tree.
 */
#ifndef DYAD_POSTAG_H
#define DYAD_POSTAG_H

#include <stddef.h>

typedef enum pos_tag {
	POS_NONE = 0, /* not tagged yet / unknown label */
	POS_CC, POS_CD, POS_DT, POS_EX, POS_FW, POS_IN, POS_JJ, POS_JJR,
	POS_JJS, POS_LS, POS_MD, POS_NN, POS_NNS, POS_NNP, POS_NNPS, POS_PDT,
	POS_POS, POS_PRP, POS_PRPS, /* PRP$ */
	POS_RB, POS_RBR, POS_RBS, POS_RP, POS_SYM, POS_TO, POS_UH,
	POS_VB, POS_VBD, POS_VBG, POS_VBN, POS_VBP, POS_VBZ,
	POS_WDT, POS_WP, POS_WPS, /* WP$ */
	POS_WRB,
	POS_COMMA,  /* , */
	POS_PERIOD, /* . (also ? and !) */
	POS_COLON,  /* : ; -- ... */
	POS_LQUOTE, /* `` */
	POS_RQUOTE, /* '' */
	POS_LRB,    /* -LRB- */
	POS_RRB,    /* -RRB- */
	POS_HASH,   /* # */
	POS_DOLLAR, /* $ */
	POS_HYPH,   /* HYPH */
	POS_COUNT_
} pos_tag;

/* The Treebank name of a tag ("NN", "PRP$", ","); "?" for POS_NONE. */
const char *pos_name(pos_tag t);
/* The tag named s[0..n), or POS_NONE. */
pos_tag pos_from_name(const char *s, size_t n);

/* Families, as the parser and coder ask about them. */
int pos_is_noun(pos_tag t);   /* NN NNS NNP NNPS */
int pos_is_verb(pos_tag t);   /* VB VBD VBG VBN VBP VBZ (not MD) */
int pos_is_adj(pos_tag t);    /* JJ JJR JJS */
int pos_is_adv(pos_tag t);    /* RB RBR RBS */
int pos_is_punct(pos_tag t);  /* , . : `` '' -LRB- -RRB- # $ HYPH */

#endif

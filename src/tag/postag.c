/*
 * postag.c - names and families of Penn Treebank tags.
 */
#include "postag.h"

#include <string.h>

static const char *const names[POS_COUNT_] = {
	[POS_NONE] = "?", [POS_CC] = "CC", [POS_CD] = "CD", [POS_DT] = "DT",
	[POS_EX] = "EX", [POS_FW] = "FW", [POS_IN] = "IN", [POS_JJ] = "JJ",
	[POS_JJR] = "JJR", [POS_JJS] = "JJS", [POS_LS] = "LS", [POS_MD] = "MD",
	[POS_NN] = "NN", [POS_NNS] = "NNS", [POS_NNP] = "NNP",
	[POS_NNPS] = "NNPS", [POS_PDT] = "PDT", [POS_POS] = "POS",
	[POS_PRP] = "PRP", [POS_PRPS] = "PRP$", [POS_RB] = "RB",
	[POS_RBR] = "RBR", [POS_RBS] = "RBS", [POS_RP] = "RP",
	[POS_SYM] = "SYM", [POS_TO] = "TO", [POS_UH] = "UH", [POS_VB] = "VB",
	[POS_VBD] = "VBD", [POS_VBG] = "VBG", [POS_VBN] = "VBN",
	[POS_VBP] = "VBP", [POS_VBZ] = "VBZ", [POS_WDT] = "WDT",
	[POS_WP] = "WP", [POS_WPS] = "WP$", [POS_WRB] = "WRB",
	[POS_COMMA] = ",", [POS_PERIOD] = ".", [POS_COLON] = ":",
	[POS_LQUOTE] = "``", [POS_RQUOTE] = "''", [POS_LRB] = "-LRB-",
	[POS_RRB] = "-RRB-", [POS_HASH] = "#", [POS_DOLLAR] = "$",
	[POS_HYPH] = "HYPH",
};

const char *pos_name(pos_tag t)
{
	if ((unsigned)t >= POS_COUNT_)
		return "?";
	return names[t];
}

pos_tag pos_from_name(const char *s, size_t n)
{
	for (int t = 1; t < POS_COUNT_; t++) {
		if (strlen(names[t]) == n && memcmp(names[t], s, n) == 0)
			return (pos_tag)t;
	}
	/* Variants seen in Treebank files. */
	if ((n == 5 && memcmp(s, "-LCB-", 5) == 0) || (n == 5 && memcmp(s, "-LSB-", 5) == 0))
		return POS_LRB;
	if ((n == 5 && memcmp(s, "-RCB-", 5) == 0) || (n == 5 && memcmp(s, "-RSB-", 5) == 0))
		return POS_RRB;
	if (n == 2 && memcmp(s, "NP", 2) == 0)
		return POS_NNP; /* old-style tag in some corpora */
	return POS_NONE;
}

int pos_is_noun(pos_tag t)
{
	return t == POS_NN || t == POS_NNS || t == POS_NNP || t == POS_NNPS;
}

int pos_is_verb(pos_tag t)
{
	return t >= POS_VB && t <= POS_VBZ;
}

int pos_is_adj(pos_tag t)
{
	return t == POS_JJ || t == POS_JJR || t == POS_JJS;
}

int pos_is_adv(pos_tag t)
{
	return t == POS_RB || t == POS_RBR || t == POS_RBS;
}

int pos_is_punct(pos_tag t)
{
	return t >= POS_COMMA && t <= POS_HYPH;
}

/*
 * token.h - a token of a sentence, with its place in the original text.
 *
 * Tokens follow the Penn Treebank conventions ("did n't", "Japan 's",
 * -LRB-), because dictionaries are written against Treebank tokens
 * (`DID N'T`). Offsets always refer to the document's text exactly as read,
 * before cleaning, so every event's evidence can be cut out of the input.
 */
#ifndef DYAD_TOKEN_H
#define DYAD_TOKEN_H

#include <stdint.h>

#include "../tag/postag.h"

typedef struct tok_token {
	uint32_t start;    /* byte offset of the first byte in the original text */
	uint32_t end;      /* byte offset one past the last byte */
	const char *form;  /* the token as used (cleaned, Treebank form, original
	                      case), NUL-terminated, in the sentence arena */
	const char *upper; /* form upper-cased (ASCII and Unicode simple case),
	                      what dictionaries match against; arena */
	uint16_t len;      /* strlen(form) */
	uint16_t ulen;     /* strlen(upper) */
	int32_t word;      /* dictionary word id of upper, -1 if no dictionary
	                      uses it (filled by the engine) */
	uint8_t tag;       /* pos_tag */
	uint8_t flags;     /* TOK_F_* */
} tok_token;

enum {
	TOK_F_CAP = 1,      /* starts with an upper-case letter */
	TOK_F_ALLCAP = 2,   /* all letters upper case (and more than one) */
	TOK_F_NUM = 4,      /* starts with a digit */
	TOK_F_SENTSTART = 8, /* first word of the sentence (after quotes) */
	TOK_F_PLACE = 16     /* part of a place name the gazetteer knows (a city,
	                        not a country); set by the engine */
};

#endif

/*
 * lexicon_int.h - the layout of the compiled lexicon blob, shared by
 * tools/mklexicon (which writes it) and the tagger (which reads it in
 * place: tagger_new() only checks the header).
 *
 * Blob: a 32-byte header (magic "DYLX", then uint32 nslots, nwords, ninfo,
 * off_slots, off_info, off_strings, total), an open-addressing table of
 * nslots 8-byte slots {uint32 string offset or LEX_EMPTY; uint16 top 16
 * bits of the word's FNV-1a hash; uint16 info index}, probed linearly from
 * hash & (nslots - 1), the deduplicated lex_info records, and the words
 * (lower case) as {uint8 length, bytes, NUL}. Host byte order.
 */
#ifndef DYAD_LEXICON_INT_H
#define DYAD_LEXICON_INT_H

#include <stdint.h>

#define LEX_MAGIC "DYLX"
#define LEX_HEADER_BYTES 32
#define LEX_SLOT_BYTES 8
#define LEX_EMPTY 0xFFFFFFFFu

enum {
	LEX_F_CAPNOUN = 1, /* WordNet writes some sense with a capital */
	LEX_F_LOWER = 2,   /* some sense is written in lower case */
	LEX_F_PROPER = 4,  /* capitalised senses outnumber lower-case ones */
	LEX_F_DEMONYM = 8  /* a capitalised adjective ("American", "Japanese") */
};

/* What the lexicon knows about a word. */
typedef struct lex_info {
	uint64_t tags;   /* bit set of allowed pos_tag values */
	uint8_t best;    /* the most likely tag out of context */
	uint8_t freq[4]; /* SemCor frequency of the lemma as noun, verb, adj,
			    adverb: 0 none, else 1 + floor(log2(count)) */
	uint8_t flags;   /* LEX_F_* */
	uint8_t pad[2];  /* zero */
} lex_info;

#endif

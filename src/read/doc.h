/*
 * doc.h - a document as the readers hand it to the engine.
 *
 * A document is one article (plain text, JSON Lines, HTML) or one
 * pre-split sentence (a PETRARCH XML <Sentence>). Readers fill it; the
 * engine codes it; doc_clear() releases what it owns.
 */
#ifndef DYAD_DOC_H
#define DYAD_DOC_H

#include <stddef.h>
#include <stdint.h>

/* Coding settings (formats.md, "Coding settings and their defaults"). */
typedef struct doc_settings {
	int require_dyad;     /* both actors needed */
	int new_actor_length; /* 0 = off */
	int comma_min, comma_max;   /* internal comma clauses */
	int comma_bmin, comma_bmax; /* initial clause */
	int comma_emin, comma_emax; /* terminal clause */
	int negation;         /* a negated verb ("did not visit", "will not
	                         attend") codes nothing unless a pattern of the
	                         dictionary codes the negated form (a refusal);
	                         on for text, off for PETRARCH's records */
	int coref;            /* resolve "the North", "the two countries" and
	                         pronoun subjects from the story so far; on for
	                         text, off for PETRARCH's records */
	int places_not_actors;/* a city after in/at/near ("met in Shenyang") is
	                         the event's place, never its actor; on for
	                         text, off for PETRARCH's records */
	int news_syntax;      /* constructions of news the records never use:
	                         shared heads ("Japanese and North Korean
	                         officials" is two actors) and nominal events
	                         ("a meeting between A and B", "the execution
	                         of X"); on for text, off for the records */
	int targetless;       /* keep an event whose clause has no noun phrase
	                         after the verb at all (text input: "North
	                         Korea tested a missile" style one-sided events
	                         need it); PETRARCH's records expect none */
} doc_settings;

/* Which settings a <Config> element (or a flag) has set; a bit per field. */
enum {
	DOC_SET_REQUIRE_DYAD = 1 << 0,
	DOC_SET_NEW_ACTOR_LENGTH = 1 << 1,
	DOC_SET_COMMA_MIN = 1 << 2,
	DOC_SET_COMMA_MAX = 1 << 3,
	DOC_SET_COMMA_BMIN = 1 << 4,
	DOC_SET_COMMA_BMAX = 1 << 5,
	DOC_SET_COMMA_EMIN = 1 << 6,
	DOC_SET_COMMA_EMAX = 1 << 7
};

/* A gold event of a validation record (<EventCoding>). */
typedef struct doc_gold {
	char *source; /* owned, as written (quotes kept) */
	char *target; /* owned */
	char *code;   /* owned */
} doc_gold;

typedef struct doc {
	char *id;        /* owned; never NULL once read */
	int32_t date;    /* story date as YYYYMMDD, 0 if unknown */
	char *source;    /* owned publisher name or NULL */
	char *url;       /* owned or NULL */
	char *title;     /* owned or NULL */
	char *text;      /* owned, exactly as read (offsets refer to it; for
	                    HTML input, the article text extracted from the
	                    page: title, blank line, paragraphs);
	                    NUL-terminated, may contain no NUL before len */
	size_t len;      /* bytes of text */
	size_t text_base;/* XML: byte offset of text in the file; plain text:
	                    bytes before it (header, BOM); else 0. Event spans
	                    are offsets into text, not into the file. */

	/* PETRARCH XML only. */
	int one_sentence;  /* text is exactly one sentence: do not split */
	char *story;       /* owned story id (id up to its last '_' or '-') */
	char *parse;       /* owned <Parse> contents, NULL if none/not wanted */
	char *category;    /* owned category attribute or NULL */
	int noevents;      /* noevents="True" */
	doc_gold *gold;    /* owned array of gold events */
	int ngold;

	/* Settings changed by <Config> elements before this record, in force
	 * for it: the fields flagged in `set` override the caller's. */
	doc_settings settings;
	unsigned set;

	const char *file; /* borrowed name of the input, for messages */
	long line;        /* line where the document starts (1-based) */
} doc;

/* The defaults for an input kind: xml != 0 for PETRARCH XML. */
doc_settings doc_settings_default(int xml);
/* Applies d's overrides on top of base. */
doc_settings doc_settings_apply(doc_settings base, const doc *d);
/* Frees what d owns and zeroes it; NULL is a no-op. */
void doc_clear(doc *d);
/* Parses a story date "YYYY-MM-DD", "YYYYMMDD" or "YYMMDD" (s[0..n)) into
 * YYYYMMDD; returns 0 on success, -1 when it is not a real calendar date. */
int doc_parse_date(const char *s, size_t n, int32_t *out);

#endif

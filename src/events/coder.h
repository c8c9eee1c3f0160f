/*
 * coder.h - events from a parsed sentence: verbs, patterns, sources and
 * targets, following ../shared/docs/petrarch-semantics.md.
 *
 * The tree is flattened as PETRARCH does: noun phrases become flat NEs
 * (compound NEs for coordinations), verb phrases keep their extent, and
 * clause-level commas delimit clauses. Comma clauses are deleted by length,
 * then each verb is looked up, its block's patterns are matched against the
 * words before it (the upper sequence) and after it (the lower sequence),
 * and the source and target are taken from the pattern or by the default
 * rules. All results live in the caller's arena.
 */
#ifndef DYAD_CODER_H
#define DYAD_CODER_H

#include <stdint.h>

#include "../dict/dict.h"
#include "../parse/tree.h"
#include "../read/doc.h"
#include "../util/arena.h"
#include "../util/buf.h"

/* A noun phrase as the coder sees it. */
typedef struct cd_ne {
	int32_t *toks;     /* its tokens (indices into the tree's tokens) */
	int32_t ntok;
	const char *code;  /* actor code, "---" if none; NULL for a compound */
	int compound;      /* 1: a compound; its members follow */
	int32_t *members;  /* member NE indices (compound only) */
	int32_t nmembers;
	int32_t parent;    /* enclosing compound, or -1 */
	int32_t open;      /* index of its open marker in the flat sequence */
	int32_t close;     /* index of its close marker */
	int location;      /* a city after in/at/near: the event's place, an
	                      actor only when no other phrase can be */
} cd_ne;

/* A coded event, before attributes. */
typedef struct cd_event {
	const char *source;  /* actor code, "---" when missing */
	const char *target;
	const char *code;    /* event code */
	int32_t src_ne;      /* NE that gave the source, -1 if none */
	int32_t tgt_ne;      /* NE that gave the target, -1 if none */
	int32_t verb_tok;    /* token of the verb */
	const dict_pattern *pattern; /* pattern that fired, NULL: verb code */
	int passive;         /* roles were swapped for the passive voice */
	int hedged;          /* the sentence reports it as unconfirmed */
	int nominal;         /* coded from an event noun, not a verb */
} cd_event;

typedef struct cd_result cd_result;
struct cd_result {
	cd_event *ev;    /* events, arena-owned */
	int32_t nev;
	cd_ne *nes;      /* NEs, arena-owned */
	int32_t nne;
	int skipped;     /* the sentence was skipped (unbalanced after comma
	                    deletion); no events */
};



/* What the story has said so far, for the coreference news needs: "the
 * North", "the two countries", a pronoun subject. A plain value: copy it
 * freely. cd_context_update() carries it past a coded sentence. */
#define CD_MAX_COUNTRIES 8
typedef struct cd_context {
	char countries[CD_MAX_COUNTRIES][4]; /* country parts (3 letters) of
	                         the story's actors, most recent first */
	int32_t ncountries;
	char last_source[48];  /* the one source of the previous sentence's
	                          events, "" when none or several */
} cd_context;

/* Notes a country part (the first three letters of an actor code) as the
 * most recent one; codes that are not a country (---, IGO, NGO, quoted
 * text...) are ignored. */
void cd_context_note(cd_context *x, const char *code);
/* Carries x past a coded sentence: its actors' countries, and its one
 * source (or none). */
void cd_context_update(cd_context *x, const cd_result *r);

/* Codes the sentence in t (tokens' word ids filled) with dictionaries d
 * and settings s at sentence date `date`. ctx (may be NULL) is the story
 * so far, used when s->coref is set. ex, when not NULL, receives a
 * human-readable trace of every decision (for `dyad explain`). */
void code_sentence(const dict *d, arena *a, const tree *t,
		   const doc_settings *s, int32_t date, const cd_context *ctx,
		   buf *ex, cd_result *out);

#endif

/*
 * dict.h - the event-coding dictionaries: verbs, actors, agents, discards
 * and issues, in the TABARI/PETRARCH formats.
 *
 * A dict is built once (load files or in-memory texts, then dict_finish)
 * and is immutable afterwards, so any number of threads may query it.
 * Every dictionary word is interned; the coder looks each token up once with
 * dict_word() and matches integer ids. Matching rules follow
 * ../shared/docs/petrarch-semantics.md; dyad's own docs/dictionaries.md
 * records the rules established where the format notes are silent.
 *
 * Ownership: every pointer returned by a query is owned by the dict and
 * valid until dict_free().
 */
#ifndef DYAD_DICT_H
#define DYAD_DICT_H

#include <stddef.h>
#include <stdint.h>

#include "../util/diag.h"

typedef struct dict dict;

typedef enum dict_kind {
	DICT_VERBS = 0,
	DICT_ACTORS,
	DICT_AGENTS,
	DICT_DISCARDS,
	DICT_ISSUES,
	DICT_KIND_COUNT_
} dict_kind;

/* Longest phrase, in words, an actor or agent entry may have; longer
 * entries are reported and skipped. */
#define DICT_MAX_PHRASE 32

/* ---- Building ------------------------------------------------------- */

/* A new, empty dict reporting problems to dg (borrowed; must outlive every
 * load call). Free with dict_free(). */
dict *dict_new(diag *dg);
void dict_free(dict *d);
/* Loads a dictionary file of kind k. A malformed line is reported as
 * "path:line: reason" and skipped. Returns 0, or -1 when the file cannot be
 * read, or when the diag is strict and a line was malformed. */
int dict_load_file(dict *d, dict_kind k, const char *path);
/* The same from a buffer (borrowed, need not be NUL-terminated); name is
 * used in messages. */
int dict_load_mem(dict *d, dict_kind k, const char *name, const char *text,
		  size_t len);
/* The kind a file name implies for --dict DIR (formats.md), or -1. */
int dict_kind_from_filename(const char *name);
/* Ends loading: builds the lookup indexes. No load after this. */
void dict_finish(dict *d);

typedef struct dict_stats {
	int32_t verbs;        /* verb phrases (primary, not generated forms) */
	int32_t verb_forms;   /* distinct word forms that start a verb lookup */
	int32_t patterns;     /* patterns kept */
	int32_t synsets;      /* synsets */
	int32_t actors;       /* actor entries (primary phrases) */
	int32_t actor_phrases;/* primary phrases + synonyms */
	int32_t agents;       /* agent phrases incl. expansions */
	int32_t discards;     /* discard phrases */
	int32_t issues;       /* issue phrase forms */
	int32_t words;        /* interned words */
} dict_stats;

void dict_get_stats(const dict *d, dict_stats *s);

/* ---- Words ---------------------------------------------------------- */

/* The id of an upper-case word as dictionaries spell it, or -1 when no
 * dictionary uses it. */
int32_t dict_word(const dict *d, const char *upper, size_t n);
/* The text of a word id (for explanations). */
const char *dict_word_text(const dict *d, int32_t id);

/* ---- Verbs ---------------------------------------------------------- */

/* One verb form: the word the parser tags as the verb, with the companion
 * words of a multi-word verb ("CORDON_OFF": word CORDON, post {OFF}). */
typedef struct dict_verb {
	int32_t block;        /* its block: the pattern list it shares */
	const char *code;     /* its own code, else the block's; "---" = null */
	const int32_t *pre;   /* companion words before it, in text order */
	const int32_t *post;  /* companion words after it, in text order */
	int16_t npre, npost;
	const char *phrase;   /* the verb line's phrase, e.g. "CORDON_+OFF" */
	int32_t line;         /* line in its file */
} dict_verb;

/* The verb entries whose verb word is `word`, multi-word entries first
 * (most companion words first), then the single-word entry. Sets *out and
 * returns the count (0 if none). */
int32_t dict_verb_lookup(const dict *d, int32_t word, const dict_verb **out);

typedef enum dict_pel_kind {
	PEL_WORD = 0, /* a literal word: id is a word id */
	PEL_SYNSET,   /* &NAME: id is a synset id */
	PEL_SOURCE,   /* $ : the next NE is the source */
	PEL_TARGET,   /* + : the next NE is the target */
	PEL_SKIP,     /* ^ : skip the next NE */
	PEL_COMPOUND  /* % : the next compound NE */
} dict_pel_kind;

/* One element of a pattern half. tight: joined by '_' to the element on its
 * verb side (for the first element of a half: to the verb itself), so it
 * must be the very next word in the matching direction. */
typedef struct dict_pel {
	uint8_t kind;  /* dict_pel_kind */
	uint8_t tight; /* 1: '_' join, 0: space (words may come between) */
	int32_t id;    /* word or synset id; -1 for markers */
} dict_pel;

typedef struct dict_pattern {
	const dict_pel *upper; /* elements before '*', upper[0] nearest the
	                          verb (the matching order: right to left) */
	const dict_pel *lower; /* elements after '*', lower[0] nearest the verb */
	int16_t nupper, nlower;
	const char *code;      /* verbatim: "064", "174K", "032:033", "---" */
	const char *text;      /* the pattern line as written, for explain */
	int32_t line;          /* line in its file */
	uint64_t need_upper;   /* bit (id % 64) of each literal word of each
	                          half: a quick test that its words can be there
	                          (dict_word_bit) */
	uint64_t need_lower;
} dict_pattern;

/* The signature bit of a word id, as in dict_pattern.need_*. */
static inline uint64_t dict_word_bit(int32_t id)
{
	return id >= 0 ? (uint64_t)1 << ((uint32_t)id % 64) : 0;
}

/* A block's patterns in priority order (file order). [+++] patterns and
 * TABARI disjunctions ('{') are dropped at load. */
int32_t dict_block_patterns(const dict *d, int32_t block,
			    const dict_pattern **out);
/* The block's label ("ABANDON") and default code. */
const char *dict_block_label(const dict *d, int32_t block);

/* A word sequence (synset member). */
typedef struct dict_seq {
	const int32_t *w;
	int32_t n;
} dict_seq;

/* A synset's members in file order, generated plurals after each member. */
int32_t dict_synset_members(const dict *d, int32_t synset,
			    const dict_seq **out);
const char *dict_synset_name(const dict *d, int32_t synset);

/* ---- Actors --------------------------------------------------------- */

typedef struct dict_actor_match {
	int32_t entry;                  /* actor entry */
	int32_t nused;                  /* words the match used */
	int32_t used[DICT_MAX_PHRASE];  /* their indices in words[], ascending */
} dict_actor_match;

/* Finds the actor in the NE words[0..n) (word ids, -1 for words no
 * dictionary has): the leftmost word that starts any match wins, there the
 * entry with most words, ties by file order. Within an entry a '_' join
 * needs the next word, a space lets words come between. Returns 1 and
 * fills m, or 0. */
int dict_actor_find(const dict *d, const int32_t *words, int32_t n,
		    dict_actor_match *m);
/* The code of an entry for a sentence date (YYYYMMDD; 0 = unknown): the
 * first date line that holds, else the undated default (the last, if
 * several), else "---". With an unknown date, the default, else the
 * last open-ended (">DATE") code, else "---". May contain '/' (A/B). */
const char *dict_actor_code(const dict *d, int32_t entry, int32_t date);
/* The entry's primary phrase, for explanations. */
const char *dict_actor_phrase(const dict *d, int32_t entry);

/* ---- Agents --------------------------------------------------------- */

typedef struct dict_agent_match {
	int32_t entry;
	int32_t nused;
	int32_t used[DICT_MAX_PHRASE]; /* indices in words[], ascending */
	const char *code;   /* the code without '~': "GOV", "GOVFRM", "NGO" */
	int prefix;         /* 1: "NGO~" prepends; 0: "~GOV" appends */
	const char *phrase; /* the entry as written, for explanations */
} dict_agent_match;

/* The first agent entry (file order) that matches starting at words[pos],
 * never using a word whose taken[] flag is set (taken may be NULL).
 * Returns 1 and fills m, or 0. */
int dict_agent_at(const dict *d, const int32_t *words, int32_t n,
		  int32_t pos, const uint8_t *taken, dict_agent_match *m);

/* ---- Discards and issues -------------------------------------------- */

typedef enum dict_discard_kind {
	DICT_KEEP = 0,
	DICT_DISCARD_SENTENCE = 1,
	DICT_DISCARD_STORY = 2
} dict_discard_kind;

/* Checks a sentence's text (any case, UTF-8) against the discards; the
 * story form beats the sentence form. *phrase (may be NULL) is set to the
 * phrase that matched. */
dict_discard_kind dict_discard_check(const dict *d, const char *text,
				     size_t n, const char **phrase);

typedef struct dict_issue_count {
	const char *code; /* issue code, owned by the dict */
	int32_t count;
} dict_issue_count;

/* Counts the issues in a sentence's text into out[0..max), in order of
 * first appearance; returns how many codes were found (0 when none, or
 * when a '~' phrase cancels them). */
int32_t dict_issues(const dict *d, const char *text, size_t n,
		    dict_issue_count *out, int32_t max);

#endif

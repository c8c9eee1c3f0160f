/*
 * engine.h - dyad's library entry point: documents in, coded events out.
 *
 * An engine holds what is loaded once and shared: the dictionaries and the
 * tagger; it is immutable, so threads may share it. Each thread codes with
 * its own session, which owns the scratch arena (reset after every
 * sentence) and the story state for story-level discards. The CLI, the
 * validator and the benchmarks are thin front ends on these calls.
 *
 * Data flow per document: clean -> split -> tokenize -> tag -> parse (or
 * read the supplied Treebank parse) -> actors and events (coder) ->
 * attributes (CAMEO tables, issues) -> the caller's sink.
 */
#ifndef DYAD_ENGINE_H
#define DYAD_ENGINE_H

#include <stdint.h>

#include "../dict/dict.h"
#include "../events/event.h"
#include "../read/doc.h"
#include "../util/buf.h"
#include "../util/diag.h"

typedef struct engine engine;
typedef struct eng_session eng_session;

/* Loads dyad's own default dictionaries (built into the binary) into d.
 * Returns 0, or -1 if one of them failed to load (reported). */
int eng_load_defaults(dict *d);

/* An engine over the finished dictionary d, which it takes over (freed by
 * engine_free). dg (borrowed) receives problems found while coding. */
engine *engine_new(dict *d, diag *dg);
void engine_free(engine *e);
const dict *engine_dict(const engine *e);

/* Where coded events go. Events of a story are reported as they are coded;
 * at the story's end story_end says whether to keep them (0) or to drop
 * them all (1: a story-level discard matched). Pointers in an event are
 * valid only during the call. */
typedef struct eng_sink {
	void *ctx;
	void (*event)(void *ctx, const ev_event *e);
	void (*story_end)(void *ctx, int discard);
	/* Optional: the story's events so far can no longer be discarded
	 * (the document was checked for story discards before coding), so a
	 * sink may write them out now instead of holding a whole long
	 * document's events. May be NULL. */
	void (*flush)(void *ctx);
} eng_sink;

typedef struct eng_stats {
	int64_t docs;       /* documents coded */
	int64_t sentences;  /* sentences analysed */
	int64_t events;     /* events reported */
	int64_t discarded;  /* sentences dropped by sentence discards */
	int64_t skipped;    /* sentences skipped (bad supplied parse, ...) */
} eng_stats;

/* A coding session over e (borrowed; must outlive the session), reporting
 * to sink (copied). */
eng_session *eng_session_new(const engine *e, const eng_sink *sink);
void eng_session_free(eng_session *s);

/* Codes document d (borrowed) with settings set. use_parse: code from
 * d->parse when present (Treebank) instead of dyad's parser. A document
 * whose story differs from the previous one ends that story first.
 * Returns 0, or -1 when the document could not be coded at all (reported;
 * the session stays usable). */
int eng_code_doc(eng_session *s, const doc *d, const doc_settings *set,
		 int use_parse);
/* Ends the current story (call once after the last document). */
void eng_finish(eng_session *s);
/* Counters so far. */
const eng_stats *eng_session_stats(const eng_session *s);

/* Explains how one sentence of text is coded: tokens, tags, tree, NEs with
 * their actor and agent matches, verbs and every pattern tried, events.
 * Appends to out. date: YYYYMMDD or 0. parse: a Treebank parse to use
 * instead of dyad's parser, or NULL. */
void eng_explain(const engine *e, const char *text, size_t len, int32_t date,
		 const doc_settings *set, const char *parse, buf *out);

#endif

/*
 * event.h - a coded event with its evidence.
 *
 * What the coder produces and the writers print: who did what to whom,
 * when and where, and where in the document's original text the source,
 * target, verb and sentence are. All strings are borrowed (from the
 * dictionaries, the document or the sentence arena) and valid until the
 * event callback returns.
 */
#ifndef DYAD_EVENT_H
#define DYAD_EVENT_H

#include <stdint.h>

/* A byte range [start, end) in the document's original text; start < 0
 * when there is none (no actor, or a parse that could not be aligned). */
typedef struct ev_span {
	int64_t start;
	int64_t end;
} ev_span;

typedef enum ev_precision {
	EV_DATE_NONE = 0, /* no date known */
	EV_DATE_DAY,
	EV_DATE_MONTH,
	EV_DATE_YEAR,
	EV_DATE_DECADE
} ev_precision;

typedef struct ev_issue {
	const char *code;
	int32_t count;
} ev_issue;

typedef struct ev_place {
	const char *name;    /* NULL when the event has no place */
	const char *country; /* ISO alpha-3 */
	const char *admin1;  /* first-level division name, or NULL */
	double lat, lon;
} ev_place;

typedef struct ev_event {
	const char *doc;        /* document id */
	const char *url;        /* the document's URL, or NULL */
	const char *news_source;/* the document's publisher, or NULL */
	const char *sid;        /* sentence id (<Sentence id> or doc-N) */
	int32_t sent;           /* 0-based sentence index in the document */
	int32_t story_date;     /* YYYYMMDD, 0 if unknown */
	int32_t date;           /* when it happened, YYYYMMDD with zeroed
	                           parts below the precision; 0 if unknown */
	ev_precision date_precision;
	const char *source;     /* actor code, "---" when missing */
	const char *target;     /* actor code, "---" when missing */
	const char *code;       /* event code as the dictionary wrote it */
	const char *source_text;/* the source noun phrase, or NULL */
	const char *target_text;
	const char *verb_text;
	ev_span source_span, target_span, verb_span;
	ev_span sentence;       /* the evidence sentence */
	const char *sentence_text; /* its text (cleaned form), NUL-terminated */
	ev_place place;
	const ev_issue *issues; /* issues of the sentence */
	int32_t nissues;
	unsigned flags;         /* EV_F_* */
	const char *pattern;    /* the verb pattern that fired, or NULL (the
	                           verb's own code); for explanations */
} ev_event;

enum {
	EV_F_PASSIVE = 1,  /* coded from a passive clause (roles swapped) */
	EV_F_HEDGED = 2,   /* unconfirmed or reported ("reportedly") */
	EV_F_NOMINAL = 4   /* from a noun ("the meeting between A and B") */
};

#endif

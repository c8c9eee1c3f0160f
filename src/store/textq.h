/*
 * textq.h - dyad's full-text query language (`--text`, `text=`), one
 * syntax for both store backends, translated into SQLite FTS5 MATCH
 * syntax or a PostgreSQL tsquery:
 *
 *   word            a word, any case (words: letters, digits, and any
 *                   non-ASCII character; other characters separate words)
 *   word*           a word starting with word
 *   "two words"     the words next to each other, in that order
 *   a b, a AND b    both
 *   a OR b          either (AND binds tighter: a b OR c = (a b) OR c)
 *   -a, NOT a       not a (after at least one term it excludes from)
 *
 * A query with nothing to match, an unclosed quote, an OR or AND without
 * terms on both sides, or only exclusions in an OR branch is refused with
 * a message saying so.
 */
#ifndef DYAD_STORE_TEXTQ_H
#define DYAD_STORE_TEXTQ_H

#include <stddef.h>

#include "../util/buf.h"

typedef enum textq_dialect {
	TEXTQ_FTS5,    /* SQLite FTS5: "w1" AND "w2" NOT "w3" OR "p q"* */
	TEXTQ_TSQUERY  /* PostgreSQL to_tsquery('simple', ...): 'w1' & !'w3' | ... */
} textq_dialect;

/* Translates query (borrowed) into dialect d, appended to out. Returns 0,
 * or -1 with a message (without the query) written to err (err_size
 * bytes, NUL-terminated). */
int textq_translate(const char *query, textq_dialect d, buf *out, char *err, size_t err_size);

#endif

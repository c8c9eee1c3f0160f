/*
 * when.h - the dates of a sentence: "on March 3", "in November 2012",
 * "the 1970s", "on Monday", "last month", "two years ago", "a month later",
 * found in its tagged tokens and resolved to calendar dates of a stated
 * precision, so an event carries the date it happened, not the date it was
 * reported (formats.md: "date", "date_precision").
 */
#ifndef DYAD_WHEN_H
#define DYAD_WHEN_H

#include <stdint.h>

#include "../events/event.h"
#include "../tok/token.h"

/* One date expression of a sentence. */
typedef struct when_expr {
	int32_t tok_start, tok_end; /* token span [start, end) */
	int32_t date;               /* YYYYMMDD; parts below the precision are 0
	                               (2012-11 -> 20121100, 2013 -> 20130000,
	                               the 1970s -> 19700000) */
	ev_precision prec;          /* EV_DATE_DAY / MONTH / YEAR / DECADE */
	int relative;               /* 1: resolved against the story date or
	                               another date of the sentence */
} when_expr;

/*
 * Finds the date expressions of one sentence's tokens toks[0..n) (tagged,
 * Penn Treebank tokens: "March" "3" "," "2014"; "Monday" "'s"), resolves
 * them against story_date (YYYYMMDD; 0 = unknown, and an impossible date
 * counts as unknown: then the expressions that need it are skipped), and
 * writes up to max of them to out in sentence order, without overlaps.
 * Returns how many were written (0 when toks or out is NULL or max <= 0).
 * toks is borrowed and only read; no allocation; thread-safe.
 *
 * The span covers the date words and the words that change their meaning
 * ("last", "next", "this", "early", "mid-", "two days ago", "a month
 * before"), not the preposition before them ("on", "in", "since") nor a
 * possessive "'s" after them.
 *
 * Rules (all words case-insensitive, tags from the tagger):
 *
 * Explicit (relative = 0):
 *   "March 3, 2014", "Mar 3 2014", "3 March 2014", "the 4th of July 2012",
 *   "Thursday, June 4th, 2012", "2014-03-03", "2014/03/03"    -> day
 *   "November 2012", "November of 2012", "early/late November 2012"
 *                                                              -> month
 *   "in 2012", "since 2012", "the 2012 election", "early 2012", "late 2012",
 *   "mid-2013", "summer 2012", "1950-1953", "2011-13" (first year) -> year
 *   "the 1970s", "1970s", "the 1970 's", "the '90s", "the 90s", "mid-1990s"
 *                                                              -> decade
 *   A year standing alone is a year only after a word that makes it one:
 *   in, since, during, until, till, throughout, circa, year, fiscal,
 *   early, late, mid, a season (1000..2999); by, from, to, between, around,
 *   of after end/start/beginning/middle/half/... , "and"/"or"/"to" right
 *   after another date, or "the" before it (1900..2099, and not followed by
 *   a noun or number: "by 2000 votes" is not a date); "2,000" and "1.5" are
 *   never years. Numeric dates with slashes other than year/month/day
 *   ("3/4/2014") are ambiguous and skipped; impossible days ("February 30")
 *   are skipped. A '90s decade is 19xx from '30s on, else 20xx.
 *
 * Months, days and weekdays without a year (relative = 1), and tense:
 *   the clause is "future" when the nearest verb that decides, looking
 *   back up to 15 tokens from the expression (stopping at ; : .), or
 *   failing one, forward up to 8 tokens, is a modal (will, 'll, shall,
 *   would, may, could... but not "would have"), a plan word (expected,
 *   scheduled, planned, plans, due, set to, going to) or a form of "be"
 *   before "to" or a plan word ("is to meet", "was scheduled to"). A past
 *   verb (met, was held) or a perfect (has met) decides "past"; the
 *   present ("says", "heads") and participles decide nothing. Without a
 *   decision the clause is past: news reports what happened.
 *   "in December" (past)       the most recent December not after the
 *                              story month (story 2014-03 -> 2013-12; in a
 *                              December story, that December) -> month
 *   "in December" (future)     the first December not before the story
 *                              month
 *   "last December"            the most recent one strictly before the
 *                              story month; "next December" the first one
 *                              strictly after
 *   "on Dec. 12", "March 3"    the same rules on the day: past -> the most
 *                              recent such day not after the story date;
 *                              future -> the first not before; a Feb. 29
 *                              moves to the nearest leap year that way
 *   "on Monday", "Monday 's", "late on Tuesday", "Monday night"
 *                              past -> the most recent such weekday on or
 *                              before the story date (a wire story dated
 *                              Tuesday saying "on Tuesday" means that day);
 *                              future -> the first on or after it;
 *                              "last Monday" strictly before, "next
 *                              Monday" / "this coming Monday" strictly after
 *   "will open in two days"    story + N units, only in a future clause
 *                              and never after a noun or superlative
 *                              ("the first visit in three years")
 *   Names are not dates: "Bloody Sunday", "Good Friday", "Super Tuesday",
 *   "the Sunday Times"; "Theresa May", "April Glaspie", "June Carter" (a
 *   month next to a capitalised name, with no number and no preposition
 *   before it; an abbreviation alone, "Jan Egeland", never); "the March 14
 *   alliance", "the Sept. 11 attacks" (a day without a year before
 *   alliance, movement, attacks...); "march"/"may" tagged as a verb or
 *   modal are months only after a preposition-like word (in, since, early,
 *   last...) or before a day or year number, and never before a base verb
 *   ("may march"); "the march on the capital".
 *
 * Relative to the story date (relative = 1):
 *   today, tonight, this morning/afternoon/evening -> the story date;
 *   yesterday, last night -> the day before; tomorrow -> the day after
 *                                                              (day)
 *   last / this / next month   -> the month before / of / after  (month)
 *   last / this / next year, earlier this year, late last year   (year)
 *   last / this / next week    -> a week is not a day: the MONTH of the
 *                                 story date minus 7 days / of the story
 *                                 date / plus 7 days              (month)
 *   N days ago -> story - N days (day); N weeks ago -> the month of
 *   story - 7N days (month); N months ago (month); N years ago (year);
 *   N decades ago (decade). N is a number ("3") or a number word (a, an,
 *   one .. twelve, twenty, thirty, forty, fifty); "several years ago" and
 *   "a few days ago" are too vague and skipped.
 *
 * Relative to another date (relative = 1): the anchor is the previous
 * expression of the same sentence that is not itself anchored on another
 * (explicit, or relative to the story date) if there is one, else the
 * story date; without either the expression is skipped.
 *   "a month later", "two weeks afterwards"         anchor + N units
 *   "a month before <clause or noun>"               anchor + N units
 *       ("in November 2012, a month before the North pushed ahead" ->
 *       the test was in 2012-12)
 *   "two days after <clause or noun>"               anchor - N units
 *   "two days earlier", "two days before ." (no object)  anchor - N units
 *   "the next / following day" anchor + 1, "the previous / preceding day"
 *   anchor - 1, "the same day" the anchor (also week, month, year).
 *   The precision is the coarser of the unit's (weeks count as months, as
 *   above) and the anchor's; months are added on the calendar (a month
 *   earlier than March 31 is February, day clamped to its end; January -
 *   1 month is the previous December).
 */
int32_t when_find(const tok_token *toks, int32_t n, int32_t story_date,
		  when_expr *out, int32_t max);

/* when_find with an anchor from the text before this sentence: the date
 * (YYYYMMDD, with its precision; 0 for none) the story spoke of last, so
 * that "the same day", "two days later" or "a week earlier" before any
 * date of the sentence itself count from it rather than from the story
 * date. */
int32_t when_find_anchored(const tok_token *toks, int32_t n, int32_t story_date,
			   int32_t anchor_date, ev_precision anchor_prec,
			   when_expr *out, int32_t max);

#endif

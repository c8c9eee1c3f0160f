/*
 * when.c - date expressions of a sentence, found in one pass over its
 * tokens and resolved on the proleptic Gregorian calendar. Only "trigger"
 * tokens (a digit, a month, a weekday, a time word such as "today" or
 * "year") start any work; the words around them are read only then. The
 * rules are listed in when.h.
 */
#include "when.h"

#include "../util/cal.h"

#include <stddef.h>
#include <string.h>

#include "../tag/postag.h"

/* ------------------------------------------------------------------ */
/* Calendar                                                            */
/* ------------------------------------------------------------------ */

/* A date being built: parts below p are meaningless. */
typedef struct wdate {
	int y, m, d;
	ev_precision p;
} wdate;

/* Moves a by n units (signed) into *r, at the coarser of the unit's and
 * a's precision; 0 when the result falls outside years 1..9999. */
enum { U_DAY = 1, U_WEEK, U_FORTNIGHT, U_MONTH, U_YEAR, U_DECADE };

static ev_precision coarser(ev_precision a, ev_precision b)
{
	return a > b ? a : b;
}

static int shift(wdate a, int unit, int n, wdate *r)
{
	int m = a.p <= EV_DATE_MONTH ? a.m : 1;
	int d = a.p == EV_DATE_DAY ? a.d : 1;
	if (n > 10000 || n < -10000)
		return 0;
	*r = a;
	switch (unit) {
	case U_DAY:
	case U_WEEK:
	case U_FORTNIGHT: {
		int k = unit == U_DAY ? 1 : unit == U_WEEK ? 7 : 14;
		int64_t z = cal_days(a.y, m, d) + (int64_t)k * n;
		if (z < cal_days(2, 1, 1) || z > cal_days(9999, 12, 31))
			return 0;
		cal_civil(z, &r->y, &r->m, &r->d);
		r->p = coarser(unit == U_DAY ? EV_DATE_DAY : EV_DATE_MONTH,
			       a.p);
		break;
	}
	case U_MONTH: {
		int64_t t = (int64_t)a.y * 12 + (m - 1) + n;
		if (t < 12 || t >= 120000)
			return 0;
		r->y = (int)(t / 12);
		r->m = (int)(t % 12) + 1;
		r->d = d <= cal_month_days(r->y, r->m) ? d : cal_month_days(r->y, r->m);
		r->p = coarser(EV_DATE_MONTH, a.p);
		break;
	}
	case U_YEAR:
	case U_DECADE:
		r->y = a.y + (unit == U_YEAR ? n : 10 * n);
		r->m = m;
		r->d = d;
		if (r->m == 2 && r->d == 29 && !cal_leap(r->y))
			r->d = 28;
		r->p = coarser(unit == U_YEAR ? EV_DATE_YEAR : EV_DATE_DECADE,
			       a.p);
		break;
	default:
		return 0;
	}
	return r->y >= 1 && r->y <= 9999;
}

/* ------------------------------------------------------------------ */
/* Words                                                               */
/* ------------------------------------------------------------------ */

/* Trigger word classes. */
enum { W_MONTH = 1, W_WEEKDAY, W_DEICTIC, W_UNIT, W_PART };

typedef struct wword {
	const char *word;   /* lower case, without a trailing period */
	unsigned char len;
	unsigned char cls;  /* W_* */
	signed char val;    /* month 1-12, weekday 0-6 (Monday 0), day
	                       offset of today/yesterday/tomorrow, U_* unit */
	unsigned char abbr; /* may take a period; alone it is not a month */
} wword;

#define WW(w, c, v, a) {w, sizeof(w) - 1, c, v, a}
static const wword ww_a[] = {
	WW("april", W_MONTH, 4, 0), WW("apr", W_MONTH, 4, 1),
	WW("august", W_MONTH, 8, 0), WW("aug", W_MONTH, 8, 1),
	WW("afternoon", W_PART, 0, 0), {NULL, 0, 0, 0, 0}};
static const wword ww_d[] = {
	WW("december", W_MONTH, 12, 0), WW("dec", W_MONTH, 12, 1),
	WW("day", W_UNIT, U_DAY, 0), WW("days", W_UNIT, U_DAY, 0),
	WW("decade", W_UNIT, U_DECADE, 0), WW("decades", W_UNIT, U_DECADE, 0),
	{NULL, 0, 0, 0, 0}};
static const wword ww_e[] = {
	WW("evening", W_PART, 0, 0), {NULL, 0, 0, 0, 0}};
static const wword ww_f[] = {
	WW("february", W_MONTH, 2, 0), WW("feb", W_MONTH, 2, 1),
	WW("friday", W_WEEKDAY, 4, 0), WW("fortnight", W_UNIT, U_FORTNIGHT, 0),
	WW("fortnights", W_UNIT, U_FORTNIGHT, 0), {NULL, 0, 0, 0, 0}};
static const wword ww_j[] = {
	WW("january", W_MONTH, 1, 0), WW("jan", W_MONTH, 1, 1),
	WW("july", W_MONTH, 7, 0), WW("jul", W_MONTH, 7, 1),
	WW("june", W_MONTH, 6, 0), WW("jun", W_MONTH, 6, 1),
	{NULL, 0, 0, 0, 0}};
static const wword ww_m[] = {
	WW("march", W_MONTH, 3, 0), WW("mar", W_MONTH, 3, 1),
	WW("may", W_MONTH, 5, 0), WW("monday", W_WEEKDAY, 0, 0),
	WW("month", W_UNIT, U_MONTH, 0), WW("months", W_UNIT, U_MONTH, 0),
	WW("morning", W_PART, 0, 0), {NULL, 0, 0, 0, 0}};
static const wword ww_n[] = {
	WW("november", W_MONTH, 11, 0), WW("nov", W_MONTH, 11, 1),
	WW("night", W_PART, 0, 0), {NULL, 0, 0, 0, 0}};
static const wword ww_o[] = {
	WW("october", W_MONTH, 10, 0), WW("oct", W_MONTH, 10, 1),
	{NULL, 0, 0, 0, 0}};
static const wword ww_s[] = {
	WW("september", W_MONTH, 9, 0), WW("sept", W_MONTH, 9, 1),
	WW("sep", W_MONTH, 9, 1), WW("saturday", W_WEEKDAY, 5, 0),
	WW("sunday", W_WEEKDAY, 6, 0), {NULL, 0, 0, 0, 0}};
static const wword ww_t[] = {
	WW("today", W_DEICTIC, 0, 0), WW("tonight", W_DEICTIC, 0, 0),
	WW("tomorrow", W_DEICTIC, 1, 0), WW("tuesday", W_WEEKDAY, 1, 0),
	WW("thursday", W_WEEKDAY, 3, 0), {NULL, 0, 0, 0, 0}};
static const wword ww_w[] = {
	WW("wednesday", W_WEEKDAY, 2, 0), WW("week", W_UNIT, U_WEEK, 0),
	WW("weeks", W_UNIT, U_WEEK, 0), {NULL, 0, 0, 0, 0}};
static const wword ww_y[] = {
	WW("year", W_UNIT, U_YEAR, 0), WW("years", W_UNIT, U_YEAR, 0),
	WW("yesterday", W_DEICTIC, -1, 0), {NULL, 0, 0, 0, 0}};
#undef WW

static const wword *const ww_letter[26] = {
	ww_a, NULL, NULL, ww_d, ww_e, ww_f, NULL, NULL, NULL, ww_j, NULL,
	NULL, ww_m, ww_n, ww_o, NULL, NULL, NULL, ww_s, ww_t, NULL, NULL,
	ww_w, NULL, ww_y, NULL};

/* s[0..n) equals the lower-case ASCII word w[0..n), ignoring case. */
static int ieq(const char *s, const char *w, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (((unsigned char)s[i] | 0x20) != (unsigned char)w[i])
			return 0;
	return 1;
}

/* The trigger word s[0..n) (a trailing period only on abbreviations). */
static const wword *ww_find(const char *s, size_t n)
{
	if (n < 3 || n > 10)
		return NULL;
	unsigned c = (unsigned char)s[0] | 0x20;
	if (c < 'a' || c > 'z' || !ww_letter[c - 'a'])
		return NULL;
	int dot = s[n - 1] == '.';
	size_t k = n - (size_t)dot;
	for (const wword *w = ww_letter[c - 'a']; w->word; w++)
		if (w->len == k && (!dot || w->abbr) && ieq(s, w->word, k))
			return w;
	return NULL;
}

static const wword *tok_ww(const tok_token *t)
{
	return t->form ? ww_find(t->form, t->len) : NULL;
}

/* The token is the lower-case word w, ignoring case. */
static int is_w(const tok_token *t, const char *w)
{
	const char *s = t->form;
	size_t i;
	if (!s)
		return 0;
	for (i = 0; w[i]; i++)
		if (i >= t->len ||
		    ((unsigned char)s[i] | 0x20) != (unsigned char)w[i])
			return 0;
	return i == t->len;
}

/* The token is one of the NULL-terminated words ws. */
static int is_any(const tok_token *t, const char *const *ws)
{
	for (; *ws; ws++)
		if (is_w(t, *ws))
			return 1;
	return 0;
}

static int is_punct_end(const tok_token *t)
{
	return t->tag == POS_COMMA || t->tag == POS_PERIOD ||
	       t->tag == POS_COLON || t->tag == POS_RRB ||
	       t->tag == POS_RQUOTE ||
	       (t->form && t->len == 1 && strchr(",.;:!?)'\"", t->form[0]));
}

static int is_comma(const tok_token *t)
{
	return t->form && t->len == 1 && t->form[0] == ',';
}

static int is_cap(const tok_token *t)
{
	return t->form && t->form[0] >= 'A' && t->form[0] <= 'Z';
}

static int is_proper(const tok_token *t)
{
	return t->tag == POS_NNP || t->tag == POS_NNPS;
}

static int is_noun_tag(int tag)
{
	return tag == POS_NN || tag == POS_NNS || tag == POS_NNP ||
	       tag == POS_NNPS;
}

/* Number of leading ASCII digits of s[0..n). */
static size_t ndigits(const char *s, size_t n)
{
	size_t k = 0;
	if (!s)
		return 0;
	while (k < n && s[k] >= '0' && s[k] <= '9')
		k++;
	return k;
}

static int digits_val(const char *s, size_t n)
{
	int v = 0;
	for (size_t i = 0; i < n; i++)
		v = v * 10 + (s[i] - '0');
	return v;
}

/* A day of the month: "3", "03", "3rd", "22nd", or the first of a range
 * "3-5" -> 1..31, else 0. */
static int day_of(const tok_token *t)
{
	size_t k = ndigits(t->form, t->len);
	if (k < 1 || k > 2)
		return 0;
	if (k != t->len) {
		const char *s = t->form + k;
		size_t rest = t->len - k;
		int range = rest >= 2 && rest <= 3 && s[0] == '-' &&
			    ndigits(s + 1, rest - 1) == rest - 1;
		int ordinal = rest == 2 &&
			      (ieq(s, "st", 2) || ieq(s, "nd", 2) ||
			       ieq(s, "rd", 2) || ieq(s, "th", 2));
		if (!range && !ordinal)
			return 0;
	}
	int v = digits_val(t->form, k);
	return v >= 1 && v <= 31 ? v : 0;
}

/* A year written as four digits, 1000..2999, else 0. */
static int year_of(const tok_token *t)
{
	if (t->len != 4 || ndigits(t->form, 4) != 4 || t->form[0] < '1' ||
	    t->form[0] > '2')
		return 0;
	return digits_val(t->form, 4);
}

/* A count before a unit: "3", "a", "two" -> 1..9999, else 0. */
static int count_of(const tok_token *t)
{
	static const char *const words[] = {
		"a", "an", "one", "two", "three", "four", "five", "six",
		"seven", "eight", "nine", "ten", "eleven", "twelve", "twenty",
		"thirty", "forty", "fifty", NULL};
	static const unsigned char vals[] = {1, 1, 1, 2, 3, 4, 5, 6, 7, 8, 9,
					     10, 11, 12, 20, 30, 40, 50};
	size_t k = ndigits(t->form, t->len);
	if (k > 0)
		return k == t->len && k <= 4 ? digits_val(t->form, k) : 0;
	for (size_t i = 0; words[i]; i++)
		if (is_w(t, words[i]))
			return vals[i];
	return 0;
}

/* ------------------------------------------------------------------ */
/* The scan                                                            */
/* ------------------------------------------------------------------ */

typedef struct scan {
	const tok_token *t;
	int32_t n;
	int has_story;
	wdate story;       /* precision day */
	int64_t story_days;
	when_expr *out;
	int32_t max, count;
	int32_t prev_end;  /* end of the last expression: tokens before it
	                      belong to it or are done */
	int has_last;
	wdate last;        /* the last expression not itself anchored on
	                      another: the anchor of "a month later" */
} scan;

/* How an expression got its date. */
enum { K_EXPLICIT, K_STORY, K_ANCHORED };

/* Records [s, e) with date r, got the way kind (K_*) says; returns e. */
static int32_t emit(scan *sc, int32_t s, int32_t e, wdate r, int kind)
{
	if (r.p == EV_DATE_DECADE)
		r.y -= r.y % 10;
	if (r.y < 1 || r.y > 9999)
		return 0;
	int32_t date = r.y * 10000;
	if (r.p <= EV_DATE_MONTH)
		date += r.m * 100;
	if (r.p == EV_DATE_DAY)
		date += r.d;
	if (sc->count < sc->max) {
		when_expr *x = &sc->out[sc->count++];
		x->tok_start = s;
		x->tok_end = e;
		x->date = date;
		x->prec = r.p;
		x->relative = kind != K_EXPLICIT;
	}
	sc->prev_end = e;
	if (kind != K_ANCHORED) {
		sc->has_last = 1;
		sc->last = r;
	}
	return e;
}

/* The token before i exists and is not part of an earlier expression. */
static const tok_token *before(const scan *sc, int32_t i)
{
	return i - 1 >= sc->prev_end ? &sc->t[i - 1] : NULL;
}

static const tok_token *after(const scan *sc, int32_t i)
{
	return i < sc->n ? &sc->t[i] : NULL;
}

/* The previous expression ends right before i, joined by "and", "to"... */
static int coordinated(const scan *sc, int32_t i)
{
	static const char *const joins[] = {"and", "or", "to", "-", "--",
					    "through", "until", "till", NULL};
	return sc->has_last && i >= 1 && sc->prev_end == i - 1 &&
	       is_any(&sc->t[i - 1], joins);
}

/* ------------------------------------------------------------------ */
/* Tense                                                               */
/* ------------------------------------------------------------------ */

enum { T_NONE, T_PAST, T_FUT };

/* What token k says about the time of its clause. */
static int tense_of(const scan *sc, int32_t k)
{
	static const char *const fut[] = {"expected", "scheduled", "planned",
					  "plans", "plan", "due", "upcoming",
					  NULL};
	static const char *const to_fut[] = {"set", "going", "poised", NULL};
	static const char *const be[] = {"is", "are", "am", "'s", "'re",
					 "was", "were", NULL};
	static const char *const perfect[] = {"has", "have", "had", "'ve",
					      "'d", NULL};
	const tok_token *t = &sc->t[k];
	const tok_token *a = k + 1 < sc->n ? &sc->t[k + 1] : NULL;
	const tok_token *aa = k + 2 < sc->n ? &sc->t[k + 2] : NULL;
	if (t->tag == POS_MD)
		return a && is_w(a, "have") ? T_PAST : T_FUT;
	if (is_any(t, fut) && !pos_is_noun((pos_tag)t->tag))
		return T_FUT; /* "a ceasefire plan" is no plan to act */
	if (a && is_w(a, "to") && is_any(t, to_fut))
		return T_FUT;
	if (!pos_is_verb((pos_tag)t->tag))
		return T_NONE;
	if (is_any(t, be)) {
		/* "is to meet", "was expected to", "is set to" */
		if (a && (is_w(a, "to") || is_any(a, fut) ||
			  (aa && is_w(aa, "to") && is_any(a, to_fut))))
			return T_FUT;
		return t->tag == POS_VBD ? T_PAST : T_NONE;
	}
	if (t->tag == POS_VBD || is_any(t, perfect))
		return T_PAST;
	/* present simple ("says", "heads to") decides nothing */
	return T_NONE;
}

static int clause_end(const tok_token *t)
{
	return t->tag == POS_PERIOD || t->tag == POS_COLON;
}

/* 1 when the clause around tokens [s, e) speaks of the future: the
 * nearest verb group before, else after, has a modal or a plan word. */
static int future_at(const scan *sc, int32_t s, int32_t e)
{
	for (int32_t k = s - 1; k >= 0 && k >= s - 15; k--) {
		if (clause_end(&sc->t[k]))
			break;
		int v = tense_of(sc, k);
		if (v)
			return v == T_FUT;
	}
	for (int32_t k = e; k < sc->n && k < e + 8; k++) {
		if (clause_end(&sc->t[k]))
			break;
		int v = tense_of(sc, k);
		if (v)
			return v == T_FUT;
	}
	return 0;
}

/* ------------------------------------------------------------------ */
/* Modifiers: [early|late|earlier|later|mid] [last|next|this|coming]   */
/* ------------------------------------------------------------------ */

enum { M_NONE, M_LAST, M_NEXT, M_THIS };

static int32_t mods_before(const scan *sc, int32_t i, int *mode)
{
	static const char *const vague[] = {"early", "late", "earlier",
					    "later", "mid", NULL};
	const tok_token *p = before(sc, i);
	int32_t s = i;
	*mode = M_NONE;
	if (p) {
		if (is_w(p, "last"))
			*mode = M_LAST;
		else if (is_w(p, "next"))
			*mode = M_NEXT;
		else if (is_w(p, "this"))
			*mode = M_THIS;
		else if (is_w(p, "coming") || is_w(p, "upcoming"))
			*mode = M_NEXT;
		if (*mode)
			s--;
		if (*mode == M_NEXT && (p = before(sc, s)) && is_w(p, "this"))
			s--;
	}
	if ((p = before(sc, s)) && is_any(p, vague))
		s--;
	return s;
}

/* ------------------------------------------------------------------ */
/* Resolving months, days and weekdays without a year                  */
/* ------------------------------------------------------------------ */

/* Month m (day d, 0 for the month alone) nearest the story date in the
 * direction mode / fut says; 0 when there is no such date. */
static int resolve_md(const scan *sc, int m, int d, int mode, int fut,
		      wdate *r)
{
	const wdate *st = &sc->story;
	if (d > 0 && d > cal_month_days(2000, m))
		return 0; /* April 31 */
	int key = m * 100 + d, now = st->m * 100 + (d > 0 ? st->d : 0);
	int y;
	if (mode == M_LAST)
		y = key < now ? st->y : st->y - 1;
	else if (mode == M_NEXT)
		y = key > now ? st->y : st->y + 1;
	else if (fut)
		y = key >= now ? st->y : st->y + 1;
	else
		y = key <= now ? st->y : st->y - 1;
	int step = (mode == M_NEXT || (mode != M_LAST && fut)) ? 1 : -1;
	if (d > 0)
		for (int k = 0; k < 8 && !cal_valid(y, m, d); k++)
			y += step; /* February 29 */
	if (!cal_valid(y, m, d > 0 ? d : 1))
		return 0;
	r->y = y;
	r->m = m;
	r->d = d;
	r->p = d > 0 ? EV_DATE_DAY : EV_DATE_MONTH;
	return 1;
}

static int resolve_weekday(const scan *sc, int w, int mode, int fut,
			   wdate *r)
{
	int sw = cal_weekday(sc->story_days);
	int back = (sw - w + 7) % 7, fwd = (w - sw + 7) % 7;
	int64_t z;
	if (mode == M_LAST)
		z = sc->story_days - (back ? back : 7);
	else if (mode == M_NEXT)
		z = sc->story_days + (fwd ? fwd : 7);
	else if (fut)
		z = sc->story_days + fwd;
	else
		z = sc->story_days - back;
	if (z < cal_days(2, 1, 1) || z > cal_days(9999, 12, 31))
		return 0;
	cal_civil(z, &r->y, &r->m, &r->d);
	r->p = EV_DATE_DAY;
	return 1;
}

/* ------------------------------------------------------------------ */
/* Handlers: each returns the index after what it emitted, or 0        */
/* ------------------------------------------------------------------ */

/* Words after which a month is surely a month. */
static int month_context(const scan *sc, int32_t s)
{
	static const char *const ctx[] = {
		"in", "since", "until", "till", "by", "during", "from",
		"through", "throughout", "of", "before", "after", "between",
		"early", "late", "mid", "last", "next", "this", "end", "on",
		"earlier", "later", "coming", "upcoming", "for", NULL};
	const tok_token *p = before(sc, s);
	return (p && is_any(p, ctx)) || coordinated(sc, s);
}

/* After a month at i: a day and a year. Sets *d, *y (0 when absent) and
 * returns the end of the date. */
static int32_t month_tail(const scan *sc, int32_t i, int *d, int *y)
{
	const tok_token *t = sc->t, *a;
	int32_t j = i + 1, n = sc->n;
	*d = *y = 0;
	if (j < n && (*d = day_of(&t[j])) > 0) {
		int32_t e = j + 1;
		if (e < n && (*y = year_of(&t[e])) > 0)
			return e + 1; /* Mar 3 2014 */
		if (e + 1 < n && is_comma(&t[e]) &&
		    (*y = year_of(&t[e + 1])) > 0 &&
		    !((a = after(sc, e + 2)) &&
		      (a->tag == POS_NNS || a->tag == POS_CD)))
			return e + 2; /* March 3, 2014 (not ", 2000 troops") */
		*y = 0;
		return e;
	}
	if (j < n && (*y = year_of(&t[j])) > 0)
		return j + 1;
	if (j + 1 < n && (is_w(&t[j], "of") || is_comma(&t[j])) &&
	    (*y = year_of(&t[j + 1])) > 0)
		return j + 2;
	*y = 0;
	return i + 1;
}

/* Emits month m (from the token at i, with day d and year y, ending at
 * e), modifiers from s. */
static int32_t emit_month(scan *sc, int32_t s, int32_t e, int m, int d,
			  int y, int mode)
{
	wdate r = {y, m, d, d ? EV_DATE_DAY : EV_DATE_MONTH};
	if (y) {
		if (!cal_valid(y, m, d ? d : 1))
			return 0;
		return emit(sc, s, e, r, K_EXPLICIT);
	}
	if (!sc->has_story)
		return 0;
	int fut = mode == M_NONE || mode == M_THIS ? future_at(sc, s, e) : 0;
	if (!resolve_md(sc, m, d, mode, fut, &r))
		return 0;
	return emit(sc, s, e, r, K_STORY);
}

/* A day without a year names a group or a past event when these follow:
 * "the March 14 alliance", "the April 6 Youth Movement", "the Sept. 11
 * attacks". */
static int names_a_group(const scan *sc, int32_t e)
{
	static const char *const nouns[] = {
		"alliance", "coalition", "movement", "bloc", "camp", "group",
		"forces", "party", "youth", "revolution", "uprising", "attack",
		"attacks", "massacre", "law", "agreement", "accord", NULL};
	const tok_token *a = after(sc, e);
	return a && is_any(a, nouns);
}

static int32_t on_month(scan *sc, int32_t i, const wword *w)
{
	static const char *const nounish[] = {"a", "an", "the", NULL};
	const tok_token *t = &sc->t[i], *p, *a;
	int d, y, mode;
	int32_t e = month_tail(sc, i, &d, &y);
	int32_t s = mods_before(sc, i, &mode);
	int ctx = s < i || month_context(sc, i);
	int verbish = pos_is_verb((pos_tag)t->tag) || t->tag == POS_MD;
	a = after(sc, i + 1);
	if (verbish) {
		if (!ctx && !d && !y)
			return 0;
		if (a && a->tag == POS_VB)
			return 0; /* "may march" */
	}
	if (!d && !y) {
		if (w->abbr && (!ctx || (a && is_cap(a) && is_proper(a))))
			return 0; /* "Jan Egeland", "by Jan Egeland" */
		if (!ctx) {
			p = before(sc, i);
			if (p && is_cap(p) && is_proper(p) &&
			    !(p->flags & TOK_F_SENTSTART))
				return 0; /* Theresa May */
			if (a && is_cap(a) && is_proper(a) && !tok_ww(a))
				return 0; /* June Carter */
			if (a && (a->tag == POS_VBD || a->tag == POS_VBZ ||
				  a->tag == POS_VBP))
				return 0; /* "May said" */
			if (p && is_any(p, nounish) && (!a || is_punct_end(a) ||
							 a->tag == POS_IN ||
							 a->tag == POS_TO))
				return 0; /* "the march on the capital" */
		}
	}
	if (d && !y && names_a_group(sc, e))
		return 0;
	return emit_month(sc, s, e, w->val, d, y, y ? M_NONE : mode);
}

/* "3 March 2014", "the 4th of July": a day number at i. */
static int32_t on_day_first(scan *sc, int32_t i, int d)
{
	const tok_token *t = sc->t;
	int32_t j = i + 1, n = sc->n;
	if (j < n && is_w(&t[j], "of"))
		j++;
	const wword *w;
	if (j >= n || !(w = tok_ww(&t[j])) || w->cls != W_MONTH)
		return 0;
	int y = 0;
	int32_t e = j + 1;
	if (e < n && (y = year_of(&t[e])) > 0)
		e++;
	else if (e + 1 < n && is_comma(&t[e]) && (y = year_of(&t[e + 1])) > 0)
		e += 2;
	else
		y = 0;
	if (!y && names_a_group(sc, e))
		return 0;
	return emit_month(sc, i, e, w->val, d, y, M_NONE);
}

/* A decade written yyy0s / yy0s (the caller checked the shape). */
static int32_t emit_decade(scan *sc, int32_t s, int32_t e, int y)
{
	wdate r = {y, 0, 0, EV_DATE_DECADE};
	return emit(sc, s, e, r, K_EXPLICIT);
}

static int two_digit_century(int yy)
{
	return yy >= 30 ? 1900 + yy : 2000 + yy;
}

/* A year standing alone at i (value y): only after a word that makes it
 * a year (see when.h). */
static int32_t on_year(scan *sc, int32_t i, int y)
{
	static const char *const strong[] = {
		"in", "since", "during", "until", "till", "throughout",
		"circa", "year", "fiscal", "early", "late", "mid", "spring",
		"summer", "autumn", "fall", "winter", "before", "after",
		"c.", NULL};
	static const char *const weak[] = {"by", "from", "to", "between",
					   "around", "and", "or", NULL};
	static const char *const of_nouns[] = {
		"end", "start", "beginning", "middle", "half", "quarter",
		"spring", "summer", "autumn", "fall", "winter", "part",
		"course", "rest", "close", NULL};
	const tok_token *p = before(sc, i), *a = after(sc, i + 1);
	int mode;
	int32_t s = mods_before(sc, i, &mode);
	if (mode != M_NONE)
		return 0; /* "last 2012"? */
	int modern = y >= 1900 && y <= 2099;
	int ok = 0;
	if (s < i || coordinated(sc, i) || (p && is_any(p, strong)))
		ok = !(a && a->tag == POS_NNS && !modern);
	else if (p && is_any(p, weak))
		ok = modern && !(a && (is_noun_tag(a->tag) ||
				       a->tag == POS_CD || pos_is_adj(a->tag)));
	else if (p && is_w(p, "of") && i >= 2 &&
		 is_any(&sc->t[i - 2], of_nouns))
		ok = !(a && (a->tag == POS_NNS || a->tag == POS_CD));
	else if (p && is_w(p, "the")) {
		if (a && is_w(a, "'s") && y % 10 == 0)
			return emit_decade(sc, i, i + 2, y); /* the 1970 's */
		ok = modern && a &&
		     (a->tag == POS_NN || is_proper(a) || a->tag == POS_JJ ||
		      a->tag == POS_VBG || a->tag == POS_POS);
	}
	if (!ok)
		return 0;
	wdate r = {y, 0, 0, EV_DATE_YEAR};
	return emit(sc, s, i + 1, r, K_EXPLICIT);
}

/* The shapes of a date that starts with a digit. */
static int32_t on_number(scan *sc, int32_t i)
{
	const tok_token *t = &sc->t[i];
	const char *s = t->form;
	size_t n = t->len, k = ndigits(s, n);
	int32_t st;
	int mode;
	if (k == n) {
		if (k <= 2) {
			int d = day_of(t);
			return d ? on_day_first(sc, i, d) : 0;
		}
		if (k == 4 && year_of(t))
			return on_year(sc, i, digits_val(s, 4));
		return 0;
	}
	if (k <= 2 && day_of(t))
		return on_day_first(sc, i, day_of(t));
	if (k == 4 && n == 5 && (s[4] == 's' || s[4] == 'S') && s[3] == '0' &&
	    s[0] >= '1' && s[0] <= '2') {
		st = mods_before(sc, i, &mode);
		return mode ? 0 : emit_decade(sc, st, i + 1, digits_val(s, 4));
	}
	if (k == 2 && n == 3 && (s[2] == 's' || s[2] == 'S') && s[1] == '0') {
		/* "the 90s", "the early 90s"; not "in their 90s" */
		st = mods_before(sc, i, &mode);
		const tok_token *p = before(sc, st);
		if (mode || !p || !is_w(p, "the"))
			return 0;
		return emit_decade(sc, st, i + 1,
				   two_digit_century(digits_val(s, 2)));
	}
	if (k == 4 && n > 5 && (s[4] == '-' || s[4] == '/')) {
		int y = digits_val(s, 4);
		size_t k2 = ndigits(s + 5, n - 5);
		if (y < 1000 || y > 2999)
			return 0;
		if (n == 10 && k2 == 2 && s[7] == s[4] &&
		    ndigits(s + 8, 2) == 2) {
			/* 2014-03-03, 2014/03/03 */
			int m = digits_val(s + 5, 2), d = digits_val(s + 8, 2);
			if (!cal_valid(y, m, d))
				return 0;
			wdate r = {y, m, d, EV_DATE_DAY};
			return emit(sc, i, i + 1, r, K_EXPLICIT);
		}
		if (s[4] == '-' && k2 == n - 5 && (k2 == 2 || k2 == 4)) {
			/* 1950-1953, 2011-13: the first year */
			int y2 = digits_val(s + 5, k2);
			if (k2 == 4 ? y2 < y : y2 == 0)
				return 0;
			st = mods_before(sc, i, &mode);
			if (mode)
				return 0;
			wdate r = {y, 0, 0, EV_DATE_YEAR};
			return emit(sc, st, i + 1, r, K_EXPLICIT);
		}
	}
	return 0;
}

/* "'90s" */
static int32_t on_apostrophe(scan *sc, int32_t i)
{
	const tok_token *t = &sc->t[i];
	const char *s = t->form;
	if (t->len != 4 || ndigits(s + 1, 2) != 2 || s[2] != '0' ||
	    (s[3] != 's' && s[3] != 'S'))
		return 0;
	int mode;
	int32_t st = mods_before(sc, i, &mode);
	return mode ? 0 : emit_decade(sc, st, i + 1,
				      two_digit_century(digits_val(s + 1, 2)));
}

/* "mid-2013", "mid-1990s", "mid-March", "late-2012" */
static int32_t on_prefixed(scan *sc, int32_t i, size_t plen)
{
	const tok_token *t = &sc->t[i];
	const char *s = t->form + plen;
	size_t n = t->len - plen, k = ndigits(s, n);
	if (k == 4 && s[0] >= '1' && s[0] <= '2') {
		int y = digits_val(s, 4);
		if (n == 4) {
			wdate r = {y, 0, 0, EV_DATE_YEAR};
			return emit(sc, i, i + 1, r, K_EXPLICIT);
		}
		if (n == 5 && (s[4] == 's' || s[4] == 'S') && s[3] == '0')
			return emit_decade(sc, i, i + 1, y);
		return 0;
	}
	if (k == 0 && n > 3 && s[0] == '\'' && ndigits(s + 1, 2) == 2 &&
	    n == 4 && s[2] == '0' && (s[3] == 's' || s[3] == 'S'))
		return emit_decade(sc, i, i + 1,
				   two_digit_century(digits_val(s + 1, 2)));
	if (k == 2 && n == 3 && s[1] == '0' && (s[2] == 's' || s[2] == 'S'))
		return emit_decade(sc, i, i + 1,
				   two_digit_century(digits_val(s, 2)));
	const wword *w = ww_find(s, n);
	if (!w || w->cls != W_MONTH)
		return 0;
	int y = 0;
	int32_t e = i + 1;
	if (e < sc->n && (y = year_of(&sc->t[e])) > 0)
		e++;
	return emit_month(sc, i, e, w->val, 0, y, M_NONE);
}

/* "on Monday", "last Tuesday", "Monday night", "Thursday, June 4, 2012" */
static int32_t on_weekday(scan *sc, int32_t i, const wword *w)
{
	static const char *const names_before[] = {
		"black", "bloody", "good", "holy", "super", "ash", "palm",
		"easter", "maundy", "shrove", "cyber", "man", "giving", NULL};
	static const char *const names_after[] = {
		"times", "telegraph", "mirror", "express", "post", "herald",
		"tribune", "mail", "observer", "people", "star", "sport",
		"independent", "business", "review", "school", "league",
		NULL};
	const tok_token *p = i > 0 ? &sc->t[i - 1] : NULL;
	const tok_token *a = after(sc, i + 1);
	if ((p && is_any(p, names_before)) || (a && is_any(a, names_after)))
		return 0;
	int mode;
	int32_t s = mods_before(sc, i, &mode), e = i + 1, j = e;
	const wword *mw;
	if (j < sc->n && is_comma(&sc->t[j]))
		j++;
	if (j < sc->n && (mw = tok_ww(&sc->t[j])) && mw->cls == W_MONTH) {
		int d, y;
		int32_t me = month_tail(sc, j, &d, &y);
		if (d)
			return emit_month(sc, s, me, mw->val, d, y, M_NONE);
	}
	if (e < sc->n && (mw = tok_ww(&sc->t[e])) && mw->cls == W_PART)
		e++;
	if (!sc->has_story)
		return 0;
	int fut = mode == M_NONE || mode == M_THIS ? future_at(sc, s, e) : 0;
	wdate r;
	if (!resolve_weekday(sc, w->val, mode, fut, &r))
		return 0;
	return emit(sc, s, e, r, K_STORY);
}

/* today, tonight, yesterday, tomorrow (+ morning, night...) */
static int32_t on_deictic(scan *sc, int32_t i, const wword *w)
{
	if (!sc->has_story)
		return 0;
	int32_t e = i + 1;
	const wword *pw;
	if (e < sc->n && (pw = tok_ww(&sc->t[e])) && pw->cls == W_PART)
		e++;
	wdate r;
	if (!shift(sc->story, U_DAY, w->val, &r))
		return 0;
	return emit(sc, i, e, r, K_STORY);
}

/* last night, this morning */
static int32_t on_part(scan *sc, int32_t i)
{
	const tok_token *p = before(sc, i);
	wdate r;
	if (!p || !sc->has_story)
		return 0;
	if (is_w(p, "last") && is_w(&sc->t[i], "night")) {
		if (!shift(sc->story, U_DAY, -1, &r))
			return 0;
	} else if (is_w(p, "this") && !is_w(&sc->t[i], "night")) {
		r = sc->story;
	} else {
		return 0;
	}
	return emit(sc, i - 1, i + 1, r, K_STORY);
}

/* The word after "two days": ago, later, earlier, before, after. */
enum { R_NONE, R_AGO, R_LATER, R_EARLIER, R_BEFORE, R_AFTER };

static int rel_of(const tok_token *a)
{
	if (is_w(a, "ago"))
		return R_AGO;
	if (is_w(a, "later") || is_w(a, "afterwards") || is_w(a, "afterward"))
		return R_LATER;
	if (is_w(a, "earlier"))
		return R_EARLIER;
	if (is_w(a, "before"))
		return R_BEFORE;
	if (is_w(a, "after"))
		return R_AFTER;
	return R_NONE;
}

/* "will open in two days" (count and unit at i - 1, i): story + N, in a
 * future clause only; never "the first time in two years". */
static int32_t in_units(scan *sc, int32_t i, int unit, int cnt)
{
	const tok_token *p = &sc->t[i - 1], *pp = before(sc, i - 1);
	const tok_token *ppp = before(sc, i - 2);
	wdate r;
	if (!sc->has_story || !pp || !is_w(pp, "in") || is_w(p, "the"))
		return 0;
	if (ppp && (is_noun_tag(ppp->tag) || ppp->tag == POS_JJS ||
		    ppp->tag == POS_RBS))
		return 0;
	if (!future_at(sc, i - 1, i + 1) || !shift(sc->story, unit, cnt, &r))
		return 0;
	return emit(sc, i - 1, i + 1, r, K_STORY);
}

/* Units: "last month", "earlier this year", "two years ago", "a month
 * before", "three days later", "the next day". */
static int32_t on_unit(scan *sc, int32_t i, const wword *w)
{
	static const char *const anchored1[] = {"next", "following",
						"previous", "preceding",
						"same", NULL};
	const tok_token *p = before(sc, i), *a = after(sc, i + 1);
	int unit = w->val;
	int plural = sc->t[i].form[sc->t[i].len - 1] == 's' ||
		     sc->t[i].form[sc->t[i].len - 1] == 'S';
	wdate base, r;
	if (!p)
		return 0;
	const tok_token *pp = before(sc, i - 1);
	/* the next day, the previous week, the same day */
	if (!plural && is_any(p, anchored1) && pp && is_w(pp, "the") &&
	    unit != U_DECADE && unit != U_FORTNIGHT) {
		int k = is_w(p, "next") || is_w(p, "following") ? 1
			: is_w(p, "same")                        ? 0
								 : -1;
		base = sc->has_last ? sc->last : sc->story;
		if (!sc->has_last && !sc->has_story)
			return 0;
		if (!shift(base, unit, k, &r))
			return 0;
		return emit(sc, i - 1, i + 1, r, K_ANCHORED);
	}
	/* last / this / next week, month, year */
	if (!plural && (unit == U_WEEK || unit == U_MONTH || unit == U_YEAR) &&
	    (is_w(p, "last") || is_w(p, "this") || is_w(p, "next")) &&
	    !(pp && (is_w(pp, "the") || is_w(pp, "a")))) {
		int mode;
		int32_t s = mods_before(sc, i, &mode);
		if (!sc->has_story)
			return 0;
		int k = mode == M_LAST ? -1 : mode == M_NEXT ? 1 : 0;
		if (!shift(sc->story, unit, k, &r))
			return 0;
		return emit(sc, s, i + 1, r, K_STORY);
	}
	/* N units ago / before / after / later / earlier */
	int cnt = count_of(p);
	if (!cnt && !plural && is_w(p, "the"))
		cnt = 1; /* the day before */
	if (!cnt)
		return 0;
	if ((cnt == 1) == plural && ndigits(p->form, p->len) == 0 &&
	    !is_w(p, "the"))
		return 0; /* "one years" */
	int rel = a ? rel_of(a) : R_NONE;
	if (rel == R_NONE)
		return in_units(sc, i, unit, cnt);
	if (rel == R_AGO) {
		if (!sc->has_story || is_w(p, "the"))
			return 0;
		if (!shift(sc->story, unit, -cnt, &r))
			return 0;
		return emit(sc, i - 1, i + 2, r, K_STORY);
	}
	/* "a month before the test": the test is a month after the anchor;
	 * "two days before." (no object): two days before the anchor */
	const tok_token *aa = after(sc, i + 2);
	int adverb = !aa || is_punct_end(aa) || aa->tag == POS_CC;
	int k = rel == R_LATER ? cnt : rel == R_EARLIER ? -cnt
		: rel == R_BEFORE ? (adverb ? -cnt : cnt)
				  : (adverb ? cnt : -cnt);
	if (sc->has_last)
		base = sc->last;
	else if (sc->has_story)
		base = sc->story;
	else
		return 0;
	if (!shift(base, unit, k, &r))
		return 0;
	return emit(sc, i - 1, i + 2, r, K_ANCHORED);
}

/* ------------------------------------------------------------------ */
/* Entry point                                                         */
/* ------------------------------------------------------------------ */

static int32_t on_word(scan *sc, int32_t i, const wword *w)
{
	switch (w->cls) {
	case W_MONTH:
		return on_month(sc, i, w);
	case W_WEEKDAY:
		return on_weekday(sc, i, w);
	case W_DEICTIC:
		return on_deictic(sc, i, w);
	case W_UNIT:
		return on_unit(sc, i, w);
	case W_PART:
		return on_part(sc, i);
	default:
		return 0;
	}
}

/* Dispatches token i on its first byte: only digits, "'90s", trigger
 * words and mid-/late-/early- words go further. */
static int32_t on_token(scan *sc, int32_t i)
{
	static const struct {
		const char *s;
		size_t len;
	} prefixes[] = {{"mid-", 4}, {"late-", 5}, {"early-", 6}};
	const tok_token *t = &sc->t[i];
	if (!t->form || t->len == 0)
		return 0;
	unsigned char c = (unsigned char)t->form[0];
	if (c >= '0' && c <= '9')
		return on_number(sc, i);
	if (c == '\'')
		return t->len == 4 ? on_apostrophe(sc, i) : 0;
	if (t->len < 3)
		return 0;
	const wword *w = tok_ww(t);
	if (w)
		return on_word(sc, i, w);
	for (size_t k = 0; k < sizeof prefixes / sizeof *prefixes; k++)
		if (t->len > prefixes[k].len &&
		    ieq(t->form, prefixes[k].s, prefixes[k].len))
			return on_prefixed(sc, i, prefixes[k].len);
	return 0;
}

int32_t when_find(const tok_token *toks, int32_t n, int32_t story_date,
		  when_expr *out, int32_t max)
{
	return when_find_anchored(toks, n, story_date, 0, EV_DATE_NONE, out, max);
}

int32_t when_find_anchored(const tok_token *toks, int32_t n, int32_t story_date,
			   int32_t anchor_date, ev_precision anchor_prec,
			   when_expr *out, int32_t max)
{
	if (!toks || !out || max <= 0 || n <= 0)
		return 0;
	scan sc;
	memset(&sc, 0, sizeof sc);
	sc.t = toks;
	sc.n = n;
	sc.out = out;
	sc.max = max;
	int sy = story_date / 10000, sm = story_date / 100 % 100,
	    sd = story_date % 100;
	if (story_date > 0 && cal_valid(sy, sm, sd) && sy >= 2) {
		sc.has_story = 1;
		sc.story = (wdate){sy, sm, sd, EV_DATE_DAY};
		sc.story_days = cal_days(sy, sm, sd);
	}
	int ay = anchor_date / 10000, am = anchor_date / 100 % 100, ad = anchor_date % 100;
	if (anchor_date > 0 && anchor_prec != EV_DATE_NONE && ay >= 2) {
		/* reduced precision: months and days may be 0 */
		sc.has_last = 1;
		sc.last = (wdate){ay, am ? am : 1, ad ? ad : 1, anchor_prec};
		sc.prev_end = -2; /* not next to any token of this sentence */
	}
	for (int32_t i = 0; i < n;) {
		int32_t next = on_token(&sc, i);
		i = next > i ? next : i + 1;
	}
	return sc.count;
}

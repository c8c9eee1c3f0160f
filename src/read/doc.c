/*
 * doc.c - the document record: coding-setting defaults and overrides,
 * releasing what a reader filled in, and story-date parsing.
 */
#include "doc.h"

#include "../util/cal.h"

#include <stdlib.h>
#include <string.h>

doc_settings doc_settings_default(int xml)
{
	doc_settings s;
	s.require_dyad = xml ? 1 : 0;
	s.new_actor_length = 0;
	s.comma_min = 2;
	s.comma_max = 8;
	s.comma_bmin = 0;
	s.comma_bmax = 0;
	s.comma_emin = 2;
	s.comma_emax = 8;
	s.targetless = xml ? 0 : 1;
	s.negation = xml ? 0 : 1;
	s.coref = xml ? 0 : 1;
	s.places_not_actors = xml ? 0 : 1;
	s.news_syntax = xml ? 0 : 1;
	return s;
}

doc_settings doc_settings_apply(doc_settings base, const doc *d)
{
	if (!d)
		return base;
	unsigned set = d->set;
	const doc_settings *o = &d->settings;
	if (set & DOC_SET_REQUIRE_DYAD)
		base.require_dyad = o->require_dyad;
	if (set & DOC_SET_NEW_ACTOR_LENGTH)
		base.new_actor_length = o->new_actor_length;
	if (set & DOC_SET_COMMA_MIN)
		base.comma_min = o->comma_min;
	if (set & DOC_SET_COMMA_MAX)
		base.comma_max = o->comma_max;
	if (set & DOC_SET_COMMA_BMIN)
		base.comma_bmin = o->comma_bmin;
	if (set & DOC_SET_COMMA_BMAX)
		base.comma_bmax = o->comma_bmax;
	if (set & DOC_SET_COMMA_EMIN)
		base.comma_emin = o->comma_emin;
	if (set & DOC_SET_COMMA_EMAX)
		base.comma_emax = o->comma_emax;
	return base;
}

void doc_clear(doc *d)
{
	if (!d)
		return;
	free(d->id);
	free(d->source);
	free(d->url);
	free(d->title);
	free(d->text);
	free(d->story);
	free(d->parse);
	free(d->category);
	for (int i = 0; i < d->ngold; i++) {
		free(d->gold[i].source);
		free(d->gold[i].target);
		free(d->gold[i].code);
	}
	free(d->gold);
	memset(d, 0, sizeof *d);
}

/* The value of n decimal digits at s, or -1 if one is not a digit. */
static int digits(const char *s, size_t n)
{
	int v = 0;
	for (size_t i = 0; i < n; i++) {
		if (s[i] < '0' || s[i] > '9')
			return -1;
		v = v * 10 + (s[i] - '0');
	}
	return v;
}

int doc_parse_date(const char *s, size_t n, int32_t *out)
{
	int y, m, d;
	if (!s)
		return -1;
	if (n == 10 && s[4] == '-' && s[7] == '-') {
		y = digits(s, 4);
		m = digits(s + 5, 2);
		d = digits(s + 8, 2);
	} else if (n == 8) {
		y = digits(s, 4);
		m = digits(s + 4, 2);
		d = digits(s + 6, 2);
	} else if (n == 6) {
		/* YYMMDD, the TABARI form: 00-30 is this century. */
		y = digits(s, 2);
		if (y >= 0)
			y += y <= 30 ? 2000 : 1900;
		m = digits(s + 2, 2);
		d = digits(s + 4, 2);
	} else {
		return -1;
	}
	if (y < 1 || m < 1 || m > 12 || d < 1 || d > cal_month_days(y, m))
		return -1;
	if (out)
		*out = (int32_t)(y * 10000 + m * 100 + d);
	return 0;
}

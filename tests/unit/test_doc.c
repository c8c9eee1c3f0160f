/*
 * test_doc.c - document settings defaults and overrides, doc_clear, and
 * story-date parsing (formats, calendar validity, the YYMMDD century rule).
 */
#include <criterion/criterion.h>
#include <string.h>

#include "read/doc.h"
#include "util/xmalloc.h"

Test(doc, settings_default)
{
	doc_settings x = doc_settings_default(1), t = doc_settings_default(0);
	cr_expect_eq(x.require_dyad, 1);
	cr_expect_eq(t.require_dyad, 0);
	const doc_settings *s[2] = {&x, &t};
	for (int i = 0; i < 2; i++) {
		cr_expect_eq(s[i]->new_actor_length, 0);
		cr_expect_eq(s[i]->comma_min, 2);
		cr_expect_eq(s[i]->comma_max, 8);
		cr_expect_eq(s[i]->comma_bmin, 0);
		cr_expect_eq(s[i]->comma_bmax, 0);
		cr_expect_eq(s[i]->comma_emin, 2);
		cr_expect_eq(s[i]->comma_emax, 8);
	}
}

Test(doc, settings_apply_only_flagged)
{
	doc d;
	memset(&d, 0, sizeof d);
	/* Values without their bit must not leak through. */
	d.settings.require_dyad = 0;
	d.settings.new_actor_length = 4;
	d.settings.comma_min = 9;
	d.settings.comma_emax = 0;
	d.set = DOC_SET_REQUIRE_DYAD | DOC_SET_COMMA_EMAX;
	doc_settings s = doc_settings_apply(doc_settings_default(1), &d);
	cr_expect_eq(s.require_dyad, 0);
	cr_expect_eq(s.comma_emax, 0);
	cr_expect_eq(s.new_actor_length, 0);
	cr_expect_eq(s.comma_min, 2);
	cr_expect_eq(s.comma_max, 8);
	d.set = DOC_SET_NEW_ACTOR_LENGTH | DOC_SET_COMMA_MIN;
	s = doc_settings_apply(doc_settings_default(0), &d);
	cr_expect_eq(s.new_actor_length, 4);
	cr_expect_eq(s.comma_min, 9);
	cr_expect_eq(s.comma_emax, 8);
	s = doc_settings_apply(doc_settings_default(1), NULL);
	cr_expect_eq(s.require_dyad, 1);
}

Test(doc, clear_frees_and_zeroes)
{
	doc d;
	memset(&d, 0, sizeof d);
	d.id = xstrdup("AFP_1");
	d.story = xstrdup("AFP");
	d.text = xstrdup("text");
	d.parse = xstrdup("(ROOT)");
	d.category = xstrdup("DEMO");
	d.source = xstrdup("s");
	d.url = xstrdup("u");
	d.title = xstrdup("t");
	d.ngold = 2;
	d.gold = xcalloc(2, sizeof *d.gold);
	d.gold[0].source = xstrdup("ARN");
	d.gold[0].target = xstrdup("GON");
	d.gold[0].code = xstrdup("064");
	d.gold[1].code = xstrdup("010"); /* NULL members are fine */
	d.date = 20140304;
	doc_clear(&d);
	cr_expect_null(d.id);
	cr_expect_null(d.gold);
	cr_expect_eq(d.ngold, 0);
	cr_expect_eq(d.date, 0);
	doc_clear(&d); /* twice is fine */
	doc_clear(NULL);
}

static int32_t date_of(const char *s)
{
	int32_t v = -7;
	if (doc_parse_date(s, strlen(s), &v) != 0)
		return -1;
	return v;
}

Test(doc, parse_date_forms)
{
	cr_expect_eq(date_of("2014-03-04"), 20140304);
	cr_expect_eq(date_of("20140304"), 20140304);
	cr_expect_eq(date_of("140304"), 20140304);
	cr_expect_eq(date_of("950102"), 19950102);
	/* YYMMDD: 00-30 is 20YY, 31-99 is 19YY. */
	cr_expect_eq(date_of("000101"), 20000101);
	cr_expect_eq(date_of("301231"), 20301231);
	cr_expect_eq(date_of("310101"), 19310101);
	cr_expect_eq(date_of("991231"), 19991231);
	/* Only n bytes are read. */
	int32_t v = 0;
	cr_expect_eq(doc_parse_date("20140304xyz", 8, &v), 0);
	cr_expect_eq(v, 20140304);
	cr_expect_eq(doc_parse_date("2014-03-04", 10, NULL), 0);
}

Test(doc, parse_date_calendar)
{
	cr_expect_eq(date_of("2012-02-29"), 20120229); /* leap */
	cr_expect_eq(date_of("2000-02-29"), 20000229); /* 400 rule */
	cr_expect_eq(date_of("000229"), 20000229);
	cr_expect_eq(date_of("1900-02-29"), -1);       /* 100 rule */
	cr_expect_eq(date_of("2013-02-29"), -1);
	cr_expect_eq(date_of("2014-02-30"), -1);
	cr_expect_eq(date_of("2014-04-31"), -1);
	cr_expect_eq(date_of("2014-12-31"), 20141231);
	cr_expect_eq(date_of("2014-13-01"), -1);
	cr_expect_eq(date_of("2014-00-10"), -1);
	cr_expect_eq(date_of("2014-01-00"), -1);
	cr_expect_eq(date_of("0000-01-01"), -1);
}

Test(doc, parse_date_garbage)
{
	const char *bad[] = {"", "2014", "2014-3-4", "2014/03/04", "2014-03-4x",
	                     "abcdefgh", "2014 0304", "+2014-03-04", "1403041",
	                     "2014-03-04 ", " 20140304", "20140304\n", "-14030"};
	for (size_t i = 0; i < sizeof bad / sizeof *bad; i++)
		cr_expect_eq(date_of(bad[i]), -1, "\"%s\"", bad[i]);
	cr_expect_eq(doc_parse_date(NULL, 8, NULL), -1);
}

/*
 * test_when.c - date expressions on sentences written for these tests,
 * tokenised and tagged by dyad's own front end; every expected date was
 * worked out by hand on the calendar (story date 2014-03-04, a Tuesday,
 * unless a test says otherwise).
 */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "attrs/when.h"
#include "clean/clean.h"
#include "split/split.h"
#include "tag/tagger.h"
#include "tok/tokenize.h"
#include "util/arena.h"

#define STORY 20140304

static tagger *tg;

static void setup(void)
{
	tg = tagger_new();
}

static void teardown(void)
{
	tagger_free(tg);
}

TestSuite(when, .init = setup, .fini = teardown);

/* Appends one expression as "span@date", the date in ISO reduced form
 * (2014-03-03, 2012-11, 2013, 1970s), '*' after a relative one. */
static void show(const tok_token *t, const when_expr *x, char *got,
		 size_t cap)
{
	size_t len = strlen(got);
	if (len)
		len += (size_t)snprintf(got + len, cap - len, "; ");
	for (int32_t j = x->tok_start; j < x->tok_end; j++)
		len += (size_t)snprintf(got + len, cap - len, "%s%s",
					j > x->tok_start ? " " : "", t[j].form);
	int y = x->date / 10000, m = x->date / 100 % 100, d = x->date % 100;
	switch (x->prec) {
	case EV_DATE_DAY:
		len += (size_t)snprintf(got + len, cap - len,
					"@%04d-%02d-%02d", y, m, d);
		break;
	case EV_DATE_MONTH:
		cr_expect_eq(d, 0);
		len += (size_t)snprintf(got + len, cap - len, "@%04d-%02d",
					y, m);
		break;
	case EV_DATE_YEAR:
		cr_expect_eq(m * 100 + d, 0);
		len += (size_t)snprintf(got + len, cap - len, "@%04d", y);
		break;
	case EV_DATE_DECADE:
		cr_expect_eq(m * 100 + d, 0);
		cr_expect_eq(y % 10, 0);
		len += (size_t)snprintf(got + len, cap - len, "@%04ds", y);
		break;
	default:
		len += (size_t)snprintf(got + len, cap - len, "@?");
	}
	if (x->relative)
		snprintf(got + len, cap - len, "*");
}

/* The expressions of sentence s (story date story), shown as above. */
static void find(const char *s, int32_t story, char *got, size_t cap)
{
	clean_text c;
	cr_assert_eq(clean_run(s, strlen(s), &c), 0);
	arena *a = arena_new();
	tok_token *t;
	int32_t n = tok_sentence(a, &c, 0, c.len, &t);
	tagger_tag(tg, t, n);
	when_expr x[16];
	int32_t k = when_find(t, n, story, x, 16);
	got[0] = '\0';
	cr_assert_leq(k, 16);
	for (int32_t i = 0; i < k; i++) {
		cr_expect_lt(x[i].tok_start, x[i].tok_end);
		if (i)
			cr_expect_leq(x[i - 1].tok_end, x[i].tok_start);
		show(t, &x[i], got, cap);
	}
	arena_free(a);
	clean_free(&c);
}

static void expect_at(const char *s, int32_t story, const char *want)
{
	char got[2048];
	find(s, story, got, sizeof got);
	cr_expect_str_eq(got, want, "%s", s);
}

static void expect(const char *s, const char *want)
{
	expect_at(s, STORY, want);
}

/* ---- explicit dates ------------------------------------------------ */

Test(when, explicit_days)
{
	expect("On March 3, 2014, the envoys met in Geneva.",
	       "March 3 , 2014@2014-03-03");
	expect("The envoys met on 3 March 2014 in Geneva.",
	       "3 March 2014@2014-03-03");
	expect("The envoys met on Mar 3 2014 in Geneva.",
	       "Mar 3 2014@2014-03-03");
	expect("The truce was signed on 2014-03-03 and broken on 2014/03/04.",
	       "2014-03-03@2014-03-03; 2014/03/04@2014-03-04");
	expect("The attacks of Sept. 11, 2001 changed the region.",
	       "Sept. 11 , 2001@2001-09-11");
	expect("The rebels struck on the 22nd of June 2012.",
	       "22nd of June 2012@2012-06-22");
	expect("The vote was held on Thursday, June 4th, 2012, in the capital.",
	       "Thursday , June 4th , 2012@2012-06-04");
	expect("Leaders met on Feb. 29, 2012 in the capital.",
	       "Feb. 29 , 2012@2012-02-29");
	/* a range of days: its first day */
	expect("Leaders met on March 3-5, 2013 and on 10-12 June 2012.",
	       "March 3-5 , 2013@2013-03-03; 10-12 June 2012@2012-06-10");
}

Test(when, impossible_and_ambiguous_days_are_skipped)
{
	expect("The envoys met on 3/4/2014 in Geneva.", "");
	expect("The envoys met on February 30, 2014 in Geneva.", "");
	expect("The envoys met on Feb. 29, 2013 in Geneva.", "");
	expect("The truce was signed on 2014-02-30.", "");
	expect("The envoys met on April 31 in Geneva.", "");
}

Test(when, explicit_months_years_decades)
{
	expect("They last met in November 2012 in the capital.",
	       "November 2012@2012-11");
	expect("They last met in early November of 2012.",
	       "early November of 2012@2012-11");
	expect("Talks collapsed in 2012.", "2012@2012");
	expect("Ties have been frozen since 2012.", "2012@2012");
	expect("The crisis began in mid-2013 and worsened in early 2012 and "
	       "late 2012.",
	       "mid-2013@2013; early 2012@2012; late 2012@2012");
	expect("Citizens were abducted in the 1970s and 1980s.",
	       "1970s@1970s; 1980s@1980s");
	expect("The 1990s were violent, and so were the '60s and the "
	       "mid-1980s.",
	       "1990s@1990s; '60s@1960s; mid-1980s@1980s");
	expect("The army grew in the 1970's.", "1970 's@1970s");
	expect("Families split by the 1950-1953 war met again.",
	       "1950-1953@1950");
	expect("The 2011-13 drought hit the north.", "2011-13@2011");
	expect("The rebels won the 2012 election.", "2012@2012");
	expect("Aid was cut between 2011 and 2013.", "2011@2011; 2013@2013");
	expect("The army was rebuilt in 2011 and 2012.",
	       "2011@2011; 2012@2012");
	expect("Troops stayed until the end of 2012.", "2012@2012");
	expect("A treaty was signed in 1066.", "1066@1066");
}

Test(when, numbers_that_are_not_years)
{
	expect("The army sent 2,000 troops and 1.5 million dollars.", "");
	expect("Exports rose to 2013 units.", "");
	expect("The motion passed by 2000 votes.", "");
	expect("Rebels took 1500 villages in the north.", "");
	expect("The army sent the 2000 troops home.", "");
	expect("They spent 2012 dollars.", "");
	expect("The general, in his 90s, resigned.", "");
	expect("The army sent 12 tanks and 3 planes.", "");
}

/* ---- months and days without a year --------------------------------- */

Test(when, months_without_a_year)
{
	/* past: the most recent December not after March 2014 */
	expect("The talks ended in December.", "December@2013-12*");
	/* the story's own month is not after it */
	expect("The talks ended in March.", "March@2014-03*");
	expect("The talks ended in April.", "April@2013-04*");
	/* future: the first one not before the story month */
	expect("Elections will be held in December.", "December@2014-12*");
	expect("Elections will be held in March.", "March@2014-03*");
	expect("Elections are expected in February.", "February@2015-02*");
	expect("Rebels clashed with troops last December.",
	       "last December@2013-12*");
	expect("Rebels clashed with troops last March.",
	       "last March@2013-03*");
	expect("Elections will be held next March.", "next March@2015-03*");
	expect("Secret contacts took place in late January.",
	       "late January@2014-01*");
	expect("The talks ended in mid-December.", "mid-December@2013-12*");
	expect("The talks ended between March and May.",
	       "March@2014-03*; May@2013-05*");
}

Test(when, month_days_without_a_year)
{
	expect("The envoys met on Dec. 12 in Geneva.", "Dec. 12@2013-12-12*");
	expect("The envoys met on Jan. 5 in Geneva.", "Jan. 5@2014-01-05*");
	expect("The envoys met on March 4 in Geneva.", "March 4@2014-03-04*");
	expect("The envoys met on March 5 in Geneva.", "March 5@2013-03-05*");
	expect("The envoys will meet on March 5 in Geneva.",
	       "March 5@2014-03-05*");
	expect("The envoys will meet on Dec. 12 in Geneva.",
	       "Dec. 12@2014-12-12*");
	expect("The envoys met on 30 June in Geneva.", "30 June@2013-06-30*");
	expect("The March 3 meeting ended without a deal.",
	       "March 3@2014-03-03*");
	expect("Fireworks marked the 4th of July.", "4th of July@2013-07-04*");
	/* February 29 moves to the nearest leap year */
	expect("The envoys met on Feb. 29 in Geneva.", "Feb. 29@2012-02-29*");
	expect("The envoys will meet on Feb. 29 in Geneva.",
	       "Feb. 29@2016-02-29*");
}

Test(when, year_end)
{
	expect_at("The envoys met on Dec. 31 and on Jan. 1.", 20141231,
		  "Dec. 31@2014-12-31*; Jan. 1@2014-01-01*");
	expect_at("The envoys met on Dec. 31 in Geneva.", 20140101,
		  "Dec. 31@2013-12-31*");
	expect_at("The envoys will meet on Jan. 2 in Geneva.", 20141231,
		  "Jan. 2@2015-01-02*");
}

/* ---- weekdays -------------------------------------------------------- */

Test(when, weekdays_past)
{
	expect("Japanese and North Korean officials met on Monday.",
	       "Monday@2014-03-03*");
	/* a story dated Tuesday saying "on Tuesday" means that day */
	expect("The envoys met on Tuesday.", "Tuesday@2014-03-04*");
	expect("The envoys met on Wednesday.", "Wednesday@2014-02-26*");
	expect("Monday's meeting was cordial.", "Monday@2014-03-03*");
	expect("The ministry said late on Tuesday that talks ended.",
	       "Tuesday@2014-03-04*");
	expect("Rebels attacked the town on Sunday night.",
	       "Sunday night@2014-03-02*");
	expect("The envoys met last Tuesday.", "last Tuesday@2014-02-25*");
	expect("The envoys met last Monday.", "last Monday@2014-03-03*");
	expect("Officials said Monday that the talks had failed.",
	       "Monday@2014-03-03*");
}

Test(when, weekdays_future)
{
	expect("The envoys will meet on Monday.", "Monday@2014-03-10*");
	expect("The envoys will meet on Tuesday.", "Tuesday@2014-03-04*");
	expect("The envoys will meet on Friday.", "Friday@2014-03-07*");
	expect("The envoys will meet next Tuesday.",
	       "next Tuesday@2014-03-11*");
	expect("The envoys meet next Monday.", "next Monday@2014-03-10*");
	expect("The vote is scheduled for Sunday.", "Sunday@2014-03-09*");
	expect("The vote is to be held on Sunday.", "Sunday@2014-03-09*");
	expect("The vote was held on Sunday.", "Sunday@2014-03-02*");
	expect("On Friday, the two sides will sign a truce.",
	       "Friday@2014-03-07*");
	expect("On Friday, the minister said that the two sides will sign a "
	       "truce.",
	       "Friday@2014-02-28*");
	expect("The minister said the talks would resume on Friday.",
	       "Friday@2014-03-07*");
	/* a plan as a noun is no plan to act: the past Friday */
	expect("The envoy brokered a ceasefire plan on Friday.", "Friday@2014-02-28*");
	expect("Valoria plans to sign on Friday.", "Friday@2014-03-07*");
}

Test(when, weekday_names_are_not_dates)
{
	expect("Marchers remembered Bloody Sunday.", "");
	expect("The Good Friday agreement holds.", "");
	expect("The Sunday Times reported the raid.", "");
}

/* ---- words that only look like months --------------------------------- */

Test(when, march_and_may_by_tag)
{
	expect("Protesters march in Tokyo.", "");
	expect("Protesters may march on the capital.", "");
	expect("Theresa May met the envoys.", "");
	expect("The march on the capital was peaceful.", "");
	expect("April Glaspie met the envoys.", "");
	expect("Jan Egeland met the envoys.", "");
	expect("The election was held in May.", "May@2013-05*");
	expect("Protesters will march in May.", "May@2014-05*");
	expect("Protesters may march in May.", "May@2014-05*");
	expect("THE TALKS ENDED IN MAY.", "MAY@2013-05*");
	expect("The March 14 alliance won the vote.", "");
	expect("The April 6 Youth Movement called a strike.", "");
	expect("Troops were sent after the Sept. 11 attacks.", "");
	expect("Troops were sent after the 11 September attacks.", "");
	expect("the talks ended in december.", "december@2013-12*");
}

/* ---- relative to the story date --------------------------------------- */

Test(when, today_yesterday_tomorrow)
{
	expect("Rebels shelled the city today.", "today@2014-03-04*");
	expect("Rebels shelled the city yesterday.", "yesterday@2014-03-03*");
	expect("Rebels shelled the city yesterday morning.",
	       "yesterday morning@2014-03-03*");
	expect("The envoys will meet tomorrow.", "tomorrow@2014-03-05*");
	expect("Rebels shelled the city last night.", "last night@2014-03-03*");
	expect("Rebels shelled the city this morning.",
	       "this morning@2014-03-04*");
	expect("Today's talks were tense.", "Today@2014-03-04*");
	expect_at("Rebels shelled the city yesterday.", 20140101,
		  "yesterday@2013-12-31*");
	expect_at("Rebels shelled the city yesterday.", 20120301,
		  "yesterday@2012-02-29*");
	expect_at("Rebels shelled the city yesterday.", 20130301,
		  "yesterday@2013-02-28*");
}

Test(when, weeks_months_years)
{
	/* a week is given as the month of its date: 2014-02-25 */
	expect("The envoys met last week.", "last week@2014-02*");
	expect("The envoys met this week.", "this week@2014-03*");
	expect("The envoys will meet next week.", "next week@2014-03*");
	expect_at("The envoys met last week.", 20140310, "last week@2014-03*");
	expect("Rebels attacked last month.", "last month@2014-02*");
	expect("Rebels attacked this month.", "this month@2014-03*");
	expect("Rebels attacked earlier this month.",
	       "earlier this month@2014-03*");
	expect("Elections will be held next month.", "next month@2014-04*");
	expect_at("Rebels attacked last month.", 20140115,
		  "last month@2013-12*");
	expect_at("Elections will be held next month.", 20141215,
		  "next month@2015-01*");
	expect("Rebels attacked last year.", "last year@2013*");
	expect("Elections will be held next year.", "next year@2015*");
	expect("Rebels attacked earlier this year.",
	       "earlier this year@2014*");
	expect("Rebels attacked late last year.", "late last year@2013*");
	expect("The envoys said the past year was hard.", "");
}

Test(when, ago)
{
	expect("Rebels attacked two years ago.", "two years ago@2012*");
	expect("Rebels attacked a month ago.", "a month ago@2014-02*");
	expect("Rebels attacked three days ago.", "three days ago@2014-03-01*");
	expect("Rebels attacked 3 days ago.", "3 days ago@2014-03-01*");
	expect("Rebels attacked a week ago.", "a week ago@2014-02*");
	expect("Rebels attacked two decades ago.", "two decades ago@1990s*");
	expect("Rebels attacked 15 months ago.", "15 months ago@2012-12*");
	expect("Rebels attacked several years ago.", "");
	expect("Rebels attacked a few days ago.", "");
	expect_at("Rebels attacked three days ago.", 20120301,
		  "three days ago@2012-02-27*");
	expect_at("Rebels attacked a month ago.", 20140115,
		  "a month ago@2013-12*");
	expect_at("Rebels attacked a year ago.", 20120229,
		  "a year ago@2011*");
}

Test(when, in_future_units)
{
	expect("The games will open in two days.", "two days@2014-03-06*");
	expect("The envoys will meet again in three weeks.",
	       "three weeks@2014-03*");
	expect("It was the first visit in three years.", "");
	expect("Prices hit their highest level in five years.", "");
}

/* ---- relative to another date ------------------------------------------ */

Test(when, anchored_on_a_previous_date)
{
	/* the test came a month after November 2012 */
	expect("They last met in November 2012, a month before the North "
	       "tested a missile.",
	       "November 2012@2012-11; a month before@2012-12*");
	expect("The envoys met on March 3, 2014, and signed a deal three days "
	       "later.",
	       "March 3 , 2014@2014-03-03; three days later@2014-03-06*");
	expect("The truce began on March 31, 2014; fighting had stopped a "
	       "month earlier.",
	       "March 31 , 2014@2014-03-31; a month earlier@2014-02*");
	/* January - 1 month is December of the previous year */
	expect("Talks resumed in January 2014, a month after they collapsed.",
	       "January 2014@2014-01; a month after@2013-12*");
	expect("The envoys met on Feb. 28, 2012 and again a day later.",
	       "Feb. 28 , 2012@2012-02-28; a day later@2012-02-29*");
	expect("The envoys met on Feb. 28, 2013 and again a day later.",
	       "Feb. 28 , 2013@2013-02-28; a day later@2013-03-01*");
	expect("The envoys met on March 1, 2012, a day after the vote.",
	       "March 1 , 2012@2012-03-01; a day after@2012-02-29*");
	expect("The envoys met on March 1, 2000 and had spoken two days "
	       "earlier.",
	       "March 1 , 2000@2000-03-01; two days earlier@2000-02-28*");
	expect("The envoys met in 2012 and again a month later.",
	       "2012@2012; a month later@2012*");
	expect("The envoys met on March 3, 2014 and again the next day.",
	       "March 3 , 2014@2014-03-03; next day@2014-03-04*");
	expect("The envoys met on March 3, 2014 after talks the previous "
	       "day.",
	       "March 3 , 2014@2014-03-03; previous day@2014-03-02*");
	/* an anchored date is not itself an anchor */
	expect("The envoys met on March 3, 2014, a day before the vote and "
	       "two days before the strike.",
	       "March 3 , 2014@2014-03-03; a day before@2014-03-04*; "
	       "two days before@2014-03-05*");
}

Test(when, anchored_on_the_story_date)
{
	expect("Two weeks after the election, rebels attacked.",
	       "Two weeks after@2014-02*");
	expect("Rebels attacked three days later.",
	       "three days later@2014-03-07*");
}

/* ---- story date unknown, limits, bad input ---------------------------- */

Test(when, unknown_story_date)
{
	const char *s = "The envoys met on March 3, 2014, and three days "
			"later, on Monday, in December, last year and two "
			"years ago.";
	expect_at(s, 0, "March 3 , 2014@2014-03-03; "
			"three days later@2014-03-06*");
	/* an impossible story date counts as unknown */
	expect_at(s, 20140230, "March 3 , 2014@2014-03-03; "
			       "three days later@2014-03-06*");
	expect_at("Rebels attacked yesterday.", 0, "");
	expect_at("Rebels attacked three days later.", 0, "");
}

Test(when, limits_and_bad_arguments)
{
	const char *s = "They met in 2011, in 2012 and in 2013.";
	clean_text c;
	cr_assert_eq(clean_run(s, strlen(s), &c), 0);
	arena *a = arena_new();
	tok_token *t;
	int32_t n = tok_sentence(a, &c, 0, c.len, &t);
	tagger_tag(tg, t, n);
	when_expr x[3];
	memset(x, 0x5a, sizeof x);
	cr_expect_eq(when_find(t, n, STORY, x, 1), 1);
	cr_expect_eq(x[0].date, 20110000);
	cr_expect_eq(x[0].prec, EV_DATE_YEAR);
	cr_expect_eq(x[0].relative, 0);
	cr_expect_eq(x[1].date, 0x5a5a5a5a); /* untouched */
	cr_expect_eq(when_find(t, n, STORY, x, 3), 3);
	cr_expect_eq(x[2].date, 20130000);
	cr_expect_eq(x[2].tok_start, x[2].tok_end - 1);
	cr_expect_str_eq(t[x[2].tok_start].form, "2013");
	cr_expect_eq(when_find(t, n, STORY, x, 0), 0);
	cr_expect_eq(when_find(NULL, n, STORY, x, 3), 0);
	cr_expect_eq(when_find(t, n, STORY, NULL, 3), 0);
	cr_expect_eq(when_find(t, 0, STORY, x, 3), 0);
	cr_expect_eq(when_find(t, -1, STORY, x, 3), 0);
	cr_expect_eq(when_find(t, n, -5, x, 3), 3);
	arena_free(a);
	clean_free(&c);
}

Test(when, odd_tokens_never_crash)
{
	/* hand-made tokens: empty forms, NULL forms, huge numbers, lone
	 * prefixes, every trigger at the very end of the sentence */
	static const char *const forms[] = {
		"", "mid-", "late-", "early-", "'", "'9", "'90", "99999999999",
		"2014-", "2014-1", "2014-13-01", "2014-02-29", "9999-12-31",
		"0000-01-01", "1999-", "0s", "10s", "3rd", "32nd", "0th",
		"the", "two", "days", "the", "next", "day", "last", "year",
		"a", "decade", "ago", "Monday", "March", "Dec.", "'s", "May",
		"of", "in", "2012", "9999999", "today", "night", "Sunday"};
	const int32_t n = (int32_t)(sizeof forms / sizeof *forms);
	tok_token t[64];
	memset(t, 0, sizeof t);
	for (int32_t i = 0; i < n; i++) {
		t[i].form = forms[i];
		t[i].len = (uint16_t)strlen(forms[i]);
		t[i].tag = (uint8_t)(i % POS_COUNT_);
	}
	t[n].form = NULL;
	t[n].len = 3;
	when_expr x[64];
	static const int32_t stories[] = {0, 20140304, 99991231, 10101,
					   20000229, 20010229, -1};
	for (size_t k = 0; k < sizeof stories / sizeof *stories; k++)
		for (int32_t m = 0; m <= n + 1; m++) {
			int32_t got = when_find(t, m, stories[k], x, 64);
			cr_assert_geq(got, 0);
			for (int32_t i = 0; i < got; i++) {
				cr_assert_geq(x[i].tok_start, 0);
				cr_assert_leq(x[i].tok_end, m);
				cr_assert(x[i].date >= 10000 &&
					  x[i].date <= 99991231);
			}
		}
}

/* ---- the running example ------------------------------------------------ */

Test(when, seed_article)
{
	const char *path = "../shared/seed/000_4c84cae7e1c89762.txt";
	FILE *f = fopen(path, "rb");
	if (!f)
		cr_skip("%s is absent", path);
	char buf[16384];
	size_t len = fread(buf, 1, sizeof buf, f);
	fclose(f);
	clean_text c;
	cr_assert_eq(clean_run(buf, len, &c), 0);
	arena *a = arena_new();
	split_iter it;
	split_init(&it, c.text, c.len);
	size_t s, e;
	int monday = 0, decades = 0, nov_dec = 0;
	while (split_next(&it, &s, &e)) {
		tok_token *t;
		int32_t n = tok_sentence(a, &c, s, e, &t);
		tagger_tag(tg, t, n);
		when_expr x[16];
		int32_t k = when_find(t, n, STORY, x, 16);
		for (int32_t i = 0; i < k; i++) {
			monday += x[i].date == 20140303 &&
				  x[i].prec == EV_DATE_DAY;
			decades += x[i].prec == EV_DATE_DECADE &&
				   (x[i].date == 19700000 ||
				    x[i].date == 19800000);
			nov_dec += i + 1 < k && x[i].date == 20121100 &&
				   x[i].prec == EV_DATE_MONTH &&
				   x[i + 1].date == 20121200 &&
				   x[i + 1].prec == EV_DATE_MONTH;
		}
		arena_reset(a);
	}
	/* the meeting "on Monday" (2014-03-03), the abductions of the 1970s
	 * and 1980s, the last talks in November 2012 a month before the
	 * missile test */
	cr_expect_geq(monday, 1);
	cr_expect_eq(decades, 2);
	cr_expect_eq(nov_dec, 1);
	arena_free(a);
	clean_free(&c);
}

/* ---- anchored on an earlier sentence ----------------------------------- */

/* The first expression of s (story date STORY) with anchor a/p, as
 * YYYYMMDD and precision. */
static int32_t anchored(const char *s, int32_t a, ev_precision p, ev_precision *prec)
{
	clean_text c;
	cr_assert_eq(clean_run(s, strlen(s), &c), 0);
	arena *ar = arena_new();
	tok_token *t;
	int32_t n = tok_sentence(ar, &c, 0, c.len, &t);
	tagger_tag(tg, t, n);
	when_expr x[4];
	int32_t k = when_find_anchored(t, n, STORY, a, p, x, 4);
	int32_t d = k > 0 ? x[0].date : 0;
	*prec = k > 0 ? x[0].prec : EV_DATE_NONE;
	arena_free(ar);
	clean_free(&c);
	return d;
}

Test(when, anchored_on_an_earlier_sentence)
{
	ev_precision p;
	/* the previous sentence spoke of Friday 2014-02-28 */
	cr_expect_eq(anchored("Kestria sent ships on the same day.", 20140228, EV_DATE_DAY, &p),
		     20140228);
	cr_expect_eq(p, EV_DATE_DAY);
	cr_expect_eq(anchored("Two days later, Kestria protested.", 20140228, EV_DATE_DAY, &p),
		     20140302);
	/* with no anchor: from the story date (Tuesday 2014-03-04) */
	cr_expect_eq(anchored("Kestria sent ships on the same day.", 0, EV_DATE_NONE, &p),
		     20140304);
	/* an anchor of reduced precision keeps it */
	cr_expect_eq(anchored("A month later, Kestria protested.", 20121100, EV_DATE_MONTH, &p),
		     20121200);
	cr_expect_eq(p, EV_DATE_MONTH);
	/* the sentence's own date comes first */
	cr_expect_eq(anchored("On Monday Valoria met Kestria, and two days later they signed.",
			      20140228, EV_DATE_DAY, &p), 20140303);
}

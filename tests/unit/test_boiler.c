/*
 * test_boiler.c - publisher boilerplate against news: footers written here
 * in the styles of wire services, newspapers, broadcasters, blogs and
 * paywalls must be flagged; closing and mid-story news sentences (quoted
 * officials saying "we", reporting verbs, dated facts) must not. Also the
 * seed article's last sentences, read by path and never copied.
 */
#include <criterion/criterion.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "clean/boiler.h"
#include "clean/boiler_int.h"
#include "clean/clean.h"
#include "split/split.h"

#define SEED "../shared/seed/000_4c84cae7e1c89762.txt"

typedef struct sample {
	const char *text;
	int from_end; /* where it stands: 0 = last sentence, -1 unknown */
} sample;

/* Publisher boilerplate, written for these tests. */
static const sample footers[] = {
	/* wire services */
	{"Reporting by Jane Miller; Editing by Tom Hogue", 0},
	{"(Additional reporting by Sam Ortiz in Geneva; Writing by Lena Fitch; "
	 "Editing by Mark Dale)", 0},
	{"Copyright 2019 The Associated Press.", 1},
	{"All rights reserved.", 0},
	{"This material may not be published, broadcast, rewritten or "
	 "redistributed without permission.", 0},
	{"(c) 2014 Northwind Wire Services", -1},
	{"\xC2\xA9 2021 Daily Example Media Group", 0},
	{"The Associated Press contributed to this report.", 0},
	{"Editing by Anna Ruiz", 0},
	/* newspapers */
	{"This article first appeared in the print edition of the Sunday "
	 "Herald.", 0},
	{"This story was originally published by the Riverside Ledger.", 0},
	{"Subscribe to our newsletter for the latest headlines delivered to "
	 "your inbox.", 1},
	{"Already a subscriber?", 1},
	{"Log in to continue reading.", 0},
	{"Send your letters to the editor at letters@ourpaper.example.", 0},
	{"Contact the reporter at jdoe@dailyexample.example.", 0},
	{"By Jane Smith and Omar Ali", 2},
	/* broadcasters */
	{"Watch the full interview on our YouTube channel.", 0},
	{"Follow Channel Nine News on Twitter and Instagram for live updates.",
	 0},
	{"Download the app to get breaking news alerts on your phone.", 0},
	{"Listen to the full episode wherever you get your podcasts.", 0},
	/* blogs */
	{"If you enjoyed this post, please share it with your friends.", 0},
	{"Leave a comment below and let us know what you think!", 0},
	{"Thanks for reading!", 0},
	{"Like our page and never miss an update.", 1},
	/* paywalls and membership pitches */
	{"You have reached your limit of free articles this month.", -1},
	{"Subscribe now for unlimited digital access starting at just $1 a "
	 "week.", 0},
	{"Support independent journalism by becoming a member today.", 0},
	{"We rely on readers like you to fund our reporting.", 0},
	{"Good journalism takes time and money, and your contribution keeps "
	 "it free for everyone.", 0},
	{"Independent reporting has never been more important.", 0},
	{"Sign up for our free daily briefing.", 0},
	{"Have a news tip?", 1},
	{"Email us at tips@newsroom.example.", 0},
	{"Click here to read the full story.", -1},
	{"Read more: Ten things to know about the summit", 0},
	{"To continue reading, please log in or create a free account.", 0},
	/* cookie notices */
	{"We use cookies to give you the best experience on our website.", 0},
	{"By continuing to browse this site, you agree to our use of cookies.",
	 0},
};

/* News: closing paragraphs and mid-story sentences, written for these
 * tests. Several say "we", "you" or name the press and must still code. */
static const sample news[] = {
	{"He said he expects the new government to be formed by the end of "
	 "2015.", 0},
	{"The talks will resume next week, officials said.", 0},
	{"\"We have to analyze why the negotiations failed,\" the foreign "
	 "minister told reporters.", 0},
	{"\"We need your help,\" the governor told residents, urging them to "
	 "stay indoors.", 0},
	{"We have to analyze why they are not coming back,\" he added.", 0},
	{"We will not allow this to happen again.", 0},
	{"\"You cannot solve this problem by force alone,\" the envoy said on "
	 "Tuesday.", 0},
	{"Our position has not changed, a government spokesman said.", 1},
	{"Investigators are still trying to determine the cause of the fire.",
	 0},
	{"The agreement is expected to be signed in Geneva on Thursday.", 0},
	{"Both sides have agreed to meet again in March.", 0},
	{"Share prices in Tokyo fell 2 percent after the announcement.", 1},
	{"Support for the prime minister's cabinet dropped to 38 percent in a "
	 "poll by the Asahi newspaper.", 0},
	{"The newspaper reported that at least 12 people were killed in the "
	 "attack.", 0},
	{"Subscribers to the state-run cable service lost access to foreign "
	 "channels for three days, the company said.", 0},
	{"Press freedom groups said independent journalism is more crucial "
	 "than ever in the region.", 0},
	{"Others argue the sanctions have done little to change Pyongyang's "
	 "behavior.", 1},
	{"Follow-up negotiations are scheduled for April in Beijing.", 0},
	{"The United Nations Security Council will vote on the resolution on "
	 "Friday.", 0},
	{"The ministry declined to comment on the report.", 0},
	{"Kim, who came to power in 2011, has since purged several senior "
	 "officials.", 0},
	{"The two leaders last met in Washington in 2013.", 0},
	{"Rescue workers were searching the rubble for survivors late on "
	 "Sunday.", 0},
	{"The International Monetary Fund will release its next forecast in "
	 "October.", 0},
	{"Thousands of protesters marched through the capital, chanting "
	 "slogans against the government.", 0},
	{"Opposition leaders called for a general strike on Monday.", 0},
	{"The journalist was released after three days in custody, according "
	 "to his employer.", 0},
	{"Facebook and Twitter were blocked across the country ahead of the "
	 "vote.", 0},
	{"Sign language interpreters will be provided at all polling "
	 "stations.", 0},
	{"Subscription television revenue fell by a quarter last year, the "
	 "regulator said.", 0},
	{"Click, a mobile payments startup, raised $10 million from investors "
	 "last year.", 0},
	{"US officials say the embargo will stay in place.", 0},
	{"TOKYO (Kyodo) --", -1},
	{"Japan and North Korea will hold talks in Beijing next month to discuss "
	 "the fate of Japanese abducted by Pyongyang agents in the 1970s and "
	 "1980s.", -1},
	{"\"Join us in building a peaceful region,\" the president urged "
	 "neighbouring states.", 0},
	{"Readers of the weekly were outraged by the cartoon, which was "
	 "published on Friday.", 0},
	{"The court ruled that the photographs were protected by copyright.",
	 0},
};

#define COUNT(a) (sizeof(a) / sizeof((a)[0]))

Test(boiler, table_sorted)
{
	cr_assert(boiler_table_sorted());
}

Test(boiler, footers_are_flagged)
{
	size_t missed = 0;
	for (size_t i = 0; i < COUNT(footers); i++) {
		const sample *f = &footers[i];
		int got = boiler_sentence(f->text, strlen(f->text), f->from_end);
		if (!got) {
			missed++;
			cr_log_error("not flagged (score %d): %s",
			             boiler_score(f->text, strlen(f->text)), f->text);
		}
	}
	cr_log_info("boiler: %zu footers, %zu flagged, %zu missed",
	            COUNT(footers), COUNT(footers) - missed, missed);
	cr_assert_geq(COUNT(footers), 25);
	cr_assert_eq(missed, 0);
}

Test(boiler, news_is_kept)
{
	size_t flagged = 0;
	for (size_t i = 0; i < COUNT(news); i++) {
		const sample *s = &news[i];
		int got = boiler_sentence(s->text, strlen(s->text), s->from_end);
		if (got) {
			flagged++;
			cr_log_error("flagged (score %d): %s",
			             boiler_score(s->text, strlen(s->text)), s->text);
		}
		/* Last or not, news stays news. */
		cr_assert_not(boiler_sentence(s->text, strlen(s->text), 0),
		              "%s", s->text);
	}
	cr_log_info("boiler: %zu news sentences, %zu kept, %zu flagged",
	            COUNT(news), COUNT(news) - flagged, flagged);
	cr_assert_geq(COUNT(news), 25);
	cr_assert_eq(flagged, 0);
}

/* The end of a document lowers the bar; mid-story a weak pitch is kept. */
Test(boiler, position_matters)
{
	const char *s = "Independent reporting has never been more important.";
	cr_assert(boiler_sentence(s, strlen(s), 0));
	cr_assert_not(boiler_sentence(s, strlen(s), 10));
	cr_assert_not(boiler_sentence(s, strlen(s), -1));
	/* Strong cues count anywhere. */
	const char *c = "Copyright 2020 Example Wire. All rights reserved.";
	cr_assert(boiler_sentence(c, strlen(c), -1));
	cr_assert(boiler_sentence(c, strlen(c), 40));
}

/* Words inside quotation marks never count, whatever the marks look like. */
Test(boiler, quotes_shield_their_words)
{
	const char *straight = "\"Subscribe to our channel and follow us,\" the "
	                       "militant group said in a statement.";
	const char *curly = "\xE2\x80\x9CSubscribe to our channel and follow "
	                    "us,\xE2\x80\x9D the group wrote.";
	const char *bare = "Subscribe to our channel and follow us.";
	cr_assert_not(boiler_sentence(straight, strlen(straight), 0));
	cr_assert_not(boiler_sentence(curly, strlen(curly), 0));
	cr_assert(boiler_sentence(bare, strlen(bare), 0));
	/* The tail of a quotation begun in the sentence before. */
	const char *tail = "You must subscribe to our values,\" he said.";
	cr_assert_not(boiler_sentence(tail, strlen(tail), 0));
}

Test(boiler, odd_input)
{
	cr_assert_not(boiler_sentence(NULL, 0, 0));
	cr_assert_not(boiler_sentence("", 0, 0));
	cr_assert_not(boiler_sentence("...", 3, 0));
	cr_assert_not(boiler_sentence("\xFF\xFE\xC2", 3, 0));
	/* Not NUL-terminated: only n bytes are read. */
	char b[8];
	memcpy(b, "Subscribe", 8);
	cr_assert_not(boiler_sentence(b, 0, 0));
	/* Very long text: only the first words are looked at, no overrun. */
	size_t n = 200000;
	char *big = malloc(n);
	cr_assert_not_null(big);
	for (size_t i = 0; i < n; i++)
		big[i] = "you our \"x "[i % 11];
	(void)boiler_sentence(big, n, 0);
	memset(big, 'a', n);
	(void)boiler_sentence(big, n, 0);
	free(big);
}

/* The seed article (read by path): its last two sentences are a
 * publisher's pitch; every sentence before them is news. */
Test(boiler, seed_article)
{
	FILE *f = fopen(SEED, "rb");
	if (!f)
		cr_skip_test("%s is absent (../shared not beside the project)", SEED);
	char *raw = NULL;
	size_t cap = 0, len = 0;
	for (;;) {
		if (len + 4096 > cap) {
			cap = cap ? cap * 2 : 65536;
			raw = realloc(raw, cap);
			cr_assert_not_null(raw);
		}
		size_t got = fread(raw + len, 1, cap - len, f);
		len += got;
		if (got == 0)
			break;
	}
	fclose(f);
	clean_text ct;
	cr_assert_eq(clean_run(raw, len, &ct), 0);
	size_t starts[512], ends[512];
	int ns = 0;
	split_iter it;
	split_init(&it, ct.text, ct.len);
	while (ns < 512 && split_next(&it, &starts[ns], &ends[ns]))
		ns++;
	cr_assert_gt(ns, 10);
	int flagged = 0;
	for (int i = 0; i < ns; i++) {
		int from_end = ns - 1 - i;
		int got = boiler_sentence(ct.text + starts[i], ends[i] - starts[i],
		                          from_end);
		if (from_end <= 1)
			cr_expect(got, "seed sentence %d of %d not flagged", i, ns);
		else if (got)
			cr_log_error("seed sentence %d of %d flagged: %.*s", i, ns,
			             (int)(ends[i] - starts[i]), ct.text + starts[i]);
		flagged += got;
	}
	cr_expect_eq(flagged, 2, "%d seed sentences flagged, want 2", flagged);
	clean_free(&ct);
	free(raw);
}

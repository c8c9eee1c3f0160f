/*
 * test_html.c - saved news pages (tests/data/html/, written for these
 * tests) to documents: headline, date, url, publisher and the article's
 * paragraphs without navigation, ads, share bars, related links, comments
 * or footers; pages with and without <article>, a broken page, an empty
 * one, and bad input (binary, huge, deeply nested) that must not crash.
 */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "read/read_html.h"
#include "read/reader.h"
#include "util/buf.h"

#include "test_support.h"

#define DATA "tests/data/html/"

/* ----------------------------------------------------------- helpers */

/* Reads the one document of a page file; returns what reader_next did
 * and checks that a second call says "end". */
static int read_page(const char *path, read_format fmt, ts_capture *c, doc *d)
{
	reader *r = reader_open(path, fmt, c->dg, 0, NULL);
	cr_assert_not_null(r, "cannot open %s: %s", path, ts_cap_text(c));
	memset(d, 0, sizeof *d);
	int rc = reader_next(r, d);
	doc extra;
	memset(&extra, 0, sizeof extra);
	cr_assert_eq(reader_next(r, &extra), 0, "%s: more than one document",
	             path);
	reader_close(r);
	return rc;
}

/* Extracts from an in-memory page. */
static int from_string(const char *html, ts_capture *c, doc *d)
{
	memset(d, 0, sizeof *d);
	return read_html_doc(html, strlen(html), "mem.html", "mem", c->dg, d);
}

static void expect_text(const doc *d, const char *want)
{
	cr_assert_eq(d->len, strlen(d->text), "NUL inside the text");
	cr_assert_str_eq(d->text, want);
}

/* ------------------------------------------------------------- pages */

Test(read_html, news_page_without_article)
{
	ts_capture c;
	ts_cap_open(&c);
	doc d;
	cr_assert_eq(read_page(DATA "news_page.html", READ_AUTO, &c, &d), 1);
	cr_assert_str_eq(d.id, "news_page");
	/* article:published_time wins over <meta name=date> (2014-03-05). */
	cr_assert_eq(d.date, 20140304);
	/* og:title without its " | site" suffix. */
	cr_assert_str_eq(d.title, "Ministers agree to reopen border crossings");
	cr_assert_str_eq(d.url, "https://courier.example/world/border-crossings");
	cr_assert_str_eq(d.source, "Northwind Courier");
	cr_assert_eq(d.text_base, 0);
	expect_text(&d,
		"Ministers agree to reopen border crossings\n\n"
		"BORDERTOWN, March 4 (Courier) \xE2\x80\x94 The interior ministers "
		"of Eastland and Westria agreed on Tuesday to reopen three border "
		"crossings that had been closed since the floods.\n\n"
		"The two ministers met for four hours in Bordertown, their first "
		"meeting since the dispute over river levels began in January.\n\n"
		"\xE2\x80\x9CWe have to restore trust between our peoples,"
		"\xE2\x80\x9D the Westrian minister told reporters after the talks. "
		"Trade & travel would resume within a week, she said.\n\n"
		"Eastland's minister said his government would also send engineers "
		"to repair the damaged bridge at Millford.");
	cr_assert_str_eq(ts_cap_text(&c), ""); /* nothing to complain about */
	doc_clear(&d);
	ts_cap_close(&c);
}

Test(read_html, article_element)
{
	ts_capture c;
	ts_cap_open(&c);
	doc d;
	cr_assert_eq(read_page(DATA "article.html", READ_AUTO, &c, &d), 1);
	cr_assert_str_eq(d.id, "article");
	cr_assert_eq(d.date, 20140304); /* <time datetime> in the article */
	/* The article's <h1>, not the site logo's nor the <title>. */
	cr_assert_str_eq(d.title, "Rescue teams reach cut-off villages");
	cr_assert_null(d.url);
	cr_assert_null(d.source);
	/* No byline, time, caption, pull quote, share links or teasers. */
	expect_text(&d,
		"Rescue teams reach cut-off villages\n\n"
		"HILLTOWN \xE2\x80\x93 Rescue teams on Tuesday reached four "
		"mountain villages cut off by landslides for more than a week, the "
		"regional government said.\n\n"
		"Helicopters dropped food and medicine to about 2,000 residents, "
		"officials said. Engineers expect the main road to reopen by "
		"Friday.\n\n"
		"\xE2\x80\x9CWe will not leave anyone behind,\xE2\x80\x9D the "
		"governor said in a statement.\n\n"
		"Heavy rain is forecast for the region again next week.");
	doc_clear(&d);
	ts_cap_close(&c);
}

Test(read_html, table_layout_without_paragraphs)
{
	ts_capture c;
	ts_cap_open(&c);
	doc d;
	cr_assert_eq(read_page(DATA "no_article.html", READ_HTML, &c, &d), 1);
	cr_assert_eq(d.date, 20140305); /* "March 5, 2014" */
	/* <title> without " :: The Old Gazette"; the bold headline in the
	 * body is not repeated. */
	cr_assert_str_eq(d.title, "Fishermen freed after two weeks");
	expect_text(&d,
		"Fishermen freed after two weeks\n\n"
		"PORTVILLE \xE2\x80\x93 Eleven fishermen held for two weeks by the "
		"coast guard of a neighbouring state were freed on Wednesday and "
		"returned home by ferry.\n\n"
		"The men, whose trawler was seized on February 19 near the disputed "
		"S\xC3\xB8rholm islands, were greeted by relatives at the "
		"harbour.\n\n"
		"\"They treated us well, but we are glad to be back,\" the captain "
		"told the Gazette.");
	doc_clear(&d);
	ts_cap_close(&c);
}

Test(read_html, broken_page)
{
	ts_capture c;
	ts_cap_open(&c);
	doc d;
	cr_assert_eq(read_page(DATA "broken.html", READ_AUTO, &c, &d), 1);
	/* From the ld+json NewsArticle inside an @graph. */
	cr_assert_eq(d.date, 20140306);
	cr_assert_str_eq(d.title, "Strike ends at the port");
	cr_assert_str_eq(d.source, "Harbour Post");
	/* An unknown entity stays as written, the bad byte becomes U+FFFD,
	 * the NUL is dropped (HTML5 "in body"), the paragraph after the stray
	 * </div> is kept and the unterminated comment swallows the rest. */
	expect_text(&d,
		"Strike ends at the port\n\n"
		"Dock workers ended a five-day strike on Thursday after the port "
		"authority agreed to raise wages by 4 percent &foo; and to hire "
		"more staff.\n\n"
		"The union said its members would return to work on Friday "
		"morning.\n\n"
		"Ships had queued outside the harbour \xEF\xBF\xBD since Saturday, "
		"the authoritysaid.\n\n"
		"Talks on pensions will continue next month.");
	doc_clear(&d);
	ts_cap_close(&c);
}

Test(read_html, page_without_article_text)
{
	ts_capture c;
	ts_cap_open(&c);
	doc d;
	cr_assert_eq(read_page(DATA "empty.html", READ_AUTO, &c, &d), 0);
	cr_assert_null(d.text);
	cr_assert_null(d.id);
	cr_assert_str_eq(ts_cap_text(&c),
	                 DATA "empty.html: no article text found\n");
	ts_cap_close(&c);
}

/* --input html on a file whose extension says otherwise. */
Test(read_html, forced_format)
{
	char path[] = "/tmp/dyad-html-XXXXXX.txt";
	int fd = mkstemps(path, 4);
	cr_assert_geq(fd, 0);
	const char *page = "<html><body><p>Troops left the town on "
	                   "Sunday.</p></body></html>";
	cr_assert_eq(write(fd, page, strlen(page)), (ssize_t)strlen(page));
	close(fd);
	ts_capture c;
	ts_cap_open(&c);
	doc d;
	cr_assert_eq(read_page(path, READ_HTML, &c, &d), 1);
	expect_text(&d, "Troops left the town on Sunday.");
	cr_assert_null(d.title);
	cr_assert_eq(d.date, 0);
	/* The id is the base name without its extension, as for text. */
	char want[64];
	snprintf(want, sizeof want, "%.*s", (int)strlen("dyad-html-XXXXXX"),
	         strrchr(path, '/') + 1);
	cr_assert_str_eq(d.id, want);
	doc_clear(&d);
	ts_cap_close(&c);
	unlink(path);
}

/* ----------------------------------------------------------- details */

Test(read_html, titles)
{
	static const struct {
		const char *page, *title;
	} cases[] = {
		{"<title>Rebels seize airport - Coast Herald</title>"
		 "<p>Rebels seized the airport on Monday.</p>",
		 "Rebels seize airport"},
		{"<title>Rebels seize airport | World | Coast Herald</title>"
		 "<p>Rebels seized the airport on Monday.</p>",
		 "Rebels seize airport | World"},
		/* A long tail is part of the headline. */
		{"<title>Talks - what the two sides want from the deal in Geneva"
		 "</title><p>Talks began on Monday.</p>",
		 "Talks - what the two sides want from the deal in Geneva"},
		{"<meta property=og:title content=\"Dam talks stall \xE2\x80\x94 "
		 "River News\"><meta property=og:site_name content=\"River News\">"
		 "<p>Talks on the dam stalled on Monday.</p>",
		 "Dam talks stall"},
		{"<title>  Plain   headline </title><p>Police fired tear "
		 "gas.</p>",
		 "Plain headline"},
		/* Metadata loses only the site's own name. */
		{"<meta property=og:title content=\"Japan to hold talks - "
		 "officials\"><p>Japan will hold talks.</p>",
		 "Japan to hold talks - officials"},
		{"<title>Border&nbsp;reopens\xE2\x80\x8B</title><p>The border "
		 "reopened.</p>",
		 "Border reopens"},
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		ts_capture c;
		ts_cap_open(&c);
		doc d;
		cr_assert_eq(from_string(cases[i].page, &c, &d), 1);
		cr_assert_str_eq(d.title, cases[i].title);
		doc_clear(&d);
		ts_cap_close(&c);
	}
}

Test(read_html, dates)
{
	static const struct {
		const char *head;
		int32_t date;
	} cases[] = {
		{"<meta name=date content=\"Tue, 04 Mar 2014 10:00:00 GMT\">",
		 20140304},
		{"<meta name=pubdate content=\"4 March 2014\">", 20140304},
		{"<meta name=\"dc.date\" content=\"2014/03/04\">", 20140304},
		{"<meta name=date content=\"20140304\">", 20140304},
		{"<meta itemprop=datePublished content=\"2013-12-31\">", 20131231},
		{"<meta name=date content=\"Sept. 9, 2001\">", 20010909},
		/* Precedence: article:published_time over <time>. */
		{"<meta property=\"article:published_time\" content=\"2014-01-02\">"
		 "<time datetime=\"2015-05-05\"></time>", 20140102},
		/* A bad first source does not hide a good second one. */
		{"<meta property=\"article:published_time\" content=\"soon\">"
		 "<time datetime=\"2015-05-05T10:00\">5 May</time>", 20150505},
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		char page[512];
		snprintf(page, sizeof page, "<html><head>%s</head><body><p>Troops "
		         "left the town.</p></body></html>", cases[i].head);
		ts_capture c;
		ts_cap_open(&c);
		doc d;
		cr_assert_eq(from_string(page, &c, &d), 1);
		cr_assert_eq(d.date, cases[i].date, "%s: %d", cases[i].head,
		             (int)d.date);
		doc_clear(&d);
		ts_cap_close(&c);
	}
	/* Only impossible dates: none, and said once. */
	ts_capture c;
	ts_cap_open(&c);
	doc d;
	cr_assert_eq(from_string("<meta name=date content=\"2014-02-30\">"
	                         "<p>Troops left.</p>", &c, &d), 1);
	cr_assert_eq(d.date, 0);
	cr_assert_str_eq(ts_cap_text(&c), "mem.html: no usable date in the page "
	                               "(\"2014-02-30\")\n");
	doc_clear(&d);
	ts_cap_close(&c);
}

Test(read_html, hidden_and_furniture)
{
	ts_capture c;
	ts_cap_open(&c);
	doc d;
	cr_assert_eq(from_string(
		"<body><div class=story>"
		"<p>Visible news paragraph about the ceasefire in the north.</p>"
		"<p hidden>Hidden paragraph one.</p>"
		"<p aria-hidden=true>Hidden paragraph two.</p>"
		"<p style=\"display: none\">Hidden paragraph three.</p>"
		"<div class=\"shareBar\"><p>Share this story with your friends "
		"today.</p></div>"
		"<div class=\"ad_container\"><p>Buy our lovely products now.</p></div>"
		"<ul><li><a href=/1>First related headline here</a></li>"
		"<li><a href=/2>Second related headline here</a></li></ul>"
		"<p>Second visible paragraph, with <a href=/x>one link</a> "
		"inside it.</p>"
		"</div></body>", &c, &d), 1);
	expect_text(&d, "Visible news paragraph about the ceasefire in the "
	                "north.\n\nSecond visible paragraph, with one link "
	                "inside it.");
	doc_clear(&d);
	ts_cap_close(&c);
}

/* A story body whose class looks like furniture is still found. */
Test(read_html, furniture_class_fallback)
{
	ts_capture c;
	ts_cap_open(&c);
	doc d;
	cr_assert_eq(from_string("<div class=\"story-body has-share-tools\">"
	                         "<p>Parliament passed the budget on "
	                         "Thursday.</p></div>", &c, &d), 1);
	expect_text(&d, "Parliament passed the budget on Thursday.");
	doc_clear(&d);
	ts_cap_close(&c);
}

/* No-break and zero-width spaces are spaces; a paragraph of them, or of
 * bullets, is empty; a byte-order mark is not text. */
Test(read_html, unicode_spaces)
{
	ts_capture c;
	ts_cap_open(&c);
	doc d;
	cr_assert_eq(from_string("\xEF\xBB\xBF<p>&nbsp;</p><p>\xE2\x80\xA2 "
	                         "\xE2\x80\x94</p><p>Aid&nbsp;&nbsp;arrived "
	                         "in\xE2\x80\x89Gaza.</p><p>\xC2\xA0</p>",
	                         &c, &d), 1);
	expect_text(&d, "Aid arrived in Gaza.");
	doc_clear(&d);
	ts_cap_close(&c);
}

Test(read_html, br_paragraphs)
{
	ts_capture c;
	ts_cap_open(&c);
	doc d;
	cr_assert_eq(from_string("<div>First line of the story,<br>still the "
	                         "first paragraph.<br>\n<br>Second paragraph "
	                         "here.</div>", &c, &d), 1);
	expect_text(&d, "First line of the story, still the first paragraph."
	                "\n\nSecond paragraph here.");
	doc_clear(&d);
	ts_cap_close(&c);
}

/* -------------------------------------------------------- bad input */

Test(read_html, empty_and_not_html)
{
	ts_capture c;
	ts_cap_open(&c);
	doc d;
	memset(&d, 0, sizeof d);
	cr_assert_eq(read_html_doc("", 0, "e.html", "e", c.dg, &d), 0);
	cr_assert_eq(read_html_doc(NULL, 0, "e.html", "e", c.dg, &d), 0);
	cr_assert_null(d.text);
	cr_assert_str_eq(ts_cap_text(&c), "e.html: no article text found\n"
	                               "e.html: no article text found\n");
	/* Plain text read as HTML is its own text. */
	cr_assert_eq(from_string("Officials met in Oslo.\n\nNo deal.", &c, &d),
	             1);
	expect_text(&d, "Officials met in Oslo. No deal.");
	doc_clear(&d);
	ts_cap_close(&c);
}

Test(read_html, binary_garbage)
{
	size_t n = 1 << 17;
	char *b = malloc(n);
	cr_assert_not_null(b);
	uint32_t s = 12345;
	for (int round = 0; round < 4; round++) {
		for (size_t i = 0; i < n; i++) {
			s = s * 1103515245u + 12345u;
			b[i] = (char)(s >> 16);
			if (round == 1 && i % 7 == 0)
				b[i] = "<>/\"'=&"[(s >> 8) % 7];
		}
		ts_capture c;
		ts_cap_open(&c);
		diag_set_quiet(c.dg, 1);
		doc d;
		memset(&d, 0, sizeof d);
		int rc = read_html_doc(b, n, "junk.html", "junk", c.dg, &d);
		cr_assert(rc == 0 || rc == 1);
		if (rc == 1) {
			cr_assert_gt(d.len, 0);
			cr_assert_eq(strlen(d.text), d.len);
		}
		doc_clear(&d);
		ts_cap_close(&c);
	}
	free(b);
}

Test(read_html, too_large)
{
	size_t n = READ_HTML_MAX + 1;
	char *b = malloc(n); /* never read: the size alone is refused */
	cr_assert_not_null(b);
	ts_capture c;
	ts_cap_open(&c);
	doc d;
	memset(&d, 0, sizeof d);
	cr_assert_eq(read_html_doc(b, n, "big.html", "big", c.dg, &d), 0);
	cr_assert_null(d.text);
	cr_assert(strstr(ts_cap_text(&c), "big.html: page too large") != NULL,
	          "%s", ts_cap_text(&c));
	ts_cap_close(&c);
	free(b);
}

/* Nothing recurses: 200,000 nested elements neither overflow the stack
 * while reading nor while freeing. */
Test(read_html, deep_nesting)
{
	static const char *const open[] = {"<div>", "<span>", "<article>",
	                                   "<blockquote>"};
	for (size_t k = 0; k < sizeof open / sizeof open[0]; k++) {
		size_t depth = 200000, ol = strlen(open[k]);
		const char *tail = "<p>Deep in the page, troops crossed the "
		                   "river.</p>";
		buf b = BUF_INIT;
		for (size_t i = 0; i < depth; i++)
			buf_add(&b, open[k], ol);
		buf_puts(&b, tail);
		ts_capture c;
		ts_cap_open(&c);
		doc d;
		memset(&d, 0, sizeof d);
		int rc = read_html_doc(b.data, b.len, "deep.html", "deep", c.dg, &d);
		cr_assert_eq(rc, 1, "%s: %s", open[k], ts_cap_text(&c));
		cr_assert(strstr(d.text, "troops crossed the river.") != NULL);
		doc_clear(&d);
		ts_cap_close(&c);
		buf_free(&b);
	}
}

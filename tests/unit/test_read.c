/*
 * test_read.c - the document readers: plain text headers, JSON Lines with
 * bad lines, PETRARCH XML with <Config>, comments and broken records, huge
 * one-line documents, and the real validation and GigaWord files.
 */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "read/reader.h"
#include "util/buf.h"
#include "util/xmalloc.h"

#include "test_support.h"

#define DATA "tests/data/read/"
#define VALIDATION "../shared/validation/PETR.UnitTest.visible.xml"
#define GIGAWORD "../shared/third_party/phoenix/GigaWord.sample.PETR.xml"

/* ----------------------------------------------------------- helpers */

/* Every document of a file (at most max), in order; returns the count. */
static int read_all(const char *path, read_format fmt, diag *dg,
                    int want_parse, doc *out, int max)
{
	reader *r = reader_open(path, fmt, dg, want_parse, NULL);
	cr_assert_not_null(r, "cannot open %s", path);
	int n = 0, rc;
	doc d;
	memset(&d, 0, sizeof d);
	while ((rc = reader_next(r, &d)) == 1) {
		if (n < max)
			out[n] = d;
		else
			doc_clear(&d);
		n++;
		memset(&d, 0, sizeof d);
	}
	cr_expect_eq(rc, 0);
	reader_close(r);
	return n;
}

static void clear_all(doc *d, int n)
{
	for (int i = 0; i < n; i++)
		doc_clear(&d[i]);
}

/* A temporary file holding s[0..n); returns its malloc'ed path. */
static char *tmp_file(const char *suffix, const char *s, size_t n)
{
	buf p = BUF_INIT;
	buf_printf(&p, "/tmp/dyad-read-XXXXXX%s", suffix);
	int fd = mkstemps(p.data, (int)strlen(suffix));
	cr_assert(fd >= 0);
	FILE *f = fdopen(fd, "wb");
	cr_assert_eq(fwrite(s, 1, n, f), n);
	fclose(f);
	return buf_steal(&p);
}

static char *slurp(const char *path, size_t *n)
{
	FILE *f = fopen(path, "rb");
	cr_assert_not_null(f);
	buf b = BUF_INIT;
	char chunk[4096];
	size_t got;
	while ((got = fread(chunk, 1, sizeof chunk, f)) > 0)
		buf_add(&b, chunk, got);
	fclose(f);
	*n = b.len;
	return buf_steal(&b);
}

/* ----------------------------------------------------------- formats */

Test(read, format_names)
{
	cr_expect_eq(read_format_from_name("text"), READ_TEXT);
	cr_expect_eq(read_format_from_name("jsonl"), READ_JSONL);
	cr_expect_eq(read_format_from_name("xml"), READ_XML);
	cr_expect_eq(read_format_from_name("html"), READ_HTML);
	cr_expect_eq((int)read_format_from_name("pdf"), -1);
	cr_expect_eq((int)read_format_from_name(""), -1);
	cr_expect_eq((int)read_format_from_name(NULL), -1);

	cr_expect_eq(read_format_guess("a/b.txt"), READ_TEXT);
	cr_expect_eq(read_format_guess("b.jsonl"), READ_JSONL);
	cr_expect_eq(read_format_guess("b.JSONL"), READ_JSONL);
	cr_expect_eq(read_format_guess("x/PETR.UnitTest.xml"), READ_XML);
	cr_expect_eq(read_format_guess("page.html"), READ_HTML);
	cr_expect_eq(read_format_guess("page.htm"), READ_HTML);
	cr_expect_eq(read_format_guess("article"), READ_TEXT);
	cr_expect_eq(read_format_guess("dir.xml/article"), READ_TEXT);
	cr_expect_eq(read_format_guess("-"), READ_TEXT);
	cr_expect_eq(read_format_guess(NULL), READ_TEXT);
}

Test(read, open_failures)
{
	ts_capture c;
	ts_cap_open(&c);
	cr_expect_null(reader_open(DATA "no-such-file.txt", READ_AUTO, c.dg, 0,
	                           NULL));
	cr_expect(strstr(ts_cap_text(&c), DATA "no-such-file.txt: cannot open"));
	cr_expect_null(reader_open(DATA, READ_TEXT, c.dg, 0, NULL));
	cr_expect(strstr(ts_cap_text(&c), "is a directory"));
	/* HTML is read (read_html.c, test_html.c): a missing page is reported
	 * like a missing text. */
	reader *r = reader_open(DATA "header.txt", READ_HTML, c.dg, 0, NULL);
	cr_expect_not_null(r);
	reader_close(r);
	cr_expect_null(reader_open("page.html", READ_AUTO, c.dg, 0, NULL));
	cr_expect_str_eq(diag_last(c.dg), "cannot open: No such file or directory");
	cr_expect_eq(diag_count(c.dg), 3);
	reader_close(NULL);
	ts_cap_close(&c);
}

/* -------------------------------------------------------------- text */

Test(read, text_header)
{
	ts_capture c;
	ts_cap_open(&c);
	doc d[2];
	cr_assert_eq(read_all(DATA "header.txt", READ_AUTO, c.dg, 0, d, 2), 1);
	cr_expect_str_eq(d[0].id, "jt-2014-03-04");
	cr_expect_eq(d[0].date, 20140304);
	cr_expect_str_eq(d[0].source, "Example Times");
	cr_expect_str_eq(d[0].title, "Talks resume");
	cr_expect_str_eq(d[0].url, "https://example.org/a");
	cr_expect_str_eq(d[0].text, "The two governments met on Monday.\n"
	                            "They agreed to meet again.\n");
	cr_expect_eq(d[0].len, 62);
	/* 17 + 18 + 22 + 20 + 27 header bytes and the blank line. */
	cr_expect_eq(d[0].text_base, 105);
	cr_expect_eq(d[0].one_sentence, 0);
	cr_expect_null(d[0].story);
	cr_expect_eq(d[0].settings.require_dyad, 0);
	cr_expect_eq(d[0].settings.comma_max, 8);
	cr_expect_eq(d[0].set, 0);
	cr_expect_eq(diag_count(c.dg), 0);
	clear_all(d, 1);
	ts_cap_close(&c);
}

Test(read, text_not_a_header)
{
	ts_capture c;
	ts_cap_open(&c);
	doc d[2];
	cr_assert_eq(read_all(DATA "noheader.txt", READ_TEXT, c.dg, 0, d, 2), 1);
	cr_expect_str_eq(d[0].id, "noheader");
	cr_expect_null(d[0].title);
	cr_expect_eq(d[0].text_base, 0);
	cr_expect_eq(d[0].len, 59);
	cr_expect_eq(strncmp(d[0].text, "Title: Not a header\n", 20), 0);
	clear_all(d, 1);

	cr_assert_eq(read_all(DATA "plain.txt", READ_TEXT, c.dg, 0, d, 2), 1);
	cr_expect_str_eq(d[0].id, "plain");
	cr_expect_str_eq(d[0].text, "Just text, no header, no trailing newline");
	cr_expect_eq(d[0].len, 41);
	cr_expect_eq(d[0].date, 0);
	clear_all(d, 1);
	cr_expect_eq(diag_count(c.dg), 0);
	ts_cap_close(&c);
}

Test(read, text_bad_date_kept)
{
	ts_capture c;
	ts_cap_open(&c);
	doc d[2];
	cr_assert_eq(read_all(DATA "baddate.txt", READ_TEXT, c.dg, 0, d, 2), 1);
	cr_expect_str_eq(d[0].id, "leap");
	cr_expect_eq(d[0].date, 0);
	cr_expect_str_eq(d[0].text, "A story with an impossible date.\n");
	cr_expect_eq(diag_count(c.dg), 1);
	cr_expect(strstr(ts_cap_text(&c), DATA "baddate.txt:2: bad date \"2014-02-30\""),
	          "%s", ts_cap_text(&c));
	clear_all(d, 1);
	ts_cap_close(&c);
}

Test(read, text_crlf_and_key_case)
{
	ts_capture c;
	ts_cap_open(&c);
	doc d[2];
	cr_assert_eq(read_all(DATA "crlf.txt", READ_TEXT, c.dg, 0, d, 2), 1);
	cr_expect_str_eq(d[0].id, "crlf-doc");
	cr_expect_eq(d[0].date, 20120229);
	cr_expect_eq(d[0].text_base, 32);
	cr_expect_str_eq(d[0].text, "Line one.\r\n");
	clear_all(d, 1);
	ts_cap_close(&c);
}

Test(read, text_empty)
{
	ts_capture c;
	ts_cap_open(&c);
	doc d[2];
	cr_expect_eq(read_all(DATA "empty.txt", READ_TEXT, c.dg, 0, d, 2), 0);
	cr_expect(strstr(ts_cap_text(&c), DATA "empty.txt: empty document"));
	cr_expect_eq(read_all(DATA "blank_body.txt", READ_TEXT, c.dg, 0, d, 2), 0);
	cr_expect(strstr(ts_cap_text(&c), DATA "blank_body.txt: empty document"));
	cr_expect_eq(diag_count(c.dg), 2);
	ts_cap_close(&c);
}

Test(read, text_nul_bytes_and_bom)
{
	ts_capture c;
	ts_cap_open(&c);
	static const char s[] = "\xEF\xBB\xBF" "Id: n\n\nA\0B\0C";
	char *path = tmp_file(".txt", s, sizeof s - 1);
	doc d[2];
	cr_assert_eq(read_all(path, READ_AUTO, c.dg, 0, d, 2), 1);
	cr_expect_str_eq(d[0].id, "n");
	cr_expect_eq(d[0].len, 5);
	cr_expect_eq(memcmp(d[0].text, "A B C", 6), 0);
	cr_expect_eq(d[0].text_base, 3 + 6 + 1);
	cr_expect(strstr(ts_cap_text(&c), "2 NUL bytes replaced by spaces"));
	clear_all(d, 1);
	unlink(path);
	free(path);
	ts_cap_close(&c);
}

Test(read, text_stdin_ids)
{
	ts_capture c;
	ts_cap_open(&c);
	cr_assert_not_null(freopen(DATA "plain.txt", "rb", stdin));
	reader *r = reader_open("-", READ_AUTO, c.dg, 0, "wire-7");
	cr_assert_not_null(r);
	doc d;
	memset(&d, 0, sizeof d);
	cr_assert_eq(reader_next(r, &d), 1);
	cr_expect_str_eq(d.id, "wire-7");
	cr_expect_str_eq(d.text, "Just text, no header, no trailing newline");
	doc_clear(&d);
	cr_expect_eq(reader_next(r, &d), 0);
	cr_expect_null(reader_env(r));
	reader_close(r);

	cr_assert_not_null(freopen(DATA "plain.txt", "rb", stdin));
	r = reader_open(NULL, READ_TEXT, c.dg, 0, NULL);
	cr_assert_eq(reader_next(r, &d), 1);
	cr_expect_str_eq(d.id, "stdin");
	doc_clear(&d);
	reader_close(r);
	ts_cap_close(&c);
}

/* A 50 MB document on one line, in each format. */
enum { BIG = 50 * 1024 * 1024 };

static char *big_text(void)
{
	char *s = xmalloc(BIG + 1);
	for (size_t i = 0; i < BIG; i++)
		s[i] = "Zorbia met Quux. "[i % 17];
	s[BIG] = '\0';
	return s;
}

Test(read, text_50mb_one_line, .timeout = 60)
{
	ts_capture c;
	ts_cap_open(&c);
	char *s = big_text();
	char *path = tmp_file(".txt", s, BIG);
	doc d[1];
	cr_assert_eq(read_all(path, READ_AUTO, c.dg, 0, d, 1), 1);
	cr_expect_eq(d[0].len, BIG);
	cr_expect_eq(memcmp(d[0].text, s, BIG), 0);
	cr_expect_eq(d[0].text[BIG], '\0');
	clear_all(d, 1);
	unlink(path);
	free(path);
	free(s);
	ts_cap_close(&c);
}

Test(read, jsonl_50mb_one_line, .timeout = 60)
{
	ts_capture c;
	ts_cap_open(&c);
	char *s = big_text();
	buf line = BUF_INIT;
	buf_puts(&line, "{\"id\": \"big\", \"text\": \"");
	buf_add(&line, s, BIG);
	buf_puts(&line, "\"}\n{\"id\": \"after\", \"text\": \"x\"}\n");
	char *path = tmp_file(".jsonl", line.data, line.len);
	buf_free(&line);
	doc d[2];
	cr_assert_eq(read_all(path, READ_AUTO, c.dg, 0, d, 2), 2);
	cr_expect_str_eq(d[0].id, "big");
	cr_expect_eq(d[0].len, BIG);
	cr_expect_eq(memcmp(d[0].text, s, BIG), 0);
	cr_expect_str_eq(d[1].id, "after");
	cr_expect_eq(d[1].line, 2);
	clear_all(d, 2);
	unlink(path);
	free(path);
	free(s);
	ts_cap_close(&c);
}

Test(read, xml_50mb_record, .timeout = 60)
{
	ts_capture c;
	ts_cap_open(&c);
	char *s = big_text();
	buf x = BUF_INIT;
	buf_puts(&x, "<Sentences><Sentence id=\"BIG-1\"><Text>");
	buf_add(&x, s, BIG);
	buf_puts(&x, "</Text></Sentence><Sentence id=\"SMALL-2\"><Text>x</Text>"
	             "</Sentence></Sentences>");
	char *path = tmp_file(".xml", x.data, x.len);
	buf_free(&x);
	doc d[2];
	cr_assert_eq(read_all(path, READ_AUTO, c.dg, 0, d, 2), 2, "%s",
	             ts_cap_text(&c));
	cr_expect_str_eq(d[0].id, "BIG-1");
	/* BIG % 17 == 1: the text ends in 'Z', nothing to trim. */
	cr_expect_eq(d[0].len, BIG);
	cr_expect_eq(memcmp(d[0].text, s, BIG), 0);
	cr_expect_eq(d[0].text_base, 38);
	cr_expect_str_eq(d[1].id, "SMALL-2");
	clear_all(d, 2);
	unlink(path);
	free(path);
	free(s);
	ts_cap_close(&c);
}

/* ------------------------------------------------------------- JSONL */

Test(read, jsonl_good_and_bad_lines)
{
	ts_capture c;
	ts_cap_open(&c);
	doc d[8];
	cr_assert_eq(read_all(DATA "docs.jsonl", READ_AUTO, c.dg, 0, d, 8), 5,
	             "%s", ts_cap_text(&c));
	cr_expect_str_eq(d[0].id, "a1");
	cr_expect_eq(d[0].date, 20140304);
	cr_expect_str_eq(d[0].text, "First document.");
	cr_expect_str_eq(d[0].title, "T");
	cr_expect_str_eq(d[0].source, "S");
	cr_expect_str_eq(d[0].url, "http://x/a1");
	cr_expect_eq(d[0].line, 1);
	cr_expect_eq(d[0].settings.require_dyad, 0);

	cr_expect_str_eq(d[1].id, "a2");
	cr_expect_eq(d[1].date, 0);
	cr_expect_null(d[1].title);
	cr_expect_eq(d[1].line, 3);

	cr_expect_str_eq(d[2].id, "a4");
	cr_expect_eq(d[2].date, 0);
	cr_expect_eq(d[2].line, 9);

	cr_expect_str_eq(d[3].id, "a5");
	cr_expect_str_eq(d[3].text, "Tab\there \xc3\xa9 and NUL in text");
	cr_expect_eq(d[3].len, strlen("Tab\there \xc3\xa9 and NUL in text"));
	cr_expect_null(d[3].title);

	cr_expect_str_eq(d[4].id, "a7");
	cr_expect_eq(d[4].date, 20140304);
	cr_expect_eq(d[4].line, 13);

	const char *t = ts_cap_text(&c);
	static const char *const want[] = {
		DATA "docs.jsonl:4: not valid JSON",
		DATA "docs.jsonl:5: no \"id\" (skipped)",
		DATA "docs.jsonl:6: no \"text\" (skipped)",
		DATA "docs.jsonl:7: not a JSON object (skipped)",
		DATA "docs.jsonl:8: \"id\" is not a string (skipped)",
		DATA "docs.jsonl:9: bad \"date\" \"2014-13-01\"",
		DATA "docs.jsonl:11: 1 NUL byte in \"text\" replaced by spaces",
		DATA "docs.jsonl:11: \"title\" is not a string (ignored)",
		DATA "docs.jsonl:12: not valid JSON",
	};
	for (size_t i = 0; i < sizeof want / sizeof *want; i++)
		cr_expect(strstr(t, want[i]), "missing: %s\nin:\n%s", want[i], t);
	cr_expect_eq(diag_count(c.dg), 9);
	clear_all(d, 5);
	ts_cap_close(&c);
}

Test(read, jsonl_empty_and_unterminated)
{
	ts_capture c;
	ts_cap_open(&c);
	char *path = tmp_file(".jsonl", "", 0);
	doc d[2];
	cr_expect_eq(read_all(path, READ_AUTO, c.dg, 0, d, 2), 0);
	unlink(path);
	free(path);
	/* Last line without a newline; a raw NUL inside a line. */
	static const char s[] = "{\"id\":\"x\",\"te\0t\":\"y\"}\n{\"id\":\"z\",\"text\":\"w\"}";
	path = tmp_file(".jsonl", s, sizeof s - 1);
	cr_assert_eq(read_all(path, READ_AUTO, c.dg, 0, d, 2), 1);
	cr_expect_str_eq(d[0].id, "z");
	cr_expect_eq(d[0].line, 2);
	cr_expect_eq(diag_count(c.dg), 1);
	clear_all(d, 1);
	unlink(path);
	free(path);
	ts_cap_close(&c);
}

/* --------------------------------------------------------------- XML */

Test(read, xml_records_config_and_broken)
{
	ts_capture c;
	ts_cap_open(&c);
	reader *r = reader_open(DATA "records.xml", READ_AUTO, c.dg, 1, NULL);
	cr_assert_not_null(r);
	doc d[8];
	memset(d, 0, sizeof d);
	int n = 0;
	while (n < 8 && reader_next(r, &d[n]) == 1)
		n++;
	cr_assert_eq(n, 5, "%s", ts_cap_text(&c));

	/* The Environment, with paths relative to the file's folder. */
	const read_env *env = reader_env(r);
	cr_assert_not_null(env);
	cr_expect_str_eq(env->verbfile, DATA "zorb.verbs.txt");
	cr_expect_str_eq(env->actorfile, DATA "dict/zorb.actors.txt");
	cr_expect_null(env->agentfile);
	cr_expect_null(env->discardfile);

	/* 1: gold events (quotes kept), entity decoded, parse kept. */
	cr_expect_str_eq(d[0].id, "ZORB-01_1");
	cr_expect_str_eq(d[0].story, "ZORB-01");
	cr_expect_eq(d[0].date, 19950101);
	cr_expect_str_eq(d[0].category, "DEMO");
	cr_expect_eq(d[0].line, 11);
	cr_expect_str_eq(d[0].file, DATA "records.xml");
	cr_expect_eq(d[0].one_sentence, 1);
	cr_expect_str_eq(d[0].text,
	                 "Zorbia restored ties with Quuxland & Blargistan.");
	cr_assert_eq(d[0].ngold, 2);
	cr_expect_str_eq(d[0].gold[0].source, "ZRB");
	cr_expect_str_eq(d[0].gold[0].target, "QUX");
	cr_expect_str_eq(d[0].gold[0].code, "064");
	cr_expect_str_eq(d[0].gold[1].source, "\"NEW\"");
	cr_expect_str_eq(d[0].gold[1].code, "111");
	cr_expect_eq(d[0].noevents, 0);
	cr_expect_str_eq(d[0].parse, "(ROOT (S (NP (NNP Zorbia)) (VP (VBD restored) "
	                             "(NP (NNS ties)))))");
	cr_expect_eq(d[0].settings.require_dyad, 1);
	cr_expect_eq(d[0].set, 0);

	/* 2: spaces around '=', YYMMDD date, bare '&', <Config> in force. */
	cr_expect_str_eq(d[1].id, "ZORB-02-3");
	cr_expect_str_eq(d[1].story, "ZORB-02");
	cr_expect_eq(d[1].date, 19950102);
	cr_expect_eq(d[1].line, 24);
	cr_expect_str_eq(d[1].text, "AT&T plonked Zorbia.");
	cr_expect_eq(d[1].noevents, 1);
	cr_expect_eq(d[1].ngold, 0);
	cr_expect_eq(d[1].settings.require_dyad, 0);
	cr_expect_eq(d[1].settings.comma_emax, 0);
	cr_expect_eq(d[1].set, DOC_SET_REQUIRE_DYAD | DOC_SET_COMMA_EMAX);

	/* 3: the record after the unterminated one. */
	cr_expect_str_eq(d[2].id, "ZORB-04");
	cr_expect_str_eq(d[2].story, "ZORB");
	cr_expect_eq(d[2].line, 30);
	cr_expect_str_eq(d[2].text, "After the broken one.");
	cr_expect_eq(d[2].settings.require_dyad, 0);

	/* 4: after three broken records and two bad <Config>s: "not False at
	 * all" still means false; the bad comma_min changed nothing. */
	cr_expect_str_eq(d[3].id, "ZORB-07");
	cr_expect_eq(d[3].line, 46);
	cr_expect_eq(d[3].noevents, 1);
	cr_expect_str_eq(d[3].text, "Quux <said> \"hello\".");
	cr_expect_eq(d[3].settings.require_dyad, 0);
	cr_expect_eq(d[3].settings.new_actor_length, 4);
	cr_expect_eq(d[3].settings.comma_min, 2);
	cr_expect_eq(d[3].settings.comma_emax, 0);
	cr_expect_eq(d[3].set, DOC_SET_REQUIRE_DYAD | DOC_SET_COMMA_EMAX |
	                       DOC_SET_NEW_ACTOR_LENGTH);

	/* 5: no date; text trimmed; settings back. */
	cr_expect_str_eq(d[4].id, "ZORB-09");
	cr_expect_eq(d[4].date, 0);
	cr_expect_str_eq(d[4].text, "No date at all.");
	cr_expect_eq(d[4].len, 15);
	cr_expect_eq(d[4].settings.require_dyad, 1);
	cr_expect_eq(d[4].settings.new_actor_length, 0);

	/* text_base points at the text in the file. */
	size_t flen;
	char *file = slurp(DATA "records.xml", &flen);
	for (int i = 0; i < 5; i++) {
		size_t k = i == 3 ? 0 : 10; /* CDATA: starts with "<![" */
		cr_expect_lt(d[i].text_base + k, flen);
		cr_expect_eq(memcmp(file + d[i].text_base, d[i].text, k), 0,
		             "%s", d[i].id);
	}
	cr_expect_eq(memcmp(file + d[0].text_base, "Zorbia restored", 15), 0);
	cr_expect_eq(memcmp(file + d[4].text_base, "No date", 7), 0);
	free(file);

	const char *t = ts_cap_text(&c);
	static const char *const want[] = {
		DATA "records.xml:28: unterminated <Sentence> (skipped)",
		DATA "records.xml:35: bad <Sentence> record: ",
		DATA "records.xml:38: <Sentence> without id (skipped)",
		DATA "records.xml:41: BROKEN-DATE: bad date \"19950231\" (skipped)",
		DATA "records.xml:44: bad <Config> value \"x4\" for comma_min",
		DATA "records.xml:45: unknown <Config> option \"requre_dyad\"",
		DATA "records.xml:49: BROKEN-NOTEXT: no <Text> (skipped)",
	};
	for (size_t i = 0; i < sizeof want / sizeof *want; i++)
		cr_expect(strstr(t, want[i]), "missing: %s\nin:\n%s", want[i], t);
	cr_expect_eq(diag_count(c.dg), 7, "%s", t);
	/* Nothing from inside comments. */
	cr_expect_null(strstr(t, "IN-COMMENT"));

	doc e;
	memset(&e, 0, sizeof e);
	cr_expect_eq(reader_next(r, &e), 0);
	cr_expect_eq(reader_next(r, &e), 0);
	clear_all(d, n);
	reader_close(r);
	ts_cap_close(&c);
}

Test(read, xml_parse_only_when_wanted)
{
	ts_capture c;
	ts_cap_open(&c);
	doc d[8];
	int n = read_all(DATA "records.xml", READ_XML, c.dg, 0, d, 8);
	cr_assert_eq(n, 5);
	for (int i = 0; i < n; i++)
		cr_expect_null(d[i].parse);
	clear_all(d, n);
	ts_cap_close(&c);
}

/* Broken endings: a record cut off at the end of the file, an
 * unterminated comment, NUL bytes inside a record. */
Test(read, xml_broken_endings)
{
	ts_capture c;
	ts_cap_open(&c);
	static const char s[] =
		"<Sentences>\n"
		"<Sentence id=\"A-1\"><Text>one\0two</Text></Sentence>\n"
		"<Sentence id=\"A-2\"><Text>fine</Text></Sentence>\n"
		"<!-- <Sentence id=\"C-1\"><Text>c</Text></Sentence> -->\n"
		"<Sentence id=\"A-3\"><Text>cut off";
	char *path = tmp_file(".xml", s, sizeof s - 1);
	doc d[4];
	cr_assert_eq(read_all(path, READ_AUTO, c.dg, 0, d, 4), 1, "%s",
	             ts_cap_text(&c));
	cr_expect_str_eq(d[0].id, "A-2");
	cr_expect_eq(d[0].line, 3);
	cr_expect_str_eq(d[0].story, "A");
	const char *t = ts_cap_text(&c);
	cr_expect(strstr(t, ":2: bad <Sentence> record"), "%s", t);
	cr_expect(strstr(t, ":5: unterminated <Sentence> (skipped)"), "%s", t);
	cr_expect_eq(diag_count(c.dg), 2);
	clear_all(d, 1);
	unlink(path);
	free(path);

	static const char u[] = "<Sentence id=\"B\"><Text>b</Text></Sentence>\n"
	                        "<!-- never closed <Sentence id=\"X\">";
	path = tmp_file(".xml", u, sizeof u - 1);
	cr_assert_eq(read_all(path, READ_AUTO, c.dg, 0, d, 4), 1);
	cr_expect_str_eq(d[0].id, "B");
	cr_expect_str_eq(d[0].story, "B");
	cr_expect(strstr(ts_cap_text(&c), ":2: unterminated comment"));
	clear_all(d, 1);
	unlink(path);
	free(path);
	ts_cap_close(&c);
}

/* Many records, so that tags straddle the scanner's 256 KB refills. */
Test(read, xml_many_records_line_numbers)
{
	ts_capture c;
	ts_cap_open(&c);
	buf x = BUF_INIT;
	buf_puts(&x, "<Sentences>\n");
	for (int i = 0; i < 20000; i++) {
		if (i == 12345)
			buf_puts(&x, "<Config option=\"new_actor_length\" value=\"2\"/>\n");
		buf_printf(&x, "<!-- record %d -->\n<Sentence id=\"S-%d\" date="
		           "\"2001-02-03\">\n<Text>\nSentence number %d.\n</Text>\n"
		           "</Sentence>\n", i, i, i);
	}
	buf_puts(&x, "</Sentences>\n");
	char *path = tmp_file(".xml", x.data, x.len);
	reader *r = reader_open(path, READ_AUTO, c.dg, 0, NULL);
	cr_assert_not_null(r);
	doc d;
	memset(&d, 0, sizeof d);
	int n = 0, bad = 0;
	char want[64];
	while (reader_next(r, &d) == 1) {
		/* Record i starts on line 3 + 6i, plus one after the Config. */
		long line = 3 + 6L * n + (n >= 12345);
		snprintf(want, sizeof want, "Sentence number %d.", n);
		if (strcmp(d.text, want) != 0 || d.line != line ||
		    d.date != 20010203 ||
		    memcmp(x.data + d.text_base, want, strlen(want)) != 0 ||
		    d.settings.new_actor_length != (n >= 12345 ? 2 : 0))
			bad++;
		n++;
		doc_clear(&d);
	}
	cr_expect_eq(n, 20000);
	cr_expect_eq(bad, 0);
	cr_expect_eq(diag_count(c.dg), 0);
	reader_close(r);
	buf_free(&x);
	unlink(path);
	free(path);
	ts_cap_close(&c);
}

/* ------------------------------------------- the real PETRARCH files */

static doc *find_id(doc *d, int n, const char *id)
{
	for (int i = 0; i < n; i++)
		if (strcmp(d[i].id, id) == 0)
			return &d[i];
	cr_assert_fail("no record %s", id);
	return NULL;
}

Test(read, validation_records)
{
	if (access(VALIDATION, R_OK) != 0)
		cr_skip_test("%s is absent", VALIDATION);
	ts_capture c;
	ts_cap_open(&c);
	enum { MAX = 400 };
	doc *d = xcalloc(MAX, sizeof *d);
	reader *r = reader_open(VALIDATION, READ_AUTO, c.dg, 1, NULL);
	cr_assert_not_null(r);
	int n = 0;
	while (n < MAX && reader_next(r, &d[n]) == 1)
		n++;
	/* grep -c '<Sentence ' = 196, and as many '</Sentence>'; no record
	 * sits in a comment. */
	cr_expect_eq(n, 196);
	cr_expect_eq(diag_count(c.dg), 0, "%s", ts_cap_text(&c));
	const read_env *env = reader_env(r);
	cr_assert_not_null(env);
	cr_expect_str_eq(env->verbfile, "../shared/validation/PETR.Validate.verbs.txt");
	cr_expect_str_eq(env->actorfile, "../shared/validation/PETR.Validate.actors.txt");
	cr_expect_str_eq(env->agentfile, "../shared/validation/PETR.Validate.agents.txt");
	cr_expect_str_eq(env->discardfile,
	                 "../shared/validation/PETR.Validate.discards.txt");

	cr_expect_str_eq(d[0].id, "DEMO-01");
	cr_expect_str_eq(d[0].story, "DEMO");
	cr_expect_eq(d[0].date, 19950101);
	cr_expect_eq(d[0].line, 50);
	cr_expect_eq(d[0].ngold, 1);
	cr_expect_str_eq(d[0].gold[0].source, "ARN");
	cr_expect_str_eq(d[0].gold[0].target, "GON");
	cr_expect_str_eq(d[0].gold[0].code, "064");
	cr_expect_not_null(d[0].parse);
	cr_expect_eq(strncmp(d[0].parse, "(ROOT", 5), 0);
	cr_expect_eq(d[0].settings.require_dyad, 1);
	cr_expect_eq(d[0].set, 0);
	cr_expect_str_eq(d[n - 1].id, "FINAL-RECORD");
	cr_expect_eq(d[n - 1].noevents, 1);
	cr_expect_eq(d[n - 1].ngold, 0);

	/* AGENTS-19 occurs twice. */
	int twice = 0;
	for (int i = 0; i < n; i++)
		twice += strcmp(d[i].id, "AGENTS-19") == 0;
	cr_expect_eq(twice, 2);

	/* Config state, read off the file: lines 676/678 set
	 * new_actor_length 4 then 0 before DEMO-23. */
	doc *x = find_id(d, n, "DEMO-23");
	cr_expect_eq(x->settings.new_actor_length, 0);
	cr_expect(x->set & DOC_SET_NEW_ACTOR_LENGTH);
	/* require_dyad false (line 1650) for COMPOUND-03/04, true again
	 * (1737) from COMPOUND-05; FALSE/TRUE at 2102/2149. */
	cr_expect_eq(find_id(d, n, "COMPOUND-03")->settings.require_dyad, 0);
	cr_expect_eq(find_id(d, n, "COMPOUND-04")->settings.require_dyad, 0);
	cr_expect_eq(find_id(d, n, "COMPOUND-05")->settings.require_dyad, 1);
	cr_expect_eq(find_id(d, n, "COMPOUND-16")->settings.require_dyad, 0);
	cr_expect_eq(find_id(d, n, "COMPOUND-17")->settings.require_dyad, 1);
	/* Lines 3247-3253: False, emax 0, True, emax 8, then DATE-17. */
	x = find_id(d, n, "DATE-17");
	cr_expect_eq(x->settings.require_dyad, 1);
	cr_expect_eq(x->settings.comma_emax, 8);
	/* new_actor_length 4 (3408), 3 (3458), 0 (3507). */
	x = find_id(d, n, "ACTOR-01");
	cr_expect_eq(x->settings.new_actor_length, 4);
	cr_assert_eq(x->ngold, 2);
	cr_expect_eq(x->gold[0].source[0], '"'); /* quoted new actor kept */
	cr_expect_eq(x->gold[0].source[strlen(x->gold[0].source) - 1], '"');
	cr_expect_eq(find_id(d, n, "ACTOR-03")->settings.new_actor_length, 3);
	cr_expect_eq(find_id(d, n, "ACTOR-05")->settings.new_actor_length, 0);
	/* Lines 5267-5279: comma 4/6, emin/emax 3/6, bmin/bmax 3/6, no dyad. */
	x = find_id(d, n, "COMMA-05");
	cr_expect_eq(x->settings.comma_min, 4);
	cr_expect_eq(x->settings.comma_max, 6);
	cr_expect_eq(x->settings.comma_emin, 3);
	cr_expect_eq(x->settings.comma_emax, 6);
	cr_expect_eq(x->settings.comma_bmin, 3);
	cr_expect_eq(x->settings.comma_bmax, 6);
	cr_expect_eq(x->settings.require_dyad, 0);
	cr_expect_eq(x->set, 0xffu);
	/* 5526-5530: the maxima to 0. */
	x = find_id(d, n, "COMMA-10");
	cr_expect_eq(x->settings.comma_max, 0);
	cr_expect_eq(x->settings.comma_emax, 0);
	cr_expect_eq(x->settings.comma_bmax, 0);
	cr_expect_eq(x->settings.comma_min, 4);
	/* 5641-5649 reset all but comma_bmin, which stays 3. */
	x = find_id(d, n, "COMMA-13");
	cr_expect_eq(x->settings.comma_min, 2);
	cr_expect_eq(x->settings.comma_max, 8);
	cr_expect_eq(x->settings.comma_emin, 2);
	cr_expect_eq(x->settings.comma_emax, 8);
	cr_expect_eq(x->settings.comma_bmin, 3);
	cr_expect_eq(x->settings.comma_bmax, 0);
	cr_expect_eq(x->settings.require_dyad, 1);

	/* Every text is where text_base says. */
	size_t flen;
	char *file = slurp(VALIDATION, &flen);
	int misplaced = 0;
	for (int i = 0; i < n; i++) {
		size_t k = d[i].len < 8 ? d[i].len : 8;
		if (d[i].text_base + k > flen ||
		    memcmp(file + d[i].text_base, d[i].text, k) != 0)
			misplaced++;
	}
	cr_expect_eq(misplaced, 0);
	free(file);
	clear_all(d, n);
	free(d);
	reader_close(r);
	ts_cap_close(&c);
}

Test(read, gigaword_sample)
{
	if (access(GIGAWORD, R_OK) != 0)
		cr_skip_test("%s is absent", GIGAWORD);
	ts_capture c;
	ts_cap_open(&c);
	enum { MAX = 100 };
	doc *d = xcalloc(MAX, sizeof *d);
	int n = read_all(GIGAWORD, READ_AUTO, c.dg, 1, d, MAX);
	/* grep -c '<Sentence ' = 76 */
	cr_expect_eq(n, 76);
	cr_expect_eq(diag_count(c.dg), 0, "%s", ts_cap_text(&c));
	cr_expect_str_eq(d[0].id, "AFP0808020625_4");
	cr_expect_str_eq(d[0].story, "AFP0808020625");
	cr_expect_eq(d[0].date, 20080804);
	cr_expect_str_eq(d[0].source, "AFP");
	cr_expect_eq(d[0].line, 13);
	cr_expect_not_null(d[0].parse);
	cr_expect_eq(strncmp(d[0].parse, "( (S", 4), 0);
	cr_expect_eq(d[0].settings.require_dyad, 1);
	cr_expect_eq(d[0].set, 0);
	cr_expect_str_eq(d[n - 1].id, "COOP_0");
	cr_expect_str_eq(d[n - 1].story, "COOP");
	cr_expect_eq(d[n - 1].date, 20150609);
	/* 9 records (TEST_1..9) have an empty <Text> (counted by hand); they are
	 * kept, empty. The others are trimmed. */
	int empty = 0;
	for (int i = 0; i < n; i++) {
		if (d[i].len == 0) {
			empty++;
			continue;
		}
		cr_expect(d[i].text[0] != ' ' && d[i].text[0] != '\n' &&
		          d[i].text[d[i].len - 1] != '\n' &&
		          d[i].text[d[i].len - 1] != ' ', "%s", d[i].id);
	}
	cr_expect_eq(empty, 9);
	clear_all(d, n < MAX ? n : MAX);
	free(d);
	reader_close(NULL);
	ts_cap_close(&c);
}

/* ------------------------------------------------ mutated inputs */

/* Reads a mutated copy of a test file many times: whatever the damage,
 * the reader must not crash, and every document it returns must hold
 * together (an id, a NUL-free text of the stated length). */
static void mutate_and_read(const char *src, const char *suffix, int rounds)
{
	size_t n;
	char *orig = slurp(src, &n);
	uint64_t rng = 0x9E3779B97F4A7C15ull;
	diag *dg = diag_new(NULL, 0);
	char *path = tmp_file(suffix, "", 0);
	int docs = 0;
	for (int round = 0; round < rounds; round++) {
		buf b = BUF_INIT;
		buf_add(&b, orig, n);
		int edits = 1 + (int)(rng >> 60) % 4;
		for (int e = 0; e < edits && b.len > 2; e++) {
			rng = rng * 6364136223846793005ull + 1442695040888963407ull;
			size_t at = (size_t)(rng >> 33) % b.len;
			size_t len = 1 + (size_t)(rng >> 20) % 40;
			if (at + len > b.len)
				len = b.len - at;
			switch ((rng >> 8) % 5) {
			case 0: /* a random byte */
				b.data[at] = (char)(rng >> 40);
				break;
			case 1: /* delete a range */
				memmove(b.data + at, b.data + at + len, b.len - at - len);
				b.len -= len;
				break;
			case 2: { /* duplicate a range */
				char *copy = xstrndup(b.data + at, len);
				buf_add(&b, copy, len);
				memmove(b.data + at + len, b.data + at, b.len - len - at);
				memcpy(b.data + at, copy, len);
				free(copy);
				break;
			}
			case 3: /* truncate */
				b.len = at;
				break;
			default: /* markup characters */
				b.data[at] = "<>&\"'/=\n\0!-"[(rng >> 40) % 11];
				break;
			}
		}
		FILE *f = fopen(path, "wb");
		cr_assert_not_null(f);
		fwrite(b.data, 1, b.len, f);
		fclose(f);
		buf_free(&b);
		reader *r = reader_open(path, READ_AUTO, dg, 1, NULL);
		cr_assert_not_null(r);
		doc d;
		memset(&d, 0, sizeof d);
		int rc;
		while ((rc = reader_next(r, &d)) == 1) {
			cr_assert(d.id && d.id[0]);
			cr_assert(d.text && strlen(d.text) == d.len);
			docs++;
			doc_clear(&d);
		}
		cr_assert_eq(rc, 0);
		reader_close(r);
	}
	cr_expect_gt(docs, 0);
	unlink(path);
	free(path);
	diag_free(dg);
	free(orig);
}

Test(read, mutated_xml)
{
	mutate_and_read(DATA "records.xml", ".xml", 400);
}

Test(read, mutated_jsonl)
{
	mutate_and_read(DATA "docs.jsonl", ".jsonl", 400);
}

Test(read, mutated_text)
{
	mutate_and_read(DATA "header.txt", ".txt", 200);
}

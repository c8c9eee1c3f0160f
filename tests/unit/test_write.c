/*
 * test_write.c - the JSON Lines and Phoenix writers on hand-made events,
 * against whole expected lines written by hand from formats.md.
 */
#include <criterion/criterion.h>
#include <jansson.h>
#include <string.h>

#include "write/write.h"

static const ev_issue abduction[] = {{"ABDUCTION", 1}};

/* The formats.md example event (texts shortened). */
static ev_event example(void)
{
	ev_event e;
	memset(&e, 0, sizeof e);
	e.doc = "jt-2014-03-04";
	e.sid = "jt-2014-03-04-0";
	e.sent = 0;
	e.story_date = 20140304;
	e.date = 20140303;
	e.date_precision = EV_DATE_DAY;
	e.source = "JPNGOV";
	e.target = "PRKGOV";
	e.code = "044";
	e.source_text = "Japanese officials";
	e.target_text = "North Korean officials";
	e.verb_text = "meeting";
	e.source_span = (ev_span){25, 59};
	e.target_span = (ev_span){64, 85};
	e.verb_span = (ev_span){15, 22};
	e.sentence = (ev_span){0, 261};
	e.sentence_text = "An informal \"meeting\"\tin Shenyang.";
	e.place = (ev_place){"Shenyang", "CHN", NULL, 41.79, 123.43};
	e.issues = abduction;
	e.nissues = 1;
	return e;
}

/* A one-sided event with a non-CAMEO code and nothing optional. */
static ev_event sparse(void)
{
	ev_event e;
	memset(&e, 0, sizeof e);
	e.doc = "d";
	e.sid = "d-2";
	e.sent = 2;
	e.date = 20121100;
	e.date_precision = EV_DATE_MONTH;
	e.source = "ARN";
	e.target = NULL;
	e.code = "174K";
	e.source_span = e.target_span = e.verb_span = (ev_span){-1, -1};
	e.sentence = (ev_span){-1, -1};
	e.flags = EV_F_PASSIVE | EV_F_HEDGED;
	return e;
}

static char *jsonl(const ev_event *e)
{
	static buf b; /* one test process per Test(): no sharing */
	buf_clear(&b);
	write_jsonl(&b, e);
	return b.data;
}

Test(write, jsonl_example)
{
	ev_event e = example();
	cr_expect_str_eq(jsonl(&e),
	  "{\"doc\":\"jt-2014-03-04\",\"sid\":\"jt-2014-03-04-0\",\"sent\":0,"
	  "\"date\":\"2014-03-03\",\"date_precision\":\"day\","
	  "\"story_date\":\"2014-03-04\",\"source\":\"JPNGOV\","
	  "\"target\":\"PRKGOV\",\"code\":\"044\",\"root\":\"04\",\"quad\":1,"
	  "\"goldstein\":2.5,\"plover\":\"CONSULT\","
	  "\"source_text\":\"Japanese officials\","
	  "\"target_text\":\"North Korean officials\",\"verb_text\":\"meeting\","
	  "\"source_span\":[25,59],\"target_span\":[64,85],"
	  "\"verb_span\":[15,22],\"location\":{\"name\":\"Shenyang\","
	  "\"country\":\"CHN\",\"lat\":41.79,\"lon\":123.43},"
	  "\"issues\":[{\"code\":\"ABDUCTION\",\"count\":1}],"
	  "\"evidence\":{\"start\":0,\"end\":261,"
	  "\"text\":\"An informal \\\"meeting\\\"\\tin Shenyang.\"}}\n");
}

Test(write, jsonl_sparse_non_cameo)
{
	ev_event e = sparse();
	cr_expect_str_eq(jsonl(&e),
	  "{\"doc\":\"d\",\"sid\":\"d-2\",\"sent\":2,\"date\":\"2012-11\","
	  "\"date_precision\":\"month\",\"story_date\":null,\"source\":\"ARN\","
	  "\"target\":\"---\",\"code\":\"174K\",\"root\":null,\"quad\":null,"
	  "\"goldstein\":null,\"plover\":null,\"source_text\":null,"
	  "\"target_text\":null,\"verb_text\":null,\"source_span\":null,"
	  "\"target_span\":null,\"verb_span\":null,\"location\":null,"
	  "\"issues\":[],\"evidence\":{\"start\":null,\"end\":null,"
	  "\"text\":null},\"passive\":true,\"hedged\":true}\n");
}

Test(write, jsonl_dates_and_numbers)
{
	ev_event e = sparse();
	e.flags = 0;
	e.code = "193"; /* fight with small arms: -10, quad 4, ASSAULT */
	e.date = 20130000;
	e.date_precision = EV_DATE_YEAR;
	const char *s = jsonl(&e);
	cr_expect(strstr(s, "\"date\":\"2013\",\"date_precision\":\"year\","));
	cr_expect(strstr(s, "\"root\":\"19\",\"quad\":4,\"goldstein\":-10,"
	                    "\"plover\":\"ASSAULT\","), "%s", s);
	cr_expect_null(strstr(s, "passive"));

	e.date = 19750000; /* "in the 1970s": its first year */
	e.date_precision = EV_DATE_DECADE;
	e.code = "010"; /* statement: 0, no PLOVER type */
	s = jsonl(&e);
	cr_expect(strstr(s, "\"date\":\"1970\",\"date_precision\":\"decade\","));
	cr_expect(strstr(s, "\"goldstein\":0,\"plover\":null,"), "%s", s);

	e.date = 0;
	e.date_precision = EV_DATE_NONE;
	e.story_date = 19950102;
	e.code = "191";
	s = jsonl(&e);
	cr_expect(strstr(s, "\"date\":null,\"date_precision\":null,"
	                    "\"story_date\":\"1995-01-02\""), "%s", s);
	cr_expect(strstr(s, "\"goldstein\":-9.5,\"plover\":\"COERCE\""));

	e.flags = EV_F_HEDGED;
	s = jsonl(&e);
	cr_expect(strstr(s, "\"text\":null},\"hedged\":true}\n"), "%s", s);
}

Test(write, jsonl_escaping)
{
	ev_event e = sparse();
	e.flags = 0;
	e.source_text = "q\"b\\s/\x01\x1f\x7f\r\n\b\f";
	e.target_text = "caf\xc3\xa9 \xf0\x9f\x98\x80";    /* valid UTF-8 kept */
	e.verb_text = "a\xff" "b\xc0\xaf" "c\xed\xa0\x80" "d\xe2\x82";
	const char *s = jsonl(&e);
	cr_expect(strstr(s, "\"source_text\":\"q\\\"b\\\\s/\\u0001\\u001f\x7f"
	                    "\\r\\n\\b\\f\""), "%s", s);
	cr_expect(strstr(s, "\"target_text\":\"caf\xc3\xa9 \xf0\x9f\x98\x80\""));
	/* Each bad byte becomes U+FFFD: lone 0xFF, an overlong '/', a UTF-16
	 * surrogate, a sequence cut short at the end. */
#define R "\xef\xbf\xbd"
	cr_expect(strstr(s, "\"verb_text\":\"a" R "b" R R "c" R R R "d" R R "\""),
	          "%s", s);
#undef R
	/* And the line is JSON. */
	json_error_t err;
	json_t *o = json_loads(s, 0, &err);
	cr_assert_not_null(o, "%s", err.text);
	cr_expect_str_eq(json_string_value(json_object_get(o, "source_text")),
	                 "q\"b\\s/\x01\x1f\x7f\r\n\b\f");
	json_decref(o);
}

Test(write, jsonl_round_trip)
{
	ev_event e = example();
	json_error_t err;
	json_t *o = json_loads(jsonl(&e), 0, &err);
	cr_assert_not_null(o, "%s", err.text);
	cr_expect_eq(json_object_size(o), 22);
	cr_expect_eq(json_real_value(json_object_get(o, "goldstein")), 2.5);
	json_decref(o);
}

Test(write, phoenix_example)
{
	ev_event e = example();
	buf b = BUF_INIT;
	write_phoenix(&b, &e, 42);
	cr_expect_str_eq(b.data,
	  "42\t20140303\t2014\t03\t03\tJPNGOV\tJPN\tGOV\t\tPRKGOV\tPRK\tGOV\t\t"
	  "044\t04\t1\t2.5\tABDUCTION,1\t41.79\t123.43\tShenyang\t\tCHN\t"
	  "jt-2014-03-04-0\t\t\n");
	buf_free(&b);
}

Test(write, phoenix_sparse)
{
	ev_event e = sparse();
	buf b = BUF_INIT;
	write_phoenix(&b, &e, 7);
	/* No day-precise date and no story date: the date columns are empty. */
	cr_expect_str_eq(b.data,
	  "7\t\t\t\t\tARN\tARN\t\t\t---\t---\t\t\t174K\t\t\t\t\t\t\t\t\t\t"
	  "d-2\t\t\n");
	buf_free(&b);
}

Test(write, phoenix_columns)
{
	static const ev_issue two[] = {{"ECON", 1}, {"WATER", 2}};
	ev_event e = example();
	e.date = 20121100; /* month only: Phoenix gets the story date */
	e.date_precision = EV_DATE_MONTH;
	e.source = "USAGOVMIL";
	e.target = "AB";
	e.issues = two;
	e.nissues = 2;
	e.place.name = "Shen\tyang";
	e.place.admin1 = "Liaoning";
	buf b = BUF_INIT;
	write_phoenix(&b, &e, 18446744073709551615ull);
	const char *want =
	  "18446744073709551615\t20140304\t2014\t03\t04\tUSAGOVMIL\tUSA\tGOV\tMIL\t"
	  "AB\tAB\t\t\t044\t04\t1\t2.5\tECON,1;WATER,2\t41.79\t123.43\t"
	  "Shen yang\tLiaoning\tCHN\tjt-2014-03-04-0\t\t\n";
	cr_expect_str_eq(b.data, want);
	int tabs = 0;
	for (const char *p = b.data; *p; p++)
		tabs += *p == '\t';
	cr_expect_eq(tabs, 25); /* 26 columns */
	buf_free(&b);
}

Test(write, phoenix_carries_url_and_publisher)
{
	ev_event e;
	memset(&e, 0, sizeof e);
	e.doc = "d";
	e.sid = "d-0";
	e.source = "JPN";
	e.target = "PRK";
	e.code = "040";
	e.url = "https://example.org/a";
	e.news_source = "Example Wire";
	buf b = BUF_INIT;
	write_phoenix(&b, &e, 1);
	size_t n = b.len;
	cr_assert(n > 0 && b.data[n - 1] == '\n');
	const char *tail = "\td-0\thttps://example.org/a\tExample Wire\n";
	cr_assert(n >= strlen(tail));
	cr_assert_str_eq(b.data + n - strlen(tail), tail);
	buf_free(&b);
}

/*
 * test_export.c - the export row writers on hand-made rows: format names,
 * headers, CSV quoting, GDELT dates (leap years), actor parts and column
 * counts, ICEWS sentence numbers, tabs inside texts.
 */
#include <criterion/criterion.h>
#include <string.h>

#include "store/export.h"
#include "util/buf.h"

/* A row like the one the store gives for a day-precision event. */
static export_row sample(void)
{
	export_row r;
	memset(&r, 0, sizeof r);
	r.id = 42;
	r.doc = "d1";
	r.sid = "d1-0";
	r.sent = 0;
	r.date = "2016-03-01";
	r.date_precision = "day";
	r.day = "2016-03-01";
	r.source = "JPNGOV";
	r.target = "PRK";
	r.code = "0211";
	r.root = "02";
	r.quad = 1;
	r.has_goldstein = 1;
	r.goldstein = 3.4;
	r.source_text = "Japanese officials";
	r.verb_text = "met";
	r.target_text = "North Korea";
	r.num_mentions = 3;
	r.num_sources = 2;
	r.num_articles = 3;
	r.sentence = "Japanese officials met North Korea.";
	r.url = "http://example.org/a";
	r.publisher = "Daily";
	r.story_date = "2016-03-02";
	return r;
}

/* The tab-separated field i (0-based) of line s, copied into out. */
static const char *field(const char *s, int i, char *out, size_t n)
{
	for (; i > 0 && s; i--) {
		s = strchr(s, '\t');
		if (s)
			s++;
	}
	cr_assert_not_null(s, "no field");
	size_t len = strcspn(s, "\t\n");
	cr_assert_lt(len, n);
	memcpy(out, s, len);
	out[len] = '\0';
	return out;
}

static int count_char(const char *s, char c)
{
	int n = 0;
	for (; *s; s++)
		n += *s == c;
	return n;
}

Test(export, format_names)
{
	cr_assert_eq(export_parse_format("jsonl"), EXPORT_JSONL);
	cr_assert_eq(export_parse_format("csv"), EXPORT_CSV);
	cr_assert_eq(export_parse_format("phoenix"), EXPORT_PHOENIX);
	cr_assert_eq(export_parse_format("gdelt"), EXPORT_GDELT);
	cr_assert_eq(export_parse_format("icews"), EXPORT_ICEWS);
	cr_assert_eq(export_parse_format("xls"), -1);
	cr_assert_eq(export_parse_format(""), -1);
}

Test(export, headers)
{
	buf b = BUF_INIT;
	export_header(&b, EXPORT_GDELT);
	export_header(&b, EXPORT_PHOENIX);
	export_header(&b, EXPORT_JSONL);
	cr_assert_eq(b.len, 0);
	export_header(&b, EXPORT_CSV);
	cr_assert_eq(count_char(b.data, ','), 21); /* 22 columns */
	cr_assert(!strncmp(b.data, "doc,sid,date,", 13));
	buf_clear(&b);
	export_header(&b, EXPORT_ICEWS);
	cr_assert_eq(count_char(b.data, '\t'), 19); /* 20 columns */
	cr_assert(!strncmp(b.data, "Event ID\tEvent Date\t", 20));
	buf_free(&b);
}

Test(export, csv_quotes_commas_and_quotes)
{
	export_row r = sample();
	r.sentence = "He said \"no\", then left.";
	buf b = BUF_INIT;
	export_write(&b, EXPORT_CSV, &r);
	cr_assert_str_eq(b.data,
		"d1,d1-0,2016-03-01,day,JPNGOV,PRK,0211,02,1,3.4,,Japanese officials,met,"
		"North Korea,,,,,3,2,3,\"He said \"\"no\"\", then left.\"\n");
	buf_free(&b);
}

Test(export, gdelt_dates_and_actors)
{
	export_row r = sample();
	buf b = BUF_INIT;
	export_write(&b, EXPORT_GDELT, &r);
	char f[64];
	cr_assert_eq(count_char(b.data, '\t'), 60); /* 61 columns */
	cr_assert_str_eq(field(b.data, 0, f, sizeof f), "42");
	cr_assert_str_eq(field(b.data, 1, f, sizeof f), "20160301");
	cr_assert_str_eq(field(b.data, 2, f, sizeof f), "201603");
	cr_assert_str_eq(field(b.data, 3, f, sizeof f), "2016");
	/* 2016 is a leap year: 1 March is day 61, 60/366 = 0.16393. */
	cr_assert_str_eq(field(b.data, 4, f, sizeof f), "2016.1639");
	cr_assert_str_eq(field(b.data, 5, f, sizeof f), "JPNGOV");
	cr_assert_str_eq(field(b.data, 6, f, sizeof f), "Japanese officials");
	cr_assert_str_eq(field(b.data, 7, f, sizeof f), "JPN");
	cr_assert_str_eq(field(b.data, 12, f, sizeof f), "GOV");
	cr_assert_str_eq(field(b.data, 13, f, sizeof f), "");
	cr_assert_str_eq(field(b.data, 17, f, sizeof f), "PRK");
	cr_assert_str_eq(field(b.data, 22, f, sizeof f), "");
	cr_assert_str_eq(field(b.data, 25, f, sizeof f), "1");    /* IsRootEvent */
	cr_assert_str_eq(field(b.data, 26, f, sizeof f), "0211");
	cr_assert_str_eq(field(b.data, 27, f, sizeof f), "021");  /* EventBaseCode */
	cr_assert_str_eq(field(b.data, 28, f, sizeof f), "02");
	cr_assert_str_eq(field(b.data, 30, f, sizeof f), "3.4");
	cr_assert_str_eq(field(b.data, 34, f, sizeof f), "0");    /* AvgTone */
	cr_assert_str_eq(field(b.data, 60, f, sizeof f), "http://example.org/a");
	buf_free(&b);
}

Test(export, gdelt_missing_and_quoted_actors)
{
	export_row r = sample();
	r.sent = 2;
	r.source = "---GOV";
	r.target = "---";
	r.target_text = NULL;
	r.day = "2015-12-31";
	buf b = BUF_INIT;
	export_write(&b, EXPORT_GDELT, &r);
	char f[64];
	cr_assert_eq(count_char(b.data, '\t'), 60);
	/* 31 December 2015: day 365, 364/365 = 0.99726. */
	cr_assert_str_eq(field(b.data, 4, f, sizeof f), "2015.9973");
	cr_assert_str_eq(field(b.data, 5, f, sizeof f), "---GOV");
	cr_assert_str_eq(field(b.data, 7, f, sizeof f), "");      /* no country */
	cr_assert_str_eq(field(b.data, 12, f, sizeof f), "GOV");
	cr_assert_str_eq(field(b.data, 15, f, sizeof f), "");     /* "---": none */
	cr_assert_str_eq(field(b.data, 25, f, sizeof f), "0");
	buf_clear(&b);
	r.source = "\"THE REBELS\"";
	r.day = NULL;
	export_write(&b, EXPORT_GDELT, &r);
	cr_assert_eq(count_char(b.data, '\t'), 60);
	cr_assert_str_eq(field(b.data, 1, f, sizeof f), "");
	cr_assert_str_eq(field(b.data, 5, f, sizeof f), "\"THE REBELS\"");
	cr_assert_str_eq(field(b.data, 7, f, sizeof f), "");
	cr_assert_str_eq(field(b.data, 12, f, sizeof f), "");
	buf_free(&b);
}

Test(export, icews_columns)
{
	export_row r = sample();
	r.sent = 4;
	r.source_text = "Japanese\tofficials"; /* a tab never splits a column */
	r.place = "Testville";
	r.country = "USA";
	r.has_latlon = 1;
	r.lat = 40.5;
	r.lon = -74.25;
	buf b = BUF_INIT;
	export_write(&b, EXPORT_ICEWS, &r);
	cr_assert_str_eq(b.data,
		"42\t2016-03-01\tJapanese officials\tGOV\tJPN\tAppeal for economic cooperation\t0211\t3.4\t"
		"North Korea\t\tPRK\td1\t5\tDaily\tTestville\t\t\tUSA\t40.5\t-74.25\n");
	buf_free(&b);
}

Test(export, phoenix_has_26_columns)
{
	export_row r = sample();
	buf b = BUF_INIT;
	export_write(&b, EXPORT_PHOENIX, &r);
	char f[64];
	cr_assert_eq(count_char(b.data, '\t'), 25);
	cr_assert_str_eq(field(b.data, 1, f, sizeof f), "20160301");
	cr_assert_str_eq(field(b.data, 6, f, sizeof f), "JPN");
	cr_assert_str_eq(field(b.data, 7, f, sizeof f), "GOV");
	cr_assert_str_eq(field(b.data, 24, f, sizeof f), "http://example.org/a");
	cr_assert_str_eq(field(b.data, 25, f, sizeof f), "Daily");
	buf_free(&b);
}

Test(export, jsonl_line)
{
	export_row r = sample();
	buf b = BUF_INIT;
	export_write(&b, EXPORT_JSONL, &r);
	static const char head[] = "{\"doc\":\"d1\",\"sid\":\"d1-0\",\"sent\":0,"
				   "\"date\":\"2016-03-01\",\"date_precision\":\"day\","
				   "\"story_date\":\"2016-03-02\",";
	cr_assert(!strncmp(b.data, head, strlen(head)), "%s", b.data);
	cr_assert(strstr(b.data, "\"location\":null,\"issues\":[],\"num_mentions\":3,\"num_sources\":2,"
			 "\"num_articles\":3,"));
	cr_assert_eq(b.data[b.len - 1], '\n');
	cr_assert_eq(count_char(b.data, '\n'), 1);
	buf_free(&b);
}

Test(export, issues_and_division)
{
	export_row r = sample();
	r.issues = "[{\"code\":\"AID\",\"count\":2},{\"code\":\"FOOD\",\"count\":1}]";
	r.place = "Lyon";
	r.country = "FRA";
	r.admin1 = "Auvergne-Rhone-Alpes";
	r.has_latlon = 1;
	r.lat = 45.75;
	r.lon = 4.85;
	buf b = BUF_INIT;
	char f[128];
	export_write(&b, EXPORT_PHOENIX, &r);
	cr_assert_str_eq(field(b.data, 17, f, sizeof f), "AID,2;FOOD,1", "Issues (18th column)");
	cr_assert_str_eq(field(b.data, 21, f, sizeof f), "Auvergne-Rhone-Alpes", "StateName (22nd)");
	buf_clear(&b);
	export_write(&b, EXPORT_JSONL, &r);
	cr_assert(strstr(b.data, "\"issues\":[{\"code\":\"AID\",\"count\":2},{\"code\":\"FOOD\",\"count\":1}]"),
		  "%s", b.data);
	cr_assert(strstr(b.data, "\"country\":\"FRA\",\"admin1\":\"Auvergne-Rhone-Alpes\""), "%s", b.data);
	/* not JSON: no issues rather than a broken line */
	r.issues = "[{";
	buf_clear(&b);
	export_write(&b, EXPORT_JSONL, &r);
	cr_assert(strstr(b.data, "\"issues\":[]"), "%s", b.data);
	buf_free(&b);
}

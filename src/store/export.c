/*
 * export.c - the export formats: rows of the store (store_export,
 * store_query_events) written as JSON Lines, CSV, Phoenix, GDELT 2.0
 * events or ICEWS.
 */
#include "export.h"

#include "store.h"
#include "attrs/cameo.h"
#include "util/cal.h"
#include "util/xmalloc.h"
#include "write/write.h"

#include <jansson.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

void export_row_from(export_row *x, const store_event_row *r)
{
	memset(x, 0, sizeof *x);
	x->id = r->id;
	x->doc = r->doc;
	x->sid = r->sid;
	x->sent = r->sent;
	x->date = r->date;
	x->date_precision = r->date_precision;
	x->day = r->day;
	x->source = r->source;
	x->target = r->target;
	x->code = r->code;
	x->root = r->root;
	x->plover = r->plover;
	x->quad = r->quad;
	x->has_goldstein = r->has_goldstein;
	x->goldstein = r->goldstein;
	x->source_text = r->source_text;
	x->verb_text = r->verb_text;
	x->target_text = r->target_text;
	x->place = r->place;
	x->country = r->country;
	x->has_latlon = r->has_latlon;
	x->lat = r->lat;
	x->lon = r->lon;
	x->num_mentions = r->num_mentions;
	x->num_sources = r->num_sources;
	x->num_articles = r->num_articles;
	x->sentence = r->sentence;
	x->has_spans = 1;
	memcpy(x->source_span, r->source_span, sizeof x->source_span);
	memcpy(x->verb_span, r->verb_span, sizeof x->verb_span);
	memcpy(x->target_span, r->target_span, sizeof x->target_span);
	x->issues = r->issues;
	x->admin1 = r->admin1;
	x->url = r->url;
	x->publisher = r->publisher;
	x->story_date = r->story_date;
}

/* ---- Formats ---- */

int export_parse_format(const char *name)
{
	static const char *const names[] = {
		[EXPORT_JSONL] = "jsonl", [EXPORT_CSV] = "csv", [EXPORT_PHOENIX] = "phoenix",
		[EXPORT_GDELT] = "gdelt", [EXPORT_ICEWS] = "icews",
	};
	for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
		if (!strcmp(name, names[i]))
			return (int)i;
	return -1;
}

static const char csv_header[] =
	"doc,sid,date,date_precision,source,target,code,root,quad,goldstein,"
	"plover,source_text,verb_text,target_text,place,country,lat,lon,"
	"num_mentions,num_sources,num_articles,sentence\n";

static const char icews_header[] =
	"Event ID\tEvent Date\tSource Name\tSource Sectors\tSource Country\t"
	"Event Text\tCAMEO Code\tIntensity\tTarget Name\tTarget Sectors\t"
	"Target Country\tStory ID\tSentence Number\tPublisher\tCity\tDistrict\t"
	"Province\tCountry\tLatitude\tLongitude\n";

void export_header(buf *out, export_format f)
{
	if (f == EXPORT_CSV)
		buf_puts(out, csv_header);
	else if (f == EXPORT_ICEWS)
		buf_puts(out, icews_header);
}

/* A number, -0 as 0, in the shortest form that round-trips doubles. */
static void put_num(buf *out, double v)
{
	if (!isfinite(v))
		return;
	buf_printf(out, "%.15g", v == 0 ? 0.0 : v);
}

/* A CSV field (RFC 4180: quoted when it holds a comma, quote or line
 * break); NULL is empty. Then ',' or, for the last, '\n'. */
static void csv_field(buf *out, const char *s, int last)
{
	if (s && strpbrk(s, ",\"\r\n")) {
		buf_putc(out, '"');
		for (; *s; s++) {
			if (*s == '"')
				buf_putc(out, '"');
			buf_putc(out, *s);
		}
		buf_putc(out, '"');
	} else if (s) {
		buf_puts(out, s);
	}
	buf_putc(out, last ? '\n' : ',');
}

static void csv_num(buf *out, int has, double v)
{
	if (has)
		put_num(out, v);
	buf_putc(out, ',');
}

static void write_csv(buf *out, const export_row *r)
{
	csv_field(out, r->doc, 0);
	csv_field(out, r->sid, 0);
	csv_field(out, r->date, 0);
	csv_field(out, r->date_precision, 0);
	csv_field(out, r->source, 0);
	csv_field(out, r->target, 0);
	csv_field(out, r->code, 0);
	csv_field(out, r->root, 0);
	csv_num(out, r->quad > 0, r->quad);
	csv_num(out, r->has_goldstein, r->goldstein);
	csv_field(out, r->plover, 0);
	csv_field(out, r->source_text, 0);
	csv_field(out, r->verb_text, 0);
	csv_field(out, r->target_text, 0);
	csv_field(out, r->place, 0);
	csv_field(out, r->country, 0);
	csv_num(out, r->has_latlon, r->lat);
	csv_num(out, r->has_latlon, r->lon);
	buf_printf(out, "%ld,%ld,%ld,", r->num_mentions, r->num_sources, r->num_articles);
	csv_field(out, r->sentence, 1);
}

static void json_set_str(json_t *o, const char *k, const char *v)
{
	json_object_set_new(o, k, v ? json_string(v) : json_null());
}

static int json_to_buf(const char *s, size_t n, void *ctx)
{
	buf_add(ctx, s, n);
	return 0;
}

static void write_json(buf *out, const export_row *r)
{
	json_t *o = json_object();
	json_set_str(o, "doc", r->doc);
	json_set_str(o, "sid", r->sid);
	json_object_set_new(o, "sent", json_integer(r->sent));
	json_set_str(o, "date", r->date);
	json_set_str(o, "date_precision", r->date_precision);
	if (!r->no_story_date)
		json_set_str(o, "story_date", r->story_date);
	json_set_str(o, "source", r->source);
	json_set_str(o, "target", r->target);
	json_set_str(o, "code", r->code);
	json_set_str(o, "root", r->root);
	json_object_set_new(o, "quad", r->quad > 0 ? json_integer(r->quad) : json_null());
	json_object_set_new(o, "goldstein", r->has_goldstein ? json_real(r->goldstein) : json_null());
	json_set_str(o, "plover", r->plover);
	json_set_str(o, "source_text", r->source_text);
	json_set_str(o, "target_text", r->target_text);
	json_set_str(o, "verb_text", r->verb_text);
	if (r->has_spans) {
		const char *names[3] = {"source_span", "target_span", "verb_span"};
		const long *spans[3] = {r->source_span, r->target_span, r->verb_span};
		for (int i = 0; i < 3; i++)
			json_object_set_new(o, names[i], spans[i][0] < 0 ? json_null() :
					    json_pack("[II]", (json_int_t)spans[i][0],
						      (json_int_t)spans[i][1]));
	}
	if (r->place) {
		json_t *loc = json_object();
		json_set_str(loc, "name", r->place);
		json_set_str(loc, "country", r->country);
		if (r->admin1)
			json_set_str(loc, "admin1", r->admin1);
		json_object_set_new(loc, "lat", r->has_latlon ? json_real(r->lat) : json_null());
		json_object_set_new(loc, "lon", r->has_latlon ? json_real(r->lon) : json_null());
		json_object_set_new(o, "location", loc);
	} else {
		json_object_set_new(o, "location", json_null());
	}
	/* after the location, as `dyad code` writes them */
	json_t *issues = r->issues ? json_loads(r->issues, 0, NULL) : NULL;
	json_object_set_new(o, "issues", json_is_array(issues) ? json_incref(issues) : json_array());
	json_decref(issues);
	json_object_set_new(o, "num_mentions", json_integer(r->num_mentions));
	json_object_set_new(o, "num_sources", json_integer(r->num_sources));
	json_object_set_new(o, "num_articles", json_integer(r->num_articles));
	json_set_str(o, "sentence", r->sentence);
	json_dump_callback(o, json_to_buf, out,
			   JSON_COMPACT | JSON_PRESERVE_ORDER | JSON_REAL_PRECISION(15));
	buf_putc(out, '\n');
	json_decref(o);
}

/* A TSV field: tabs and line breaks become spaces; NULL is empty. */
static void tsv_field(buf *out, const char *s, size_t n)
{
	for (size_t i = 0; s && i < n; i++)
		buf_putc(out, s[i] == '\t' || s[i] == '\n' || s[i] == '\r' ? ' ' : s[i]);
}

static void tsv_str(buf *out, const char *s)
{
	tsv_field(out, s, s ? strlen(s) : 0);
	buf_putc(out, '\t');
}

static void tsv_num(buf *out, int has, double v)
{
	if (has)
		put_num(out, v);
	buf_putc(out, '\t');
}

/* YYYYMMDD of an ISO date ("2014-03-04", "2014-03", "2014"), the parts
 * below its precision zero; 0 when absent or malformed. */
static int ymd_of(const char *iso)
{
	int y = 0, m = 0, d = 0;
	if (!iso || sscanf(iso, "%4d-%2d-%2d", &y, &m, &d) < 1 || y <= 0)
		return 0;
	if (m < 0 || m > 12 || d < 0 || d > 31)
		return 0;
	return y * 10000 + m * 100 + d;
}

static ev_precision precision_of(const char *p)
{
	if (!p)
		return EV_DATE_NONE;
	if (!strcmp(p, "day"))
		return EV_DATE_DAY;
	if (!strcmp(p, "month"))
		return EV_DATE_MONTH;
	if (!strcmp(p, "year"))
		return EV_DATE_YEAR;
	if (!strcmp(p, "decade"))
		return EV_DATE_DECADE;
	return EV_DATE_NONE;
}

/* Phoenix through write_phoenix, from a stored row. */
static void write_phoenix_row(buf *out, const export_row *r)
{
	ev_event e;
	memset(&e, 0, sizeof e);
	/* the issues, from their JSON (codes borrowed from it) */
	ev_issue is[64];
	json_t *issues = r->issues ? json_loads(r->issues, 0, NULL) : NULL;
	size_t k;
	json_t *v;
	json_array_foreach(issues, k, v) {
		const char *code = json_string_value(json_object_get(v, "code"));
		if (!code || e.nissues == (int32_t)(sizeof is / sizeof is[0]))
			continue;
		is[e.nissues].code = code;
		is[e.nissues].count = (int32_t)json_integer_value(json_object_get(v, "count"));
		e.nissues++;
	}
	e.issues = e.nissues ? is : NULL;
	e.doc = r->doc;
	e.url = r->url;
	e.news_source = r->publisher;
	e.sid = r->sid;
	e.sent = r->sent;
	e.story_date = ymd_of(r->story_date);
	e.date = ymd_of(r->date);
	e.date_precision = e.date ? precision_of(r->date_precision) : EV_DATE_NONE;
	e.source = r->source;
	e.target = r->target;
	e.code = r->code;
	e.source_text = r->source_text;
	e.target_text = r->target_text;
	e.verb_text = r->verb_text;
	e.source_span = e.target_span = e.verb_span = e.sentence = (ev_span){-1, -1};
	e.sentence_text = r->sentence;
	e.place.name = r->place;
	e.place.country = r->country;
	e.place.admin1 = r->admin1;
	e.place.lat = r->has_latlon ? r->lat : NAN;
	e.place.lon = r->has_latlon ? r->lon : NAN;
	write_phoenix(out, &e, (uint64_t)r->id);
	json_decref(issues);
}

/* An actor code made of 3-letter parts ("JPNGOV", "---GOV"): the parts
 * are the country (first) and the types; a quoted new-actor text is not
 * one. Returns the number of parts, 0 when it is not. */
static size_t actor_parts(const char *code)
{
	size_t n = code ? strlen(code) : 0;
	if (n == 0 || n % 3)
		return 0;
	for (size_t i = 0; i < n; i++)
		if (!((code[i] >= 'A' && code[i] <= 'Z') || code[i] == '-'))
			return 0;
	return n / 3;
}

static int missing_part(const char *p)
{
	return p[0] == '-' && p[1] == '-' && p[2] == '-';
}

/* GDELT's ten actor columns: Code, Name, CountryCode, KnownGroupCode,
 * EthnicCode, Religion1Code, Religion2Code, Type1..3Code. */
static void gdelt_actor(buf *out, const char *code, const char *name)
{
	int known = code && strcmp(code, "---") != 0;
	tsv_str(out, known ? code : NULL);
	tsv_str(out, known ? name : NULL);
	size_t parts = known ? actor_parts(code) : 0;
	if (parts >= 1 && !missing_part(code))
		tsv_field(out, code, 3);
	buf_puts(out, "\t\t\t\t\t");
	for (size_t i = 1; i <= 3; i++) {
		if (i < parts && !missing_part(code + 3 * i))
			tsv_field(out, code + 3 * i, 3);
		buf_putc(out, '\t');
	}
}

static void write_gdelt(buf *out, const export_row *r)
{
	static const int before[] = {0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334};
	buf_printf(out, "%lld\t", r->id);
	int ymd = ymd_of(r->day);
	int y = ymd / 10000, m = ymd / 100 % 100, d = ymd % 100;
	if (ymd && m >= 1 && d >= 1) {
		/* FractionDate: the share of the year gone before that day. */
		int doy = before[m - 1] + d + (m > 2 && cal_leap(y));
		double frac = y + (doy - 1) / (cal_leap(y) ? 366.0 : 365.0);
		buf_printf(out, "%08d\t%04d%02d\t%04d\t%.4f\t", ymd, y, m, y, frac);
	} else {
		buf_puts(out, "\t\t\t\t");
	}
	gdelt_actor(out, r->source, r->source_text);
	gdelt_actor(out, r->target, r->target_text);
	buf_printf(out, "%d\t", r->sent == 0);
	tsv_str(out, r->code);
	tsv_field(out, r->code, r->code ? strnlen(r->code, 3) : 0);
	buf_putc(out, '\t');
	tsv_str(out, r->root);
	tsv_num(out, r->quad > 0, r->quad);
	tsv_num(out, r->has_goldstein, r->goldstein);
	buf_printf(out, "%ld\t%ld\t%ld\t0\t", r->num_mentions, r->num_sources, r->num_articles);
	/* Actor1Geo and Actor2Geo: where the actors are is not known. */
	buf_puts(out, "\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t");
	if (r->place) {
		/* Places are cities: 3 USCITY, 4 WORLDCITY. */
		buf_puts(out, r->country && !strcmp(r->country, "USA") ? "3\t" : "4\t");
		tsv_str(out, r->place);
		tsv_str(out, r->country);
		buf_puts(out, "\t\t");
		tsv_num(out, r->has_latlon, r->lat);
		tsv_num(out, r->has_latlon, r->lon);
		buf_putc(out, '\t');
	} else {
		buf_puts(out, "\t\t\t\t\t\t\t\t");
	}
	buf_putc(out, '\t'); /* DATEADDED: not stored */
	tsv_field(out, r->url, r->url ? strlen(r->url) : 0);
	buf_putc(out, '\n');
}

/* ICEWS Name, Sectors (the type parts, comma-separated), Country. */
static void icews_actor(buf *out, const char *code, const char *name)
{
	tsv_str(out, name);
	size_t parts = actor_parts(code);
	int first = 1;
	for (size_t i = 1; i < parts; i++) {
		if (missing_part(code + 3 * i))
			continue;
		if (!first)
			buf_putc(out, ',');
		tsv_field(out, code + 3 * i, 3);
		first = 0;
	}
	buf_putc(out, '\t');
	if (parts >= 1 && !missing_part(code))
		tsv_field(out, code, 3);
	buf_putc(out, '\t');
}

static void write_icews(buf *out, const export_row *r)
{
	buf_printf(out, "%lld\t", r->id);
	tsv_str(out, r->day);
	icews_actor(out, r->source, r->source_text);
	/* Event Text: the codebook's name of the code. */
	const cameo_info *ci = r->code ? cameo_lookup(r->code) : NULL;
	tsv_str(out, ci ? ci->name : NULL);
	tsv_str(out, r->code);
	tsv_num(out, r->has_goldstein, r->goldstein);
	icews_actor(out, r->target, r->target_text);
	tsv_str(out, r->doc);
	buf_printf(out, "%d\t", r->sent + 1);
	tsv_str(out, r->publisher);
	tsv_str(out, r->place);
	buf_puts(out, "\t\t"); /* District, Province: not stored */
	tsv_str(out, r->place ? r->country : NULL);
	tsv_num(out, r->has_latlon, r->lat);
	if (r->has_latlon)
		put_num(out, r->lon);
	buf_putc(out, '\n');
}

void export_write(buf *out, export_format f, const export_row *r)
{
	switch (f) {
	case EXPORT_JSONL: write_json(out, r); break;
	case EXPORT_CSV: write_csv(out, r); break;
	case EXPORT_PHOENIX: write_phoenix_row(out, r); break;
	case EXPORT_GDELT: write_gdelt(out, r); break;
	case EXPORT_ICEWS: write_icews(out, r); break;
	}
}

/*
 * write.c - JSON Lines and Phoenix TSV event writers (formats.md).
 *
 * JSON is written by hand rather than through a DOM: one pass, no
 * allocation beyond the output buffer, keys in the documented order.
 */
#include "write.h"
#include "../attrs/cameo.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

/* ---------------------------------------------------------------- JSON */

/* Length of the valid UTF-8 sequence at s[0..n), or 0 if it is invalid
 * (overlong forms, surrogates and code points past U+10FFFF are invalid). */
static size_t utf8_seq(const unsigned char *s, size_t n)
{
	unsigned c = s[0];
	size_t len;
	unsigned min;
	if (c < 0x80)
		return 1;
	if (c >= 0xC2 && c <= 0xDF) {
		len = 2;
		min = 0x80;
	} else if (c >= 0xE0 && c <= 0xEF) {
		len = 3;
		min = 0x800;
	} else if (c >= 0xF0 && c <= 0xF4) {
		len = 4;
		min = 0x10000;
	} else {
		return 0;
	}
	if (n < len)
		return 0;
	unsigned cp = c & (0xFF >> (len + 1));
	for (size_t i = 1; i < len; i++) {
		if ((s[i] & 0xC0) != 0x80)
			return 0;
		cp = (cp << 6) | (s[i] & 0x3F);
	}
	if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
		return 0;
	return len;
}

/* Appends s as a JSON string, or null when s is NULL. */
static void json_str(buf *out, const char *s)
{
	static const char hex[] = "0123456789abcdef";
	if (!s) {
		buf_puts(out, "null");
		return;
	}
	const unsigned char *p = (const unsigned char *)s;
	size_t n = strlen(s), run = 0, i = 0;
	buf_putc(out, '"');
	while (i < n) {
		unsigned c = p[i];
		const char *esc = NULL;
		size_t len = 1;
		if (c >= 0x20 && c != '"' && c != '\\' && c < 0x80) {
			i++;
			continue;
		}
		if (c >= 0x80) {
			len = utf8_seq(p + i, n - i);
			if (len) {
				i += len;
				continue;
			}
			esc = "\xEF\xBF\xBD"; /* U+FFFD for a bad byte */
		}
		/* Flush the plain run before the byte that needs escaping. */
		buf_add(out, s + run, i - run);
		if (esc) {
			buf_add(out, esc, 3);
		} else if (c == '"' || c == '\\') {
			buf_putc(out, '\\');
			buf_putc(out, (char)c);
		} else if (c == '\n') {
			buf_puts(out, "\\n");
		} else if (c == '\t') {
			buf_puts(out, "\\t");
		} else if (c == '\r') {
			buf_puts(out, "\\r");
		} else if (c == '\b') {
			buf_puts(out, "\\b");
		} else if (c == '\f') {
			buf_puts(out, "\\f");
		} else {
			char u[6] = {'\\', 'u', '0', '0', hex[c >> 4], hex[c & 15]};
			buf_add(out, u, 6);
		}
		i++;
		run = i;
	}
	buf_add(out, s + run, n - run);
	buf_putc(out, '"');
}

/* Appends a number the short way: 2.5, -10, 0, 41.79 (never -0, never
 * 2.500000); NaN and infinities as absent, the format's empty value
 * (both formats write numbers this way). */
static void put_num(buf *out, double v, const char *absent)
{
	if (!isfinite(v)) {
		buf_puts(out, absent);
		return;
	}
	if (v == 0)
		v = 0; /* -0 -> 0 */
	buf_printf(out, "%.15g", v);
}

/* A number in JSON, which cannot hold NaN or infinities: those as null. */
static void json_num(buf *out, double v)
{
	put_num(out, v, "null");
}

static void json_key(buf *out, const char *key)
{
	buf_putc(out, ',');
	buf_putc(out, '"');
	buf_puts(out, key);
	buf_puts(out, "\":");
}

static void json_span(buf *out, ev_span sp)
{
	if (sp.start < 0)
		buf_puts(out, "null");
	else
		buf_printf(out, "[%lld,%lld]", (long long)sp.start,
		           (long long)sp.end);
}

/* The ISO 8601 form of a YYYYMMDD date at precision p into s (>= 16
 * bytes); 0 when there is no date to write. */
static int iso_date(char *s, int32_t date, ev_precision p)
{
	if (date <= 0 || p == EV_DATE_NONE)
		return 0;
	int y = date / 10000, m = date / 100 % 100, d = date % 100;
	switch (p) {
	case EV_DATE_DAY:
		snprintf(s, 16, "%04d-%02d-%02d", y, m, d);
		break;
	case EV_DATE_MONTH:
		snprintf(s, 16, "%04d-%02d", y, m);
		break;
	case EV_DATE_YEAR:
		snprintf(s, 16, "%04d", y);
		break;
	case EV_DATE_DECADE:
		snprintf(s, 16, "%04d", y - y % 10);
		break;
	default:
		return 0;
	}
	return 1;
}

static const char *precision_name(ev_precision p)
{
	switch (p) {
	case EV_DATE_DAY: return "day";
	case EV_DATE_MONTH: return "month";
	case EV_DATE_YEAR: return "year";
	case EV_DATE_DECADE: return "decade";
	default: return NULL;
	}
}

void write_jsonl(buf *out, const ev_event *e)
{
	char ds[16];
	const cameo_info *ci = cameo_lookup(e->code);
	int dated = iso_date(ds, e->date, e->date_precision);

	buf_puts(out, "{\"doc\":");
	json_str(out, e->doc);
	json_key(out, "sid");
	json_str(out, e->sid);
	json_key(out, "sent");
	buf_printf(out, "%ld", (long)e->sent);
	json_key(out, "date");
	json_str(out, dated ? ds : NULL);
	json_key(out, "date_precision");
	json_str(out, dated ? precision_name(e->date_precision) : NULL);
	json_key(out, "story_date");
	json_str(out, iso_date(ds, e->story_date, EV_DATE_DAY) ? ds : NULL);
	json_key(out, "source");
	json_str(out, e->source ? e->source : "---");
	json_key(out, "target");
	json_str(out, e->target ? e->target : "---");
	json_key(out, "code");
	json_str(out, e->code);
	json_key(out, "root");
	if (ci) {
		char root[3] = {ci->code[0], ci->code[1], 0};
		json_str(out, root);
		json_key(out, "quad");
		buf_printf(out, "%d", ci->quad);
		json_key(out, "goldstein");
		json_num(out, ci->goldstein);
		json_key(out, "plover");
		json_str(out, ci->plover);
	} else {
		buf_puts(out, "null,\"quad\":null,\"goldstein\":null,"
		             "\"plover\":null");
	}
	json_key(out, "source_text");
	json_str(out, e->source_text);
	json_key(out, "target_text");
	json_str(out, e->target_text);
	json_key(out, "verb_text");
	json_str(out, e->verb_text);
	json_key(out, "source_span");
	json_span(out, e->source_span);
	json_key(out, "target_span");
	json_span(out, e->target_span);
	json_key(out, "verb_span");
	json_span(out, e->verb_span);

	json_key(out, "location");
	if (e->place.name) {
		buf_puts(out, "{\"name\":");
		json_str(out, e->place.name);
		json_key(out, "country");
		json_str(out, e->place.country);
		if (e->place.admin1) {
			json_key(out, "admin1");
			json_str(out, e->place.admin1);
		}
		json_key(out, "lat");
		json_num(out, e->place.lat);
		json_key(out, "lon");
		json_num(out, e->place.lon);
		buf_putc(out, '}');
	} else {
		buf_puts(out, "null");
	}

	json_key(out, "issues");
	buf_putc(out, '[');
	for (int32_t i = 0; e->issues && i < e->nissues; i++) {
		if (i)
			buf_putc(out, ',');
		buf_puts(out, "{\"code\":");
		json_str(out, e->issues[i].code);
		buf_printf(out, ",\"count\":%ld}", (long)e->issues[i].count);
	}
	buf_putc(out, ']');

	json_key(out, "evidence");
	if (e->sentence.start < 0)
		buf_puts(out, "{\"start\":null,\"end\":null,\"text\":");
	else
		buf_printf(out, "{\"start\":%lld,\"end\":%lld,\"text\":",
		           (long long)e->sentence.start,
		           (long long)e->sentence.end);
	json_str(out, e->sentence_text);
	buf_putc(out, '}');

	if (e->flags & EV_F_PASSIVE)
		buf_puts(out, ",\"passive\":true");
	if (e->flags & EV_F_HEDGED)
		buf_puts(out, ",\"hedged\":true");
	buf_puts(out, "}\n");
}

/* ----------------------------------------------------------- Phoenix TSV */

/* Appends s[0..n) with tabs and line breaks as spaces (NULL: nothing). */
static void tsv_field(buf *out, const char *s, size_t n)
{
	if (!s)
		return;
	size_t run = 0;
	for (size_t i = 0; i < n; i++) {
		if (s[i] == '\t' || s[i] == '\n' || s[i] == '\r') {
			buf_add(out, s + run, i - run);
			buf_putc(out, ' ');
			run = i + 1;
		}
	}
	buf_add(out, s + run, n - run);
}

static void tsv_str(buf *out, const char *s)
{
	if (s)
		tsv_field(out, s, strlen(s));
}

/* A number in a TSV column: NaN and infinities as an empty column. */
static void tsv_num(buf *out, double v)
{
	put_num(out, v, "");
}

/* Actor columns: full code, entity (first 3), role (next 3), the rest. */
static void tsv_actor(buf *out, const char *code)
{
	if (!code)
		code = "---";
	size_t n = strlen(code);
	size_t a = n < 3 ? n : 3, b = n < 6 ? n : 6;
	tsv_field(out, code, n);
	buf_putc(out, '\t');
	tsv_field(out, code, a);
	buf_putc(out, '\t');
	tsv_field(out, code + a, b - a);
	buf_putc(out, '\t');
	tsv_field(out, code + b, n - b);
	buf_putc(out, '\t');
}

void write_phoenix(buf *out, const ev_event *e, uint64_t event_id)
{
	const cameo_info *ci = cameo_lookup(e->code);
	int32_t date = (e->date_precision == EV_DATE_DAY && e->date > 0)
	                   ? e->date : e->story_date;

	buf_printf(out, "%llu\t", (unsigned long long)event_id);
	if (date > 0)
		buf_printf(out, "%08ld\t%04ld\t%02ld\t%02ld\t", (long)date,
		           (long)(date / 10000), (long)(date / 100 % 100),
		           (long)(date % 100));
	else
		buf_puts(out, "\t\t\t\t");
	tsv_actor(out, e->source);
	tsv_actor(out, e->target);
	tsv_str(out, e->code);
	buf_putc(out, '\t');
	if (ci) {
		buf_add(out, ci->code, 2);
		buf_printf(out, "\t%d\t", ci->quad);
		tsv_num(out, ci->goldstein);
	} else {
		buf_puts(out, "\t");
		buf_putc(out, '\t');
	}
	buf_putc(out, '\t');
	for (int32_t i = 0; e->issues && i < e->nissues; i++) {
		if (i)
			buf_putc(out, ';');
		tsv_str(out, e->issues[i].code);
		buf_printf(out, ",%ld", (long)e->issues[i].count);
	}
	buf_putc(out, '\t');
	if (e->place.name) {
		tsv_num(out, e->place.lat);
		buf_putc(out, '\t');
		tsv_num(out, e->place.lon);
		buf_putc(out, '\t');
		tsv_str(out, e->place.name);
		buf_putc(out, '\t');
		tsv_str(out, e->place.admin1);
		buf_putc(out, '\t');
		tsv_str(out, e->place.country);
		buf_putc(out, '\t');
	} else {
		buf_puts(out, "\t\t\t\t\t");
	}
	tsv_str(out, e->sid);
	buf_putc(out, '\t');
	tsv_str(out, e->url);
	buf_putc(out, '\t');
	tsv_str(out, e->news_source);
	buf_putc(out, '\n');
}

/*
 * reader.c - opening inputs and reading plain text and JSON Lines
 * documents (formats.md, "Input documents"); PETRARCH XML is delegated to
 * read_xml.c. Nothing here has a line-length limit: texts and lines are
 * read whole into growable buffers.
 */
#include "reader.h"
#include "read_html.h"
#include "read_xml.h"
#include "../util/buf.h"
#include "../util/xmalloc.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

#include <jansson.h>

struct reader {
	read_format fmt;
	FILE *fp;            /* owned unless it is stdin */
	char *name;          /* owned name for messages ("<stdin>" for stdin) */
	char *base_id;       /* owned default id of a text document */
	diag *dg;            /* borrowed */
	int done;            /* text: the one document was handed out */
	char *line;          /* jsonl: owned getline buffer */
	size_t linecap;
	long lineno;         /* jsonl: lines read */
	read_xml *xml;       /* xml: the record scanner */
};

long long reader_offset(const reader *r)
{
	if (!r->fp)
		return -1;
	off_t at = ftello(r->fp);
	return at < 0 ? -1 : (long long)at;
}

/* ---------------------------------------------------------------- formats */

read_format read_format_from_name(const char *name)
{
	static const char *const names[] = {"text", "jsonl", "xml", "html"};
	static const read_format fmts[] = {READ_TEXT, READ_JSONL, READ_XML,
	                                   READ_HTML};
	for (size_t i = 0; name && i < 4; i++)
		if (strcasecmp(name, names[i]) == 0)
			return fmts[i];
	return (read_format)-1;
}

read_format read_format_guess(const char *path)
{
	if (!path || strcmp(path, "-") == 0)
		return READ_TEXT;
	const char *slash = strrchr(path, '/');
	const char *dot = strrchr(slash ? slash + 1 : path, '.');
	if (!dot)
		return READ_TEXT;
	dot++;
	if (strcasecmp(dot, "jsonl") == 0 || strcasecmp(dot, "ndjson") == 0)
		return READ_JSONL;
	if (strcasecmp(dot, "xml") == 0)
		return READ_XML;
	if (strcasecmp(dot, "html") == 0 || strcasecmp(dot, "htm") == 0)
		return READ_HTML;
	return READ_TEXT;
}

/* ------------------------------------------------------------------ open */

/* The file's base name without its last extension ("a/b.c.txt" -> "b.c"). */
static char *base_id(const char *path)
{
	const char *slash = strrchr(path, '/');
	const char *b = slash ? slash + 1 : path;
	const char *dot = strrchr(b, '.');
	size_t n = dot && dot > b ? (size_t)(dot - b) : strlen(b);
	return n ? xstrndup(b, n) : xstrdup(path);
}

reader *reader_open(const char *path, read_format fmt, diag *dg,
                    int want_parse, const char *default_id_for_stdin)
{
	int is_stdin = !path || strcmp(path, "-") == 0;
	const char *name = is_stdin ? "<stdin>" : path;
	if (fmt == READ_AUTO)
		fmt = read_format_guess(path);
	if (fmt != READ_TEXT && fmt != READ_JSONL && fmt != READ_XML &&
	    fmt != READ_HTML) {
		diag_report(dg, name, 0, "unknown input format");
		return NULL;
	}
	FILE *fp = is_stdin ? stdin : fopen(path, "rb");
	if (!fp) {
		diag_report(dg, name, 0, "cannot open: %s", strerror(errno));
		return NULL;
	}
	struct stat st;
	if (!is_stdin && fstat(fileno(fp), &st) == 0 && S_ISDIR(st.st_mode)) {
		diag_report(dg, name, 0, "cannot read: is a directory");
		fclose(fp);
		return NULL;
	}
	reader *r = xcalloc(1, sizeof *r);
	r->fmt = fmt;
	r->fp = fp;
	r->name = xstrdup(name);
	r->dg = dg;
	if (is_stdin)
		r->base_id = xstrdup(default_id_for_stdin ? default_id_for_stdin
		                                          : "stdin");
	else
		r->base_id = base_id(path);
	if (fmt == READ_XML) {
		char *dir = NULL;
		const char *slash = is_stdin ? NULL : strrchr(path, '/');
		if (slash)
			dir = xstrndup(path, slash > path ? (size_t)(slash - path) : 1);
		r->xml = read_xml_new(fp, r->name, dir, dg, want_parse);
		free(dir);
	}
	return r;
}

void reader_close(reader *r)
{
	if (!r)
		return;
	read_xml_free(r->xml);
	if (r->fp && r->fp != stdin)
		fclose(r->fp);
	free(r->line);
	free(r->name);
	free(r->base_id);
	free(r);
}

const read_env *reader_env(const reader *r)
{
	return r && r->xml ? read_xml_env(r->xml) : NULL;
}

/* ---------------------------------------------------------------- shared */

/* Replaces NUL bytes in s[0..n) by spaces; returns how many there were. */
static size_t replace_nuls(char *s, size_t n)
{
	size_t count = 0;
	char *p = s, *e = s + n;
	while ((p = memchr(p, '\0', (size_t)(e - p))) != NULL) {
		*p++ = ' ';
		count++;
	}
	return count;
}

static int all_space(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (s[i] != ' ' && s[i] != '\t' && s[i] != '\n' && s[i] != '\r' &&
		    s[i] != '\f' && s[i] != '\v')
			return 0;
	return 1;
}

/* ------------------------------------------------------------ plain text */

enum { HDR_DATE, HDR_ID, HDR_SOURCE, HDR_TITLE, HDR_URL, HDR_COUNT };
static const char *const hdr_keys[HDR_COUNT] = {"Date", "Id", "Source",
                                                "Title", "Url"};

/* The header key of the line s[0..n), or -1 when it is not "Key: ...". */
static int hdr_key(const char *s, size_t n)
{
	for (int k = 0; k < HDR_COUNT; k++) {
		size_t kl = strlen(hdr_keys[k]);
		if (n > kl && s[kl] == ':' && strncasecmp(s, hdr_keys[k], kl) == 0)
			return k;
	}
	return -1;
}

/* Length of the header at s[0..n) including its ending blank line, or 0
 * when the text does not start with one (every line up to the first
 * blank line must be a known "Key:" line). */
static size_t hdr_len(const char *s, size_t n)
{
	size_t i = 0, lines = 0;
	while (i < n) {
		const char *nl = memchr(s + i, '\n', n - i);
		size_t e = nl ? (size_t)(nl - s) : n;
		size_t le = e;
		if (le > i && s[le - 1] == '\r')
			le--;
		if (le == i) /* blank line */
			return lines ? (nl ? e + 1 : e) : 0;
		if (!nl || hdr_key(s + i, le - i) < 0)
			return 0;
		lines++;
		i = e + 1;
	}
	return 0;
}

/* Reads the whole stream into a NUL-terminated buffer. */
static int slurp(FILE *fp, buf *b)
{
	struct stat st;
	size_t hint = 1 << 16;
	if (fstat(fileno(fp), &st) == 0 && S_ISREG(st.st_mode) && st.st_size > 0)
		hint = (size_t)st.st_size + 1;
	for (;;) {
		if (b->cap - b->len < 2)
			xgrow((void **)&b->data, &b->cap, b->len + hint + 1, 1);
		size_t room = b->cap - b->len - 1;
		size_t got = fread(b->data + b->len, 1, room, fp);
		b->len += got;
		b->data[b->len] = '\0';
		if (got < room) {
			if (ferror(fp))
				return -1;
			if (feof(fp))
				return 0;
		}
		hint = b->cap; /* double */
	}
}

/* Text and HTML files are one document each: the first call reads the
 * whole stream into b (empty, owned by the caller) and returns 1; later
 * calls return 0. A read error is reported and returns -1 (b freed). */
static int slurp_once(reader *r, buf *b)
{
	if (r->done)
		return 0;
	r->done = 1;
	if (slurp(r->fp, b) != 0) {
		diag_report(r->dg, r->name, 0, "read error: %s", strerror(errno));
		buf_free(b);
		return -1;
	}
	return 1;
}

static int text_next(reader *r, doc *d)
{
	buf b = BUF_INIT;
	int got = slurp_once(r, &b);
	if (got <= 0)
		return got;
	char *s = b.data ? b.data : "";
	size_t n = b.len, off = 0;
	if (n >= 3 && memcmp(s, "\xEF\xBB\xBF", 3) == 0)
		off = 3; /* a UTF-8 byte-order mark is not text */
	size_t nuls = replace_nuls(s, n);
	if (nuls)
		diag_report(r->dg, r->name, 0, "%zu NUL byte%s replaced by spaces",
		            nuls, nuls == 1 ? "" : "s");
	size_t hl = hdr_len(s + off, n - off);
	char *hv[HDR_COUNT] = {0};
	long hline[HDR_COUNT] = {0};
	long line = 1;
	for (size_t i = off; i < off + hl; line++) {
		const char *nl = memchr(s + i, '\n', off + hl - i);
		size_t e = nl ? (size_t)(nl - s) : off + hl;
		size_t le = e > i && s[e - 1] == '\r' ? e - 1 : e;
		int k = le > i ? hdr_key(s + i, le - i) : -1;
		if (k >= 0) {
			const char *v = s + i + strlen(hdr_keys[k]) + 1;
			const char *ve = s + le;
			while (v < ve && (*v == ' ' || *v == '\t'))
				v++;
			while (ve > v && (ve[-1] == ' ' || ve[-1] == '\t'))
				ve--;
			free(hv[k]);
			hv[k] = ve > v ? xstrndup(v, (size_t)(ve - v)) : NULL;
			hline[k] = line;
		}
		i = e + 1;
	}
	off += hl;
	if (all_space(s + off, n - off)) {
		diag_report(r->dg, r->name, 0, "empty document");
		for (int k = 0; k < HDR_COUNT; k++)
			free(hv[k]);
		buf_free(&b);
		return 0;
	}
	d->file = r->name;
	d->line = 1;
	d->settings = doc_settings_default(0);
	if (hv[HDR_DATE] &&
	    doc_parse_date(hv[HDR_DATE], strlen(hv[HDR_DATE]), &d->date) != 0) {
		diag_report(r->dg, r->name, hline[HDR_DATE], "bad date \"%s\" "
		            "(expected YYYY-MM-DD or YYYYMMDD)", hv[HDR_DATE]);
		d->date = 0;
	}
	free(hv[HDR_DATE]);
	d->id = hv[HDR_ID] ? hv[HDR_ID] : xstrdup(r->base_id);
	d->source = hv[HDR_SOURCE];
	d->title = hv[HDR_TITLE];
	d->url = hv[HDR_URL];
	d->text_base = off;
	d->len = n - off;
	if (off == 0) {
		d->text = buf_steal(&b);
	} else {
		d->text = xstrndup(s + off, n - off);
		buf_free(&b);
	}
	return 1;
}

/* ------------------------------------------------------------ JSON Lines */

/* A copy of member key if it is a string; *bad = 1 when present but not a
 * string (null counts as absent). */
static char *json_member(json_t *o, const char *key, int *bad)
{
	json_t *v = json_object_get(o, key);
	*bad = 0;
	if (!v || json_is_null(v))
		return NULL;
	if (!json_is_string(v)) {
		*bad = 1;
		return NULL;
	}
	return xstrndup(json_string_value(v), json_string_length(v));
}

/* Fills d from the object on line r->lineno; 0, or -1 after reporting. */
static int jsonl_fill(reader *r, json_t *o, doc *d)
{
	static const char *const opt[3] = {"title", "source", "url"};
	long ln = r->lineno;
	int bad;
	d->id = json_member(o, "id", &bad);
	if (!d->id || !d->id[0] || strlen(d->id) != json_string_length(
	                               json_object_get(o, "id"))) {
		diag_report(r->dg, r->name, ln, "%s (skipped)",
		            bad ? "\"id\" is not a string"
		                : d->id ? "bad \"id\"" : "no \"id\"");
		return -1;
	}
	json_t *t = json_object_get(o, "text");
	if (!t || !json_is_string(t)) {
		diag_report(r->dg, r->name, ln, "%s (skipped)",
		            t && !json_is_null(t) ? "\"text\" is not a string"
		                                  : "no \"text\"");
		return -1;
	}
	d->len = json_string_length(t);
	d->text = xstrndup(json_string_value(t), d->len);
	size_t nuls = replace_nuls(d->text, d->len);
	if (nuls)
		diag_report(r->dg, r->name, ln, "%zu NUL byte%s in \"text\" "
		            "replaced by spaces", nuls, nuls == 1 ? "" : "s");
	char *date = json_member(o, "date", &bad);
	if (bad || (date && doc_parse_date(date, strlen(date), &d->date) != 0)) {
		diag_report(r->dg, r->name, ln, "bad \"date\"%s%s%s (expected "
		            "YYYY-MM-DD)", date ? " \"" : "", date ? date : "",
		            date ? "\"" : "");
		d->date = 0;
	}
	free(date);
	char **slot[3] = {&d->title, &d->source, &d->url};
	for (int i = 0; i < 3; i++) {
		*slot[i] = json_member(o, opt[i], &bad);
		if (bad)
			diag_report(r->dg, r->name, ln, "\"%s\" is not a string "
			            "(ignored)", opt[i]);
	}
	d->file = r->name;
	d->line = ln;
	d->settings = doc_settings_default(0);
	return 0;
}

static int jsonl_next(reader *r, doc *d)
{
	for (;;) {
		errno = 0;
		ssize_t n = getline(&r->line, &r->linecap, r->fp);
		if (n < 0) {
			if (ferror(r->fp)) {
				diag_report(r->dg, r->name, r->lineno + 1,
				            "read error: %s", strerror(errno));
				return -1;
			}
			return 0;
		}
		r->lineno++;
		if (all_space(r->line, (size_t)n))
			continue;
		json_error_t err;
		json_t *o = json_loadb(r->line, (size_t)n,
		                       JSON_ALLOW_NUL | JSON_REJECT_DUPLICATES, &err);
		if (!o) {
			diag_report(r->dg, r->name, r->lineno, "not valid JSON: %s "
			            "(skipped)", err.text);
			continue;
		}
		if (!json_is_object(o)) {
			diag_report(r->dg, r->name, r->lineno, "not a JSON object "
			            "(skipped)");
			json_decref(o);
			continue;
		}
		int rc = jsonl_fill(r, o, d);
		json_decref(o);
		if (rc == 0)
			return 1;
		doc_clear(d);
	}
}

/* ------------------------------------------------------------------ HTML */

/* The whole page is one document: its extracted article (read_html.c). */
static int html_next(reader *r, doc *d)
{
	buf b = BUF_INIT;
	int got = slurp_once(r, &b);
	if (got <= 0)
		return got;
	int rc = read_html_doc(b.data ? b.data : "", b.len, r->name,
	                       r->base_id, r->dg, d);
	buf_free(&b);
	return rc;
}

/* ------------------------------------------------------------------- next */

int reader_next(reader *r, doc *d)
{
	switch (r->fmt) {
	case READ_TEXT:
		return text_next(r, d);
	case READ_JSONL:
		return jsonl_next(r, d);
	case READ_XML:
		return read_xml_next(r->xml, d);
	case READ_HTML:
		return html_next(r, d);
	default:
		return 0;
	}
}

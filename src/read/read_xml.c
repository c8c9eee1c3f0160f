/*
 * read_xml.c - PETRARCH XML records, streamed: a buffered scanner walks the
 * file once, skipping comments, applying <Config> elements and noting the
 * <Environment> files between records; each <Sentence>..</Sentence> span is
 * parsed alone with libxml2, so memory is bounded by the largest record.
 */
#include "read_xml.h"
#include "../util/buf.h"
#include "../util/xmalloc.h"

#include <limits.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>

#define NOPOS UINT64_MAX

enum { XML_CHUNK = 1 << 18 };

struct read_xml {
	FILE *fp;          /* borrowed input */
	const char *name;  /* borrowed file name for messages */
	char *dir;         /* owned folder for <Environment> paths, or NULL */
	diag *dg;          /* borrowed */
	int want_parse;    /* keep <Parse> */

	/* The window: b[0..len) holds the file's bytes [base, base + len).
	 * All positions below are absolute file offsets. */
	char *b;           /* owned */
	size_t len, cap;
	uint64_t base;
	uint64_t keep;     /* bytes before this may be dropped on refill */
	uint64_t pos;      /* where scanning resumes */
	uint64_t lpos;     /* offset whose line number is `line` */
	long line;         /* 1-based */
	int eof, ioerr;

	doc_settings settings; /* <Config> state, in force for what follows */
	unsigned set;          /* DOC_SET_* bits changed by <Config> */
	read_env env;          /* owned paths */
	int have_env;          /* an <Environment> or one of its files seen */
	char *encoding;        /* owned, from <?xml encoding=?>, or NULL */
	xmlParserCtxtPtr ctxt; /* reused for every record */
	char errmsg[200];      /* the record's first XML error, or "" */
	int errline;           /* its line within the record */
	buf tmp;               /* a record with bare '&' escaped */
};

/* ------------------------------------------------------------- window */

static char *at(const read_xml *x, uint64_t abs)
{
	return x->b + (abs - x->base);
}

static uint64_t wend(const read_xml *x)
{
	return x->base + x->len;
}

/* Counts lines up to abs (within the window), moving the line mark. */
static long line_at(read_xml *x, uint64_t abs)
{
	const char *p = at(x, x->lpos < abs ? x->lpos : abs);
	const char *e = at(x, x->lpos < abs ? abs : x->lpos);
	long n = 0;
	while ((p = memchr(p, '\n', (size_t)(e - p))) != NULL) {
		n++;
		p++;
	}
	x->line += x->lpos < abs ? n : -n;
	x->lpos = abs;
	return x->line;
}

/* Reads the next chunk, first dropping bytes before keep when they are at
 * least half the window. Returns the bytes read, 0 at the end or on error
 * (which sets ioerr). Pointers into the window are invalid afterwards. */
static size_t fill(read_xml *x)
{
	if (x->eof)
		return 0;
	size_t drop = (size_t)(x->keep - x->base);
	if (drop > 0 && drop >= x->len / 2) {
		if (x->lpos < x->keep)
			line_at(x, x->keep);
		memmove(x->b, x->b + drop, x->len - drop);
		x->len -= drop;
		x->base += drop;
	}
	if (x->cap - x->len < XML_CHUNK + 1)
		xgrow((void **)&x->b, &x->cap, x->len + XML_CHUNK + 1, 1);
	size_t n = fread(x->b + x->len, 1, XML_CHUNK, x->fp);
	x->len += n;
	x->b[x->len] = '\0';
	if (n == 0) {
		x->eof = 1;
		if (ferror(x->fp))
			x->ioerr = 1;
	}
	return n;
}

/* True when the n bytes at abs are in the window (reading as needed). */
static int avail(read_xml *x, uint64_t abs, size_t n)
{
	while (wend(x) < abs + n)
		if (!fill(x))
			return 0;
	return 1;
}

static uint64_t find_byte(read_xml *x, uint64_t from, char c)
{
	for (;;) {
		if (from < wend(x)) {
			const char *p = memchr(at(x, from), c,
			                       (size_t)(wend(x) - from));
			if (p)
				return x->base + (uint64_t)(p - x->b);
			from = wend(x);
		}
		if (!fill(x))
			return NOPOS;
	}
}

/* memmem, which is a GNU extension: the first s[0..n) in h[0..hn). */
static const char *find_mem(const char *h, size_t hn, const char *s, size_t n)
{
	const char *e = h + hn;
	while (h + n <= e) {
		const char *p = memchr(h, s[0], (size_t)(e - h) - n + 1);
		if (!p)
			return NULL;
		if (memcmp(p, s, n) == 0)
			return p;
		h = p + 1;
	}
	return NULL;
}

static uint64_t find_str(read_xml *x, uint64_t from, const char *s)
{
	size_t n = strlen(s);
	for (;;) {
		if (from + n <= wend(x)) {
			const char *p = find_mem(at(x, from),
			                       (size_t)(wend(x) - from), s, n);
			if (p)
				return x->base + (uint64_t)(p - x->b);
			from = wend(x) - (n - 1);
		}
		if (!fill(x))
			return NOPOS;
	}
}

static int starts(read_xml *x, uint64_t abs, const char *s)
{
	size_t n = strlen(s);
	return avail(x, abs, n) && memcmp(at(x, abs), s, n) == 0;
}

static int is_delim(char c)
{
	return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '>' ||
	       c == '/';
}

/* True when a tag "<name" (name may start with '/') begins at abs. */
static int is_tag(read_xml *x, uint64_t abs, const char *name)
{
	size_t n = strlen(name);
	if (!avail(x, abs, n + 2))
		return 0;
	const char *p = at(x, abs);
	return p[0] == '<' && memcmp(p + 1, name, n) == 0 && is_delim(p[n + 1]);
}

/* The '>' ending the tag that starts at abs (quotes respected), or NOPOS
 * when the input ends or a '<' comes first. */
static uint64_t tag_end(read_xml *x, uint64_t abs)
{
	char quote = 0;
	for (uint64_t q = abs + 1;; q++) {
		if (!avail(x, q, 1))
			return NOPOS;
		char c = *at(x, q);
		if (quote) {
			if (c == quote)
				quote = 0;
		} else if (c == '"' || c == '\'') {
			quote = c;
		} else if (c == '>') {
			return q;
		} else if (c == '<') {
			return NOPOS;
		}
	}
}

/* ------------------------------------------------------- small helpers */

static int is_space(char c)
{
	return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

static void trim(const char **s, size_t *n)
{
	while (*n && is_space(**s)) {
		(*s)++;
		(*n)--;
	}
	while (*n && is_space((*s)[*n - 1]))
		(*n)--;
}

/* Finds attribute `name` in the attribute text s[0..n) of a start tag
 * (spaces allowed around '=', single or double quotes). Returns 1 and its
 * raw value, 0 when absent, -1 when the attributes are malformed. */
static int attr_get(const char *s, size_t n, const char *name,
                    const char **val, size_t *vlen)
{
	size_t i = 0, want = strlen(name);
	int found = 0;
	for (;;) {
		while (i < n && is_space(s[i]))
			i++;
		if (i < n && (s[i] == '/' || s[i] == '?'))
			i++; /* "/>" and "?>" endings */
		while (i < n && is_space(s[i]))
			i++;
		if (i >= n)
			return found;
		size_t k = i;
		while (i < n && !is_space(s[i]) && s[i] != '=')
			i++;
		size_t klen = i - k;
		while (i < n && is_space(s[i]))
			i++;
		if (klen == 0 || i >= n || s[i] != '=')
			return -1;
		i++;
		while (i < n && is_space(s[i]))
			i++;
		if (i >= n || (s[i] != '"' && s[i] != '\''))
			return -1;
		char q = s[i++];
		size_t v = i;
		while (i < n && s[i] != q)
			i++;
		if (i >= n)
			return -1;
		if (!found && klen == want && memcmp(s + k, name, want) == 0) {
			*val = s + v;
			*vlen = i - v;
			found = 1;
		}
		i++;
	}
}

static int contains_ci(const char *s, size_t n, const char *w)
{
	size_t m = strlen(w);
	for (size_t i = 0; i + m <= n; i++)
		if (strncasecmp(s + i, w, m) == 0)
			return 1;
	return 0;
}

/* ------------------------------------------------------- between records */

static const struct {
	const char *name;
	unsigned bit;
	size_t off;
} config_ints[] = {
	{"new_actor_length", DOC_SET_NEW_ACTOR_LENGTH,
	 offsetof(doc_settings, new_actor_length)},
	{"comma_min", DOC_SET_COMMA_MIN, offsetof(doc_settings, comma_min)},
	{"comma_max", DOC_SET_COMMA_MAX, offsetof(doc_settings, comma_max)},
	{"comma_bmin", DOC_SET_COMMA_BMIN, offsetof(doc_settings, comma_bmin)},
	{"comma_bmax", DOC_SET_COMMA_BMAX, offsetof(doc_settings, comma_bmax)},
	{"comma_emin", DOC_SET_COMMA_EMIN, offsetof(doc_settings, comma_emin)},
	{"comma_emax", DOC_SET_COMMA_EMAX, offsetof(doc_settings, comma_emax)},
};

/* PETRARCH options that do not change coding: accepted silently. */
static const char *const config_ignored[] = {
	"stop_on_error", "code_by_sentence", "pause_by_sentence",
	"pause_by_story", "write_actor_root", "write_actor_text",
	"write_event_text",
};

/* Applies option=value of a <Config> tag (attribute text s[0..n)). */
static void config_apply(read_xml *x, long line, const char *s, size_t n)
{
	const char *opt, *val;
	size_t olen, vlen;
	int ro = attr_get(s, n, "option", &opt, &olen);
	int rv = attr_get(s, n, "value", &val, &vlen);
	if (ro < 0 || rv < 0) {
		diag_report(x->dg, x->name, line, "bad <Config> attributes "
		            "(ignored)");
		return;
	}
	if (ro == 0 || rv == 0) {
		diag_report(x->dg, x->name, line, "<Config> without %s "
		            "(ignored)", ro == 0 ? "option" : "value");
		return;
	}
	trim(&opt, &olen);
	trim(&val, &vlen);
	if (olen == strlen("require_dyad") &&
	    strncasecmp(opt, "require_dyad", olen) == 0) {
		/* PETRARCH: false only when the value says "false". */
		x->settings.require_dyad = !contains_ci(val, vlen, "false");
		x->set |= DOC_SET_REQUIRE_DYAD;
		return;
	}
	for (size_t i = 0; i < sizeof config_ints / sizeof *config_ints; i++) {
		if (olen != strlen(config_ints[i].name) ||
		    strncasecmp(opt, config_ints[i].name, olen) != 0)
			continue;
		long v = 0;
		size_t k = 0;
		for (; k < vlen && val[k] >= '0' && val[k] <= '9' && v < 100000; k++)
			v = v * 10 + (val[k] - '0');
		if (vlen == 0 || k != vlen || v > 10000) {
			diag_report(x->dg, x->name, line, "bad <Config> value "
			            "\"%.*s\" for %s (ignored)", (int)vlen, val,
			            config_ints[i].name);
			return;
		}
		*(int *)((char *)&x->settings + config_ints[i].off) = (int)v;
		x->set |= config_ints[i].bit;
		return;
	}
	for (size_t i = 0; i < sizeof config_ignored / sizeof *config_ignored; i++)
		if (olen == strlen(config_ignored[i]) &&
		    strncasecmp(opt, config_ignored[i], olen) == 0)
			return;
	diag_report(x->dg, x->name, line, "unknown <Config> option \"%.*s\" "
	            "(ignored)", (int)olen, opt);
}

/* <Config ...>: applies it; scanning resumes after the tag. */
static void on_config(read_xml *x, uint64_t p)
{
	long line = line_at(x, p);
	uint64_t gt = tag_end(x, p);
	if (gt == NOPOS) {
		diag_report(x->dg, x->name, line, "unterminated <Config> tag");
		x->pos = p + 1;
		return;
	}
	size_t skip = strlen("<Config");
	config_apply(x, line, at(x, p + skip), (size_t)(gt - p - skip));
	x->pos = gt + 1;
}

/* <Verbfile>name</Verbfile> and its kin: notes the path. */
static void on_env_file(read_xml *x, uint64_t p, const char *tag,
                        char **slot)
{
	long line = line_at(x, p);
	uint64_t gt = tag_end(x, p);
	uint64_t lt = gt == NOPOS ? NOPOS : find_byte(x, gt + 1, '<');
	if (lt == NOPOS) {
		diag_report(x->dg, x->name, line, "unterminated <%s>", tag);
		x->pos = p + 1;
		return;
	}
	const char *s = at(x, gt + 1);
	size_t n = (size_t)(lt - gt - 1);
	trim(&s, &n);
	x->have_env = 1;
	free(*slot);
	if (n == 0) {
		*slot = NULL;
	} else if (s[0] == '/' || !x->dir) {
		*slot = xstrndup(s, n);
	} else {
		buf path = BUF_INIT;
		buf_printf(&path, "%s/%.*s", x->dir, (int)n, s);
		*slot = buf_steal(&path);
	}
	x->pos = lt;
}

/* <?xml ... encoding="..."?>: records are parsed in that encoding. */
static void on_decl(read_xml *x, uint64_t p)
{
	uint64_t e = find_str(x, p + 5, "?>");
	if (e == NOPOS) {
		x->pos = p + 1;
		return;
	}
	const char *v;
	size_t vn;
	if (attr_get(at(x, p + 5), (size_t)(e - p - 5), "encoding", &v, &vn) == 1 &&
	    !(vn == 5 && strncasecmp(v, "utf-8", 5) == 0)) {
		free(x->encoding);
		x->encoding = xstrndup(v, vn);
	}
	x->pos = e + 2;
}

/* --------------------------------------------------------------- records */

/* A NUL-terminated, trimmed, malloc'ed copy of an attribute, or NULL. */
static char *prop_dup(xmlNodePtr n, const char *name)
{
	xmlChar *v = xmlGetProp(n, (const xmlChar *)name);
	if (!v)
		return NULL;
	const char *s = (const char *)v;
	size_t len = strlen(s);
	trim(&s, &len);
	char *r = xstrndup(s, len);
	xmlFree(v);
	return r;
}

static int prop_true(xmlNodePtr n, const char *name)
{
	char *v = prop_dup(n, name);
	int t = v && strcasecmp(v, "true") == 0;
	free(v);
	return t;
}

/* Trimmed copy of an element's text; *lead = white bytes trimmed before. */
static char *content_dup(xmlNodePtr n, size_t *len, size_t *lead)
{
	xmlChar *v = xmlNodeGetContent(n);
	const char *s = v ? (const char *)v : "";
	size_t l = strlen(s);
	const char *t = s;
	trim(&t, &l);
	if (lead)
		*lead = (size_t)(t - s);
	char *r = xstrndup(t, l);
	*len = l;
	xmlFree(v);
	return r;
}

/* The record's bytes with every '&' that does not start an entity or
 * character reference written as "&amp;" (news text has "AT&T"); returns
 * the record itself when there is none. */
static const char *escape_amps(read_xml *x, const char *s, size_t n,
                               size_t *out_n)
{
	const char *amp = memchr(s, '&', n);
	if (!amp) {
		*out_n = n;
		return s;
	}
	buf_clear(&x->tmp);
	size_t run = 0;
	for (size_t i = (size_t)(amp - s); i < n; i++) {
		if (s[i] != '&')
			continue;
		size_t j = i + 1;
		if (j < n && s[j] == '#') {
			j++;
			int hex = j < n && s[j] == 'x';
			j += (size_t)hex;
			size_t d = j;
			while (j < n && (hex ? strchr("0123456789abcdefABCDEF", s[j])
			                     : strchr("0123456789", s[j])) && s[j])
				j++;
			if (j > d && j < n && s[j] == ';')
				continue;
		} else {
			size_t d = j;
			while (j < n && ((s[j] >= 'a' && s[j] <= 'z') ||
			                 (s[j] >= 'A' && s[j] <= 'Z') ||
			                 (j > d && s[j] >= '0' && s[j] <= '9')))
				j++;
			if (j > d && j < n && s[j] == ';')
				continue;
		}
		buf_add(&x->tmp, s + run, i + 1 - run);
		buf_puts(&x->tmp, "amp;");
		run = i + 1;
	}
	if (run == 0) {
		*out_n = n;
		return s;
	}
	buf_add(&x->tmp, s + run, n - run);
	*out_n = x->tmp.len;
	return x->tmp.data;
}

/* Fills d from a parsed record; 0, or -1 after reporting why it is
 * skipped (d is then cleared). */
static int record_fill(read_xml *x, xmlDocPtr xd, long line,
                       uint64_t text_at, doc *d)
{
	xmlNodePtr root = xmlDocGetRootElement(xd);
	char *date = NULL;
	d->file = x->name;
	d->line = line;
	d->one_sentence = 1;
	d->settings = x->settings;
	d->set = x->set;
	d->id = prop_dup(root, "id");
	if (!d->id || !d->id[0]) {
		diag_report(x->dg, x->name, line, "<Sentence> without id "
		            "(skipped)");
		goto fail;
	}
	date = prop_dup(root, "date");
	if (date && date[0] &&
	    doc_parse_date(date, strlen(date), &d->date) != 0) {
		diag_report(x->dg, x->name, line, "%s: bad date \"%s\" "
		            "(skipped)", d->id, date);
		goto fail;
	}
	d->category = prop_dup(root, "category");
	d->source = prop_dup(root, "source");
	d->noevents = prop_true(root, "noevents");
	size_t cut = strlen(d->id);
	while (cut > 0 && d->id[cut - 1] != '_' && d->id[cut - 1] != '-')
		cut--;
	d->story = xstrndup(d->id, cut > 1 ? cut - 1 : strlen(d->id));

	int has_text = 0, ngold = 0;
	for (xmlNodePtr c = root->children; c; c = c->next)
		if (c->type == XML_ELEMENT_NODE &&
		    strcmp((const char *)c->name, "EventCoding") == 0)
			ngold++;
	if (ngold)
		d->gold = xcalloc((size_t)ngold, sizeof *d->gold);
	for (xmlNodePtr c = root->children; c; c = c->next) {
		if (c->type != XML_ELEMENT_NODE)
			continue;
		const char *name = (const char *)c->name;
		if (strcmp(name, "Text") == 0 && !has_text) {
			size_t lead;
			d->text = content_dup(c, &d->len, &lead);
			d->text_base = text_at == NOPOS ? 0 : (size_t)(text_at + lead);
			has_text = 1;
		} else if (strcmp(name, "Parse") == 0 && x->want_parse &&
		           !d->parse) {
			size_t n;
			d->parse = content_dup(c, &n, NULL);
		} else if (strcmp(name, "EventCoding") == 0) {
			if (prop_true(c, "noevents"))
				d->noevents = 1;
			char *code = prop_dup(c, "eventcode");
			char *src = prop_dup(c, "sourcecode");
			char *tgt = prop_dup(c, "targetcode");
			if (code || src || tgt) {
				doc_gold *g = &d->gold[d->ngold++];
				g->code = code ? code : xstrdup("");
				g->source = src ? src : xstrdup("");
				g->target = tgt ? tgt : xstrdup("");
			}
		}
	}
	if (!has_text) {
		diag_report(x->dg, x->name, line, "%s: no <Text> (skipped)",
		            d->id);
		goto fail;
	}
	free(date);
	return 0;
fail:
	free(date);
	doc_clear(d);
	return -1;
}

/* The record starting at p. Returns 1 with d filled, 0 when it was
 * skipped (reported); x->pos is past it either way. */
static int on_record(read_xml *x, uint64_t p, doc *d)
{
	long line = line_at(x, p);
	uint64_t q = p + 1, end = NOPOS, next = NOPOS, text_tag = NOPOS;
	for (;;) {
		q = find_byte(x, q, '<');
		if (q == NOPOS)
			break;
		if (starts(x, q, "<!--")) {
			q = find_str(x, q + 4, "-->");
			if (q == NOPOS)
				break;
			q += 3;
			continue;
		}
		if (starts(x, q, "<![CDATA[")) {
			q = find_str(x, q + 9, "]]>");
			if (q == NOPOS)
				break;
			q += 3;
			continue;
		}
		if (is_tag(x, q, "/Sentence")) {
			uint64_t gt = tag_end(x, q);
			if (gt != NOPOS)
				end = gt + 1;
			else
				next = q + 1;
			break;
		}
		if (is_tag(x, q, "Sentence") || is_tag(x, q, "/Sentences")) {
			next = q;
			break;
		}
		if (text_tag == NOPOS && is_tag(x, q, "Text"))
			text_tag = q;
		q++;
	}
	if (end == NOPOS) {
		diag_report(x->dg, x->name, line, "unterminated <Sentence> "
		            "(skipped)");
		x->pos = next != NOPOS ? next : wend(x);
		return 0;
	}
	x->pos = end;

	uint64_t text_at = NOPOS;
	if (text_tag != NOPOS) {
		const char *t = at(x, text_tag);
		const char *gt = memchr(t, '>', (size_t)(end - text_tag));
		if (gt)
			text_at = text_tag + (uint64_t)(gt - t) + 1;
	}
	size_t n;
	const char *s = escape_amps(x, at(x, p), (size_t)(end - p), &n);
	if (n > INT_MAX) {
		diag_report(x->dg, x->name, line, "record larger than 2 GB "
		            "(skipped)");
		return 0;
	}
	x->errmsg[0] = '\0';
	x->errline = 0;
	xmlDocPtr xd = xmlCtxtReadMemory(x->ctxt, s, (int)n, NULL, x->encoding,
	                                 XML_PARSE_NONET | XML_PARSE_NOERROR |
	                                 XML_PARSE_NOWARNING | XML_PARSE_HUGE);
	if (!xd) {
		long el = x->errline > 0 ? line + x->errline - 1 : line;
		diag_report(x->dg, x->name, el, "bad <Sentence> record: %s "
		            "(skipped)", x->errmsg[0] ? x->errmsg : "not XML");
		return 0;
	}
	int rc = record_fill(x, xd, line, text_at, d);
	xmlFreeDoc(xd);
	return rc == 0;
}

/* libxml2 error callback: keeps the first error of a record (the later
 * ones are consequences of it). */
static void on_xml_error(void *ctx, xmlErrorPtr err)
{
	xmlParserCtxtPtr ctxt = ctx;
	read_xml *x = ctxt ? ctxt->_private : NULL;
	if (!x || !err || x->errmsg[0])
		return;
	const char *m = err->message ? err->message : "not XML";
	size_t n = strlen(m);
	while (n && is_space(m[n - 1]))
		n--;
	if (n >= sizeof x->errmsg)
		n = sizeof x->errmsg - 1;
	memcpy(x->errmsg, m, n);
	x->errmsg[n] = '\0';
	x->errline = err->line;
}

/* ------------------------------------------------------------------ API */

read_xml *read_xml_new(FILE *fp, const char *name, const char *dir,
                       diag *dg, int want_parse)
{
	xmlInitParser();
	read_xml *x = xcalloc(1, sizeof *x);
	x->fp = fp;
	x->name = name;
	x->dir = dir ? xstrdup(dir) : NULL;
	x->dg = dg;
	x->want_parse = want_parse;
	x->line = 1;
	x->settings = doc_settings_default(1);
	x->ctxt = xmlNewParserCtxt();
	if (!x->ctxt) {
		fprintf(stderr, "dyad: out of memory\n");
		abort();
	}
	/* Errors come to on_xml_error (first one kept), never to stderr. */
	x->ctxt->_private = x;
	x->ctxt->sax->serror = on_xml_error;
	return x;
}

int read_xml_next(read_xml *x, doc *d)
{
	static const struct {
		const char *tag;
		size_t off;
	} env_files[] = {
		{"Verbfile", offsetof(read_env, verbfile)},
		{"Actorfile", offsetof(read_env, actorfile)},
		{"Agentfile", offsetof(read_env, agentfile)},
		{"Discardfile", offsetof(read_env, discardfile)},
	};
	for (;;) {
		x->keep = x->pos;
		uint64_t p = find_byte(x, x->pos, '<');
		if (p == NOPOS)
			break;
		x->keep = p;
		if (starts(x, p, "<!--")) {
			uint64_t e = find_str(x, p + 4, "-->");
			if (e == NOPOS) {
				diag_report(x->dg, x->name, line_at(x, p),
				            "unterminated comment");
				break;
			}
			x->pos = e + 3;
		} else if (is_tag(x, p, "Sentence")) {
			if (on_record(x, p, d))
				return 1;
		} else if (is_tag(x, p, "Config")) {
			on_config(x, p);
		} else if (is_tag(x, p, "Environment")) {
			x->have_env = 1;
			x->pos = p + 1;
		} else if (is_tag(x, p, "?xml")) {
			on_decl(x, p);
		} else {
			x->pos = p + 1;
			for (size_t i = 0; i < 4; i++)
				if (is_tag(x, p, env_files[i].tag)) {
					on_env_file(x, p, env_files[i].tag,
					            (char **)((char *)&x->env +
					                      env_files[i].off));
					break;
				}
		}
	}
	x->pos = wend(x);
	if (x->ioerr) {
		diag_report(x->dg, x->name, 0, "read error");
		x->ioerr = 0;
		return -1;
	}
	return 0;
}

const read_env *read_xml_env(const read_xml *x)
{
	return x && x->have_env ? &x->env : NULL;
}

void read_xml_free(read_xml *x)
{
	if (!x)
		return;
	if (x->ctxt)
		xmlFreeParserCtxt(x->ctxt);
	free(x->env.verbfile);
	free(x->env.actorfile);
	free(x->env.agentfile);
	free(x->env.discardfile);
	free(x->encoding);
	free(x->dir);
	free(x->b);
	buf_free(&x->tmp);
	free(x);
}

/*
 * read_html.c - a saved news page to a document (see read_html.h).
 * libgumbo builds the HTML5 tree; one walk reads the metadata of every
 * element, a second collects the text blocks (runs of text between
 * block-level tags) outside page furniture and scores the elements around
 * them by their text, as Readability does; the body is the best
 * <article>, else the best-scored element and its well-scored siblings.
 * Nothing recurses over the tree: walks keep their own stacks, and
 * gumbo's memory is a tracked list freed in one loop.
 */
#include "read_html.h"
#include "../util/buf.h"
#include "../util/xmalloc.h"

#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <gumbo.h>
#include <jansson.h>

/* ------------------------------------------------------ gumbo's memory */

/* Every block gumbo asks for, on a list: the whole tree is freed by
 * walking the list, never by gumbo's recursive destroy. */
typedef union ghdr {
	struct {
		union ghdr *prev, *next;
	} l;
	max_align_t align;
} ghdr;

typedef struct galloc {
	ghdr *head; /* most recent block first */
} galloc;

static void *g_alloc(void *ud, size_t n)
{
	galloc *g = ud;
	ghdr *h = xmalloc(sizeof *h + n);
	h->l.prev = NULL;
	h->l.next = g->head;
	if (g->head)
		g->head->l.prev = h;
	g->head = h;
	return h + 1;
}

static void g_free(void *ud, void *p)
{
	galloc *g = ud;
	if (!p)
		return;
	ghdr *h = (ghdr *)p - 1;
	if (h->l.prev)
		h->l.prev->l.next = h->l.next;
	else
		g->head = h->l.next;
	if (h->l.next)
		h->l.next->l.prev = h->l.prev;
	free(h);
}

static void g_release(galloc *g)
{
	ghdr *h = g->head;
	while (h) {
		ghdr *next = h->l.next;
		free(h);
		h = next;
	}
	g->head = NULL;
}

/* ---------------------------------------------------------- depth guard */

/* Parsing cost grows with nesting (HTML5 scope checks walk the stack of
 * open elements), so a page nested absurdly deep would take minutes: tags
 * deeper than this are blanked out before parsing, their text kept.
 * Real pages stay well under a hundred levels. */
#define HTML_DEPTH_MAX 400

static int lower(int c)
{
	return c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c;
}

static int name_is(const char *s, size_t n, const char *const *names)
{
	for (; *names; names++)
		if (strlen(*names) == n && strncasecmp(s, *names, n) == 0)
			return 1;
	return 0;
}

/* Tags that never hold content, or that usually close themselves. */
static const char *const no_depth[] = {
	"area", "base", "basefont", "bgsound", "br", "col", "colgroup",
	"command", "dd", "dt", "embed", "frame", "hr", "img", "input", "keygen",
	"li", "link", "meta", "optgroup", "option", "p", "param", "rb", "rp",
	"rt", "rtc", "source", "tbody", "td", "tfoot", "th", "thead", "tr",
	"track", "wbr", "html", "head", "body", "image", NULL};

/* Elements whose contents are raw text, not markup. */
static const char *const raw_text[] = {
	"script", "style", "textarea", "title", "xmp", "iframe", "noembed",
	"noframes", "noscript", "plaintext", NULL};

/* Where the tag starting at s[i] ('<') ends (just past its '>'), with a
 * quoted attribute value able to hold '>'. */
static size_t tag_end(const char *s, size_t n, size_t i)
{
	char q = 0, prev = 0;
	for (i++; i < n; i++) {
		char c = s[i];
		if (q) {
			if (c == q)
				q = 0;
		} else if (c == '>') {
			return i + 1;
		} else if ((c == '"' || c == '\'') && prev == '=') {
			q = c;
		}
		if (c != ' ' && c != '\t' && c != '\n' && c != '\r')
			prev = c;
	}
	return n;
}

/* Finds "</name" (any case) from i; n when absent. */
static size_t find_close(const char *s, size_t n, size_t i, const char *name,
                         size_t len)
{
	for (; i + 2 + len <= n; i++) {
		const char *p = memchr(s + i, '<', n - i);
		if (!p)
			return n;
		i = (size_t)(p - s);
		if (i + 2 + len <= n && s[i + 1] == '/' &&
		    strncasecmp(s + i + 2, name, len) == 0)
			return i;
	}
	return n;
}

/* Scans the page's tags, counting nesting; with out != NULL (a copy of
 * s) blanks the tags deeper than HTML_DEPTH_MAX. Returns the deepest
 * nesting seen (before blanking). */
static size_t depth_scan(const char *s, size_t n, char *out)
{
	size_t depth = 0, deepest = 0, i = 0;
	while (i < n) {
		const char *p = memchr(s + i, '<', n - i);
		if (!p)
			break;
		i = (size_t)(p - s);
		if (n - i >= 4 && memcmp(s + i, "<!--", 4) == 0) {
			const char *e = NULL;
			for (size_t k = i + 4; k + 3 <= n && !e; k++) {
				const char *d = memchr(s + k, '-', n - k);
				if (!d)
					break;
				k = (size_t)(d - s);
				if (k + 3 <= n && memcmp(d, "-->", 3) == 0)
					e = d;
			}
			i = e ? (size_t)(e - s) + 3 : n;
			continue;
		}
		int close = i + 1 < n && s[i + 1] == '/';
		size_t ns = i + 1 + (size_t)close, ne = ns;
		while (ne < n && ((lower(s[ne]) >= 'a' && lower(s[ne]) <= 'z') ||
		                  (s[ne] >= '0' && s[ne] <= '9') || s[ne] == '-'))
			ne++;
		if (ne == ns || !((lower(s[ns]) >= 'a' && lower(s[ns]) <= 'z'))) {
			i += 1; /* "<!doctype", "< 5", a stray '<' */
			continue;
		}
		size_t end = tag_end(s, n, i);
		if (name_is(s + ns, ne - ns, no_depth)) {
			i = end;
			continue;
		}
		int blank;
		if (close) {
			blank = depth > HTML_DEPTH_MAX;
			if (depth)
				depth--;
		} else {
			depth++;
			if (depth > deepest)
				deepest = depth;
			blank = depth > HTML_DEPTH_MAX;
		}
		if (blank && out)
			memset(out + i, ' ', end - i);
		/* Raw text is skipped up to its end tag, which is read next. */
		if (!close && name_is(s + ns, ne - ns, raw_text))
			i = find_close(s, n, end, s + ns, ne - ns);
		else
			i = end;
	}
	return deepest;
}

/* --------------------------------------------------------------- state */

/* An element on the walk's stack. */
typedef struct hframe {
	GumboNode *node;
	unsigned next;        /* next child to visit */
	int cand;             /* index into hx.cands, -1 if none yet */
	unsigned pre;         /* preorder number */
	unsigned char block;  /* block-level: text around it is separate */
	unsigned char plike;  /* paragraph-like: its text scores its parent */
	unsigned char link;   /* an <a>: its text is link text */
	unsigned char article;/* an <article> or itemprop=articleBody */
	unsigned char heading;/* h1-h6 */
} hframe;

/* A run of text between block-level boundaries. */
typedef struct hblock {
	size_t off, len;  /* in hx.text */
	size_t link;      /* bytes of it inside links */
	unsigned owner;   /* preorder number of its nearest block element */
	GumboNode *node;  /* that element */
	int plike;        /* it is paragraph-like (p, li, blockquote...) */
	int heading;      /* inside h1-h6 or an article's <header> */
} hblock;

/* An element whose paragraphs may be the body. */
typedef struct hcand {
	GumboNode *node;
	unsigned pre, end; /* its subtree's preorder numbers: [pre, end) */
	size_t score;      /* text of blocks directly in it, half of those a
	                      level below */
	size_t good;       /* text of all good blocks inside it */
	int article;       /* <article> or itemprop=articleBody */
} hcand;

/* Date sources, best first. */
enum {
	DATE_ARTICLE_META, /* article:published_time */
	DATE_OTHER_OG,     /* og:published_time and the like */
	DATE_ITEMPROP,     /* itemprop=datePublished */
	DATE_LDJSON,       /* ld+json datePublished */
	DATE_NAMED_META,   /* <meta name=date>, dc.date, ... */
	DATE_TIME_ARTICLE, /* <time datetime> inside the article */
	DATE_TIME_ANY,     /* any <time datetime> */
	DATE_NONE
};

typedef struct hx {
	int classes;        /* skip elements by class/id words */

	hframe *st;         /* the walk's stack */
	size_t nst, capst;
	unsigned pre;       /* next preorder number */
	int articles;       /* <article> frames on the stack */
	int headers;        /* <header> frames on the stack */
	int links;          /* <a> frames on the stack */

	buf text;           /* every block's text */
	hblock *blocks;
	size_t nblocks, capblocks;
	hcand *cands;
	size_t ncands, capcands;

	/* the block being collected */
	size_t cur_off;     /* where it starts in text */
	size_t cur_link;    /* bytes in links so far */
	int space;          /* white space pending */
	int brs;            /* <br> seen since the last text */

	/* metadata (owned strings or NULL) */
	char *og_title, *ld_headline, *h1_article, *h1_any, *title_tag;
	char *canonical, *og_url, *site, *ld_site;
	int32_t date;
	int date_prio;      /* DATE_* of date, DATE_NONE if none */
	char *bad_date;     /* first date text that did not parse */
} hx;

/* ------------------------------------------------------------- helpers */

static int is_space(unsigned char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' ||
	       c == '\v';
}

/* Bytes of the white space character at p (NUL-terminated), 0 if none:
 * ASCII space, no-break and other Unicode spaces, zero-width ones and the
 * byte-order mark, so a "<p>&nbsp;</p>" is empty and a headline's spaces
 * are plain. */
static size_t space_len(const char *s)
{
	const unsigned char *p = (const unsigned char *)s;
	if (is_space(p[0]))
		return 1;
	if (p[0] == 0xC2 && p[1] == 0xA0)
		return 2;
	if (p[0] == 0xE2 && p[1] == 0x80 && (p[2] <= 0x8F || p[2] == 0xAF) &&
	    p[2] >= 0x80)
		return 3;
	if ((p[0] == 0xE2 && p[1] == 0x81 && (p[2] == 0x9F || p[2] == 0xA0)) ||
	    (p[0] == 0xE3 && p[1] == 0x80 && p[2] == 0x80) ||
	    (p[0] == 0xEF && p[1] == 0xBB && p[2] == 0xBF))
		return 3;
	return 0;
}

static const char *attr(const GumboElement *el, const char *name)
{
	GumboAttribute *a = gumbo_get_attribute(&el->attributes, name);
	return a ? a->value : NULL;
}

/* A copy of s with white space collapsed and trimmed; NULL when empty. */
static char *squeeze(const char *s, size_t n)
{
	char *out = xmalloc(n + 1);
	size_t k = 0;
	int gap = 0;
	for (size_t i = 0; i < n;) {
		unsigned char c = (unsigned char)s[i];
		size_t sp = c == '\0' ? 1 : space_len(s + i);
		if (sp) {
			gap = k > 0;
			i += sp;
			continue;
		}
		if (gap)
			out[k++] = ' ';
		gap = 0;
		out[k++] = (char)c;
		i++;
	}
	out[k] = '\0';
	if (!k) {
		free(out);
		return NULL;
	}
	return out;
}

static void set_once(char **slot, const char *s)
{
	if (*slot || !s)
		return;
	*slot = squeeze(s, strlen(s));
}

/* The text of a subtree, white space collapsed; NULL when empty. Walks
 * with its own stack (no recursion). */
static char *node_text(GumboNode *root)
{
	buf b = BUF_INIT;
	GumboNode **stk = NULL;
	size_t n = 0, cap = 0;
	xgrow((void **)&stk, &cap, 1, sizeof *stk);
	stk[n++] = root;
	while (n) {
		GumboNode *nd = stk[--n];
		if (nd->type == GUMBO_NODE_TEXT || nd->type == GUMBO_NODE_CDATA ||
		    nd->type == GUMBO_NODE_WHITESPACE) {
			buf_puts(&b, nd->v.text.text);
			continue;
		}
		if (nd->type != GUMBO_NODE_ELEMENT)
			continue;
		GumboTag t = nd->v.element.tag;
		if (nd != root && (t == GUMBO_TAG_SCRIPT || t == GUMBO_TAG_STYLE))
			continue;
		if (t == GUMBO_TAG_BR)
			buf_putc(&b, ' ');
		const GumboVector *ch = &nd->v.element.children;
		xgrow((void **)&stk, &cap, n + ch->length, sizeof *stk);
		for (unsigned i = ch->length; i-- > 0;)
			stk[n++] = ch->data[i];
	}
	free(stk);
	char *s = b.data ? squeeze(b.data, b.len) : NULL;
	buf_free(&b);
	return s;
}

/* ---------------------------------------------------------------- dates */

static int month_of(const char *w, size_t n)
{
	static const char *const names[12] = {
		"january", "february", "march", "april", "may", "june", "july",
		"august", "september", "october", "november", "december"};
	if (n < 3)
		return 0;
	for (int m = 0; m < 12; m++) {
		size_t full = strlen(names[m]);
		if (n <= full && strncasecmp(w, names[m], n) == 0)
			return m + 1;
		if (m == 8 && n == 4 && strncasecmp(w, "sept", 4) == 0)
			return 9;
	}
	return 0;
}

static int valid_ymd(int y, int m, int d, int32_t *out)
{
	char s[16];
	if (y < 1000 || y > 9999 || m < 1 || m > 12 || d < 1 || d > 31)
		return -1;
	snprintf(s, sizeof s, "%04d%02d%02d", y, m, d);
	return doc_parse_date(s, 8, out);
}

/* A page's date "2014-03-04T10:00:00+09:00", "2014/03/04", "20140304",
 * "March 4, 2014", "Tue, 04 Mar 2014 10:00 GMT", "4 March 2014" to
 * YYYYMMDD; 0, or -1 when there is no calendar date in it. */
static int html_date(const char *s, int32_t *out)
{
	size_t n = strlen(s), i = 0;
	while (i < n && is_space((unsigned char)s[i]))
		i++;
	const char *p = s + i;
	size_t k = 0;
	while (k < n - i && p[k] >= '0' && p[k] <= '9')
		k++;
	if (k == 8)
		return doc_parse_date(p, 8, out);
	if (k == 4 && (p[4] == '-' || p[4] == '/' || p[4] == '.')) {
		char sep = p[4];
		int y = atoi(p), m = 0, d = 0;
		const char *q = p + 5;
		for (k = 0; k < 2 && q[k] >= '0' && q[k] <= '9'; k++)
			m = m * 10 + (q[k] - '0');
		if (k == 0 || q[k] != sep)
			return -1;
		q += k + 1;
		for (k = 0; k < 2 && q[k] >= '0' && q[k] <= '9'; k++)
			d = d * 10 + (q[k] - '0');
		if (k == 0 || (q[k] >= '0' && q[k] <= '9'))
			return -1;
		return valid_ymd(y, m, d, out);
	}
	/* Words: a month name, a day and a four-digit year, in any order. */
	int y = 0, m = 0, d = 0;
	for (size_t j = i; j < n;) {
		unsigned char c = (unsigned char)s[j];
		size_t e = j;
		if (c >= '0' && c <= '9') {
			int v = 0;
			while (e < n && s[e] >= '0' && s[e] <= '9' && e - j < 6)
				v = v * 10 + (s[e++] - '0');
			if (e < n && s[e] >= '0' && s[e] <= '9')
				return -1;
			if (e - j == 4 && !y)
				y = v;
			else if (e - j <= 2 && !(e < n && s[e] == ':') && !d &&
			         !(j > 0 && s[j - 1] == ':'))
				d = v;
		} else if ((c | 0x20) >= 'a' && (c | 0x20) <= 'z') {
			while (e < n && (((unsigned char)s[e] | 0x20) >= 'a' &&
			                 ((unsigned char)s[e] | 0x20) <= 'z'))
				e++;
			if (!m)
				m = month_of(s + j, e - j);
		} else {
			e++;
		}
		j = e;
	}
	return y && m && d ? valid_ymd(y, m, d, out) : -1;
}

/* Offers a date text from source prio; keeps the best that parses. */
static void offer_date(hx *x, const char *s, int prio)
{
	if (!s || prio >= x->date_prio)
		return;
	int32_t v;
	if (html_date(s, &v) == 0) {
		x->date = v;
		x->date_prio = prio;
	} else if (!x->bad_date) {
		x->bad_date = squeeze(s, strlen(s));
	}
}

/* ------------------------------------------------------------ metadata */

static void meta_tag(hx *x, const GumboElement *el)
{
	const char *content = attr(el, "content");
	if (!content)
		return;
	const char *prop = attr(el, "property");
	const char *name = attr(el, "name");
	const char *ip = attr(el, "itemprop");
	const char *key = prop ? prop : name;
	if (ip && strcasecmp(ip, "datePublished") == 0)
		offer_date(x, content, DATE_ITEMPROP);
	if (!key)
		return;
	if (strcasecmp(key, "og:title") == 0) {
		set_once(&x->og_title, content);
	} else if (strcasecmp(key, "og:url") == 0) {
		set_once(&x->og_url, content);
	} else if (strcasecmp(key, "og:site_name") == 0) {
		set_once(&x->site, content);
	} else if (strcasecmp(key, "article:published_time") == 0) {
		offer_date(x, content, DATE_ARTICLE_META);
	} else if (strcasecmp(key, "og:published_time") == 0 ||
	           strcasecmp(key, "og:article:published_time") == 0 ||
	           strcasecmp(key, "article:published") == 0 ||
	           strcasecmp(key, "og:pubdate") == 0) {
		offer_date(x, content, DATE_OTHER_OG);
	} else {
		static const char *const named[] = {
			"date", "pubdate", "publishdate", "publish-date",
			"publish_date", "dc.date", "dc.date.issued", "dcterms.date",
			"dcterms.created", "dcterms.issued", "sailthru.date",
			"parsely-pub-date", "article.published",
			"article_date_original", "original-publish-date",
			"citation_publication_date", "datepublished"};
		for (size_t i = 0; i < sizeof named / sizeof named[0]; i++)
			if (strcasecmp(key, named[i]) == 0)
				offer_date(x, content, DATE_NAMED_META);
	}
}

static int is_word_in(const char *s, const char *word)
{
	/* Whether the space-separated list s contains word (any case). */
	size_t wl = strlen(word);
	for (const char *p = s; *p;) {
		while (*p && is_space((unsigned char)*p))
			p++;
		const char *e = p;
		while (*e && !is_space((unsigned char)*e))
			e++;
		if ((size_t)(e - p) == wl && strncasecmp(p, word, wl) == 0)
			return 1;
		p = e;
	}
	return 0;
}

/* Looks through ld+json data (bounded depth) for a news object's
 * datePublished, headline and publisher name. */
static void ld_walk(hx *x, json_t *j, int depth)
{
	if (!j || depth > 6)
		return;
	if (json_is_array(j)) {
		size_t i;
		json_t *v;
		json_array_foreach(j, i, v)
			ld_walk(x, v, depth + 1);
		return;
	}
	if (!json_is_object(j))
		return;
	json_t *dp = json_object_get(j, "datePublished");
	if (json_is_string(dp)) {
		offer_date(x, json_string_value(dp), DATE_LDJSON);
		json_t *h = json_object_get(j, "headline");
		if (json_is_string(h))
			set_once(&x->ld_headline, json_string_value(h));
		json_t *pub = json_object_get(j, "publisher");
		json_t *pn = json_is_object(pub) ? json_object_get(pub, "name") : NULL;
		if (json_is_string(pn))
			set_once(&x->ld_site, json_string_value(pn));
	}
	ld_walk(x, json_object_get(j, "@graph"), depth + 1);
	ld_walk(x, json_object_get(j, "mainEntity"), depth + 1);
}

static void ld_json(hx *x, GumboNode *script)
{
	char *s = node_text(script);
	if (!s)
		return;
	json_error_t err;
	json_t *j = json_loads(s, 0, &err);
	free(s);
	if (!j)
		return; /* broken metadata is no reason to complain */
	ld_walk(x, j, 0);
	json_decref(j);
}

/* ------------------------------------------------------ what to skip */

/* Elements never part of an article's text. */
static int skip_tag(GumboTag t)
{
	switch (t) {
	case GUMBO_TAG_SCRIPT: case GUMBO_TAG_STYLE: case GUMBO_TAG_NOSCRIPT:
	case GUMBO_TAG_TEMPLATE: case GUMBO_TAG_NAV: case GUMBO_TAG_FOOTER:
	case GUMBO_TAG_ASIDE: case GUMBO_TAG_FORM: case GUMBO_TAG_FIGURE:
	case GUMBO_TAG_FIGCAPTION: case GUMBO_TAG_IFRAME: case GUMBO_TAG_SVG:
	case GUMBO_TAG_MATH: case GUMBO_TAG_BUTTON: case GUMBO_TAG_SELECT:
	case GUMBO_TAG_TEXTAREA: case GUMBO_TAG_INPUT: case GUMBO_TAG_OPTION:
	case GUMBO_TAG_MENU: case GUMBO_TAG_OBJECT:
	case GUMBO_TAG_EMBED: case GUMBO_TAG_VIDEO: case GUMBO_TAG_AUDIO:
	case GUMBO_TAG_CANVAS: case GUMBO_TAG_MAP: case GUMBO_TAG_LABEL:
	case GUMBO_TAG_HEAD: case GUMBO_TAG_TITLE: case GUMBO_TAG_APPLET:
	case GUMBO_TAG_FRAMESET: case GUMBO_TAG_NOFRAMES:
		return 1;
	default:
		return 0;
	}
}

/* Elements whose start and end separate text into blocks. */
static int block_tag(GumboTag t)
{
	switch (t) {
	case GUMBO_TAG_ADDRESS: case GUMBO_TAG_ARTICLE: case GUMBO_TAG_ASIDE:
	case GUMBO_TAG_BLOCKQUOTE: case GUMBO_TAG_BODY: case GUMBO_TAG_CENTER:
	case GUMBO_TAG_DD: case GUMBO_TAG_DETAILS:
	case GUMBO_TAG_DIR: case GUMBO_TAG_DIV: case GUMBO_TAG_DL:
	case GUMBO_TAG_DT: case GUMBO_TAG_FIELDSET: case GUMBO_TAG_FIGCAPTION:
	case GUMBO_TAG_FIGURE: case GUMBO_TAG_FOOTER: case GUMBO_TAG_FORM:
	case GUMBO_TAG_H1: case GUMBO_TAG_H2: case GUMBO_TAG_H3:
	case GUMBO_TAG_H4: case GUMBO_TAG_H5: case GUMBO_TAG_H6:
	case GUMBO_TAG_HEADER: case GUMBO_TAG_HGROUP: case GUMBO_TAG_HR:
	case GUMBO_TAG_LI: case GUMBO_TAG_MAIN: case GUMBO_TAG_MENU:
	case GUMBO_TAG_NAV: case GUMBO_TAG_OL: case GUMBO_TAG_P:
	case GUMBO_TAG_PRE: case GUMBO_TAG_SECTION: case GUMBO_TAG_SUMMARY:
	case GUMBO_TAG_TABLE: case GUMBO_TAG_TBODY: case GUMBO_TAG_TD:
	case GUMBO_TAG_TFOOT: case GUMBO_TAG_TH: case GUMBO_TAG_THEAD:
	case GUMBO_TAG_TR: case GUMBO_TAG_UL: case GUMBO_TAG_CAPTION:
	case GUMBO_TAG_HTML: case GUMBO_TAG_IFRAME: case GUMBO_TAG_VIDEO:
	case GUMBO_TAG_AUDIO: case GUMBO_TAG_CANVAS: case GUMBO_TAG_NOSCRIPT:
	case GUMBO_TAG_OPTION: case GUMBO_TAG_LEGEND: case GUMBO_TAG_SELECT:
	case GUMBO_TAG_TEXTAREA: case GUMBO_TAG_BUTTON: case GUMBO_TAG_MAP:
	case GUMBO_TAG_OBJECT: case GUMBO_TAG_EMBED: case GUMBO_TAG_SVG:
	case GUMBO_TAG_MATH: case GUMBO_TAG_TEMPLATE:
		return 1;
	default:
		return 0;
	}
}

/* Paragraph-like elements: their text scores the element around them. */
static int plike_tag(GumboTag t)
{
	switch (t) {
	case GUMBO_TAG_P: case GUMBO_TAG_PRE: case GUMBO_TAG_BLOCKQUOTE:
	case GUMBO_TAG_LI: case GUMBO_TAG_DD: case GUMBO_TAG_DT:
	case GUMBO_TAG_H1: case GUMBO_TAG_H2: case GUMBO_TAG_H3:
	case GUMBO_TAG_H4: case GUMBO_TAG_H5: case GUMBO_TAG_H6:
	case GUMBO_TAG_ADDRESS:
		return 1;
	default:
		return 0;
	}
}

static int heading_tag(GumboTag t)
{
	return t == GUMBO_TAG_H1 || t == GUMBO_TAG_H2 || t == GUMBO_TAG_H3 ||
	       t == GUMBO_TAG_H4 || t == GUMBO_TAG_H5 || t == GUMBO_TAG_H6;
}

/* Class and id words of page furniture (matched as whole words of the
 * attribute, split at punctuation and camelCase: "share-bar", "shareBar",
 * "related_links"). */
static const char *const furniture[] = {
	"ad", "adcontainer", "ads", "adslot", "adunit", "adv", "advert",
	"advertisement", "adverts", "adwrapper", "author", "banner",
	"breadcrumb", "breadcrumbs", "byline", "caption", "comment",
	"commentlist", "comments", "cookie", "cookies", "credit", "credits",
	"disqus", "footer", "masthead", "menu", "modal", "more", "mostpopular",
	"mostread", "nav", "navbar", "navigation", "newsletter", "outbrain",
	"paywall", "popular", "popup", "promo", "promos", "rail", "readmore",
	"recommendations", "recommended", "related", "relatedarticles",
	"relatedlinks", "relatedstories", "share", "sharebar", "sharebuttons",
	"sharetools", "sharing", "sidebar", "signup", "social", "socialshare",
	"sponsor", "sponsored", "subscribe", "subscription", "taboola", "tags",
	"teaser", "teasers", "toolbar", "trending", "widget", "widgets"};

static int furniture_word(const char *w, size_t n)
{
	size_t lo = 0, hi = sizeof furniture / sizeof furniture[0];
	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		int c = strncmp(w, furniture[mid], n);
		if (c == 0 && furniture[mid][n] != '\0')
			c = -1;
		if (c == 0)
			return 1;
		if (c < 0)
			hi = mid;
		else
			lo = mid + 1;
	}
	return 0;
}

static int furniture_attr(const char *s)
{
	char w[32];
	size_t n = 0;
	int prev_lower = 0;
	for (const char *p = s;; p++) {
		unsigned char c = (unsigned char)*p;
		int alpha = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
		            (c >= '0' && c <= '9');
		int upper = c >= 'A' && c <= 'Z';
		if (!alpha || (upper && prev_lower)) {
			if (n && n < sizeof w && furniture_word(w, n))
				return 1;
			n = 0;
		}
		if (!c)
			return 0;
		if (alpha) {
			if (n < sizeof w)
				w[n] = (char)(upper ? c - 'A' + 'a' : c);
			n++;
		}
		prev_lower = c >= 'a' && c <= 'z';
	}
}

/* Whether the element (not a skip_tag one) is hidden or page furniture. */
static int skip_element(const hx *x, const GumboElement *el)
{
	GumboTag t = el->tag;
	if (gumbo_get_attribute(&el->attributes, "hidden"))
		return 1;
	const char *v = attr(el, "aria-hidden");
	if (v && strcasecmp(v, "true") == 0)
		return 1;
	v = attr(el, "style");
	if (v) {
		char c[64];
		size_t k = 0;
		for (const char *p = v; *p && k + 1 < sizeof c; p++)
			if (!is_space((unsigned char)*p))
				c[k++] = (char)(*p | 0x20);
		c[k] = '\0';
		if (strstr(c, "display:none") || strstr(c, "visibility:hidden"))
			return 1;
	}
	v = attr(el, "role");
	if (v) {
		static const char *const roles[] = {
			"navigation", "banner", "contentinfo", "complementary",
			"dialog", "alertdialog", "search", "menu", "menubar",
			"toolbar"};
		for (size_t i = 0; i < sizeof roles / sizeof roles[0]; i++)
			if (is_word_in(v, roles[i]))
				return 1;
	}
	if (t == GUMBO_TAG_HEADER && !x->articles)
		return 1; /* a site header; an article's own keeps its title */
	if (!x->classes || t == GUMBO_TAG_HTML || t == GUMBO_TAG_BODY ||
	    t == GUMBO_TAG_MAIN || t == GUMBO_TAG_ARTICLE)
		return 0;
	v = attr(el, "itemprop");
	if (v && is_word_in(v, "articleBody"))
		return 0;
	const char *cl = attr(el, "class"), *id = attr(el, "id");
	return (cl && furniture_attr(cl)) || (id && furniture_attr(id));
}

/* --------------------------------------------------------------- blocks */

/* Letters and digits in s[0..n): ASCII ones, and non-ASCII characters
 * outside the Latin-1 symbols (C2), General Punctuation and symbol
 * blocks (E2) and specials (EF): a block of bullets or dashes is empty. */
static size_t good_letters(const char *s, size_t n)
{
	size_t k = 0;
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];
		k += ((c | 0x20) >= 'a' && (c | 0x20) <= 'z') ||
		     (c >= '0' && c <= '9') ||
		     (c >= 0xC3 && c != 0xE2 && c != 0xEF && (c & 0xC0) == 0xC0);
	}
	return k;
}

static int cand_of(hx *x, size_t fi)
{
	hframe *f = &x->st[fi];
	if (f->cand < 0) {
		xgrow((void **)&x->cands, &x->capcands, x->ncands + 1,
		      sizeof *x->cands);
		hcand *c = &x->cands[x->ncands];
		memset(c, 0, sizeof *c);
		c->node = f->node;
		c->pre = f->pre;
		c->article = f->article;
		f->cand = (int)x->ncands++;
	}
	return f->cand;
}

/* The nearest block-level frame at or above index i, or -1. */
static long block_above(const hx *x, long i)
{
	while (i >= 0 && !x->st[i].block)
		i--;
	return i;
}

/* Ends the block being collected: keeps it if it has text, and scores
 * the elements around it. */
static void flush(hx *x)
{
	buf *t = &x->text;
	size_t len = t->len - x->cur_off;
	x->space = 0;
	x->brs = 0;
	long owner = block_above(x, (long)x->nst - 1);
	if (len == 0 || owner < 0) {
		t->len = x->cur_off;
		x->cur_link = 0;
		return;
	}
	xgrow((void **)&x->blocks, &x->capblocks, x->nblocks + 1,
	      sizeof *x->blocks);
	hblock *b = &x->blocks[x->nblocks++];
	b->off = x->cur_off;
	b->len = len;
	b->link = x->cur_link;
	b->owner = x->st[owner].pre;
	b->node = x->st[owner].node;
	b->plike = x->st[owner].plike;
	b->heading = x->st[owner].heading || x->headers > 0;
	buf_putc(t, '\0'); /* blocks are kept apart */
	x->cur_off = t->len;
	x->cur_link = 0;
	size_t plain = len > b->link ? len - b->link : 0;
	if (b->heading || plain < 20)
		return;
	long target = x->st[owner].plike ? block_above(x, owner - 1) : owner;
	if (target < 0)
		return;
	int ci = cand_of(x, (size_t)target);
	x->cands[ci].score += plain;
	long grand = block_above(x, target - 1);
	if (grand >= 0) {
		ci = cand_of(x, (size_t)grand);
		x->cands[ci].score += plain / 2;
	}
}

static void add_text(hx *x, const char *s)
{
	buf *t = &x->text;
	const char *p = s;
	size_t sp;
	while ((sp = space_len(p)) != 0)
		p += sp;
	if (*p && x->brs >= 2)
		flush(x); /* <br><br> separates paragraphs */
	if (*p)
		x->brs = 0;
	if (p > s)
		x->space = t->len > x->cur_off;
	size_t before = t->len;
	while (*p) {
		if ((sp = space_len(p)) != 0) {
			x->space = t->len > x->cur_off;
			p += sp;
			continue;
		}
		if (x->space)
			buf_putc(t, ' ');
		x->space = 0;
		buf_putc(t, *p++);
	}
	if (t->len > before && x->links)
		x->cur_link += t->len - before;
}

/* ----------------------------------------------------------------- walk */

static void push(hx *x, GumboNode *nd)
{
	const GumboElement *el = &nd->v.element;
	GumboTag t = el->tag;
	xgrow((void **)&x->st, &x->capst, x->nst + 1, sizeof *x->st);
	hframe *f = &x->st[x->nst++];
	memset(f, 0, sizeof *f);
	f->node = nd;
	f->cand = -1;
	f->pre = x->pre++;
	f->block = (unsigned char)block_tag(t);
	f->plike = (unsigned char)plike_tag(t);
	f->heading = (unsigned char)heading_tag(t);
	f->link = t == GUMBO_TAG_A;
	const char *ip = attr(el, "itemprop");
	f->article = t == GUMBO_TAG_ARTICLE ||
	             (ip && is_word_in(ip, "articleBody"));
	if (f->article) {
		f->block = 1;
		x->articles++;
		cand_of(x, x->nst - 1);
	}
	x->headers += t == GUMBO_TAG_HEADER;
	x->links += f->link;
}

static void pop(hx *x)
{
	hframe *f = &x->st[--x->nst];
	if (f->cand >= 0)
		x->cands[f->cand].end = x->pre;
	if (f->article)
		x->articles--;
	if (f->node->v.element.tag == GUMBO_TAG_HEADER)
		x->headers--;
	x->links -= f->link;
}

/* Metadata carried by an element, skipped or not; articles: how many
 * <article> elements hold it. */
static void element_meta(hx *x, GumboNode *nd, int articles)
{
	const GumboElement *el = &nd->v.element;
	switch (el->tag) {
	case GUMBO_TAG_META:
		meta_tag(x, el);
		return;
	case GUMBO_TAG_LINK: {
		const char *rel = attr(el, "rel"), *href = attr(el, "href");
		if (rel && href && is_word_in(rel, "canonical"))
			set_once(&x->canonical, href);
		return;
	}
	case GUMBO_TAG_TITLE:
		if (!x->title_tag && el->tag_namespace == GUMBO_NAMESPACE_HTML)
			x->title_tag = node_text(nd);
		return;
	case GUMBO_TAG_SCRIPT: {
		const char *type = attr(el, "type");
		if (type && strstr(type, "ld+json"))
			ld_json(x, nd);
		return;
	}
	default:
		break;
	}
	if (el->tag == GUMBO_TAG_TIME)
		offer_date(x, attr(el, "datetime"),
		           articles ? DATE_TIME_ARTICLE : DATE_TIME_ANY);
	const char *ip = attr(el, "itemprop");
	if (ip && is_word_in(ip, "datePublished")) {
		const char *v = attr(el, "datetime");
		if (!v)
			v = attr(el, "content");
		if (v) {
			offer_date(x, v, DATE_ITEMPROP);
		} else {
			char *s = node_text(nd);
			offer_date(x, s, DATE_ITEMPROP);
			free(s);
		}
	}
}

/* Reads the metadata of every element of the page (its own stack: one
 * frame per level, no recursion). */
static void meta_walk(hx *x, GumboNode *root)
{
	typedef struct mframe {
		GumboNode *node;
		unsigned next;
	} mframe;
	mframe *st = NULL;
	size_t n = 0, cap = 0;
	int articles = 0;
	if (root->type != GUMBO_NODE_ELEMENT)
		return;
	xgrow((void **)&st, &cap, 1, sizeof *st);
	st[n++] = (mframe){root, 0};
	element_meta(x, root, 0);
	while (n) {
		mframe *f = &st[n - 1];
		const GumboVector *ch = &f->node->v.element.children;
		if (f->next >= ch->length) {
			articles -= f->node->v.element.tag == GUMBO_TAG_ARTICLE;
			n--;
			continue;
		}
		GumboNode *c = ch->data[f->next++];
		if (c->type != GUMBO_NODE_ELEMENT)
			continue;
		element_meta(x, c, articles);
		GumboTag t = c->v.element.tag;
		if (t == GUMBO_TAG_SCRIPT || t == GUMBO_TAG_STYLE ||
		    t == GUMBO_TAG_TITLE)
			continue;
		articles += t == GUMBO_TAG_ARTICLE;
		xgrow((void **)&st, &cap, n + 1, sizeof *st);
		st[n++] = (mframe){c, 0};
	}
	free(st);
}

/* Visits element nd on entering it (metadata, headlines, skipping);
 * returns 1 when its children are to be walked. */
static int enter(hx *x, GumboNode *nd)
{
	const GumboElement *el = &nd->v.element;
	GumboTag t = el->tag;
	if (skip_tag(t) || skip_element(x, el)) {
		if (block_tag(t) || skip_tag(t))
			flush(x);
		return 0;
	}
	if (t == GUMBO_TAG_BR) {
		x->brs++;
		x->space = x->text.len > x->cur_off;
		return 0;
	}
	if (t == GUMBO_TAG_H1) {
		char *h = node_text(nd);
		if (h && x->articles && !x->h1_article)
			x->h1_article = xstrdup(h);
		if (h && !x->h1_any)
			x->h1_any = h;
		else
			free(h);
	}
	if (block_tag(t) || t == GUMBO_TAG_ARTICLE)
		flush(x);
	push(x, nd);
	return 1;
}

static void walk(hx *x, GumboNode *root)
{
	if (root->type != GUMBO_NODE_ELEMENT || !enter(x, root))
		return;
	while (x->nst) {
		hframe *f = &x->st[x->nst - 1];
		const GumboVector *ch = &f->node->v.element.children;
		if (f->next >= ch->length) {
			if (f->block)
				flush(x);
			pop(x);
			continue;
		}
		GumboNode *c = ch->data[f->next++];
		switch (c->type) {
		case GUMBO_NODE_ELEMENT:
			enter(x, c); /* may grow x->st: f is stale after this */
			break;
		case GUMBO_NODE_TEXT:
		case GUMBO_NODE_CDATA:
		case GUMBO_NODE_WHITESPACE:
			add_text(x, c->v.text.text);
			break;
		default:
			break;
		}
	}
	flush(x);
}

/* ------------------------------------------------------------ selection */

static int good_block(const hx *x, const hblock *b)
{
	return !b->heading && b->link * 2 <= b->len &&
	       good_letters(x->text.data + b->off, b->len) > 0;
}

/* Whether a block reads like prose: long, or ending a sentence. */
static int sentence_like(const hx *x, const hblock *b)
{
	const char *s = x->text.data + b->off;
	char last = s[b->len - 1];
	return b->len >= 80 || last == '.' || last == '!' || last == '?' ||
	       last == '"';
}

/* Marks in keep[] the blocks of the body; returns how many. */
static size_t choose(hx *x, unsigned char *keep)
{
	size_t nb = x->nblocks, nc = x->ncands;
	if (!nb)
		return 0;
	/* Good text per element (by preorder number), summed per candidate
	 * with a prefix sum: candidates are subtrees, i.e. ranges. */
	size_t *sum = xcalloc((size_t)x->pre + 1, sizeof *sum);
	size_t total = 0;
	for (size_t i = 0; i < nb; i++)
		if (good_block(x, &x->blocks[i]))
			sum[x->blocks[i].owner + 1] += x->blocks[i].len;
	for (size_t i = 1; i <= x->pre; i++)
		sum[i] += sum[i - 1];
	total = sum[x->pre];
	for (size_t i = 0; i < nc; i++) {
		hcand *c = &x->cands[i];
		c->good = sum[c->end] - sum[c->pre];
	}
	free(sum);
	if (!total)
		return 0;

	/* The best-scored element and its well-scored siblings. */
	long best = -1;
	for (size_t i = 0; i < nc; i++)
		if (x->cands[i].score && (best < 0 ||
		                          x->cands[i].score > x->cands[best].score))
			best = (long)i;
	unsigned char *pick = xcalloc(nc ? nc : 1, 1);
	size_t picked = 0;
	if (best >= 0) {
		const hcand *b = &x->cands[best];
		size_t floor = b->score / 5 > 20 ? b->score / 5 : 20;
		for (size_t i = 0; i < nc; i++) {
			const hcand *c = &x->cands[i];
			if ((long)i == best ||
			    (c->node->parent == b->node->parent && c->score >= floor)) {
				pick[i] = 1;
				picked += c->good;
			}
		}
	}
	/* The <article> with the most text wins unless it is a teaser beside
	 * the real story. */
	long art = -1;
	for (size_t i = 0; i < nc; i++)
		if (x->cands[i].article && x->cands[i].good &&
		    (art < 0 || x->cands[i].good > x->cands[art].good))
			art = (long)i;
	if (art >= 0) {
		const hcand *a = &x->cands[art];
		int holds = best >= 0 && a->pre <= x->cands[best].pre &&
		            x->cands[best].pre < a->end;
		if (holds || best < 0 || a->good * 2 >= picked) {
			memset(pick, 0, nc);
			pick[art] = 1;
		}
	} else if (best < 0) {
		free(pick);
		/* Nothing scored: short texts only; keep every good one. */
		size_t k = 0;
		for (size_t i = 0; i < nb; i++)
			k += keep[i] = (unsigned char)good_block(x, &x->blocks[i]);
		return k;
	}
	/* Paragraphs beside the picked elements count too (a story whose
	 * last paragraph fell outside its <div> in a broken page). */
	const GumboNode *parent = NULL;
	for (size_t c = 0; c < nc && !parent; c++)
		if (pick[c] && !x->cands[c].article)
			parent = x->cands[c].node->parent;
	size_t k = 0;
	for (size_t i = 0; i < nb; i++) {
		const hblock *bl = &x->blocks[i];
		if (!good_block(x, bl))
			continue;
		int in = parent && bl->plike && bl->node->parent == parent &&
		         bl->link == 0 && sentence_like(x, bl);
		for (size_t c = 0; c < nc && !in; c++)
			in = pick[c] && x->cands[c].pre <= bl->owner &&
			     bl->owner < x->cands[c].end;
		if (in) {
			keep[i] = 1;
			k++;
		}
	}
	free(pick);
	return k;
}

/* ------------------------------------------------------------ the title */

/* Cuts a trailing " | Site" / " - Site" from a title: the site's name,
 * or (unless only_site) any tail of at most five words shorter than the
 * headline before it. */
static void cut_site(char *t, const char *site, int only_site)
{
	static const char *const seps[] = {" | ", " - ", " \xE2\x80\x94 ",
	                                   " \xE2\x80\x93 ", " :: ", " \xC2\xB7 ",
	                                   " / "};
	char *cut = NULL;
	size_t cutlen = 0;
	for (size_t i = 0; i < sizeof seps / sizeof seps[0]; i++) {
		const char *p = t, *last = NULL;
		while ((p = strstr(p, seps[i])) != NULL)
			last = p++;
		if (last && (!cut || last > cut)) {
			cut = (char *)last;
			cutlen = strlen(seps[i]);
		}
	}
	if (!cut)
		return;
	const char *tail = cut + cutlen;
	int words = 1;
	for (const char *p = tail; *p; p++)
		words += *p == ' ';
	int is_site = site && strcasecmp(tail, site) == 0;
	if (is_site || (!only_site && words <= 5 &&
	                strlen(tail) < (size_t)(cut - t)))
		*cut = '\0';
}

static char *pick_title(hx *x)
{
	const char *site = x->site ? x->site : x->ld_site;
	char *t = NULL;
	/* A headline in the page has no site suffix; metadata may carry the
	 * site's name; <title> nearly always ends with it. */
	int cut = 1, only_site = 1;
	if (x->og_title) {
		t = xstrdup(x->og_title);
	} else if (x->ld_headline) {
		t = xstrdup(x->ld_headline);
	} else if (x->h1_article) {
		t = xstrdup(x->h1_article);
		cut = 0;
	} else if (x->title_tag) {
		t = xstrdup(x->title_tag);
		only_site = 0;
	} else if (x->h1_any) {
		t = xstrdup(x->h1_any);
		cut = 0;
	}
	if (!t)
		return NULL;
	if (cut)
		cut_site(t, site, only_site);
	return t;
}

/* ----------------------------------------------------------------- entry */

static void hx_reset_body(hx *x)
{
	buf_free(&x->text);
	free(x->blocks);
	free(x->cands);
	free(x->st);
	x->blocks = NULL;
	x->cands = NULL;
	x->st = NULL;
	x->nblocks = x->capblocks = x->ncands = x->capcands = 0;
	x->nst = x->capst = 0;
	x->pre = 0;
	x->articles = 0;
	x->headers = 0;
	x->links = 0;
	x->cur_off = x->cur_link = 0;
	x->space = x->brs = 0;
}

static void hx_free(hx *x)
{
	hx_reset_body(x);
	char **s[] = {&x->og_title, &x->ld_headline, &x->h1_article,
	              &x->h1_any, &x->title_tag, &x->canonical, &x->og_url,
	              &x->site, &x->ld_site, &x->bad_date};
	for (size_t i = 0; i < sizeof s / sizeof s[0]; i++) {
		free(*s[i]);
		*s[i] = NULL;
	}
}

/* Walks the page and fills body with the kept blocks, "\n\n" apart. */
static void extract(hx *x, GumboNode *root, buf *body)
{
	walk(x, root);
	unsigned char *keep = xcalloc(x->nblocks ? x->nblocks : 1, 1);
	if (choose(x, keep))
		for (size_t i = 0; i < x->nblocks; i++) {
			if (!keep[i])
				continue;
			if (body->len)
				buf_add(body, "\n\n", 2);
			buf_add(body, x->text.data + x->blocks[i].off,
			        x->blocks[i].len);
		}
	free(keep);
}

int read_html_doc(const char *html, size_t n, const char *name,
                  const char *id, diag *dg, doc *d)
{
	if (n > READ_HTML_MAX) {
		diag_report(dg, name, 0, "page too large (%zu bytes; at most %zu)",
		            n, (size_t)READ_HTML_MAX);
		return 0;
	}
	char *flat = NULL;
	if (html && depth_scan(html, n, NULL) > HTML_DEPTH_MAX) {
		flat = xmalloc(n + 1);
		memcpy(flat, html, n);
		flat[n] = '\0';
		depth_scan(html, n, flat);
		html = flat;
		diag_report(dg, name, 0, "markup nested deeper than %d levels: the "
		            "deeper tags are ignored", HTML_DEPTH_MAX);
	}
	galloc g = {NULL};
	GumboOptions opt = kGumboDefaultOptions;
	opt.allocator = g_alloc;
	opt.deallocator = g_free;
	opt.userdata = &g;
	opt.max_errors = 0; /* parse errors are normal in saved pages */
	GumboOutput *out = gumbo_parse_with_options(&opt, html ? html : "",
	                                            html ? n : 0);
	hx x;
	memset(&x, 0, sizeof x);
	x.classes = 1;
	x.date_prio = DATE_NONE;
	buf body = BUF_INIT;
	meta_walk(&x, out->root);
	extract(&x, out->root, &body);
	if (!body.len) {
		/* Every paragraph sat in something that looked like furniture
		 * (a "has-share-tools" story body, say): try without classes. */
		hx_reset_body(&x);
		x.classes = 0;
		extract(&x, out->root, &body);
	}
	g_release(&g); /* the whole tree, without recursion */
	int rc = 0;
	if (!body.len) {
		diag_report(dg, name, 0, "no article text found");
		goto out;
	}
	if (x.date_prio == DATE_NONE && x.bad_date)
		diag_report(dg, name, 0, "no usable date in the page (\"%s\")",
		            x.bad_date);
	char *title = pick_title(&x);
	buf text = BUF_INIT;
	const char *b0 = body.data;
	size_t blen = body.len;
	if (title) {
		/* A headline repeated as the body's first block is said once. */
		size_t tl = strlen(title);
		if (blen > tl + 2 && strncasecmp(b0, title, tl) == 0 &&
		    b0[tl] == '\n' && b0[tl + 1] == '\n') {
			b0 += tl + 2;
			blen -= tl + 2;
		}
		buf_puts(&text, title);
		buf_add(&text, "\n\n", 2);
	}
	buf_add(&text, b0, blen);
	memset(d, 0, sizeof *d);
	d->id = xstrdup(id && *id ? id : "html");
	d->date = x.date_prio == DATE_NONE ? 0 : x.date;
	d->title = title;
	d->url = x.canonical ? xstrdup(x.canonical)
	                     : x.og_url ? xstrdup(x.og_url) : NULL;
	d->source = x.site ? xstrdup(x.site) : x.ld_site ? xstrdup(x.ld_site)
	                                                 : NULL;
	d->len = text.len;
	d->text = buf_steal(&text);
	d->text_base = 0;
	d->file = name;
	d->line = 1;
	d->settings = doc_settings_default(0);
	rc = 1;
out:
	buf_free(&body);
	hx_free(&x);
	free(flat);
	return rc;
}

/*
 * boiler.c - publisher boilerplate (pitches, prompts, notices, credits)
 * told from news by a score of general cues, weighed against signs of
 * reporting; see boiler.h. One pass over the sentence collects its words
 * (lower-cased into a stack buffer) with their quotation state; a sorted
 * table gives each known word its cue classes; a few publisher idioms are
 * matched as word sequences.
 */
#include "boiler.h"
#include "boiler_int.h"

#include <limits.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* ----------------------------------------------------------- word classes */

enum {
	B_YOU = 1u << 0,       /* the reader addressed: you, your */
	B_WE = 1u << 1,        /* the publisher speaking: we, us, our */
	B_CTA1 = 1u << 2,      /* an unmistakable call to action: Subscribe */
	B_CTA = 1u << 3,       /* an imperative when it starts a sentence */
	B_MEDIA1 = 1u << 4,    /* a word of the news business: newsletter */
	B_MEDIA = 1u << 5,     /* a media or commerce word also used in news */
	B_REPORT = 1u << 6,    /* a reporting verb: said, told, according */
	B_PAST = 1u << 7,      /* an irregular past tense: was, met, fled */
	B_EVAL = 1u << 8,      /* self-praise of the press: independent */
	B_SELF = 1u << 9,      /* what "this ..." calls the text: article */
	B_PUB = 1u << 10,      /* publishing verbs: appeared, published */
	B_CREDIT = 1u << 11,   /* credit lines: "Editing by", "Photo:" */
	B_TIME = 1u << 12,     /* weekday and month names: news is dated */
	B_PLATFORM = 1u << 13, /* social networks and stores */
	B_NOTPAST = 1u << 14,  /* ends in -ed but is no past tense here */
	B_HEAD = 1u << 15,     /* may start one of the idioms below */
	B_GERUND = 1u << 16    /* "By subscribing, ..." */
};

typedef struct bword {
	const char *w;  /* lower case */
	uint32_t cls;   /* B_* bits */
} bword;

/* Sorted by strcmp (checked by boiler_table_sorted()). */
static const bword words[] = {
	{"accepting", B_GERUND},
	{"access", B_MEDIA},
	{"according", B_REPORT},
	{"account", B_MEDIA},
	{"accurate", B_EVAL},
	{"acknowledged", B_REPORT | B_PAST},
	{"ad-free", B_MEDIA1},
	{"added", B_REPORT | B_PAST},
	{"additional", B_CREDIT},
	{"adds", B_REPORT},
	{"ads", B_MEDIA},
	{"advertisement", B_MEDIA},
	{"advertisers", B_MEDIA},
	{"advertising", B_MEDIA},
	{"alerts", B_MEDIA},
	{"all", B_HEAD},
	{"alleged", B_REPORT | B_PAST},
	{"already", B_HEAD},
	{"announced", B_REPORT | B_PAST},
	{"app", B_MEDIA},
	{"appeared", B_PUB},
	{"apps", B_MEDIA},
	{"april", B_TIME},
	{"argue", B_REPORT},
	{"argued", B_REPORT | B_PAST},
	{"argues", B_REPORT},
	{"article", B_MEDIA | B_SELF},
	{"articles", B_MEDIA},
	{"asserted", B_REPORT | B_PAST},
	{"august", B_TIME},
	{"award-winning", B_EVAL},
	{"became", B_PAST},
	{"become", B_CTA | B_HEAD},
	{"becoming", B_GERUND},
	{"began", B_PAST},
	{"blog", B_MEDIA},
	{"bought", B_PAST},
	{"breaking", B_MEDIA},
	{"briefing", B_MEDIA},
	{"broadcast", B_PUB},
	{"broke", B_PAST},
	{"brought", B_PAST},
	{"browser", B_MEDIA},
	{"browsing", B_MEDIA | B_GERUND},
	{"built", B_PAST},
	{"buy", B_CTA},
	{"came", B_PAST},
	{"caught", B_PAST},
	{"channel", B_MEDIA},
	{"check", B_CTA},
	{"chose", B_PAST},
	{"cited", B_REPORT | B_PAST},
	{"claim", B_CTA},
	{"claimed", B_REPORT | B_PAST},
	{"click", B_CTA1 | B_HEAD},
	{"clicking", B_GERUND},
	{"column", B_SELF},
	{"comment", B_CTA | B_MEDIA},
	{"comments", B_MEDIA},
	{"compiled", B_CREDIT},
	{"confirmed", B_REPORT | B_PAST},
	{"consider", B_CTA},
	{"contact", B_CTA | B_HEAD},
	{"content", B_MEDIA | B_SELF},
	{"continue", B_CTA | B_HEAD},
	{"continuing", B_GERUND},
	{"contributed", B_HEAD},
	{"contribution", B_MEDIA},
	{"contributions", B_MEDIA},
	{"cookie", B_MEDIA1 | B_HEAD},
	{"cookies", B_MEDIA1},
	{"copyright", B_MEDIA1},
	{"corrected", B_PUB},
	{"coverage", B_MEDIA},
	{"creating", B_GERUND},
	{"critical", B_EVAL},
	{"crucial", B_EVAL},
	{"december", B_TIME},
	{"declared", B_REPORT | B_PAST},
	{"denied", B_REPORT | B_PAST},
	{"design", B_CREDIT},
	{"designed", B_CREDIT},
	{"did", B_PAST},
	{"digital", B_MEDIA},
	{"discover", B_CTA},
	{"disinformation", B_MEDIA},
	{"distributed", B_PUB},
	{"do", B_HEAD},
	{"don't", B_CTA | B_HEAD},
	{"donate", B_CTA1 | B_MEDIA},
	{"donating", B_GERUND},
	{"donation", B_MEDIA},
	{"donations", B_MEDIA},
	{"download", B_CTA1},
	{"drove", B_PAST},
	{"e-mail", B_CTA | B_MEDIA},
	{"edited", B_CREDIT},
	{"editing", B_CREDIT},
	{"edition", B_MEDIA},
	{"editor", B_MEDIA},
	{"editorial", B_MEDIA},
	{"editors", B_MEDIA},
	{"email", B_CTA | B_MEDIA | B_HEAD},
	{"enjoy", B_CTA},
	{"entering", B_GERUND},
	{"episode", B_MEDIA | B_SELF},
	{"essential", B_EVAL},
	{"explained", B_REPORT | B_PAST},
	{"explore", B_CTA},
	{"facebook", B_PLATFORM},
	{"fearless", B_EVAL},
	{"feature", B_SELF},
	{"february", B_TIME},
	{"feed", B_MEDIA},
	{"fell", B_PAST},
	{"find", B_CTA | B_HEAD},
	{"fled", B_PAST},
	{"flew", B_PAST},
	{"flipboard", B_PLATFORM},
	{"follow", B_CTA | B_HEAD},
	{"for", B_HEAD},
	{"fought", B_PAST},
	{"free", B_MEDIA | B_HEAD},
	{"friday", B_TIME},
	{"gallery", B_MEDIA},
	{"gave", B_PAST},
	{"get", B_CTA},
	{"give", B_CTA},
	{"go", B_CTA},
	{"got", B_CTA},
	{"graphic", B_CREDIT},
	{"graphics", B_CREDIT},
	{"grew", B_PAST},
	{"had", B_PAST},
	{"hatred", B_NOTPAST},
	{"have", B_CTA | B_HEAD},
	{"headline", B_MEDIA},
	{"headlines", B_MEDIA},
	{"held", B_PAST},
	{"help", B_CTA | B_HEAD},
	{"hundred", B_NOTPAST},
	{"illustration", B_CREDIT},
	{"image", B_CREDIT},
	{"images", B_CREDIT},
	{"impartial", B_EVAL},
	{"important", B_EVAL},
	{"inbox", B_MEDIA1},
	{"independent", B_EVAL},
	{"information", B_MEDIA},
	{"insisted", B_REPORT | B_PAST},
	{"instagram", B_PLATFORM},
	{"interview", B_MEDIA},
	{"itunes", B_PLATFORM},
	{"january", B_TIME},
	{"join", B_CTA | B_HEAD},
	{"joining", B_GERUND},
	{"journalism", B_MEDIA1},
	{"journalist", B_MEDIA},
	{"journalists", B_MEDIA},
	{"july", B_TIME},
	{"june", B_TIME},
	{"keep", B_CTA | B_HEAD},
	{"kept", B_PAST},
	{"knew", B_PAST},
	{"latest", B_HEAD},
	{"learn", B_CTA | B_HEAD},
	{"leave", B_CTA},
	{"led", B_PAST},
	{"left", B_PAST},
	{"like", B_CTA | B_HEAD},
	{"limited", B_NOTPAST},
	{"link", B_MEDIA},
	{"linkedin", B_PLATFORM},
	{"links", B_MEDIA},
	{"listen", B_CTA},
	{"log", B_CTA | B_HEAD},
	{"login", B_CTA1 | B_MEDIA},
	{"lost", B_PAST},
	{"made", B_PAST},
	{"march", B_TIME},
	{"material", B_SELF},
	{"meant", B_PAST},
	{"membership", B_MEDIA},
	{"met", B_PAST},
	{"misinformation", B_MEDIA},
	{"monday", B_TIME},
	{"naked", B_NOTPAST},
	{"never", B_HEAD},
	{"news", B_MEDIA},
	{"newsletter", B_MEDIA1 | B_SELF},
	{"newsletters", B_MEDIA1},
	{"newsroom", B_MEDIA},
	{"noted", B_REPORT | B_PAST},
	{"notifications", B_MEDIA},
	{"november", B_TIME},
	{"october", B_TIME},
	{"offer", B_MEDIA},
	{"offers", B_MEDIA},
	{"order", B_CTA},
	{"our", B_WE},
	{"ours", B_WE},
	{"ourselves", B_WE},
	{"page", B_MEDIA | B_SELF},
	{"paid", B_PAST},
	{"paywall", B_MEDIA1},
	{"per", B_HEAD},
	{"photo", B_MEDIA | B_CREDIT},
	{"photograph", B_CREDIT},
	{"photographs", B_CREDIT},
	{"photos", B_MEDIA | B_CREDIT},
	{"piece", B_SELF},
	{"pinterest", B_PLATFORM},
	{"please", B_CTA},
	{"podcast", B_MEDIA1 | B_SELF},
	{"podcasts", B_MEDIA1},
	{"post", B_MEDIA | B_SELF},
	{"posted", B_PUB},
	{"posts", B_MEDIA},
	{"powered", B_NOTPAST},
	{"predicted", B_REPORT | B_PAST},
	{"premium", B_MEDIA},
	{"print", B_MEDIA},
	{"privacy", B_MEDIA | B_HEAD},
	{"produced", B_PUB | B_CREDIT},
	{"published", B_PUB},
	{"purchasing", B_GERUND},
	{"quality", B_EVAL},
	{"quoted", B_REPORT | B_PAST},
	{"ran", B_PAST},
	{"rate", B_CTA},
	{"read", B_CTA | B_HEAD},
	{"reader", B_MEDIA},
	{"readers", B_MEDIA},
	{"readership", B_MEDIA},
	{"recalled", B_REPORT | B_PAST},
	{"reddit", B_PLATFORM},
	{"redistributed", B_PUB},
	{"register", B_CTA1},
	{"registered", B_NOTPAST},
	{"registering", B_GERUND},
	{"reiterated", B_REPORT | B_PAST},
	{"related", B_MEDIA | B_NOTPAST},
	{"reliable", B_EVAL},
	{"report", B_SELF},
	{"reported", B_CREDIT | B_PAST},
	{"reporter", B_MEDIA},
	{"reporters", B_MEDIA},
	{"reporting", B_MEDIA | B_CREDIT},
	{"reproduced", B_PUB},
	{"republished", B_PUB},
	{"research", B_CREDIT},
	{"reserved", B_NOTPAST},
	{"revealed", B_REPORT | B_PAST},
	{"rewritten", B_PUB},
	{"rose", B_PAST},
	{"rss", B_MEDIA},
	{"sacred", B_NOTPAST},
	{"said", B_REPORT | B_PAST},
	{"sat", B_PAST},
	{"saturday", B_TIME},
	{"save", B_CTA},
	{"saw", B_PAST},
	{"says", B_REPORT},
	{"see", B_CTA},
	{"send", B_CTA},
	{"sent", B_PAST},
	{"september", B_TIME},
	{"series", B_SELF},
	{"share", B_CTA},
	{"shop", B_CTA},
	{"shot", B_PAST},
	{"sign", B_CTA | B_HEAD},
	{"sign-up", B_MEDIA},
	{"signing", B_GERUND},
	{"signup", B_CTA1 | B_MEDIA},
	{"site", B_MEDIA | B_SELF},
	{"snapchat", B_PLATFORM},
	{"sold", B_PAST},
	{"sought", B_PAST},
	{"spoke", B_PAST},
	{"sponsored", B_MEDIA | B_NOTPAST},
	{"spotify", B_PLATFORM},
	{"start", B_CTA},
	{"stated", B_REPORT | B_PAST},
	{"stay", B_CTA},
	{"stood", B_PAST},
	{"stories", B_MEDIA},
	{"story", B_MEDIA | B_SELF},
	{"struck", B_PAST},
	{"submitting", B_GERUND},
	{"subscribe", B_CTA1 | B_MEDIA1 | B_HEAD},
	{"subscribed", B_MEDIA1},
	{"subscriber", B_MEDIA1},
	{"subscribers", B_MEDIA1},
	{"subscribing", B_MEDIA1 | B_GERUND},
	{"subscription", B_MEDIA1},
	{"subscriptions", B_MEDIA1},
	{"sunday", B_TIME},
	{"support", B_CTA | B_HEAD},
	{"supporting", B_GERUND},
	{"tap", B_CTA1 | B_HEAD},
	{"taught", B_PAST},
	{"tell", B_CTA | B_HEAD},
	{"tells", B_REPORT},
	{"terms", B_MEDIA | B_HEAD},
	{"testified", B_REPORT | B_PAST},
	{"text", B_CREDIT},
	{"than", B_HEAD},
	{"thank", B_HEAD},
	{"thanks", B_HEAD},
	{"thought", B_PAST},
	{"threw", B_PAST},
	{"thursday", B_TIME},
	{"tiktok", B_PLATFORM},
	{"tip", B_MEDIA},
	{"tips", B_MEDIA},
	{"told", B_REPORT | B_PAST},
	{"took", B_PAST},
	{"transcript", B_SELF},
	{"translated", B_CREDIT},
	{"translation", B_CREDIT},
	{"trial", B_MEDIA},
	{"trusted", B_EVAL},
	{"trustworthy", B_EVAL},
	{"try", B_CTA},
	{"tuesday", B_TIME},
	{"tweet", B_CTA | B_PLATFORM},
	{"twitter", B_PLATFORM},
	{"unbiased", B_EVAL},
	{"understood", B_PAST},
	{"unlimited", B_MEDIA},
	{"unlock", B_CTA | B_MEDIA},
	{"unsubscribe", B_CTA1 | B_MEDIA1},
	{"updated", B_PUB},
	{"updates", B_MEDIA},
	{"upgrade", B_CTA | B_MEDIA},
	{"urged", B_REPORT | B_PAST},
	{"us", B_WE},
	{"using", B_GERUND},
	{"version", B_SELF},
	{"video", B_MEDIA | B_SELF | B_CREDIT},
	{"videos", B_MEDIA},
	{"visit", B_CTA},
	{"visiting", B_GERUND},
	{"vital", B_EVAL},
	{"want", B_CTA},
	{"warned", B_REPORT | B_PAST},
	{"was", B_PAST},
	{"watch", B_CTA},
	{"we", B_WE},
	{"we'd", B_WE},
	{"we'll", B_WE},
	{"we're", B_WE},
	{"we've", B_WE},
	{"website", B_MEDIA | B_SELF},
	{"websites", B_MEDIA},
	{"wednesday", B_TIME},
	{"went", B_PAST},
	{"were", B_PAST},
	{"whatsapp", B_PLATFORM},
	{"without", B_HEAD},
	{"won", B_PAST},
	{"write", B_CTA | B_HEAD},
	{"writing", B_CREDIT},
	{"written", B_CREDIT},
	{"wrote", B_PAST},
	{"yesterday", B_TIME},
	{"you", B_YOU},
	{"you'd", B_YOU},
	{"you'll", B_YOU},
	{"you're", B_YOU},
	{"you've", B_YOU},
	{"your", B_YOU | B_HEAD},
	{"yours", B_YOU},
	{"yourself", B_YOU},
	{"youtube", B_PLATFORM},
};

#define NWORDS (sizeof words / sizeof words[0])

static int bword_cmp(const void *key, const void *elem)
{
	return strcmp(key, ((const bword *)elem)->w);
}

static uint32_t word_class(const char *w)
{
	const bword *b = bsearch(w, words, NWORDS, sizeof words[0], bword_cmp);
	return b ? b->cls : 0;
}

int boiler_table_sorted(void)
{
	for (size_t i = 1; i < NWORDS; i++)
		if (strcmp(words[i - 1].w, words[i].w) >= 0)
			return 0;
	return 1;
}

/* ----------------------------------------------------------------- idioms */

/* Publisher idioms, matched as whole words outside quotation marks. */
typedef struct idiom {
	const char *w[4]; /* the words; unused slots NULL */
	int score;
} idiom;

static const idiom idioms[] = {
	{{"all", "rights", "reserved", NULL}, 10},
	{{"contributed", "to", "this", "report"}, 10},
	{{"contributed", "to", "this", "story"}, 10},
	{{"contributed", "reporting", NULL, NULL}, 8},
	{{"originally", "published", NULL, NULL}, 6},
	{{"originally", "appeared", NULL, NULL}, 6},
	{{"first", "appeared", NULL, NULL}, 6},
	{{"first", "published", NULL, NULL}, 4},
	{{"click", "here", NULL, NULL}, 6},
	{{"tap", "here", NULL, NULL}, 6},
	{{"read", "more", NULL, NULL}, 4},
	{{"learn", "more", NULL, NULL}, 4},
	{{"find", "out", "more", NULL}, 4},
	{{"continue", "reading", NULL, NULL}, 5},
	{{"keep", "reading", NULL, NULL}, 5},
	{{"read", "the", "full", NULL}, 3},
	{{"sign", "up", NULL, NULL}, 4},
	{{"sign", "in", NULL, NULL}, 4},
	{{"log", "in", NULL, NULL}, 4},
	{{"follow", "us", NULL, NULL}, 6},
	{{"like", "us", NULL, NULL}, 6},
	{{"join", "us", NULL, NULL}, 4},
	{{"contact", "us", NULL, NULL}, 5},
	{{"email", "us", NULL, NULL}, 6},
	{{"write", "to", "us", NULL}, 6},
	{{"tell", "us", NULL, NULL}, 4},
	{{"help", "us", NULL, NULL}, 4},
	{{"support", "us", NULL, NULL}, 5},
	{{"support", "our", NULL, NULL}, 5},
	{{"thanks", "for", NULL, NULL}, 3},
	{{"thank", "you", "for", NULL}, 3},
	{{"for", "reading", NULL, NULL}, 5},
	{{"for", "watching", NULL, NULL}, 5},
	{{"for", "listening", NULL, NULL}, 5},
	{{"for", "visiting", NULL, NULL}, 5},
	{{"for", "more", "information", NULL}, 3},
	{{"already", "a", "subscriber", NULL}, 5},
	{{"become", "a", "member", NULL}, 5},
	{{"become", "a", "subscriber", NULL}, 5},
	{{"become", "a", "supporter", NULL}, 5},
	{{"terms", "of", "use", NULL}, 5},
	{{"terms", "of", "service", NULL}, 5},
	{{"privacy", "policy", NULL, NULL}, 5},
	{{"cookie", "policy", NULL, NULL}, 5},
	{{"than", "ever", NULL, NULL}, 2},
	{{"never", "been", "more", NULL}, 2},
	{{"never", "mattered", "more", NULL}, 2},
	{{"never", "miss", NULL, NULL}, 4},
	{{"don't", "miss", NULL, NULL}, 4},
	{{"do", "not", "miss", NULL}, 4},
	{{"do", "not", "sell", NULL}, 4},
	{{"free", "trial", NULL, NULL}, 4},
	{{"free", "articles", NULL, NULL}, 4},
	{{"free", "stories", NULL, NULL}, 4},
	{{"per", "month", NULL, NULL}, 2},
	{{"per", "week", NULL, NULL}, 2},
	{{"your", "help", NULL, NULL}, 2},
	{{"your", "support", NULL, NULL}, 3},
	{{"your", "contribution", NULL, NULL}, 3},
	{{"your", "inbox", NULL, NULL}, 2},
	{{"have", "your", "say", NULL}, 5},
	{{"without", "permission", NULL, NULL}, 5},
	{{"without", "prior", NULL, NULL}, 4},
	{{"latest", "news", NULL, NULL}, 2},
	{{"latest", "headlines", NULL, NULL}, 2},
	{{"latest", "updates", NULL, NULL}, 2},
};

#define NIDIOMS (sizeof idioms / sizeof idioms[0])

/* --------------------------------------------------------------- scanning */

#define MAXW 96 /* words looked at; boilerplate is short */
#define WLEN 24 /* longest word kept (longer ones are "" ) */

typedef struct btok {
	char w[WLEN];    /* lower case, NUL-terminated; "" when too long */
	uint32_t cls;    /* B_* bits from the table */
	unsigned char quoted;  /* inside quotation marks */
	unsigned char cap;     /* starts with an ASCII capital */
	unsigned char allcaps; /* two or more letters, all capitals ("US") */
	unsigned char year;    /* four digits, 1900-2099 */
	char next;       /* the first non-space byte after the word, or 0 */
} btok;

typedef struct bscan {
	btok t[MAXW];
	int nt;
	int in_quote;   /* an opening quotation mark is pending */
	int qstart;     /* first word after the last closing mark */
	int copyright;  /* a (c) or copyright sign with a year */
	int url;        /* an address, a handle or a link */
	int question;   /* ends with a question mark outside quotes */
} bscan;

static int is_alnum(unsigned char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	       (c >= '0' && c <= '9');
}

static int is_space(unsigned char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' ||
	       c == '\v';
}

/* 1 for an opening quotation mark at i, 0 for a closing one (a straight
 * quote is opening after a space or bracket and before a non-space). */
static int quote_opens(const char *s, size_t n, size_t i, size_t len)
{
	unsigned char prev = i ? (unsigned char)s[i - 1] : ' ';
	unsigned char next = i + len < n ? (unsigned char)s[i + len] : ' ';
	int after_gap = is_space(prev) || prev == '(' || prev == '[' ||
	                prev == '-' || prev == ':';
	if (after_gap && is_space(next))
		return -1; /* a lone mark: toggles */
	return after_gap && !is_space(next);
}

static void quote_mark(bscan *b, int opens)
{
	if (opens < 0)
		opens = !b->in_quote;
	if (opens) {
		b->in_quote = 1;
	} else if (b->in_quote) {
		b->in_quote = 0;
		b->qstart = b->nt;
	} else {
		/* Closes a quotation begun in an earlier sentence: everything
		 * since the last closing mark was quoted. */
		for (int k = b->qstart; k < b->nt; k++)
			b->t[k].quoted = 1;
		b->qstart = b->nt;
	}
}

/* Length of the UTF-8 sequence starting with byte c (1 for bad bytes). */
static size_t u8len(unsigned char c)
{
	return c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1;
}

/* Whether the non-ASCII character at s[i..i+len) is punctuation or space
 * (quotes, dashes, ellipsis, no-break space, copyright, guillemets). */
static int u8_punct(const unsigned char *p, size_t len)
{
	if (len == 2 && p[0] == 0xC2)
		return p[1] <= 0xBF && !(p[1] == 0xAA || p[1] == 0xB5 ||
		                         p[1] == 0xBA);
	if (len == 3 && p[0] == 0xE2 && (p[1] == 0x80 || p[1] == 0x81))
		return 1; /* General Punctuation */
	return 0;
}

static void add_word(bscan *b, const char *s, size_t n, size_t i, size_t e)
{
	if (b->nt >= MAXW)
		return;
	btok *t = &b->t[b->nt++];
	memset(t, 0, sizeof *t);
	t->quoted = (unsigned char)b->in_quote;
	unsigned char c0 = (unsigned char)s[i];
	t->cap = c0 >= 'A' && c0 <= 'Z';
	size_t len = 0, upper = 0, lower = 0, digits = 0;
	int fits = 1;
	for (size_t k = i; k < e; k++) {
		unsigned char c = (unsigned char)s[k];
		if (c == 0xE2 && k + 2 < e && (unsigned char)s[k + 1] == 0x80 &&
		    (unsigned char)s[k + 2] == 0x99) {
			c = '\''; /* a curly apostrophe inside the word */
			k += 2;
		}
		if (c >= 'A' && c <= 'Z') {
			upper++;
			c = (unsigned char)(c - 'A' + 'a');
		} else if (c >= 'a' && c <= 'z') {
			lower++;
		} else if (c >= '0' && c <= '9') {
			digits++;
		}
		if (len + 1 < WLEN)
			t->w[len++] = (char)c;
		else
			fits = 0;
	}
	t->w[fits ? len : 0] = '\0';
	t->allcaps = upper >= 2 && lower == 0;
	if (digits == 4 && len == 4 && fits &&
	    (memcmp(t->w, "19", 2) == 0 || memcmp(t->w, "20", 2) == 0))
		t->year = 1;
	t->cls = fits && len ? word_class(t->w) : 0;
	while (e < n && is_space((unsigned char)s[e]))
		e++;
	t->next = e < n ? s[e] : 0;
}

/* Splits s[0..n) into words, noting quotation marks, copyright signs and
 * addresses. */
static void scan(bscan *b, const char *s, size_t n)
{
	const unsigned char *u = (const unsigned char *)s;
	size_t i = 0;
	int cmark = 0; /* a (c) or (C) was seen */
	while (i < n) {
		unsigned char c = u[i];
		size_t cl = u8len(c);
		if (cl > n - i)
			cl = n - i;
		int punct = c >= 0x80 && u8_punct(u + i, cl);
		if (is_alnum(c) || (c >= 0x80 && !punct)) {
			size_t e = i;
			while (e < n) {
				unsigned char d = u[e];
				if (is_alnum(d)) {
					e++;
				} else if (d >= 0x80) {
					size_t dl = u8len(d);
					if (dl > n - e)
						dl = n - e;
					int apos = dl == 3 && d == 0xE2 && u[e + 1] == 0x80 &&
					           u[e + 2] == 0x99;
					if (u8_punct(u + e, dl) &&
					    !(apos && e + 3 < n && is_alnum(u[e + 3])))
						break;
					e += dl;
				} else if ((d == '\'' || d == '-') && e + 1 < n &&
				           is_alnum(u[e + 1])) {
					e++;
				} else {
					break;
				}
			}
			if (e - i >= 4 && (memcmp(s + i, "http", 4) == 0 ||
			                   memcmp(s + i, "www", 3) == 0) &&
			    e < n && (u[e] == ':' || u[e] == '.'))
				b->url = 1;
			add_word(b, s, n, i, e);
			i = e;
			continue;
		}
		if (c == '"') {
			quote_mark(b, quote_opens(s, n, i, 1));
		} else if (c == 0xE2 && cl == 3 && u[i + 1] == 0x80 &&
		           (u[i + 2] == 0x9C || u[i + 2] == 0x9D)) {
			quote_mark(b, u[i + 2] == 0x9C);
		} else if (c == 0xC2 && cl == 2 && (u[i + 1] == 0xAB ||
		                                    u[i + 1] == 0xBB)) {
			quote_mark(b, u[i + 1] == 0xAB);
		} else if (c == 0xC2 && cl == 2 && u[i + 1] == 0xA9) {
			b->copyright = 1; /* the copyright sign */
		} else if (c == '(' && n - i >= 3 && (u[i + 1] == 'c' ||
		                                      u[i + 1] == 'C') &&
		           u[i + 2] == ')') {
			cmark = 1;
			i += 3;
			size_t k = i;
			while (k < n && is_space(u[k]))
				k++;
			if (k < n && u[k] >= '0' && u[k] <= '9')
				b->copyright = 1;
			continue;
		} else if (c == '@' && i + 1 < n && is_alnum(u[i + 1])) {
			b->url = 1; /* an e-mail address or a handle */
		}
		i += cl;
	}
	/* "Copyright 2014 ...", "Copyright (c) ...", "Copyright X Corp 2018",
	 * "2014 ... copyright". */
	int has_year = 0;
	for (int k = 0; k < b->nt; k++)
		has_year |= b->t[k].year;
	for (int k = 0; k < b->nt; k++) {
		if (strcmp(b->t[k].w, "copyright") != 0)
			continue;
		if (cmark || (k == 0 && has_year) ||
		    (k + 1 < b->nt && b->t[k + 1].year) ||
		    (k + 2 < b->nt && b->t[k + 2].year) ||
		    (k > 0 && b->t[k - 1].year))
			b->copyright = 1;
	}
}

/* ----------------------------------------------------------------- scoring */

static int is_word(const btok *t, const char *w)
{
	return strcmp(t->w, w) == 0;
}

/* Whether the unquoted word is a past tense: a known irregular one, or a
 * regular -ed form ("met", "agreed" yes; "need", "reserved" no). */
static int is_past(const btok *t)
{
	if (t->cls & B_PAST)
		return 1;
	if (t->cls & B_NOTPAST)
		return 0;
	size_t len = strlen(t->w);
	return len >= 5 && t->w[len - 2] == 'e' && t->w[len - 1] == 'd' &&
	       t->w[len - 3] != 'e';
}

/* Sum of the idioms that start at word i. */
static int idiom_score(const bscan *b, int i)
{
	int sum = 0;
	for (size_t k = 0; k < NIDIOMS; k++) {
		const idiom *id = &idioms[k];
		int j = 0;
		for (; j < 4 && id->w[j]; j++)
			if (i + j >= b->nt || b->t[i + j].quoted ||
			    !is_word(&b->t[i + j], id->w[j]))
				break;
		if (j == 4 || (j > 0 && !id->w[j]))
			sum += id->score;
	}
	return sum;
}

/* Words that may come before an imperative: "Please subscribe". */
static int is_lead_in(const btok *t)
{
	static const char *const lead[] = {"please", "now", "so", "just",
	                                   "simply", "and", "or", "then"};
	for (size_t k = 0; k < sizeof lead / sizeof lead[0]; k++)
		if (is_word(t, lead[k]))
			return 1;
	return 0;
}

/* Cues of the sentence's start: calls to action, credit lines, bylines,
 * "By subscribing, ...". */
static int start_score(const bscan *b)
{
	const btok *t = b->t;
	int nt = b->nt, score = 0;
	if (nt == 0)
		return 0;
	int f = 0;
	while (f < nt - 1 && !t[f].quoted && is_lead_in(&t[f]))
		f++;
	if (!t[f].quoted && t[f].next != ',') {
		if (t[f].cls & B_CTA1)
			score += 6;
		else if (t[f].cls & B_CTA)
			score += 3;
	}
	if (t[0].quoted)
		return score;
	/* "Reporting by ...", "Additional reporting by", "Text and photos by",
	 * "Photo: ..." */
	int i = 0, credit = 0;
	while (i < nt && i < 4 && ((t[i].cls & B_CREDIT) || is_word(&t[i], "with") ||
	                           is_word(&t[i], "and"))) {
		credit |= (t[i].cls & B_CREDIT) != 0;
		i++;
	}
	if (credit && i < nt && is_word(&t[i], "by"))
		score += 10;
	else if ((t[0].cls & B_CREDIT) && t[0].next == ':')
		score += 6;
	if (is_word(&t[0], "by") && nt > 1) {
		if (t[1].cls & B_GERUND) {
			score += 5;
		} else if (nt >= 3 && nt <= 10 && t[1].cap) {
			/* A byline: "By Jane Smith and Omar Ali" */
			static const char *const glue[] = {"and", "de", "van", "von",
			                                   "der", "del", "da", "al",
			                                   "bin", "la", "le"};
			int names = 1;
			for (int k = 2; k < nt && names; k++) {
				int ok = t[k].cap;
				for (size_t g = 0; !ok && g < sizeof glue / sizeof glue[0]; g++)
					ok = is_word(&t[k], glue[g]);
				names = ok;
			}
			if (names)
				score += 8;
		}
	}
	return score;
}

static int min_int(int a, int b)
{
	return a < b ? a : b;
}

/* The score a sentence needs at its distance from the document's end. */
static int threshold(int from_end)
{
	if (from_end >= 0 && from_end <= 1)
		return 5;
	if (from_end >= 2 && from_end <= 3)
		return 6;
	return 8;
}

int boiler_score(const char *s, size_t n)
{
	bscan b;
	b.nt = 0;
	b.in_quote = 0;
	b.qstart = 0;
	b.copyright = 0;
	b.url = 0;
	b.question = 0;
	if (!s || n == 0)
		return INT_MIN;
	scan(&b, s, n);
	if (b.nt == 0)
		return INT_MIN;
	size_t e = n;
	while (e > 0 && is_space((unsigned char)s[e - 1]))
		e--;
	b.question = e > 0 && s[e - 1] == '?' && !b.in_quote;

	int score = b.copyright ? 10 : 0;
	score += start_score(&b);
	int nyou = 0, nwe = 0, nmedia1 = 0, nmedia = 0, neval = 0, nplat = 0;
	int nreport = 0, npast = 0, ntime = 0, ncap = 0, follow = 0;
	int self = 0, pub = 0, please = 0;
	for (int i = 0; i < b.nt; i++) {
		const btok *t = &b.t[i];
		if (t->quoted)
			continue;
		uint32_t c = t->cls;
		if (c & B_HEAD)
			score += idiom_score(&b, i);
		if (!t->allcaps) {
			nyou += (c & B_YOU) != 0;
			nwe += (c & B_WE) != 0;
		}
		nmedia1 += (c & B_MEDIA1) != 0;
		nmedia += (c & B_MEDIA) != 0;
		neval += (c & B_EVAL) != 0;
		nplat += (c & B_PLATFORM) != 0;
		nreport += (c & B_REPORT) != 0;
		ntime += (c & B_TIME) != 0;
		follow |= is_word(t, "follow");
		please |= is_word(t, "please");
		if (is_past(t))
			npast++;
		if (i > 0 && t->cap && c == 0 && t->w[0] && t->w[1])
			ncap++;
		if (is_word(t, "this") && i + 1 < b.nt && (b.t[i + 1].cls & B_SELF))
			self = 1;
		if (self && (c & B_PUB))
			pub = 1;
	}
	if (nyou)
		score += 3 + min_int(nyou - 1, 2);
	if (nwe)
		score += 2 + min_int(nwe - 1, 1);
	if (nyou && nwe)
		score += 1;
	score += 3 * min_int(nmedia1, 2);
	score += min_int(nmedia + nplat, 3);
	if (nmedia1 + nmedia > 0)
		score += min_int(neval, 2);
	if (follow && nplat)
		score += 3;
	if (self)
		score += pub ? 10 : 2;
	if (b.url)
		score += 2;
	if (b.question && b.nt <= 8 && !b.t[0].quoted)
		score += 2; /* a short question asks the reader */
	if (please)
		score += 2; /* news asks nobody, outside quotes */
	if (b.nt <= 3 && nmedia1 + nmedia + nplat > 0 && !npast && !b.question)
		score += 4; /* a label: "Advertisement", "Related stories" */
	if (nreport)
		score -= 6;
	if (npast)
		score -= npast >= 2 ? 3 : 2;
	if (ntime)
		score -= 2;
	if (ncap >= 4)
		score -= 2;
	else if (ncap >= 2)
		score -= 1;
	if (b.nt > 40)
		score -= 1;
	return score;
}

int boiler_sentence(const char *s, size_t n, int from_end)
{
	return boiler_score(s, n) >= threshold(from_end);
}

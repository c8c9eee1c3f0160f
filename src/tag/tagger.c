/*
 * tagger.c - part-of-speech tags from the compiled lexicon, word shape and
 * hand-written context rules.
 *
 * Three steps per sentence: (1) every token gets its candidate tags from
 * the lexicon, or from its shape when unknown; capitalised words become
 * NNP unless the lexicon says otherwise at a sentence start; (2) a left-to-
 * right pass picks one tag for each ambiguous word from the tags already
 * chosen on its left and the candidates on its right (noun or verb, VBD or
 * VBN, particle or preposition, ...); (3) a few fix-ups that need both
 * sides. The lexicon is the blob tools/mklexicon wrote (lexicon_int.h),
 * read in place.
 */
#include "tagger.h"

#include <stdlib.h>
#include <string.h>

#include "../util/xmalloc.h"
#include "lexicon_int.h"

extern const char dyad_lexicon_blob[];
extern const size_t dyad_lexicon_size;

/* ---------------------------------------------------------------- word lists */

/* Verbs after which a new clause may start without "that". */
static const char *const say_verbs[] = {
	"said", "say", "says", "saying", "told", "tell", "tells", "added", "argue", "argued",
	"argues", "believe", "believed", "believes", "think", "thought", "thinks", "claimed",
	"claim", "claims", "warned", "warns", "noted", "stated", "insisted", "announced",
	"confirmed", "reported", "suggested", "indicated", "indicate", "feared", "hoped",
	"expect", "expected", "expects", "knew", "know", "acknowledged", "admitted", "denied",
	"charged", "alleged", "alleging", "accused", "hope", "hopes", "fear", "fears", NULL
};

/* Words that open a subordinate or relative clause. */
static const char *const subordinators[] = {
	"that", "because", "after", "before", "when", "while", "if", "although", "though",
	"as", "since", "until", "unless", "whether", "where", "how", "why", "which", "who",
	"whom", "once", "whereas", NULL
};

static const char *const be_forms[] = {
	"be", "is", "are", "was", "were", "been", "being", "am", "'re", "'m", "'s", NULL
};

static const char *const have_forms[] = {
	"have", "has", "had", "having", "'ve", NULL
};

static const char *const do_forms[] = {"do", "does", "did", NULL};

/* Verbs followed by a bare infinitive: "help rebuild", "let them go". */
static const char *const bare_inf_verbs[] = {
	"help", "helps", "helped", "helping", "let", "lets", "letting", "make", "makes",
	"made", NULL
};

static const char *const subj_plural[] = {"i", "we", "they", "you", NULL};
static const char *const subj_single[] = {"he", "she", "it", NULL};

/* Time words: after a verb they are adverbials, not objects. */
static const char *const temporal[] = {
	"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
	"today", "yesterday", "tomorrow", "tonight", "overnight", NULL
};

static const char *const get_forms[] = {"get", "gets", "got", "getting", NULL};

/* Word classes the rules ask about, looked up once per token. */
enum {
	CL_BE = 1, CL_HAVE = 2, CL_DO = 4, CL_SAY = 8, CL_SUBORD = 16, CL_BAREINF = 32,
	CL_SUBJPL = 64, CL_SUBJSG = 128, CL_TEMPORAL = 256, CL_GET = 512
};

static const struct {
	const char *const *words;
	uint32_t cls;
} class_lists[] = {
	{be_forms, CL_BE}, {have_forms, CL_HAVE}, {do_forms, CL_DO}, {say_verbs, CL_SAY},
	{subordinators, CL_SUBORD}, {bare_inf_verbs, CL_BAREINF}, {subj_plural, CL_SUBJPL},
	{subj_single, CL_SUBJSG}, {temporal, CL_TEMPORAL}, {get_forms, CL_GET},
};

#define CLASS_SLOTS 512

struct tagger {
	const unsigned char *slots;   /* nslots * LEX_SLOT_BYTES */
	const lex_info *info;         /* ninfo records */
	const unsigned char *strings; /* word pool */
	uint32_t nslots;              /* power of two, 0 if no lexicon */
	uint32_t nwords;              /* entries in the table */
	uint32_t ninfo;               /* records in info */
	/* Class words (class_lists) by hash: open addressing, word NULL if
	 * empty. Built by tagger_new, read-only after. */
	struct {
		const char *word;
		uint64_t hash;
		uint32_t cls;
	} classes[CLASS_SLOTS];
};

#define B(t) (1ULL << (t))

/* ---------------------------------------------------------------- lexicon */

static uint32_t rd32(const unsigned char *p)
{
	uint32_t v;
	memcpy(&v, p, 4);
	return v;
}

static uint64_t fnv(const char *s, size_t n);

static void build_classes(tagger *t)
{
	for (size_t l = 0; l < sizeof class_lists / sizeof *class_lists; l++) {
		for (const char *const *w = class_lists[l].words; *w; w++) {
			uint64_t h = fnv(*w, strlen(*w));
			size_t s = (size_t)h & (CLASS_SLOTS - 1);
			while (t->classes[s].word && strcmp(t->classes[s].word, *w) != 0)
				s = (s + 1) & (CLASS_SLOTS - 1);
			t->classes[s].word = *w;
			t->classes[s].hash = h;
			t->classes[s].cls |= class_lists[l].cls;
		}
	}
}

/* The classes of the lower-case word w[0..n) with hash h. */
static uint32_t class_of(const tagger *t, const char *w, size_t n, uint64_t h)
{
	for (size_t s = (size_t)h & (CLASS_SLOTS - 1);; s = (s + 1) & (CLASS_SLOTS - 1)) {
		if (!t->classes[s].word)
			return 0;
		if (t->classes[s].hash == h && strlen(t->classes[s].word) == n &&
		    memcmp(t->classes[s].word, w, n) == 0)
			return t->classes[s].cls;
	}
}

tagger *tagger_new(void)
{
	tagger *t = xcalloc(1, sizeof *t);
	build_classes(t);
	const unsigned char *b = (const unsigned char *)dyad_lexicon_blob;
	size_t n = dyad_lexicon_size;
	if (n < LEX_HEADER_BYTES || memcmp(b, LEX_MAGIC, 4) != 0)
		return t; /* no lexicon: every word is guessed from its shape */
	uint32_t nslots = rd32(b + 4), nwords = rd32(b + 8), ninfo = rd32(b + 12);
	uint32_t off_slots = rd32(b + 16), off_info = rd32(b + 20), off_str = rd32(b + 24);
	uint32_t total = rd32(b + 28);
	if (total != n || (nslots & (nslots - 1)) != 0 || off_info % 8 != 0 ||
	    (uint64_t)off_slots + (uint64_t)nslots * LEX_SLOT_BYTES > off_info ||
	    (uint64_t)off_info + (uint64_t)ninfo * sizeof(lex_info) > off_str || off_str > n)
		return t;
	t->slots = b + off_slots;
	t->info = (const lex_info *)(const void *)(b + off_info);
	t->strings = b + off_str;
	t->nslots = nslots;
	t->nwords = nwords;
	t->ninfo = ninfo;
	return t;
}

void tagger_free(tagger *t)
{
	free(t);
}

int32_t tagger_lexicon_size(const tagger *t)
{
	return (int32_t)t->nwords;
}

static uint64_t fnv(const char *s, size_t n)
{
	uint64_t h = 1469598103934665603ULL;
	for (size_t i = 0; i < n; i++) {
		h ^= (unsigned char)s[i];
		h *= 1099511628211ULL;
	}
	return h;
}

/* The record of the lower-case word w[0..n), or NULL. */
static const lex_info *lookup_h(const tagger *t, const char *w, size_t n, uint64_t h)
{
	if (t->nslots == 0 || n == 0 || n > 255)
		return NULL;
	uint16_t chk = (uint16_t)(h >> 48);
	uint32_t mask = t->nslots - 1;
	for (uint32_t s = (uint32_t)h & mask;; s = (s + 1) & mask) {
		const unsigned char *sl = t->slots + (size_t)s * LEX_SLOT_BYTES;
		uint32_t off = rd32(sl);
		if (off == LEX_EMPTY)
			return NULL;
		uint16_t c, idx;
		memcpy(&c, sl + 4, 2);
		if (c != chk)
			continue;
		const unsigned char *str = t->strings + off;
		if (str[0] == n && memcmp(str + 1, w, n) == 0) {
			memcpy(&idx, sl + 6, 2);
			return idx < t->ninfo ? &t->info[idx] : NULL;
		}
	}
}

/* Lower-cases (ASCII) w[0..n) into buf (256 bytes); returns the length or
 * 0 if too long. */
static size_t lower_into(const char *w, size_t n, char *buf)
{
	if (n > 255)
		return 0;
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)w[i];
		buf[i] = (char)((c >= 'A' && c <= 'Z') ? c + 32 : c);
	}
	return n;
}

static const lex_info *lookup(const tagger *t, const char *w, size_t n)
{
	return lookup_h(t, w, n, fnv(w, n));
}

static const lex_info *lookup_lower(const tagger *t, const char *w, size_t n)
{
	char buf[256];
	size_t m = lower_into(w, n, buf);
	return m ? lookup(t, buf, m) : NULL;
}

uint64_t tagger_lexicon_tags(const tagger *t, const char *word)
{
	const lex_info *li = lookup(t, word, strlen(word));
	return li ? li->tags : 0;
}

/* ---------------------------------------------------------------- tag sets */

#define NOUNS (B(POS_NN) | B(POS_NNS) | B(POS_NNP) | B(POS_NNPS))
#define VERBS (B(POS_VB) | B(POS_VBD) | B(POS_VBG) | B(POS_VBN) | B(POS_VBP) | B(POS_VBZ))
#define FINITE (B(POS_VBD) | B(POS_VBP) | B(POS_VBZ) | B(POS_MD))
#define ADJS (B(POS_JJ) | B(POS_JJR) | B(POS_JJS))
#define ADVS (B(POS_RB) | B(POS_RBR) | B(POS_RBS))
#define CLOSED (B(POS_DT) | B(POS_IN) | B(POS_PRP) | B(POS_PRPS) | B(POS_CC) | B(POS_MD) | \
		B(POS_TO) | B(POS_WDT) | B(POS_WP) | B(POS_WPS) | B(POS_WRB) | B(POS_EX) | \
		B(POS_PDT) | B(POS_POS))
/* Left neighbours after which a noun, not a verb, follows. */
#define NOMINAL_LEFT (B(POS_DT) | B(POS_PRPS) | B(POS_POS) | B(POS_JJ) | B(POS_JJR) | \
		      B(POS_JJS) | B(POS_CD) | B(POS_PDT) | B(POS_WPS))

/* Per-token working state. */
typedef struct wtok {
	uint64_t cand;         /* candidate tags */
	const lex_info *li;    /* lexicon record, or NULL */
	uint8_t tag;           /* chosen tag */
	uint8_t fixed;         /* decided in step 1; step 2 leaves it */
	uint8_t cap;           /* capitalised and not sentence-initial */
	uint32_t cls;          /* CL_* word classes */
} wtok;

static int is(const tok_token *tk, const char *s)
{
	return strcmp(tk->form, s) == 0;
}

/* Case-insensitive equality with a lower-case ASCII word. */
static inline int is_ci(const tok_token *tk, const char *s)
{
	size_t n = strlen(s);
	if (tk->len != n)
		return 0;
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)tk->form[i];
		if (c >= 'A' && c <= 'Z')
			c = (unsigned char)(c + 32);
		if (c != (unsigned char)s[i])
			return 0;
	}
	return 1;
}

static int ends_ci(const tok_token *tk, const char *suf)
{
	size_t m = strlen(suf);
	if (tk->len < m)
		return 0;
	const char *p = tk->form + tk->len - m;
	for (size_t i = 0; i < m; i++) {
		unsigned char c = (unsigned char)p[i];
		if (c >= 'A' && c <= 'Z')
			c = (unsigned char)(c + 32);
		if (c != (unsigned char)suf[i])
			return 0;
	}
	return 1;
}

/* The tag of a punctuation or symbol token, or POS_NONE. */
static pos_tag punct_tag(const tok_token *tk)
{
	const char *f = tk->form;
	if (tk->len == 0)
		return POS_SYM;
	unsigned char c0 = (unsigned char)f[0];
	if ((c0 >= 'a' && c0 <= 'z') || (c0 >= 'A' && c0 <= 'Z') || (c0 >= '0' && c0 <= '9') ||
	    c0 >= 0x80 || (c0 == '\'' && tk->len > 2 && !is(tk, "''")))
		return POS_NONE; /* words, numbers, "'s" */
	if (is(tk, "``") || is(tk, "`"))
		return POS_LQUOTE;
	if (is(tk, "''") || is(tk, "'"))
		return POS_RQUOTE;
	if (is(tk, "-LRB-"))
		return POS_LRB;
	if (is(tk, "-RRB-"))
		return POS_RRB;
	if (is(tk, "--") || is(tk, "-") || is(tk, "...") || is(tk, ";") || is(tk, ":"))
		return POS_COLON;
	if (tk->len == 1) {
		switch (f[0]) {
		case ',': return POS_COMMA;
		case '.': case '!': case '?': return POS_PERIOD;
		case '$': return POS_DOLLAR;
		case '#': return POS_HASH;
		case '%': return POS_NN;
		case '&': return POS_CC;
		default: break;
		}
		unsigned char c = (unsigned char)f[0];
		if (c < 0x80 && !((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
				  (c >= '0' && c <= '9')))
			return POS_SYM;
	}
	return POS_NONE;
}

static int has_digit(const tok_token *tk)
{
	for (uint16_t i = 0; i < tk->len; i++) {
		if (tk->form[i] >= '0' && tk->form[i] <= '9')
			return 1;
	}
	return 0;
}

/* Digits with , and . only: "48", "1,000", "3.5". */
static int plain_number(const tok_token *tk)
{
	if (!(tk->flags & TOK_F_NUM))
		return 0;
	for (uint16_t i = 0; i < tk->len; i++) {
		char c = tk->form[i];
		if (!((c >= '0' && c <= '9') || c == ',' || c == '.'))
			return 0;
	}
	return 1;
}

/* Candidates and best guess for a word the lexicon does not know. */
static uint64_t guess(const tagger *t, const tok_token *tk, uint8_t *best)
{
	const char *f = tk->form;
	if (tk->flags & TOK_F_NUM) {
		if (ends_ci(tk, "th") || ends_ci(tk, "st") || ends_ci(tk, "nd") || ends_ci(tk, "rd"))
			return *best = POS_JJ, B(POS_JJ);
		if (memchr(f, '-', tk->len) && !(f[tk->len - 1] >= '0' && f[tk->len - 1] <= '9'))
			return *best = POS_JJ, B(POS_JJ); /* "5-year", "10-point" */
		return *best = POS_CD, B(POS_CD);
	}
	if (has_digit(tk))
		return *best = POS_NN, B(POS_NN) | B(POS_JJ);
	const char *dash = memchr(f, '-', tk->len);
	if (dash && dash > f) {
		/* A hyphenated word: by its last part. */
		const char *last = f + tk->len;
		while (last > f && last[-1] != '-')
			last--;
		const lex_info *li = lookup_lower(t, last, (size_t)(f + tk->len - last));
		if (li && (li->tags & B(POS_NNS)) && !(li->tags & B(POS_NN)) && last[0] != '\0')
			return *best = POS_NNS, B(POS_NNS) | B(POS_JJ);
		return *best = POS_JJ, B(POS_JJ) | B(POS_NN);
	}
	if (ends_ci(tk, "ly"))
		return *best = POS_RB, B(POS_RB) | B(POS_JJ);
	if (ends_ci(tk, "ing") && tk->len > 4)
		return *best = POS_VBG, B(POS_VBG) | B(POS_NN);
	if (ends_ci(tk, "ed") && tk->len > 3)
		return *best = POS_VBD, B(POS_VBD) | B(POS_VBN) | B(POS_JJ);
	static const char *const adj_suf[] = {"ous", "ful", "ive", "able", "ible", "al", "ic",
					      "less", "ary", "ish", "ian", "ese", "ent", "ant",
					      NULL};
	for (int k = 0; adj_suf[k]; k++) {
		if (ends_ci(tk, adj_suf[k]))
			return *best = POS_JJ, B(POS_JJ) | B(POS_NN);
	}
	if (ends_ci(tk, "men") && tk->len > 5)
		return *best = POS_NNS, B(POS_NNS);
	if (ends_ci(tk, "s") && !ends_ci(tk, "ss") && !ends_ci(tk, "us") && !ends_ci(tk, "is") &&
	    tk->len > 3)
		return *best = POS_NNS, B(POS_NNS) | B(POS_VBZ);
	if (ends_ci(tk, "ize") || ends_ci(tk, "ise") || ends_ci(tk, "ify"))
		return *best = POS_VB, B(POS_VB) | B(POS_VBP);
	return *best = POS_NN, B(POS_NN);
}

/* Does a part after a hyphen start with a capital ("al-Shabab")? */
static int has_cap_part(const tok_token *tk)
{
	for (uint16_t i = 1; i < tk->len; i++) {
		if (tk->form[i - 1] == '-' && tk->form[i] >= 'A' && tk->form[i] <= 'Z')
			return 1;
	}
	return 0;
}

/* "pro-Russia", "anti-American", "non-Muslim": an adjective. */
static int is_prefix_word(const tok_token *tk)
{
	static const char *const pre[] = {"pro-", "anti-", "non-", "ex-", "post-", "pre-",
					  "mid-", "trans-", "pan-", NULL};
	for (int k = 0; pre[k]; k++) {
		size_t m = strlen(pre[k]);
		if (tk->len > m && strncmp(tk->form, pre[k], m) == 0)
			return 1;
	}
	return 0;
}

/* ---------------------------------------------------------------- step 1 */

/* Is token i at the start of a sentence or of a quotation or clause? */
static int starts_clause(const tok_token *toks, const wtok *w, int32_t i)
{
	if (toks[i].flags & TOK_F_SENTSTART)
		return 1;
	if (i == 0)
		return 1;
	uint8_t p = w[i - 1].tag;
	return p == POS_LQUOTE || p == POS_COLON || p == POS_LRB;
}

static void initial(const tagger *t, const tok_token *toks, wtok *w, int32_t n)
{
	for (int32_t i = 0; i < n; i++) {
		const tok_token *tk = &toks[i];
		wtok *x = &w[i];
		memset(x, 0, sizeof *x);
		pos_tag p = punct_tag(tk);
		if (p != POS_NONE) {
			x->tag = (uint8_t)p;
			x->cand = B(p);
			x->fixed = 1;
			continue;
		}
		if (plain_number(tk)) {
			x->tag = POS_CD;
			x->cand = B(POS_CD);
			x->fixed = 1;
			continue;
		}
		char low[256];
		size_t m = lower_into(tk->form, tk->len, low);
		uint64_t h = fnv(low, m);
		x->li = m ? lookup_h(t, low, m, h) : NULL;
		x->cls = m ? class_of(t, low, m, h) : 0;
		if (x->li) {
			x->cand = x->li->tags;
			x->tag = x->li->best;
		} else {
			x->cand = guess(t, tk, &x->tag);
		}
		if (!x->li && memchr(tk->form, '-', tk->len) && has_cap_part(tk)) {
			x->tag = POS_NNP; /* "al-Shabab", "pro-Russia" stays JJ below */
			x->cand = B(POS_NNP);
			x->fixed = 1;
			if (!(tk->flags & TOK_F_CAP) && is_prefix_word(tk)) {
				x->tag = POS_JJ;
				x->cand = B(POS_JJ);
			}
			continue;
		}
		if (!(tk->flags & TOK_F_CAP))
			continue;
		/* Capitalised words. */
		int start = starts_clause(toks, w, i);
		const lex_info *li = x->li;
		if (tk->len == 1 && (tk->form[0] == 'I' || tk->form[0] == 'A') && li)
			continue; /* the pronoun, the article */
		/* A capitalised modal after a name is a surname: "Theresa May
		 * said", "Will" is a first name only before one. */
		if (!start && li && (li->tags & B(POS_MD)) && !(tk->flags & TOK_F_ALLCAP) &&
		    i > 0 && w[i - 1].tag == POS_NNP && (toks[i - 1].flags & TOK_F_CAP)) {
			x->tag = POS_NNP;
			x->cand = B(POS_NNP);
			x->fixed = 1;
			x->cap = 1;
			continue;
		}
		if (li && (li->tags & CLOSED) && !(tk->flags & TOK_F_ALLCAP))
			continue; /* "The", "In", "He" in titles */
		if (li && (li->flags & LEX_F_DEMONYM) && !(tk->flags & TOK_F_ALLCAP)) {
			const tok_token *nx = i + 1 < n ? &toks[i + 1] : NULL;
			const lex_info *nl = nx ? lookup_lower(t, nx->form, nx->len) : NULL;
			int nx_verb = nl && !(nx->flags & TOK_F_CAP) && (nl->tags & FINITE) &&
				      !(nl->tags & NOUNS);
			if (nx && punct_tag(nx) == POS_NONE && !(nx->flags & TOK_F_NUM) && !nx_verb &&
			    (!(nx->flags & TOK_F_CAP) || is(nx, "and")) &&
			    !(nl && (nl->tags & CLOSED) && !is(nx, "and"))) {
				x->tag = POS_JJ;
				x->cand = B(POS_JJ);
				x->fixed = 1;
				continue;
			}
		}
		const char *dash = memchr(tk->form, '-', tk->len);
		if (!li && dash) {
			/* "Moscow-based", "Israeli-occupied": an adjective when the
			 * last part is a lower-case participle or adjective. */
			const char *last = tk->form + tk->len;
			while (last > tk->form && last[-1] != '-')
				last--;
			size_t ll = (size_t)(tk->form + tk->len - last);
			const lex_info *ll_i = ll ? lookup_lower(t, last, ll) : NULL;
			if (ll && last[0] >= 'a' && last[0] <= 'z' && ll_i &&
			    (ll_i->tags & (B(POS_VBN) | B(POS_JJ)))) {
				x->tag = POS_JJ;
				x->cand = B(POS_JJ);
				x->fixed = 1;
				continue;
			}
		}
		int proper = 1;
		if (start && li && !(tk->flags & TOK_F_ALLCAP)) {
			/* Sentence-initial: trust the lexicon unless the word is
			 * mostly a name or a capitalised word follows it. */
			int name_next = i + 1 < n && (toks[i + 1].flags & TOK_F_CAP) &&
					!(toks[i + 1].flags & TOK_F_SENTSTART);
			if (name_next) {
				const lex_info *nl = lookup_lower(t, toks[i + 1].form, toks[i + 1].len);
				if (nl && (nl->tags & CLOSED))
					name_next = 0;
			}
			/* A bare singular noun rarely opens a sentence: "Brazil and
			 * ..." is the country. */
			int cap_nn = (li->flags & LEX_F_CAPNOUN) && li->best == POS_NN;
			proper = (li->flags & LEX_F_PROPER) || name_next || cap_nn;
		}
		if (!proper)
			continue;
		x->tag = POS_NNP;
		if (li && (li->tags & B(POS_NNS)) && !(li->tags & B(POS_NN)) && ends_ci(tk, "s"))
			x->tag = POS_NNPS;
		x->cand = B(x->tag);
		x->fixed = 1;
		x->cap = 1;
	}
}

/* ---------------------------------------------------------------- step 2 */

/* Index of the nearest token left of i that is not an adverb or "not",
 * or -1. */
static int32_t left_skip_adv(const wtok *w, int32_t i)
{
	int32_t j = i - 1;
	while (j >= 0 && (w[j].tag == POS_RB || w[j].tag == POS_RBR))
		j--;
	return j;
}

static int noun_like(uint64_t cand)
{
	return (cand & NOUNS) != 0;
}

/* Does an object-like noun phrase start at token j? */
static int np_start(const wtok *w, int32_t j, int32_t n)
{
	if (j >= n || (w[j].cls & CL_TEMPORAL))
		return 0; /* time words are adverbials, not objects */
	uint8_t tg = w[j].tag;
	if (tg == POS_DT || tg == POS_PRPS || tg == POS_CD || tg == POS_NNP || tg == POS_NNPS ||
	    tg == POS_PDT || tg == POS_LQUOTE)
		return 1;
	if (tg == POS_PRP && !(w[j].cls & (CL_SUBJPL | CL_SUBJSG)))
		return 1; /* him, them, us */
	return 0;
}

/* Could the noun phrase ending at token j be a subject? Not when a
 * preposition governs it ("with Western neighbors"). */
static int np_is_subject(const wtok *w, int32_t j)
{
	/* Walk left over the noun phrase and any prepositional phrases that
	 * modify an earlier noun ("North Korea on Thursday", "the secretary
	 * of state"): a subject if that chain starts the clause. */
	for (int step = 0; step < 8; step++) {
		int32_t k = j;
		while (k >= 0 && (B(w[k].tag) & (NOUNS | ADJS | B(POS_DT) | B(POS_PRPS) | B(POS_POS) |
						 B(POS_CD) | B(POS_PDT))))
			k--;
		if (k < 0 || w[k].tag != POS_IN)
			return k < 0 || !(B(w[k].tag) & VERBS) || (w[k].cls & CL_BE) ||
			       (w[k].cls & CL_SAY);
		if ((w[k].cls & CL_SUBORD))
			return 1;
		if (k == 0 || !(B(w[k - 1].tag) & NOUNS))
			return 0; /* the object of a preposition */
		j = k - 1;
	}
	return 0;
}

typedef struct ctx {
	int finite;          /* a finite verb seen in the current clause */
	int any_finite;      /* one seen anywhere in the sentence so far */
	uint8_t last_verb;   /* tag of the last verb (not auxiliary) so far */
} ctx;

/* Decides the verb reading of token i (which has some verb candidate):
 * returns the verb tag, or POS_NONE if a non-verb reading is better. */
/* Token i can be a past form and is followed by a particle or a
 * determiner ("shot down", "shot dead", "fired the"): read as a verb, so
 * the word before it is its subject. */
static int past_then_object(const tok_token *toks, const wtok *w, int32_t i, int32_t n)
{
	return i + 1 < n && (w[i].cand & B(POS_VBD)) && !w[i].fixed &&
	       (is_ci(&toks[i + 1], "down") || is_ci(&toks[i + 1], "dead") ||
		is_ci(&toks[i + 1], "off") || is_ci(&toks[i + 1], "a") ||
		is_ci(&toks[i + 1], "an") || is_ci(&toks[i + 1], "the"));
}

static pos_tag verb_reading(const tok_token *toks, const wtok *w, int32_t i, int32_t n,
			    const ctx *c)
{
	uint64_t cand = w[i].cand;
	int32_t j = left_skip_adv(w, i);
	uint8_t p = j >= 0 ? w[j].tag : POS_NONE;
	const tok_token *pt = j >= 0 ? &toks[j] : NULL;
	uint32_t pc = j >= 0 ? w[j].cls : 0; /* its word classes */
	uint8_t p1 = i > 0 ? w[i - 1].tag : POS_NONE; /* the word just before */
	int has_n = noun_like(cand);
	int next_np = np_start(w, i + 1, n);
	int next_by = i + 1 < n && is_ci(&toks[i + 1], "by");
	uint64_t vc = cand & VERBS;
	if (!has_n && !(cand & (ADJS | ADVS | CLOSED)) && (vc & (vc - 1)) == 0)
		return (pos_tag)__builtin_ctzll(vc); /* one verb form only */
	if ((cand & B(POS_VBD)) && (w[i].cls & CL_SAY) &&
	    !(pt && ((pc & CL_HAVE) || (pc & CL_BE))))
		return POS_VBD;

	/* A participle that is also an adjective, between the start of a
	 * noun phrase and its noun, when a verb follows the noun: "seven
	 * industrialized nations suspended ...", "Neighboring countries
	 * condemned ...". */
	if ((cand & (B(POS_VBD) | B(POS_VBN) | B(POS_VBG))) && (cand & ADJS) && i + 2 < n &&
	    (w[i + 1].cand & NOUNS) && !(w[i + 1].cand & VERBS) &&
	    (w[i + 2].cand & FINITE) && !(w[i + 2].cand & NOUNS & ~B(POS_NNS)) &&
	    (i == 0 || (B(p1) & (B(POS_DT) | B(POS_CD) | B(POS_PRPS) | B(POS_JJ) | B(POS_POS)))))
		return POS_NONE;
	/* Participles and past forms. */
	if (cand & (B(POS_VBN) | B(POS_VBD))) {
		if (pt && ((pc & CL_HAVE)))
			return (cand & B(POS_VBN)) ? POS_VBN : POS_VBD;
		if (pt && (pc & CL_BE) && p != POS_POS) {
			if (cand & B(POS_VBN))
				return POS_VBN;
		}
		if ((pc & CL_GET) && (cand & B(POS_VBN)))
			return POS_VBN;
	}
	int bare_inf = pt && pos_is_verb((pos_tag)p) && (pc & CL_BAREINF);
	if (p == POS_TO || p == POS_MD || (pt && (pc & CL_DO)) || bare_inf) {
		const lex_info *li = w[i].li;
		if (p == POS_TO && has_n && li && li->freq[0] >= li->freq[1] + 3 &&
		    (i + 1 >= n || (B(w[i + 1].tag) & (B(POS_COMMA) | B(POS_PERIOD) | B(POS_CC) |
						      B(POS_IN) | B(POS_COLON)))))
			return POS_NONE; /* "alternatives to oil" */
		if (cand & B(POS_VB))
			return POS_VB;
		if (p == POS_TO && (cand & B(POS_VBG)) && next_np)
			return POS_VBG; /* "contributed to planning the attack" */
		return POS_NONE;
	}
	/* Conjoined verbs take the form of the last verb before. */
	if (p == POS_CC && j > 0 && pos_is_verb((pos_tag)w[j - 1].tag) &&
	    (cand & B(w[j - 1].tag)))
		return (pos_tag)w[j - 1].tag;
	if (p == POS_CC && c->last_verb && (cand & B(c->last_verb)) && !next_by &&
	    (!has_n || next_np || c->last_verb == POS_VB))
		return (pos_tag)c->last_verb;
	if (cand & B(POS_VBG)) {
		if ((B(p1) & NOMINAL_LEFT) && has_n)
			return POS_NONE; /* "the meeting", "Monday's meeting" */
		const lex_info *li = w[i].li;
		if (has_n && li && li->freq[0] > li->freq[1] + 1 && !next_np)
			return POS_NONE; /* "Friday evening", "a building" */
		if (has_n && p1 == POS_IN && (i + 1 >= n || pos_is_punct((pos_tag)w[i + 1].tag)))
			return POS_NONE; /* "days of fighting." */
		return POS_VBG;
	}
	/* The next word can only be a finite verb: this one is its subject.
	 * So too when the next word's past form is followed by a particle
	 * or a determiner: "jets shot down a warplane", "police shot dead
	 * two men", "troops fired the first shells". */
	int next_past = past_then_object(toks, w, i + 1, n);
	if (has_n && i + 1 < n && (w[i + 1].cand & (FINITE)) &&
	    (!(w[i + 1].cand & NOUNS) || next_past) &&
	    !w[i + 1].fixed && !(w[i + 1].cand & CLOSED & ~B(POS_MD)))
		return POS_NONE;
	if ((B(p1) & NOMINAL_LEFT) && has_n)
		return POS_NONE; /* "the attack", "its plans", "two visits" */
	if (p1 == POS_IN && has_n && !(pt && (pc & CL_SUBORD)))
		return POS_NONE; /* "of talks", "for visits" */
	int subj = p == POS_NN || p == POS_NNS || p == POS_NNP || p == POS_NNPS ||
		   p == POS_PRP || p == POS_WDT || p == POS_WP || p == POS_EX || p == POS_CD;
	int plural_subj = p == POS_NNS || p == POS_NNPS ||
			  (p == POS_PRP && pt && (pc & CL_SUBJPL)) ||
			  p == POS_WDT || p == POS_WP;
	int single_subj = p == POS_NN || p == POS_NNP ||
			  (p == POS_PRP && pt && (pc & CL_SUBJSG)) ||
			  p == POS_WDT || p == POS_WP;
	if (p == POS_PRP && pt && !(pc & CL_SUBJPL) && !(pc & CL_SUBJSG))
		subj = 0; /* him, them: objects */
	if (subj && (B(p) & NOUNS) && !np_is_subject(w, j)) {
		subj = plural_subj = single_subj = 0; /* "relations with Western neighbors" */
	}
	if (cand & (B(POS_VBD) | B(POS_VBN))) {
		if (!(cand & B(POS_VBD)))
			return POS_VBN;
		if (!(cand & B(POS_VBN)))
			return (subj || !has_n) ? POS_VBD : POS_NONE;
		if (next_by)
			return POS_VBN;
		if (subj && (!c->finite || next_np))
			return POS_VBD;
		if (subj)
			return POS_VBN; /* a reduced relative: "men sought in ..." */
		if (p == POS_COMMA && next_np && !c->any_finite)
			return POS_VBD; /* "X, the minister, held talks" */
		if (j < 0 || p == POS_COMMA)
			return (has_n && !next_np) ? POS_NONE : POS_VBN;
		if (B(p) & (B(POS_IN) | B(POS_CC)))
			return has_n ? POS_NONE : POS_VBN;
		return has_n && !next_np ? POS_NONE : POS_VBN;
	}
	if (cand & B(POS_VBZ)) {
		if (single_subj && (!c->finite || next_np))
			return POS_VBZ;
		if (!has_n)
			return POS_VBZ;
		return POS_NONE;
	}
	if (cand & (B(POS_VBP) | B(POS_VB))) {
		if (plural_subj && (!c->finite || next_np) && (cand & B(POS_VBP)))
			return POS_VBP;
		if (!has_n && !(cand & (ADJS | ADVS | CLOSED))) {
			int clause_start = j < 0 || p == POS_COMMA || p == POS_COLON || p == POS_LQUOTE;
			return (!clause_start && (cand & B(POS_VBP))) ? POS_VBP : POS_VB;
		}
		if ((j < 0 || p == POS_COMMA) && next_np && (cand & B(POS_VB)))
			return POS_VB; /* imperative */
		return POS_NONE;
	}
	return POS_NONE;
}

/* The best non-verb tag among the candidates. */
static pos_tag non_verb(const wtok *x)
{
	uint64_t c = x->cand & ~VERBS;
	if (!c)
		return (pos_tag)x->tag;
	if (!(B(x->tag) & VERBS) && (B(x->tag) & c))
		return (pos_tag)x->tag;
	static const pos_tag order[] = {POS_NNS, POS_NN, POS_JJ, POS_RB, POS_IN, POS_NNP,
					POS_JJR, POS_JJS, POS_RBR, POS_RBS, POS_NONE};
	for (int k = 0; order[k] != POS_NONE; k++) {
		if (c & B(order[k]))
			return order[k];
	}
	for (int k = 1; k < POS_COUNT_; k++) {
		if (c & B(k))
			return (pos_tag)k;
	}
	return (pos_tag)x->tag;
}

static void contextual(const tok_token *toks, wtok *w, int32_t n)
{
	ctx c = {0};
	for (int32_t i = 0; i < n; i++) {
		const tok_token *tk = &toks[i];
		wtok *x = &w[i];
		uint8_t prev = i > 0 ? w[i - 1].tag : POS_NONE;
		const tok_token *nx = i + 1 < n ? &toks[i + 1] : NULL;
		const wtok *nw = i + 1 < n ? &w[i + 1] : NULL;
		if (x->fixed)
			goto clause;
		/* Closed-class words with several tags. */
		if (is_ci(tk, "that")) {
			/* "that plan" DT; "the plan that failed" WDT; else IN. */
			int prev_noun = prev == POS_NN || prev == POS_NNS || prev == POS_NNP ||
					prev == POS_NNPS;
			if (nw && !(nx->flags & TOK_F_CAP) && (nw->cand & (B(POS_NN) | B(POS_JJ))) &&
			    !(nw->cand & (B(POS_NNS) | B(POS_MD) | CLOSED)) &&
			    !pos_is_verb((pos_tag)prev) && !prev_noun)
				x->tag = POS_DT;
			else if (prev_noun && nw && (nw->cand & (FINITE)) &&
				 !(nw->cand & (B(POS_DT) | B(POS_PRP) | B(POS_NNP))) &&
				 !(nx->flags & TOK_F_CAP))
				x->tag = POS_WDT;
			else
				x->tag = POS_IN;
			goto clause;
		}
		if (is_ci(tk, "'s")) {
			int32_t j = i - 1;
			x->tag = (j >= 0 && (w[j].tag == POS_PRP || w[j].tag == POS_EX ||
					     w[j].tag == POS_WP || w[j].tag == POS_DT))
					 ? POS_VBZ
					 : POS_POS;
			goto clause;
		}
		if (is(tk, "'") || is(tk, "''")) {
			/* "the two nations' disputed boundary" */
			x->tag = is(tk, "'") && (prev == POS_NNS || prev == POS_NNPS) && nw &&
					 (nw->cand & (NOUNS | ADJS | VERBS)) && !nw->fixed
					 ? POS_POS
					 : POS_RQUOTE;
			goto clause;
		}
		if (is_ci(tk, "such") && nw && nw->tag == POS_DT) {
			x->tag = POS_PDT;
			goto clause;
		}
		if (is_ci(tk, "as") && i + 2 < n && is_ci(&toks[i + 2], "as") &&
		    (w[i + 1].cand & (ADJS | ADVS))) {
			x->tag = POS_RB; /* "as many as", "as well as" */
			goto clause;
		}
		if ((is_ci(tk, "her") || is_ci(tk, "his")) && nw) {
			x->tag = (nw->cand & (NOUNS | ADJS | B(POS_CD) | B(POS_VBG) | B(POS_JJ) |
					      B(POS_RBS) | B(POS_RBR)))
					 ? POS_PRPS
					 : POS_PRP;
			if (is_ci(tk, "his") && x->tag == POS_PRP && !(nw->cand & (NOUNS | ADJS)))
				x->tag = POS_PRP;
			goto clause;
		}
		if (is_ci(tk, "there")) {
			x->tag = (nw && ((nw->cls & CL_BE) || nw->tag == POS_MD ||
					 is_ci(nx, "seems") || is_ci(nx, "appears")))
					 ? POS_EX
					 : POS_RB;
			goto clause;
		}
		if (x->cand & (B(POS_RP))) {
			/* up, down, out, off, ...: a particle right after a verb
			 * when a noun phrase or the end follows; "out of" is IN. */
			int after_verb = pos_is_verb((pos_tag)prev);
			if (is_ci(tk, "out") && nx && is_ci(nx, "of"))
				x->tag = POS_IN;
			else if (after_verb && (!nw || nw->tag == POS_PERIOD || nw->tag == POS_COMMA ||
						np_start(w, i + 1, n) ||
						(nw->cand & (NOUNS | ADJS)) || nw->tag == POS_IN ||
						nw->tag == POS_TO))
				x->tag = (x->cand & B(POS_IN)) && nw && !np_start(w, i + 1, n) &&
						 !(nw->cand & (NOUNS | ADJS)) &&
						 !(nw->tag == POS_PERIOD || nw->tag == POS_COMMA)
					 ? POS_RP
					 : POS_RP;
			else if (x->cand & B(POS_IN))
				x->tag = POS_IN;
			else
				x->tag = (x->cand & B(POS_RB)) ? POS_RB : x->tag;
			if (x->tag == POS_RP && (x->cand & B(POS_IN)) && !(is_ci(tk, "up") ||
			    is_ci(tk, "down") || is_ci(tk, "out") || is_ci(tk, "off") ||
			    is_ci(tk, "back") || is_ci(tk, "away")))
				x->tag = POS_IN;
			goto clause;
		}
		if ((is_ci(tk, "more") || is_ci(tk, "less") || is_ci(tk, "most") || is_ci(tk, "least")) &&
		    nw) {
			int adv = (nw->cand & (ADJS | ADVS)) && !(nw->cand & NOUNS);
			int sup = is_ci(tk, "most") || is_ci(tk, "least");
			x->tag = adv ? (sup ? POS_RBS : POS_RBR) : (sup ? POS_JJS : POS_JJR);
			goto clause;
		}
		if ((is_ci(tk, "first") || is_ci(tk, "last") || is_ci(tk, "next")) && nw &&
		    (nw->cand & VERBS) && !(nw->cand & NOUNS)) {
			x->tag = POS_RB;
			goto clause;
		}
		if (is_ci(tk, "all") || is_ci(tk, "both") || is_ci(tk, "half")) {
			if (nw && (nw->tag == POS_DT || nw->tag == POS_PRPS))
				x->tag = POS_PDT;
			else if (is_ci(tk, "half"))
				x->tag = POS_NN;
			else
				x->tag = POS_DT;
			goto clause;
		}
		if (is_ci(tk, "no")) {
			x->tag = (nw && (nw->cand & (NOUNS | ADJS | B(POS_CD)))) ? POS_DT : POS_RB;
			goto clause;
		}
		if (is_ci(tk, "like") && (prev == POS_PRP || prev == POS_MD || prev == POS_TO ||
					 prev == POS_NNS)) {
			x->tag = prev == POS_MD || prev == POS_TO ? POS_VB : POS_VBP;
			goto clause;
		}
		if (x->cand & CLOSED) {
			x->tag = x->li ? x->li->best : x->tag;
			goto clause;
		}
		/* Open-class words with a verb reading. */
		if (x->cand & VERBS) {
			pos_tag v = verb_reading(toks, w, i, n, &c);
			if (v != POS_NONE) {
				x->tag = (uint8_t)v;
				goto clause;
			}
			x->tag = (uint8_t)non_verb(x);
			/* Noun or adjective: fall through to JJ/NN. */
		}
		if ((x->cand & B(POS_JJ)) && (x->cand & (B(POS_NN) | B(POS_NNS)))) {
			int next_noun = nw && (nw->cand & NOUNS) && !(nw->cand & (CLOSED));
			int32_t j = left_skip_adv(w, i);
			int after_be = j >= 0 && (w[j].cls & CL_BE);
			int next_verb = nw && (((nw->cand & FINITE) && !(nw->cand & (NOUNS | CLOSED))) ||
					       past_then_object(toks, w, i + 1, n));
			if (after_be && !(nw && (nw->cand & NOUNS) && nw->tag != POS_IN))
				x->tag = POS_JJ;
			else if (next_verb && (B(prev) & (NOMINAL_LEFT | NOUNS)))
				x->tag = POS_NN;
			else if (next_noun)
				x->tag = (x->li && x->li->freq[2] + 2 < x->li->freq[0]) ? POS_NN : POS_JJ;
			else if (nw && nw->tag == POS_JJ && (B(prev) & NOMINAL_LEFT))
				x->tag = POS_JJ; /* "a senior Guyanese officer" */
			else if (B(prev) & NOMINAL_LEFT)
				x->tag = (x->cand & B(POS_NNS)) && ends_ci(tk, "s") ? POS_NNS : POS_NN;
		}
	clause:
		/* Clause bookkeeping for the noun/verb decisions. */
		if (B(x->tag) & FINITE) {
			c.finite = 1;
			c.any_finite = 1;
		}
		if (pos_is_verb((pos_tag)x->tag) && !(x->cls & CL_BE) &&
		    !(x->cls & CL_HAVE) && !(x->cls & CL_DO))
			c.last_verb = x->tag;
		if (x->tag == POS_COMMA || x->tag == POS_COLON || x->tag == POS_LQUOTE ||
		    x->tag == POS_WDT || x->tag == POS_WP || x->tag == POS_WRB ||
		    (x->tag == POS_IN && (x->cls & CL_SUBORD)) ||
		    (pos_is_verb((pos_tag)x->tag) && (x->cls & CL_SAY)))
			c.finite = 0;
	}
}

/* ---------------------------------------------------------------- public */

void tagger_tag(const tagger *t, tok_token *toks, int32_t n)
{
	if (n <= 0)
		return;
	wtok stack[256];
	wtok *w = n <= 256 ? stack : xmalloc((size_t)n * sizeof *w);
	initial(t, toks, w, n);
	contextual(toks, w, n);
	for (int32_t i = 0; i < n; i++)
		toks[i].tag = w[i].tag ? w[i].tag : POS_NN;
	if (w != stack)
		free(w);
}

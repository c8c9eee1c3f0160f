/*
 * ptb.c - reads a Penn Treebank bracketed parse into dyad's tree.
 *
 * One left-to-right pass with an explicit stack (no recursion), so any
 * input, however deep or broken, costs linear time and ends in either a
 * tree or a message. Leaves become tokens aligned to the sentence's text;
 * without a text every token gets start = end = text_base. A top node
 * that is not ROOT (or an empty label) is wrapped in ROOT; -NONE- leaves
 * and the phrases they leave empty are dropped; AUX* tags read as VB*.
 */
#include "ptb.h"

#include <string.h>

/* One open constituent while reading. */
typedef struct ptb_frame {
	int32_t node;      /* its node index */
	int32_t prev_last; /* parent's last child before it was added, to undo */
	int implicit;      /* a ROOT the reader added around a bare top node */
} ptb_frame;

static int is_ws(unsigned char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' ||
	       c == '\v';
}

static int is_atom(unsigned char c)
{
	return !is_ws(c) && c != '(' && c != ')';
}

static size_t skip_ws(const char *s, size_t i, size_t n)
{
	while (i < n && is_ws((unsigned char)s[i]))
		i++;
	return i;
}

static int eq(const char *s, size_t n, const char *lit)
{
	size_t m = strlen(lit);
	return n == m && memcmp(s, lit, m) == 0;
}

/* The tag of a preterminal label; maps the AUX* tags some parsers emit
 * (AUXZ has, AUXD did) to the verb tags the Treebank uses. */
static pos_tag leaf_tag(const char *s, size_t n)
{
	pos_tag p = pos_from_name(s, n);
	if (p != POS_NONE || n < 3 || memcmp(s, "AUX", 3) != 0)
		return p;
	if (n == 3)
		return POS_VB;
	if (n != 4)
		return POS_NONE;
	switch (s[3]) {
	case 'B': return POS_VB;
	case 'D': return POS_VBD;
	case 'G': return POS_VBG;
	case 'N': return POS_VBN;
	case 'P': return POS_VBP;
	case 'Z': return POS_VBZ;
	default: return POS_NONE;
	}
}

/* The kind of a phrase label; NML (a nominal modifier in newer Treebank
 * releases) is read as NX, its older name. */
static tree_kind phrase_kind(const char *s, size_t n)
{
	if (n >= 3 && memcmp(s, "NML", 3) == 0 && (n == 3 || s[3] == '-'))
		return TREE_NX;
	return tree_kind_from_name(s, n);
}

/* Whether a label carries the Treebank's temporal function tag (NP-TMP). */
static int label_temporal(const char *s, size_t n)
{
	for (size_t i = 1; i + 4 <= n; i++) {
		if (s[i] == '-' && memcmp(s + i + 1, "TMP", 3) == 0 &&
		    (i + 4 == n || s[i + 4] == '-' || s[i + 4] == '='))
			return 1;
	}
	return 0;
}

/* ---- Alignment of leaves to the raw text ------------------------------- */

/* Length of the text at s[0..n) matched by a quote mark opening (open=1) or
 * closing (open=0) a quotation, 0 if none. */
static size_t match_quote(const unsigned char *s, size_t n, int open)
{
	if (n >= 2 && ((open && s[0] == '`' && s[1] == '`') ||
		       (!open && s[0] == '\'' && s[1] == '\'')))
		return 2;
	if (n >= 1 && (s[0] == '"' || s[0] == '\'' || s[0] == '`'))
		return 1;
	/* U+2018..U+201F: the typographic single and double quotes. */
	if (n >= 3 && s[0] == 0xE2 && s[1] == 0x80 && s[2] >= 0x98 && s[2] <= 0x9F)
		return 3;
	/* U+00AB, U+00BB: guillemets. */
	if (n >= 2 && s[0] == 0xC2 && (s[1] == 0xAB || s[1] == 0xBB))
		return 2;
	return 0;
}

static unsigned char up(unsigned char c)
{
	return (c >= 'a' && c <= 'z') ? (unsigned char)(c - 32) : c;
}

/* Length of text s[0..n) spelling leaf w[0..wn) (after Treebank escapes
 * were undone), or 0 when it does not. Case is ignored; an apostrophe in
 * the leaf also matches a typographic one, "--" a dash, "..." an ellipsis. */
static size_t match_leaf(const char *w, size_t wn, const unsigned char *s,
			 size_t n)
{
	if (n == 0 || wn == 0)
		return 0;
	if (eq(w, wn, "-LRB-") || eq(w, wn, "-LSB-") || eq(w, wn, "-LCB-"))
		return (s[0] == '(' || s[0] == '[' || s[0] == '{') ? 1 : 0;
	if (eq(w, wn, "-RRB-") || eq(w, wn, "-RSB-") || eq(w, wn, "-RCB-"))
		return (s[0] == ')' || s[0] == ']' || s[0] == '}') ? 1 : 0;
	if (eq(w, wn, "``"))
		return match_quote(s, n, 1);
	if (eq(w, wn, "''"))
		return match_quote(s, n, 0);
	if (eq(w, wn, "--") && n >= 3 && s[0] == 0xE2 && s[1] == 0x80 &&
	    (s[2] == 0x93 || s[2] == 0x94))
		return 3;
	if (eq(w, wn, "...") && n >= 3 && s[0] == 0xE2 && s[1] == 0x80 &&
	    s[2] == 0xA6)
		return 3;
	size_t i = 0, j = 0;
	while (i < wn) {
		unsigned char c = (unsigned char)w[i];
		if (j < n && up(c) == up(s[j])) {
			i++;
			j++;
		} else if (c == '\'' && j + 2 < n && s[j] == 0xE2 &&
			   s[j + 1] == 0x80 &&
			   (s[j + 2] == 0x99 || s[j + 2] == 0x98)) {
			i++;
			j += 3;
		} else {
			return 0;
		}
	}
	return j;
}

static int is_alnum(unsigned char c)
{
	return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') ||
	       (c >= 'A' && c <= 'Z') || c >= 0x80;
}

/* How far ahead of the expected place a leaf may be found (text the parse
 * left out, such as a dateline or a stray symbol). */
#define PTB_ALIGN_WINDOW 64

/* Sets k's offsets by finding it at or shortly after text[*pos]. */
static void align(tok_token *k, const char *text, size_t tlen, size_t *pos,
		  size_t base, uint32_t prev_end)
{
	const unsigned char *s = (const unsigned char *)text;
	size_t p = skip_ws(text, *pos, tlen);
	size_t m = match_leaf(k->form, k->len, s + p, tlen - p);
	if (m == 0) {
		size_t lim = p + PTB_ALIGN_WINDOW < tlen ? p + PTB_ALIGN_WINDOW : tlen;
		int word = is_alnum((unsigned char)k->form[0]);
		for (size_t q = p + 1; q < lim; q++) {
			if (word && is_alnum(s[q - 1]))
				continue; /* a word starts at a word boundary */
			m = match_leaf(k->form, k->len, s + q, tlen - q);
			if (m) {
				p = q;
				break;
			}
		}
	}
	if (m == 0) {
		k->start = k->end = prev_end;
		return;
	}
	k->start = (uint32_t)(base + p);
	k->end = (uint32_t)(base + p + m);
	*pos = p + m;
}

/* ---- Tokens ------------------------------------------------------------ */

/* Fills k from leaf text w[0..n): form with the Treebank escapes \/ and \*
 * undone, upper, len, flags. */
static void make_token(arena *a, tok_token *k, const char *w, size_t n,
		       pos_tag tag)
{
	char *f = arena_alloc(a, n + 1);
	char *u = arena_alloc(a, n + 1);
	size_t m = 0;
	for (size_t i = 0; i < n; i++) {
		if (w[i] == '\\' && i + 1 < n && (w[i + 1] == '/' || w[i + 1] == '*'))
			i++;
		f[m] = w[i];
		u[m] = (char)up((unsigned char)w[i]);
		m++;
	}
	f[m] = u[m] = '\0';
	if (m > UINT16_MAX)
		m = UINT16_MAX; /* a leaf that long is garbage; keep it bounded */
	k->form = f;
	k->upper = u;
	k->len = k->ulen = (uint16_t)m;
	k->word = -1;
	k->tag = (uint8_t)tag;
	k->start = k->end = 0;
	unsigned char c0 = (unsigned char)f[0];
	uint8_t fl = 0;
	if (c0 >= 'A' && c0 <= 'Z')
		fl |= TOK_F_CAP;
	if (c0 >= '0' && c0 <= '9')
		fl |= TOK_F_NUM;
	int letters = 0, lower = 0;
	for (size_t i = 0; i < m; i++) {
		unsigned char c = (unsigned char)f[i];
		if (c >= 'a' && c <= 'z')
			lower = 1, letters++;
		else if (c >= 'A' && c <= 'Z')
			letters++;
	}
	if (letters > 1 && !lower)
		fl |= TOK_F_ALLCAP;
	k->flags = fl;
}

/* ---- The reader -------------------------------------------------------- */

/* Removes node x, the last child of its parent and the newest node, whose
 * parent's last child was prev_last before x was added. */
static void unlink_last(tree *t, int32_t x, int32_t prev_last)
{
	int32_t p = t->nodes[x].parent;
	if (p >= 0) {
		t->nodes[p].last = prev_last;
		if (prev_last >= 0)
			t->nodes[prev_last].next = -1;
		else
			t->nodes[p].first = -1;
	}
	if (x == t->n - 1)
		t->n--;
}

static int fail(tree *t, const char **err, const char *msg)
{
	t->n = 0;
	t->ntok = 0;
	*err = msg;
	return -1;
}

int ptb_read(arena *a, const char *src, size_t n, const char *text,
	     size_t tlen, size_t text_base, tree *t, const char **err)
{
	static const char *const no_err = "";
	const char *dummy;
	if (!err)
		err = &dummy;
	*err = no_err;
	/* Every leaf opens a bracket, so '(' bounds the number of tokens. */
	int32_t maxtok = 0;
	for (size_t i = 0; i < n; i++) {
		if (src[i] == '(') {
			if (maxtok == INT32_MAX / 2) {
				tree_init(t, a, NULL, 0);
				return fail(t, err, "parse too long");
			}
			maxtok++;
		}
	}
	tok_token *toks = arena_calloc(a, (size_t)maxtok + 1, sizeof *toks);
	tree_init(t, a, toks, 0);
	ptb_frame stack[PTB_MAX_DEPTH + 2];
	int depth = 0, done = 0;
	int32_t ntok = 0;
	size_t i = skip_ws(src, 0, n);
	if (i == n)
		return fail(t, err, "empty parse");
	if (src[i] != '(')
		return fail(t, err, "parse does not start with '('");
	while (!done) {
		i = skip_ws(src, i, n);
		if (i == n)
			return fail(t, err, "unbalanced brackets: missing ')'");
		char c = src[i];
		if (c == ')') {
			i++;
			if (depth == 0)
				return fail(t, err, "unbalanced brackets: extra ')'");
			ptb_frame *f = &stack[--depth];
			if (t->nodes[f->node].first < 0 && f->node != 0)
				unlink_last(t, f->node, f->prev_last); /* all traces */
			if (depth == 1 && stack[0].implicit)
				depth = 0;
			if (depth == 0)
				done = 1;
			continue;
		}
		if (c != '(')
			return fail(t, err, "a word outside a (TAG word) pair");
		i++;
		size_t l0 = skip_ws(src, i, n);
		size_t l1 = l0;
		while (l1 < n && is_atom((unsigned char)src[l1]))
			l1++;
		const char *lab = src + l0;
		size_t labn = l1 - l0;
		i = skip_ws(src, l1, n);
		if (i == n)
			return fail(t, err, "unbalanced brackets: missing ')'");
		if (is_atom((unsigned char)src[i])) {
			/* A preterminal: (TAG word). */
			size_t w0 = i;
			while (i < n && is_atom((unsigned char)src[i]))
				i++;
			size_t w1 = i;
			i = skip_ws(src, i, n);
			if (i == n || src[i] != ')')
				return fail(t, err, "a (TAG word) pair with more than one word");
			i++;
			if (labn == 0)
				return fail(t, err, "a word without a tag");
			if (depth == 0) {
				if (t->n > 0)
					return fail(t, err, "text after the parse");
				int32_t r = tree_add(t, -1, TREE_ROOT);
				stack[0] = (ptb_frame){r, -1, 1};
				depth = 1;
			}
			if (!eq(lab, labn, "-NONE-")) {
				tok_token *k = &toks[ntok];
				make_token(a, k, src + w0, w1 - w0, leaf_tag(lab, labn));
				tree_add_leaf(t, stack[depth - 1].node, ntok);
				ntok++;
			}
			if (depth == 1 && stack[0].implicit) {
				depth = 0;
				done = 1;
			}
			continue;
		}
		/* A phrase: its children follow. */
		if (depth == 0) {
			if (t->n > 0)
				return fail(t, err, "text after the parse");
			int32_t r = tree_add(t, -1, TREE_ROOT);
			if (labn == 0 || eq(lab, labn, "ROOT")) {
				stack[depth++] = (ptb_frame){r, -1, 0};
				continue;
			}
			stack[depth++] = (ptb_frame){r, -1, 1};
		}
		if (labn == 0 && src[i] == ')')
			return fail(t, err, "an empty constituent '()'");
		if (depth >= PTB_MAX_DEPTH)
			return fail(t, err, "parse nested too deeply");
		int32_t parent = stack[depth - 1].node;
		int32_t prev = t->nodes[parent].last;
		tree_kind k = labn ? phrase_kind(lab, labn) : TREE_X;
		int32_t x = tree_add(t, parent, k);
		if (k == TREE_NP && label_temporal(lab, labn))
			t->nodes[x].flags |= TREE_F_TEMPORAL;
		stack[depth++] = (ptb_frame){x, prev, 0};
	}
	i = skip_ws(src, i, n);
	if (i < n)
		return fail(t, err, "text after the parse");
	if (ntok == 0)
		return fail(t, err, "parse has no words");
	t->ntok = ntok;
	/* Sentence start: the first token that is not punctuation. */
	for (int32_t j = 0; j < ntok; j++) {
		if (!pos_is_punct((pos_tag)toks[j].tag)) {
			toks[j].flags |= TOK_F_SENTSTART;
			break;
		}
	}
	size_t pos = 0;
	uint32_t prev_end = (uint32_t)text_base;
	for (int32_t j = 0; j < ntok; j++) {
		tok_token *k = &toks[j];
		if (text)
			align(k, text, tlen, &pos, text_base, prev_end);
		else
			k->start = k->end = prev_end;
		prev_end = k->end;
	}
	return 0;
}

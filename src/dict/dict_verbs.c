/*
 * dict_verbs.c - the PETRARCH-1/TABARI verb dictionary: synsets, blocks,
 * verb lines with their generated or listed forms, multi-word verbs and
 * pattern lines, and the lookups the event coder uses. Rules follow
 * petrarch-semantics.md §1.1-1.2, 1.4; dyad's choices are in
 * docs/dictionaries.md.
 */
#include "dict_int.h"
#include "../util/xmalloc.h"

#include <stdlib.h>
#include <string.h>

/* Elements one pattern may have, markers and '*' included. */
#define PAT_MAX 64

/* ---- Verb forms (§1.1) ------------------------------------------------ */

int dict_verb_form(const char *w, size_t n, int which, char *out)
{
	if (n == 0 || n > DICT_MAX_WORD)
		return -1;
	char last = w[n - 1];
	memcpy(out, w, n);
	size_t m = n;
	switch (which) {
	case 0: /* third person: +ES after S, X, Z, else +S */
		if (last == 'S' || last == 'X' || last == 'Z')
			out[m++] = 'E';
		out[m++] = 'S';
		break;
	case 1: /* past: +D after E, else +ED */
		if (last != 'E')
			out[m++] = 'E';
		out[m++] = 'D';
		break;
	default: /* gerund: final E dropped, +ING */
		if (last == 'E')
			m--;
		memcpy(out + m, "ING", 3);
		m += 3;
		break;
	}
	out[m] = '\0';
	return (int)m;
}

/* ---- Synsets ---------------------------------------------------------- */

static int32_t find_synset(const dict *d, const char *name, size_t n)
{
	for (int32_t i = 0; i < d->nsyn; i++)
		if (strlen(d->syn[i].name) == n &&
		    memcmp(d->syn[i].name, name, n) == 0)
			return i;
	return -1;
}

/* Upper-cases an '&NAME' reference (s after the '&') without a trailing
 * '_' into buf; returns its length or -1. */
static int synset_key(const char *s, size_t n, char *buf, size_t cap,
		      int *trail)
{
	*trail = 0;
	while (n && s[n - 1] == '_') {
		n--;
		*trail = 1;
	}
	if (n == 0)
		return -1;
	return dict_upper(s, n, buf, cap);
}

static void synset_add(dict *d, dict_synset *sy, const int32_t *w, int32_t n)
{
	dict_seq *q = DICT_PUSH(sy->mem, sy->nmem, sy->cap);
	q->w = dict_dup_ids(d, w, n);
	q->n = n;
}

/* The plural of a synset member's last word (§1.1): Y -> IES, a final S
 * replaced by ES, else +S. */
static int32_t synset_plural(dict *d, int32_t word)
{
	const char *s = intern_str(d->words, word);
	size_t n = strlen(s);
	char buf[DICT_MAX_WORD + 8];
	if (n == 0 || n > DICT_MAX_WORD)
		return -1;
	memcpy(buf, s, n);
	char last = s[n - 1];
	size_t m = n;
	if (last == 'Y') {
		memcpy(buf + n - 1, "IES", 3);
		m = n + 2;
	} else if (last == 'S') {
		memcpy(buf + n - 1, "ES", 2);
		m = n + 1;
	} else {
		buf[m++] = 'S';
	}
	return intern_add(d->words, buf, m);
}

static void synset_member(dict *d, dict_reader *r, dict_line *ln,
			  int32_t sid, const char *s, size_t n)
{
	dict_synset *sy = &d->syn[sid];
	char why[96];
	dict_trim(&s, &n);
	if (n && s[0] == '&') {
		/* a nested synset: its members, defined before, are copied */
		char key[DICT_MAX_WORD + 8];
		int trail;
		int k = synset_key(s + 1, n - 1, key, sizeof key, &trail);
		int32_t other = k > 0 ? find_synset(d, key, (size_t)k) : -1;
		if (other < 0 || other == sid) {
			dict_report(d, r->name, ln->no,
				    "synset member '%.*s' names no synset "
				    "defined before; member skipped",
				    (int)n, s);
			return;
		}
		for (int32_t i = 0; i < d->syn[other].nmem; i++) {
			dict_seq q = d->syn[other].mem[i];
			synset_add(d, &d->syn[sid], q.w, q.n);
		}
		return;
	}
	if (dict_bad_bytes(s, n, why, sizeof why)) {
		dict_report(d, r->name, ln->no, "%s in synset member; "
			    "member skipped", why);
		return;
	}
	int trail = n && s[n - 1] == '_';
	dict_words w;
	const char *err;
	if (dict_split_words(d, s, n, &w, &err) < 0) {
		dict_report(d, r->name, ln->no, "synset member: %s; skipped",
			    err);
		return;
	}
	synset_add(d, sy, w.w, w.n);
	if (!trail && !sy->noplural) {
		int32_t pl = synset_plural(d, w.w[w.n - 1]);
		if (pl >= 0) {
			w.w[w.n - 1] = pl;
			synset_add(d, &d->syn[sid], w.w, w.n);
		}
	}
}

/* '&NAME' line: returns the new synset id, or -2 when it is skipped. */
static int32_t synset_open(dict *d, dict_reader *r, dict_line *ln,
			   const char *s, size_t n)
{
	size_t k = 1;
	while (k < n && !dict_is_blank(s[k]))
		k++;
	char key[DICT_MAX_WORD + 8];
	int trail;
	int m = synset_key(s + 1, k - 1, key, sizeof key, &trail);
	if (m <= 0) {
		dict_report(d, r->name, ln->no, "synset without a name; "
			    "its members are skipped");
		return -2;
	}
	size_t rest = k;
	while (rest < n && dict_is_blank(s[rest]))
		rest++;
	if (rest < n)
		dict_report(d, r->name, ln->no, "text after the synset name "
			    "ignored: '%.*s'", (int)(n - rest), s + rest);
	int32_t old = find_synset(d, key, (size_t)m);
	if (old >= 0) {
		dict_report(d, r->name, ln->no, "synset &%s already defined "
			    "at %s:%ld; this definition is skipped", key,
			    d->syn[old].file, d->syn[old].line);
		return -2;
	}
	dict_synset *sy = DICT_PUSH(d->syn, d->nsyn, d->syn_cap);
	memset(sy, 0, sizeof *sy);
	sy->name = arena_strndup(d->ar, key, (size_t)m);
	sy->noplural = trail;
	sy->line = ln->no;
	sy->file = arena_strndup(d->ar, r->name, strlen(r->name));
	return d->nsyn - 1;
}

/* ---- Blocks ----------------------------------------------------------- */

static int32_t block_open(dict *d, dict_reader *r, dict_line *ln,
			  const char *s, size_t n)
{
	const char *p = s + 3, *e = s + n;
	while (p < e && *p == '-')
		p++;
	const char *lb = memchr(p, '[', (size_t)(e - p));
	const char *le = lb ? lb : e;
	/* the label ends at the closing '---' when there is no code */
	const char *dash = NULL;
	for (const char *q = p; q + 3 <= le; q++)
		if (q[0] == '-' && q[1] == '-' && q[2] == '-') {
			dash = q;
			break;
		}
	if (dash)
		le = dash;
	const char *code = "---";
	size_t cn = 3;
	if (lb) {
		const char *c;
		size_t m;
		if (!dict_bracket_code(lb, e, &c, &m)) {
			dict_report(d, r->name, ln->no, "block code has no "
				    "closing ']'; the block codes to ---");
		} else if (m) {
			code = c;
			cn = m;
		}
	}
	dict_block *b = DICT_PUSH(d->blocks, d->nblocks, d->blocks_cap);
	memset(b, 0, sizeof *b);
	b->label = dict_strdup_trim(d, p, (size_t)(le - p));
	b->code = arena_strndup(d->ar, code, cn);
	if (!b->label[0])
		dict_report(d, r->name, ln->no, "block header without a label");
	return d->nblocks - 1;
}

/* ---- Verb lines ------------------------------------------------------- */

typedef struct vphrase {
	dict_words w;
	int vi;        /* index of the verb word */
	int marked;    /* a '+' marked the verb word */
	int misplaced; /* a '+' that does not start a word */
} vphrase;

/* Splits a verb phrase ("KLM_NOP_+RST", "+CORDON_OFF"). */
static int parse_vphrase(dict *d, const char *s, size_t n, vphrase *vp,
			 const char **why)
{
	memset(vp, 0, sizeof *vp);
	size_t i = 0;
	int tight = 0;
	while (i < n && (s[i] == '_' || dict_is_blank(s[i])))
		i++;
	while (i < n) {
		size_t j = i;
		while (j < n && s[j] != '_' && !dict_is_blank(s[j]))
			j++;
		char buf[DICT_MAX_WORD + 8];
		size_t m = 0;
		int lead = 0;
		for (size_t k = i; k < j; k++) {
			if (s[k] == '+') {
				if (k == i)
					lead = 1;
				else
					vp->misplaced = 1;
				continue;
			}
			if (m >= DICT_MAX_WORD) {
				*why = "word longer than 256 bytes";
				return -1;
			}
			buf[m++] = s[k];
		}
		if (m == 0) {
			*why = "'+' without a word";
			return -1;
		}
		if (vp->w.n >= DICT_MAX_PHRASE) {
			*why = "phrase has more than 32 words";
			return -1;
		}
		if (lead) {
			if (vp->marked) {
				*why = "more than one word marked with '+'";
				return -1;
			}
			vp->marked = 1;
			vp->vi = vp->w.n;
		}
		int32_t id = dict_intern_word(d, buf, m);
		if (id < 0) {
			*why = "word longer than 256 bytes";
			return -1;
		}
		vp->w.tight[vp->w.n] = (uint8_t)(vp->w.n ? tight : 0);
		vp->w.w[vp->w.n++] = id;
		tight = 1;
		i = j;
		while (i < n && (s[i] == '_' || dict_is_blank(s[i]))) {
			if (s[i] != '_')
				tight = 0;
			i++;
		}
	}
	if (vp->w.n == 0) {
		*why = "no verb";
		return -1;
	}
	return 0;
}

static void add_verb(dict *d, int32_t block, const char *code,
		     const vphrase *vp, int32_t word, const char *phrase,
		     long line, int generated)
{
	dict_vrec *v = DICT_PUSH(d->vrec, d->nvrec, d->vrec_cap);
	memset(v, 0, sizeof *v);
	v->word = word;
	v->seq = d->nvrec - 1;
	v->generated = (uint8_t)generated;
	v->v.block = block;
	v->v.code = code;
	v->v.npre = (int16_t)vp->vi;
	v->v.npost = (int16_t)(vp->w.n - vp->vi - 1);
	v->v.pre = dict_dup_ids(d, vp->w.w, vp->vi);
	v->v.post = dict_dup_ids(d, vp->w.w + vp->vi + 1, v->v.npost);
	v->v.phrase = phrase;
	v->v.line = (int32_t)line;
}

/* A '{...}' form of a verb, e.g. "+BROKE_DOWN" or "BROKEN". */
static void verb_form(dict *d, dict_reader *r, dict_line *ln, int32_t block,
		      const char *code, const vphrase *base, const char *f,
		      size_t fn, const char *phrase)
{
	vphrase vp;
	const char *why;
	char bad[96];
	if (dict_bad_bytes(f, fn, bad, sizeof bad)) {
		dict_report(d, r->name, ln->no, "%s in a verb form; form "
			    "skipped", bad);
		return;
	}
	if (parse_vphrase(d, f, fn, &vp, &why) < 0) {
		dict_report(d, r->name, ln->no, "verb form '%.*s': %s; "
			    "form skipped", (int)fn, f, why);
		return;
	}
	if (!vp.marked && vp.w.n > 1) {
		/* take the verb word where the base phrase has it */
		if (vp.w.n == base->w.n) {
			vp.vi = base->vi;
		} else {
			dict_report(d, r->name, ln->no, "verb form '%.*s' "
				    "has no '+' and does not match the words "
				    "of its verb; form skipped", (int)fn, f);
			return;
		}
		if (vp.misplaced)
			dict_report(d, r->name, ln->no, "misplaced '+' in "
				    "verb form '%.*s'; the verb word is taken "
				    "from its verb", (int)fn, f);
	} else if (vp.misplaced) {
		dict_report(d, r->name, ln->no, "misplaced '+' in verb form "
			    "'%.*s'; form skipped", (int)fn, f);
		return;
	}
	add_verb(d, block, code, &vp, vp.w.w[vp.vi], phrase, ln->no, 0);
}

static void verb_line(dict *d, dict_reader *r, dict_line *ln, int32_t block,
		      const char *s, size_t n)
{
	dict_parts pt;
	if (dict_split_parts(d, r->name, ln->no, s, n, "verb", 0, &pt) < 0)
		return;
	const char *ph = pt.phrase;
	size_t phn = pt.nphrase;
	dict_trim(&pt.code, &pt.ncode);
	char why[96];
	if (dict_bad_bytes(ph, phn, why, sizeof why)) {
		dict_report(d, r->name, ln->no, "%s in verb; verb skipped",
			    why);
		return;
	}
	if (memchr(ph, '}', phn) || memchr(ph, ']', phn)) {
		dict_report(d, r->name, ln->no, "stray bracket in verb '%.*s'; "
			    "verb skipped", (int)phn, ph);
		return;
	}
	vphrase vp;
	const char *err;
	if (parse_vphrase(d, ph, phn, &vp, &err) < 0) {
		dict_report(d, r->name, ln->no, "verb '%.*s': %s; skipped",
			    (int)phn, ph, err);
		return;
	}
	if (vp.misplaced) {
		dict_report(d, r->name, ln->no, "misplaced '+' in verb "
			    "'%.*s'; skipped", (int)phn, ph);
		return;
	}
	const char *vcode = d->blocks[block].code;
	if (pt.has_code) {
		if (pt.ncode == 0)
			dict_report(d, r->name, ln->no, "empty verb code '[]'; "
				    "the block code is used");
		else
			vcode = arena_strndup(d->ar, pt.code, pt.ncode);
	}
	const char *phrase = arena_strndup(d->ar, ph, phn);
	d->nverb_lines++;
	int32_t word = vp.w.w[vp.vi];
	add_verb(d, block, vcode, &vp, word, phrase, ln->no, 0);
	if (pt.has_forms) {
		size_t pos = 0;
		const char *f;
		size_t fn;
		while (dict_next_field(pt.forms, pt.nforms, &pos, &f, &fn))
			verb_form(d, r, ln, block, vcode, &vp, f, fn, phrase);
		return;
	}
	/* a copy: intern_add may move the table's strings */
	char wt[DICT_MAX_WORD + 8];
	size_t wn = strlen(intern_str(d->words, word));
	memcpy(wt, intern_str(d->words, word), wn + 1);
	for (int which = 0; which < 3; which++) {
		char buf[DICT_MAX_WORD + 8];
		int m = dict_verb_form(wt, wn, which, buf);
		if (m < 0)
			continue;
		int32_t fw = intern_add(d->words, buf, (size_t)m);
		vphrase g = vp;
		g.w.w[g.vi] = fw;
		add_verb(d, block, vcode, &g, fw, phrase, ln->no, 1);
	}
}

/* ---- Patterns --------------------------------------------------------- */

typedef struct ptok {
	const char *s;
	size_t n;
	uint8_t tight_before; /* '_' (or nothing) joins it to the previous */
} ptok;

static int is_psep(char c)
{
	return c == '_' || dict_is_blank(c) || c == '}';
}

/* A synset reference in a pattern runs over '_' as far as it names a
 * synset defined before: "&NOT_FUT_ *" is the synset NOT_FUT, while
 * "NEW_&TIETYPES_RELATIONS" is TIETYPES followed by the word RELATIONS.
 * i..j is the reference up to the first separator; returns its end. */
static size_t synset_ref_end(const dict *d, const char *body, size_t bn,
			     size_t i, size_t j)
{
	size_t best = j, k = j;
	while (k < bn && body[k] == '_') {
		size_t e = k + 1;
		while (e < bn && !is_psep(body[e]) && body[e] != '*')
			e++;
		if (e == k + 1)
			break;
		char key[DICT_MAX_WORD + 8];
		int trail;
		int m = synset_key(body + i + 1, e - i - 1, key, sizeof key, &trail);
		if (m > 0 && find_synset(d, key, (size_t)m) >= 0)
			best = e;
		k = e;
	}
	return best;
}


static void pattern_line(dict *d, dict_reader *r, dict_line *ln,
			 int32_t block, const char *s, size_t n)
{
	const char *e = s + n;
	const char *lb = memchr(s, '[', n);
	if (!lb) {
		dict_report(d, r->name, ln->no, "pattern without a [code]; "
			    "skipped");
		return;
	}
	const char *code;
	size_t cn;
	const char *rb = dict_bracket_code(lb, e, &code, &cn);
	if (!rb) {
		dict_report(d, r->name, ln->no, "pattern code has no closing "
			    "']'; skipped");
		return;
	}
	if (cn == 0) {
		dict_report(d, r->name, ln->no, "empty pattern code '[]'; "
			    "skipped");
		return;
	}
	{
		const char *t = rb + 1;
		size_t tn = (size_t)(e - t);
		dict_trim(&t, &tn);
		if (tn)
			dict_report(d, r->name, ln->no, "text after the pattern "
				    "code ignored: '%.*s'", (int)tn, t);
	}
	const char *body = s + 1;
	size_t bn = (size_t)(lb - body);
	/* TABARI disjunctions and [+++] complex patterns are dropped */
	if (memchr(body, '{', bn) || (cn == 3 && memcmp(code, "+++", 3) == 0))
		return;
	if (memchr(body, '}', bn))
		dict_report(d, r->name, ln->no, "stray '}' in pattern "
			    "ignored");
	char why[96];
	if (dict_bad_bytes(body, bn, why, sizeof why)) {
		dict_report(d, r->name, ln->no, "%s in pattern; skipped", why);
		return;
	}
	ptok tk[PAT_MAX];
	int nt = 0;
	size_t i = 0;
	while (i < bn && is_psep(body[i]))
		i++;
	int tight = 0;
	while (i < bn) {
		size_t j = i;
		if (body[i] == '*')
			j = i + 1;
		else
			while (j < bn && !is_psep(body[j]) && body[j] != '*')
				j++;
		if (body[i] == '&')
			j = synset_ref_end(d, body, bn, i, j);
		if (nt >= PAT_MAX) {
			dict_report(d, r->name, ln->no, "pattern has more than "
				    "%d elements; skipped", PAT_MAX);
			return;
		}
		tk[nt].s = body + i;
		tk[nt].n = j - i;
		tk[nt].tight_before = (uint8_t)(nt ? tight : 0);
		nt++;
		/* the separator run after it: tight when only '_' or when
		 * nothing separates (as in "IN*"); "_ " is a space */
		i = j;
		tight = 1;
		while (i < bn && is_psep(body[i])) {
			if (body[i] != '_')
				tight = 0;
			i++;
		}
	}
	int star = -1, nstar = 0;
	for (int k = 0; k < nt; k++)
		if (tk[k].n == 1 && tk[k].s[0] == '*') {
			star = k;
			nstar++;
		}
	if (nstar != 1) {
		dict_report(d, r->name, ln->no, "pattern needs exactly one "
			    "'*' (has %d); skipped", nstar);
		return;
	}
	dict_pel el[PAT_MAX];
	for (int k = 0; k < nt; k++) {
		if (k == star)
			continue;
		const char *t = tk[k].s;
		size_t tn = tk[k].n;
		dict_pel *pe = &el[k];
		pe->id = -1;
		if (tn == 1 && (t[0] == '$' || t[0] == '+' || t[0] == '^' ||
				t[0] == '%')) {
			pe->kind = t[0] == '$' ? PEL_SOURCE
				 : t[0] == '+' ? PEL_TARGET
				 : t[0] == '^' ? PEL_SKIP : PEL_COMPOUND;
		} else if (t[0] == '&') {
			char key[DICT_MAX_WORD + 8];
			int trail;
			int m = synset_key(t + 1, tn - 1, key, sizeof key,
					   &trail);
			int32_t sid = m > 0 ? find_synset(d, key, (size_t)m)
					    : -1;
			if (sid < 0) {
				dict_report(d, r->name, ln->no, "pattern uses "
					    "synset '%.*s', which is not "
					    "defined before it; skipped",
					    (int)tn, t);
				return;
			}
			pe->kind = PEL_SYNSET;
			pe->id = sid;
		} else {
			pe->kind = PEL_WORD;
			pe->id = dict_intern_word(d, t, tn);
			if (pe->id < 0) {
				dict_report(d, r->name, ln->no, "pattern word "
					    "longer than 256 bytes; skipped");
				return;
			}
		}
	}
	int nu = star, nl = nt - star - 1;
	dict_pel *up = arena_alloc(d->ar, (size_t)(nu ? nu : 1) * sizeof *up);
	dict_pel *lo = arena_alloc(d->ar, (size_t)(nl ? nl : 1) * sizeof *lo);
	for (int j = 0; j < nu; j++) {
		int k = star - 1 - j; /* outward from the verb */
		up[j] = el[k];
		up[j].tight = tk[k + 1].tight_before;
	}
	for (int j = 0; j < nl; j++) {
		int k = star + 1 + j;
		lo[j] = el[k];
		lo[j].tight = tk[k].tight_before;
	}
	dict_prec *pr = DICT_PUSH(d->prec, d->nprec, d->prec_cap);
	memset(pr, 0, sizeof *pr);
	pr->block = block;
	pr->seq = d->nprec - 1;
	pr->p.upper = up;
	pr->p.lower = lo;
	pr->p.nupper = (int16_t)nu;
	pr->p.nlower = (int16_t)nl;
	for (int j = 0; j < nu; j++)
		if (up[j].kind == PEL_WORD)
			pr->p.need_upper |= dict_word_bit(up[j].id);
	for (int j = 0; j < nl; j++)
		if (lo[j].kind == PEL_WORD)
			pr->p.need_lower |= dict_word_bit(lo[j].id);
	pr->p.code = arena_strndup(d->ar, code, cn);
	pr->p.text = dict_strdup_trim(d, s, n);
	pr->p.line = (int32_t)ln->no;
}

/* ---- The loader ------------------------------------------------------- */

void dict_load_verbs(dict *d, dict_reader *r)
{
	dict_line ln;
	int32_t block = -1; /* current block, -1 before the first */
	int32_t syn = -1;   /* synset taking '+' members: id, -2 skipped */
	long orphans = 0;   /* lines before the first block */
	while (dict_reader_next(r, &ln)) {
		const char *s = ln.s;
		size_t n = ln.n;
		dict_trim(&s, &n);
		if (n >= 3 && s[0] == '-' && s[1] == '-' && s[2] == '-') {
			syn = -1;
			block = block_open(d, r, &ln, s, n);
			continue;
		}
		if (s[0] == '&') {
			syn = synset_open(d, r, &ln, s, n);
			continue;
		}
		if (s[0] == '+' && syn != -1) {
			if (syn >= 0)
				synset_member(d, r, &ln, syn, s + 1, n - 1);
			continue;
		}
		syn = -1;
		if (block < 0) {
			if (orphans++ == 0)
				dict_report(d, r->name, ln.no, "%s before the "
					    "first '--- LABEL ---' block; "
					    "skipped", s[0] == '-' ? "pattern"
					    : "verb");
			continue;
		}
		if (s[0] == '-')
			pattern_line(d, r, &ln, block, s, n);
		else
			verb_line(d, r, &ln, block, s, n);
	}
	if (orphans > 1)
		dict_report(d, r->name, 0, "%ld more lines before the first "
			    "block skipped", orphans - 1);
}

/* ---- Finishing -------------------------------------------------------- */

static int cmp_ids(const int32_t *a, int na, const int32_t *b, int nb)
{
	if (na != nb)
		return na < nb ? -1 : 1;
	for (int i = 0; i < na; i++)
		if (a[i] != b[i])
			return a[i] < b[i] ? -1 : 1;
	return 0;
}

/* The order both sorts of verb records share, in two steps: first the
 * word and then most companions first ... */
static int cmp_vrec_head(const dict_vrec *a, const dict_vrec *b)
{
	if (a->word != b->word)
		return a->word < b->word ? -1 : 1;
	int ca = a->v.npre + a->v.npost, cb = b->v.npre + b->v.npost;
	if (ca != cb)
		return ca > cb ? -1 : 1;
	return 0;
}

/* ... last explicit before generated, then file order. */
static int cmp_vrec_tail(const dict_vrec *a, const dict_vrec *b)
{
	if (a->generated != b->generated)
		return a->generated < b->generated ? -1 : 1;
	return a->seq < b->seq ? -1 : a->seq > b->seq;
}

/* word, most companions first, same companions together, explicit before
 * generated, file order */
static int cmp_vrec_dup(const void *pa, const void *pb)
{
	const dict_vrec *a = pa, *b = pb;
	int c = cmp_vrec_head(a, b);
	if (c)
		return c;
	c = cmp_ids(a->v.pre, a->v.npre, b->v.pre, b->v.npre);
	if (c)
		return c;
	c = cmp_ids(a->v.post, a->v.npost, b->v.post, b->v.npost);
	if (c)
		return c;
	return cmp_vrec_tail(a, b);
}

/* word, most companions first, explicit before generated, file order */
static int cmp_vrec_final(const void *pa, const void *pb)
{
	const dict_vrec *a = pa, *b = pb;
	int c = cmp_vrec_head(a, b);
	return c ? c : cmp_vrec_tail(a, b);
}

static int cmp_prec(const void *pa, const void *pb)
{
	const dict_prec *a = pa, *b = pb;
	if (a->block != b->block)
		return a->block < b->block ? -1 : 1;
	return a->seq < b->seq ? -1 : a->seq > b->seq;
}

static int32_t verb_key(const dict *d, int32_t i)
{
	return d->vrec[i].word;
}

void dict_finish_verbs(dict *d)
{
	if (d->nvrec > 1)
		qsort(d->vrec, (size_t)d->nvrec, sizeof *d->vrec, cmp_vrec_dup);
	/* the same verb form (word and companions) defined twice in one
	 * block: the first explicit definition stays. In two blocks both
	 * stay, in this order, so the coder tries the patterns of both
	 * (docs/dictionaries.md; the records' DEMO-05) */
	int32_t k = 0;
	for (int32_t i = 0; i < d->nvrec; i++) {
		int dup = 0;
		for (int32_t j = k - 1; j >= 0; j--) {
			const dict_vrec *a = &d->vrec[j], *b = &d->vrec[i];
			if (a->word != b->word ||
			    cmp_ids(a->v.pre, a->v.npre, b->v.pre, b->v.npre) != 0 ||
			    cmp_ids(a->v.post, a->v.npost, b->v.post, b->v.npost) != 0)
				break;
			if (a->v.block == b->v.block)
				dup = 1;
		}
		if (!dup)
			d->vrec[k++] = d->vrec[i];
	}
	d->nvrec = k;
	if (d->nvrec > 1)
		qsort(d->vrec, (size_t)d->nvrec, sizeof *d->vrec,
		      cmp_vrec_final);
	d->verbs = xmalloc((size_t)(d->nvrec ? d->nvrec : 1) * sizeof *d->verbs);
	d->nverb_forms = 0;
	for (int32_t i = 0; i < d->nvrec; i++) {
		d->verbs[i] = d->vrec[i].v;
		if (i == 0 || d->vrec[i].word != d->vrec[i - 1].word)
			d->nverb_forms++;
	}
	/* rows are contiguous because verbs[] is sorted by word */
	dict_index_build(&d->verb_ix, intern_count(d->words), d->nvrec,
			 verb_key, d);

	if (d->nprec > 1)
		qsort(d->prec, (size_t)d->nprec, sizeof *d->prec, cmp_prec);
	d->pats = xmalloc((size_t)(d->nprec ? d->nprec : 1) * sizeof *d->pats);
	for (int32_t b = 0; b < d->nblocks; b++)
		d->blocks[b].first = d->blocks[b].npat = 0;
	for (int32_t i = 0; i < d->nprec; i++) {
		d->pats[i] = d->prec[i].p;
		dict_block *b = &d->blocks[d->prec[i].block];
		if (b->npat++ == 0)
			b->first = i;
	}
}

void dict_free_verbs(dict *d)
{
	free(d->vrec);
	free(d->verbs);
	dict_index_free(&d->verb_ix);
	free(d->blocks);
	free(d->prec);
	free(d->pats);
	for (int32_t i = 0; i < d->nsyn; i++)
		free(d->syn[i].mem);
	free(d->syn);
}

/* ---- Queries ---------------------------------------------------------- */

int32_t dict_verb_lookup(const dict *d, int32_t word, const dict_verb **out)
{
	const int32_t *rows;
	int32_t n = d->finished ? dict_index_rows(&d->verb_ix, word, &rows) : 0;
	*out = n ? &d->verbs[rows[0]] : NULL;
	return n;
}

int32_t dict_block_patterns(const dict *d, int32_t block,
			    const dict_pattern **out)
{
	*out = NULL;
	if (!d->finished || block < 0 || block >= d->nblocks)
		return 0;
	const dict_block *b = &d->blocks[block];
	if (b->npat)
		*out = &d->pats[b->first];
	return b->npat;
}

const char *dict_block_label(const dict *d, int32_t block)
{
	if (block < 0 || block >= d->nblocks)
		return NULL;
	return d->blocks[block].label;
}

int32_t dict_synset_members(const dict *d, int32_t synset,
			    const dict_seq **out)
{
	*out = NULL;
	if (synset < 0 || synset >= d->nsyn)
		return 0;
	*out = d->syn[synset].mem;
	return d->syn[synset].nmem;
}

const char *dict_synset_name(const dict *d, int32_t synset)
{
	if (synset < 0 || synset >= d->nsyn)
		return NULL;
	return d->syn[synset].name;
}

/*
 * actor.c - coding a noun phrase: actor, agents, and their combination.
 */
#include "actor.h"

#include <string.h>

#define ACT_MAX_PARTS 4 /* parts read from one hyphenated token */

/* Whether agent code ag (3-letter parts) already occurs in code at an offset
 * that is a multiple of 3. */
static int has_aligned(const char *code, size_t clen, const char *ag)
{
	size_t alen = strlen(ag);
	if (alen == 0)
		return 1;
	for (size_t off = 0; off + alen <= clen; off += 3) {
		if (memcmp(code + off, ag, alen) == 0)
			return 1;
	}
	return 0;
}

/* Fills words[] (word ids) and orig[] (their token positions) for the NE
 * tokens toks[idx[0..ntok)]; split: read hyphenated tokens as their parts.
 * Pronouns give -1. Sets *hyphens when a token has a hyphen. Returns the
 * number of words (at most ntok * ACT_MAX_PARTS). */
static int32_t fill_words(const dict *d, const tok_token *toks, const int32_t *idx,
			  int32_t ntok, int split, int32_t *words, int32_t *orig,
			  int *hyphens)
{
	int32_t m = 0;
	for (int32_t i = 0; i < ntok; i++) {
		const tok_token *t = &toks[idx[i]];
		/* A pronoun never names an actor: "us" is not the U.S. */
		if (t->tag == POS_PRP || t->tag == POS_PRPS) {
			orig[m] = i;
			words[m++] = -1;
			continue;
		}
		const char *hy = strchr(t->upper, '-');
		*hyphens |= hy != NULL;
		if (split && hy) {
			int32_t before = m;
			const char *p = t->upper;
			while (*p && m - before < ACT_MAX_PARTS) {
				const char *q = strchr(p, '-');
				size_t len = q ? (size_t)(q - p) : strlen(p);
				if (len > 0) {
					orig[m] = i;
					words[m++] = dict_word(d, p, len);
				}
				if (!q)
					break;
				p = q + 1;
			}
			if (m > before)
				continue;
		}
		orig[m] = i;
		words[m++] = t->word;
	}
	return m;
}

const char *act_code(const dict *d, arena *a, const tok_token *toks,
		     const int32_t *idx, int32_t n, int32_t date,
		     int new_actor_length, act_info *info, buf *ex)
{
	act_info local;
	if (!info)
		info = &local;
	info->actor_entry = -1;
	info->actor_first = info->actor_last = -1;
	info->nagents = 0;
	if (n <= 0)
		return "---";

	/* The NE's words, as they are and with each hyphenated token read as
	 * its parts ("Japan-North Korea talks": JAPAN, NORTH, KOREA, TALKS;
	 * "U.S.-backed forces": U.S., BACKED); the match that starts further
	 * left wins, the whole words on a tie. */
	const int32_t ntok = n;
	int32_t cap = n * ACT_MAX_PARTS;
	int32_t *words = arena_alloc(a, (size_t)cap * sizeof *words);
	int32_t *orig = arena_alloc(a, (size_t)cap * sizeof *orig);
	uint8_t *taken = arena_calloc(a, (size_t)cap, 1);
	int hyphens = 0;
	n = fill_words(d, toks, idx, ntok, 0, words, orig, &hyphens);
	dict_actor_match am;
	int found = dict_actor_find(d, words, n, &am);
	if (hyphens) {
		int32_t *w2 = arena_alloc(a, (size_t)cap * sizeof *w2);
		int32_t *o2 = arena_alloc(a, (size_t)cap * sizeof *o2);
		int32_t n2 = fill_words(d, toks, idx, ntok, 1, w2, o2, &hyphens);
		dict_actor_match am2;
		if (dict_actor_find(d, w2, n2, &am2) &&
		    (!found || o2[am2.used[0]] < orig[am.used[0]])) {
			words = w2;
			orig = o2;
			n = n2;
			am = am2;
			found = 1;
		}
	}

	/* A name of one word must be written as a name: "the bush" and "a
	 * truss" are no people (a hyphenated word is judged by its parts,
	 * "pro-Russia"). */
	if (found && am.nused == 1) {
		const tok_token *t = &toks[idx[orig[am.used[0]]]];
		if (!(t->flags & TOK_F_CAP) && !memchr(t->form, '-', t->len))
			found = 0;
	}
	const char *base = NULL;
	if (found) {
		info->actor_entry = am.entry;
		base = dict_actor_code(d, am.entry, date);
		for (int32_t k = 0; k < am.nused; k++)
			taken[am.used[k]] = 1;
		info->actor_first = orig[am.used[0]];
		info->actor_last = orig[am.used[am.nused - 1]];
		if (ex)
			buf_printf(ex, "    actor \"%s\" -> %s\n",
				   dict_actor_phrase(d, am.entry), base);
	}

	/* Agents, left to right, skipping the actor's words and each agent's. */
	buf code = BUF_INIT;
	buf_puts(&code, base ? base : "---");
	int any_agent = 0;
	for (int32_t i = 0; i < n; i++) {
		if (taken[i])
			continue;
		dict_agent_match gm;
		if (!dict_agent_at(d, words, n, i, taken, &gm))
			continue;
		for (int32_t k = 0; k < gm.nused; k++)
			taken[gm.used[k]] = 1;
		const char *cur = code.data;
		size_t clen = code.len;
		/* A bare "---" base holds no parts to compare against. */
		int null_base = (clen == 3 && memcmp(cur, "---", 3) == 0);
		if (!null_base && has_aligned(cur, clen, gm.code)) {
			if (ex)
				buf_printf(ex, "    agent \"%s\" (%s) already in %s: stop\n",
					   gm.phrase, gm.code, cur);
			break;
		}
		if (gm.prefix) {
			buf nb = BUF_INIT;
			buf_puts(&nb, gm.code);
			buf_add(&nb, code.data, code.len);
			buf_free(&code);
			code = nb;
		} else {
			buf_puts(&code, gm.code);
		}
		any_agent = 1;
		info->nagents++;
		if (ex)
			buf_printf(ex, "    agent \"%s\" %s%s%s -> %s\n", gm.phrase,
				   gm.prefix ? "" : "~", gm.code,
				   gm.prefix ? "~" : "", code.data);
	}

	const char *result;
	if (base || any_agent) {
		result = arena_strndup(a, code.data, code.len);
	} else if (new_actor_length > 0) {
		/* New actor: the NE's words in quotes, if short enough. */
		buf q = BUF_INIT;
		int32_t spaces = 0;
		buf_putc(&q, '"');
		for (int32_t i = 0; i < ntok; i++) {
			const tok_token *t = &toks[idx[i]];
			if (t->tag == POS_POS)
				continue;
			if (q.len > 1) {
				buf_putc(&q, ' ');
				spaces++;
			}
			buf_add(&q, t->upper, t->ulen);
		}
		buf_putc(&q, '"');
		if (spaces < new_actor_length)
			result = arena_strndup(a, q.data, q.len);
		else
			result = "---";
		buf_free(&q);
	} else {
		result = "---";
	}
	buf_free(&code);
	return result;
}

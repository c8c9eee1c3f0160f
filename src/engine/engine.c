/*
 * engine.c - the pipeline from a document to events.
 */
#include "engine.h"

#include "../attrs/cameo.h"
#include "../attrs/place.h"
#include "../attrs/when.h"
#include "../clean/boiler.h"
#include "../actors/actor.h"
#include "../clean/clean.h"
#include "../events/coder.h"
#include "../parse/parser.h"
#include "../parse/ptb.h"
#include "../split/split.h"
#include "../tag/tagger.h"
#include "../tok/tokenize.h"
#include "../util/arena.h"
#include "../util/embedded.h"
#include "../util/xmalloc.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct engine {
	dict *d;       /* owned dictionaries */
	tagger *tg;    /* owned tagger */
	gazetteer *gz; /* owned place gazetteer (empty when built without it) */
	diag *dg;      /* borrowed */
};

struct eng_session {
	const engine *e;   /* borrowed */
	eng_sink sink;     /* copy */
	arena *a;          /* per-sentence scratch */
	char *story;       /* owned id of the current story, NULL before any */
	int story_discard; /* a story discard matched in the current story */
	cd_context ctx;    /* what the current story has said so far */
	int32_t anchor;    /* news: the date the story spoke of last (0: none) */
	ev_precision anchor_prec;
	eng_stats st;
	buf sid;           /* scratch for sentence ids */
};

#define MAX_ISSUES 32

int eng_load_defaults(dict *d)
{
	int rc = 0;
	for (const dyad_embedded_file *f = dyad_embedded; f->name; f++) {
		int k = dict_kind_from_filename(f->name);
		if (k < 0)
			continue;
		if (dict_load_mem(d, (dict_kind)k, f->name, f->data, f->len) < 0)
			rc = -1;
	}
	return rc;
}

engine *engine_new(dict *d, diag *dg)
{
	engine *e = xcalloc(1, sizeof *e);
	e->d = d;
	e->dg = dg;
	e->tg = tagger_new();
	e->gz = gaz_new();
	return e;
}

void engine_free(engine *e)
{
	if (!e)
		return;
	dict_free(e->d);
	tagger_free(e->tg);
	gaz_free(e->gz);
	free(e);
}

const dict *engine_dict(const engine *e)
{
	return e->d;
}

eng_session *eng_session_new(const engine *e, const eng_sink *sink)
{
	eng_session *s = xcalloc(1, sizeof *s);
	s->e = e;
	s->sink = *sink;
	s->a = arena_new();
	return s;
}

void eng_session_free(eng_session *s)
{
	if (!s)
		return;
	arena_free(s->a);
	free(s->story);
	buf_free(&s->sid);
	free(s);
}

const eng_stats *eng_session_stats(const eng_session *s)
{
	return &s->st;
}

static void end_story(eng_session *s)
{
	if (s->story && s->sink.story_end)
		s->sink.story_end(s->sink.ctx, s->story_discard);
	free(s->story);
	s->story = NULL;
	s->story_discard = 0;
	memset(&s->ctx, 0, sizeof s->ctx);
	s->anchor = 0;
	s->anchor_prec = EV_DATE_NONE;
}

void eng_finish(eng_session *s)
{
	end_story(s);
}

/* Looks every token up in the dictionaries' word table. */
static void word_ids(const dict *d, tok_token *toks, int32_t n)
{
	for (int32_t i = 0; i < n; i++)
		toks[i].word = dict_word(d, toks[i].upper, toks[i].ulen);
}

/* The original-text span of an NE's tokens (min start, max end). */
static ev_span ne_span(const tree *t, const cd_ne *ne)
{
	ev_span sp = {-1, -1};
	for (int32_t k = 0; k < ne->ntok; k++) {
		const tok_token *tk = &t->toks[ne->toks[k]];
		if (tk->start == tk->end)
			continue;
		if (sp.start < 0 || tk->start < sp.start)
			sp.start = tk->start;
		if (tk->end > sp.end)
			sp.end = tk->end;
	}
	if (sp.start < 0)
		sp.end = -1;
	return sp;
}

static const char *span_text(arena *a, const doc *d, ev_span sp)
{
	if (sp.start < 0 || (size_t)sp.end > d->len || sp.end < sp.start)
		return NULL;
	return arena_strndup(a, d->text + sp.start, (size_t)(sp.end - sp.start));
}

/* Builds the tree of one sentence; returns 0, or -1 to skip it. */
static int build_tree(const engine *e, arena *a, const doc *d,
		      const clean_text *ct, size_t start, size_t end,
		      const char *parse, tree *t, const char **err)
{
	if (parse) {
		if (ptb_read(a, parse, strlen(parse), d->text, d->len, 0, t, err) < 0)
			return -1;
		/* PETRARCH's rule: a dateline parse "(ROOT (NE (NEC" is skipped. */
		word_ids(e->d, t->toks, t->ntok);
		return 0;
	}
	tok_token *toks;
	int32_t n = tok_sentence(a, ct, start, end, &toks);
	if (n == 0) {
		*err = NULL;
		return -1;
	}
	tagger_tag(e->tg, toks, n);
	word_ids(e->d, toks, n);
	parse_sentence(a, toks, n, t);
	return 0;
}

#define MAX_WHEN 16
#define MAX_PLACES 16

/* The story's countries as the gazetteer wants them. */
static int32_t story_countries(const cd_context *x, const char **out)
{
	for (int32_t k = 0; k < x->ncountries; k++)
		out[k] = x->countries[k];
	return x->ncountries;
}

/* Finds the sentence's places and marks their tokens (TOK_F_PLACE), so the
 * coder knows a city after "in" is where, not who. */
static int32_t find_places(const engine *e, const cd_context *x, tree *t,
			   place_hit *hits)
{
	const char *cs[CD_MAX_COUNTRIES];
	int32_t nc = story_countries(x, cs);
	int32_t n = place_find(e->gz, t->toks, t->ntok, cs, nc, hits, MAX_PLACES);
	for (int32_t k = 0; k < n; k++) {
		for (int32_t j = hits[k].tok_start; j < hits[k].tok_end && j < t->ntok; j++)
			t->toks[j].flags |= TOK_F_PLACE;
	}
	return n;
}

/* The place nearest the event's verb within its clause, preferring one
 * after it ("met ... in Shenyang"); a place before the verb across a comma
 * or conjunction belongs to another clause. NULL when none. */
static const place_hit *event_place(const place_hit *p, int32_t np, int32_t verb,
				    const tok_token *toks)
{
	const place_hit *best = NULL;
	int32_t bestd = INT32_MAX;
	for (int32_t k = 0; k < np; k++) {
		int across = 0;
		for (int32_t j = p[k].tok_end; j < verb; j++)
			across |= toks[j].tag == POS_CC || toks[j].tag == POS_COMMA;
		if (across)
			continue;
		int32_t d = p[k].tok_start > verb ? p[k].tok_start - verb
			    : 2 * (verb - p[k].tok_end + 1);
		if (d < bestd) {
			best = &p[k];
			bestd = d;
		}
	}
	return best;
}

/* The date expression nearest the event's verb (ties: the one after it;
 * one before the verb across a conjunction or comma counts as farther:
 * "in December and the purge of X in 2012"), or NULL. */
/* 1 when date expression x is a news dateline's ("BEIJING, June 5
 * (Reuters) - ..."): at the start, after capitalised words and commas
 * only, and followed by a parenthesis or a dash. It dates the story, not
 * the events the sentence tells. */
static int is_dateline(const when_expr *x, const tok_token *toks, int32_t ntok)
{
	if (x->tok_start > 5 || x->tok_end >= ntok)
		return 0;
	for (int32_t j = 0; j < x->tok_start; j++)
		if (toks[j].tag != POS_NNP && toks[j].tag != POS_NNPS && toks[j].tag != POS_COMMA)
			return 0;
	const char *after = toks[x->tok_end].upper;
	return !strcmp(after, "-LRB-") || !strcmp(after, "(") || !strcmp(after, "-") ||
	       !strcmp(after, "--") || !strcmp(after, "\xe2\x80\x94") || !strcmp(after, "\xe2\x80\x93");
}

static const when_expr *event_when(const when_expr *w, int32_t nw, int32_t verb,
				   const tok_token *toks, int32_t ntok, const char *code)
{
	const when_expr *best = NULL;
	int32_t bestd = INT32_MAX;
	/* A statement's date is when it was made ("said on Monday"), not the
	 * dates of what it says ("said he expects ... in 2015"). */
	int statement = !strncmp(code, "01", 2);
	for (int32_t k = 0; k < nw; k++) {
		if (is_dateline(&w[k], toks, ntok))
			continue;
		if (statement && w[k].tok_start > verb) {
			int inside = 0; /* past "that", another verb, or "to" */
			for (int32_t j = verb + 1; j < w[k].tok_start && !inside; j++) {
				pos_tag tg = (pos_tag)toks[j].tag;
				inside = pos_is_verb(tg) || tg == POS_TO || tg == POS_MD ||
					 !strcmp(toks[j].upper, "THAT");
			}
			if (inside)
				continue;
		}
		int32_t d = w[k].tok_start > verb ? w[k].tok_start - verb
			    : w[k].tok_end <= verb ? verb - w[k].tok_end + 1 : 0;
		if (w[k].tok_end <= verb) {
			for (int32_t j = w[k].tok_end; j < verb; j++) {
				if (toks[j].tag == POS_CC || toks[j].tag == POS_COMMA) {
					d += 8;
					break;
				}
			}
		}
		if (d < bestd || (d == bestd && w[k].tok_start > verb)) {
			best = &w[k];
			bestd = d;
		}
	}
	return best;
}

/* A country named as where an event happened ("in Iraq", "across
 * Syria"), for an event the gazetteer found no city for: the nearest to
 * the verb within its clause, after it first. Fills *p (name in the
 * arena, lat/lon unknown: NaN) and returns 1, or 0. */
/* A common noun for a place inside a country ("the Yemeni port"). */
static int is_place_noun(const char *upper)
{
	static const char *const nouns[] = {
		"CITY", "TOWN", "PORT", "PORTS", "CAPITAL", "VILLAGE", "PROVINCE", "REGION", "DISTRICT",
		"COAST", "ISLAND", "ISLANDS", "STATE", "TERRITORY", "ENCLAVE", "DESERT",
		"HIGHLANDS", "MOUNTAINS", "COUNTRYSIDE", "HEARTLAND", "INTERIOR", "CITIES",
		"TOWNS", "VILLAGES", "PROVINCES", "REGIONS", NULL
	};
	for (int i = 0; nouns[i]; i++)
		if (!strcmp(upper, nouns[i]))
			return 1;
	return 0;
}

static int country_place(const engine *e, arena *a, const doc *d, const tree *t,
			 int32_t verb, ev_place *p)
{
	static const char *const locs[] = {"IN", "AT", "INSIDE", "ACROSS",
					   "THROUGHOUT", NULL};
	for (int dir = 1; dir >= -1; dir -= 2) {
		for (int32_t j = verb + dir; j >= 0 && j < t->ntok; j += dir) {
			const tok_token *k = &t->toks[j];
			if (k->tag == POS_COMMA || k->tag == POS_PERIOD)
				break;
			int loc = 0;
			for (int q = 0; locs[q]; q++)
				loc |= !strcmp(k->upper, locs[q]);
			if (!loc)
				continue;
			int32_t idx[4], n = 0, m = j + 1;
			if (m < t->ntok && !strcmp(t->toks[m].upper, "THE"))
				m++;
			while (m < t->ntok && n < 4 && (t->toks[m].flags & TOK_F_CAP))
				idx[n++] = m++;
			if (n == 0)
				continue;
			/* The name must be the whole noun phrase: in "at Japanese
			 * fishing boats" or "across the Syrian border" it only
			 * modifies what follows, and is no place; but "in the
			 * Yemeni port of Aden" is in Yemen. */
			if (m < t->ntok && (pos_is_noun(t->toks[m].tag) || t->toks[m].tag == POS_JJ ||
					    t->toks[m].tag == POS_VBG) && !is_place_noun(t->toks[m].upper))
				continue;
			const char *code = act_code(e->d, a, t->toks, idx, n, d->date, 0, NULL, NULL);
			if (strlen(code) != 3 || code[0] < 'A' || code[0] > 'Z' ||
			    !strcmp(code, "IGO") || !strcmp(code, "NGO") || !strcmp(code, "IMG"))
				continue;
			const tok_token *f = &t->toks[idx[0]], *l = &t->toks[idx[n - 1]];
			ev_span sp = {f->start, l->end};
			p->name = span_text(a, d, sp);
			if (!p->name)
				continue;
			p->country = arena_strndup(a, code, 3);
			p->admin1 = NULL;
			p->lat = p->lon = NAN;
			return 1;
		}
	}
	return 0;
}

/* 1 when code starts with a country's three letters (not a group or
 * sector such as IGO, NGO or --- , and not a quoted text). */
static int country_code(const char *code)
{
	if (!code || strlen(code) < 3)
		return 0;
	for (int i = 0; i < 3; i++)
		if (code[i] < 'A' || code[i] > 'Z')
			return 0;
	static const char *const groups[] = {"IGO", "NGO", "IMG", "MNC", "UAF", "REB", "INS",
					     "CVL", "GOV", "MIL", "COP", "BUS", "OPP", "JUD",
					     "LEG", "MED", "EDU", "REL", "ELI", "CRM", "AGR",
					     "LAB", "REF", "HLH", "SPY", "SEP", "PTY", NULL};
	for (int i = 0; groups[i]; i++)
		if (!strncmp(code, groups[i], 3))
			return 0;
	return 1;
}

/* The dates of sentence t; in news, anchored on the date the story spoke
 * of last, which the sentence's last date then becomes. */
static int32_t sentence_dates(eng_session *s, const doc *d, const doc_settings *set,
			      const tree *t, when_expr *when)
{
	if (!set->news_syntax)
		return when_find(t->toks, t->ntok, d->date, when, MAX_WHEN);
	int32_t n = when_find_anchored(t->toks, t->ntok, d->date, s->anchor, s->anchor_prec,
				       when, MAX_WHEN);
	if (n > 0) {
		s->anchor = when[n - 1].date;
		s->anchor_prec = when[n - 1].prec;
	}
	return n;
}

static void report_events(eng_session *s, const doc *d, const doc_settings *set,
			  int32_t sent, const tree *t, const cd_result *r, ev_span sspan,
			  const char *stext, const char *ctext, size_t clen,
			  const place_hit *places, int32_t nplaces,
			  const when_expr *when, int32_t nwhen)
{
	const engine *e = s->e;
	dict_issue_count iss[MAX_ISSUES];
	int32_t niss = r->nev ? dict_issues(e->d, ctext, clen, iss, MAX_ISSUES) : 0;
	ev_issue eiss[MAX_ISSUES];
	for (int32_t k = 0; k < niss; k++) {
		eiss[k].code = iss[k].code;
		eiss[k].count = iss[k].count;
	}
	const char *sid;
	if (d->one_sentence) {
		sid = d->id;
	} else {
		buf_clear(&s->sid);
		buf_printf(&s->sid, "%s-%d", d->id, sent);
		sid = s->sid.data;
	}
	for (int32_t k = 0; k < r->nev; k++) {
		const cd_event *ce = &r->ev[k];
		ev_event ev;
		memset(&ev, 0, sizeof ev);
		ev.doc = d->story && d->one_sentence ? d->story : d->id;
		ev.url = d->url;
		ev.news_source = d->source;
		ev.sid = sid;
		ev.sent = sent;
		ev.story_date = d->date;
		const when_expr *w = event_when(when, nwhen, ce->verb_tok, t->toks, t->ntok, ce->code);
		if (w) {
			ev.date = w->date;
			ev.date_precision = w->prec;
		} else {
			ev.date = d->date;
			ev.date_precision = d->date ? EV_DATE_DAY : EV_DATE_NONE;
		}
		const place_hit *ph = event_place(places, nplaces, ce->verb_tok, t->toks);
		if (ph) {
			ev.place.name = ph->name;
			ev.place.country = ph->country;
			ev.place.admin1 = ph->admin1;
			ev.place.lat = ph->lat;
			ev.place.lon = ph->lon;
		} else {
			country_place(s->e, s->a, d, t, ce->verb_tok, &ev.place);
		}
		ev.source = ce->source;
		/* News: a protest by an unnamed crowd ("more than 100,000
		 * people rallied in Minsk") is by people of the country where
		 * it happens: ---CVL there becomes BLRCVL. */
		if (set->news_syntax && ev.place.country && strlen(ev.place.country) == 3 &&
		    ce->code && !strncmp(ce->code, "14", 2) && !strncmp(ce->source, "---", 3)) {
			size_t rest = strlen(ce->source + 3);
			char *src = arena_alloc(s->a, 4 + rest);
			memcpy(src, ev.place.country, 3);
			memcpy(src + 3, ce->source + 3, rest + 1);
			ev.source = src;
		}
		ev.target = ce->target;
		/* News: force used against a country, or a visit to it, with
		 * no place named, happened in that country ("U.S. troops
		 * invaded Panama", "crossed into Pakistan"): its name as the
		 * text says it, coordinates unknown. The target must be the
		 * country itself, named ("at Japanese fishing boats" is not
		 * in Japan). */
		if (set->news_syntax && !ev.place.name && ce->tgt_ne >= 0 && ce->code &&
		    (!strncmp(ce->code, "17", 2) || !strncmp(ce->code, "18", 2) ||
		     !strncmp(ce->code, "19", 2) || !strncmp(ce->code, "20", 2) ||
		     !strncmp(ce->code, "042", 3)) &&
		    country_code(ce->target) && strlen(ce->target) == 3 &&
		    r->nes[ce->tgt_ne].ntok > 0 &&
		    (t->toks[r->nes[ce->tgt_ne].toks[r->nes[ce->tgt_ne].ntok - 1]].tag == POS_NNP ||
		     t->toks[r->nes[ce->tgt_ne].toks[r->nes[ce->tgt_ne].ntok - 1]].tag == POS_NNPS)) {
			ev_span ts = ne_span(t, &r->nes[ce->tgt_ne]);
			const char *name = span_text(s->a, d, ts);
			if (name) {
				ev.place.name = name;
				ev.place.country = arena_strndup(s->a, ce->target, 3);
				ev.place.admin1 = NULL;
				ev.place.lat = ev.place.lon = NAN;
			}
		}
		ev.code = ce->code;
		ev.source_span = ce->src_ne >= 0 ? ne_span(t, &r->nes[ce->src_ne]) : (ev_span){-1, -1};
		ev.target_span = ce->tgt_ne >= 0 ? ne_span(t, &r->nes[ce->tgt_ne]) : (ev_span){-1, -1};
		const tok_token *vt = &t->toks[ce->verb_tok];
		ev.verb_span = vt->start < vt->end ? (ev_span){vt->start, vt->end} : (ev_span){-1, -1};
		ev.source_text = span_text(s->a, d, ev.source_span);
		ev.target_text = span_text(s->a, d, ev.target_span);
		ev.verb_text = ev.verb_span.start >= 0 ? span_text(s->a, d, ev.verb_span) : vt->form;
		ev.sentence = sspan;
		ev.sentence_text = stext;
		ev.issues = eiss;
		ev.nissues = niss;
		ev.flags = (ce->passive ? EV_F_PASSIVE : 0) | (ce->hedged ? EV_F_HEDGED : 0) |
			   (ce->nominal ? EV_F_NOMINAL : 0);
		ev.pattern = ce->pattern ? ce->pattern->text : NULL;
		s->st.events++;
		if (s->sink.event)
			s->sink.event(s->sink.ctx, &ev);
	}
}

int eng_code_doc(eng_session *s, const doc *d, const doc_settings *set,
		 int use_parse)
{
	const engine *e = s->e;
	const char *story = d->story ? d->story : d->id;
	if (!s->story || strcmp(s->story, story) != 0) {
		end_story(s);
		s->story = xstrdup(story);
	}
	s->st.docs++;
	if (s->story_discard)
		return 0;

	clean_text ct;
	if (clean_run(d->text, d->len, &ct) < 0) {
		diag_report(e->dg, d->file, d->line,
			    "document %s: text too large (over 4 GiB)", d->id);
		return -1;
	}
	split_iter it;
	size_t start, end;
	int one = d->one_sentence;
	/* A whole document is checked for story discards first, so its events
	 * can be streamed out as they are coded instead of held to the end. */
	int final = 0;
	int32_t nsent = 0;
	if (!one) {
		split_init(&it, ct.text, ct.len);
		while (split_next(&it, &start, &end)) {
			nsent++;
			if (dict_discard_check(e->d, ct.text + start, end - start, NULL) ==
			    DICT_DISCARD_STORY) {
				s->story_discard = 1;
				clean_free(&ct);
				return 0;
			}
		}
		final = 1;
	}
	split_init(&it, ct.text, ct.len);
	int32_t sent = 0;
	int done_one = 0;
	for (;;) {
		if (one) {
			if (done_one)
				break;
			done_one = 1;
			start = 0;
			end = ct.len;
			while (start < end && (ct.text[start] == ' ' || ct.text[start] == '\n' ||
					       ct.text[start] == '\t' || ct.text[start] == '\r'))
				start++;
			while (end > start && (ct.text[end - 1] == ' ' || ct.text[end - 1] == '\n' ||
					       ct.text[end - 1] == '\t' || ct.text[end - 1] == '\r'))
				end--;
		} else if (!split_next(&it, &start, &end)) {
			break;
		}
		arena_reset(s->a);
		s->st.sentences++;
		int32_t this_sent = sent++;
		const char *ctext = ct.text + start;
		size_t clen = end - start;
		const char *phrase = NULL;
		dict_discard_kind dk = dict_discard_check(e->d, ctext, clen, &phrase);
		if (dk == DICT_DISCARD_STORY) {
			s->story_discard = 1;
			break;
		}
		if (dk == DICT_DISCARD_SENTENCE) {
			s->st.discarded++;
			continue;
		}
		/* Publishers' footers and pitches are not news. */
		if (!one && set->news_syntax &&
		    boiler_sentence(ctext, clen, nsent - 1 - this_sent)) {
			s->st.discarded++;
			continue;
		}
		tree t;
		const char *err = NULL;
		const char *parse = use_parse ? d->parse : NULL;
		if (build_tree(e, s->a, d, &ct, start, end, parse, &t, &err) < 0) {
			if (err)
				diag_report(e->dg, d->file, d->line, "%s: parse skipped: %s",
					    d->id, err);
			s->st.skipped++;
			continue;
		}
		place_hit places[MAX_PLACES];
		int32_t nplaces = find_places(e, &s->ctx, &t, places);
		cd_result r;
		code_sentence(e->d, s->a, &t, set, d->date, &s->ctx, NULL, &r);
		cd_context_update(&s->ctx, &r);
		when_expr when[MAX_WHEN];
		int32_t nwhen = sentence_dates(s, d, set, &t, when);
		if (r.nev == 0)
			continue;
		ev_span sspan = {clean_orig(&ct, start), clean_orig(&ct, end)};
		const char *stext = span_text(s->a, d, sspan);
		report_events(s, d, set, this_sent, &t, &r, sspan, stext, ctext, clen,
			      places, nplaces, when, nwhen);
		if (final && s->sink.flush)
			s->sink.flush(s->sink.ctx);
	}
	clean_free(&ct);
	return 0;
}

void eng_explain(const engine *e, const char *text, size_t len, int32_t date,
		 const doc_settings *set, const char *parse, buf *out)
{
	arena *a = arena_new();
	clean_text ct;
	if (clean_run(text, len, &ct) < 0) {
		buf_puts(out, "text too large\n");
		arena_free(a);
		return;
	}
	doc d = {0};
	d.id = (char *)"explain";
	d.text = (char *)text;
	d.len = len;
	split_iter it;
	split_init(&it, ct.text, ct.len);
	size_t start, end;
	int sent = 0;
	int first = 1;
	cd_context ctx;
	memset(&ctx, 0, sizeof ctx);
	for (;;) {
		if (parse) {
			if (!first)
				break;
			start = 0;
			end = ct.len;
		} else if (!split_next(&it, &start, &end)) {
			break;
		}
		first = 0;
		arena_reset(a);
		buf_printf(out, "sentence %d: %.*s\n", sent++, (int)(end - start), ct.text + start);
		const char *phrase = NULL;
		dict_discard_kind dk = dict_discard_check(e->d, ct.text + start, end - start, &phrase);
		if (dk != DICT_KEEP) {
			buf_printf(out, "  discarded (%s) by \"%s\"\n",
				   dk == DICT_DISCARD_STORY ? "story" : "sentence", phrase ? phrase : "?");
			continue;
		}
		tree t;
		const char *err = NULL;
		if (build_tree(e, a, &d, &ct, start, end, parse, &t, &err) < 0) {
			buf_printf(out, "  skipped: %s\n", err ? err : "no tokens");
			continue;
		}
		buf_puts(out, "  tokens:");
		for (int32_t k = 0; k < t.ntok; k++) {
			const tok_token *tk = &t.toks[k];
			buf_printf(out, " %s/%s%s", tk->form, pos_name((pos_tag)tk->tag),
				   tk->word >= 0 ? "" : "");
		}
		buf_putc(out, '\n');
		char *ts = tree_to_string(&t, 0);
		buf_printf(out, "  tree: %s\n", ts);
		free(ts);
		place_hit places[MAX_PLACES];
		int32_t np = find_places(e, &ctx, &t, places);
		for (int32_t k = 0; k < np; k++)
			buf_printf(out, "  place: %s (%s, %.2f %.2f)\n", places[k].name,
				   places[k].country, places[k].lat, places[k].lon);
		cd_result r;
		code_sentence(e->d, a, &t, set, date, &ctx, out, &r);
		cd_context_update(&ctx, &r);
		if (r.nev == 0)
			buf_puts(out, "  no events\n");
	}
	clean_free(&ct);
	arena_free(a);
}

/*
 * boiler.h - telling publisher boilerplate from news, one sentence at a
 * time: subscription and newsletter pitches, "click here", social-media
 * prompts, cookie notices, copyright lines and reporter/editor credits
 * carry no events, while a story's real last paragraph still does.
 */
#ifndef DYAD_BOILER_H
#define DYAD_BOILER_H

#include <stddef.h>

/* Whether a sentence (cleaned UTF-8 text s[0..n), borrowed, no NUL
 * needed) is publisher boilerplate rather than news: 1 if it is, else 0.
 *
 * A general mechanism, not a list of one site's sentences: it scores cues
 * -- address to the reader (you, your) and the publisher speaking (we,
 * us, our) outside quotation marks, an imperative call to action at the
 * start (Subscribe, Click, Download, Follow...), commerce and media words
 * (subscription, newsletter, paywall, journalism, cookies...), publisher
 * idioms ("all rights reserved", "sign up", "thanks for reading"),
 * copyright marks and credit lines ("Editing by ...") -- against signs of
 * news: a reporting verb (said, told, according to) outside quotes, past
 * tense, weekday and month names, named actors. Words inside quotation
 * marks never count: an official saying "We have to ..." is news.
 *
 * from_end: 0 for the document's last sentence, 1 for the one before,
 * ...; -1 when unknown (treated as mid-story). The last sentences of a
 * document need a lower score than mid-story ones, where boilerplate is
 * rare. Costs about a microsecond per sentence; allocates nothing. */
int boiler_sentence(const char *s, size_t n, int from_end);

#endif

/*
 * read_html.h - a saved news page (HTML) to one document: the article's
 * headline, dateline and body, without navigation, ads, share bars,
 * related links, comments, footers or scripts; with the page's date, url
 * and publisher from its metadata. Parsing is Debian's libgumbo (HTML5).
 */
#ifndef DYAD_READ_HTML_H
#define DYAD_READ_HTML_H

#include <stddef.h>

#include "doc.h"
#include "../util/diag.h"

/* Pages larger than this are reported and skipped (a saved news page is a
 * few megabytes; the parse tree takes many times the page's size). */
#define READ_HTML_MAX ((size_t)64 << 20)

/* Extracts the article of the page html[0..n) (borrowed; need not be
 * NUL-terminated; any bytes: it is read as UTF-8, bad bytes becoming
 * U+FFFD) into *d, which must be zeroed. name (borrowed) is the input's
 * name for messages and d->file; id (borrowed) is copied into d->id.
 *
 * d->text is a new text: the headline, a blank line, then the body's
 * paragraphs separated by blank lines ("\n\n"), white space inside each
 * collapsed to single spaces. Event offsets of HTML input refer to this
 * extracted text, not to the markup; d->text_base is 0.
 * d->title: og:title, else the ld+json headline, else the first <h1> in
 * the article, else <title> without its " - Site" / " | Site" suffix.
 * d->date: article:published_time, other published-time metadata,
 * itemprop=datePublished, ld+json datePublished, then <time datetime>.
 * d->url: <link rel=canonical>, else og:url; d->source: og:site_name.
 * The body: the paragraphs of the <article> (or itemprop=articleBody)
 * holding the most text, else of the block with the most paragraph text.
 *
 * Returns 1 when *d was filled (the caller owns it and doc_clear()s it);
 * 0 after reporting "name: no article text found" (or a page larger than
 * READ_HTML_MAX), *d left zeroed. Never fails otherwise. */
int read_html_doc(const char *html, size_t n, const char *name,
                  const char *id, diag *dg, doc *d);

#endif

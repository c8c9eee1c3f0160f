/*
 * web.h - the dashboard's files (web/index.html, app.js, style.css and
 * uPlot's dist files with its license), embedded into the binary at build
 * time (tools/mkweb.c) so `dyad serve` needs no install path and works
 * offline.
 */
#ifndef DYAD_WEB_H
#define DYAD_WEB_H

#include <stddef.h>

/* One embedded file. Every pointer is to static storage. */
typedef struct web_file {
	const char *path; /* URL path, e.g. "/index.html"; NULL ends the table */
	const char *type; /* Content-Type, e.g. "text/html; charset=utf-8" */
	const char *data; /* contents (NUL-terminated; len is authoritative) */
	size_t len;       /* bytes, without the terminator */
} web_file;

/* The generated table (build/gen/web_data.c), ended by a NULL path. */
extern const web_file dyad_web_files[];

/* The file served at URL path PATH, or NULL when PATH is NULL or names no
 * embedded file. "/" is "/index.html"; a query string ("?...") after the
 * path is ignored; the match is exact otherwise (case-sensitive, no "..",
 * no trailing slash). The result is static. */
const web_file *web_find(const char *path);

/* Nonzero when the charting library uPlot was embedded (a build without
 * npm has a dashboard without charts). */
int web_has_charts(void);

#endif

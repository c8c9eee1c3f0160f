/*
 * embedded.h - data files compiled into the binary at build time
 * (dyad's default dictionaries; see tools/embed.c).
 */
#ifndef DYAD_EMBEDDED_H
#define DYAD_EMBEDDED_H

#include <stddef.h>

typedef struct dyad_embedded_file {
	const char *name; /* base file name, e.g. "dyad.verbs.txt"; NULL ends */
	const char *data; /* contents, NUL-terminated */
	size_t len;       /* bytes, without the terminator */
} dyad_embedded_file;

/* The table, ended by an entry whose name is NULL. */
extern const dyad_embedded_file dyad_embedded[];

#endif

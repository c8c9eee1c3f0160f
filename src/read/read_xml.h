/*
 * read_xml.h - the PETRARCH XML record reader behind reader.h: a buffered
 * scanner finds each <Sentence>..</Sentence> span, applies <Config> and
 * <Environment> elements between records, and parses each record alone
 * with libxml2. Internal to src/read.
 */
#ifndef DYAD_READ_XML_H
#define DYAD_READ_XML_H

#include <stdio.h>

#include "doc.h"
#include "reader.h"
#include "../util/diag.h"

typedef struct read_xml read_xml;

/* A scanner over fp (borrowed, positioned at the start). name (borrowed,
 * for messages and doc.file) and dg (borrowed) must outlive it. dir is the
 * folder <Environment> paths are relative to (copied; NULL = as written). */
read_xml *read_xml_new(FILE *fp, const char *name, const char *dir,
                       diag *dg, int want_parse);
/* As reader_next. */
int read_xml_next(read_xml *x, doc *d);
/* As reader_env. */
const read_env *read_xml_env(const read_xml *x);
/* Frees x (not fp); NULL is a no-op. */
void read_xml_free(read_xml *x);

#endif

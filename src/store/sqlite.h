/*
 * sqlite.h - the store's SQLite backend: one database file in WAL mode,
 * full text by FTS5 (see sqlite.c for the schema).
 */
#ifndef DYAD_STORE_SQLITE_H
#define DYAD_STORE_SQLITE_H

#include "backend.h"

/* Opens the SQLite database at path for s (its name and writable set):
 * fills s->ops and s->impl, or writes a message naming path to err and
 * returns STORE_ERR (s->impl then NULL). */
int store_sqlite_open(store *s, const char *path, char *err, size_t err_size);

#endif

/*
 * pg.h - the store's PostgreSQL backend (libpq): the same tables as the
 * SQLite backend in the database a postgresql:// URL names, for a team
 * sharing one store (see pg.c for the schema).
 */
#ifndef DYAD_STORE_PG_H
#define DYAD_STORE_PG_H

#include "backend.h"

/* Connects to the database url names for s (its name and writable set):
 * fills s->ops and s->impl, or writes a message naming the URL (without
 * its password) to err and returns STORE_ERR. */
int store_pg_open(store *s, const char *url, char *err, size_t err_size);

#endif

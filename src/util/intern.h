/*
 * intern.h - strings to dense integer ids.
 *
 * Dictionary words are interned once at load time; at coding time each
 * token's upper-case form is looked up once, and all matching compares ids.
 * Strings are (pointer, length); they may not contain NUL.
 */
#ifndef DYAD_INTERN_H
#define DYAD_INTERN_H

#include <stddef.h>
#include <stdint.h>

typedef struct intern intern;

intern *intern_new(void);
void intern_free(intern *t);
/* The id of s[0..n), adding a copy if it is new. Ids are 0, 1, 2, ... */
int32_t intern_add(intern *t, const char *s, size_t n);
/* The id of s[0..n), or -1 if it was never added. */
int32_t intern_find(const intern *t, const char *s, size_t n);
/* The string of an id (NUL-terminated, owned by the table); NULL if bad. */
const char *intern_str(const intern *t, int32_t id);
/* Number of distinct strings. */
int32_t intern_count(const intern *t);
/* 64-bit FNV-1a hash, exposed for other tables. */
uint64_t intern_hash(const char *s, size_t n);

#endif

/*
 * cameo.h - the CAMEO event code table: name, Goldstein weight, quad class
 * and PLOVER type of every published CAMEO code (formats.md, plover.md).
 * The table is static data compiled into the library.
 */
#ifndef DYAD_CAMEO_H
#define DYAD_CAMEO_H

/* One CAMEO code. Every pointer is to static storage. */
typedef struct cameo_info {
	const char *code;   /* "044", "1841", or a root alone ("04") */
	const char *name;   /* the codebook's short name */
	double goldstein;   /* Goldstein weight, -10 .. 10 */
	int quad;           /* 1 verbal coop, 2 material coop, 3 verbal
	                       conflict, 4 material conflict (by root) */
	const char *plover; /* PLOVER type, NULL for 01x and 02x */
} cameo_info;

/* The entry of a CAMEO code (NUL-terminated, exact), or NULL when code is
 * NULL or not a CAMEO code (e.g. "901", "174K"). The result is static. */
const cameo_info *cameo_lookup(const char *code);

/* The quad class (1-4) of a root code 1..20; 0 for anything else. */
int cameo_quad_of_root(int root);

#endif

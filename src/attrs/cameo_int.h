/*
 * cameo_int.h - the generated CAMEO table shared by cameo.c and
 * cameo_table.c (tools/gen_cameo_table.sh writes the latter).
 */
#ifndef DYAD_CAMEO_INT_H
#define DYAD_CAMEO_INT_H

#include <stddef.h>

#include "cameo.h"

/* Every CAMEO code, sorted by strcmp of code. */
extern const cameo_info cameo_table[];
extern const size_t cameo_table_len;

#endif

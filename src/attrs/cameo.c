/*
 * cameo.c - lookups in the CAMEO event code table (cameo_table.c), by
 * binary search over the codes sorted as strings.
 */
#include "cameo.h"
#include "cameo_int.h"

#include <string.h>

const cameo_info *cameo_lookup(const char *code)
{
	if (!code)
		return NULL;
	size_t lo = 0, hi = cameo_table_len;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		int c = strcmp(code, cameo_table[mid].code);
		if (c == 0)
			return &cameo_table[mid];
		if (c < 0)
			hi = mid;
		else
			lo = mid + 1;
	}
	return NULL;
}

int cameo_quad_of_root(int root)
{
	if (root < 1 || root > 20)
		return 0;
	if (root <= 5)
		return 1;
	if (root <= 8)
		return 2;
	if (root <= 13)
		return 3;
	return 4;
}

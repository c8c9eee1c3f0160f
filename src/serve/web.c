/*
 * web.c - look-up of the embedded dashboard files (see web.h).
 */
#include "serve/web.h"

#include <string.h>

const web_file *web_find(const char *path)
{
	if (!path || path[0] != '/')
		return NULL;
	size_t len = strcspn(path, "?");
	if (len == 1) {
		path = "/index.html";
		len = strlen(path);
	}
	for (const web_file *f = dyad_web_files; f->path; f++) {
		if (strlen(f->path) == len && memcmp(f->path, path, len) == 0)
			return f;
	}
	return NULL;
}

int web_has_charts(void)
{
	return web_find("/uPlot.iife.min.js") != NULL;
}

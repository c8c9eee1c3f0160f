/*
 * diag.c - input problem reporting.
 */
#include "diag.h"
#include "xmalloc.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

struct diag {
	FILE *out;      /* borrowed stream for messages */
	int strict;     /* first report is fatal for the caller */
	int quiet;      /* count but do not print */
	long count;     /* reports so far */
	char last[512]; /* last message, for tests (truncation is harmless) */
};

diag *diag_new(FILE *out, int strict)
{
	diag *d = xcalloc(1, sizeof *d);
	d->out = out;
	d->strict = strict;
	return d;
}

void diag_free(diag *d)
{
	free(d);
}

void diag_report(diag *d, const char *file, long line, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(d->last, sizeof d->last, fmt, ap);
	va_end(ap);
	d->count++;
	if (d->quiet || !d->out)
		return;
	if (!file)
		fprintf(d->out, "dyad: ");
	else if (line > 0)
		fprintf(d->out, "%s:%ld: ", file, line);
	else
		fprintf(d->out, "%s: ", file);
	va_start(ap, fmt);
	vfprintf(d->out, fmt, ap);
	va_end(ap);
	fputc('\n', d->out);
}

long diag_count(const diag *d)
{
	return d->count;
}

int diag_failed(const diag *d)
{
	return d->strict && d->count > 0;
}

int diag_strict(const diag *d)
{
	return d->strict;
}

void diag_set_quiet(diag *d, int quiet)
{
	d->quiet = quiet;
}

const char *diag_last(const diag *d)
{
	return d->last;
}

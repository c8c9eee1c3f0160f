/*
 * diag.c - input problem reporting.
 */
#include "diag.h"
#include "xmalloc.h"

#include <pthread.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

struct diag {
	FILE *out;      /* borrowed stream for messages */
	int strict;     /* first report is fatal for the caller */
	int quiet;      /* count but do not print */
	long count;     /* reports so far */
	char last[512]; /* last message, for tests (truncation is harmless) */
	pthread_mutex_t mu; /* reports may come from several threads (an
			     * ingest codes in one while it reads in another) */
};

diag *diag_new(FILE *out, int strict)
{
	diag *d = xcalloc(1, sizeof *d);
	d->out = out;
	d->strict = strict;
	pthread_mutex_init(&d->mu, NULL);
	return d;
}

void diag_free(diag *d)
{
	if (!d)
		return;
	pthread_mutex_destroy(&d->mu);
	free(d);
}

void diag_report(diag *d, const char *file, long line, const char *fmt, ...)
{
	va_list ap;
	pthread_mutex_lock(&d->mu);
	va_start(ap, fmt);
	vsnprintf(d->last, sizeof d->last, fmt, ap);
	va_end(ap);
	d->count++;
	if (d->quiet || !d->out) {
		pthread_mutex_unlock(&d->mu);
		return;
	}
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
	pthread_mutex_unlock(&d->mu);
}

long diag_count(const diag *d)
{
	pthread_mutex_lock((pthread_mutex_t *)&d->mu);
	long n = d->count;
	pthread_mutex_unlock((pthread_mutex_t *)&d->mu);
	return n;
}

int diag_failed(const diag *d)
{
	return d->strict && diag_count(d) > 0;
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

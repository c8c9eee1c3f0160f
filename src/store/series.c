/*
 * series.c - time-series periods summed in C (see series.h): a hash of
 * period labels to sums, kept in insertion order, sorted once at the end.
 */
#include "series.h"

#include "util/cal.h"
#include "util/xmalloc.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

typedef struct period {
	char label[16];
	long events, mentions, q[4];
	long ngold;         /* events with a Goldstein weight */
	double gold;        /* their sum */
} period;

struct series_acc {
	store_period by;
	period *p;          /* owned, np used of cap */
	size_t np, cap;
	int32_t *slot;      /* owned hash: index into p, -1 empty; nslot a power of 2 */
	size_t nslot;
	size_t last;        /* the period of the previous row (rows come in runs) */
};

series_acc *series_acc_new(store_period by)
{
	series_acc *a = xcalloc(1, sizeof *a);
	a->by = by;
	a->nslot = 256;
	a->slot = xmalloc(a->nslot * sizeof *a->slot);
	memset(a->slot, 0xff, a->nslot * sizeof *a->slot);
	a->last = SIZE_MAX;
	return a;
}

void series_acc_free(series_acc *a)
{
	if (!a)
		return;
	free(a->p);
	free(a->slot);
	free(a);
}

static int digits(const char *s, int n)
{
	int v = 0;
	for (int i = 0; i < n; i++) {
		if (s[i] < '0' || s[i] > '9')
			return -1;
		v = v * 10 + (s[i] - '0');
	}
	return v;
}

int series_label(const char *day, store_period by, char out[16])
{
	if (!day || strlen(day) < 10 || day[4] != '-' || day[7] != '-')
		return -1;
	int y = digits(day, 4), m = digits(day + 5, 2), d = digits(day + 8, 2);
	if (y < 0 || m < 1 || m > 12 || d < 1 || d > cal_month_days(y, m))
		return -1;
	switch (by) {
	case STORE_BY_DAY:
		memcpy(out, day, 10);
		out[10] = '\0';
		return 0;
	case STORE_BY_MONTH:
		memcpy(out, day, 7);
		out[7] = '\0';
		return 0;
	case STORE_BY_YEAR:
		memcpy(out, day, 4);
		out[4] = '\0';
		return 0;
	case STORE_BY_WEEK:
		break;
	default:
		return -1;
	}
	int wy;
	long week = cal_iso_week(y, m, d, &wy);
	/* "YYYY-Www" by hand: this runs once per event of a series */
	wy %= 10000;
	if (wy < 0)
		return -1;
	out[0] = (char)('0' + wy / 1000);
	out[1] = (char)('0' + wy / 100 % 10);
	out[2] = (char)('0' + wy / 10 % 10);
	out[3] = (char)('0' + wy % 10);
	out[4] = '-';
	out[5] = 'W';
	out[6] = (char)('0' + week / 10 % 10);
	out[7] = (char)('0' + week % 10);
	out[8] = '\0';
	return 0;
}

static uint32_t hash(const char *s)
{
	uint32_t h = 2166136261u;
	for (; *s; s++)
		h = (h ^ (unsigned char)*s) * 16777619u;
	return h;
}

static void rehash(series_acc *a)
{
	free(a->slot);
	a->nslot *= 2;
	a->slot = xmalloc(a->nslot * sizeof *a->slot);
	memset(a->slot, 0xff, a->nslot * sizeof *a->slot);
	for (size_t i = 0; i < a->np; i++) {
		size_t j = hash(a->p[i].label) & (a->nslot - 1);
		while (a->slot[j] >= 0)
			j = (j + 1) & (a->nslot - 1);
		a->slot[j] = (int32_t)i;
	}
}

/* The period labelled label, made when new. */
static period *find(series_acc *a, const char *label)
{
	if (a->last != SIZE_MAX && !strcmp(a->p[a->last].label, label))
		return &a->p[a->last];
	size_t j = hash(label) & (a->nslot - 1);
	while (a->slot[j] >= 0) {
		if (!strcmp(a->p[a->slot[j]].label, label)) {
			a->last = (size_t)a->slot[j];
			return &a->p[a->last];
		}
		j = (j + 1) & (a->nslot - 1);
	}
	if (a->np == a->cap)
		xgrow((void **)&a->p, &a->cap, a->np + 1, sizeof *a->p);
	period *p = &a->p[a->np];
	memset(p, 0, sizeof *p);
	memcpy(p->label, label, strlen(label) + 1);
	a->slot[j] = (int32_t)a->np;
	a->last = a->np++;
	if (a->np * 2 > a->nslot)
		rehash(a);
	return &a->p[a->last];
}

void series_acc_add(series_acc *a, const char *day, int quad, int has_goldstein,
		    double goldstein, long mentions)
{
	char label[16];
	if (series_label(day, a->by, label) < 0)
		return;
	period *p = find(a, label);
	p->events++;
	p->mentions += mentions;
	if (quad >= 1 && quad <= 4)
		p->q[quad - 1]++;
	if (has_goldstein) {
		p->ngold++;
		p->gold += goldstein;
	}
}

static int by_label(const void *x, const void *y)
{
	return strcmp(((const period *)x)->label, ((const period *)y)->label);
}

long series_acc_emit(series_acc *a, store_series_fn fn, void *ctx)
{
	if (a->np > 1)
		qsort(a->p, a->np, sizeof *a->p, by_label);
	a->last = SIZE_MAX; /* the hash is stale now */
	for (size_t i = 0; i < a->np; i++) {
		const period *p = &a->p[i];
		store_series_row r = {
			.period = p->label, .events = p->events, .mentions = p->mentions,
			.goldstein_sum = p->gold,
			.goldstein_mean = p->ngold ? p->gold / (double)p->ngold : 0.0,
		};
		memcpy(r.q, p->q, sizeof r.q);
		fn(ctx, &r);
	}
	return (long)a->np;
}

/*
 * cmd_export.c - `dyad export --db FILE --format jsonl|csv|phoenix|gdelt|icews
 * [--mentions] [-o FILE]`: every stored event (or mention), streamed to a
 * file or standard output in one of the formats of formats.md.
 */
#include "commands.h"
#include "options.h"

#include "store/export.h"

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum { X_DB = 256, X_FORMAT, X_MENTIONS, X_ONE_A_DAY };

static const struct option export_opts[] = {
	{"db", required_argument, NULL, X_DB},
	{"format", required_argument, NULL, X_FORMAT},
	{"mentions", no_argument, NULL, X_MENTIONS},
	{"one-a-day", no_argument, NULL, X_ONE_A_DAY},
	{"output", required_argument, NULL, 'o'},
	{NULL, 0, NULL, 0},
};

typedef struct export_out {
	FILE *out;
	export_format format;
	buf line;   /* one row, reused */
	int failed; /* a write failed */
} export_out;

static int put_row(void *ctx, const store_event_row *r)
{
	export_out *eo = ctx;
	export_row x;
	export_row_from(&x, r);
	buf_clear(&eo->line);
	export_write(&eo->line, eo->format, &x);
	if (fwrite(eo->line.data, 1, eo->line.len, eo->out) != eo->line.len) {
		eo->failed = 1;
		return 1;
	}
	return 0;
}

int cmd_export(int argc, char **argv)
{
	const char *db = NULL, *out_path = NULL;
	int format = -1, mentions = 0, one_a_day = 0;
	optind = 1;
	opterr = 0;
	int c;
	while ((c = getopt_long(argc, argv, ":o:", export_opts, NULL)) != -1) {
		switch (c) {
		case X_DB: db = optarg; break;
		case X_FORMAT:
			format = export_parse_format(optarg);
			if (format < 0) {
				fprintf(stderr, "dyad export: --format %s: unknown format "
					"(jsonl, csv, phoenix, gdelt, icews)\n", optarg);
				return EXIT_USAGE;
			}
			break;
		case X_MENTIONS: mentions = 1; break;
		case X_ONE_A_DAY: one_a_day = 1; break;
		case 'o': out_path = optarg; break;
		case ':':
			fprintf(stderr, "dyad export: %s needs a value\n", argv[optind - 1]);
			return EXIT_USAGE;
		default:
			fprintf(stderr, "dyad export: unknown option %s\n", argv[optind - 1]);
			return EXIT_USAGE;
		}
	}
	if (optind < argc) {
		fprintf(stderr, "dyad export: unexpected argument %s\n", argv[optind]);
		return EXIT_USAGE;
	}
	if (mentions && one_a_day) {
		fprintf(stderr, "dyad export: --one-a-day filters events, not --mentions\n");
		return EXIT_USAGE;
	}
	if (!db || format < 0) {
		fprintf(stderr, "usage: dyad export --db FILE --format jsonl|csv|phoenix|gdelt|icews"
			" [--mentions | --one-a-day] [-o FILE]\n");
		return EXIT_USAGE;
	}
	char err[512];
	store *r = store_open(db, 0, err, sizeof err);
	if (!r) {
		fprintf(stderr, "dyad export: %s\n", err);
		return EXIT_IO;
	}
	export_out eo = {stdout, (export_format)format, BUF_INIT, 0};
	if (out_path && !(eo.out = fopen(out_path, "w"))) {
		perror(out_path);
		store_close(r);
		return EXIT_IO;
	}
	const char *name = out_path ? out_path : "standard output";
	int rc = EXIT_OK;
	export_header(&eo.line, eo.format);
	if (eo.line.len && fwrite(eo.line.data, 1, eo.line.len, eo.out) != eo.line.len)
		eo.failed = 1;
	if (!eo.failed && store_export(r, mentions, one_a_day, put_row, &eo) < 0 && !eo.failed) {
		fprintf(stderr, "dyad export: %s\n", store_error(r));
		rc = EXIT_IO;
	}
	if (fflush(eo.out) != 0 || ferror(eo.out))
		eo.failed = 1;
	if (out_path && fclose(eo.out) != 0)
		eo.failed = 1;
	if (eo.failed) {
		fprintf(stderr, "dyad export: error writing %s\n", name);
		rc = EXIT_IO;
	}
	buf_free(&eo.line);
	store_close(r);
	return rc;
}

/*
 * options.c - shared option parsing and dictionary loading for the CLI.
 */
#include "options.h"

#include "engine/engine.h"
#include "util/xmalloc.h"

#include <dirent.h>
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

enum {
	OPT_VERBS = 256, OPT_ACTORS, OPT_AGENTS, OPT_DISCARDS, OPT_ISSUES,
	OPT_DICT, OPT_WITH_DEFAULTS, OPT_STRICT, OPT_DATE, OPT_USE_PARSE,
	OPT_INPUT, OPT_FORMAT, OPT_REQUIRE_DYAD, OPT_NO_REQUIRE_DYAD,
	OPT_NEW_ACTOR_LENGTH, OPT_COMMA, OPT_PARSE, OPT_MIN_EXACT, OPT_STATS,
	OPT_DB
};

static const struct option long_opts[] = {
	{"verbs", required_argument, NULL, OPT_VERBS},
	{"actors", required_argument, NULL, OPT_ACTORS},
	{"agents", required_argument, NULL, OPT_AGENTS},
	{"discards", required_argument, NULL, OPT_DISCARDS},
	{"issues", required_argument, NULL, OPT_ISSUES},
	{"dict", required_argument, NULL, OPT_DICT},
	{"with-defaults", no_argument, NULL, OPT_WITH_DEFAULTS},
	{"strict", no_argument, NULL, OPT_STRICT},
	{"date", required_argument, NULL, OPT_DATE},
	{"use-parse", no_argument, NULL, OPT_USE_PARSE},
	{"input", required_argument, NULL, OPT_INPUT},
	{"format", required_argument, NULL, OPT_FORMAT},
	{"require-dyad", no_argument, NULL, OPT_REQUIRE_DYAD},
	{"no-require-dyad", no_argument, NULL, OPT_NO_REQUIRE_DYAD},
	{"new-actor-length", required_argument, NULL, OPT_NEW_ACTOR_LENGTH},
	{"comma", required_argument, NULL, OPT_COMMA},
	{"parse", required_argument, NULL, OPT_PARSE},
	{"min-exact", required_argument, NULL, OPT_MIN_EXACT},
	{"stats", no_argument, NULL, OPT_STATS},
	{"db", required_argument, NULL, OPT_DB},
	{"output", required_argument, NULL, 'o'},
	{"verbose", no_argument, NULL, 'v'},
	{"quiet", no_argument, NULL, 'q'},
	{NULL, 0, NULL, 0},
};

static void add_dict(cli_opts *o, dict_kind k, const char *path, char *owned)
{
	size_t cap = (size_t)o->capdicts;
	xgrow((void **)&o->dicts, &cap, (size_t)o->ndicts + 1, sizeof *o->dicts);
	o->capdicts = (int)cap;
	o->dicts[o->ndicts].kind = k;
	o->dicts[o->ndicts].path = path;
	o->dicts[o->ndicts].owned = owned;
	o->ndicts++;
}

/* Parses a non-negative int; returns -1 if s is not one. */
static long parse_count(const char *s)
{
	char *end;
	errno = 0;
	long v = strtol(s, &end, 10);
	if (errno || end == s || *end || v < 0 || v > 1000000)
		return -1;
	return v;
}

static int parse_comma(cli_opts *o, const char *s)
{
	long v[6];
	const char *p = s;
	for (int k = 0; k < 6; k++) {
		char *end;
		errno = 0;
		v[k] = strtol(p, &end, 10);
		if (errno || end == p || v[k] < 0 || v[k] > 1000)
			return -1;
		if (k < 5 && *end != ',')
			return -1;
		if (k == 5 && *end)
			return -1;
		p = end + 1;
	}
	o->flags.comma_min = (int)v[0];
	o->flags.comma_max = (int)v[1];
	o->flags.comma_bmin = (int)v[2];
	o->flags.comma_bmax = (int)v[3];
	o->flags.comma_emin = (int)v[4];
	o->flags.comma_emax = (int)v[5];
	o->set |= DOC_SET_COMMA_MIN | DOC_SET_COMMA_MAX | DOC_SET_COMMA_BMIN |
		  DOC_SET_COMMA_BMAX | DOC_SET_COMMA_EMIN | DOC_SET_COMMA_EMAX;
	return 0;
}

int cli_parse(int argc, char **argv, const char *cmd, cli_opts *o)
{
	memset(o, 0, sizeof *o);
	o->min_exact = -1;
	optind = 1;
	opterr = 0;
	int c;
	while ((c = getopt_long(argc, argv, ":o:vq", long_opts, NULL)) != -1) {
		switch (c) {
		case OPT_VERBS: add_dict(o, DICT_VERBS, optarg, NULL); break;
		case OPT_ACTORS: add_dict(o, DICT_ACTORS, optarg, NULL); break;
		case OPT_AGENTS: add_dict(o, DICT_AGENTS, optarg, NULL); break;
		case OPT_DISCARDS: add_dict(o, DICT_DISCARDS, optarg, NULL); break;
		case OPT_ISSUES: add_dict(o, DICT_ISSUES, optarg, NULL); break;
		case OPT_DICT: {
			DIR *dir = opendir(optarg);
			if (!dir) {
				fprintf(stderr, "dyad %s: --dict %s: %s\n", cmd, optarg, strerror(errno));
				return -1;
			}
			/* Sorted for a deterministic load order. */
			struct dirent **names;
			closedir(dir);
			int n = scandir(optarg, &names, NULL, alphasort);
			int found = 0;
			for (int i = 0; i < n; i++) {
				int k = dict_kind_from_filename(names[i]->d_name);
				if (k >= 0) {
					size_t len = strlen(optarg) + strlen(names[i]->d_name) + 2;
					char *path = xmalloc(len);
					snprintf(path, len, "%s/%s", optarg, names[i]->d_name);
					add_dict(o, (dict_kind)k, path, path);
					found++;
				}
				free(names[i]);
			}
			free(names);
			if (!found) {
				fprintf(stderr, "dyad %s: --dict %s: no dictionary files there\n", cmd, optarg);
				return -1;
			}
			break;
		}
		case OPT_WITH_DEFAULTS: o->with_defaults = 1; break;
		case OPT_STRICT: o->strict = 1; break;
		case OPT_DATE:
			if (doc_parse_date(optarg, strlen(optarg), &o->date) < 0) {
				fprintf(stderr, "dyad %s: --date %s: not a date (YYYY-MM-DD or YYYYMMDD)\n", cmd, optarg);
				return -1;
			}
			break;
		case OPT_USE_PARSE: o->use_parse = 1; break;
		case OPT_INPUT: {
			read_format f = read_format_from_name(optarg);
			if ((int)f < 0) {
				fprintf(stderr, "dyad %s: --input %s: unknown format (text, jsonl, xml, html)\n", cmd, optarg);
				return -1;
			}
			o->input = f;
			break;
		}
		case OPT_FORMAT:
			if (strcmp(optarg, "jsonl") && strcmp(optarg, "phoenix")) {
				fprintf(stderr, "dyad %s: --format %s: unknown format (jsonl, phoenix)\n", cmd, optarg);
				return -1;
			}
			o->format = optarg;
			break;
		case OPT_REQUIRE_DYAD:
			o->flags.require_dyad = 1;
			o->set |= DOC_SET_REQUIRE_DYAD;
			break;
		case OPT_NO_REQUIRE_DYAD:
			o->flags.require_dyad = 0;
			o->set |= DOC_SET_REQUIRE_DYAD;
			break;
		case OPT_NEW_ACTOR_LENGTH: {
			long v = parse_count(optarg);
			if (v < 0) {
				fprintf(stderr, "dyad %s: --new-actor-length %s: not a count\n", cmd, optarg);
				return -1;
			}
			o->flags.new_actor_length = (int)v;
			o->set |= DOC_SET_NEW_ACTOR_LENGTH;
			break;
		}
		case OPT_COMMA:
			if (parse_comma(o, optarg) < 0) {
				fprintf(stderr, "dyad %s: --comma %s: want MIN,MAX,BMIN,BMAX,EMIN,EMAX\n", cmd, optarg);
				return -1;
			}
			break;
		case OPT_PARSE: o->parse = optarg; break;
		case OPT_MIN_EXACT: {
			char *end;
			o->min_exact = strtod(optarg, &end);
			if (end == optarg || *end || o->min_exact < 0 || o->min_exact > 100) {
				fprintf(stderr, "dyad %s: --min-exact %s: want a percentage\n", cmd, optarg);
				return -1;
			}
			break;
		}
		case OPT_STATS: o->stats = 1; break;
		case OPT_DB: o->db = optarg; break;
		case 'o': o->output = optarg; break;
		case 'v': o->verbose = 1; break;
		case 'q': o->quiet = 1; break;
		case ':':
			fprintf(stderr, "dyad %s: %s needs a value\n", cmd, argv[optind - 1]);
			return -1;
		default:
			fprintf(stderr, "dyad %s: unknown option %s\n", cmd, argv[optind - 1]);
			return -1;
		}
	}
	o->args = argv + optind;
	o->nargs = argc - optind;
	return 0;
}

void cli_opts_free(cli_opts *o)
{
	for (int i = 0; i < o->ndicts; i++)
		free(o->dicts[i].owned);
	free(o->dicts);
	o->dicts = NULL;
}

int cli_parse_one(int argc, char **argv, const char *cmd, const char *what,
                  cli_opts *o)
{
	if (cli_parse(argc, argv, cmd, o) < 0) {
		cli_opts_free(o);
		return EXIT_USAGE;
	}
	if (o->nargs != 1) {
		fprintf(stderr, "dyad %s: give one %s\n", cmd, what);
		cli_opts_free(o);
		return EXIT_USAGE;
	}
	return 0;
}

doc_settings cli_apply_flags(const cli_opts *o, doc_settings s)
{
	doc d = {0};
	d.settings = o->flags;
	d.set = o->set;
	return doc_settings_apply(s, &d);
}

dict *cli_load_dict(const cli_opts *o, const read_env *env, diag *dg)
{
	dict *d = dict_new(dg);
	int rc = 0;
	if (o->ndicts > 0) {
		if (o->with_defaults)
			rc |= eng_load_defaults(d);
		for (int i = 0; i < o->ndicts && rc == 0; i++)
			rc |= dict_load_file(d, o->dicts[i].kind, o->dicts[i].path);
	} else if (env && (env->verbfile || env->actorfile || env->agentfile || env->discardfile)) {
		const char *files[4] = {env->verbfile, env->actorfile, env->agentfile, env->discardfile};
		const dict_kind kinds[4] = {DICT_VERBS, DICT_ACTORS, DICT_AGENTS, DICT_DISCARDS};
		if (o->with_defaults)
			rc |= eng_load_defaults(d);
		for (int i = 0; i < 4 && rc == 0; i++) {
			if (files[i])
				rc |= dict_load_file(d, kinds[i], files[i]);
		}
	} else {
		rc |= eng_load_defaults(d);
	}
	if (rc != 0) {
		dict_free(d);
		return NULL;
	}
	dict_finish(d);
	return d;
}

int cli_open_engine(const cli_opts *o, const read_env *env, diag *dg,
                    const eng_sink *sink, engine **eng, eng_session **ses)
{
	dict *d = cli_load_dict(o, env, dg);
	if (!d)
		return -1;
	*eng = engine_new(d, dg);
	*ses = eng_session_new(*eng, sink);
	return 0;
}

double cli_now(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* ---- The documents of the inputs ---- */

void cli_docs_init(cli_docs *it, const cli_opts *o, diag *dg, const char *warn_cmd,
                   const eng_sink *sink, engine **eng, eng_session **ses)
{
	memset(it, 0, sizeof *it);
	it->o = o;
	it->dg = dg;
	it->warn_cmd = warn_cmd;
	it->sink = sink;
	it->eng = eng;
	it->ses = ses;
	it->ninputs = o->nargs > 0 ? o->nargs : 1;
	for (int i = 0; i < o->nargs && it->bytes_total >= 0; i++) {
		struct stat st;
		if (strcmp(o->args[i], "-") && stat(o->args[i], &st) == 0 && S_ISREG(st.st_mode))
			it->bytes_total += (long long)st.st_size;
		else
			it->bytes_total = -1;
	}
	if (o->nargs == 0)
		it->bytes_total = -1;
}

/* The size of path when it is a regular file, else 0. */
static long long file_size(const char *path)
{
	struct stat st;
	return strcmp(path, "-") && stat(path, &st) == 0 && S_ISREG(st.st_mode) ? (long long)st.st_size : 0;
}

double cli_docs_fraction(const cli_docs *it)
{
	if (it->bytes_total <= 0)
		return -1;
	long long at = it->r ? reader_offset(it->r) : 0;
	if (at < 0)
		return -1;
	double f = (double)(it->bytes_before + at) / (double)it->bytes_total;
	return f > 1 ? 1 : f;
}

int cli_docs_next(cli_docs *it)
{
	const cli_opts *o = it->o;
	doc_clear(&it->d);
	for (;;) {
		if (!it->r) {
			if (it->next_input >= it->ninputs)
				return 0;
			const char *path = o->nargs > 0 ? o->args[it->next_input] : "-";
			it->next_input++;
			it->fmt = o->input != READ_AUTO ? o->input : read_format_guess(path);
			it->r = reader_open(path, it->fmt, it->dg, o->use_parse, "stdin");
			if (!it->r) {
				it->bad = 1;
				continue;
			}
		}
		int got = reader_next(it->r, &it->d);
		if (got == 1)
			break;
		if (got < 0)
			it->bad = 1;
		reader_close(it->r);
		it->r = NULL;
		if (o->nargs > 0)
			it->bytes_before += file_size(o->args[it->next_input - 1]);
		if (diag_failed(it->dg))
			return 0;
	}
	doc *d = &it->d;
	if (!*it->eng) {
		double t = cli_now();
		int ok = cli_open_engine(o, reader_env(it->r), it->dg, it->sink, it->eng, it->ses);
		it->load_s = cli_now() - t;
		it->dict_reports = diag_count(it->dg);
		if (ok < 0) {
			doc_clear(d);
			return -1;
		}
	}
	if (d->date == 0 && o->date)
		d->date = o->date;
	if (d->date == 0 && it->warn_cmd && !it->warned_date) {
		fprintf(stderr, "dyad %s: %s: no story date (give --date or a Date: header); "
				"events carry no date\n", it->warn_cmd, d->id);
		it->warned_date = 1;
	}
	it->set = cli_apply_flags(o, doc_settings_apply(doc_settings_default(it->fmt == READ_XML), d));
	return 1;
}

int cli_docs_end(cli_docs *it, int got, int rc)
{
	doc_clear(&it->d);
	reader_close(it->r);
	it->r = NULL;
	if (got < 0)
		return EXIT_IO;
	return it->bad && rc != EXIT_IO ? EXIT_INPUT : rc;
}

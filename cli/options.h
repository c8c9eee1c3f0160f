/*
 * options.h - the command-line options the dyad commands share:
 * dictionaries, coding settings, dates, and the dictionary loading that
 * follows from them.
 */
#ifndef DYAD_CLI_OPTIONS_H
#define DYAD_CLI_OPTIONS_H

#include <stdint.h>

#include "dict/dict.h"
#include "engine/engine.h"
#include "read/doc.h"
#include "read/reader.h"
#include "util/diag.h"

/* Named exit codes of the CLI. */
enum {
	EXIT_OK = 0,      /* everything coded */
	EXIT_INPUT = 1,   /* some input was bad (reported); the rest coded */
	EXIT_USAGE = 2,   /* bad command line */
	EXIT_IO = 3,      /* cannot read dictionaries or write output */
	EXIT_FAIL = 4     /* validate: below the required score */
};

typedef struct cli_dictfile {
	dict_kind kind;
	const char *path; /* from argv, or owned (see owned) */
	char *owned;      /* the path when the CLI built it (--dict DIR) */
} cli_dictfile;

typedef struct cli_opts {
	cli_dictfile *dicts;  /* owned array of dictionary files, in order */
	int ndicts, capdicts;
	int with_defaults;    /* --with-defaults */
	int strict;           /* --strict */
	int32_t date;         /* --date, 0 if none */
	int use_parse;        /* --use-parse */
	read_format input;    /* --input, READ_AUTO if none */
	const char *format;   /* --format (code) */
	const char *output;   /* -o */
	const char *parse;    /* --parse (explain) */
	double min_exact;     /* --min-exact (validate), -1 if none */
	int verbose;          /* -v */
	int quiet;            /* -q: no per-record listing */
	int stats;            /* --stats: timing and memory on standard error */
	const char *db;       /* --db FILE (ingest): the event store */
	unsigned set;         /* DOC_SET_* given on the command line */
	doc_settings flags;   /* their values */
	int nargs;            /* positional arguments */
	char **args;          /* borrowed from argv */
} cli_opts;

/* Parses argv for command `cmd` into o (zeroed first). Prints a message and
 * returns -1 on a bad option. */
int cli_parse(int argc, char **argv, const char *cmd, cli_opts *o);
void cli_opts_free(cli_opts *o);
/* cli_parse for a command that takes exactly one argument: without it,
 * prints "dyad CMD: give one WHAT". Returns 0, or EXIT_USAGE with o
 * already freed. */
int cli_parse_one(int argc, char **argv, const char *cmd, const char *what,
                  cli_opts *o);
/* Applies the command-line setting flags on top of s. */
doc_settings cli_apply_flags(const cli_opts *o, doc_settings s);
/* A dictionary per o: the named files (and the defaults with
 * --with-defaults), or the XML environment's files when no dictionary
 * option was given and env names some, or dyad's defaults. Finished.
 * Returns NULL when a file cannot be read (reported). */
dict *cli_load_dict(const cli_opts *o, const read_env *env, diag *dg);
/* The engine for o's dictionary (cli_load_dict with env, which may be
 * NULL) in *eng and a session on it writing to sink in *ses; both owned by
 * the caller (eng_session_free, then engine_free). Returns 0, or -1 when
 * the dictionary cannot be read (reported; nothing made). */
int cli_open_engine(const cli_opts *o, const read_env *env, diag *dg,
                    const eng_sink *sink, engine **eng, eng_session **ses);


/* Seconds on the monotonic clock (for differences only). */
double cli_now(void);

/* The documents of o's inputs (its arguments, or standard input), read
 * in order, with --date filled in and their settings; the engine is made
 * (cli_open_engine) when the first document has been read, so an XML
 * environment can name the dictionaries. Use:
 *
 *	cli_docs it;
 *	cli_docs_init(&it, &o, dg, "code", &sink, &eng, &ses);
 *	while ((got = cli_docs_next(&it)) == 1) { ... it.d, it.set ... }
 *	rc = cli_docs_end(&it, got, rc);
 *
 * A break out of the loop is fine; cli_docs_end releases the document
 * and the open input. */
typedef struct cli_docs {
	doc d;                /* the current document (owned by the iterator) */
	doc_settings set;     /* its settings: defaults, its own, the flags */
	long dict_reports;    /* diag_count(dg) once the dictionaries loaded */
	double load_s;        /* seconds making the engine */
	/* private */
	const cli_opts *o;
	diag *dg;
	const char *warn_cmd;
	const eng_sink *sink;
	engine **eng;
	eng_session **ses;
	reader *r;
	read_format fmt;
	int next_input, ninputs;
	long long bytes_total;  /* the inputs' sizes; -1: unknown (a pipe) */
	long long bytes_before; /* sizes of the inputs already read */
	int warned_date;
	int bad;
} cli_docs;

/* Starts reading o's inputs (o, dg, sink, eng and ses are borrowed and
 * must outlive it; *eng and *ses are NULL, and are set, owned by the
 * caller, when the engine is made). warn_cmd: the command named in a
 * one-time warning about a document without a story date ("dyad CMD:
 * ID: no story date ..."), or NULL for no warning. */
void cli_docs_init(cli_docs *it, const cli_opts *o, diag *dg, const char *warn_cmd,
                   const eng_sink *sink, engine **eng, eng_session **ses);
/* Reads the next document into it->d (the previous one is released).
 * Inputs that cannot be opened or read are reported and skipped; after
 * each input, a diag_failed(dg) ends the reading. Returns 1 for a
 * document, 0 at the end, -1 when the engine cannot be made (reported). */
int cli_docs_next(cli_docs *it);
/* The share of the inputs' bytes read so far, 0..1, or -1 when it cannot
 * be known (standard input, a pipe). */
double cli_docs_fraction(const cli_docs *it);
/* Releases the current document and input. got: the last
 * cli_docs_next result; rc: the command's exit code so far. Returns rc,
 * made EXIT_IO when got < 0 (no engine), else EXIT_INPUT when an input
 * could not be opened or read (unless rc is EXIT_IO). */
int cli_docs_end(cli_docs *it, int got, int rc);

#endif

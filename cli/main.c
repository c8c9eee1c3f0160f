/*
 * main.c - the dyad command line: a thin front end on the engine.
 */
#include "commands.h"
#include "options.h"

#include "attrs/place.h"
#include "tag/tagger.h"

#include <stdio.h>
#include <string.h>

#define DYAD_VERSION "0.1.0"

static const char usage[] =
	"usage: dyad COMMAND [OPTIONS] [FILES]\n"
	"\n"
	"Commands:\n"
	"  code       code documents (text, JSON Lines, PETRARCH XML) into events\n"
	"  validate   score PETRARCH validation records (exact / recall / precision)\n"
	"  explain    show how one sentence is tokenised, parsed and coded\n"
	"  evaluate   score coding against a real-news test set (JSON Lines)\n"
	"  ingest     code documents and keep them, their mentions and events in a store\n"
	"  recode     code a store's documents again with other dictionaries; report the changes\n"
	"  query      events or time series from a store\n"
	"  export     every stored event (or mention) as jsonl, csv, phoenix, gdelt or icews\n"
	"  serve      the JSON API and the dashboard over HTTP, on a store (read-only)\n"
	"  version    version, lexicon and gazetteer sizes\n"
	"\n"
	"Common options:\n"
	"  --verbs F --actors F --agents F --discards F --issues F   dictionaries (repeatable)\n"
	"  --dict DIR          every dictionary file in DIR, by name\n"
	"  --with-defaults     add dyad's own dictionaries to the ones named\n"
	"  --strict            a malformed dictionary or input line is fatal\n"
	"  --date YYYY-MM-DD   story date when the input has none\n"
	"  --require-dyad | --no-require-dyad   need both actors (XML default: yes)\n"
	"  --new-actor-length N                 code short unknown NPs as quoted text\n"
	"  --comma MIN,MAX,BMIN,BMAX,EMIN,EMAX  comma-clause deletion lengths\n"
	"  --use-parse         code from the supplied <Parse> (XML) instead of dyad's parser\n"
	"\n"
	"dyad code:     --input text|jsonl|xml  --format jsonl|phoenix  -o FILE  --stats\n"
	"dyad validate: RECORDS.xml [--min-exact PERCENT] [-q]\n"
	"dyad explain:  \"a sentence\" [--parse \"(ROOT ...)\"]\n"
	"dyad evaluate: ITEMS.jsonl [-q] [-v]\n"
	"  (TARGET: an SQLite file, or a postgresql:// URL)\n"
	"dyad ingest:   --db TARGET [code options] FILES...\n"
	"dyad recode:   --db TARGET [dictionary and coding options]\n"
	"dyad query events: --db TARGET [--source A] [--target B] [--both] [--actor X]\n"
	"               [--code C] [--root R] [--quad N] [--plover P] [--place P]\n"
	"               [--text QUERY] [--from D] [--to D] [--mentions | --one-a-day]\n"
	"               [--limit N] [--offset N] [--format table|csv|jsonl]\n"
	"dyad query series: --db TARGET --source A [--target B] [--both]\n"
	"               --by day|week|month|year [--from D] [--to D] [other filters]\n"
	"dyad export:   --db TARGET --format jsonl|csv|phoenix|gdelt|icews\n"
	"               [--mentions | --one-a-day] [-o FILE]\n"
	"dyad serve:    --db TARGET [--listen 127.0.0.1:8080|[::1]:PORT] [--threads N]\n"
	"               [--timeout-ms MS] [--conn-timeout S] [--max-body BYTES] [-v]\n"
	"               [dictionary and coding options, for POST /api/code]\n";

int main(int argc, char **argv)
{
	if (argc < 2) {
		fputs(usage, stderr);
		return EXIT_USAGE;
	}
	const char *cmd = argv[1];
	if (!strcmp(cmd, "code"))
		return cmd_code(argc - 1, argv + 1);
	if (!strcmp(cmd, "validate"))
		return cmd_validate(argc - 1, argv + 1);
	if (!strcmp(cmd, "explain"))
		return cmd_explain(argc - 1, argv + 1);
	if (!strcmp(cmd, "evaluate"))
		return cmd_evaluate(argc - 1, argv + 1);
	if (!strcmp(cmd, "recode"))
		return cmd_recode(argc - 1, argv + 1);
	if (!strcmp(cmd, "ingest"))
		return cmd_ingest(argc - 1, argv + 1);
	if (!strcmp(cmd, "query"))
		return cmd_query(argc - 1, argv + 1);
	if (!strcmp(cmd, "export"))
		return cmd_export(argc - 1, argv + 1);
	if (!strcmp(cmd, "serve"))
		return cmd_serve(argc - 1, argv + 1);
	if (!strcmp(cmd, "version") || !strcmp(cmd, "--version")) {
		/* What this build carries, for users and for tests that need
		 * the gazetteer (it is empty when built without npm). */
		gazetteer *g = gaz_new();
		tagger *t = tagger_new();
		printf("dyad %s\nlexicon: %d words\ngazetteer: %d place names\n",
		       DYAD_VERSION, (int)tagger_lexicon_size(t), (int)gaz_size(g));
		tagger_free(t);
		gaz_free(g);
		return fflush(stdout) ? EXIT_IO : EXIT_OK;
	}
	if (!strcmp(cmd, "-h") || !strcmp(cmd, "--help") || !strcmp(cmd, "help")) {
		fputs(usage, stdout);
		return EXIT_OK;
	}
	fprintf(stderr, "dyad: unknown command '%s'\n\n%s", cmd, usage);
	return EXIT_USAGE;
}

/*
 * cmd_explain.c - `dyad explain "a sentence"`: every step of coding one
 * sentence, for dictionary writers fixing a miscoding.
 */
#include "commands.h"
#include "options.h"

#include "engine/engine.h"
#include "util/buf.h"

#include <stdio.h>
#include <string.h>

int cmd_explain(int argc, char **argv)
{
	cli_opts o;
	if (cli_parse(argc, argv, "explain", &o) < 0) {
		cli_opts_free(&o);
		return EXIT_USAGE;
	}
	buf text = BUF_INIT;
	if (o.nargs > 0) {
		for (int i = 0; i < o.nargs; i++) {
			if (i)
				buf_putc(&text, ' ');
			buf_puts(&text, o.args[i]);
		}
	} else {
		char chunk[4096];
		size_t n;
		while ((n = fread(chunk, 1, sizeof chunk, stdin)) > 0)
			buf_add(&text, chunk, n);
	}
	if (text.len == 0) {
		fprintf(stderr, "dyad explain: give a sentence (argument or standard input)\n");
		buf_free(&text);
		cli_opts_free(&o);
		return EXIT_USAGE;
	}
	diag *dg = diag_new(stderr, o.strict);
	dict *d = cli_load_dict(&o, NULL, dg);
	if (!d) {
		buf_free(&text);
		diag_free(dg);
		cli_opts_free(&o);
		return EXIT_IO;
	}
	engine *e = engine_new(d, dg);
	doc_settings set = cli_apply_flags(&o, doc_settings_default(o.parse != NULL));
	buf out = BUF_INIT;
	eng_explain(e, text.data, text.len, o.date, &set, o.parse, &out);
	fwrite(out.data ? out.data : "", 1, out.len, stdout);
	buf_free(&out);
	buf_free(&text);
	engine_free(e);
	diag_free(dg);
	cli_opts_free(&o);
	if (fflush(stdout) != 0 || ferror(stdout))
		return EXIT_IO;
	return EXIT_OK;
}

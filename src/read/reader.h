/*
 * reader.h - reading input documents: plain text, JSON Lines and PETRARCH
 * XML (formats.md, "Input documents"), one document at a time, streaming,
 * so a multi-gigabyte input never has to fit in memory at once (only its
 * largest single document does).
 */
#ifndef DYAD_READER_H
#define DYAD_READER_H

#include "doc.h"
#include "../util/diag.h"

typedef enum read_format {
	READ_AUTO = 0, /* from the file's extension (read_format_guess) */
	READ_TEXT,
	READ_JSONL,
	READ_XML,
	READ_HTML
} read_format;

typedef struct reader reader;

/* The dictionaries a PETRARCH XML <Environment> names, resolved relative
 * to the XML file's folder; each NULL when absent. Owned by the reader. */
typedef struct read_env {
	char *verbfile, *actorfile, *agentfile, *discardfile;
} read_env;

/* "text", "jsonl", "xml" or "html" to its format; (read_format)-1 for
 * anything else. name is borrowed. */
read_format read_format_from_name(const char *name);

/* The format of a file by its extension (.txt, .jsonl/.ndjson, .xml,
 * .html/.htm, any case); READ_TEXT otherwise, and for NULL or "-". */
read_format read_format_guess(const char *path);

/* Opens path (NULL or "-" = standard input) for reading documents of the
 * given format (READ_AUTO: by extension). Problems are reported to dg
 * (borrowed; it must outlive the reader). want_parse: keep XML <Parse>
 * contents in doc.parse (otherwise they are never kept). A text read from
 * standard input gets the id default_id_for_stdin (borrowed; NULL means
 * "stdin") unless its header has an Id. Returns NULL, after reporting,
 * when the file cannot be opened or the format is not supported yet
 * (HTML). Free with reader_close(). */
reader *reader_open(const char *path, read_format fmt, diag *dg,
                    int want_parse, const char *default_id_for_stdin);

/* Reads the next document into *d, which must be zeroed or doc_clear()ed;
 * on 1 the caller owns what *d holds and doc_clear()s it. d->file points
 * into the reader and is valid until reader_close(). Returns 1 when *d was
 * filled, 0 at the end of the input, -1 after reporting an I/O error. Bad
 * documents and records are reported and skipped, never returned.
 * Plain text: the whole file is one document; doc.text is what follows the
 * optional header (doc.text_base = bytes before it, header and any UTF-8
 * BOM), so event spans are offsets into doc.text. NUL bytes become spaces
 * (reported). PETRARCH XML: one record per call, doc.text_base = the file
 * offset of its trimmed <Text>, and the <Config> settings in force. */
int reader_next(reader *r, doc *d);

/* The XML <Environment> seen so far (call after the first reader_next),
 * or NULL when there is none or the input is not XML. Owned by r. */
const read_env *reader_env(const reader *r);

/* The bytes of the input read so far (for progress), or -1 when the
 * input cannot tell (a pipe). */
long long reader_offset(const reader *r);

/* Closes the input (not standard input) and frees r; NULL is a no-op. */
void reader_close(reader *r);

#endif

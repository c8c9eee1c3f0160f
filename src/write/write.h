/*
 * write.h - event writers: one event to one output line, in the formats
 * scripts rely on (formats.md, "Events: JSON Lines" and "Phoenix TSV").
 * Writers only append to a buffer; the caller owns the stream.
 */
#ifndef DYAD_WRITE_H
#define DYAD_WRITE_H

#include <stdint.h>

#include "../events/event.h"
#include "../util/buf.h"

/* Appends e as one JSON object line, ending in '\n', to out. Fields in
 * order: doc, sid, sent, date, date_precision, story_date, source, target,
 * code, root, quad, goldstein, plover, source_text, target_text, verb_text,
 * source_span, target_span, verb_span, location, issues, evidence, then
 * "passive":true / "hedged":true only when flagged. root/quad/goldstein/
 * plover are null for codes outside the CAMEO table; date and
 * date_precision are null when e has no date; a span is null when its
 * start < 0; location is null or {name, country, admin1 (only when known),
 * lat, lon}. e is borrowed. Invalid UTF-8 in a string becomes U+FFFD. */
void write_jsonl(buf *out, const ev_event *e);

/* Appends e as one Phoenix line: 26 tab-separated columns ending in '\n'.
 * Date is the event date when known to the day, else the story date
 * (empty when neither); Issues is "CODE,count;CODE,count"; fields that are
 * unknown are empty. Tabs and line breaks inside strings become spaces.
 * URLs and NewsSources are empty: ev_event does not carry them. */
void write_phoenix(buf *out, const ev_event *e, uint64_t event_id);

#endif

#!/bin/sh
# dyad ingest on a terminal shows its progress on standard error:
# documents, mentions, documents/s and, from the share of the input read,
# the percentage and the time left (ETA); never when standard error is not
# a terminal. The terminal is script(1)'s (util-linux).
. tests/cli/lib.sh
command -v script >/dev/null 2>&1 || { echo "$NAME: SKIP: no script(1) to give dyad a terminal"; exit 77; }
# dyad's real-news set 150 times over, with fresh ids: 59,100 documents,
# a few seconds of work, so the progress line shows an ETA.
awk '{ for (i = 0; i < 150; i++) { l = $0; sub(/"id": "/, "\"id\": \"c" i "-", l); print l } }' \
	tests/news/realnews.jsonl >"$TMP/big.jsonl"
check "the corpus was made" lines "$TMP/big.jsonl" 59100
script -qec "$DYAD ingest --db $TMP/p.db $TMP/big.jsonl" /dev/null >"$TMP/tty" 2>&1; rc=$?
check "ingest on a terminal succeeds ($rc)" [ "$rc" -eq 0 ]
tr '\r' '\n' <"$TMP/tty" >"$TMP/lines"
check "a progress line with the rate" contains "$TMP/lines" 'documents/s'
check "and the time left" grep -Eq '[0-9]+%, ETA [0-9]+h[0-9]{2}m[0-9]{2}s' "$TMP/lines"
check "the last line counts every document" contains "$TMP/lines" 'ingest: 59100 documents (0 unchanged, skipped)'
"$DYAD" ingest --db "$TMP/q.db" tests/news/realnews.jsonl 2>"$TMP/e"; rc=$?
check "without a terminal ($rc)" [ "$rc" -eq 0 ]
check "no progress" sh -c "! grep -q 'documents/s' '$TMP/e'"
finish

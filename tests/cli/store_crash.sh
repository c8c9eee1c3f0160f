#!/bin/sh
# dyad ingest killed with kill -9 halfway through a large corpus (after
# its first batch committed): the database stays consistent and queryable
# with only whole batches, and the same command again completes it with
# the same (doc, sid, source, target, code, date) rows as a clean run.
. tests/cli/lib.sh
cc -O2 -std=c11 -o "$TMP/mkcorpus" bench/mkcorpus.c || { echo "$NAME: cannot build mkcorpus"; exit 1; }
"$TMP/mkcorpus" 24000 >"$TMP/c.jsonl"
# doc, sid, date, source, target, code of every event, sorted.
rows() { "$DYAD" query events --db "$1" --format csv | awk -F, 'NR > 1 { print $1, $2, $3, $5, $6, $7 }' | sort; }
count() { "$DYAD" query events --db "$1" --format csv 2>/dev/null | awk 'END { print NR - 1 }'; }

"$DYAD" ingest --db "$TMP/clean.db" "$TMP/c.jsonl" 2>"$TMP/e0"; rc=$?
check "clean ingest ($rc)" [ "$rc" -eq 0 ]
rows "$TMP/clean.db" >"$TMP/clean.rows"
total=$(wc -l <"$TMP/clean.rows")
check "the corpus gives thousands of events ($total)" [ "$total" -gt 5000 ]

"$DYAD" ingest --db "$TMP/crash.db" "$TMP/c.jsonl" 2>"$TMP/e1" &
pid=$!
# Wait (at most 30 s) for the first committed batch, then kill.
n=0 i=0
while [ "$i" -lt 600 ]; do
	n=$(count "$TMP/crash.db")
	[ "${n:-0}" -gt 0 ] && break
	kill -0 "$pid" 2>/dev/null || break
	sleep 0.05
	i=$((i + 1))
done
alive=0
kill -0 "$pid" 2>/dev/null && alive=1
kill -9 "$pid" 2>/dev/null
wait "$pid" 2>/dev/null
check "killed while still running, after a commit ($n events seen)" [ "$alive" -eq 1 ]

# The database after the kill: readable, only committed batches.
"$DYAD" query events --db "$TMP/crash.db" --format csv >"$TMP/after" 2>"$TMP/e2"; rc=$?
check "queryable after kill -9 ($rc)" [ "$rc" -eq 0 ]
rows "$TMP/crash.db" >"$TMP/crash.rows"
part=$(wc -l <"$TMP/crash.rows")
echo "$NAME: killed with $part of $total events stored"
check "part of the events stored ($part of $total)" [ "$part" -gt 0 -a "$part" -lt "$total" ]
extra=$(comm -23 "$TMP/crash.rows" "$TMP/clean.rows" | wc -l)
check "every stored event is one of the clean run's ($extra extra)" [ "$extra" -eq 0 ]
if command -v sqlite3 >/dev/null 2>&1; then
	ic=$(sqlite3 "$TMP/crash.db" 'PRAGMA integrity_check')
	check "integrity_check after the kill ($ic)" [ "$ic" = ok ]
	# Whole documents only: each stored document has all its mentions.
	d=$(sqlite3 "$TMP/crash.db" 'SELECT count(*) FROM documents')
	dm=$(sqlite3 "$TMP/clean.db" "ATTACH '$TMP/crash.db' AS c;
		SELECT count(*) FROM (SELECT doc_id, count(*) n FROM mentions GROUP BY doc_id) a
		JOIN (SELECT doc_id, count(*) n FROM c.mentions GROUP BY doc_id) b USING (doc_id)
		WHERE a.n != b.n")
	check "stored documents ($d) have all their mentions ($dm differ)" [ "$dm" = 0 ]
fi

"$DYAD" ingest --db "$TMP/crash.db" "$TMP/c.jsonl" 2>"$TMP/e3"; rc=$?
check "the same command again completes ($rc)" [ "$rc" -eq 0 ]
rows "$TMP/crash.db" >"$TMP/done.rows"
check "the same rows as a clean run" cmp -s "$TMP/done.rows" "$TMP/clean.rows"
"$DYAD" query events --db "$TMP/clean.db" --format csv | sort >"$TMP/a"
"$DYAD" query events --db "$TMP/crash.db" --format csv | sort >"$TMP/b"
check "the same events with their counts" cmp -s "$TMP/a" "$TMP/b"
if command -v sqlite3 >/dev/null 2>&1; then
	ic=$(sqlite3 "$TMP/crash.db" 'PRAGMA integrity_check')
	check "integrity_check at the end ($ic)" [ "$ic" = ok ]
	check "the full-text index agrees with the mentions" \
		sqlite3 "$TMP/crash.db" "INSERT INTO mentions_fts(mentions_fts) VALUES('integrity-check')"
	m1=$(sqlite3 "$TMP/clean.db" 'SELECT count(*) FROM mentions')
	m2=$(sqlite3 "$TMP/crash.db" 'SELECT count(*) FROM mentions')
	check "mentions not doubled ($m2 vs $m1)" [ "$m1" = "$m2" ]
fi
finish

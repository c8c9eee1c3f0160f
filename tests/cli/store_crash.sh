#!/bin/sh
# dyad ingest killed with kill -9 halfway through a large corpus (after
# its first batch committed): the database stays consistent and queryable
# with only whole batches, and the same command again completes it with
# the same (doc, sid, source, target, code, date) rows as a clean run.
. tests/cli/lib.sh
# backends: sqlite pg (tests/run.sh runs it on both)
CLEAN=$(new_db clean) || exit 1
CRASH=$(new_db crash) || exit 1
cc -O2 -std=c11 -o "$TMP/mkcorpus" bench/mkcorpus.c || { echo "$NAME: cannot build mkcorpus"; exit 1; }
"$TMP/mkcorpus" 24000 >"$TMP/c.jsonl"
# doc, sid, date, source, target, code of every event, sorted.
rows() { "$DYAD" query events --db "$1" --format csv | awk -F, 'NR > 1 { print $1, $2, $3, $5, $6, $7 }' | sort; }
count() { "$DYAD" query events --db "$1" --format csv 2>/dev/null | awk 'END { print NR - 1 }'; }

"$DYAD" ingest --db "$CLEAN" "$TMP/c.jsonl" 2>"$TMP/e0"; rc=$?
check "clean ingest ($rc)" [ "$rc" -eq 0 ]
rows "$CLEAN" >"$TMP/clean.rows"
total=$(wc -l <"$TMP/clean.rows")
check "the corpus gives thousands of events ($total)" [ "$total" -gt 5000 ]

"$DYAD" ingest --db "$CRASH" "$TMP/c.jsonl" 2>"$TMP/e1" &
pid=$!
# Wait (at most 30 s) for the first committed batch, then kill.
n=0 i=0
while [ "$i" -lt 600 ]; do
	n=$(count "$CRASH")
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
"$DYAD" query events --db "$CRASH" --format csv >"$TMP/after" 2>"$TMP/e2"; rc=$?
check "queryable after kill -9 ($rc)" [ "$rc" -eq 0 ]
rows "$CRASH" >"$TMP/crash.rows"
part=$(wc -l <"$TMP/crash.rows")
echo "$NAME: killed with $part of $total events stored"
check "part of the events stored ($part of $total)" [ "$part" -gt 0 -a "$part" -lt "$total" ]
extra=$(comm -23 "$TMP/crash.rows" "$TMP/clean.rows" | wc -l)
check "every stored event is one of the clean run's ($extra extra)" [ "$extra" -eq 0 ]
if [ "$STORE" = sqlite ] && have_sql; then
	ic=$(sql "$CRASH" 'PRAGMA integrity_check')
	check "integrity_check after the kill ($ic)" [ "$ic" = ok ]
fi
if have_sql; then
	# Whole documents only: each stored document has all its mentions.
	docs() { sql "$1" "SELECT doc_id || ' ' || count(*) FROM mentions GROUP BY doc_id" | sort; }
	docs "$CLEAN" >"$TMP/clean.docs"
	docs "$CRASH" >"$TMP/crash.docs"
	d=$(wc -l <"$TMP/crash.docs")
	dm=$(comm -23 "$TMP/crash.docs" "$TMP/clean.docs" | wc -l)
	check "stored documents ($d) have all their mentions ($dm differ)" [ "$d" -gt 0 ] && [ "$dm" -eq 0 ]
fi

"$DYAD" ingest --db "$CRASH" "$TMP/c.jsonl" 2>"$TMP/e3"; rc=$?
check "the same command again completes ($rc)" [ "$rc" -eq 0 ]
rows "$CRASH" >"$TMP/done.rows"
check "the same rows as a clean run" cmp -s "$TMP/done.rows" "$TMP/clean.rows"
"$DYAD" query events --db "$CLEAN" --format csv | sort >"$TMP/a"
"$DYAD" query events --db "$CRASH" --format csv | sort >"$TMP/b"
check "the same events with their counts" cmp -s "$TMP/a" "$TMP/b"
if [ "$STORE" = sqlite ] && have_sql; then
	ic=$(sql "$CRASH" 'PRAGMA integrity_check')
	check "integrity_check at the end ($ic)" [ "$ic" = ok ]
	check "the full-text index agrees with the mentions" \
		sql "$CRASH" "INSERT INTO mentions_fts(mentions_fts) VALUES('integrity-check')"
fi
if have_sql; then
	m1=$(sql "$CLEAN" 'SELECT count(*) FROM mentions')
	m2=$(sql "$CRASH" 'SELECT count(*) FROM mentions')
	check "mentions not doubled ($m2 vs $m1)" [ "$m1" = "$m2" ]
fi
finish

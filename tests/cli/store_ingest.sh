#!/bin/sh
# dyad ingest: storing the fixture corpus twice leaves the same events;
# a document whose text changed replaces its mentions and the events of
# the keys it touched (values counted by hand from the five documents).
. tests/cli/lib.sh
# backends: sqlite pg (tests/run.sh runs it on both)
D="--verbs tests/data/dict/test.verbs.txt --actors tests/data/dict/test.actors.txt --agents tests/data/dict/test.agents.txt"
C=tests/data/store/corpus.jsonl
DB=$(new_db events) || exit 1
DB_DISC=$(new_db disc) || exit 1
DB_DUP=$(new_db dup) || exit 1
"$DYAD" ingest --db "$DB" $D "$C" 2>"$TMP/e1"; rc=$?
check "first ingest succeeds ($rc)" [ "$rc" -eq 0 ]
"$DYAD" query events --db "$DB" --format csv >"$TMP/q1"
check "7 events and a header" lines "$TMP/q1" 8
# s1 and s2 both report Valoria condemning Kestria on 2014-03-04.
check "the shared event has two mentions, sources and articles" \
	contains "$TMP/q1" 's1,s1-0,2014-03-04,day,VAL,KES,122,12,3,-4,REJECT,Valoria,condemned,Kestria,,,,,2,2,2,'
check "a one-sided publisher-less document counts one source" \
	contains "$TMP/q1" 's5,s5-0,2015-01-01,day,KESGOV,VAL,040,04,1,1,CONSULT,'

"$DYAD" ingest --db "$DB" $D "$C" 2>"$TMP/e2"; rc=$?
check "second ingest succeeds ($rc)" [ "$rc" -eq 0 ]
"$DYAD" query events --db "$DB" --format csv >"$TMP/q2"
check "ingesting twice leaves the same events" cmp -s "$TMP/q1" "$TMP/q2"
if have_sql; then
	n=$(sql "$DB" 'SELECT count(*) FROM mentions')
	check "8 mentions, not doubled ($n)" [ "$n" = 8 ]
fi

# s2 now tells another event: its mention of the shared event goes.
sed 's/"id": "s2", \(.*\)"text": "Valoria condemned Kestria."/"id": "s2", \1"text": "Kestria met with Dunmark."/' "$C" >"$TMP/changed.jsonl"
check "the fixture was changed" contains "$TMP/changed.jsonl" 'Kestria met with Dunmark.'
"$DYAD" ingest --db "$DB" $D "$TMP/changed.jsonl" 2>"$TMP/e3"; rc=$?
check "changed ingest succeeds ($rc)" [ "$rc" -eq 0 ]
"$DYAD" query events --db "$DB" --format csv >"$TMP/q3"
check "8 events (one new) and a header" lines "$TMP/q3" 9
check "the shared event now has one mention" \
	contains "$TMP/q3" 's1,s1-0,2014-03-04,day,VAL,KES,122,12,3,-4,REJECT,Valoria,condemned,Kestria,,,,,1,1,1,'
check "the new event is there" \
	contains "$TMP/q3" 's2,s2-0,2014-03-04,day,KES,DUN,040,04,1,1,CONSULT,'
n=$(grep -c ',KES,DUN,' "$TMP/q3")
check "exactly once ($n)" [ "$n" -eq 1 ]

# The same id twice in one input: the later document wins.
printf '%s\n' '{"id": "d", "date": "2014-05-01", "text": "Valoria condemned Kestria."}' \
	'{"id": "d", "date": "2014-05-01", "text": "Dunmark met with Kestria."}' >"$TMP/dup.jsonl"
"$DYAD" ingest --db "$DB_DUP" $D "$TMP/dup.jsonl" 2>"$TMP/e4"; rc=$?
check "duplicate ids ingest ($rc)" [ "$rc" -eq 0 ]
"$DYAD" query events --db "$DB_DUP" --format csv >"$TMP/q4"
check "only the later document's event" lines "$TMP/q4" 2
check "which is the meeting" contains "$TMP/q4" ',DUN,KES,040,'

# A story-level discard: the document is stored (so it is skipped next
# time) but none of its events.
printf '+FOOTBALL MATCH\n' >"$TMP/t.discards.txt"
printf '%s\n' '{"id": "f", "date": "2014-05-01", "text": "Valoria condemned Kestria. The football match was held later."}' \
	'{"id": "g", "date": "2014-05-01", "text": "Dunmark met with Kestria."}' >"$TMP/disc.jsonl"
"$DYAD" ingest --db "$DB_DISC" $D --discards "$TMP/t.discards.txt" "$TMP/disc.jsonl" 2>"$TMP/e5"; rc=$?
check "ingest with a story discard ($rc)" [ "$rc" -eq 0 ]
"$DYAD" query events --db "$DB_DISC" --format csv >"$TMP/q5"
check "only the kept story's event" lines "$TMP/q5" 2
check "from document g" contains "$TMP/q5" 'g,g-0,2014-05-01,day,DUN,KES,040,'
finish

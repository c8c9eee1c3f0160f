#!/bin/sh
# Phoenix's one-a-day filter (--one-a-day): of the events with the same
# (date, source, target, code), only the one of the first place (no place
# first, then by name) is kept, in query events, query series and export.
# Four documents written for this test: three report the same meeting on
# 2014-06-02 (in Paris, in Lyon, and without a place), one on 2014-06-03.
. tests/cli/lib.sh
# backends: sqlite pg (tests/run.sh runs it on both)
D="--verbs tests/data/dict/test.verbs.txt --actors tests/data/dict/test.actors.txt --agents tests/data/dict/test.agents.txt"
DB=$(new_db oad) || exit 1
printf '%s\n' \
	'{"id": "o1", "date": "2014-06-02", "source": "P", "text": "Valoria met with Kestria in Paris."}' \
	'{"id": "o2", "date": "2014-06-02", "source": "Q", "text": "Valoria met with Kestria in Lyon."}' \
	'{"id": "o3", "date": "2014-06-02", "source": "R", "text": "Valoria met with Kestria."}' \
	'{"id": "o4", "date": "2014-06-03", "source": "R", "text": "Valoria met with Kestria in Lyon."}' >"$TMP/o.jsonl"
"$DYAD" ingest --db "$DB" $D "$TMP/o.jsonl" 2>"$TMP/e" || { cat "$TMP/e"; exit 1; }
if ! "$DYAD" version | grep -q 'gazetteer: [1-9]'; then
	echo "$NAME: SKIP: built without the gazetteer (no places to tell apart)"; exit 77
fi
n() { "$DYAD" query events --db "$DB" "$@" --format csv | awk 'END { print NR - 1 }'; }
is() { [ "$1" = "$2" ] || { echo "$NAME: got $1, want $2"; return 1; }; }
check "four events: three places on 06-02, one on 06-03" is "$(n)" 4
check "one a day: two" is "$(n --one-a-day)" 2
"$DYAD" query events --db "$DB" --one-a-day --format csv >"$TMP/o"
check "06-02 keeps the event without a place (o3)" contains "$TMP/o" 'o3,o3-0,2014-06-02,day,VAL,KES,040,'
check "06-03 keeps Lyon" contains "$TMP/o" 'o4,o4-0,2014-06-03,day,VAL,KES,040,'
"$DYAD" query series --db "$DB" --source VAL --by month --one-a-day >"$TMP/o"
check "series: 2 events in 2014-06" contains "$TMP/o" '2014-06,2,2,2,1,2,0,0,0'
"$DYAD" query series --db "$DB" --source VAL --by month >"$TMP/o"
check "without it: 4" contains "$TMP/o" '2014-06,4,4,4,1,4,0,0,0'
"$DYAD" export --db "$DB" --format phoenix --one-a-day >"$TMP/o"
check "export: two rows" lines "$TMP/o" 2
"$DYAD" export --db "$DB" --format csv --mentions --one-a-day >/dev/null 2>"$TMP/e"; rc=$?
check "--mentions with --one-a-day is refused ($rc)" [ "$rc" -eq 2 ]
check "and says why" contains "$TMP/e" 'not --mentions'
finish

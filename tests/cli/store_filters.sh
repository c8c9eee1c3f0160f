#!/bin/sh
# dyad query events: --quad, --plover, --place, --text (full text over the
# sentences), --mentions, --offset, on the fixture corpus (7 events from 8
# mentions; counts by hand) and a three-document corpus with places.
. tests/cli/lib.sh
# backends: sqlite pg (tests/run.sh runs it on both)
D="--verbs tests/data/dict/test.verbs.txt --actors tests/data/dict/test.actors.txt --agents tests/data/dict/test.agents.txt"
DB=$(new_db events) || exit 1
DB_P=$(new_db p) || exit 1
"$DYAD" ingest --db "$DB" $D tests/data/store/corpus.jsonl 2>"$TMP/e" || { cat "$TMP/e"; exit 1; }
q() { "$DYAD" query "$@" --db "$DB"; }
# n ARGS...: the number of csv rows query events gives.
n() { q events "$@" --format csv | awk 'END { print NR - 1 }'; }
is() { [ "$1" = "$2" ] || { echo "$NAME: got $1, want $2"; return 1; }; }

check "--quad 1: the three meetings" is "$(n --quad 1)" 3
check "--quad 2: the aid" is "$(n --quad 2)" 1
check "--quad 3: the three condemnations" is "$(n --quad 3)" 3
check "--quad 4: none" is "$(n --quad 4)" 0
check "--plover consult (any case)" is "$(n --plover consult)" 3
check "--plover AID" is "$(n --plover AID)" 1
check "--plover REJECT --source VAL" is "$(n --plover REJECT --source VAL)" 2

check "--mentions: 8 mentions" is "$(n --mentions)" 8
check "--mentions --code 122: s1, s2, s3, s4" is "$(n --mentions --code 122)" 4
q events --mentions --offset 2 --limit 1 --format csv >"$TMP/o"
check "the third mention is s2's, with its event's counts" \
	contains "$TMP/o" 's2,s2-0,2014-03-04,day,VAL,KES,122,12,3,-4,REJECT,Valoria,condemned,Kestria,,,,,2,2,2,'

check "--offset 5: 2 of 7" is "$(n --offset 5)" 2
check "--offset 7: none" is "$(n --offset 7)" 0
q events --offset 5 --limit 1 --format csv >"$TMP/o"
check "--offset 5 --limit 1 is the sixth event" contains "$TMP/o" 's4,s4-1,2014-04-02,day,VAL,KES,122,'

check "--text condemned: 3 events" is "$(n --text condemned)" 3
check "--text condemned --mentions: 4" is "$(n --text condemned --mentions)" 4
check "--text AID (any case)" is "$(n --text AID)" 1
check "--text Kestrian: s5 only" is "$(n --text Kestrian)" 1
check "--text 'valoria AND dunmark'" is "$(n --text 'valoria AND dunmark')" 1
check "--text '\"food aid\"' (a phrase)" is "$(n --text '"food aid"')" 1
check "--text '\"aid food\"': no such phrase" is "$(n --text '"aid food"')" 0
check "--text met --source VAL" is "$(n --text met --source VAL)" 1

q series --source VAL --target KES --by year --quad 3 >"$TMP/o"
check "series with --quad 3" contains "$TMP/o" '2014,2,3,-8,-4,0,0,2,0'
q series --source VAL --by year --text aid >"$TMP/o"
check "series with --text" contains "$TMP/o" '2014,1,1,7.4,7.4,0,1,0,0'

# A changed document: its old sentences leave the full-text index.
sed 's/"id": "s2", \(.*\)"text": "Valoria condemned Kestria."/"id": "s2", \1"text": "Kestria met with Dunmark."/' \
	tests/data/store/corpus.jsonl >"$TMP/changed.jsonl"
"$DYAD" ingest --db "$DB" $D "$TMP/changed.jsonl" 2>"$TMP/e" || { cat "$TMP/e"; exit 1; }
check "--text condemned --mentions after s2 changed: 3" is "$(n --text condemned --mentions)" 3
check "--text dunmark: s4 and the new s2" is "$(n --text dunmark)" 2
if [ "$STORE" = sqlite ] && have_sql; then
	check "the full-text index agrees with the mentions" \
		sqlite3 "$DB" "INSERT INTO mentions_fts(mentions_fts) VALUES('integrity-check')"
fi

# A database made before the full-text index (simulated by dropping it):
# --text says how to build it, and the next ingest does (SQLite only).
if [ "$STORE" = sqlite ] && have_sql; then
	"$DYAD" ingest --db "$TMP/old.db" $D tests/data/store/corpus.jsonl 2>"$TMP/e" || cat "$TMP/e"
	sqlite3 "$TMP/old.db" 'DROP TABLE mentions_fts'
	"$DYAD" query events --db "$TMP/old.db" --text aid >/dev/null 2>"$TMP/err"; rc=$?
	check "--text without the index fails ($rc)" [ "$rc" -eq 3 ]
	check "and says how to build it" contains "$TMP/err" 'ingest into it once'
	"$DYAD" ingest --db "$TMP/old.db" $D tests/data/store/corpus.jsonl 2>"$TMP/e" || cat "$TMP/e"
	m=$("$DYAD" query events --db "$TMP/old.db" --text condemned --mentions --format csv | awk 'END { print NR - 1 }')
	check "an ingest builds it from the stored mentions ($m)" [ "$m" -eq 4 ]
fi

# Bad values: a message and a non-zero exit.
for bad in "--quad 5" "--quad x" "--offset -1" "--text ''" "--text '\"unclosed'"; do
	eval q events "$bad" >/dev/null 2>"$TMP/err"; rc=$?
	check "$bad fails ($rc)" [ "$rc" -ne 0 ]
	check "$bad says why" [ -s "$TMP/err" ]
done
"$DYAD" query events --db "$DB" --text '"unclosed' --format csv >"$TMP/o" 2>"$TMP/err"; rc=$?
check "a malformed --text is a usage error ($rc)" [ "$rc" -eq 2 ]
check "caught before any output" [ ! -s "$TMP/o" ]
check "and says what is wrong" contains "$TMP/err" 'an unclosed quote'
q series --source VAL --by year --mentions >/dev/null 2>&1; rc=$?
check "series refuses --mentions ($rc)" [ "$rc" -eq 2 ]

printf '%s\n' '{"id": "p1", "date": "2014-06-02", "text": "Valoria met with Kestria in Paris."}' \
	'{"id": "p2", "date": "2014-06-02", "text": "Valoria condemned Kestria in Lyon."}' \
	'{"id": "p3", "date": "2014-06-02", "text": "Dunmark met with Kestria in Berlin."}' >"$TMP/p.jsonl"
"$DYAD" ingest --db "$DB_P" $D "$TMP/p.jsonl" 2>"$TMP/e" || { cat "$TMP/e"; exit 1; }
np() { "$DYAD" query events --db "$DB_P" "$@" --format csv | awk 'END { print NR - 1 }'; }
check "three placed events" is "$(np)" 3
check "--place FRA: Paris and Lyon" is "$(np --place FRA)" 2
check "--place paris (any case)" is "$(np --place paris)" 1
check "--place Berlin --source DUN" is "$(np --place Berlin --source DUN)" 1
check "--place Berlin --source VAL" is "$(np --place Berlin --source VAL)" 0
finish

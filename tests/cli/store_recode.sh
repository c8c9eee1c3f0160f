#!/bin/sh
# dyad recode: the stored documents coded again with other dictionaries;
# the report (events added, removed, changed, by root code) and the events
# afterwards, counted by hand on the fixture corpus (7 events, 8 mentions)
# and on two documents sharing one event.
. tests/cli/lib.sh
# backends: sqlite pg (tests/run.sh runs it on both)
A="--actors tests/data/dict/test.actors.txt --agents tests/data/dict/test.agents.txt"
V=tests/data/dict/test.verbs.txt
DB=$(new_db events) || exit 1
DB_AB=$(new_db ab) || exit 1
"$DYAD" ingest --db "$DB" --verbs "$V" $A tests/data/store/corpus.jsonl 2>"$TMP/e" || { cat "$TMP/e"; exit 1; }
"$DYAD" query events --db "$DB" --format csv >"$TMP/before"
# report "ROOT ADDED REMOVED CHANGED"...: the report recode should print.
report() {
	printf '%-5s  %7s  %7s  %7s\n' root added removed changed
	for r in "$@"; do
		# shellcheck disable=SC2086
		printf '%-5s  %7s  %7s  %7s\n' $r
	done
}
# showr: the report in $TMP/r is the one in $TMP/want.
showr() { cmp -s "$TMP/r" "$TMP/want" || { echo "$NAME: report:"; cat "$TMP/r"; return 1; }; }
n() { "$DYAD" query events --db "$DB" "$@" --format csv | awk 'END { print NR - 1 }'; }

# The same dictionaries: nothing changes.
"$DYAD" recode --db "$DB" --verbs "$V" $A >"$TMP/r" 2>"$TMP/e"; rc=$?
check "recode with the same dictionaries ($rc)" [ "$rc" -eq 0 ]
report "total 0 0 0" >"$TMP/want"
check "reports no change" showr
"$DYAD" query events --db "$DB" --format csv >"$TMP/after"
check "and the events are as before" cmp -s "$TMP/before" "$TMP/after"

# Without the food-aid pattern, s3's 'sent food aid to' is SEND's 070:
# root 07 gains 070 and loses 071.
grep -v '&AIDWORDS TO' "$V" >"$TMP/noaid.verbs.txt"
"$DYAD" recode --db "$DB" --verbs "$TMP/noaid.verbs.txt" $A >"$TMP/r" 2>"$TMP/e"; rc=$?
check "recode without the aid pattern ($rc)" [ "$rc" -eq 0 ]
report "07 1 1 0" "total 1 1 0" >"$TMP/want"
check "07: one added, one removed" showr
check "no 071 left" [ "$(n --code 071)" -eq 0 ]
check "one 070, from s3" [ "$(n --code 070 --source VAL --target KES)" -eq 1 ]

# Without CONDEMN (and DENOUNCE): the three 122 events go, from 4 mentions.
grep -v -e '^CONDEMN$' -e '^DENOUNCE$' "$TMP/noaid.verbs.txt" >"$TMP/nocondemn.verbs.txt"
"$DYAD" recode --db "$DB" --verbs "$TMP/nocondemn.verbs.txt" $A >"$TMP/r" 2>"$TMP/e"; rc=$?
check "recode without CONDEMN ($rc)" [ "$rc" -eq 0 ]
report "12 0 3 0" "total 0 3 0" >"$TMP/want"
check "12: three removed" showr
check "4 events left" [ "$(n)" -eq 4 ]
check "4 mentions left" [ "$(n --mentions)" -eq 4 ]
check "their sentences left the full-text index" [ "$(n --text condemned --mentions)" -eq 0 ]
check "5 documents recoded" contains "$TMP/e" '5 documents recoded, 4 mentions'
# Ingesting the same documents again skips them: recoded events stay.
"$DYAD" ingest --db "$DB" --verbs "$V" $A tests/data/store/corpus.jsonl 2>"$TMP/e" || cat "$TMP/e"
check "re-ingest skips the recoded documents" [ "$(n)" -eq 4 ]
# And back to the original dictionaries: the 7 events as first stored.
"$DYAD" recode --db "$DB" --verbs "$V" $A >"$TMP/r" 2>"$TMP/e"
report "07 1 1 0" "12 3 0 0" "total 4 1 0" >"$TMP/want"
check "back: 07 swapped, 12 three added" showr
"$DYAD" query events --db "$DB" --format csv >"$TMP/after"
check "the events are those first stored" cmp -s "$TMP/before" "$TMP/after"
if [ "$STORE" = sqlite ] && have_sql; then
	check "integrity_check" [ "$(sqlite3 "$DB" 'PRAGMA integrity_check')" = ok ]
fi

# Changed: a and b both report Valoria condemning Kestria (b says
# 'denounced'); without DENOUNCE the event keeps one mention.
printf '%s\n' '{"id": "a", "date": "2014-05-01", "source": "X", "text": "Valoria condemned Kestria."}' \
	'{"id": "b", "date": "2014-05-01", "source": "Y", "text": "Valoria denounced Kestria. Dunmark met with Valoria."}' >"$TMP/ab.jsonl"
"$DYAD" ingest --db "$DB_AB" --verbs "$V" $A "$TMP/ab.jsonl" 2>"$TMP/e" || { cat "$TMP/e"; exit 1; }
grep -v '^DENOUNCE$' "$V" >"$TMP/nodenounce.verbs.txt"
"$DYAD" recode --db "$DB_AB" --verbs "$TMP/nodenounce.verbs.txt" $A >"$TMP/r" 2>"$TMP/e"
report "12 0 0 1" "total 0 0 1" >"$TMP/want"
check "12: one changed" showr
"$DYAD" query events --db "$DB_AB" --code 122 --format csv >"$TMP/o"
check "now one mention, source and article" contains "$TMP/o" 'a,a-0,2014-05-01,day,VAL,KES,122,12,3,-4,REJECT,Valoria,condemned,Kestria,,,,,1,1,1,'

# Bad input: a message, a non-zero exit, nothing changed.
"$DYAD" recode --db "$TMP/none.db" >/dev/null 2>"$TMP/e"; rc=$?
check "a missing database fails ($rc)" [ "$rc" -eq 3 ]
check "and is not created" [ ! -e "$TMP/none.db" ]
check "with a message" contains "$TMP/e" 'no such database'
"$DYAD" recode --db "$DB" tests/data/store/corpus.jsonl >/dev/null 2>"$TMP/e"; rc=$?
check "input files are refused ($rc)" [ "$rc" -eq 2 ]
"$DYAD" recode --db "$DB" --verbs "$TMP/missing.verbs.txt" $A >/dev/null 2>"$TMP/e"; rc=$?
check "a missing dictionary fails ($rc)" [ "$rc" -ne 0 ]
"$DYAD" query events --db "$DB" --format csv >"$TMP/after"
check "and leaves the events" cmp -s "$TMP/before" "$TMP/after"
finish

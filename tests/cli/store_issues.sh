#!/bin/sh
# Issues (--issues) are stored with their mentions and come back in query
# events and in every export (JSON "issues", Phoenix's Issues column); a
# store made by the first schema (no issues column) is read with none and
# brought up to date by the next ingest. The issues dictionary and the
# two documents are written here.
. tests/cli/lib.sh
# backends: sqlite pg (tests/run.sh runs it on both)
D="--verbs tests/data/dict/test.verbs.txt --actors tests/data/dict/test.actors.txt --agents tests/data/dict/test.agents.txt"
cat >"$TMP/t.issues.txt" <<'ISSUES'
<ISSUE CATEGORY="TRADE" TYPE="ALL">
n:tariff [TARIFF]
food aid [AID]
</ISSUE>
ISSUES
printf '%s\n' \
	'{"id": "t1", "date": "2014-06-02", "source": "P", "text": "Valoria condemned Kestria over tariffs and tariff threats."}' \
	'{"id": "t2", "date": "2014-06-03", "source": "P", "text": "Dunmark met with Kestria."}' >"$TMP/t.jsonl"
DB=$(new_db issues) || exit 1
"$DYAD" ingest --db "$DB" $D --issues "$TMP/t.issues.txt" "$TMP/t.jsonl" 2>"$TMP/e" || { cat "$TMP/e"; exit 1; }
"$DYAD" query events --db "$DB" --format jsonl >"$TMP/q"
check "two events" lines "$TMP/q" 2
# one count per matching form per sentence: "tariffs" and "tariff" are two forms
check "the issue and its count, with the event" contains "$TMP/q" '"code":"122","root":"12"'
check "TARIFF counted in t1" contains "$TMP/q" '"issues":[{"code":"TARIFF","count":2}]'
check "none in t2" contains "$TMP/q" '"issues":[]'
"$DYAD" export --db "$DB" --format phoenix >"$TMP/p"
check "Phoenix Issues column (18th)" [ "$(cut -f 18 "$TMP/p" | head -1)" = "TARIFF,2" ]
"$DYAD" export --db "$DB" --format jsonl --mentions >"$TMP/m"
check "mentions export keeps them" contains "$TMP/m" '"issues":[{"code":"TARIFF","count":2}]'

if [ "$STORE" = sqlite ] && have_sql; then
	# The first schema: no mentions.issues or .admin1, user_version 1.
	sql "$DB" "ALTER TABLE mentions DROP COLUMN issues; ALTER TABLE mentions DROP COLUMN admin1; PRAGMA user_version = 1"
	"$DYAD" query events --db "$DB" --format jsonl >"$TMP/q1" 2>"$TMP/e"; rc=$?
	check "a version-1 store is still readable ($rc)" [ "$rc" -eq 0 ]
	check "with no issues" sh -c "! grep -q TARIFF '$TMP/q1'"
	"$DYAD" ingest --db "$DB" $D --issues "$TMP/t.issues.txt" "$TMP/t.jsonl" 2>"$TMP/e"; rc=$?
	check "ingest upgrades it ($rc)" [ "$rc" -eq 0 ]
	check "to version 2" [ "$(sql "$DB" 'PRAGMA user_version')" = 2 ]
	check "with the columns" [ "$(sql "$DB" "SELECT count(*) FROM pragma_table_info('mentions') WHERE name IN ('issues', 'admin1')")" = 2 ]
fi
finish

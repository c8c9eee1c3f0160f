#!/bin/sh
# The store commands reject bad input with a clear message and a non-zero
# exit, and leave what is stored as it was.
. tests/cli/lib.sh
D="--verbs tests/data/dict/test.verbs.txt --actors tests/data/dict/test.actors.txt --agents tests/data/dict/test.agents.txt"
C=tests/data/store/corpus.jsonl
# expect RC TEXT: the command exited with RC (non-zero) and said TEXT.
expect() {
	rc=$1; shift
	[ "$rc" -ne 0 ] || { echo "$NAME: exit 0 for: $1"; return 1; }
	contains "$TMP/e" "$1"
}
"$DYAD" ingest --db "$TMP/no/such/dir/x.db" $D "$C" 2>"$TMP/e"
check "missing db directory" expect $? "directory $TMP/no/such/dir does not exist"
"$DYAD" query events --db "$TMP/none.db" 2>"$TMP/e"
check "missing database" expect $? "no such database"

DB="$TMP/events.db"
"$DYAD" ingest --db "$DB" $D "$C" 2>"$TMP/e" || { cat "$TMP/e"; exit 1; }
"$DYAD" query events --db "$DB" --format csv >"$TMP/before"
"$DYAD" query events --db "$DB" --from 2014-13-45 2>"$TMP/e"
check "impossible date" expect $? "--from 2014-13-45: not a date"
"$DYAD" query series --db "$DB" --source VAL --by month --to 2014-02-30 2>"$TMP/e"
check "impossible day" expect $? "--to 2014-02-30: not a date"
"$DYAD" query events --db "$DB" --format xml 2>"$TMP/e"
check "unknown format" expect $? "--format xml: unknown format"
"$DYAD" query series --db "$DB" --source VAL --by fortnight 2>"$TMP/e"
check "unknown period" expect $? "--by fortnight"
"$DYAD" query nonsense --db "$DB" 2>"$TMP/e"
check "unknown query" expect $? "usage: dyad query"
"$DYAD" ingest $D "$C" 2>"$TMP/e"
check "ingest without --db" expect $? "--db FILE is required"
printf 'not a database, just text\n' >"$TMP/text.db"
"$DYAD" query events --db "$TMP/text.db" 2>"$TMP/e"
check "a file that is not a database" expect $? "not a dyad database"

# A read-only file: as root, write permission is checked as nobody.
RO="$TMP/ro"
mkdir "$RO" && cp "$DB" "$RO/ro.db" && chmod 755 "$TMP" "$RO" && chmod 444 "$RO/ro.db"
if [ "$(id -u)" -ne 0 ]; then
	"$DYAD" ingest --db "$RO/ro.db" $D "$C" 2>"$TMP/e"
	check "read-only database" expect $? "read-only"
	"$DYAD" query events --db "$RO/ro.db" --format csv >"$TMP/ro.csv" 2>"$TMP/e"
	check "a read-only database can still be queried" cmp -s "$TMP/before" "$TMP/ro.csv"
elif command -v setpriv >/dev/null 2>&1 &&
	setpriv --reuid=65534 --regid=65534 --clear-groups "$DYAD" version >/dev/null 2>&1 &&
	setpriv --reuid=65534 --regid=65534 --clear-groups cat "$C" tests/data/dict/test.verbs.txt >/dev/null 2>&1; then
	setpriv --reuid=65534 --regid=65534 --clear-groups \
		"$DYAD" ingest --db "$RO/ro.db" $D "$C" 2>"$TMP/e"
	check "read-only database (as nobody)" expect $? "read-only"
	setpriv --reuid=65534 --regid=65534 --clear-groups \
		"$DYAD" query events --db "$RO/ro.db" --format csv >"$TMP/ro.csv" 2>"$TMP/e"
	check "a read-only database can still be queried" cmp -s "$TMP/before" "$TMP/ro.csv"
else
	echo "$NAME: (root, and nobody cannot run dyad here: the read-only case is not checked)"
fi
"$DYAD" query events --db "$DB" --format csv >"$TMP/after"
check "nothing stored was lost" cmp -s "$TMP/before" "$TMP/after"
finish

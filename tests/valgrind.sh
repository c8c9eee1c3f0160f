#!/bin/sh
# tests/valgrind.sh DYAD - runs the CLI under valgrind on good and bad
# inputs; any memory error or leak fails.
set -u
DYAD=${1:-build/dyad}
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
VG="valgrind -q --error-exitcode=99 --leak-check=full --errors-for-leak-kinds=definite,indirect"
D="--verbs tests/data/dict/test.verbs.txt --actors tests/data/dict/test.actors.txt --agents tests/data/dict/test.agents.txt"
fail=0
run() {
	$VG "$@" >"$TMP/o" 2>"$TMP/e"
	if [ $? -eq 99 ]; then echo "valgrind: errors in: $*"; cat "$TMP/e"; fail=1; fi
}
run "$DYAD" code data/examples/example-article.txt
printf '%s\n' '{"id":"a","date":"2020-01-02","text":"Valoria condemned Kestria."}' '{"id":"b"' >"$TMP/in.jsonl"
run "$DYAD" code $D "$TMP/in.jsonl"
printf 'Valoria \377 condemned\000 Kestria.' >"$TMP/bad.txt"
run "$DYAD" code $D --format phoenix "$TMP/bad.txt"
run "$DYAD" explain $D "Kestrian troops met with Valoria."
# The store, on SQLite and (when DYAD_TEST_PG names a cluster made by
# tests/pg/cluster.sh, as in .ci/run) on PostgreSQL.
store_run() {
	run "$DYAD" ingest --db "$1" $D tests/data/store/corpus.jsonl
	run "$DYAD" ingest --db "$1" $D tests/data/store/corpus.jsonl
	run "$DYAD" query events --db "$1" --source VAL --format jsonl --text 'condemned OR aid'
	run "$DYAD" query events --db "$1" --one-a-day --limit 2 --offset 1
	run "$DYAD" query series --db "$1" --source VAL --target KES --both --by week
	run "$DYAD" export --db "$1" --format gdelt
	run "$DYAD" recode --db "$1" $D
	run "$DYAD" query events --db "$1" --text '"unclosed'
}
store_run "$TMP/v.db"
if [ -n "${DYAD_TEST_PG:-}" ]; then
	"$(cat "$DYAD_TEST_PG/bindir")/createdb" -h "$DYAD_TEST_PG" -p "$(cat "$DYAD_TEST_PG/port")" \
		-U "$(cat "$DYAD_TEST_PG/user")" valgrind_$$
	store_run "postgresql:///valgrind_$$?host=$DYAD_TEST_PG&port=$(cat "$DYAD_TEST_PG/port")&user=$(cat "$DYAD_TEST_PG/user")"
else
	echo "valgrind: SKIP the PostgreSQL store (no DYAD_TEST_PG cluster)"
fi
# dyad serve on the SQLite store: start, requests of each kind (good and
# bad, a live coding, a too large upload), SIGTERM.
if command -v curl >/dev/null 2>&1; then
	$VG "$DYAD" serve --db "$TMP/v.db" --listen 127.0.0.1:0 --threads 2 $D 2>"$TMP/se" &
	vpid=$!
	url=""
	for _ in $(seq 1 300); do
		port=$(sed -n 's|^dyad serve: listening on http://127\.0\.0\.1:\([0-9]*\) .*|\1|p' "$TMP/se")
		[ -n "$port" ] && { url=http://127.0.0.1:$port; break; }
		sleep 0.2
	done
	if [ -n "$url" ]; then
		for p in "/api/health" "/api/events?source=VAL&limit=2" "/api/series?source=VAL&target=KES&both=1&by=week" \
			 "/api/actors?q=va" "/api/events?from=2014-13-45" "/api/events?text=%22unclosed" "/api/nothing" "/"; do
			curl -s -o /dev/null "$url$p"
		done
		curl -s -o /dev/null --data-binary 'Valoria condemned Kestria.' "$url/api/code?date=2014-01-01"
		head -c 2000000 /dev/zero | curl -s -o /dev/null -T - -X POST "$url/api/code"
	fi
	kill -TERM $vpid
	wait $vpid
	rc=$?
	if [ -z "$url" ] || [ $rc -ne 0 ]; then
		echo "valgrind: errors in: dyad serve (exit $rc)"; cat "$TMP/se"; fail=1
	fi
else
	echo "valgrind: SKIP dyad serve (no curl)"
fi
if [ -e ../shared/validation/PETR.UnitTest.visible.xml ]; then
	run "$DYAD" validate -q ../shared/validation/PETR.UnitTest.visible.xml
	run "$DYAD" validate -q --use-parse ../shared/validation/PETR.UnitTest.visible.xml
else
	echo "valgrind: SKIP validation records (../shared absent)"
fi
[ $fail -eq 0 ] && echo "valgrind: clean"
exit $fail

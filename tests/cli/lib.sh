# tests/cli/lib.sh - helpers for the CLI tests (sourced, not run).
DYAD=${DYAD:-build/dyad}
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
NAME=$(basename "$0" .sh)
fails=0
# check DESCRIPTION COMMAND...: the command must succeed.
check() {
	d=$1; shift
	if "$@"; then :; else echo "$NAME: FAILED: $d"; fails=$((fails + 1)); fi
}
# contains FILE TEXT: FILE must contain the fixed string TEXT.
contains() {
	if grep -qF -- "$2" "$1"; then return 0; fi
	echo "$NAME: '$2' not found in:"; sed 's/^/    /' "$1" | head -20; return 1
}
# lines FILE N: FILE has exactly N lines.
lines() {
	n=$(wc -l <"$1")
	[ "$n" -eq "$2" ] || { echo "$NAME: $1 has $n lines, want $2"; return 1; }
}
finish() { [ "$fails" -eq 0 ] || exit 1; exit 0; }
# need_shared FILE: skip the test (exit 77) when the shared material is absent.
need_shared() {
	[ -e "$1" ] || { echo "$NAME: SKIP: $1 absent (tests need ../shared)"; exit 77; }
}
# The store backend under test: sqlite (default) or pg, when tests/run.sh
# runs a store test again on PostgreSQL (DYAD_TEST_STORE=pg, with
# DYAD_TEST_PG the directory of a cluster made by tests/pg/cluster.sh).
STORE=${DYAD_TEST_STORE:-sqlite}
# new_db NAME: prints a fresh, empty store target for this test: an
# SQLite file in $TMP, or a new database in the PostgreSQL cluster.
new_db() {
	if [ "$STORE" != pg ]; then echo "$TMP/$1.db"; return 0; fi
	_n="t$(basename "$TMP" | tr -c 'a-zA-Z0-9' '_' | tr 'A-Z' 'a-z')_$1"
	"$(cat "$DYAD_TEST_PG/bindir")/createdb" -h "$DYAD_TEST_PG" -p "$(cat "$DYAD_TEST_PG/port")" \
		-U "$(cat "$DYAD_TEST_PG/user")" "$_n" || return 1
	echo "postgresql:///$_n?host=$DYAD_TEST_PG&port=$(cat "$DYAD_TEST_PG/port")&user=$(cat "$DYAD_TEST_PG/user")"
}
# have_sql: the command-line client of the backend is installed.
have_sql() {
	if [ "$STORE" = pg ]; then command -v psql >/dev/null 2>&1; else command -v sqlite3 >/dev/null 2>&1; fi
}
# sql DB QUERY: one query through the backend's client, values unadorned.
sql() {
	if [ "$STORE" = pg ]; then psql -X -q -A -t -d "$1" -c "$2"; else sqlite3 "$1" "$2"; fi
}

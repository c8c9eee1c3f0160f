#!/bin/sh
# PostgreSQL targets that cannot serve: a server that is not there, a
# database that does not exist, an empty database queried, a database
# with someone else's tables of the same names, a malformed URL: each a
# clear message (the password never shown), a non-zero exit, and nothing
# created or changed. Needs a PostgreSQL cluster (DYAD_TEST_PG).
. tests/cli/lib.sh
if [ -z "${DYAD_TEST_PG:-}" ]; then
	echo "$NAME: SKIP: no PostgreSQL cluster (install postgresql; tests/run.sh starts one)"; exit 77
fi
D="--verbs tests/data/dict/test.verbs.txt --actors tests/data/dict/test.actors.txt --agents tests/data/dict/test.agents.txt"
C=tests/data/store/corpus.jsonl
PORT=$(cat "$DYAD_TEST_PG/port")
U=$(cat "$DYAD_TEST_PG/user")

# No server on that socket: the URL (password hidden) and libpq's reason.
"$DYAD" ingest --db "postgresql://$U:s3cret@/dyad?host=$TMP&port=$PORT" $D "$C" 2>"$TMP/e"; rc=$?
check "no server: exit 3 ($rc)" [ "$rc" -eq 3 ]
check "says it cannot connect" contains "$TMP/e" 'cannot connect to PostgreSQL'
check "hides the password" contains "$TMP/e" "postgresql://$U:***@/dyad"
check "never prints it" sh -c "! grep -q s3cret '$TMP/e'"

# A database that does not exist.
"$DYAD" query events --db "postgresql:///no_such_db?host=$DYAD_TEST_PG&port=$PORT&user=$U" 2>"$TMP/e"; rc=$?
check "missing database: exit 3 ($rc)" [ "$rc" -eq 3 ]
check "names it" contains "$TMP/e" 'no_such_db'

# An empty database: queries and recode say there is no store, and make none.
E=$(STORE=pg new_db empty) || exit 1
"$DYAD" query events --db "$E" 2>"$TMP/e"; rc=$?
check "query on an empty database: exit 3 ($rc)" [ "$rc" -eq 3 ]
check "says there is no store" contains "$TMP/e" 'no dyad store in this database'
"$DYAD" recode --db "$E" $D 2>"$TMP/e"; rc=$?
check "recode on it: exit 3 ($rc)" [ "$rc" -eq 3 ]
t=$(psql -X -A -t -d "$E" -c "SELECT count(*) FROM pg_tables WHERE schemaname = 'public'")
check "nothing was created ($t tables)" [ "$t" = 0 ]

# Someone else's events table: dyad refuses to write beside it.
F=$(STORE=pg new_db foreign) || exit 1
psql -X -q -d "$F" -c "CREATE TABLE events(id int); INSERT INTO events VALUES (7)"
"$DYAD" ingest --db "$F" $D "$C" 2>"$TMP/e"; rc=$?
check "foreign tables: exit 3 ($rc)" [ "$rc" -eq 3 ]
check "says it is not a dyad database" contains "$TMP/e" 'not a dyad database'
v=$(psql -X -A -t -d "$F" -c "SELECT id FROM events")
check "their table is untouched ($v)" [ "$v" = 7 ]

# A malformed URL, with passwords in both places: never shown.
"$DYAD" query events --db "postgresql://u:pw1@[bad?password=pw2&port=1" 2>"$TMP/e"; rc=$?
check "malformed URL: exit 3 ($rc)" [ "$rc" -eq 3 ]
check "says why" contains "$TMP/e" 'cannot connect to PostgreSQL'
check "no password shown" sh -c "! grep -q 'pw[12]' '$TMP/e'"

# A bad date with a good store: refused before any query.
G=$(STORE=pg new_db good) || exit 1
"$DYAD" ingest --db "$G" $D "$C" 2>"$TMP/e" || { cat "$TMP/e"; exit 1; }
"$DYAD" query events --db "$G" --from 2014-13-45 2>"$TMP/e"; rc=$?
check "--from 2014-13-45: exit 2 ($rc)" [ "$rc" -eq 2 ]
finish

#!/bin/sh
# A team's PostgreSQL server restarts under a running dyad serve: the
# reader whose connection broke connects again and answers, with nothing
# for the client to retry. Needs a PostgreSQL cluster (DYAD_TEST_PG) and
# curl.
. tests/cli/lib.sh
if [ -z "${DYAD_TEST_PG:-}" ]; then
	echo "$NAME: SKIP: no PostgreSQL cluster (install postgresql; tests/run.sh starts one)"; exit 77
fi
command -v curl >/dev/null 2>&1 || { echo "$NAME: SKIP: no curl"; exit 77; }
D="--verbs tests/data/dict/test.verbs.txt --actors tests/data/dict/test.actors.txt --agents tests/data/dict/test.agents.txt"
DB=$(STORE=pg new_db reconnect) || exit 1
"$DYAD" ingest --db "$DB" $D tests/data/store/corpus.jsonl 2>"$TMP/e" || { cat "$TMP/e"; exit 1; }
"$DYAD" serve --db "$DB" --listen 127.0.0.1:0 --threads 2 2>"$TMP/log" &
PID=$!
trap 'kill "$PID" 2>/dev/null; wait "$PID" 2>/dev/null; rm -rf "$TMP"' EXIT
URL=""
i=0
while [ $i -lt 100 ] && [ -z "$URL" ]; do
	port=$(sed -n 's|^dyad serve: listening on http://127\.0\.0\.1:\([0-9]*\) .*|\1|p' "$TMP/log")
	[ -n "$port" ] && URL="http://127.0.0.1:$port"
	i=$((i + 1)); sleep 0.1
done
[ -n "$URL" ] || { echo "$NAME: the server did not start"; cat "$TMP/log"; exit 1; }
get() { curl -s -o "$TMP/body" -w '%{http_code}' "$URL$1"; }
check "events before the restart" [ "$(get '/api/events?source=VAL')" = 200 ]
cp "$TMP/body" "$TMP/before"
sh tests/pg/cluster.sh restart "$DYAD_TEST_PG" || { echo "$NAME: cannot restart the cluster"; exit 1; }
# every store handle of the server saw its connection break: each
# request reconnects its handle and answers
for k in 1 2 3 4; do
	check "events after the restart (request $k)" [ "$(get '/api/events?source=VAL')" = 200 ]
done
check "the same answer" cmp -s "$TMP/before" "$TMP/body"
check "series after the restart" [ "$(get '/api/series?source=VAL&by=month')" = 200 ]
check "health after the restart" [ "$(get '/api/health')" = 200 ]
finish

#!/bin/sh
# bench/serve.sh - dyad serve on a database of one million synthetic
# events (bench/out/serve.db, made once with the sqlite3 shell like
# bench/store.sh's series.db, but with a mention per event, so that
# /api/events has evidence sentences to give): the answer time of /api/series (a dyad by month, an actor alone) and of
# the first page of /api/events (median of 9 requests with curl, keep-alive
# off: each is a new connection), then `wrk -t2 -c64 -d10s --latency`
# against /api/series: requests/s, 99th percentile latency, errors.
# Needs curl and wrk. Figures only: nothing here is asserted.
#
# Usage: BUILD=build sh bench/serve.sh
set -eu
BUILD=${BUILD:-build}
DYAD=$BUILD/dyad
OUT=bench/out
DB=$OUT/serve.db
THREADS=${BENCH_THREADS:-32}
for tool in curl wrk; do
	command -v $tool >/dev/null 2>&1 || { echo "bench: no $tool: serve benchmark skipped"; exit 0; }
done
EVENTS=${BENCH_EVENTS:-1000000}
mkdir -p "$OUT"
if [ ! -f "$DB" ]; then
	command -v sqlite3 >/dev/null 2>&1 || { echo "bench: no sqlite3 shell: serve benchmark skipped"; exit 0; }
	# The schema comes from dyad itself (an empty ingest); the rows:
	# 10 countries x 3 agents, 8 codes, 10 years of days, one document.
	: | "$DYAD" ingest --db "$DB.tmp" --input jsonl
	sqlite3 "$DB.tmp" <<SQL
BEGIN;
INSERT INTO documents(doc_id, content_hash, date, source, text) VALUES ('bench', '0', '2010-01-01', 'bench', 'synthetic');
CREATE TEMP TABLE codes(k INTEGER PRIMARY KEY, code TEXT, quad INTEGER, g REAL, verb TEXT);
INSERT INTO codes VALUES (0,'040',1,1,'met'),(1,'042',1,1.9,'visited'),(2,'057',1,8,'signed a treaty with'),
 (3,'070',2,7,'sent aid to'),(4,'111',3,-2,'criticized'),(5,'130',3,-4.4,'threatened'),
 (6,'173',4,-5,'arrested'),(7,'190',4,-10,'attacked');
CREATE TEMP TABLE r AS
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < $EVENTS)
SELECT i, date('2010-01-01', '+' || (abs(random()) % 3650) || ' days') AS d,
	rtrim(substr('USARUSCHNJPNPRKKORGBRFRADEUIRN', (abs(random()) % 10) * 3 + 1, 3) || substr('   GOVMIL', (abs(random()) % 3) * 3 + 1, 3)) AS a,
	rtrim(substr('USARUSCHNJPNPRKKORGBRFRADEUIRN', (abs(random()) % 10) * 3 + 1, 3) || substr('   GOVMIL', (abs(random()) % 3) * 3 + 1, 3)) AS b,
	abs(random()) % 8 AS c FROM n;
INSERT INTO mentions(mention_id, doc_id, sid, sent, date, date_precision, day, source, target, code, root,
	quad, goldstein, source_text, target_text, verb_text, sentence)
SELECT i, 'bench', 'bench-' || i, i, d, 'day', d, a, b, codes.code, substr(codes.code, 1, 2), codes.quad, codes.g,
	a || ' officials', b || ' officials', codes.verb, a || ' officials ' || codes.verb || ' ' || b || ' officials.'
FROM r JOIN codes ON codes.k = r.c;
INSERT INTO events(event_id, date, date_precision, day, source, target, code, root, quad, goldstein,
	num_mentions, num_sources, num_articles, first_mention)
SELECT i, d, 'day', d, a, b, codes.code, substr(codes.code, 1, 2), codes.quad, codes.g, 1, 1, 1, i
FROM r JOIN codes ON codes.k = r.c;
COMMIT;
SQL
	mv "$DB.tmp" "$DB"
fi
"$DYAD" serve --db "$DB" --listen 127.0.0.1:0 --threads "$THREADS" 2>"$OUT/serve.log" &
PID=$!
trap 'kill $PID 2>/dev/null || true' EXIT
URL=""
for _ in $(seq 1 300); do
	port=$(sed -n 's|^dyad serve: listening on http://127\.0\.0\.1:\([0-9]*\) .*|\1|p' "$OUT/serve.log")
	[ -n "$port" ] && { URL="http://127.0.0.1:$port"; break; }
	sleep 0.1
done
[ -n "$URL" ] || { echo "bench: dyad serve did not start:"; cat "$OUT/serve.log"; exit 1; }
n=$(curl -s "$URL/api/health" | sed -n 's/.*"events":\([0-9]*\).*/\1/p')
echo "serve: $n events, $THREADS threads"

# median_ms PATH: the median of 9 answer times (after one warm-up), in ms.
median_ms() {
	curl -s -o /dev/null "$URL$1"
	for _ in 1 2 3 4 5 6 7 8 9; do
		curl -s -o /dev/null -w '%{time_total}\n' "$URL$1"
	done | sort -n | sed -n 5p | awk '{ printf "%.1f", $1 * 1000 }'
}
for p in "/api/series?source=JPN&target=PRK&both=1&by=month" \
	 "/api/series?source=USA&target=RUS&by=week" \
	 "/api/series?source=CHN&by=month" \
	 "/api/series?source=CHN&both=1&by=year" \
	 "/api/events?source=JPN&target=PRK&both=1" \
	 "/api/events?source=USA&from=2015-01-01&to=2015-12-31" \
	 "/api/events?code=190&limit=100" \
	 "/api/events"; do
	bytes=$(curl -s "$URL$p" | wc -c)
	echo "serve: GET $p: $(median_ms "$p") ms (median of 9), $bytes bytes"
done

# /api/actors reads the store's actor codes once a minute: the first
# request pays for it.
cold=$(curl -s -o /dev/null -w '%{time_total}' "$URL/api/actors?q=" | awk '{ printf "%.1f", $1 * 1000 }')
echo "serve: GET /api/actors?q=: $cold ms (the first: reads every actor code)," \
	"then /api/actors?q=jap: $(median_ms "/api/actors?q=jap") ms (median of 9)"

S="$URL/api/series?source=JPN&target=PRK&both=1&by=month"
wrk -t2 -c64 -d10s --latency "$S" >"$OUT/wrk.txt" 2>&1 || true
rps=$(sed -n 's/^Requests\/sec: *\([0-9.]*\).*/\1/p' "$OUT/wrk.txt")
p99=$(sed -n 's/^ *99% *\([0-9.a-z]*\).*/\1/p' "$OUT/wrk.txt")
total=$(sed -n 's/^ *\([0-9]*\) requests in.*/\1/p' "$OUT/wrk.txt")
errs=$(sed -n 's/^ *Socket errors: *\(.*\)/\1/p' "$OUT/wrk.txt")
non2xx=$(sed -n 's/^ *Non-2xx or 3xx responses: *\([0-9]*\).*/\1/p' "$OUT/wrk.txt")
echo "serve: wrk -t2 -c64 -d10s /api/series (JPN<->PRK by month): $rps requests/s," \
	"p99 $p99, $total requests, socket errors: ${errs:-none}, non-2xx: ${non2xx:-0}"
kill -TERM $PID
wait $PID && echo "serve: stopped cleanly (exit 0)"
trap - EXIT

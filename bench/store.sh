#!/bin/sh
# bench/store.sh - the event store's speed: `dyad ingest` of bench/mkcorpus
# JSON Lines into SQLite, coding included (sentences/s), then `dyad query
# series` on a database of one million synthetic events (milliseconds);
# then the same on PostgreSQL when it is installed. Needs the sqlite3
# shell and psql for the synthetic events. Figures only.
#
# Usage: BUILD=build sh bench/store.sh
set -eu
BUILD=${BUILD:-build}
DYAD=$BUILD/dyad
OUT=bench/out
SENTS=${BENCH_SENTENCES:-60000}
EVENTS=${BENCH_EVENTS:-1000000}
mkdir -p "$OUT"
ms() { date +%s%N | cut -c1-13; }

cc -O2 -std=c11 -o "$OUT/mkcorpus" bench/mkcorpus.c
"$OUT/mkcorpus" "$SENTS" >"$OUT/store-corpus.jsonl"
rm -f "$OUT/ingest.db" "$OUT/ingest.db-wal" "$OUT/ingest.db-shm"
t0=$(ms)
"$DYAD" ingest --db "$OUT/ingest.db" "$OUT/store-corpus.jsonl"
t1=$(ms)
echo "ingest: $SENTS sentences in $((t1 - t0)) ms:" \
	"$((SENTS * 1000 / (t1 - t0 + 1))) sentences/s, coding included (dyad's default dictionaries)"
t0=$(ms)
"$DYAD" ingest --db "$OUT/ingest.db" "$OUT/store-corpus.jsonl"
t1=$(ms)
echo "ingest again (every document unchanged): $((t1 - t0)) ms"

command -v sqlite3 >/dev/null 2>&1 || { echo "bench: no sqlite3 shell: series benchmark skipped"; exit 0; }
DB="$OUT/series.db"
rm -f "$DB" "$DB-wal" "$DB-shm"
# The schema comes from dyad itself (an empty ingest), the rows from SQL:
# 10 countries x 3 agents, 8 codes, 10 years of days. (MATERIALIZED: each
# row's random values drawn once, not again at every reference.)
: | "$DYAD" ingest --db "$DB" --input jsonl
sqlite3 "$DB" <<SQL
BEGIN;
CREATE TEMP TABLE codes(k INTEGER PRIMARY KEY, code TEXT, quad INTEGER, g REAL);
INSERT INTO codes VALUES (0,'040',1,1),(1,'042',1,1.9),(2,'057',1,8),(3,'070',2,7),
 (4,'111',3,-2),(5,'130',3,-4.4),(6,'173',4,-5),(7,'190',4,-10);
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < $EVENTS),
 r AS MATERIALIZED (SELECT abs(random()) % 3650 AS dd, abs(random()) % 10 AS a, abs(random()) % 3 AS ag,
	 abs(random()) % 10 AS b, abs(random()) % 3 AS bg, abs(random()) % 8 AS c FROM n)
INSERT INTO events(date, date_precision, day, source, target, code, root, quad, goldstein,
	num_mentions, num_sources, num_articles, first_mention)
SELECT date('2010-01-01', '+' || dd || ' days'), 'day', date('2010-01-01', '+' || dd || ' days'),
	substr('USARUSCHNJPNPRKKORGBRFRADEUIRN', a * 3 + 1, 3) || substr('   GOVMIL', ag * 3 + 1, 3),
	substr('USARUSCHNJPNPRKKORGBRFRADEUIRN', b * 3 + 1, 3) || substr('   GOVMIL', bg * 3 + 1, 3),
	codes.code, substr(codes.code, 1, 2), codes.quad, codes.g, 1, 1, 1, 0
FROM r JOIN codes ON codes.k = r.c;
UPDATE events SET source = rtrim(source), target = rtrim(target);
COMMIT;
SQL
n=$(sqlite3 "$DB" 'SELECT count(*) FROM events')
for q in "--source JPN --target PRK --both --by month" "--source USA --target RUS --by week" \
	 "--source CHN --by year" "--source CHN --both --by week" "--source KORGOV --target PRKMIL --by day --from 2012-01-01 --to 2013-12-31"; do
	# shellcheck disable=SC2086
	"$DYAD" query series --db "$DB" $q >/dev/null
	best=999999
	for _ in 1 2 3; do
		t0=$(ms)
		# shellcheck disable=SC2086
		"$DYAD" query series --db "$DB" $q >"$OUT/series.csv"
		t1=$(ms)
		[ $((t1 - t0)) -lt "$best" ] && best=$((t1 - t0))
	done
	echo "series on $n events ($q): $best ms, $(($(wc -l <"$OUT/series.csv") - 1)) periods (whole process, best of 3)"
done

# The same on PostgreSQL, when it is installed: a throwaway cluster
# (tests/pg/cluster.sh), the ingest, then one million events by SQL.
PGROOT=$(mktemp -d /tmp/dyad-bench-pg.XXXXXX)
chmod 755 "$PGROOT"
trap 'sh tests/pg/cluster.sh stop "$PGROOT/pg" 2>/dev/null; rm -rf "$PGROOT"' EXIT
if ! URL=$(sh tests/pg/cluster.sh start "$PGROOT/pg" 2>"$PGROOT/err"); then
	echo "bench: PostgreSQL part skipped: $(cat "$PGROOT/err")"
	exit 0
fi
t0=$(ms)
"$DYAD" ingest --db "$URL" "$OUT/store-corpus.jsonl"
t1=$(ms)
echo "PostgreSQL ingest: $SENTS sentences in $((t1 - t0)) ms:" \
	"$((SENTS * 1000 / (t1 - t0 + 1))) sentences/s, coding included"
B=$(cat "$PGROOT/pg/bindir")
"$B/createdb" -h "$PGROOT/pg" -p "$(cat "$PGROOT/pg/port")" -U "$(cat "$PGROOT/pg/user")" series
SURL=$(echo "$URL" | sed 's|:///dyad?|:///series?|')
: | "$DYAD" ingest --db "$SURL" --input jsonl
psql -X -q -d "$SURL" <<SQL
INSERT INTO documents VALUES ('bench', '', NULL, NULL, NULL, NULL, '');
INSERT INTO mentions(doc_id, source, target, code) VALUES ('bench', '---', '---', '---');
WITH codes(k, code, quad, g) AS (VALUES (0,'040',1,1.0),(1,'042',1,1.9),(2,'057',1,8.0),
 (3,'070',2,7.0),(4,'111',3,-2.0),(5,'130',3,-4.4),(6,'173',4,-5.0),(7,'190',4,-10.0)),
 r AS MATERIALIZED (SELECT (random() * 3649)::int AS dd, (random() * 9)::int AS a,
	(random() * 2)::int AS ag, (random() * 9)::int AS b, (random() * 2)::int AS bg,
	(random() * 7)::int AS c FROM generate_series(1, $EVENTS))
INSERT INTO events(date, date_precision, day, source, target, code, root, quad, goldstein,
	num_mentions, num_sources, num_articles, first_mention)
SELECT to_char(date '2010-01-01' + dd, 'YYYY-MM-DD'), 'day', to_char(date '2010-01-01' + dd, 'YYYY-MM-DD'),
	rtrim(substr('USARUSCHNJPNPRKKORGBRFRADEUIRN', a * 3 + 1, 3) || substr('   GOVMIL', ag * 3 + 1, 3)),
	rtrim(substr('USARUSCHNJPNPRKKORGBRFRADEUIRN', b * 3 + 1, 3) || substr('   GOVMIL', bg * 3 + 1, 3)),
	codes.code, substr(codes.code, 1, 2), codes.quad, codes.g, 1, 1, 1,
	(SELECT min(mention_id) FROM mentions)
FROM r JOIN codes ON codes.k = r.c;
ANALYZE;
SQL
n=$(psql -X -A -t -d "$SURL" -c 'SELECT count(*) FROM events')
for q in "--source JPN --target PRK --both --by month" "--source USA --target RUS --by week" \
	 "--source CHN --by year" "--source CHN --both --by week"; do
	# shellcheck disable=SC2086
	"$DYAD" query series --db "$SURL" $q >/dev/null
	best=999999
	for _ in 1 2 3; do
		t0=$(ms)
		# shellcheck disable=SC2086
		"$DYAD" query series --db "$SURL" $q >"$OUT/series.csv"
		t1=$(ms)
		[ $((t1 - t0)) -lt "$best" ] && best=$((t1 - t0))
	done
	echo "PostgreSQL series on $n events ($q): $best ms, $(($(wc -l <"$OUT/series.csv") - 1)) periods (best of 3)"
done

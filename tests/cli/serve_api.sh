#!/bin/sh
# dyad serve: the JSON API on a store ingested from tests/data/serve/api.jsonl
# (nine news items written for this test). Health counts, events and series
# against `dyad query` and against values computed by hand, actor search,
# live coding, every malformed request (400/404/405/413/414 naming the
# parameter), a 100 MB body, a half-sent request left open, a query over
# its time bound (503), and SIGTERM. Needs curl and jq; bash for /dev/tcp.
[ -n "${BASH_VERSION:-}" ] || exec bash "$0" "$@"
. tests/cli/lib.sh
# backends: sqlite pg (tests/run.sh runs it on both)
for tool in curl jq; do
	command -v $tool >/dev/null 2>&1 || { echo "$NAME: SKIP: $tool is not installed"; exit 77; }
done
DB=$(new_db api 2>/dev/null) || DB="$TMP/api.db"
"$DYAD" ingest --db "$DB" tests/data/serve/api.jsonl 2>"$TMP/e" || { cat "$TMP/e"; exit 1; }
PIDS=""
trap 'for p in $PIDS; do kill "$p" 2>/dev/null; done; rm -rf "$TMP"' EXIT

# start_server LOG ARGS...: starts dyad serve on a free port; sets PID and
# URL, or fails the test.
start_server() {
	log=$1; shift
	"$DYAD" serve --db "$DB" --listen 127.0.0.1:0 "$@" 2>"$log" &
	PID=$!
	PIDS="$PIDS $PID"
	URL=""
	for _ in $(seq 1 600); do
		port=$(sed -n 's|^dyad serve: listening on http://127\.0\.0\.1:\([0-9]*\) .*|\1|p' "$log")
		[ -n "$port" ] && { URL="http://127.0.0.1:$port"; break; }
		kill -0 $PID 2>/dev/null || break
		sleep 0.1
	done
	[ -n "$URL" ] || { echo "$NAME: the server did not start:"; cat "$log"; exit 1; }
	for _ in $(seq 1 100); do
		curl -s -o /dev/null "$URL/api/health" && return 0
		sleep 0.1
	done
	echo "$NAME: /api/health never answered"; exit 1
}

# stop_server: SIGTERM, then the exit status in $? (1 and a message when
# the server is still running 20 s later; it is then killed).
stop_server() {
	kill -TERM "$PID"
	for _ in $(seq 1 200); do
		case $(ps -o stat= -p "$PID" 2>/dev/null) in Z*|"") break ;; esac
		sleep 0.1
	done
	case $(ps -o stat= -p "$PID" 2>/dev/null) in
	Z*|"") wait "$PID" ;;
	*) echo "$NAME: dyad serve still runs 20 s after SIGTERM"; kill -KILL "$PID"; wait "$PID"; return 1 ;;
	esac
}

# get PATH [CURL ARGS...]: the answer's body in $TMP/b, headers in $TMP/h,
# status in $CODE.
get() {
	p=$1; shift
	CODE=$(curl -s -o "$TMP/b" -D "$TMP/h" -w '%{http_code}' "$@" "$URL$p")
}
# is STATUS PATH [CURL ARGS...]: the status must be STATUS.
is() {
	want=$1; shift
	get "$@"
	[ "$CODE" = "$want" ] || { echo "$NAME: $1: status $CODE, want $want:"; cat "$TMP/b"; echo; return 1; }
}
# json FILTER WANT: jq -c FILTER of the last body must print WANT.
json() {
	got=$(jq -c "$1" "$TMP/b" 2>&1)
	[ "$got" = "$2" ] || { echo "$NAME: $1: got $got, want $2"; return 1; }
}
# bad STATUS PARAM PATH [CURL ARGS...]: a JSON error naming PARAM ("" for
# none) with that status.
bad() {
	st=$1; prm=$2; shift 2
	is "$st" "$@" || return 1
	json '.error | type' '"string"' || return 1
	if [ -n "$prm" ]; then json .parameter "\"$prm\""; else json 'has("parameter")' false; fi
}
# header NAME VALUE: the last answer has that header.
header() {
	grep -qi "^$1: $2"$'\r'"\$" "$TMP/h" || { echo "$NAME: no '$1: $2' in:"; cat "$TMP/h"; return 1; }
}

start_server "$TMP/serve.log" --threads 4 --conn-timeout 2
check "startup line names threads and database" grep -q "(4 threads, database $DB)" "$TMP/serve.log"

# Health: 9 documents, 11 mentions, 10 events (a03 and a09 are one event).
check "health 200" is 200 /api/health
check "health counts" json '[.status,.version,.documents,.mentions,.events]' '["ok","0.1.0",9,11,10]'
check "JSON content type" header Content-Type 'application/json; charset=utf-8'
check "no-store" header Cache-Control no-store
check "nosniff" header X-Content-Type-Options nosniff

# Events: the same objects as `dyad query events --format jsonl`.
same_events() {
	q=$1; shift
	"$DYAD" query events --db "$DB" --format jsonl "$@" | jq -c . >"$TMP/want" || return 1
	is 200 "/api/events?$q" || return 1
	jq -c '.events[]' "$TMP/b" >"$TMP/got"
	cmp -s "$TMP/got" "$TMP/want" || { echo "$NAME: /api/events?$q differs from dyad query events:"; diff "$TMP/got" "$TMP/want" | head; return 1; }
}
check "events source=JPN = query" same_events "source=JPN" --source JPN
check "source=JPN: 4 events (JPN and JPNGOV)" json '[.total,.limit,.offset,(.events|length)]' '[4,100,0,4]'
check "source=JPN in date order" json '[.events[]|[.date,.source,.target,.code]]' \
	'[["2014-01-15","JPN","CHN","111"],["2014-01-15","JPNGOV","CHNGOV","040"],["2014-02-03","JPN","CHN","111"],["2014-04-09","JPNGOV","AUS","042"]]'
check "two articles of one event" json '.events[2]|[.num_mentions,.num_sources,.num_articles,.goldstein,.quad,.plover]' '[2,2,2,-2,3,"ACCUSE"]'
check "place and spans" json '.events[1]|[.location.name,.location.country,.source_text,.verb_text,.sentence[.verb_span[0]:.verb_span[1]]]' \
	'["Beijing","CHN","Japanese officials","met","met"]'
check "events actor=CHN quad=3 = query" same_events "actor=CHN&quad=3" --actor CHN --quad 3
check "actor=CHN quad=3: 3 events" json .total 3
check "events by dates = query" same_events "from=2014-02-01&to=2014-03-31" --from 2014-02-01 --to 2014-03-31
check "February and March: 5 events" json .total 5
check "events root and plover = query" same_events "root=11&plover=accuse" --root 11 --plover accuse
check "root 11: 4 events" json .total 4
check "events code = query" same_events "code=130" --code 130
check "code 130: 2 events" json .total 2
check "events place = query" same_events "place=Beijing" --place Beijing
check "events mentions = query" same_events "source=JPN&target=CHN&mentions=1" --source JPN --target CHN --mentions
check "JPN->CHN: 4 mentions" json '[.total,[.events[].doc]]' '[4,["a01","a01","a03","a09"]]'
check "events text = query" same_events "text=islands" --text islands
check "text islands: 2 events" json .total 2
check "paging = query" same_events "limit=3&offset=4" --limit 3 --offset 4
check "paging keeps the total" json '[.total,.limit,.offset,(.events|length)]' '[10,3,4,3]'
check "empty values are no filter" is 200 "/api/events?source=&limit="
check "... so every event" json '[.total,.limit]' '[10,100]'
check "offset past the end" is 200 "/api/events?offset=50"
check "... no rows, the total" json '[.total,(.events|length)]' '[10,0]'
check "both directions" is 200 "/api/events?source=JPN&target=CHN&both=1"
check "JPN<->CHN: 4 events" json '[.events[]|[.source,.target]]' '[["JPN","CHN"],["JPNGOV","CHNGOV"],["CHN","JPN"],["JPN","CHN"]]'

# Series: the rows of `dyad query series`, with each period's days.
same_series() {
	q=$1; shift
	"$DYAD" query series --db "$DB" "$@" | jq -R -s -c '[split("\n")[1:][] | select(length > 0) | split(",") |
		{period: .[0], events: (.[1]|tonumber), mentions: (.[2]|tonumber), goldstein_sum: (.[3]|tonumber),
		 goldstein_mean: (.[4]|tonumber), q1: (.[5]|tonumber), q2: (.[6]|tonumber), q3: (.[7]|tonumber), q4: (.[8]|tonumber)}]' >"$TMP/want"
	is 200 "/api/series?$q" || return 1
	jq -c '[.rows[] | del(.start, .end)]' "$TMP/b" >"$TMP/got"
	cmp -s "$TMP/got" "$TMP/want" || { echo "$NAME: /api/series?$q differs:"; cat "$TMP/got" "$TMP/want"; return 1; }
}
check "series JPN<->CHN by month = query" same_series "source=JPN&target=CHN&both=1&by=month" --source JPN --target CHN --both --by month
check "series head" json '[.source,.target,.both,.by]' '["JPN","CHN",true,"month"]'
# January: 111 (-2), 040 (+1), 130 (-4.4); February: one 111 event, 2 mentions.
check "series by hand" json '[.rows[]|[.period,.start,.end,.events,.mentions,.goldstein_sum,.goldstein_mean,.q1,.q3]]' \
	'[["2014-01","2014-01-01","2014-01-31",3,3,-5.4,-1.8,1,2],["2014-02","2014-02-01","2014-02-28",1,2,-2,-2,0,1]]'
check "series by ISO week = query" same_series "source=JPN&target=CHN&both=1&by=week" --source JPN --target CHN --both --by week
check "ISO weeks and their days" json '[.rows[]|[.period,.start,.end,.events]]' \
	'[["2014-W03","2014-01-13","2014-01-19",2],["2014-W04","2014-01-20","2014-01-26",1],["2014-W06","2014-02-03","2014-02-09",1]]'
check "series one actor by year = query" same_series "source=JPN&by=year" --source JPN --by year
check "JPN as source in 2014" json '[.target,(.rows[]|.period,.events,.mentions,.goldstein_sum,.q1,.q3)]' '[null,"2014",4,5,-1.1,2,2]'
check "series dates = query" same_series "source=RUS&both=1&by=day&from=2014-03-01&to=2014-03-31" --source RUS --both --by day --from 2014-03-01 --to 2014-03-31
check "by defaults to month" is 200 "/api/series?source=IND"
check "... IND in June 2015" json '[.by,(.rows|map(.period))]' '["month",["2015-06"]]'

# Actors: by code prefix (any case) and by dictionary name.
check "actors q=jp" is 200 "/api/actors?q=jp"
check "JPN 3 events, JPNGOV 2" json '.actors' '[{"code":"JPN","name":"Japan","events":3},{"code":"JPNGOV","name":"Japan (GOV)","events":2}]'
check "actors by name" is 200 "/api/actors?q=Bangla"
check "Bangladesh is BGD" json '.actors' '[{"code":"BGD","name":"Bangladesh","events":1}]'
check "actors q=us" is 200 "/api/actors?q=us"
check "codes starting with US first, then names holding it" json '[.actors[]|[.code,.name,.events]]' \
	'[["USA","United States",1],["RUS","Russian Federation",2],["AUS","Australia",1]]'
check "actors limit" is 200 "/api/actors?limit=2"
check "most events first" json '[.actors[]|.code]' '["CHN","JPN"]'

# Live coding, not stored.
check "POST /api/code" is 200 "/api/code?date=2014-05-01" --data-binary 'Japan criticized China over the disputed islands.'
check "its event with evidence" json '[.events[]|[.date,.source,.target,.code,.verb_text,.evidence.text]]' \
	'[["2014-05-01","JPN","CHN","111","criticized","Japan criticized China over the disputed islands."]]'
check "POST without events" is 200 "/api/code" --data-binary 'The weather was fine.'
check "... an empty list" json .events '[]'
check "not stored" is 200 /api/health
check "... still 10 events" json .events 10

# Identical requests at once share one answer; each gets all of it.
is 200 "/api/series?source=JPN&target=CHN&both=1&by=week" && cp "$TMP/b" "$TMP/series1"
is 200 "/api/events?actor=CHN" && cp "$TMP/b" "$TMP/events1"
cpids=""
for i in $(seq 1 24); do
	curl -s -m 20 -o "$TMP/par$i.s" "$URL/api/series?source=JPN&target=CHN&both=1&by=week" &
	cpids="$cpids $!"
	curl -s -m 20 -o "$TMP/par$i.e" "$URL/api/events?actor=CHN" &
	cpids="$cpids $!"
done
for p in $cpids; do wait "$p"; done
same=0
for i in $(seq 1 24); do
	cmp -s "$TMP/par$i.s" "$TMP/series1" && cmp -s "$TMP/par$i.e" "$TMP/events1" && same=$((same + 1))
done
check "48 requests at once: every answer whole and right ($same/24 pairs)" test "$same" -eq 24

# Malformed requests: a JSON error naming the parameter.
check "bad date" bad 400 from "/api/events?from=2014-13-45"
check "bad to" bad 400 to "/api/events?to=yesterday"
check "from after to" bad 400 from "/api/events?from=2015-01-01&to=2014-01-01"
check "unknown parameter" bad 400 sauce "/api/events?sauce=JPN"
check "repeated parameter" bad 400 limit "/api/events?limit=5&limit=6"
check "limit over 1000" bad 400 limit "/api/events?limit=1001"
check "limit not a number" bad 400 limit "/api/events?limit=ten"
check "limit 0" bad 400 limit "/api/events?limit=0"
check "negative offset" bad 400 offset "/api/events?offset=-1"
check "quad 5" bad 400 quad "/api/events?quad=5"
check "mentions=yes" bad 400 mentions "/api/events?mentions=yes"
check "both without source" bad 400 both "/api/events?both=1"
check "not UTF-8" bad 400 source "/api/events?source=%FF"
check "a NUL byte" bad 400 source "/api/events?source=JP%00N"
check "series needs source" bad 400 source "/api/series?by=month"
check "series by decade" bad 400 by "/api/series?source=JPN&by=decade"
check "series both=2" bad 400 both "/api/series?source=JPN&both=2"
check "series takes no limit" bad 400 limit "/api/series?source=JPN&limit=5"
check "actors q too long" bad 400 q "/api/actors?q=$(printf 'x%.0s' $(seq 1 65))"
check "code bad date" bad 400 date "/api/code?date=2014-02-30" --data-binary 'Japan criticized China.'
check "code empty body" bad 400 "" "/api/code" -X POST
check "code not UTF-8" bad 400 "" "/api/code" --data-binary $'Japan \xff criticized China.'
check "health takes nothing" bad 400 x "/api/health?x=1"
check "no such endpoint" bad 404 "" "/api/nothing"
check "POST to a GET endpoint" bad 405 "" "/api/events" -X POST
check "... Allow" header Allow 'GET, HEAD'
check "GET /api/code" bad 405 "" "/api/code"
check "... Allow: POST" header Allow POST
check "DELETE a page" bad 405 "" "/" -X DELETE
long=$(printf 'a%.0s' $(seq 1 9000))
check "URL too long" bad 414 "" "/api/events?text=$long"
check "no such file" bad 404 "" "/nothing.js"

# The dashboard's pages: only 'self'.
check "GET /" is 200 /
check "HTML" header Content-Type 'text/html; charset=utf-8'
check "CSP" grep -qi "^Content-Security-Policy: default-src 'self'" "$TMP/h"

# A 100 MB body: refused from its Content-Length, without reading it.
t0=$(date +%s%N)
CODE=$(head -c 100000000 /dev/zero | curl -s -o "$TMP/b" -w '%{http_code}' -H 'Content-Type: text/plain' --data-binary @- "$URL/api/code")
t1=$(date +%s%N)
check "100 MB body: 413" test "$CODE" = 413
check "... a JSON error" json '.error | test("larger than 1048576 bytes")' true
check "... within 5 s" test $(((t1 - t0) / 1000000)) -lt 5000
# The same sent chunked (no Content-Length): read, dropped, then 413.
CODE=$(head -c 100000000 /dev/zero | curl -s -o "$TMP/b" -w '%{http_code}' -T - -X POST "$URL/api/code")
check "100 MB chunked: 413" test "$CODE" = 413
check "still serving" is 200 /api/health

# A half-sent request left open: others are answered meanwhile, and it is
# cut off after --conn-timeout (2 s).
exec 3<>/dev/tcp/127.0.0.1/"${URL##*:}"
printf 'GET /api/health HTTP/1.1\r\nHost: x\r\n' >&3
t0=$(date +%s%N)
check "answered meanwhile" is 200 "/api/events?limit=1"
check "... at once" test $((($(date +%s%N) - t0) / 1000000)) -lt 1000
got=$(timeout 10 cat <&3; echo "rc=$?")
t1=$(date +%s%N)
exec 3<&-
check "half-sent request: closed without an answer" test "$got" = "rc=0"
ms=$(((t1 - t0) / 1000000))
check "... after about 2 s (took $ms ms)" test "$ms" -ge 1500 -a "$ms" -lt 6000

# SIGTERM: a clean stop.
stop_server
check "SIGTERM: exit 0" test $? -eq 0

# A query over its time bound: 503 with a JSON error. 200,000 events made
# with the sqlite3 shell, a bound of 1 ms.
if [ "${STORE:-sqlite}" = sqlite ] && command -v sqlite3 >/dev/null 2>&1; then
	sqlite3 "$DB" <<'SQL'
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 200000)
INSERT INTO events(date, date_precision, day, source, target, code, root, quad, goldstein,
	num_mentions, num_sources, num_articles, first_mention)
SELECT date('2000-01-01', '+' || (i % 3650) || ' days'), 'day', date('2000-01-01', '+' || (i % 3650) || ' days'),
	'USA', 'RUS', '111', '11', 3, -2, 1, 1, 1, 0 FROM n;
SQL
	start_server "$TMP/serve2.log" --timeout-ms 1 --threads 1
	check "over the time bound: 503" bad 503 "" "/api/series?source=USA&by=day"
	check "... says so" json '.error | test("longer than 1 ms")' true
	stop_server
	check "SIGTERM again: exit 0" test $? -eq 0
else
	echo "$NAME: time bound part skipped (needs the sqlite3 shell and an SQLite store)"
fi

# Bad command lines.
"$DYAD" serve --listen 127.0.0.1:0 2>"$TMP/e"
check "--db is required (exit 2)" test $? -eq 2
"$DYAD" serve --db "$DB" --listen nowhere:80 2>"$TMP/e"
check "--listen nowhere:80 (exit 2)" test $? -eq 2
check "... says what it wants" contains "$TMP/e" "want HOST:PORT"
"$DYAD" serve --db "$TMP/missing.db" --listen 127.0.0.1:0 2>"$TMP/e"
check "a missing database (exit 3)" test $? -eq 3
finish

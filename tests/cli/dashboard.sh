#!/bin/sh
# The dashboard in headless Chromium (Debian's chromium) against dyad serve
# on a store of tests/data/serve/dashboard.jsonl (Japan-China through 2014,
# written for this test). The page's self-test mode (hash selftest=1) clicks
# the chart at March 2014 and reports what it plotted and listed; this test
# checks that the chart's points are the rows /api/series returns, that the
# events listed (three pages of two) are exactly those /api/events returns
# for the period, values counted by hand from the fixture, and an API error
# shown on the page. Saves a screenshot to $BUILD/dashboard.png.
. tests/cli/lib.sh
BUILD=${BUILD:-build}
for tool in chromium curl jq; do
	command -v $tool >/dev/null 2>&1 || { echo "$NAME: SKIP: $tool is not installed"; exit 77; }
done
if ! "$DYAD" serve --help >/dev/null 2>&1 &&
   "$DYAD" serve 2>&1 | grep -q "unknown command"; then
	echo "$NAME: SKIP: this dyad has no serve command"; exit 77
fi
DB=$(new_db dashboard 2>/dev/null) || DB="$TMP/f.db"
"$DYAD" ingest --db "$DB" tests/data/serve/dashboard.jsonl 2>"$TMP/e" || { cat "$TMP/e"; exit 1; }
SPID=""
trap '[ -z "$SPID" ] || kill "$SPID" 2>/dev/null; rm -rf "$TMP"' EXIT

# The server on a free port (it prints the one it got).
"$DYAD" serve --db "$DB" --listen 127.0.0.1:0 2>"$TMP/serve.log" &
SPID=$!
URL=""
for _ in $(seq 1 300); do
	port=$(sed -n 's|^dyad serve: listening on http://127\.0\.0\.1:\([0-9]*\).*|\1|p' "$TMP/serve.log" 2>/dev/null)
	[ -n "$port" ] && { URL="http://127.0.0.1:$port"; break; }
	kill -0 "$SPID" 2>/dev/null || break
	sleep 0.1
done
[ -n "$URL" ] || { echo "$NAME: the server did not start:"; cat "$TMP/serve.log"; exit 1; }
up=0
for _ in $(seq 1 100); do
	curl -sf -o /dev/null "$URL/api/health" && { up=1; break; }
	sleep 0.1
done
[ "$up" = 1 ] || { echo "$NAME: /api/health never answered"; exit 1; }

# chrome OUT ARGS...: headless Chromium with its own profile; stdout to OUT.
chrome() {
	out=$1; shift
	timeout 120 chromium --headless=new --no-sandbox --disable-gpu \
		--user-data-dir="$TMP/profile" --no-first-run --hide-scrollbars \
		--virtual-time-budget=10000 "$@" >"$out" 2>>"$TMP/chromium.log"
}
# eq WHAT GOT WANT: two JSON texts must be equal (jq -S normal form).
eq() {
	g=$(printf '%s' "$2" | jq -cS . 2>&1); w=$(printf '%s' "$3" | jq -cS . 2>&1)
	[ -n "$g" ] && [ "$g" != null ] && [ "$g" = "$w" ] && return 0
	echo "$NAME: $1:"; echo "    page: $g"; echo "    API:  $w"; return 1
}

# Built without npm: the page must say that charts are unavailable and
# still list the periods; the rest of the test needs the charts.
if ! curl -sf -o /dev/null "$URL/uPlot.iife.min.js"; then
	chrome "$TMP/nochart.html" --window-size=1280,1000 --dump-dom "$URL/#source=CHN&target=JPN&both=1"
	check "notice shown" grep -q '<div id="nocharts" class="notice">' "$TMP/nochart.html"
	check "periods listed" grep -q '<th scope="row">2014-12</th>' "$TMP/nochart.html"
	[ "$fails" -eq 0 ] || exit 1
	echo "$NAME: SKIP: dyad was built without npm uplot (no charts to check)"; exit 77
fi

# 1. The files are served.
check "index.html served" sh -c "curl -sf '$URL/' | grep -q '<script src=\"app.js\"></script>'"
check "uPlot license served" sh -c "curl -sf '$URL/uplot.LICENSE' | grep -q 'The MIT License'"

# 2. The self-test: CHN and JPN both ways, by month, pages of two events,
# March 2014 clicked.
VIEW="source=CHN&target=JPN&both=1&by=month"
chrome "$TMP/dom.html" --window-size=1280,1000 \
	--dump-dom "$URL/#$VIEW&limit=2&period=2014-03&selftest=1"
sed -n 's|.*<pre id="selftest"[^>]*>\([^<]*\)</pre>.*|\1|p' "$TMP/dom.html" |
	sed 's/&lt;/</g; s/&gt;/>/g; s/&quot;/"/g; s/&amp;/\&/g' >"$TMP/report.json"
if ! jq -e '.ok == true' "$TMP/report.json" >/dev/null 2>&1; then
	echo "$NAME: the page's self-test did not pass:"
	head -c 2000 "$TMP/report.json"; echo
	grep -v -e dbus -e zygote "$TMP/chromium.log" | tail -5
	exit 1
fi
R=$(cat "$TMP/report.json")
curl -sf "$URL/api/series?$VIEW" >"$TMP/series.json" || { echo "$NAME: /api/series failed"; exit 1; }
S=$(cat "$TMP/series.json")
page() { printf '%s' "$R" | jq -c "$1"; }
api() { printf '%s' "$S" | jq -c "$1"; }

# The chart's points are the API's rows: x at each period's first day
# (00:00 UTC), the Goldstein means, and the quad counts stacked from class
# 4 up (the bar of class k reaches q_k + ... + q4).
check "x = period starts" eq "x" "$(page .chart.x)" \
	"$(api '[.rows[].start + "T00:00:00Z" | fromdateiso8601]')"
check "goldstein means" eq "goldstein_mean" "$(page .chart.goldstein_mean)" \
	"$(api '[.rows[].goldstein_mean]')"
check "stacked quads" eq "quad stacks" "$(page .chart.quad_stacks)" \
	"$(api '[[.rows[] | .q1 + .q2 + .q3 + .q4], [.rows[] | .q2 + .q3 + .q4], [.rows[] | .q3 + .q4], [.rows[] | .q4]]')"
check "quad labels" eq "quad labels" "$(page .chart.quad_labels)" \
	'["1 verbal cooperation","2 material cooperation","3 verbal conflict","4 material conflict"]'

# By hand from the fixture: twelve months of 2014; March has d07 (coast
# guard, 175 -9), d09 twice (111 -2, 1312 -5.8), d10 (173 -5), d11 ("urged
# China to release the detained employees": appeal for release, 0253 -0.3):
# 5 events, mean -22.1/5 = -4.42, q1 1, q3 2, q4 2.
check "twelve periods" eq "periods" "$(api '[.rows[].period]')" \
	'["2014-01","2014-02","2014-03","2014-04","2014-05","2014-06","2014-07","2014-08","2014-09","2014-10","2014-11","2014-12"]'
check "March by hand" eq "March" \
	"$(api '.rows[2] | {events, goldstein_mean, q1, q2, q3, q4, start, "end": .end}')" \
	'{"events":5,"goldstein_mean":-4.42,"q1":1,"q2":0,"q3":2,"q4":2,"start":"2014-03-01","end":"2014-03-31"}'
check "clicked March" eq "clicked" "$(page '.clicked | {index, period, cursor_idx}')" \
	'{"index":2,"period":"2014-03","cursor_idx":2}'

# Dragging from February to April on the Goldstein chart zooms both charts
# to that span (to a pixel: within a day), and a double-click restores them.
check "zoom synced" eq "zoomed" "$(page '.zoom.zoomed[0]')" "$(page '.zoom.zoomed[1]')"
check "zoom span" eq "zoom span" \
	"$(page '.zoom | [(.zoomed[0][0] - .dragged[0] | fabs) < 86400, (.zoomed[0][1] - .dragged[1] | fabs) < 86400, .dragged == [1391212800, 1396310400]]')" \
	'[true,true,true]'
check "zoom reset" eq "zoom reset" "$(page .zoom.reset)" "$(page .zoom.before)"

# The events listed for the clicked period are exactly /api/events's for
# it, in order, over every page; the table has one row each.
curl -sf "$URL/api/events?source=CHN&target=JPN&both=1&from=2014-03-01&to=2014-03-31&limit=1000" \
	>"$TMP/events.json" || { echo "$NAME: /api/events failed"; exit 1; }
check "listed events" eq "events" "$(page .listed.events)" \
	"$(jq -c '[.events[] | {doc, sid, code, source, target}]' "$TMP/events.json")"
check "total" eq "total" "$(page '[.listed.total, .listed.rows]')" \
	"$(jq -c '[.total, .total]' "$TMP/events.json")"
check "March events by hand" eq "sids" "$(page '[.listed.events[] | .sid + " " + .code]')" \
	'["d07-0 175","d09-0 111","d09-1 1312","d10-0 173","d11-0 0253"]'

# 3. The article panel: the page types this article (through the hash),
# presses Code, and lists /api/code's events; the words highlighted by their
# byte spans, written {class:text}, are where they should be by hand, past
# the non-ASCII letters and on the second "Japan" of the last sentence.
ARTICLE='Japan sent emergency food aid to China. In Zürich on Tuesday, “Chinese officials” met Japanese diplomats. After talks in Genève, Japan’s minister said Japan would send aid to China.'
ENC=$(jq -rn --arg a "$ARTICLE" '$a | @uri')
chrome "$TMP/code.html" --window-size=1280,1000 \
	--dump-dom "$URL/#$VIEW&period=2014-03&article_date=2014-03-01&selftest=1&article=$ENC"
sed -n 's|.*<pre id="selftest"[^>]*>\([^<]*\)</pre>.*|\1|p' "$TMP/code.html" |
	sed 's/&lt;/</g; s/&gt;/>/g; s/&quot;/"/g; s/&amp;/\&/g' >"$TMP/code.json"
C=$(cat "$TMP/code.json")
printf '%s' "$ARTICLE" | curl -sf --data-binary @- "$URL/api/code?date=2014-03-01" >"$TMP/coded.json" ||
	{ echo "$NAME: /api/code failed"; exit 1; }
check "coded events" eq "coded" "$(printf '%s' "$C" | jq -c '.coded.events')" \
	"$(jq -c '[.events[] | {sid, code, source, target}]' "$TMP/coded.json")"
check "coded by hand" eq "codes" "$(printf '%s' "$C" | jq -c '[.coded.events[] | .source + " " + .code + " " + .target]')" \
	'["JPN 073 CHN","CHNGOV 040 JPNGOV","JPNGOV 010 ---","JPN 033 CHN"]'
check "highlights" eq "highlights" "$(printf '%s' "$C" | jq -c '.coded.sentences')" \
	'["{src:Japan} {verb:sent} emergency food aid to {tgt:China}.","In Zürich on Tuesday, “{src:Chinese officials}” {verb:met} {tgt:Japanese diplomats}.","After talks in Genève, {src:Japan’s minister} {verb:said} Japan would send aid to China.","After talks in Genève, Japan’s minister said {src:Japan} would {verb:send} aid to {tgt:China}."]'

# 4. An API error is shown on the page (a month 13 is refused, naming "from").
chrome "$TMP/err.html" --window-size=1280,1000 --dump-dom "$URL/#source=CHN&from=2014-13-01"
check "error shown" sh -c "grep -o '<div id=\"error\"[^>]*>[^<]*' '$TMP/err.html' | grep -q 'HTTP 400'"

# 5. The screenshot: chart and the clicked period's table.
SHOT=$BUILD/dashboard.png
mkdir -p "$BUILD"
rm -f "$SHOT"
chrome "$TMP/shot.out" --window-size=1280,1400 --screenshot="$SHOT" \
	"$URL/#$VIEW&period=2014-03&selftest=1"
if [ -s "$SHOT" ] && [ "$(wc -c <"$SHOT")" -gt 20000 ]; then
	echo "$NAME: screenshot $SHOT"
else
	echo "$NAME: FAILED: no screenshot at $SHOT"
	fails=$((fails + 1))
fi
# The server stayed up and (in a sanitized build) reported nothing.
check "server alive" kill -0 "$SPID"
if grep -qE 'AddressSanitizer|runtime error|LeakSanitizer' "$TMP/serve.log"; then
	echo "$NAME: FAILED: the server's log has a sanitizer report:"; head -20 "$TMP/serve.log"
	fails=$((fails + 1))
fi
finish

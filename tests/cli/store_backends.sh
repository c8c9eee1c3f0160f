#!/bin/sh
# SQLite and PostgreSQL give the same answers: dyad's real-news set (394
# documents, coded with the default dictionaries, places and dates), then
# 40 of them again with changed text (replacing their events), is stored
# in both backends, and every query below must print the same bytes —
# events and mentions with each filter, paging, one-a-day, full text, the
# exports in every format — while series must agree row by row with sums
# equal to 1e-9. Needs a PostgreSQL cluster (DYAD_TEST_PG, which
# tests/run.sh provides when PostgreSQL is installed).
. tests/cli/lib.sh
if [ -z "${DYAD_TEST_PG:-}" ]; then
	echo "$NAME: SKIP: no PostgreSQL cluster (install postgresql; tests/run.sh starts one)"; exit 77
fi
C=tests/news/realnews.jsonl
SQ=$TMP/same.db
PG=$(STORE=pg new_db same) || exit 1
# 40 documents told again with one word changed: their events are replaced.
awk 'NR % 10 == 3' "$C" | sed 's/ on \([A-Z][a-z]*day\)/ late on \1/' >"$TMP/changed.jsonl"
for db in "$SQ" "$PG"; do
	"$DYAD" ingest --db "$db" "$C" 2>"$TMP/e" || { cat "$TMP/e"; exit 1; }
	"$DYAD" ingest --db "$db" "$TMP/changed.jsonl" 2>"$TMP/e" || { cat "$TMP/e"; exit 1; }
done
n=$("$DYAD" query events --db "$SQ" --format csv | awk 'END { print NR - 1 }')
check "a corpus worth comparing ($n events)" [ "$n" -gt 300 ]

same() {
	"$DYAD" "$@" --db "$SQ" >"$TMP/a" 2>"$TMP/ea"; ra=$?
	"$DYAD" "$@" --db "$PG" >"$TMP/b" 2>"$TMP/eb"; rb=$?
	if [ "$ra" -ne 0 ] || [ "$rb" -ne 0 ]; then
		echo "$NAME: $*: exit $ra (SQLite) / $rb (PostgreSQL)"; cat "$TMP/ea" "$TMP/eb"; return 1
	fi
	[ -s "$TMP/a" ] || { echo "$NAME: $*: no rows (every query here has some)"; return 1; }
	cmp -s "$TMP/a" "$TMP/b" && return 0
	echo "$NAME: $* differs:"; diff "$TMP/a" "$TMP/b" | head -6; return 1
}
while IFS= read -r args; do
	eval "set -- $args"
	check "query events $args" same query events --format jsonl "$@"
done <<'ARGS'

--mentions
--source USA
--target RUS
--actor CHN
--source ISR --target PSE
--root 19
--quad 4
--code 040
--plover consult
--place FRA
--place jerusalem
--from 2001-01-01 --to 2010-12-31
--limit 25 --offset 50
--mentions --limit 10 --offset 5
--one-a-day
--source USA --target IRQ --both
--source IRN --both
--text talks
--text president*
--text '"prime minister"'
--text 'missile OR rocket'
--text 'attack -israel'
--text killed --mentions
--actor IRN --quad 3 --from 1990-01-01
ARGS
for f in jsonl csv phoenix gdelt icews; do
	check "export $f" same export --format "$f"
	check "export $f --mentions" same export --format "$f" --mentions
done
check "export phoenix --one-a-day" same export --format phoenix --one-a-day

# Series: same periods and counts; sums and means equal to 1e-9.
series_same() {
	"$DYAD" query series "$@" --db "$SQ" >"$TMP/a" 2>&1 || { cat "$TMP/a"; return 1; }
	"$DYAD" query series "$@" --db "$PG" >"$TMP/b" 2>&1 || { cat "$TMP/b"; return 1; }
	[ "$(wc -l <"$TMP/a")" -gt 1 ] || { echo "$NAME: $*: an empty series"; return 1; }
	paste -d '|' "$TMP/a" "$TMP/b" | awk -F '|' -v what="$*" '
	{ na = split($1, a, ","); nb = split($2, b, ",")
	  if (na != nb) { print what ": row " NR ": " $1 " / " $2; bad = 1; next }
	  for (i = 1; i <= na; i++) {
		if (NR == 1 || i == 1 || i == 2 || i == 3 || i > 5) { if (a[i] != b[i]) { print what ": row " NR ": " $1 " / " $2; bad = 1 } }
		else { d = a[i] - b[i]; if (d < 0) d = -d; if (d > 1e-9) { print what ": row " NR " column " i ": " a[i] " / " b[i]; bad = 1 } }
	  } }
	END { exit bad }'
}
for by in day week month year; do
	check "series USA by $by" series_same --source USA --by "$by"
	check "series USA<->RUS by $by" series_same --source USA --target RUS --both --by "$by"
done
check "series ISR->PSE by month" series_same --source ISR --target PSE --by month
check "series IRQ either side, 1990s" series_same --source IRQ --both --by year --from 1990-01-01 --to 1999-12-31
check "series quad 4 of USA" series_same --source USA --quad 4 --by year
check "series with --text" series_same --source USA --by year --text "talks OR meeting"
check "series one-a-day" series_same --source USA --by year --one-a-day
finish

#!/bin/sh
# dyad query: filters (actor prefixes, codes, dates) and time series, on
# the fixture corpus; the expected series were computed by hand (Goldstein
# 122 = -4, 040 = 1, 071 = 7.4), and every series agrees with the events.
. tests/cli/lib.sh
# backends: sqlite pg (tests/run.sh runs it on both)
D="--verbs tests/data/dict/test.verbs.txt --actors tests/data/dict/test.actors.txt --agents tests/data/dict/test.agents.txt"
DB=$(new_db events) || exit 1
"$DYAD" ingest --db "$DB" $D tests/data/store/corpus.jsonl 2>"$TMP/e" || { cat "$TMP/e"; exit 1; }
q() { "$DYAD" query "$@" --db "$DB"; }

q events --source KES --format csv >"$TMP/o"
check "KES matches KES and KESGOV (2 events)" lines "$TMP/o" 3
check "prefix match reaches KESGOV" contains "$TMP/o" ',KESGOV,VAL,'
q events --actor DUN --format csv >"$TMP/o"
check "--actor on either side" lines "$TMP/o" 2
q events --root 12 --from 2014-03-05 --to 2014-12-31 --format csv >"$TMP/o"
check "root and date range: 2 events" lines "$TMP/o" 3
q events --code 071 --format jsonl >"$TMP/o"
check "jsonl with counts" contains "$TMP/o" '"code":"071","root":"07","quad":2,"goldstein":7.4,"plover":"AID"'
q events --limit 2 --format table >"$TMP/o"
check "--limit 2 (table with its header)" lines "$TMP/o" 3

q series --source VAL --target KES --by month >"$TMP/o"
cat >"$TMP/want" <<'CSV'
period,events,mentions,goldstein_sum,goldstein_mean,q1,q2,q3,q4
2014-03,3,4,4.4,1.46666666666667,1,1,1,0
2014-04,1,1,-4,-4,0,0,1,0
CSV
check "VAL->KES by month" cmp -s "$TMP/o" "$TMP/want"
q series --source VAL --target KES --both --by week >"$TMP/o"
cat >"$TMP/want" <<'CSV'
period,events,mentions,goldstein_sum,goldstein_mean,q1,q2,q3,q4
2014-W10,2,3,-3,-1.5,1,0,1,0
2014-W11,2,2,3.4,1.7,0,1,1,0
2014-W14,1,1,-4,-4,0,0,1,0
2015-W01,1,1,1,1,1,0,0,0
CSV
check "VAL<->KES by ISO week" cmp -s "$TMP/o" "$TMP/want"
q series --source VAL --by year --from 2014-01-01 --to 2014-12-31 >"$TMP/o"
check "VAL against all, 2014" contains "$TMP/o" '2014,4,5,0.4,0.1,1,1,2,0'

# Series agree with events: counts and Goldstein sums, for several dyads.
for args in "--source VAL --target KES" "--source KES" "--source DUN --target VAL"; do
	# shellcheck disable=SC2086
	q series $args --by day >"$TMP/s"
	# shellcheck disable=SC2086
	q events $args --format csv >"$TMP/ev"
	se=$(awk -F, 'NR > 1 { n += $2; g += $4 } END { printf "%d %.6f", n, g }' "$TMP/s")
	ev=$(awk -F, 'NR > 1 { n++; g += $10 } END { printf "%d %.6f", n, g }' "$TMP/ev")
	check "series = events for $args ($se vs $ev)" [ "$se" = "$ev" ]
done
finish

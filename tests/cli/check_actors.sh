#!/bin/sh
# tools/check-actors.sh: dyad's organisation actors and agents are clean
# (known code parts, valid dates, no phrase written twice, none also in the
# generated country actors), and the checker itself finds planted errors.
. tests/cli/lib.sh
BUILD=${BUILD:-build}
files="data/dict/dyad.organizations.actors.txt data/dict/dyad.agents.txt"
[ -r "$BUILD/gen/dyad.countries.actors.txt" ] && files="$files $BUILD/gen/dyad.countries.actors.txt"

# shellcheck disable=SC2086
sh tools/check-actors.sh $files >"$TMP/o" 2>&1; rc=$?
check "default organisations and agents pass" [ $rc -eq 0 ]
check "summary line printed" contains "$TMP/o" "0 problems"
[ $rc -eq 0 ] || sed 's/^/    /' "$TMP/o" | head -20

# Planted errors: unknown part, bad date, reversed range, duplicate
# phrase, entry without a code, agent code without '~'.
printf 'ZORB [ABCGOV]\n+QUUX\nBLIP\n\t[USAGOV 20200230-20200301]\n\t[USA 20200301-20190101]\nPLONK [USA]\n+QUUX\nNOCODE\n' >"$TMP/t.actors.txt"
printf 'DUCAT [GOV]\nDUCAT [~GOV]\n' >"$TMP/t.agents.txt"
sh tools/check-actors.sh "$TMP/t.actors.txt" "$TMP/t.agents.txt" >"$TMP/o" 2>&1; rc=$?
check "planted errors fail" [ $rc -eq 1 ]
if [ -r ../shared/cameo/actor-codes.tsv ]; then
	check "unknown code part" contains "$TMP/o" 't.actors.txt:1: code "ABCGOV": unknown part "ABC"'
fi
check "impossible date" contains "$TMP/o" 't.actors.txt:4: invalid date "20200230"'
check "reversed range" contains "$TMP/o" 't.actors.txt:5: date range'
check "duplicate phrase" contains "$TMP/o" 't.actors.txt:7: phrase QUUX also at'
check "entry without code" contains "$TMP/o" 't.actors.txt:8: entry NOCODE has no code'
check "agent code without ~" contains "$TMP/o" 't.agents.txt:1: agent code "GOV"'
finish

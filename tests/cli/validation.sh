#!/bin/sh
# The PETRARCH validation records (../shared): dyad must pass at least 75 %
# exactly, from raw text and from the supplied parses (evaluation.md).
. tests/cli/lib.sh
R=../shared/validation/PETR.UnitTest.visible.xml
need_shared "$R"
MIN=${DYAD_MIN_EXACT:-75}
"$DYAD" validate -q --min-exact "$MIN" "$R" >"$TMP/raw" 2>"$TMP/e"; rc=$?
grep -E '^TOTAL' "$TMP/raw" | sed 's/^/raw text:   /'
check "raw text: at least $MIN % exact (exit $rc)" [ $rc -eq 0 ]
"$DYAD" validate -q --use-parse --min-exact "$MIN" "$R" >"$TMP/parse" 2>"$TMP/e"; rc=$?
grep -E '^TOTAL' "$TMP/parse" | sed 's/^/with parse: /'
check "with parse: at least $MIN % exact (exit $rc)" [ $rc -eq 0 ]
finish

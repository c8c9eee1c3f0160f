#!/bin/sh
# tests/valgrind.sh DYAD - runs the CLI under valgrind on good and bad
# inputs; any memory error or leak fails.
set -u
DYAD=${1:-build/dyad}
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
VG="valgrind -q --error-exitcode=99 --leak-check=full --errors-for-leak-kinds=definite,indirect"
D="--verbs tests/data/dict/test.verbs.txt --actors tests/data/dict/test.actors.txt --agents tests/data/dict/test.agents.txt"
fail=0
run() {
	$VG "$@" >"$TMP/o" 2>"$TMP/e"
	if [ $? -eq 99 ]; then echo "valgrind: errors in: $*"; cat "$TMP/e"; fail=1; fi
}
run "$DYAD" code data/examples/example-article.txt
printf '%s\n' '{"id":"a","date":"2020-01-02","text":"Valoria condemned Kestria."}' '{"id":"b"' >"$TMP/in.jsonl"
run "$DYAD" code $D "$TMP/in.jsonl"
printf 'Valoria \377 condemned\000 Kestria.' >"$TMP/bad.txt"
run "$DYAD" code $D --format phoenix "$TMP/bad.txt"
run "$DYAD" explain $D "Kestrian troops met with Valoria."
if [ -e ../shared/validation/PETR.UnitTest.visible.xml ]; then
	run "$DYAD" validate -q ../shared/validation/PETR.UnitTest.visible.xml
	run "$DYAD" validate -q --use-parse ../shared/validation/PETR.UnitTest.visible.xml
else
	echo "valgrind: SKIP validation records (../shared absent)"
fi
[ $fail -eq 0 ] && echo "valgrind: clean"
exit $fail

#!/bin/sh
# tests/run.sh - every dyad test: unit tests (Criterion), golden tests
# (dictionary + sentence + expected events, tests/golden/*.golden), CLI
# tests (tests/cli/*.sh) and the PETRARCH validation records when
# ../shared is present. Ends with one line "N passed, N failed, N skipped";
# exits non-zero if anything failed. A skip is never counted as a pass.
#
# Usage: BUILD=build sh tests/run.sh

set -u
BUILD=${BUILD:-build}
DYAD=$BUILD/dyad
export DYAD BUILD
pass=0 fail=0 skip=0
failed_names=""

ok()   { pass=$((pass + 1)); }
bad()  { fail=$((fail + 1)); failed_names="$failed_names $1"; echo "FAIL: $1"; }
skp()  { skip=$((skip + 1)); echo "SKIP: $1"; }

# 1. Unit tests.
echo "== unit tests"
out=$("$BUILD/unit-tests" --jobs 1 --verbose 2>&1); rc=$?
echo "$out" | grep -E '^\[----\]|FAIL|SKIP|Synthesis|Warning|Assertion' | head -80
synth=$(echo "$out" | grep 'Synthesis:' | tail -1)
if [ -z "$synth" ]; then
	bad "unit-tests (no synthesis line; exit $rc)"
else
	t=$(echo "$synth" | sed -n 's/.*Tested: \([0-9]*\).*/\1/p')
	p=$(echo "$synth" | sed -n 's/.*Passing: \([0-9]*\).*/\1/p')
	f=$(echo "$synth" | sed -n 's/.*Failing: \([0-9]*\).*/\1/p')
	c=$(echo "$synth" | sed -n 's/.*Crashing: \([0-9]*\).*/\1/p')
	s=$(echo "$out" | grep -c '\[SKIP\]')
	pass=$((pass + p)); fail=$((fail + f + c)); skip=$((skip + s))
	[ "$rc" -eq 0 ] || [ $((f + c)) -gt 0 ] || bad "unit-tests exit $rc"
	[ $((f + c)) -eq 0 ] || failed_names="$failed_names unit-tests"
	echo "unit: $t tested, $p passed, $((f + c)) failed, $s skipped"
fi

# 2. Golden tests.
echo "== golden tests"
for g in tests/golden/*.golden; do
	[ -e "$g" ] || continue
	sh tests/golden.sh "$g"; rc=$?
	case $rc in
	0) ok ;;
	77) skp "$g" ;;
	*) bad "$g" ;;
	esac
done

# The store tests run on PostgreSQL too: on the cluster DYAD_TEST_PG names
# (a directory made by tests/pg/cluster.sh, as .ci/run does), else on a
# throwaway cluster started here when PostgreSQL is installed.
pg_own=""
if [ -z "${DYAD_TEST_PG:-}" ]; then
	# (the server's user, postgres when root, must reach the directory)
	pg_own=$(mktemp -d /tmp/dyad-pg.XXXXXX) && chmod 755 "$pg_own" && pg_own=$pg_own/pg
	if sh tests/pg/cluster.sh start "$pg_own" >/dev/null 2>"$pg_own.err"; then
		DYAD_TEST_PG=$pg_own
		export DYAD_TEST_PG
		trap 'sh tests/pg/cluster.sh stop "$pg_own"; rm -rf "$(dirname "$pg_own")"' EXIT
	else
		echo "no PostgreSQL cluster for the store tests: $(cat "$pg_own.err" 2>/dev/null)"
		rm -rf "$(dirname "$pg_own")"
		pg_own=""
	fi
fi

# 3. CLI tests: exit 0 pass, 77 skip (with a reason printed), else fail.
echo "== CLI tests"
for t in tests/cli/*.sh; do
	[ -e "$t" ] || continue
	sh "$t"; rc=$?
	case $rc in
	0) ok ;;
	77) skp "$t" ;;
	*) bad "$t" ;;
	esac
done

# 4. The store tests marked "# backends: sqlite pg", again on PostgreSQL.
echo "== store tests on PostgreSQL"
for t in $(grep -l '^# backends: sqlite pg' tests/cli/*.sh); do
	if [ -z "${DYAD_TEST_PG:-}" ]; then
		skp "$t (postgresql): no PostgreSQL cluster"
		continue
	fi
	DYAD_TEST_STORE=pg sh "$t"; rc=$?
	case $rc in
	0) ok ;;
	77) skp "$t (postgresql)" ;;
	*) bad "$t (postgresql)" ;;
	esac
done

echo
[ -z "$failed_names" ] || echo "failed:$failed_names"
echo "$pass passed, $fail failed, $skip skipped"
[ "$fail" -eq 0 ]

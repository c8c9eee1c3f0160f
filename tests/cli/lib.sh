# tests/cli/lib.sh - helpers for the CLI tests (sourced, not run).
DYAD=${DYAD:-build/dyad}
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
NAME=$(basename "$0" .sh)
fails=0
# check DESCRIPTION COMMAND...: the command must succeed.
check() {
	d=$1; shift
	if "$@"; then :; else echo "$NAME: FAILED: $d"; fails=$((fails + 1)); fi
}
# contains FILE TEXT: FILE must contain the fixed string TEXT.
contains() {
	if grep -qF -- "$2" "$1"; then return 0; fi
	echo "$NAME: '$2' not found in:"; sed 's/^/    /' "$1" | head -20; return 1
}
# lines FILE N: FILE has exactly N lines.
lines() {
	n=$(wc -l <"$1")
	[ "$n" -eq "$2" ] || { echo "$NAME: $1 has $n lines, want $2"; return 1; }
}
finish() { [ "$fails" -eq 0 ] || exit 1; exit 0; }
# need_shared FILE: skip the test (exit 77) when the shared material is absent.
need_shared() {
	[ -e "$1" ] || { echo "$NAME: SKIP: $1 absent (tests need ../shared)"; exit 77; }
}

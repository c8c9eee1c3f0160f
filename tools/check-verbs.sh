#!/bin/sh
# check-verbs.sh - mechanical checks of a PETRARCH-1/TABARI verb dictionary
# (by default dyad's own data/dict/dyad.verbs.txt): every code is a CAMEO
# code, patterns per code, distinct patterns, verb forms defined in more than
# one block, synsets used before definition or never used (a reference
# "&A_B" names the longest synset defined so far, as the loader reads it),
# verbs whose generated forms are probably wrong (they need a {} list).
#
# Usage: tools/check-verbs.sh [VERBS_FILE [CODES_TSV]]
#   CODES_TSV defaults to ../shared/cameo/codes.tsv; when it is absent the
#   code checks are skipped with a message. Exit status 1 when an unknown
#   code, a duplicate verb form or an undefined synset is found.
# Options (environment): VERBOSE=1 lists the pattern counts of every code.
#   SYNSETS="FILE..." verb files whose synsets are defined before VERBS_FILE
#   (read for their synset names only). By default, a part file
#   dyad-NN-*.verbs.txt gets dyad-00-synsets.verbs.txt from its directory.
#   ROOTS="01 02 ..." limits the per-code summary to these CAMEO roots.

set -eu
verbs=${1:-data/dict/dyad.verbs.txt}
codes=${2:-../shared/cameo/codes.tsv}

if [ ! -r "$verbs" ]; then
	echo "check-verbs: cannot read $verbs" >&2
	exit 2
fi
if [ -r "$codes" ]; then
	have_codes=1
else
	echo "check-verbs: $codes not found: code checks skipped"
	have_codes=0
	codes=/dev/null
fi

if [ -z "${SYNSETS+x}" ]; then
	SYNSETS=""
	d=$(dirname "$verbs"); b=$(basename "$verbs")
	case $b in
	dyad-00-*) ;;
	dyad-[0-9][0-9]-*.verbs.txt)
		[ -r "$d/dyad-00-synsets.verbs.txt" ] && SYNSETS="$d/dyad-00-synsets.verbs.txt" ;;
	esac
fi

# shellcheck disable=SC2086
exec awk -v have_codes="$have_codes" -v verbose="${VERBOSE:-0}" \
	-v codesfile="$codes" -v synfiles="$SYNSETS" -v roots="${ROOTS:-}" '
# ---- helpers ---------------------------------------------------------
function trim(s) { sub(/^[ \t\r]+/, "", s); sub(/[ \t\r]+$/, "", s); return s }
function upper(s) { return toupper(s) }
# regular forms as the loader generates them (petrarch-semantics.md 1.1)
function form(w, which,   last) {
	last = substr(w, length(w), 1)
	if (which == 0) return (last ~ /[SXZ]/) ? w "ES" : w "S"
	if (which == 1) return (last == "E") ? w "D" : w "ED"
	if (last == "E") w = substr(w, 1, length(w) - 1)
	return w "ING"
}
# a verb whose generated forms are likely wrong
function suspicious(w,   n) {
	n = length(w)
	if (w ~ /[^AEIOU]Y$/) return "consonant + Y"
	if (w ~ /(CH|SH)$/) return "ends in CH/SH"
	if (w ~ /(EE|IE|OE)$/) return "ends in EE/IE/OE"
	if (w ~ /[^AEIOU]O$/) return "ends in O"
	if (w ~ /^[^AEIOU]*[AEIOU][BDGKLMNPRTV]$/ && n <= 4) return "short CVC word (doubling?)"
	if (w ~ /(MIT|PEL|BAR|FER|CUR|TROL|GRET|BET|DROP|STOP|PLAN|BAN|SHUN|SNUB|SPUR|TAP|SLAP|TRAP|STRIP|SCRAP|NAB|GRAB|STAB|WRAP|RIG|BOMB)$/ && w !~ /(DIFFER|OFFER|SUFFER|ALTER|ENTER|RENDER|BOMB)$/) return "final consonant may double"
	return ""
}
function addcode(c, where,   parts, np, i, x) {
	np = split(c, parts, ":")
	for (i = 1; i <= np; i++) {
		x = parts[i]
		if (x == "---" || x == "") continue
		used[x]++
		if (have_codes && !(x in known)) {
			printf "%s:%d: unknown CAMEO code [%s] (%s)\n", FILENAME, FNR, x, where
			errors++
		}
	}
}
function rootof(c) { return substr(c, 1, 2) }

BEGIN { npre = split(synfiles, prel, /[ \t]+/); for (i = 1; i <= npre; i++) if (prel[i] != "") pre[prel[i]] = 1 }
# ---- pass 0: synset names of the files loaded before -------------------
FILENAME in pre {
	if ($0 ~ /^&/) { name = toupper(substr($1, 2)); sub(/_+$/, "", name); syndef[name] = FNR; synused[name]++ }
	next
}
# ---- pass 1: the CAMEO codes -------------------------------------------
FILENAME == codesfile && have_codes {
	if (FNR == 1 && $1 == "code") next
	split($0, f, "\t")
	known[f[1]] = 1
	if (length(f[1]) > 2 && (roots == "" || index(" " roots " ", " " substr(f[1], 1, 2) " "))) { leaf[f[1]] = 1; nleaf++ }
	next
}
FILENAME == codesfile { next }

# ---- pass 2: the verb dictionary --------------------------------------
{
	line = $0
	if (incomment) {
		if (index(line, "-->")) incomment = 0
		next
	}
	if (line ~ /^[ \t]*<!--/ && !index(line, "-->")) { incomment = 1; next }
	if (line ~ /^[ \t]*<!/) next
	sub(/#.*/, "", line)
	line = trim(line)
	if (line == "") next
}
# synset header
substr(line, 1, 1) == "&" {
	name = upper(substr(line, 2)); sub(/_+$/, "", name)
	if (name in syndef) {
		printf "%s:%d: synset &%s defined twice\n", FILENAME, FNR, name
		errors++
	}
	syndef[name] = FNR; insyn = 1; nsyn++
	next
}
substr(line, 1, 1) == "+" && insyn {
	m = upper(trim(substr(line, 2))); gsub(/_/, " ", m); gsub(/ +/, " ", m)
	if ((name SUBSEP m) in synmem) {
		printf "%s:%d: member \"%s\" listed twice in &%s\n", FILENAME, FNR, m, name
		warnings++
	}
	synmem[name SUBSEP m] = 1; nmem++
	next
}
{ insyn = 0 }
# block header
substr(line, 1, 3) == "---" {
	nblock++
	label = line; sub(/^-+[ \t]*/, "", label)
	bcode = "---"
	if (match(label, /\[[^]]*\]/)) bcode = trim(substr(label, RSTART + 1, RLENGTH - 2))
	sub(/[ \t]*\[.*$/, "", label); sub(/[ \t]*-+$/, "", label)
	blabel[nblock] = label; bline[nblock] = FNR
	addcode(bcode, "block " label)
	bcodeof[nblock] = bcode
	if (bcode != "---") vcodes[bcode]++
	next
}
# pattern
substr(line, 1, 1) == "-" {
	if (!nblock) { printf "%s:%d: pattern before any block\n", FILENAME, FNR; errors++; next }
	p = line
	pc = ""
	if (match(p, /\[[^]]*\]/)) pc = trim(substr(p, RSTART + 1, RLENGTH - 2))
	else { printf "%s:%d: pattern without [code]\n", FILENAME, FNR; errors++; next }
	body = substr(p, 2, RSTART - 2); body = trim(body); gsub(/[ \t]+/, " ", body)
	nstar = gsub(/\*/, "*", body)
	if (nstar != 1) { printf "%s:%d: pattern has %d stars\n", FILENAME, FNR, nstar; errors++ }
	# synsets used
	tmp = body
	while (match(tmp, /&[A-Za-z0-9_]+/)) {
		s = upper(substr(tmp, RSTART + 1, RLENGTH - 1)); sub(/_+$/, "", s)
		# the loader reads the longest name defined so far that the
		# reference spells up to a "_" ("&NOT_FUT_" is NOT_FUT, while
		# "&VCOPULA_A" is VCOPULA followed by the word A)
		if (!(s in syndef) && index(s, "_")) {
			np = split(s, part, "_"); s1 = ""; cand = part[1]
			for (q = 1; q <= np; q++) {
				if (q > 1) cand = cand "_" part[q]
				if (cand in syndef) s1 = cand
			}
			if (s1 != "") s = s1
		}
		if (!(s in syndef)) {
			printf "%s:%d: synset &%s not defined before use\n", FILENAME, FNR, s
			errors++
		}
		synused[s]++
		tmp = substr(tmp, RSTART + RLENGTH)
	}
	addcode(pc, "pattern")
	key = upper(body) " [" pc "]"
	if ((nblock SUBSEP key) in bpat) {
		printf "%s:%d: pattern repeats line %d in block %s\n", FILENAME, FNR, bpat[nblock SUBSEP key], blabel[nblock]
		warnings++
		next
	}
	bpat[nblock SUBSEP key] = FNR
	npat++
	if (!(key in gpat)) { gpat[key] = 1; ndistinct++ }
	bodykey = upper(body)
	if (!(bodykey in gbody)) { gbody[bodykey] = 1; ndbody++ }
	nc = split(pc, cc, ":")
	for (i = 1; i <= nc; i++) {
		if (cc[i] == "---" || cc[i] == "") continue
		pats[cc[i]]++
	}
	if (pc != "---") {
		r = rootof(cc[1]); rootpat[r]++
	} else nnull++
	next
}
# verb line
{
	if (!nblock) { printf "%s:%d: verb before any block\n", FILENAME, FNR; errors++; next }
	v = line; vc = ""; fl = ""; hasforms = 0
	if (match(v, /\[[^]]*\]/)) { vc = trim(substr(v, RSTART + 1, RLENGTH - 2)) }
	if (match(v, /\{[^}]*\}/)) { fl = substr(v, RSTART + 1, RLENGTH - 2); hasforms = 1 }
	ph = v; sub(/[ \t]*[{[].*$/, "", ph); ph = upper(trim(ph))
	if (vc != "") { addcode(vc, "verb " ph); if (vc != "---") vcodes[vc]++ }
	nverb++
	# the verb word: marked with +, else the first word
	nw = split(ph, w, /[_ ]+/)
	vi = 1
	for (i = 1; i <= nw; i++) if (substr(w[i], 1, 1) == "+") { vi = i; w[i] = substr(w[i], 2) }
	base = ""
	for (i = 1; i <= nw; i++) base = base (i > 1 ? " " : "") w[i]
	register(base, ph)
	if (hasforms) {
		nf = split(upper(fl), ff, /[ \t]+/)
		for (k = 1; k <= nf; k++) {
			if (ff[k] == "") continue
			fw = ff[k]; gsub(/\+/, "", fw); gsub(/_/, " ", fw)
			register(fw, ph)
		}
	} else {
		why = (nw == 1 || vi <= nw) ? suspicious(w[vi]) : ""
		if (why != "") {
			printf "%s:%d: verb %s has generated forms but %s: list its forms in {}\n", FILENAME, FNR, ph, why
			warnings++
		}
		for (k = 0; k < 3; k++) {
			f2 = ""
			for (i = 1; i <= nw; i++) f2 = f2 (i > 1 ? " " : "") (i == vi ? form(w[i], k) : w[i])
			register(f2, ph)
		}
	}
	next
}
function register(f, ph) {
	if ((f in vform) && vblock[f] != nblock) {
		printf "%s:%d: verb form %s (of %s) is already in block %s (line %d)\n", FILENAME, FNR, f, ph, blabel[vblock[f]], vline[f]
		errors++
		return
	}
	vform[f] = 1; vblock[f] = nblock; vline[f] = FNR
}
END {
	for (s in syndef) if (!(s in synused)) {
		printf "%s:%d: synset &%s is never used\n", FILENAME, syndef[s], s
		warnings++
	}
	print ""
	printf "blocks %d, verb lines %d, synsets %d (%d members)\n", nblock, nverb, nsyn, nmem
	printf "pattern lines %d, distinct pattern lines %d, distinct pattern bodies %d, null [---] patterns %d\n", npat, ndistinct, ndbody, nnull
	print "patterns per root (first code of each pattern):"
	out = ""
	for (r = 1; r <= 20; r++) {
		rr = sprintf("%02d", r)
		out = out sprintf("  %s:%d", rr, rootpat[rr] + 0)
		if (r % 10 == 0) { print out; out = "" }
	}
	if (have_codes) {
		nmiss = 0; nfew = 0; misslist = ""; fewlist = ""
		for (c in leaf) {
			n = pats[c] + 0
			if (n == 0 && !(c in vcodes)) { nmiss++; misslist = misslist " " c }
			else if (n < 3) { nfew++; fewlist = fewlist " " c "(" n ")" }
			if (verbose) printf "  code %s: %d patterns, %d verbs\n", c, n, vcodes[c] + 0
		}
		printf "CAMEO codes (3-4 digits) %d: with no verb and no pattern %d, with fewer than 3 patterns %d\n", nleaf, nmiss, nfew
		if (nmiss) print "  missing:" misslist
		if (nfew) print "  fewer than 3 patterns:" fewlist
	}
	printf "errors %d, warnings %d\n", errors + 0, warnings + 0
	exit errors ? 1 : 0
}
' "$codes" $SYNSETS "$verbs"

#!/bin/sh
# check-actors.sh - mechanical checks of dyad's actor dictionaries: every
# code part is known, date lines are well formed, phrases are not defined
# twice (within a file or across the files), every entry has a code; prints
# the counts of each file. Agent files (*.agents.txt) given too are checked
# for their codes ([~XYZ] or [XYZ~], parts known) and for phrases written
# twice.
#
# Usage: tools/check-actors.sh [DICT_FILE...]
#   With no file: data/dict/*.actors.txt, data/dict/*.agents.txt and, when
#   it has been built, $BUILD/gen/dyad.countries.actors.txt (BUILD defaults
#   to build).
# Environment: ISO_JSON (default /usr/share/iso-codes/json/iso_3166-1.json,
#   Debian iso-codes), ACTOR_CODES (default ../shared/cameo/actor-codes.tsv;
#   when absent the check of the non-country parts is skipped with a
#   message), QUIET=1 prints only the problems and the totals.
#
# What a code may be made of: 3-letter parts, each an ISO 3166-1 alpha-3
# country, XKX (Kosovo, the user-assigned code dyad's country table uses),
# a type, region or group of actor-codes.tsv, or a part declared by a line
#   #@code XYZ  what it stands for
# in one of the checked files (dyad's own additions, e.g. IGOGTW for the
# G20). "---" is the null code; "A/B" is two codes. Dates: YYYYMMDD or
# YYMMDD (00-30 = 20YY), real calendar dates, a range not ending before it
# starts. Phrases are compared upper-cased with '_' and blanks alike.
# Exit status: 1 when a problem is found, 2 when a file cannot be read.

set -eu
iso=${ISO_JSON:-/usr/share/iso-codes/json/iso_3166-1.json}
parts=${ACTOR_CODES:-../shared/cameo/actor-codes.tsv}
build=${BUILD:-build}

if [ $# -eq 0 ]; then
	set -- data/dict/*.actors.txt
	for f in data/dict/*.agents.txt; do
		[ -e "$f" ] && set -- "$@" "$f"
	done
	if [ -r "$build/gen/dyad.countries.actors.txt" ]; then
		set -- "$@" "$build/gen/dyad.countries.actors.txt"
	else
		echo "check-actors: $build/gen/dyad.countries.actors.txt not built (run make): not checked"
	fi
fi
for f in "$iso" "$@"; do
	if [ ! -r "$f" ]; then
		echo "check-actors: cannot read $f" >&2
		exit 2
	fi
done
if [ -r "$parts" ]; then
	have_parts=1
else
	echo "check-actors: $parts not found: non-country code parts not checked"
	have_parts=0
	parts=/dev/null
fi

isolist=$(grep -o '"alpha_3": *"[A-Z][A-Z][A-Z]"' "$iso" |
	sed 's/.*"\([A-Z][A-Z][A-Z]\)"$/\1/')
if [ -z "$isolist" ]; then
	echo "check-actors: no alpha_3 codes found in $iso" >&2
	exit 2
fi

# Declared parts are collected first, so a file may use a part that a
# later file declares.
declared=$(cat "$@" | sed -n 's/^#@code[ \t][ \t]*\([A-Z][A-Z][A-Z]\)\([ \t].*\)\{0,1\}$/\1/p')

{ printf '%s\n' "$isolist" | sed 's/^/iso /'; echo "iso XKX"
  printf '%s\n' "$declared" | sed -n 's/^\(...\)$/decl \1/p'; } |
exec awk -v have_parts="$have_parts" -v quiet="${QUIET:-0}" -v partsfile="$parts" '
function err(msg) {
	printf "%s:%d: %s\n", FILENAME, FNR, msg
	nerr++
}
function leap(y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 }
# The YYYYMMDD form of a YYYYMMDD or YYMMDD date, or "" when it is not a
# real date.
function fulldate(d,   y, m, dd, dim) {
	if (d ~ /^[0-9][0-9][0-9][0-9][0-9][0-9]$/)
		d = (substr(d, 1, 2) + 0 <= 30 ? "20" : "19") d
	if (d !~ /^[0-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9]$/)
		return ""
	y = substr(d, 1, 4) + 0; m = substr(d, 5, 2) + 0; dd = substr(d, 7, 2) + 0
	if (m < 1 || m > 12 || dd < 1)
		return ""
	dim = (m == 2) ? (leap(y) ? 29 : 28) : \
	      (m == 4 || m == 6 || m == 9 || m == 11) ? 30 : 31
	return dd <= dim ? d : ""
}
function checkone(c,   i, p) {
	if (c == "---")
		return
	if (c !~ /^[A-Z]+$/ || length(c) % 3 != 0) {
		err("code \"" c "\" is not a sequence of 3-letter parts")
		return
	}
	for (i = 1; i <= length(c); i += 3) {
		p = substr(c, i, 3)
		if (p in iso || p in decl || p in known || !have_parts)
			continue
		err("code \"" c "\": unknown part \"" p "\"")
	}
}
function checkcode(c,   n, k, a) {
	n = split(c, a, "/")
	for (k = 1; k <= n; k++)
		checkone(a[k])
}
# One "[...]" item without its brackets; returns 1 when it has no date.
function checkitem(s,   op, c, d, lo, hi, r) {
	gsub(/^[ \t]+|[ \t]+$/, "", s)
	if (s == "") { err("empty code item"); return 0 }
	c = s; sub(/[ \t].*$/, "", c)
	d = substr(s, length(c) + 1)
	gsub(/[ \t]/, "", d)
	checkcode(c)
	ncodes[FILENAME]++
	if (d == "")
		return 1
	ndated[FILENAME]++
	op = substr(d, 1, 1)
	if (op == "<" || op == ">") {
		if (fulldate(substr(d, 2)) == "")
			err("invalid date \"" substr(d, 2) "\" in [" s "]")
	} else if (d ~ /^[0-9]+-[0-9]+$/) {
		split(d, r, "-")
		lo = fulldate(r[1]); hi = fulldate(r[2])
		if (lo == "") err("invalid date \"" r[1] "\" in [" s "]")
		if (hi == "") err("invalid date \"" r[2] "\" in [" s "]")
		if (lo != "" && hi != "" && lo + 0 > hi + 0)
			err("date range in [" s "] ends before it starts")
	} else
		err("cannot read the date \"" d "\" in [" s "]")
	return 0
}
# Reads the "[...]" items of s (text after a phrase); returns how many.
function items(s,   n, j) {
	n = 0
	while (s ~ /^[ \t]*\[/) {
		sub(/^[ \t]*\[/, "", s)
		j = index(s, "]")
		if (j == 0) { err("unclosed \"[\""); return n }
		checkitem(substr(s, 1, j - 1))
		s = substr(s, j + 1)
		n++
	}
	if (s !~ /^[ \t]*$/)
		err("text after the codes: \"" s "\"")
	return n
}
function norm(p) {
	p = toupper(p)
	gsub(/[ \t_]+/, "_", p)
	sub(/^_+/, "", p); sub(/_+$/, "", p)
	return p
}
function phrase(p, what,   k) {
	k = norm(p)
	if (k == "") { err("empty " what); return }
	if (k in where)
		err("phrase " k " also at " where[k])
	else
		where[k] = FILENAME ":" FNR
}
function endentry() {
	if (cur != "" && entcodes == 0) {
		printf "%s:%d: entry %s has no code\n", curfile, curline, cur
		nerr++
	}
	cur = ""
}
FILENAME == "-" {
	if ($1 == "iso") iso[$2] = 1
	else if ($1 == "decl") decl[$2] = 1
	next
}
FILENAME == partsfile {
	if ($1 == "type" || $1 == "group" || $1 == "region") known[$2] = 1
	next
}
FNR == 1 {
	endentry()
	files[++nfiles] = FILENAME
	incomment = 0
	agents = FILENAME ~ /agents\.txt$/
}
{
	line = $0
	sub(/\r$/, "", line)
}
# <!-- ... --> blocks, as the loader reads them.
incomment { if (line ~ /-->/) incomment = 0; next }
line ~ /^[ \t]*<!--/ && line !~ /-->/ { incomment = 1; next }
line ~ /^[ \t]*(#|<!)/ || line ~ /^[ \t]*$/ { next }
{
	# A "#" outside brackets starts a comment.
	body = ""; depth = 0
	for (i = 1; i <= length(line); i++) {
		ch = substr(line, i, 1)
		if (ch == "[") depth++
		else if (ch == "]" && depth > 0) depth--
		else if (ch == "#" && depth == 0) break
		body = body ch
	}
	sub(/[ \t]+$/, "", body)
}
agents && body ~ /^![^!]+![ \t]*=/ {
	nsets[FILENAME]++
	next
}
agents {
	p = body
	sub(/[ \t]*[\[{].*$/, "", p)
	if (match(body, /\[[^]]*\]/) == 0) { err("agent without a code"); next }
	c = substr(body, RSTART + 1, RLENGTH - 2)
	gsub(/[ \t]/, "", c)
	if (c ~ /^~[^~]+$/) c = substr(c, 2)
	else if (c ~ /^[^~]+~$/) c = substr(c, 1, length(c) - 1)
	else { err("agent code \"" c "\" needs one ~ at its start or end"); next }
	checkcode(c)
	k = norm(p)
	if (k in agentwhere) err("agent " k " also at " agentwhere[k])
	else agentwhere[k] = FILENAME ":" FNR
	nagent[FILENAME]++
	next
}
body ~ /^[ \t]*\[/ {
	if (cur == "") { err("code line outside an entry"); next }
	if (body !~ /^\t/) err("code line not indented with a TAB")
	entcodes += items(body)
	next
}
body ~ /^\+/ {
	if (cur == "") { err("synonym outside an entry"); next }
	p = substr(body, 2)
	if (p ~ /[\[\]]/) { err("code on a synonym line \"" p "\""); next }
	phrase(p, "synonym")
	nsyn[FILENAME]++
	next
}
{
	endentry()
	if (body ~ /^[ \t]/) err("entry line starts with a blank")
	p = body
	sub(/[ \t]*\[.*$/, "", p)
	rest = substr(body, length(p) + 1)
	phrase(p, "phrase")
	cur = norm(p); curfile = FILENAME; curline = FNR
	entcodes = items(rest)
	nent[FILENAME]++
}
END {
	endentry()
	for (i = 1; i <= nfiles; i++) {
		f = files[i]
		if (f ~ /agents\.txt$/) {
			if (!quiet)
				printf "check-actors: %s: %d agents, %d substitution sets\n", \
					f, nagent[f], nsets[f]
			ta += nagent[f]
			continue
		}
		if (!quiet)
			printf "check-actors: %s: %d entries, %d synonyms, %d codes (%d dated)\n", \
				f, nent[f], nsyn[f], ncodes[f], ndated[f]
		te += nent[f]; ts += nsyn[f]; tc += ncodes[f]; td += ndated[f]
	}
	printf "check-actors: %d files, %d entries, %d synonyms, %d codes (%d dated), %d agents; %d problems\n", \
		nfiles, te, ts, tc, td, ta, nerr
	exit nerr > 0
}
' - "$parts" "$@"

#!/bin/sh
# check-people.sh - mechanical checks of dyad's people actor dictionary
# (by default data/dict/dyad.people.actors.txt): entries per country banner,
# date-line syntax (8-digit dates, real months and days, from <= to, dated
# lines of an entry in order, neither overlapping nor leaving gaps, and
# covering all dates unless an undated default does), phrases (primary or
# synonym) that appear under two entries, entries with no code line, and
# codes whose country is not an ISO 3166 alpha-3 code.
#
# Usage: tools/check-people.sh [ACTORS_FILE [ISO_JSON [ACTOR_CODES_TSV]]]
#   ISO_JSON defaults to /usr/share/iso-codes/json/iso_3166-1.json (Debian
#   iso-codes); ACTOR_CODES_TSV to ../shared/cameo/actor-codes.tsv, which
#   adds a check of the role parts after the country (skipped when absent).
# Exit status 1 when any error is found, 2 when a file cannot be read.
# Options (environment): QUIET=1 prints only the errors and the totals.

set -eu
actors=${1:-data/dict/dyad.people.actors.txt}
iso=${2:-/usr/share/iso-codes/json/iso_3166-1.json}
parts=${3:-../shared/cameo/actor-codes.tsv}

for f in "$actors" "$iso"; do
	if [ ! -r "$f" ]; then
		echo "check-people: cannot read $f" >&2
		exit 2
	fi
done
if [ -r "$parts" ]; then
	have_parts=1
else
	echo "check-people: $parts not found: role-part checks skipped"
	have_parts=0
	parts=/dev/null
fi

# The alpha-3 codes, one a line, without needing jq.
isolist=$(grep -o '"alpha_3": *"[A-Z][A-Z][A-Z]"' "$iso" |
	sed 's/.*"\([A-Z][A-Z][A-Z]\)"$/\1/')
if [ -z "$isolist" ]; then
	echo "check-people: no alpha_3 codes found in $iso" >&2
	exit 2
fi

printf '%s\n' "$isolist" | exec awk -v have_parts="$have_parts" \
	-v quiet="${QUIET:-0}" -v file="$actors" -v partsfile="$parts" '
function err(msg) {
	printf "%s:%d: %s\n", file, FNR, msg
	nerr++
}
function leap(y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 }
# 1 if d is a real YYYYMMDD date (years 1900-2099).
function valid(d,   y, m, dd, dim) {
	if (d !~ /^[0-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9]$/)
		return 0
	y = substr(d, 1, 4) + 0; m = substr(d, 5, 2) + 0; dd = substr(d, 7, 2) + 0
	if (y < 1900 || y > 2099 || m < 1 || m > 12 || dd < 1)
		return 0
	dim = (m == 2) ? (leap(y) ? 29 : 28) : \
	      (m == 4 || m == 6 || m == 9 || m == 11) ? 30 : 31
	return dd <= dim
}
function checkcode(c,   i, p) {
	if (c !~ /^[A-Z]+$/ || length(c) % 3 != 0) {
		err("code \"" c "\" is not a sequence of 3-letter parts")
		return
	}
	p = substr(c, 1, 3)
	if (!(p in iso) && !(p in nonctry))
		err("code \"" c "\": \"" p "\" is not an ISO 3166 alpha-3 country")
	if (!(p in iso))
		nonctry_used[p]++
	if (have_parts)
		for (i = 4; i <= length(c); i += 3)
			if (!(substr(c, i, 3) in known))
				err("code \"" c "\": unknown part \"" substr(c, i, 3) "\"")
}
# Day number of a valid YYYYMMDD date (days since 1 March of year 0).
function dayno(d,   y, m, dd) {
	y = substr(d, 1, 4) + 0; m = substr(d, 5, 2) + 0; dd = substr(d, 7, 2) + 0
	if (m <= 2) { y--; m += 12 }
	return 365 * y + int(y / 4) - int(y / 100) + int(y / 400) + \
	       int((153 * (m - 3) + 2) / 5) + dd
}
function eerr(msg) {
	printf "%s:%d: entry %s %s\n", file, curline, cur, msg
	nerr++
}
# Closes the current entry: it must have a code line, and without an
# undated default its dated lines must cover every date.
function endentry() {
	if (cur != "" && ncodes == 0)
		eerr("has no code line")
	else if (cur != "" && !hasdefault && ndatedent > 0) {
		if (firstlo != 0)
			eerr("codes nothing before " firstlo)
		if (lasthi != 99999999)
			eerr("codes nothing after " lasthi)
	}
	cur = ""
}
BEGIN {
	# Leading parts that are not countries (actor-codes.tsv: transnational
	# types and regions).
	split("IGO IMG NGO NGM MNC INT", a, " ")
	for (i in a) nonctry[a[i]] = 1
}
FILENAME == "-" { iso[$1] = 1; next }
FILENAME == partsfile {
	if ($1 == "type" || $1 == "group" || $1 == "region") known[$2] = 1
	if ($1 == "region") nonctry[$2] = 1
	next
}
{
	line = $0
	sub(/\r$/, "", line)
}
line ~ /^# [A-Z][A-Z][A-Z]  / && prev ~ /^# =+$/ {
	endentry()
	country = substr(line, 3, 3)
	if (!(country in iso))
		err("banner country " country " is not an ISO 3166 alpha-3 code")
	if (!(country in seenctry)) { order[++nctry] = country; seenctry[country] = 1 }
}
{ prev = line }
line ~ /^[ \t]*#/ || line ~ /^[ \t]*$/ { next }
{
	body = line
	sub(/[ \t]*#.*$/, "", body)
}
# A dated (or undated) code line.
body ~ /^\t/ {
	if (cur == "") { err("code line outside an entry"); next }
	s = body
	sub(/^\t+/, "", s)
	if (s !~ /^\[[^][]*\]$/) { err("malformed code line \"" s "\""); next }
	s = substr(s, 2, length(s) - 2)
	n = split(s, f, " ")
	checkcode(f[1])
	ncodes++
	if (n == 1) { hasdefault = 1; next }
	else if (n != 2) { err("malformed code line \"" s "\""); next }
	else if (f[2] ~ /^>/) { lo = substr(f[2], 2); hi = 99999999
		if (!valid(lo)) { err("invalid date \"" lo "\""); next } }
	else if (f[2] ~ /^</) { hi = substr(f[2], 2); lo = 0
		if (!valid(hi)) { err("invalid date \"" hi "\""); next } }
	else if (f[2] ~ /^[0-9]+-[0-9]+$/) {
		split(f[2], dd, "-"); lo = dd[1]; hi = dd[2]
		if (!valid(lo)) { err("invalid date \"" lo "\""); next }
		if (!valid(hi)) { err("invalid date \"" hi "\""); next }
		if (lo + 0 > hi + 0) { err("date range " f[2] " ends before it starts"); next }
	} else { err("cannot read the date \"" f[2] "\""); next }
	if (lasthi != "" && lo + 0 <= lasthi + 0)
		err("dated line overlaps or precedes the one before it")
	else if (lasthi != "" && lo != 0 && dayno(lo) != dayno(lasthi) + 1)
		err("gap between " lasthi " and " lo)
	if (ndatedent == 0)
		firstlo = lo
	lasthi = hi
	ndated++
	ndatedent++
	next
}
body ~ /^\+/ {
	if (cur == "") { err("synonym outside an entry"); next }
	p = substr(body, 2)
	sub(/[ \t]+$/, "", p)
	if (p !~ /^[^ \t\[\]]+$/) { err("malformed synonym \"" p "\""); next }
	if (p in where) err("phrase " p " also under " where[p])
	else where[p] = cur " (line " FNR ")"
	nsyn++
	next
}
{
	endentry()
	p = body
	sub(/[ \t]+$/, "", p)
	if (p !~ /^[^ \t\[\]]+$/) { err("malformed primary phrase \"" p "\""); next }
	if (country == "") err("entry before the first country banner")
	if (p in where) err("phrase " p " also under " where[p])
	else where[p] = p " (line " FNR ")"
	cur = p; curline = FNR; ncodes = 0; lasthi = ""
	hasdefault = 0; ndatedent = 0; firstlo = ""
	count[country]++
	nent++
}
END {
	endentry()
	if (!quiet) {
		printf "entries per country:\n"
		for (i = 1; i <= nctry; i++)
			printf "  %s %4d\n", order[i], count[order[i]]
	}
	printf "check-people: %d entries, %d synonyms, %d dated code lines, %d countries; %d errors\n", \
		nent, nsyn, ndated, nctry, nerr
	exit nerr > 0
}
' - "$parts" "$actors"

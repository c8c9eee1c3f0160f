#!/bin/sh
# dyad export: the fixture corpus's 7 events (8 mentions) in every format;
# column counts, header lines and values checked by hand against the five
# documents of tests/data/store/corpus.jsonl; bad command lines and write
# errors.
. tests/cli/lib.sh
D="--verbs tests/data/dict/test.verbs.txt --actors tests/data/dict/test.actors.txt --agents tests/data/dict/test.agents.txt"
C=tests/data/store/corpus.jsonl
DB="$TMP/events.db"
"$DYAD" ingest --db "$DB" $D "$C" 2>"$TMP/e0"; rc=$?
check "ingest succeeds ($rc)" [ "$rc" -eq 0 ]

for f in jsonl csv phoenix gdelt icews; do
	"$DYAD" export --db "$DB" --format $f >"$TMP/$f" 2>"$TMP/e"; rc=$?
	check "export --format $f succeeds ($rc)" [ "$rc" -eq 0 ]
	"$DYAD" export --db "$DB" --format $f --mentions >"$TMP/m.$f" 2>"$TMP/e"; rc=$?
	check "export --format $f --mentions succeeds ($rc)" [ "$rc" -eq 0 ]
done
# fields FILE: the distinct numbers of tab-separated fields per line.
fields() { awk -F'\t' '{print NF}' "$1" | sort -u | tr '\n' ' '; }

# Row counts: 7 events, 8 mentions; csv and icews have a header line.
check "jsonl: 7 events" lines "$TMP/jsonl" 7
check "csv: 7 events and a header" lines "$TMP/csv" 8
check "phoenix: 7 events" lines "$TMP/phoenix" 7
check "gdelt: 7 events" lines "$TMP/gdelt" 7
check "icews: 7 events and a header" lines "$TMP/icews" 8
check "jsonl --mentions: 8" lines "$TMP/m.jsonl" 8
check "csv --mentions: 8 and a header" lines "$TMP/m.csv" 9
check "gdelt --mentions: 8" lines "$TMP/m.gdelt" 8
check "icews --mentions: 8 and a header" lines "$TMP/m.icews" 9
# The mentions are those `dyad query events` counts.
"$DYAD" query events --db "$DB" --format csv >"$TMP/q"
n=$(awk -F, 'NR > 1 {s += $19} END {print s}' "$TMP/q")
m=$(awk 'NR > 1' "$TMP/m.csv" | wc -l)
check "mentions exported = sum of query's num_mentions ($m, $n)" [ "$m" -eq "$n" ]
m=$(wc -l <"$TMP/m.phoenix")
check "phoenix --mentions too ($m, $n)" [ "$m" -eq "$n" ]
check "the csv events are query's events" cmp -s "$TMP/q" "$TMP/csv"

# Column counts.
check "phoenix: 26 columns ($(fields "$TMP/phoenix"))" [ "$(fields "$TMP/phoenix")" = "26 " ]
check "gdelt: 61 columns ($(fields "$TMP/gdelt"))" [ "$(fields "$TMP/gdelt")" = "61 " ]
check "gdelt --mentions: 61 columns" [ "$(fields "$TMP/m.gdelt")" = "61 " ]
check "icews: 20 columns ($(fields "$TMP/icews"))" [ "$(fields "$TMP/icews")" = "20 " ]
check "icews --mentions: 20 columns" [ "$(fields "$TMP/m.icews")" = "20 " ]
check "csv header" [ "$(head -1 "$TMP/csv")" = "doc,sid,date,date_precision,source,target,code,root,quad,goldstein,plover,source_text,verb_text,target_text,place,country,lat,lon,num_mentions,num_sources,num_articles,sentence" ]
h=$(printf 'Event ID\tEvent Date\tSource Name\tSource Sectors\tSource Country\tEvent Text\tCAMEO Code\tIntensity\tTarget Name\tTarget Sectors\tTarget Country\tStory ID\tSentence Number\tPublisher\tCity\tDistrict\tProvince\tCountry\tLatitude\tLongitude')
check "icews header" [ "$(head -1 "$TMP/icews")" = "$h" ]
check "csv has the shared event" \
	contains "$TMP/csv" 's1,s1-0,2014-03-04,day,VAL,KES,122,12,3,-4,REJECT,Valoria,condemned,Kestria,,,,,2,2,2,Valoria condemned Kestria.'
check "csv --mentions: one row per mention" \
	contains "$TMP/m.csv" 's2,s2-0,2014-03-04,day,VAL,KES,122,12,3,-4,REJECT,Valoria,condemned,Kestria,,,,,1,1,1,'
check "jsonl: the shared event" \
	contains "$TMP/jsonl" '{"doc":"s1","sid":"s1-0","sent":0,"date":"2014-03-04","date_precision":"day","story_date":"2014-03-04","source":"VAL","target":"KES","code":"122","root":"12","quad":3,"goldstein":-4.0,'
check "jsonl: its counts" contains "$TMP/jsonl" '"num_mentions":2,"num_sources":2,"num_articles":2,"sentence":"Valoria condemned Kestria."}'

# GDELT, the shared event (s1's first sentence, 2014-03-04: day 63 of
# 365, FractionDate 2014 + 62/365 = 2014.1699).
g=$(awk -F'\t' '$27 == "122" && $6 == "VAL" && $2 == "20140304"' "$TMP/gdelt")
col() { printf '%s\n' "$g" | cut -f"$1"; }
check "gdelt SQLDATE MonthYear Year FractionDate ($(col 2-5))" [ "$(col 2-5)" = "$(printf '20140304\t201403\t2014\t2014.1699')" ]
check "gdelt Actor1 Code Name Country ($(col 6-8))" [ "$(col 6-8)" = "$(printf 'VAL\tValoria\tVAL')" ]
check "gdelt Actor2 Code Name Country ($(col 16-18))" [ "$(col 16-18)" = "$(printf 'KES\tKestria\tKES')" ]
check "gdelt IsRootEvent .. AvgTone ($(col 26-35))" \
	[ "$(col 26-35)" = "$(printf '1\t122\t122\t12\t3\t-4\t2\t2\t2\t0')" ]
# The meeting in s1's second sentence is not a root event.
g=$(awk -F'\t' '$27 == "040" && $6 == "VAL" && $16 == "KES"' "$TMP/gdelt")
check "gdelt second sentence: IsRootEvent 0 ($(col 26))" [ "$(col 26)" = 0 ]
# s5 (2015-01-01): KESGOV is country KES, type GOV.
g=$(awk -F'\t' '$6 == "KESGOV"' "$TMP/gdelt")
check "gdelt FractionDate of 1 January ($(col 5))" [ "$(col 5)" = "2015.0000" ]
check "gdelt KESGOV: country KES, Type1 GOV ($(col 8) $(col 13))" [ "$(col 8)/$(col 13)" = "KES/GOV" ]
check "gdelt KESGOV: no group, ethnic or religion codes" [ "$(col 9-12)" = "$(printf '\t\t\t')" ]

# ICEWS: s1's meeting is sentence 2 (numbered from 1), from Alpha Times.
i=$(awk -F'\t' '$7 == "040" && $3 == "Valoria" && $12 == "s1"' "$TMP/icews")
check "icews row of s1's meeting" [ "$(printf '%s\n' "$i" | cut -f2-14)" = \
	"$(printf '2014-03-04\tValoria\t\tVAL\tConsult\t040\t1\tKestria\t\tKES\ts1\t2\tAlpha Times')" ]
i=$(awk -F'\t' '$12 == "s5"' "$TMP/icews")
check "icews KESGOV: sectors GOV, country KES, no publisher" \
	[ "$(printf '%s\n' "$i" | cut -f4,5,14)" = "$(printf 'GOV\tKES\t')" ]

# Phoenix: actor parts and the publisher in NewsSources.
p=$(awk -F'\t' '$6 == "KESGOV"' "$TMP/phoenix")
check "phoenix KESGOV row" [ "$(printf '%s\n' "$p" | cut -f2-17)" = \
	"$(printf '20150101\t2015\t01\t01\tKESGOV\tKES\tGOV\t\tVAL\tVAL\t\t\t040\t04\t1\t1')" ]
p=$(awk -F'\t' '$24 == "s3-1"' "$TMP/phoenix")
check "phoenix NewsSources ($(printf '%s\n' "$p" | cut -f26))" [ "$(printf '%s\n' "$p" | cut -f26)" = "Alpha Times" ]

# A place and a URL: the geo columns (the place set in the database, as
# the test gazetteer may be empty).
printf '%s\n' '{"id": "u1", "date": "2014-06-01", "source": "Gamma Wire", "url": "http://example.org/u1", "text": "Dunmark met with Valoria."}' >"$TMP/u.jsonl"
"$DYAD" ingest --db "$TMP/u.db" $D "$TMP/u.jsonl" 2>"$TMP/e"; rc=$?
check "ingest with a url ($rc)" [ "$rc" -eq 0 ]
if command -v sqlite3 >/dev/null 2>&1; then
	sqlite3 "$TMP/u.db" "UPDATE events SET place = 'Testville', country = 'USA', lat = 40.5, lon = -74.25"
	"$DYAD" export --db "$TMP/u.db" --format gdelt >"$TMP/u.gdelt"
	check "gdelt with a place: 61 columns" [ "$(fields "$TMP/u.gdelt")" = "61 " ]
	check "gdelt Actor1Geo and Actor2Geo empty" [ "$(cut -f36-51 "$TMP/u.gdelt" | tr -d '\t')" = "" ]
	check "gdelt ActionGeo: US city, name, country, lat, lon ($(cut -f52-59 "$TMP/u.gdelt"))" \
		[ "$(cut -f52-59 "$TMP/u.gdelt")" = "$(printf '3\tTestville\tUSA\t\t\t40.5\t-74.25\t')" ]
	check "gdelt SOURCEURL" [ "$(cut -f61 "$TMP/u.gdelt")" = "http://example.org/u1" ]
	"$DYAD" export --db "$TMP/u.db" --format icews >"$TMP/u.icews"
	check "icews place columns" [ "$(sed 1d "$TMP/u.icews" | cut -f14-20)" = \
		"$(printf 'Gamma Wire\tTestville\t\t\tUSA\t40.5\t-74.25')" ]
	"$DYAD" export --db "$TMP/u.db" --format phoenix >"$TMP/u.phoenix"
	check "phoenix place, URL and source" [ "$(cut -f19-26 "$TMP/u.phoenix")" = \
		"$(printf '40.5\t-74.25\tTestville\t\tUSA\tu1-0\thttp://example.org/u1\tGamma Wire')" ]
	"$DYAD" export --db "$TMP/u.db" --format csv >"$TMP/u.csv"
	check "csv place columns" contains "$TMP/u.csv" ',Testville,USA,40.5,-74.25,1,1,1,'
fi

# -o FILE writes what standard output gets.
"$DYAD" export --db "$DB" --format gdelt -o "$TMP/o.gdelt" 2>"$TMP/e"; rc=$?
check "-o FILE succeeds ($rc)" [ "$rc" -eq 0 ]
check "-o FILE has the same rows" cmp -s "$TMP/o.gdelt" "$TMP/gdelt"

# Bad command lines and write errors.
"$DYAD" export --db "$TMP/none.db" --format csv >"$TMP/o" 2>"$TMP/e"; rc=$?
check "missing database exits 3 ($rc)" [ "$rc" -eq 3 ]
check "says so" contains "$TMP/e" "none.db: no such database"
check "and creates nothing" [ ! -e "$TMP/none.db" ]
"$DYAD" export --db "$DB" --format xls >"$TMP/o" 2>"$TMP/e"; rc=$?
check "unknown format exits 2 ($rc)" [ "$rc" -eq 2 ]
check "names the format" contains "$TMP/e" "--format xls: unknown format"
"$DYAD" export --db "$DB" >"$TMP/o" 2>"$TMP/e"; rc=$?
check "no --format exits 2 ($rc)" [ "$rc" -eq 2 ]
check "usage" contains "$TMP/e" "usage: dyad export --db FILE --format"
"$DYAD" export --db "$DB" --format csv --bogus >"$TMP/o" 2>"$TMP/e"; rc=$?
check "unknown option exits 2 ($rc)" [ "$rc" -eq 2 ]
printf 'not a database at all, just text\n' >"$TMP/text.db"
"$DYAD" export --db "$TMP/text.db" --format csv >"$TMP/o" 2>"$TMP/e"; rc=$?
check "a text file is refused ($rc)" [ "$rc" -eq 3 ]
check "as not a dyad database" contains "$TMP/e" "not a dyad database"
if [ -w /dev/full ]; then
	"$DYAD" export --db "$DB" --format jsonl >/dev/full 2>"$TMP/e"; rc=$?
	check "a full disk exits 3 ($rc)" [ "$rc" -eq 3 ]
	check "says the write failed" contains "$TMP/e" "error writing standard output"
	"$DYAD" export --db "$DB" --format icews -o /dev/full 2>"$TMP/e"; rc=$?
	check "-o on a full disk exits 3 ($rc)" [ "$rc" -eq 3 ]
	check "names the file" contains "$TMP/e" "error writing /dev/full"
fi
"$DYAD" export --db "$DB" --format csv -o "$TMP/no/dir/x.csv" 2>"$TMP/e"; rc=$?
check "unwritable -o exits 3 ($rc)" [ "$rc" -eq 3 ]
check "names it" contains "$TMP/e" "no/dir/x.csv"
finish

#!/bin/sh
# Places: a city from the gazetteer with its coordinates; with no city, a
# country named as where it happened ("in Kestria") with unknown
# coordinates (null); none when the text names no place.
. tests/cli/lib.sh
printf -- '--- ATTACK [190] ---\nATTACK\n--- MEET [040] ---\nMEET {MEETS MET MEETING}\n--- CONDEMN [122] ---\nCONDEMN\n' >"$TMP/v.txt"
printf 'VALORIA [VAL]\nKESTRIA [KES]\nKESTRIAN [KES]\nDUNMARK [DUN]\n' >"$TMP/a.txt"
cat >"$TMP/p.txt" <<'T'
Date: 2020-01-02

Valoria attacked targets in Kestria on Monday.

Valoria attacked Dunmark.

Valoria condemned Dunmark.
T
"$DYAD" code --verbs "$TMP/v.txt" --actors "$TMP/a.txt" "$TMP/p.txt" >"$TMP/o" 2>"$TMP/e"
check "a country place, coordinates unknown" contains "$TMP/o" '"location":{"name":"Kestria","country":"KES","lat":null,"lon":null}'
# force against a country with no place named: in that country
check "attacked Dunmark: in Dunmark" sh -c "grep '\"code\":\"190\"' '$TMP/o' | grep '\"target\":\"DUN\"' | grep -q '\"location\":{\"name\":\"Dunmark\",\"country\":\"DUN\"'"
# a verbal event gets no such place
check "condemned Dunmark: no place" sh -c "grep '\"code\":\"122\"' '$TMP/o' | grep -q '\"location\":null'"
# A demonym modifying what follows is no place ("at Kestrian fishing
# boats"), unless what follows is a place in that country ("in the
# Kestrian port").
printf 'Date: 2020-01-02\n\nValoria attacked Kestrian fishing boats at sea.\n\nDunmark attacked ships in the Kestrian port on Monday.\n' >"$TMP/d.txt"
"$DYAD" code --verbs "$TMP/v.txt" --actors "$TMP/a.txt" "$TMP/d.txt" >"$TMP/o" 2>"$TMP/e"
check "two events" lines "$TMP/o" 2
check "at Kestrian fishing boats: no place" contains "$TMP/o" '"source":"VAL","target":"KES","code":"190"'
n=$(grep '"source":"VAL"' "$TMP/o" | grep -c '"location":null')
check "the demonym before a noun is not the place ($n)" [ "$n" -eq 1 ]
check "in the Kestrian port: in Kestria" contains "$TMP/o" '"location":{"name":"Kestrian","country":"KES","lat":null,"lon":null}'
n=$("$DYAD" version | sed -n 's/^gazetteer: \([0-9]*\).*/\1/p')
if [ "${n:-0}" -gt 0 ]; then
	printf 'Date: 2014-03-04\n\nValoria met Kestria in Shenyang on Monday.\n' >"$TMP/c.txt"
	"$DYAD" code --verbs "$TMP/v.txt" --actors "$TMP/a.txt" "$TMP/c.txt" >"$TMP/o" 2>"$TMP/e"
	check "a city with its coordinates" contains "$TMP/o" '"location":{"name":"Shenyang","country":"CHN","lat":41.79'
else
	echo "places: the city case is skipped: built without the gazetteer"
fi
finish

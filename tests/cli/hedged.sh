#!/bin/sh
# Unconfirmed reports carry "hedged":true; negated verbs code nothing in text
# input, but do in PETRARCH XML (the records' behaviour is unchanged).
. tests/cli/lib.sh
D="--verbs tests/data/dict/test.verbs.txt --actors tests/data/dict/test.actors.txt --agents tests/data/dict/test.agents.txt"
printf 'Valoria reportedly condemned Kestria.\nDunmark condemned Valoria.\nValoria did not condemn Dunmark.\n' >"$TMP/h.txt"
"$DYAD" code $D --date 2020-01-01 "$TMP/h.txt" >"$TMP/o" 2>"$TMP/e"
check "two events (the negated one is not coded)" lines "$TMP/o" 2
check "first is hedged" contains "$TMP/o" '"source":"VAL","target":"KES","code":"122"'
n=$(grep -c '"hedged":true' "$TMP/o")
check "exactly one hedged event ($n)" [ "$n" -eq 1 ]
cat >"$TMP/r.xml" <<'XML'
<Sentences>
<Sentence date="20200102" id="N-1" sentence="true"><Text>Valoria did not condemn Dunmark.</Text></Sentence>
</Sentences>
XML
"$DYAD" code $D "$TMP/r.xml" >"$TMP/o" 2>"$TMP/e"
check "XML records keep PETRARCH's behaviour" contains "$TMP/o" '"code":"122"'
finish

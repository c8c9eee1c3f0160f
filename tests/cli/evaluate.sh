#!/bin/sh
# dyad evaluate scores a real-news style test set: found, actors, code,
# negated items; figures checked by hand on a four-item set.
. tests/cli/lib.sh
D="--verbs tests/data/dict/test.verbs.txt --actors tests/data/dict/test.actors.txt --agents tests/data/dict/test.agents.txt"
cat >"$TMP/items.jsonl" <<'J'
{"id":"a","date":"2020-01-02","text":"Valoria condemned Kestria.","code":"122","source":"VAL","target":"KES"}
{"id":"b","date":"2020-01-02","text":"Kestrian troops met with Dunmark.","code":"040","source":"KES","target":"DUN"}
{"id":"c","date":"2020-01-02","text":"Dunmark condemned Valoria.","code":"122","source":"VAL","target":"DUN"}
{"id":"d","date":"2020-01-02","text":"Valoria did not condemn Kestria.","code":"122","source":"VAL","target":"KES","negated":true}
J
"$DYAD" evaluate $D "$TMP/items.jsonl" >"$TMP/o" 2>"$TMP/e"; rc=$?
check "exit 0" [ $rc -eq 0 ]
check "four items, one negated" contains "$TMP/o" "4 items (1 of them negated)"
check "all roots found" contains "$TMP/o" "root code found            3 / 3"
check "source right in 2 of 3" contains "$TMP/o" "source country             2 / 3"
check "negated item not coded" contains "$TMP/o" "negated: not coded         1 / 1"
check "the miss is listed" contains "$TMP/o" "MISS c: expected VAL DUN 122; got DUN>VAL:122"
finish

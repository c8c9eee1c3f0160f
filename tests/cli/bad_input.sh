#!/bin/sh
# Bad input: a clear "file:line: reason" message, the other documents still
# coded, never a crash.
. tests/cli/lib.sh
D="--verbs tests/data/dict/test.verbs.txt --actors tests/data/dict/test.actors.txt --agents tests/data/dict/test.agents.txt"

# JSON Lines: a broken line, a line without text, then a good document.
printf '%s\n' '{"id":"a","date":"2020-01-02","text":"Valoria condemned Kestria."}' \
	'{"id":"b", "text": ' \
	'{"id":"c","date":"2020-01-02"}' \
	'{"id":"d","date":"2020-01-02","text":"Kestrian troops condemned Valoria."}' >"$TMP/in.jsonl"
"$DYAD" code $D "$TMP/in.jsonl" >"$TMP/o" 2>"$TMP/e"; rc=$?
check "bad jsonl lines exit 1" [ $rc -eq 1 ]
check "broken JSON reported with line 2" contains "$TMP/e" "in.jsonl:2:"
check "missing text reported with line 3" contains "$TMP/e" "in.jsonl:3:"
check "document a coded" contains "$TMP/o" '"doc":"a"'
check "document d coded" contains "$TMP/o" '"doc":"d"'

# Invalid UTF-8 and a NUL byte inside a text document.
printf 'Date: 2020-01-02\n\nValoria \377\376 condemned\000 Kestria.\nValoria met with Dunmark.\n' >"$TMP/bad.txt"
"$DYAD" code $D "$TMP/bad.txt" >"$TMP/o" 2>"$TMP/e"; rc=$?
check "binary junk does not crash" [ $rc -le 1 ]
check "second sentence still coded" contains "$TMP/o" '"target":"DUN"'

# An empty file is reported, not a crash.
: >"$TMP/empty.txt"
"$DYAD" code $D "$TMP/empty.txt" >"$TMP/o" 2>"$TMP/e"; rc=$?
check "empty file reported" contains "$TMP/e" "empty.txt"
check "empty file: no output" lines "$TMP/o" 0

# PETRARCH XML: an unterminated record; reading resumes at the next one.
cat >"$TMP/r.xml" <<'XML'
<Sentences>
<Sentence date="20200102" id="R-1" sentence="true"><Text>Valoria condemned Kestria.</Text></Sentence>
<Sentence date="20200102" id="R-2" sentence="true"><Text>Kestria condemned
<Sentence date="20200102" id="R-3" sentence="true"><Text>Dunmark condemned Valoria.</Text></Sentence>
</Sentences>
XML
"$DYAD" code $D "$TMP/r.xml" >"$TMP/o" 2>"$TMP/e"; rc=$?
check "broken record exit 1" [ $rc -eq 1 ]
check "broken record reported at its line" contains "$TMP/e" "r.xml:3:"
check "R-1 coded" contains "$TMP/o" '"sid":"R-1"'
check "R-3 coded" contains "$TMP/o" '"sid":"R-3"'

# A dictionary line with a broken date: reported with file:line, skipped;
# fatal with --strict.
printf 'VALORIA [VAL]\nKESTRIA\n\t[KES 2020131-20201231]\n\t[KES]\n' >"$TMP/a.actors.txt"
echo "Valoria condemned Kestria." >"$TMP/s.txt"
"$DYAD" code --verbs tests/data/dict/test.verbs.txt --actors "$TMP/a.actors.txt" --date 2020-05-05 "$TMP/s.txt" >"$TMP/o" 2>"$TMP/e"; rc=$?
check "broken dictionary date reported" contains "$TMP/e" "a.actors.txt:3:"
check "rest of the dictionary used" contains "$TMP/o" '"target":"KES"'
"$DYAD" code --strict --verbs tests/data/dict/test.verbs.txt --actors "$TMP/a.actors.txt" "$TMP/s.txt" >"$TMP/o" 2>"$TMP/e"; rc=$?
check "--strict makes it fatal" [ $rc -ne 0 ]
check "--strict: no events" lines "$TMP/o" 0
finish

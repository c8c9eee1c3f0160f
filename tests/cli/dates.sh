#!/bin/sh
# Events carry the date they happened, resolved against the story date,
# with its precision (formats.md): a weekday, a month, an anchored "a month
# before", and the story date when the text gives none.
. tests/cli/lib.sh
printf '%s\n' '--- MEET [040] ---' 'MEET {MEETS MET MEETING}' '--- TEST [150] ---' 'TEST' '--- CONDEMN [122] ---' 'CONDEMN' >"$TMP/v.txt"
printf 'VALORIA [VAL]\nKESTRIA [KES]\nDUNMARK [DUN]\n' >"$TMP/a.txt"
cat >"$TMP/d.txt" <<'T'
Date: 2014-03-04

Valoria met Kestria on Monday.

Valoria and Dunmark last met in November 2012, a month before Kestria tested a missile.

Dunmark condemned Kestria.
T
"$DYAD" code --verbs "$TMP/v.txt" --actors "$TMP/a.txt" "$TMP/d.txt" >"$TMP/o" 2>"$TMP/e"
check "Monday is the day before the Tuesday story" contains "$TMP/o" '"date":"2014-03-03","date_precision":"day"'
check "November 2012 as a month" contains "$TMP/o" '"date":"2012-11","date_precision":"month"'
check "a month before it" contains "$TMP/o" '"date":"2012-12","date_precision":"month","story_date":"2014-03-04","source":"KES"'
check "no date in the text: the story date" contains "$TMP/o" '"date":"2014-03-04","date_precision":"day","story_date":"2014-03-04","source":"DUN","target":"KES"'

# A news dateline dates the story, not the events told after it.
cat >"$TMP/l.txt" <<'T'
Date: 2014-03-05

VALORIA CITY, March 5 (Wire) - Valoria condemned Kestria early on Monday.
T
"$DYAD" code --verbs "$TMP/v.txt" --actors "$TMP/a.txt" "$TMP/l.txt" >"$TMP/o" 2>"$TMP/e"
check "the dateline is not the event's date: Monday" contains "$TMP/o" '"date":"2014-03-03","date_precision":"day","story_date":"2014-03-05","source":"VAL","target":"KES"'
finish

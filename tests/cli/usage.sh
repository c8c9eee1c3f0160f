#!/bin/sh
# Bad command lines get a clear message and exit 2.
. tests/cli/lib.sh
"$DYAD" >"$TMP/o" 2>"$TMP/e"; check "no command exits 2" [ $? -eq 2 ]
check "usage printed" contains "$TMP/e" "usage: dyad COMMAND"
"$DYAD" frobnicate 2>"$TMP/e"; check "unknown command exits 2" [ $? -eq 2 ]
check "names the command" contains "$TMP/e" "unknown command 'frobnicate'"
"$DYAD" code --format xls </dev/null 2>"$TMP/e"; check "bad --format exits 2" [ $? -eq 2 ]
check "names the format" contains "$TMP/e" "--format xls: unknown format"
"$DYAD" code --input pdf </dev/null 2>"$TMP/e"; check "bad --input exits 2" [ $? -eq 2 ]
"$DYAD" code --date 2014-13-45 </dev/null 2>"$TMP/e"; check "bad --date exits 2" [ $? -eq 2 ]
check "names the date" contains "$TMP/e" "--date 2014-13-45: not a date"
"$DYAD" code --comma 1,2,3 </dev/null 2>"$TMP/e"; check "bad --comma exits 2" [ $? -eq 2 ]
"$DYAD" code --bogus </dev/null 2>"$TMP/e"; check "unknown option exits 2" [ $? -eq 2 ]
check "names the option" contains "$TMP/e" "unknown option --bogus"
"$DYAD" code --verbs /nonexistent/v.txt </dev/null 2>"$TMP/e" >/dev/null
"$DYAD" code --verbs /nonexistent/v.txt "$TMP/none.txt" 2>"$TMP/e" >/dev/null; check "missing input file is not a crash" [ $? -ne 0 ] 
check "names the missing file" contains "$TMP/e" "none.txt"
"$DYAD" help >"$TMP/o"; check "help exits 0" [ $? -eq 0 ]
finish

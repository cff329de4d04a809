#!/usr/bin/env bash
# End-to-end checks of the gongkai command: exit codes, output shapes, batches.
set -uo pipefail
gk=$(realpath "${1:?gongkai binary}"); shared=$(realpath "${2:?shared dir}")
source "$(dirname "$0")/lib.sh"

"$gk" >/dev/null 2>&1; expect "no command" 2 $?
"$gk" frobnicate >/dev/null 2>&1; expect "unknown command" 2 $?
for c in extract check rules; do
  "$gk" $c --help >"$tmp/help" 2>&1; expect "$c --help" 0 $?
  contains "$c --help text" "$tmp/help" "用法"
  "$gk" $c --bogus >/dev/null 2>&1; expect "$c wrong option" 2 $?
done

"$gk" check "$shared/seeds/001_295a9685f4c126e8.txt" >"$tmp/out"; expect "check clean seed" 0 $?
contains "summary line" "$tmp/out" "共检查 1 份报告"
"$gk" check "$shared/seeds/004_4adde12ab8e15d65.txt" >"$tmp/out"; expect "check seed 004" 1 $?
contains "balance error line" "$tmp/out" "004_4adde12ab8e15d65.txt:[0-9]*: error: T3-BALANCE: "

"$gk" extract --json "$shared/seeds/000_6208f52ea13da654.txt" >"$tmp/one.json"; expect "extract one" 0 $?
python3 -c "import json,sys; d=json.load(open(sys.argv[1])); assert isinstance(d, dict) and d['year']==2022, d.get('year')" "$tmp/one.json"
expect "one file gives one object" 0 $?
"$gk" extract --json "$shared/seeds" >"$tmp/many.json"; expect "extract directory" 0 $?
python3 -c "import json,sys; d=json.load(open(sys.argv[1])); assert isinstance(d, list) and len(d)==5, len(d)" "$tmp/many.json"
expect "directory gives an array of 5" 0 $?

# A batch with an unreadable file and a missing one: both named, the others still processed.
mkdir -p "$tmp/batch/sub"
cp "$shared/seeds/001_295a9685f4c126e8.txt" "$tmp/batch/sub/"
: >"$tmp/batch/empty.txt"
printf '\x80\x81\xff\xfe\xfd' >"$tmp/batch/garbage.txt"
"$gk" check "$tmp/batch" "$tmp/missing.txt" >"$tmp/out" 2>&1; expect "batch with bad files" 1 $?
contains "empty named" "$tmp/out" "empty.txt: error: READ"
contains "garbage named" "$tmp/out" "garbage.txt: error: READ"
contains "missing named" "$tmp/out" "missing.txt: error: READ"
# Issue 15: files that are not reports are counted apart from the reports.
contains "good one processed, bad ones apart" "$tmp/out" "共检查 1 份报告：.*；另有 3 个文件不是报告"
"$gk" check --lang en "$tmp/batch" >"$tmp/out" 2>&1
contains "English singular" "$tmp/out" "^checked 1 report: 0 errors, 0 warnings; 0 reports with errors; 2 other files are not"

"$gk" check --summary csv "$shared/seeds" >"$tmp/out.csv" 2>/dev/null; expect "csv summary" 1 $?
contains "csv header after a UTF-8 BOM" "$tmp/out.csv" $'^\xEF\xBB\xBFfile,agency,year,errors,warnings,first_error$'
"$gk" check --summary csv "$shared/seeds" 2>"$tmp/err" >/dev/null
# Issue 15: the *.expected.json files skipped inside a directory are mentioned, once.
contains "sidecars mentioned" "$tmp/err" "5 个 \*.expected.json 文件"
[ "$(grep -c expected.json "$tmp/err")" = 1 ]; expect "sidecars mentioned once" 0 $?
contains "csv row of 004" "$tmp/out.csv" "004_4adde12ab8e15d65.txt,满洲里市人民政府办公室,2021,[1-9]"
[ "$(wc -l <"$tmp/out.csv")" = 6 ]; expect "csv has one row per report" 0 $?

# Cross-year carry-over: one agency's two years, with a mismatch planted.
mkdir -p "$tmp/years"
cp "$shared/corpus/pingtan-2021.txt" "$tmp/years/a.txt"
sed 's/上年结转政府信息公开申请数量 1000001/上年结转政府信息公开申请数量 2000002/' "$shared/corpus/pingtan-2022.txt" >"$tmp/years/b.txt"
"$gk" check "$tmp/years" >"$tmp/out" 2>&1
contains "carry-over warning" "$tmp/out" "XYEAR-CARRY-OVER"
# The later year first: the report is printed before its previous year is read, so the warning
# comes after the other reports (check streams), still naming the 2022 report.
"$gk" check "$tmp/years/b.txt" "$tmp/years/a.txt" >"$tmp/out" 2>&1
contains "carry-over warning, later year first" "$tmp/out" "b.txt:[0-9]*: warning: XYEAR-CARRY-OVER"
"$gk" extract --json "$tmp/years/b.txt" "$tmp/years/a.txt" >"$tmp/out" 2>&1
contains "extract keeps the late carry-over finding" "$tmp/out" "XYEAR-CARRY-OVER"
"$gk" check "$shared/corpus/pingtan-2021.txt" "$shared/corpus/pingtan-2022.txt" >"$tmp/out" 2>&1
if grep -q XYEAR-CARRY-OVER "$tmp/out"; then echo "FAIL: false carry-over warning"; fail=1; else echo "ok: consistent years"; fi

# A ZIP bundle: each report inside is checked and named by its inner path.
(cd "$tmp" && cp "$shared/seeds/000_6208f52ea13da654.txt" a.txt && cp "$shared/seeds/004_4adde12ab8e15d65.txt" b.txt \
  && python3 -c "import zipfile; z=zipfile.ZipFile('bundle.zip','w'); z.write('a.txt'); z.write('b.txt'); z.close()")
"$gk" check "$tmp/bundle.zip" >"$tmp/out" 2>&1; expect "zip bundle with an inconsistent report" 1 $?
contains "zip member named" "$tmp/out" "bundle.zip!/b.txt:[0-9]*: error: T3-BALANCE"
contains "zip counts two reports" "$tmp/out" "共检查 2 份报告"

# Issue 8: names and values reach the terminal without escape sequences; CSV cells are not formulas.
printf '{"agency":"=HYPERLINK(\\"http://x\\")\\u001b]0;pwned\\u0007","year":2023,"sections":[{"present":true,"text":"x"}]}' >"$tmp/esc.json"
"$gk" check --summary csv "$tmp/esc.json" >"$tmp/out" 2>&1
if grep -q $'\e' "$tmp/out"; then echo "FAIL: escape sequence printed"; fail=1; else echo "ok: no escape sequence"; fi
contains "formula neutralised" "$tmp/out" "esc.json,\"'=HYPERLINK"
printf 'x' >"$tmp/"$'\e[31mred.txt'
"$gk" check "$tmp/"$'\e[31mred.txt' >"$tmp/out" 2>&1
if grep -q $'\e' "$tmp/out"; then echo "FAIL: escape in a file name printed"; fail=1; else echo "ok: file name made safe"; fi

"$gk" rules >"$tmp/rules"; expect "rules" 0 $?
contains "rules list balance" "$tmp/rules" "^T3-BALANCE	error	"
"$gk" rules --lang en >"$tmp/rules"; contains "rules in English" "$tmp/rules" "Table 3 balance"
exit $fail

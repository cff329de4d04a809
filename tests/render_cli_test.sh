#!/usr/bin/env bash
# End-to-end checks of `gongkai render`: every format from a seed and from interchange JSON,
# normalising a messy report, usage errors and a missing LibreOffice. No PDF conversion here
# (the PDF renderer has its own test); this stays fast.
set -uo pipefail
gk=$(realpath "${1:?gongkai binary}"); shared=$(realpath "${2:?shared dir}")
source "$(dirname "$0")/lib.sh"
seed="$shared/seeds/001_295a9685f4c126e8.txt"

"$gk" render --help >"$tmp/help" 2>&1; expect "render --help" 0 $?
contains "help text" "$tmp/help" "用法"
"$gk" render --bogus "$seed" >/dev/null 2>&1; expect "unknown option" 2 $?
"$gk" render "$seed" >/dev/null 2>&1; expect "no format and no output" 2 $?
"$gk" render --format rtf "$seed" -o "$tmp/x.rtf" 2>"$tmp/err"; expect "unknown format" 2 $?
contains "unknown format message" "$tmp/err" "未知的输出格式"
"$gk" render --format docx "$seed" >/dev/null 2>&1; expect "binary format to stdout" 2 $?
"$gk" render --format html "$tmp/missing.txt" -o "$tmp/x.html" 2>"$tmp/err"; expect "missing input" 1 $?
contains "missing input named" "$tmp/err" "missing.txt"

for f in html md json docx xlsx; do
  "$gk" render --format $f "$seed" -o "$tmp/out.$f"; expect "render $f" 0 $?
  [ -s "$tmp/out.$f" ]; expect "$f not empty" 0 $?
done
"$gk" render "$seed" -o "$tmp/by-extension.md"; expect "format from the extension" 0 $?
cmp -s "$tmp/by-extension.md" "$tmp/out.md"; expect "same as --format md" 0 $?
contains "html title" "$tmp/out.html" "<h1>内蒙古自治区人民政府办公厅2023年政府信息公开工作年度报告</h1>"
unzip -l "$tmp/out.docx" >"$tmp/list"; expect "docx is a zip" 0 $?
contains "docx document part" "$tmp/list" "word/document.xml"
unzip -l "$tmp/out.xlsx" >"$tmp/list"; expect "xlsx is a zip" 0 $?
contains "xlsx sheet 3" "$tmp/list" "xl/worksheets/sheet3.xml"

# Interchange JSON in, the same document out; and every rendered format reads back.
"$gk" extract --json "$seed" >"$tmp/seed.json"
"$gk" render --format md "$tmp/seed.json" -o "$tmp/from-json.md"; expect "render from JSON" 0 $?
# (The interchange JSON has no preamble, so compare from section 一 on.)
diff <(sed -n '/^## 一/,$p' "$tmp/out.md") <(sed -n '/^## 一/,$p' "$tmp/from-json.md") >/dev/null
expect "JSON and text give the same Markdown" 0 $?
for f in md html docx; do
  "$gk" extract --json --no-provenance --no-sections "$tmp/out.$f" >"$tmp/back.$f.json"; expect "extract rendered $f" 0 $?
  python3 - "$tmp/seed.json" "$tmp/back.$f.json" <<'PY'
import json, sys
a, b = (json.load(open(p)) for p in sys.argv[1:3])
for k in ("agency", "year", "table2", "table3", "table4"):
    assert a[k] == b[k], k
PY
  expect "$f reads back to the same tables" 0 $?
done

# A messy report (glued digits, web text) comes out in the standard form.
"$gk" render --format md "$shared/corpus/pingtan-2021.txt" -o "$tmp/pingtan.md"; expect "normalise a messy report" 0 $?
contains "standard table 3 label" "$tmp/pingtan.md" "| 三、本年度办理结果 | （三）不予公开 | 1.属于国家秘密 |"

"$gk" render --format pdf --soffice /nonexistent/soffice "$seed" -o "$tmp/x.pdf" 2>"$tmp/err"; expect "pdf without LibreOffice" 1 $?
contains "pdf error names LibreOffice" "$tmp/err" "LibreOffice"

# Several inputs: -o is a directory, one output per input, named after it.
seed4="$shared/seeds/004_4adde12ab8e15d65.txt"
"$gk" render --format md "$seed" "$seed4" -o "$tmp/many" 2>"$tmp/err"; expect "render two inputs to a directory" 0 $?
[ -s "$tmp/many/001_295a9685f4c126e8.md" ] && [ -s "$tmp/many/004_4adde12ab8e15d65.md" ]; expect "one output per input" 0 $?
"$gk" render --format md "$seed" "$seed4" 2>/dev/null; expect "several inputs need -o DIR" 2 $?
"$gk" render "$seed" "$seed4" -o "$tmp/many" 2>/dev/null; expect "several inputs need --format" 2 $?
"$gk" render --format md "$seed" "$tmp/missing.txt" -o "$tmp/many2" 2>"$tmp/err"; expect "one unreadable input of two" 1 $?
[ -s "$tmp/many2/001_295a9685f4c126e8.md" ]; expect "the readable one is still rendered" 0 $?

# A report with validator errors: rendered, with a warning naming the count and the first error;
# --strict makes it exit 1 (the output is still written).
"$gk" render --format md "$seed4" -o "$tmp/e.md" 2>"$tmp/err"; expect "report with errors renders" 0 $?
contains "error count warning" "$tmp/err" "报告有 [0-9]* 个错误"
contains "first error named" "$tmp/err" "第一个：T3-"
contains "warning in English too" "$tmp/err" "errors, rendered anyway; first:"
rm -f "$tmp/e.md"
"$gk" render --strict --format md "$seed4" -o "$tmp/e.md" 2>"$tmp/err"; expect "--strict with errors" 1 $?
[ -s "$tmp/e.md" ]; expect "--strict still writes the output" 0 $?
"$gk" render --strict --format md "$seed" -o "$tmp/ok.md" 2>"$tmp/err"; expect "--strict without errors" 0 $?
[ ! -s "$tmp/err" ]; expect "no warning for a clean report" 0 $?

exit $fail

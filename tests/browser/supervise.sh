#!/bin/bash
# Runs the supervisor's browser test (supervise.mjs) on its own database: the seeds' agencies
# under 内蒙古自治区, a supervisor for it, and 福建省 with its own supervisor and one report.
# Usage: tests/browser/supervise.sh GONGKAI_BINARY ARTEFACT_DIR SHARED_DIR
set -euo pipefail
gongkai=$1
artefacts=$2
shared=$3
here=$(cd "$(dirname "$0")" && pwd)
source "$here/lib.sh"
db="$work/s.db"
add() { "$gongkai" agency add --db "$db" --kind "$1" --name "$2" ${3:+--parent "$3"}; }
add region 内蒙古自治区 >/dev/null                       # 1
add department 内蒙古自治区人民政府办公厅 1 >/dev/null    # 2
add city 通辽市 1 >/dev/null                             # 3
add department 通辽市民族事务委员会 3 >/dev/null          # 4
add city 呼伦贝尔市 1 >/dev/null                         # 5
add county 满洲里市 5 >/dev/null                         # 6
add department 满洲里市人民政府办公室 6 >/dev/null        # 7
add city 鄂尔多斯市 1 >/dev/null                         # 8
add county 鄂托克前旗 8 >/dev/null                       # 9
add region 福建省 >/dev/null                             # 10
add city 平潭综合实验区 10 >/dev/null                    # 11
echo 'Gongkai-super-2026' | "$gongkai" user add --db "$db" --login super-nm --role supervisor --agency 1 >/dev/null
other=$("$gongkai" supervise upload --db "$db" --agency 10 --file "$shared/corpus/pingtan-2021.txt" \
  | grep -o '报告 [0-9]*' | head -1 | grep -o '[0-9]*')
(cd "$work" && mkdir corpus && cp "$shared"/corpus/pingtan-*.txt "$shared"/corpus/shanghai-kewei-2024.md \
  "$shared"/corpus/shuyang-fgj-2023.html corpus/ && zip -qr corpus.zip corpus)
start_server "$gongkai" "$artefacts/supervise-access.log" --db "$db" --today 2022-02-10
node "$here/supervise.mjs" "$url" "$artefacts" "$shared/seeds" "$work/corpus.zip" "$other"

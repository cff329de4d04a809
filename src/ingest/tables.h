// Internal: reading the three tables out of a report's token stream.
//
// Each table is found by its own anchors (第二十条, the 勾稽 note, 行政复议) rather than by the
// section headings, since real reports misnumber or split their sections. Within table 3 the
// rows are matched to the form in order: rows whose labels are readable pin their position, and
// rows whose labels were lost (PDF conversions) fill the gaps between pinned rows only when
// exactly as many rows as gaps remain. Nothing is repaired: values are transcribed as written.
#pragma once

#include <vector>

#include "gongkai/finding.h"
#include "gongkai/report.h"
#include "tokens.h"

namespace gongkai::ingest_internal {

struct TableRegions {
  // Token index ranges [begin, end); begin == end when the table was not found.
  size_t t2_begin = 0, t2_end = 0;
  size_t t3_begin = 0, t3_end = 0;
  size_t t4_begin = 0, t4_end = 0;
  bool format_2019 = false;  // table 2 uses the trial format of 国办公开办函〔2019〕60号
};

TableRegions FindTableRegions(const std::vector<Token>& tokens);

// Each parser fills its table and appends findings; cells it cannot read stay absent.
void ParseTable2(const std::vector<Token>& tokens, const std::vector<Line>& lines,
                 const TableRegions& regions, Table2* table, Findings* findings);
void ParseTable3(const std::vector<Token>& tokens, const std::vector<Line>& lines,
                 const TableRegions& regions, Table3* table, Findings* findings);
void ParseTable4(const std::vector<Token>& tokens, const std::vector<Line>& lines,
                 const TableRegions& regions, Table4* table, Findings* findings);

// The source location of a token.
SourceLocation Where(const std::vector<Line>& lines, const Token& token);

}  // namespace gongkai::ingest_internal

// The standard annual report of 国办公开办函〔2021〕30号 and its canonical identifiers.
//
// An AnnualReport holds the six sections' text and the three fixed tables. Every numeric cell
// distinguishes "absent" (the source gives nothing) from 0 and records where it came from, so
// that every finding can point at the source. Plain value type; thread-compatible.
#pragma once

#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace gongkai {

// Where a value or a finding came from. Only the fields that apply to the format are set:
// text has `line` (1-based) and `cell` (0-based index of the cell on that line); HTML and DOCX
// have `table`, `row` and `cell`; PDF has `page`.
struct SourceLocation {
  std::string file;
  int line = 0;
  int page = 0;
  int table = -1;
  int row = -1;
  int cell = -1;

  bool empty() const { return line == 0 && page == 0 && table < 0; }
};

// One numeric cell: absent, or a value transcribed from the source.
struct Cell {
  std::optional<double> value;
  SourceLocation source;

  bool present() const { return value.has_value(); }
};

// ---- Table 2 (主动公开) ----
inline constexpr int kDocColumns = 3;  // made, abolished, in_force
enum class DocKind { kRules = 0, kNormativeDocs = 1 };
inline constexpr int kDocKindCount = 2;
enum class DecisionKind { kLicensing = 0, kPenalty = 1, kCoercion = 2 };
inline constexpr int kDecisionKindCount = 3;

struct Table2 {
  std::array<std::array<Cell, kDocColumns>, kDocKindCount> docs;  // [kind][made/abolished/in_force]
  std::array<Cell, kDecisionKindCount> decisions;
  Cell fees_10k_yuan;  // 万元, may be fractional
};

// ---- Table 3 (依申请公开) ----
inline constexpr int kT3Columns = 7;
inline constexpr int kT3Rows = 25;
// Column indices, in the form's order.
enum T3Column : int { kNatural = 0, kCommercial, kResearch, kSocial, kLegal, kOther, kTotal };
// Row indices, in the form's order (domain.md A.1).
enum T3Row : int {
  kNew = 0,
  kCarriedOver,
  kGranted,
  kPartial,
  kDeniedStateSecret,
  kDeniedLawForbidden,
  kDeniedThreeSafety,
  kDeniedThirdParty,
  kDeniedInternal,
  kDeniedProcess,
  kDeniedEnforcementFile,
  kDeniedQuery,
  kUnableNoInfo,
  kUnableNeedCreate,
  kUnableUnclear,
  kIgnoredComplaint,
  kIgnoredRepeat,
  kIgnoredPublication,
  kIgnoredMass,
  kIgnoredConfirm,
  kOtherNoCorrection,
  kOtherNoFee,
  kOtherOther,
  kResultTotal,
  kCarriedForward,
};
// The outcome rows summed by result_total: [kFirstOutcomeRow, kLastOutcomeRow].
inline constexpr int kFirstOutcomeRow = kGranted;
inline constexpr int kLastOutcomeRow = kOtherOther;

struct Table3 {
  std::array<std::array<Cell, kT3Columns>, kT3Rows> cells;  // [row][column]
};

// ---- Table 4 (行政复议、行政诉讼) ----
inline constexpr int kT4Groups = 3;
inline constexpr int kT4Columns = 5;  // upheld, corrected, other, pending, total
enum T4Group : int { kReview = 0, kSuitDirect = 1, kSuitAfterReview = 2 };

struct Table4 {
  std::array<std::array<Cell, kT4Columns>, kT4Groups> cells;  // [group][column]
};

// The six sections of the report, in order.
inline constexpr int kSectionCount = 6;

struct Section {
  bool present = false;
  int order = -1;       // position among the sections found, in document order
  std::string heading;  // as written in the source
  std::string text;     // body text, paragraphs separated by '\n'
  SourceLocation source;
};

struct AnnualReport {
  std::string agency;
  std::optional<int> year;  // the year reported on, not the publication date
  SourceLocation title_source;
  std::string preamble;  // text before the first section (title, basis, statistical period)
  std::array<Section, kSectionCount> sections;
  Table2 table2;
  Table3 table3;
  Table4 table4;
  // True for a report generated from the request ledger (BuildAnnualReport), false for a report
  // an office wrote and an importer read. Renderers add prose of their own (a paragraph
  // generated from the tables) only to generated reports; an office's report is shown as written.
  bool generated_from_ledger = false;
};

// ---- Canonical ids (domain.md A.1) ----
std::string_view T3RowId(int row);  // "new", "carried_over", …
std::string_view T3RowLabel(int row);  // the 2021 label, e.g. "一、本年新收政府信息公开申请数量"
std::string_view T3ColumnId(int col);  // "natural", …, "total"
std::string_view T3ColumnLabel(int col);
std::string_view T4GroupId(int group);  // "review", "suit_direct", "suit_after_review"
std::string_view T4GroupLabel(int group);
std::string_view T4ColumnLabel(int col);
std::string_view DocKindId(int kind);       // "rules", "normative_docs"
std::string_view DocKindLabel(int kind);    // "规章", "行政规范性文件"
std::string_view DocColumnLabel(int col);   // "本年制发件数", …
std::string_view DecisionKindId(int kind);  // "licensing", "penalty", "coercion"
std::string_view DecisionKindLabel(int kind);
std::string_view SectionTitle(int section);  // "一、总体情况", …

// Returns the row index for a canonical id, or -1.
int T3RowFromId(std::string_view id);
int T4GroupFromId(std::string_view id);

}  // namespace gongkai

// The registries behind tables 2 and 4 of the annual report:
//   - 规章 and 行政规范性文件 with their lifecycle (制发, 修改, 废止); 现行有效 is derived on a
//   day;
//   - the year's administrative decisions (行政许可, 行政处罚, 行政强制) and 行政事业性收费 in
//   万元,
//     entered as counts per agency and year with their source noted;
//   - 行政复议 and 行政诉讼 cases about disclosure, with their result once decided.
// TallyYear (store.h) reads them into YearFigures.
//
// Contracts (as for CaseStore, store.h): every change is one transaction and appends audit-log
// entries (before → after); text must be clean UTF-8 (CheckTextField); the registry shares the
// CaseStore's connection, must not outlive it and is not thread-safe.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "gongkai/calendar.h"
#include "gongkai/report.h"
#include "gongkai/status.h"
#include "gongkai/store.h"

namespace gongkai {

// One 修改 of a 规章 or 规范性文件.
struct Amendment {
  Date date;
  std::string number;  // 文号 of the amending decision, if any
  std::string note;    // what changed
};

// A 规章 or 规范性文件 with its amendments, oldest first.
struct NormativeRecord {
  NormativeDoc doc;
  std::vector<Amendment> amendments;
  // 现行有效 on `day`: made by then and not abolished by then.
  bool InForceOn(Date day) const {
    return doc.made <= day && (!doc.abolished || *doc.abolished > day);
  }
};

// An agency's yearly decision counts (table 2 (五)(六)(八)) with where they come from.
struct ActionCounts {
  YearCounts counts;
  std::string source;  // e.g. "旗政务服务局行政许可系统导出，2026-01-05"
};

// An administrative review or lawsuit about disclosure (table 4).
struct DisclosureCase {
  ReviewCase c;           // group: kReview, kSuitDirect or kSuitAfterReview
  std::string number;     // 案号
  std::string note;       // the dispute in a few words
  int64_t review_id = 0;  // for kSuitAfterReview: the review case it followed, if recorded
};

// The result of a decided case; kPending is "尚未审结".
std::string_view CaseResultId(CaseResult r);  // "upheld", "corrected", "other", "pending"
std::string_view CaseResultLabel(CaseResult r);  // "结果维持", "结果纠正", "其他结果", "尚未审结"
StatusOr<CaseResult> CaseResultFromId(std::string_view id);  // id or label

class Registry {
 public:
  virtual ~Registry() = default;

  // ---- 规章 and 行政规范性文件 ----
  // Adds a document made (制发/公布) on doc.made; doc.abolished must be unset. Returns its id.
  virtual StatusOr<int64_t> AddNormative(const NormativeDoc& doc, const std::string& actor) = 0;
  // Records a 修改 on `a.date`: refused before the document was made or once it was abolished.
  virtual Status Amend(int64_t id, const Amendment& a, const std::string& actor) = 0;
  // Records the 废止 on `date`: refused before the document was made, after a 修改 dated later,
  // or if it is already abolished.
  virtual Status Repeal(int64_t id, Date date, const std::string& actor) = 0;
  virtual StatusOr<NormativeRecord> GetNormative(int64_t id) = 0;
  // An agency's (0 = every agency's) documents of `kind` (DocKind; -1 = both), by id.
  virtual StatusOr<std::vector<NormativeRecord>> ListNormative(int64_t agency_id, int kind) = 0;

  // ---- Administrative decisions and fees per year ----
  // Sets (replaces) an agency's counts for a year. Refuses negative or non-finite numbers, a fee
  // above kMaxFees10kYuan and an empty source.
  virtual Status SetActions(const ActionCounts& counts, const std::string& actor) = 0;
  // The counts recorded for an agency's year, if any.
  virtual StatusOr<std::optional<ActionCounts>> GetActions(int64_t agency_id, int year) = 0;

  // ---- Review and litigation cases ----
  // Adds a case filed on c.c.filed (pending unless c.c.result and c.c.decided are both given).
  virtual StatusOr<int64_t> AddCase(const DisclosureCase& c, const std::string& actor) = 0;
  // Records the decision of a pending case (result upheld, corrected or other; date not before
  // the filing).
  virtual Status DecideCase(int64_t id, CaseResult result, Date date, const std::string& actor) = 0;
  virtual StatusOr<DisclosureCase> GetCase(int64_t id) = 0;
  // An agency's (0 = all) cases that count in `year`'s table 4 (filed by 31 December and not
  // decided before 1 January), or every case if year == 0; by id.
  virtual StatusOr<std::vector<DisclosureCase>> ListCases(int64_t agency_id, int year) = 0;
};

// 行政事业性收费 above 10^8 万元 (one trillion yuan) a year is a typing error, not a county's fees.
inline constexpr double kMaxFees10kYuan = 1e8;

// The registry over `store`'s database (kUnimplemented for a store not made by OpenSqliteStore).
StatusOr<std::unique_ptr<Registry>> OpenRegistry(CaseStore& store);

}  // namespace gongkai

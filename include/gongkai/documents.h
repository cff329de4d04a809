// The document registry (政府信息公开目录, 《条例》Art. 12, 20, 26): every piece of government
// information an agency holds, with its 索引号, 名称, 分类, 发布机构, 生成日期, 公开方式 and text.
// Section one of the annual report counts the documents proactively published in the year by
// category from it; the web console lists and shows them.
//
// Contracts (as for CaseStore, store.h):
//   - Add and Publish are one transaction each and append one audit-log entry (the store's
//     audit log).
//   - Nothing is made public (主动公开 and not a draft) without the 三审 (拟稿、审核、签发, by
//   three
//     different people, dated) and the 保密审查: Add refuses such a document without them and
//     Publish requires them. Documents registered before the rule (schema migration 7) carry an
//     empty review and stay as they were.
//   - Text fields must be valid UTF-8 without control characters (other than tab and line
//     breaks); the registry refuses other input with an error naming the field.
//   - The registry of OpenDocumentRegistry shares the CaseStore's database connection: it must not
//     outlive the store, and like the store it is not thread-safe.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "gongkai/calendar.h"
#include "gongkai/status.h"
#include "gongkai/store.h"

namespace gongkai {

// 公开方式: how the information is disclosed.
enum class DisclosureMode {
  kProactive = 0,     // 主动公开 (Art. 19–20)
  kOnRequest = 1,     // 依申请公开 (Art. 27)
  kNotDisclosed = 2,  // 不予公开 (Art. 14–16)
};
inline constexpr int kDisclosureModeCount = 3;

// The reviews a document passes before it is made public (三审 and 保密审查).
struct DocumentReview {
  std::string drafter;           // 拟稿人 (初审)
  std::string reviewer;          // 审核人 (复审)
  std::string approver;          // 签发人 (终审)
  std::optional<Date> date;      // 审查日期: the day the last review was done
  bool secrecy_checked = false;  // 保密审查 done

  // "" if the review allows publication, else what is missing, in Chinese with English in
  // brackets: every name given, three different people, a date, the secrecy check.
  std::string Missing() const;
};

struct PublishedDocument {
  int64_t id = 0;
  int64_t agency_id = 0;          // the agency whose catalogue lists it
  std::string index_number;       // 索引号; unique within an agency's catalogue
  std::string title;              // 名称 / 标题
  std::string category;           // 分类, as the agency's guide (指南, Art. 12) classifies
  std::string publisher;          // 发布机构
  Date created;                   // 生成日期 (formed or last changed, Art. 26)
  std::optional<Date> published;  // 公开日期 (Art. 26: within 20 working days of created)
  DisclosureMode mode = DisclosureMode::kProactive;  // 公开方式
  std::string body;                                  // the text
  DocumentReview review;                             // 三审 and 保密审查
  // A proactive document being prepared: not public (catalogue, search, counts) until Publish.
  bool draft = false;

  // Shown to the public: 主动公开 and not a draft.
  bool IsPublic() const { return mode == DisclosureMode::kProactive && !draft; }
};

struct DocumentQuery {
  int64_t agency_id = 0;  // 0 = every agency
  int64_t offset = 0;     // rows skipped
  int64_t limit = 50;     // 1 … kMaxDocumentPage
  // Only documents of this mode (the total counts only them); unset: every mode.
  std::optional<DisclosureMode> mode = std::nullopt;
  bool with_drafts = false;  // false: drafts are left out (and not counted)
};
inline constexpr int64_t kMaxDocumentPage = 500;

struct DocumentPage {
  std::vector<PublishedDocument> documents;  // newest 生成日期 first, then by id descending
  int64_t total = 0;                         // matching documents in all pages
};

struct CategoryCount {
  std::string category;
  int64_t count = 0;
};

class DocumentRegistry {
 public:
  virtual ~DocumentRegistry() = default;

  // Adds a document; returns its id (d.id is ignored). Refuses an unknown agency, an empty
  // 索引号/名称/分类/发布机构, a 公开日期 before the 生成日期, a 索引号 the agency already has, a
  // draft that is not 主动公开, and a public (主动公开, not draft) document whose review is
  // incomplete (DocumentReview::Missing) or dated after its 公开日期.
  virtual StatusOr<int64_t> Add(const PublishedDocument& d, const std::string& actor) = 0;
  // Makes draft `id` public on `published` with `review` (which replaces the draft's): refuses a
  // document that is not a draft, an incomplete review, a review dated after `published` and a
  // `published` before the 生成日期.
  virtual Status Publish(int64_t id, const DocumentReview& review, Date published,
                         const std::string& actor) = 0;
  virtual StatusOr<PublishedDocument> Get(int64_t id) = 0;
  // One page of an agency's (or every agency's) documents.
  virtual StatusOr<DocumentPage> List(const DocumentQuery& query) = 0;
  // Proactively published (主动公开, not draft) documents of an agency (0 = all) made public in
  // `year` (公开日期, or 生成日期 when no publication date is recorded), per category, by category.
  virtual StatusOr<std::vector<CategoryCount>> CountByCategory(int64_t agency_id, int year) = 0;
};

// The registry over `store`'s database. Fails with kUnimplemented for a store that is not
// OpenSqliteStore's. `store` must outlive the registry.
StatusOr<std::unique_ptr<DocumentRegistry>> OpenDocumentRegistry(CaseStore& store);

std::string_view DisclosureModeId(DisclosureMode m);  // "proactive", "on_request", …
std::string_view DisclosureModeLabel(DisclosureMode m);  // "主动公开", "依申请公开", "不予公开"
// Accepts the id or the Chinese label.
StatusOr<DisclosureMode> DisclosureModeFromId(std::string_view id);

}  // namespace gongkai

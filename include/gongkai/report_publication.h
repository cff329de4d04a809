// The annual report an office publishes (《条例》Art. 49–50): the report generated from its records
// (GenerateAnnualReport) with the office's own text in the sections the records cannot write
// (those whose generated text holds the placeholder kOfficeTextMark), validated, and stored as
// published — the model JSON (report_json.h, with sections) and the plain text — per agency and
// year. The public 专栏 serves the newest published version.
//
// Contracts (as for CaseStore, store.h): every write is one transaction with its audit-log
// entries; text must be clean UTF-8 (CheckTextField); published versions are append-only (a
// correction is published as a new version); the store shares the CaseStore's connection, must
// not outlive it and is not thread-safe.
//
// Example:
//   SectionTexts texts = {};                       // "" = nothing written for that section
//   texts[0] = "本年，本机关坚持以公开为常态……";
//   GONGKAI_RETURN_IF_ERROR(SaveReportText(store, agency, 2025, texts, "user:wang"));
//   GONGKAI_ASSIGN_OR_RETURN(PublishedReport p,
//                            PublishAnnualReport(store, agency, 2025, today, "user:li"));
#pragma once

#include <array>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "gongkai/calendar.h"
#include "gongkai/finding.h"
#include "gongkai/report.h"
#include "gongkai/status.h"
#include "gongkai/store.h"

namespace gongkai {

// The mark that opens a generated paragraph the office has to write (report_narrative.h).
inline constexpr const char* kOfficeTextMark = "【待本机关填写】";
// The longest office text of one section: a report is a few pages.
inline constexpr size_t kMaxOfficeTextBytes = 64 * 1024;

// The office's text per section; "" = nothing written.
using SectionTexts = std::array<std::string, kSectionCount>;

struct PublishedReport {
  int64_t id = 0;
  int64_t agency_id = 0;
  int year = 0;
  std::string model_json;    // ReportToJson with sections and findings; ReportFromJson reads it
  std::string text;          // the report as plain text (title, preamble, sections)
  std::string published_at;  // UTC, ISO 8601
  std::string actor;
};

// The storage (SQLite or PostgreSQL, on the CaseStore's connection).
class ReportPublications {
 public:
  virtual ~ReportPublications() = default;

  // The office's saved text for an agency's year (all "" if none).
  virtual StatusOr<SectionTexts> GetText(int64_t agency_id, int year) = 0;
  // Replaces the saved text (one audit entry, "report_text", before → after). Refuses an unknown
  // agency, a year outside 2008–2100, text that is not clean or longer than kMaxOfficeTextBytes.
  virtual Status SetText(int64_t agency_id, int year, const SectionTexts& texts,
                         const std::string& actor) = 0;
  // Appends a published version (p.id, p.published_at and p.actor are set here); audited.
  virtual StatusOr<int64_t> AddPublished(const PublishedReport& p, const std::string& actor) = 0;
  // The newest published version of an agency's year, if any.
  virtual StatusOr<std::optional<PublishedReport>> GetPublished(int64_t agency_id, int year) = 0;
  // The id of that version (0 if none): one index read, for caches.
  virtual StatusOr<int64_t> PublishedId(int64_t agency_id, int year) = 0;
  // Years with a published version, newest first.
  virtual StatusOr<std::vector<int>> PublishedYears(int64_t agency_id) = 0;
};

// kUnimplemented for a store not made by OpenSqliteStore or OpenPostgresStore. `store` must
// outlive the result.
StatusOr<std::unique_ptr<ReportPublications>> OpenReportPublications(CaseStore& store);

// A numeric cell of the report: table 2, 3 or 4 (0: none), its row and column. Table 3 and 4 use
// the model's indices (T3Row/T3Column, T4Group and column); table 2's rows are DocKind 0–1
// (columns made, abolished, in force), then DecisionKind 2–4 and the fees 5 (column 0).
struct CellRef {
  int table = 0;
  int row = -1;
  int column = -1;
  bool operator==(const CellRef&) const = default;
};

// The report being prepared: generated from the records, with the office's saved text in place of
// the placeholders, and the validator's findings.
struct ReportDraft {
  AnnualReport report;
  Findings findings;                   // Validate(report), locations cleared
  std::vector<CellRef> finding_cells;  // per finding: the cell it concerns (table 0 if none)
  SectionTexts office;                 // the saved text
  std::array<bool, kSectionCount> editable{};  // the section has a placeholder for the office
  std::array<bool, kSectionCount> missing{};   // editable and no text saved yet
};

// Validate(report), and per finding the cell it concerns (table 0 if it concerns no one cell);
// the findings' locations are cleared (a generated report has no source to point at).
Findings ValidateWithCells(const AnnualReport& report, std::vector<CellRef>* cells);

// Puts `office[s]` in place of the placeholder paragraphs of every editable section that has
// text (placeholders of sections without text stay). Pure.
void ApplyOfficeText(const SectionTexts& office, AnnualReport* report);
// The sections whose text holds a placeholder paragraph.
std::array<bool, kSectionCount> EditableSections(const AnnualReport& report);

// Generates the agency's report for `year` (GenerateAnnualReport, no roll-up), applies the saved
// text and validates it (Validate).
StatusOr<ReportDraft> DraftAnnualReport(CaseStore& store, int64_t agency_id, int year);

// Saves the office's text: refuses text for a section that is not editable.
Status SaveReportText(CaseStore& store, int64_t agency_id, int year, const SectionTexts& texts,
                      const std::string& actor);

// Publishes the draft of `year`: refuses a year not finished on `today` (year >= today's year), a
// section still waiting for the office's text and a report the validator finds errors in
// (kFailedPrecondition naming them); stores the version and returns it.
StatusOr<PublishedReport> PublishAnnualReport(CaseStore& store, int64_t agency_id, int year,
                                              Date today, const std::string& actor);

// Reads the office's text from a plain-text file: each section opens with a line that starts with
// its heading's numeral (一、 … 六、, e.g. "一、总体情况"); the lines up to the next heading are
// its text (outer blank lines dropped). Refuses text before the first heading and a section given
// twice, naming the line.
StatusOr<SectionTexts> ParseSectionTexts(std::string_view text);

// The paragraphs of a section's text (split at '\n'; empty ones kept).
std::vector<std::string> SectionTextParagraphs(const std::string& text);

// The report as plain text: the preamble (which opens with the title), then each section's
// heading and text.
std::string ReportPlainText(const AnnualReport& report);

}  // namespace gongkai

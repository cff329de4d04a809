// The annual report an office publishes (report_publication.h): generated, completed with the
// office's text, validated, stored.
#include "gongkai/report_publication.h"

#include "gongkai/ledger.h"
#include "gongkai/report_json.h"
#include "gongkai/validator.h"

namespace gongkai {
namespace {

bool IsPlaceholder(std::string_view paragraph) { return paragraph.rfind(kOfficeTextMark, 0) == 0; }

}  // namespace

std::vector<std::string> SectionTextParagraphs(const std::string& text) {
  std::vector<std::string> out;
  size_t start = 0;
  while (start <= text.size()) {
    size_t end = text.find('\n', start);
    if (end == std::string::npos) end = text.size();
    out.push_back(text.substr(start, end - start));
    start = end + 1;
  }
  return out;
}

namespace {

// Calls f(ref, cell) for every numeric cell of the three tables.
template <typename F>
void ForEachCell(AnnualReport* r, F f) {
  for (int k = 0; k < kDocKindCount; ++k) {
    for (int c = 0; c < kDocColumns; ++c) {
      f(CellRef{2, k, c}, &r->table2.docs[static_cast<size_t>(k)][static_cast<size_t>(c)]);
    }
  }
  for (int k = 0; k < kDecisionKindCount; ++k) {
    f(CellRef{2, kDocKindCount + k, 0}, &r->table2.decisions[static_cast<size_t>(k)]);
  }
  f(CellRef{2, kDocKindCount + kDecisionKindCount, 0}, &r->table2.fees_10k_yuan);
  for (int row = 0; row < kT3Rows; ++row) {
    for (int c = 0; c < kT3Columns; ++c) {
      f(CellRef{3, row, c}, &r->table3.cells[static_cast<size_t>(row)][static_cast<size_t>(c)]);
    }
  }
  for (int g = 0; g < kT4Groups; ++g) {
    for (int c = 0; c < kT4Columns; ++c) {
      f(CellRef{4, g, c}, &r->table4.cells[static_cast<size_t>(g)][static_cast<size_t>(c)]);
    }
  }
}

}  // namespace

// The validator points a finding at a cell's source, so a copy whose cells carry distinct
// sources (line = index + 1) tells which cell each finding concerns.
Findings ValidateWithCells(const AnnualReport& report, std::vector<CellRef>* cells) {
  AnnualReport tagged = report;
  std::vector<CellRef> refs;
  ForEachCell(&tagged, [&refs](CellRef ref, Cell* c) {
    refs.push_back(ref);
    c->source = SourceLocation{};
    c->source.line = static_cast<int>(refs.size());
  });
  tagged.title_source = SourceLocation{};
  for (Section& s : tagged.sections) s.source = SourceLocation{};
  Findings findings = Validate(tagged);
  cells->clear();
  for (Finding& f : findings) {
    const int line = f.location.line;
    cells->push_back(line > 0 && static_cast<size_t>(line) <= refs.size()
                         ? refs[static_cast<size_t>(line - 1)]
                         : CellRef{});
    f.location = SourceLocation{};
  }
  return findings;
}

std::array<bool, kSectionCount> EditableSections(const AnnualReport& report) {
  std::array<bool, kSectionCount> out{};
  for (size_t s = 0; s < out.size(); ++s) {
    for (const std::string& p : SectionTextParagraphs(report.sections[s].text)) {
      if (IsPlaceholder(p)) out[s] = true;
    }
  }
  return out;
}

void ApplyOfficeText(const SectionTexts& office, AnnualReport* report) {
  for (size_t s = 0; s < office.size(); ++s) {
    if (office[s].empty()) continue;
    std::string text;
    bool placed = false;
    for (const std::string& p : SectionTextParagraphs(report->sections[s].text)) {
      std::string keep = p;
      if (IsPlaceholder(p)) {
        if (placed) continue;  // one text replaces every placeholder of the section
        keep = office[s];
        placed = true;
      }
      text += (text.empty() ? "" : "\n") + keep;
    }
    if (placed) report->sections[s].text = text;
  }
}

StatusOr<SectionTexts> ParseSectionTexts(std::string_view text) {
  static const char* const kNumerals[kSectionCount] = {"一、", "二、", "三、",
                                                       "四、", "五、", "六、"};
  SectionTexts out;
  std::array<bool, kSectionCount> seen{};
  int current = -1;
  int line_no = 0;
  auto trim_blank_lines = [](std::string* t) {
    while (!t->empty() && (t->back() == '\n' || t->back() == ' ' || t->back() == '\r')) {
      t->pop_back();
    }
  };
  for (const std::string& raw : SectionTextParagraphs(std::string(text))) {
    ++line_no;
    std::string line = raw;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    size_t lead = line.find_first_not_of(" \t");
    std::string_view body = lead == std::string::npos ? "" : std::string_view(line).substr(lead);
    int heading = -1;
    for (int s = 0; s < kSectionCount; ++s) {
      if (body.rfind(kNumerals[s], 0) == 0) heading = s;
    }
    if (heading >= 0) {
      if (seen[static_cast<size_t>(heading)]) {
        return InvalidArgumentError("第 " + std::to_string(line_no) + " 行：“" +
                                    std::string(SectionTitle(heading)) +
                                    "”出现两次 (section given twice)");
      }
      if (current >= 0) trim_blank_lines(&out[static_cast<size_t>(current)]);
      seen[static_cast<size_t>(heading)] = true;
      current = heading;
      continue;
    }
    if (current < 0) {
      if (body.empty()) continue;
      return InvalidArgumentError("第 " + std::to_string(line_no) +
                                  " 行：正文之前应有部分标题，如“一、总体情况” (text before the "
                                  "first section heading)");
    }
    std::string& t = out[static_cast<size_t>(current)];
    if (t.empty() && body.empty()) continue;
    t += (t.empty() ? "" : "\n") + line;
  }
  if (current >= 0) trim_blank_lines(&out[static_cast<size_t>(current)]);
  return out;
}

std::string ReportPlainText(const AnnualReport& report) {
  std::string out = report.preamble + "\n";
  for (const Section& s : report.sections) {
    if (s.present) out += s.heading + "\n" + s.text + "\n";
  }
  return out;
}

StatusOr<ReportDraft> DraftAnnualReport(CaseStore& store, int64_t agency_id, int year) {
  GONGKAI_ASSIGN_OR_RETURN(std::unique_ptr<ReportPublications> pubs, OpenReportPublications(store));
  ReportDraft d;
  GONGKAI_ASSIGN_OR_RETURN(d.report, GenerateAnnualReport(store, agency_id, year, false));
  GONGKAI_ASSIGN_OR_RETURN(d.office, pubs->GetText(agency_id, year));
  d.editable = EditableSections(d.report);
  ApplyOfficeText(d.office, &d.report);
  for (size_t s = 0; s < d.editable.size(); ++s) {
    d.missing[s] = d.editable[s] && d.office[s].empty();
  }
  d.findings = ValidateWithCells(d.report, &d.finding_cells);
  return d;
}

Status SaveReportText(CaseStore& store, int64_t agency_id, int year, const SectionTexts& texts,
                      const std::string& actor) {
  GONGKAI_ASSIGN_OR_RETURN(std::unique_ptr<ReportPublications> pubs, OpenReportPublications(store));
  GONGKAI_ASSIGN_OR_RETURN(AnnualReport generated,
                           GenerateAnnualReport(store, agency_id, year, false));
  const std::array<bool, kSectionCount> editable = EditableSections(generated);
  for (int s = 0; s < kSectionCount; ++s) {
    if (!texts[static_cast<size_t>(s)].empty() && !editable[static_cast<size_t>(s)]) {
      return InvalidArgumentError("“" + std::string(SectionTitle(s)) +
                                  "”由台账生成，不能改写 (this section is generated from the "
                                  "records)");
    }
  }
  return pubs->SetText(agency_id, year, texts, actor);
}

StatusOr<PublishedReport> PublishAnnualReport(CaseStore& store, int64_t agency_id, int year,
                                              Date today, const std::string& actor) {
  if (year >= today.year()) {
    return FailedPreconditionError(std::to_string(year) +
                                   " 年度尚未结束，不能发布年度报告 (the year is not over)");
  }
  GONGKAI_ASSIGN_OR_RETURN(ReportDraft d, DraftAnnualReport(store, agency_id, year));
  std::string missing;
  for (int s = 0; s < kSectionCount; ++s) {
    if (d.missing[static_cast<size_t>(s)]) {
      missing += (missing.empty() ? "" : "、") + std::string(SectionTitle(s));
    }
  }
  if (!missing.empty()) {
    return FailedPreconditionError("以下部分尚待本机关填写，不能发布：" + missing +
                                   " (sections still waiting for the office's text)");
  }
  std::string errors;
  for (const Finding& f : d.findings) {
    if (f.severity == Severity::kError) errors += (errors.empty() ? "" : "；") + f.message;
  }
  if (!errors.empty()) {
    return FailedPreconditionError("报告未通过检查，不能发布：" + errors +
                                   " (the report fails the validator)");
  }
  GONGKAI_ASSIGN_OR_RETURN(std::unique_ptr<ReportPublications> pubs, OpenReportPublications(store));
  PublishedReport p;
  p.agency_id = agency_id;
  p.year = year;
  JsonExtras extras;
  extras.format = "ledger";
  p.model_json = ReportToJson(d.report, d.findings, extras, {false, true, -1});
  p.text = ReportPlainText(d.report);
  GONGKAI_ASSIGN_OR_RETURN(p.id, pubs->AddPublished(p, actor));
  GONGKAI_ASSIGN_OR_RETURN(std::optional<PublishedReport> stored,
                           pubs->GetPublished(agency_id, year));
  if (!stored) {
    return Status(StatusCode::kInternal, "发布后读不到年度报告 (published report not found)");
  }
  return *stored;
}

}  // namespace gongkai

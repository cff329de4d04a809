#include "gongkai/render.h"

#include "gongkai/report_json.h"
#include "renderers.h"

namespace gongkai {

std::string_view RenderFormatName(RenderFormat format) {
  switch (format) {
    case RenderFormat::kHtml: return "html";
    case RenderFormat::kMarkdown: return "md";
    case RenderFormat::kJson: return "json";
    case RenderFormat::kDocx: return "docx";
    case RenderFormat::kXlsx: return "xlsx";
    case RenderFormat::kPdf: return "pdf";
  }
  return "";
}

std::string_view RenderFormatExtension(RenderFormat format) { return RenderFormatName(format); }

StatusOr<RenderFormat> ParseRenderFormat(std::string_view name) {
  for (RenderFormat f : {RenderFormat::kHtml, RenderFormat::kMarkdown, RenderFormat::kJson,
                         RenderFormat::kDocx, RenderFormat::kXlsx, RenderFormat::kPdf}) {
    if (name == RenderFormatName(f)) return f;
  }
  if (name == "markdown") return RenderFormat::kMarkdown;
  if (name == "htm") return RenderFormat::kHtml;
  return InvalidArgumentError("未知的输出格式“" + std::string(name) +
                              "”，可用 docx、html、md、xlsx、pdf、json (unknown format)");
}

std::string ReportTitle(const AnnualReport& report) {
  std::string title = report.agency;
  if (report.year) title += std::to_string(*report.year) + "年";
  title += "政府信息公开工作年度报告";
  return title;
}

std::string RenderJson(const AnnualReport& report) {
  JsonOptions options;
  options.provenance = false;
  return ReportToJson(report, Findings{}, JsonExtras{}, options) + "\n";
}

StatusOr<std::string> RenderReport(const AnnualReport& report, RenderFormat format,
                                   const RenderOptions& options) {
  switch (format) {
    case RenderFormat::kHtml: return RenderHtml(report);
    case RenderFormat::kMarkdown: return RenderMarkdown(report);
    case RenderFormat::kJson: return RenderJson(report);
    case RenderFormat::kDocx: return render_internal::RenderDocx(report);
    case RenderFormat::kXlsx: return render_internal::RenderXlsx(report, options);
    case RenderFormat::kPdf: return render_internal::RenderPdf(report, options);
  }
  return InvalidArgumentError("未知的输出格式 (unknown render format)");
}

std::vector<StatusOr<std::string>> RenderReports(const std::vector<AnnualReport>& reports,
                                                 RenderFormat format, const RenderOptions& options) {
  if (format == RenderFormat::kPdf) {
    std::vector<const AnnualReport*> batch;
    for (const AnnualReport& r : reports) batch.push_back(&r);
    return render_internal::RenderPdfBatch(batch, options);
  }
  std::vector<StatusOr<std::string>> out;
  out.reserve(reports.size());
  for (const AnnualReport& r : reports) out.push_back(RenderReport(r, format, options));
  return out;
}

}  // namespace gongkai

#include "record_codec.h"

#include "gongkai/ledger_limits.h"
#include "sqlite_context.h"

namespace gongkai::store_internal {

std::optional<std::string> OptDate(const std::optional<Date>& d) {
  if (!d) return std::nullopt;
  return d->ToString();
}

Json DateJson(const std::optional<Date>& d) { return d ? Json(d->ToString()) : Json(nullptr); }

std::string JoinBreaches(const std::vector<std::string>& v) {
  std::string s;
  for (const std::string& b : v) s += (s.empty() ? "" : ";") + b;
  return s;
}

std::vector<std::string> SplitBreaches(const std::string& s) {
  std::vector<std::string> out;
  size_t pos = 0;
  while (pos < s.size()) {
    size_t semi = s.find(';', pos);
    if (semi == std::string::npos) semi = s.size();
    out.push_back(s.substr(pos, semi - pos));
    pos = semi + 1;
  }
  return out;
}

RequestState RequestStateFromId(const std::string& id) {
  for (int i = 0; i <= static_cast<int>(RequestState::kConcluded); ++i) {
    if (RequestStateId(static_cast<RequestState>(i)) == id) return static_cast<RequestState>(i);
  }
  return RequestState::kOpen;
}

Json RequestJson(const Request& r) {
  return Json{{"id", r.id},
              {"agency_id", r.agency_id},
              {"applicant_id", r.applicant_id},
              {"applicant_kind", ApplicantKindId(r.applicant_kind)},
              {"channel", ChannelId(r.channel)},
              {"received", r.received.ToString()},
              {"content", r.content},
              {"form", r.form},
              {"state", RequestStateId(r.state)},
              {"clock_start", r.clock_start.ToString()},
              {"excluded_days", r.excluded_days},
              {"paused_since", DateJson(r.paused_since)},
              {"correction_due", DateJson(r.correction_due)},
              {"correction_received", r.correction_received},
              {"extension_days", r.extension_days},
              {"extension_approver", r.extension_approver},
              {"fee_method", static_cast<int>(r.fee_method)},
              {"fee_yuan", r.fee_yuan},
              {"fee_due", DateJson(r.fee_due)},
              {"due", DateJson(r.due)},
              {"concluded_on", DateJson(r.concluded_on)},
              {"outcome", r.outcome},
              {"reply_basis", r.reply_basis},
              {"reply_text", r.reply_text},
              {"breaches", r.breaches},
              {"version", r.version}};
}

Json QueryCodeJson(int64_t request_id, const std::string& code_sha256) {
  return Json{{"request_id", request_id}, {"code_sha256", code_sha256}};
}

Json NormativeJson(const NormativeDoc& d) {
  return Json{{"id", d.id},
              {"agency_id", d.agency_id},
              {"kind", DocKindId(d.kind)},
              {"title", d.title},
              {"number", d.number},
              {"made", d.made.ToString()},
              {"abolished", DateJson(d.abolished)}};
}

Json ActionsJson(const ActionCounts& a) {
  return Json{{"agency_id", a.counts.agency_id},
              {"year", a.counts.year},
              {"licensing", a.counts.licensing},
              {"penalty", a.counts.penalty},
              {"coercion", a.counts.coercion},
              {"fees_10k_yuan", a.counts.fees_10k_yuan},
              {"source", a.source}};
}

Json CaseJson(const DisclosureCase& c) {
  return Json{{"id", c.c.id},
              {"agency_id", c.c.agency_id},
              {"group", T4GroupId(c.c.group)},
              {"filed", c.c.filed.ToString()},
              {"decided", DateJson(c.c.decided)},
              {"result", CaseResultId(c.c.result)},
              {"request_id", c.c.request_id},
              {"number", c.number},
              {"note", c.note},
              {"review_id", c.review_id}};
}

Json DocumentJson(const PublishedDocument& d) {
  return Json{{"id", d.id},
              {"agency_id", d.agency_id},
              {"index_number", d.index_number},
              {"title", d.title},
              {"category", d.category},
              {"publisher", d.publisher},
              {"created", d.created.ToString()},
              {"published", d.published ? Json(d.published->ToString()) : Json(nullptr)},
              {"mode", DisclosureModeId(d.mode)},
              {"body", d.body},
              {"draft", d.draft},
              {"drafter", d.review.drafter},
              {"reviewer", d.review.reviewer},
              {"approver", d.review.approver},
              {"review_date", d.review.date ? Json(d.review.date->ToString()) : Json(nullptr)},
              {"secrecy_checked", d.review.secrecy_checked}};
}

Status CheckRequestText(const Request& r) {
  return gongkai::CheckTextFields({{"申请内容 (content)", r.content},
                                   {"获取方式 (form)", r.form},
                                   {"延期批准人 (approver)", r.extension_approver},
                                   {"办理结果 (outcome)", r.outcome},
                                   {"答复依据 (basis)", r.reply_basis},
                                   {"答复书 (letter)", r.reply_text},
                                   {"违规记录 (breaches)", JoinBreaches(r.breaches)}});
}

Status CheckEventText(const Event& e) {
  return gongkai::CheckTextFields({{"经办人 (actor)", e.actor},
                                   {"理由 (reason)", e.reason},
                                   {"事件类型 (event kind)", e.kind},
                                   {"事件详情 (event detail)", e.detail},
                                   {"违规记录 (breach)", e.breach}});
}

Status CheckQueryCodeHash(const std::string& h) {
  bool ok = h.empty() || h.size() == 64;
  for (char c : h) ok &= (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f');
  if (ok) return Status::Ok();
  return InvalidArgumentError(
      "查询码哈希须为 64 位小写十六进制 (query code hash must be 64 "
      "lowercase hex digits)");
}

Status ValidateDocument(const PublishedDocument& d) {
  GONGKAI_RETURN_IF_ERROR(CheckTextFields({{"索引号", &d.index_number},
                                           {"名称", &d.title},
                                           {"分类", &d.category},
                                           {"发布机构", &d.publisher},
                                           {"正文", &d.body}}));
  const std::pair<const char*, const std::string*> required[] = {
      {"索引号 (index number)", &d.index_number},
      {"名称 (title)", &d.title},
      {"分类 (category)", &d.category},
      {"发布机构 (publisher)", &d.publisher}};
  for (const auto& [name, value] : required) {
    if (value->empty()) return InvalidArgumentError(std::string(name) + " 不能为空 (is empty)");
  }
  if (d.published && *d.published < d.created) {
    return InvalidArgumentError("公开日期 " + d.published->ToString() + " 早于生成日期 " +
                                d.created.ToString() + " (published before it was created)");
  }
  GONGKAI_RETURN_IF_ERROR(CheckTextFields({{"拟稿人", &d.review.drafter},
                                           {"审核人", &d.review.reviewer},
                                           {"签发人", &d.review.approver}}));
  if (d.draft) {
    if (d.mode != DisclosureMode::kProactive) {
      return InvalidArgumentError(
          "只有主动公开的文件才有待发布稿 (only a proactive document is a draft)");
    }
    if (d.published) {
      return InvalidArgumentError("待发布稿没有公开日期 (a draft has no publication date)");
    }
    return Status::Ok();
  }
  if (d.mode == DisclosureMode::kProactive) {
    return CheckReviewAllowsPublication(d.review, d.published);
  }
  return Status::Ok();
}

Status CheckDraftPublishable(const PublishedDocument& draft, const DocumentReview& review,
                             Date published) {
  if (!draft.draft) {
    return FailedPreconditionError("文件 " + std::to_string(draft.id) +
                                   " 不是待发布稿，已公开或不属主动公开 (not a draft)");
  }
  if (published < draft.created) {
    return InvalidArgumentError("公开日期 " + published.ToString() + " 早于生成日期 " +
                                draft.created.ToString() + " (published before it was created)");
  }
  return CheckReviewAllowsPublication(review, published);
}

Status CheckReviewAllowsPublication(const DocumentReview& r, const std::optional<Date>& published) {
  GONGKAI_RETURN_IF_ERROR(
      CheckTextFields({{"拟稿人", &r.drafter}, {"审核人", &r.reviewer}, {"签发人", &r.approver}}));
  std::string missing = r.Missing();
  if (!missing.empty()) {
    return FailedPreconditionError("未完成三审和保密审查，不能主动公开：" + missing);
  }
  if (published && *r.date > *published) {
    return InvalidArgumentError("审查日期 " + r.date->ToString() + " 晚于公开日期 " +
                                published->ToString() + " (reviewed after publication)");
  }
  return Status::Ok();
}

Status CheckAgencyNesting(const Agency& a, const Agency& parent) {
  if (a.kind != AgencyKind::kDepartment &&
      (parent.kind == AgencyKind::kDepartment ||
       static_cast<int>(parent.kind) >= static_cast<int>(a.kind))) {
    return InvalidArgumentError(std::string(AgencyKindId(a.kind)) + " 不能隶属于 " +
                                std::string(AgencyKindId(parent.kind)) + "“" + parent.name +
                                "”：政府按 自治区/省 → 盟/市 → 旗/县 逐级隶属，不隶属于部门 (a " +
                                std::string(AgencyKindId(a.kind)) + " cannot be placed under a " +
                                std::string(AgencyKindId(parent.kind)) + ")");
  }
  return Status::Ok();
}

Status AddRequestTally(int64_t agency_id, int64_t kind, const std::string& outcome,
                       const std::array<int64_t, 4>& counts, std::map<int64_t, YearFigures>* out) {
  const int64_t concluded = counts[2];
  int outcome_row = -1;
  if (concluded) {
    outcome_row = T3RowFromId(outcome);
    if (outcome_row < kFirstOutcomeRow || outcome_row > kLastOutcomeRow) {
      return DataLossError("申请的办理结果“" + outcome +
                           "”不是表三的结果行 (stored outcome is not a table-3 row)");
    }
  }
  YearFigures& f = (*out)[agency_id];
  if (kind < 0 || kind >= kApplicantKindCount) return Status::Ok();
  const auto k = static_cast<size_t>(kind);
  f.t3[kNew][k] += counts[0];
  f.t3[kCarriedOver][k] += counts[1];
  if (concluded) f.t3[static_cast<size_t>(outcome_row)][k] += concluded;
  f.t3[kCarriedForward][k] += counts[3];
  return Status::Ok();
}

void AddCaseTally(int64_t agency_id, int64_t group, int64_t column, int64_t n,
                  std::map<int64_t, YearFigures>* out) {
  YearFigures& f = (*out)[agency_id];
  if (group >= 0 && group < kT4Groups && column >= 0 && column < 4) {
    f.t4[static_cast<size_t>(group)][static_cast<size_t>(column)] += n;
  }
}

void AddDocTally(int64_t agency_id, int64_t kind, const std::array<int64_t, 3>& counts,
                 std::map<int64_t, YearFigures>* out) {
  YearFigures& f = (*out)[agency_id];
  if (kind < 0 || kind >= kDocKindCount) return;
  for (int c = 0; c < kDocColumns; ++c) {
    f.docs[static_cast<size_t>(kind)][static_cast<size_t>(c)] += counts[static_cast<size_t>(c)];
  }
}

}  // namespace gongkai::store_internal

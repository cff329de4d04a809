// The staff console's case handling (issue 12): the work list with filters and CSV/XLSX export,
// the case page (timeline, the actions the state allows, letters, attachments, the applicant's
// personal data on request), each action a POST with CSRF. Every read and write goes through
// CaseDesk with the logged-in actor, so an id of another agency answers 404 from the library.
//
//   GET  /staff/cases[.csv|.xlsx]?state=&channel=&due=&from=&to=&q=
//   GET  /staff/cases/:id
//   POST /staff/cases/:id/actions/:action        (CaseActionId: correction, supplement, …)
//   POST /staff/cases/:id/personal-data          (shows it once, audited)
//   GET  /staff/cases/:id/letters/:kind          (review)  /letters/:kind/:format (docx, pdf)
//   GET  /staff/cases/:id/attachments/:attachment
#include <charconv>

#include "gongkai/case_desk.h"
#include "gongkai/ledger_labels.h"
#include "gongkai/render_letter.h"
#include "gongkai/render_table.h"
#include "routes.h"
#include "staff_auth.h"

namespace gongkai::web {
namespace {

using Dict = ctemplate::TemplateDictionary;

constexpr std::initializer_list<Role> kCaseRoles = {Role::kClerk, Role::kApprover, Role::kAdmin};

// A positive id from capture `index`; 0 for anything else (answered as 404 by the library).
int64_t IdParam(const HttpRequest& req, size_t index) {
  const std::string& text = req.params.at(index);
  int64_t id = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), id);
  if (ec != std::errc() || end != text.data() + text.size() || id <= 0) return 0;
  return id;
}

std::string_view DueClass(DueStatus s) {
  switch (s) {
    case DueStatus::kOverdue:
      return "overdue";
    case DueStatus::kDueSoon:
      return "soon";
    case DueStatus::kClockStopped:
      return "stopped";
    case DueStatus::kActionLapsed:
      return "lapsed";
    case DueStatus::kOnTime:
      break;
  }
  return "ok";
}

// "?state=…&…" of the filters given, for the export links ("" if none).
std::string FilterQuery(const HttpRequest& req) {
  std::string q;
  for (const char* name : {"state", "channel", "due", "from", "to", "q"}) {
    std::string v = req.Query(name);
    if (v.empty()) continue;
    q += (q.empty() ? "?" : "&") + std::string(name) + "=" + PercentEncode(v);
  }
  return q;
}

void FillFilterForm(const HttpRequest& req, Dict* d) {
  auto option = [&](const char* section, std::string_view value, std::string_view label,
                    const char* param) {
    Dict* o = d->AddSectionDictionary(section);
    o->SetValue("VALUE", std::string(value));
    o->SetValue("LABEL", std::string(label));
    if (req.Query(param) == value) o->ShowSection("SELECTED");
  };
  for (int i = 0; i <= static_cast<int>(RequestState::kAwaitingFee); ++i) {
    auto s = static_cast<RequestState>(i);
    option("STATE", RequestStateId(s), RequestStateLabel(s), "state");
  }
  for (int i = 0; i < kChannelCount; ++i) {
    auto c = static_cast<Channel>(i);
    option("CHANNEL", ChannelId(c), ChannelLabel(c), "channel");
  }
  for (int i = 0; i < kDueStatusCount; ++i) {
    auto s = static_cast<DueStatus>(i);
    option("DUE_STATUS", DueStatusId(s), DueStatusLabel(s), "due");
  }
  d->SetValue("FROM", req.Query("from"));
  d->SetValue("TO", req.Query("to"));
  d->SetValue("Q", req.Query("q"));
  d->SetValue("QUERY", FilterQuery(req));
}

HttpResponse Download(std::string bytes, std::string mime, const std::string& ascii_name,
                      const std::string& utf8_name) {
  HttpResponse r;
  r.content_type = std::move(mime);
  r.body = std::move(bytes);
  r.With("Content-Disposition", "attachment; filename=\"" + ascii_name + "\"; filename*=UTF-8''" +
                                    PercentEncode(utf8_name));
  r.With("Cache-Control", "no-store");
  return r;
}

HttpResponse StaffError(Site& site, const HttpRequest& req, const Actor& actor, int status,
                        const std::string& message) {
  return StaffErrorPage(site, req, &actor, status, message);
}

// The error page for a library error: 404 for NotFound (another agency's id included, with the
// same words as an unknown id), else the status HttpStatusFor gives, with the library's message.
HttpResponse LibraryError(Site& site, const HttpRequest& req, const Actor& actor, const Status& s) {
  if (s.code() == StatusCode::kNotFound) return StaffError(site, req, actor, 404, "没有这件申请");
  int status = HttpStatusFor(s);
  return StaffError(site, req, actor, status == 500 ? 503 : status, s.message());
}

// What the case page shows beyond the CaseView: a refusal, a step just taken, personal data.
struct CaseExtras {
  std::string refused;
  std::string done;  // a CaseActionId
  std::optional<PersonalData> personal;
};

void FillCase(const CaseView& v, const CaseExtras& x, Date today, Dict* d) {
  const Request& r = v.status.request;
  d->SetIntValue("ID", r.id);
  d->SetIntValue("VERSION", r.version);  // the actions' forms: CheckSeenVersion
  d->SetValue("TODAY", today.ToString());
  if (!x.refused.empty()) d->SetValueAndShowSection("MESSAGE", x.refused, "REFUSED");
  if (StatusOr<CaseAction> a = CaseActionFromId(x.done); a.ok()) {
    d->SetValueAndShowSection("LABEL", std::string(CaseActionLabel(*a)), "DONE");
  }
  d->SetValue("AGENCY", v.agency.name);
  d->SetValue("APPLICANT", v.applicant.name);
  d->SetValue("APPLICANT_KIND", std::string(ApplicantKindLabel(v.applicant.kind)));
  d->SetValue("CHANNEL", std::string(ChannelLabel(r.channel)));
  d->SetValue("RECEIVED", r.received.ToString());
  d->SetValue("CONTENT", r.content);
  d->SetValue("FORM", r.form);
  d->SetValue("STATE", std::string(RequestStateLabel(r.state)));
  if (r.due) d->SetValueAndShowSection("DUE", r.due->ToString(), "HAS_DUE");
  if (r.state != RequestState::kConcluded && v.work.due) {
    d->ShowSection("HAS_NEXT");
    d->SetValue("NEXT", v.work.due->ToString());
    d->SetValue("STATUS_LABEL", v.work.status_label);
    d->SetValue("DUE_CLASS", std::string(DueClass(v.work.status)));
  }
  if (v.correction_notice_by) {
    d->AddSectionDictionary("NOTICE_BY")->SetValue("DATE", v.correction_notice_by->ToString());
  }
  if (r.extension_days > 0) {
    Dict* e = d->AddSectionDictionary("EXTENDED");
    e->SetIntValue("DAYS", r.extension_days);
    e->SetValue("APPROVER", r.extension_approver);
  }
  for (const std::string& b : r.breaches) {
    d->AddSectionDictionary("BREACH")->SetValue("TEXT", BreachLabel(b));
  }
  if (x.personal) {
    Dict* p = d->AddSectionDictionary("PERSONAL");
    p->SetValue("ID_NUMBER", x.personal->id_number);
    p->SetValue("PHONE", x.personal->phone);
    p->SetValue("ADDRESS", x.personal->address);
  } else {
    d->ShowSection("PERSONAL_HIDDEN");
  }
  for (const Event& e : v.events) {
    Dict* row = d->AddSectionDictionary("EVENT");
    row->SetValue("TEXT", EventSentence(e));  // opens with the date
    row->SetValue("ACTOR", e.actor);
    if (!e.breach.empty()) row->SetValueAndShowSection("BREACH", BreachLabel(e.breach), "LATE");
  }
  for (const ExtensionProposal& p : v.proposals) {
    Dict* row = d->AddSectionDictionary("PROPOSAL");
    row->SetIntValue("PROPOSAL_ID", p.id);
    row->SetIntValue("DAYS", p.days);
    row->SetValue("REASON", p.reason);
    row->SetValue("PROPOSED_BY", p.proposed_by);
    row->SetValue("PROPOSED_ON", p.proposed_on.ToString());
    row->SetValue("STATE", p.state == ProposalState::kPending    ? "待批准"
                           : p.state == ProposalState::kApproved ? "已批准"
                                                                 : "已驳回");
    if (p.decided_on) {
      Dict* dd = row->AddSectionDictionary("DECIDED");
      dd->SetValue("DECIDED_BY", p.decided_by);
      dd->SetValue("DECIDED_ON", p.decided_on->ToString());
    }
  }
  if (r.state == RequestState::kConcluded) {
    Dict* reply = d->AddSectionDictionary("REPLY");
    reply->SetValue("OUTCOME", OutcomeLabel(r.outcome));
    reply->SetValue("BASIS", r.reply_basis);
    reply->SetValue("TEXT", r.reply_text);
  }
  static const std::map<CaseAction, const char*> kSections = {
      {CaseAction::kCorrection, "A_CORRECTION"},
      {CaseAction::kSupplement, "A_SUPPLEMENT"},
      {CaseAction::kConsult, "A_CONSULT"},
      {CaseAction::kConsultEnd, "A_CONSULT_END"},
      {CaseAction::kProposeExtension, "A_EXTEND"},
      {CaseAction::kApproveExtension, "A_APPROVE"},
      {CaseAction::kRejectExtension, "A_REJECT"},
      {CaseAction::kFeeNotice, "A_FEE"},
      {CaseAction::kFeePaid, "A_FEE_PAID"},
      {CaseAction::kWithdraw, "A_WITHDRAW"},
      {CaseAction::kReply, "A_REPLY"},
  };
  if (!v.allowed.empty()) d->ShowSection("HAS_ACTIONS");
  for (CaseAction a : v.allowed) d->ShowSection(kSections.at(a));
  if (v.correction_notice_by) {
    d->SetValue("DEFAULT_DEADLINE", (today + 15).ToString());
  }
  for (std::string_view id : OutcomeIds()) {
    Dict* o = d->AddSectionDictionary("OUTCOME");
    o->SetValue("VALUE", std::string(id));
    o->SetValue("LABEL", OutcomeLabel(id));
  }
  if (v.letters.empty()) d->ShowSection("NO_LETTERS");
  for (LetterKind k : v.letters) {
    Dict* l = d->AddSectionDictionary("LETTER");
    l->SetValue("KIND", std::string(LetterKindId(k)));
    l->SetValue("LABEL", std::string(LetterKindLabel(k)));
  }
  if (v.attachments.empty()) d->ShowSection("NO_ATTACHMENTS");
  for (const Attachment& a : v.attachments) {
    Dict* row = d->AddSectionDictionary("ATTACHMENT");
    row->SetIntValue("ATTACHMENT_ID", a.id);
    row->SetValue("NAME", a.name);
    row->SetIntValue("SIZE", a.size);
    row->SetValue("SHA256", a.sha256);
  }
}

// The step's fields from the form; a malformed date or number is an InvalidArgument naming it.
StatusOr<CaseActionInput> InputFromForm(const std::multimap<std::string, std::string>& form) {
  CaseActionInput in;
  StatusOr<Date> date = Date::Parse(FormValue(form, "date"));
  if (!date.ok()) return InvalidArgumentError("请填写日期（YYYY-MM-DD）");
  in.date = *date;
  in.reason = FormValue(form, "reason");
  if (std::string v = FormValue(form, "deadline"); !v.empty()) {
    StatusOr<Date> d = Date::Parse(v);
    if (!d.ok()) return InvalidArgumentError("补正期限应为日期（YYYY-MM-DD）");
    in.deadline = *d;
  }
  in.items = FormValue(form, "items");
  in.party = FormValue(form, "party");
  auto number = [&](const char* name, int64_t* out) -> Status {
    std::string v = FormValue(form, name);
    if (v.empty()) return Status::Ok();
    auto [end, ec] = std::from_chars(v.data(), v.data() + v.size(), *out);
    if (ec != std::errc() || end != v.data() + v.size()) {
      return InvalidArgumentError(std::string(name) == "days" ? "延长工作日数应为整数"
                                                              : "页数应为整数");
    }
    return Status::Ok();
  };
  int64_t days = 0;
  GONGKAI_RETURN_IF_ERROR(number("days", &days));
  in.days = static_cast<int>(std::clamp<int64_t>(days, -1, 1000));
  GONGKAI_RETURN_IF_ERROR(number("pages", &in.pages));
  if (form.count("version")) {  // absent: a client of its own, without optimistic check
    int64_t version = 0;
    std::string v = FormValue(form, "version");
    auto [end, ec] = std::from_chars(v.data(), v.data() + v.size(), version);
    if (ec != std::errc() || end != v.data() + v.size() || version < 0 || version > INT32_MAX) {
      return InvalidArgumentError("页面版本号无效，请刷新页面 (bad version)");
    }
    in.seen_version = static_cast<int>(version);
  }
  std::string method = FormValue(form, "method");
  in.method = method == "per_request" ? FeeMethod::kPerRequest
              : method == "per_page"  ? FeeMethod::kPerPage
                                      : FeeMethod::kNone;
  in.outcome = FormValue(form, "outcome");
  in.basis = FormValue(form, "basis");
  in.letter = FormValue(form, "letter");
  return in;
}

// This thread's CaseDesk, or the 503 page.
StatusOr<CaseDesk*> Desk(Site& site) {
  GONGKAI_ASSIGN_OR_RETURN(LedgerSession * s, site.Session());
  return s->desk.get();
}

HttpResponse CasePage(Site& site, const HttpRequest& req, const Actor& actor, int64_t id,
                      const CaseExtras& extras, int status) {
  StatusOr<CaseDesk*> desk = Desk(site);
  if (!desk.ok()) return StaffError(site, req, actor, 503, "数据库暂不可用");
  StatusOr<CaseView> view = (*desk)->Open(actor, id, site.Today());
  if (!view.ok()) return LibraryError(site, req, actor, view.status());
  return StaffPage(
      site, req, &actor, "申请 " + std::to_string(id), "staff_case.tpl",
      [&](Dict* d) { FillCase(*view, extras, site.Today(), d); }, status);
}

// The work list of the request's filters; a malformed filter is reported in *filter_error.
StatusOr<std::vector<WorkItem>> Work(Site& site, const HttpRequest& req, const Actor& actor,
                                     std::string* filter_error) {
  GONGKAI_ASSIGN_OR_RETURN(CaseDesk * desk, Desk(site));
  WorkFilter filter =
      ParseWorkFilter([&](const std::string& name) { return req.Query(name); }, filter_error);
  return desk->WorkList(actor, filter, site.Today());
}

HttpResponse WorkListPage(Site& site, const HttpRequest& req, const Actor& actor) {
  std::string filter_error;
  StatusOr<std::vector<WorkItem>> items = Work(site, req, actor, &filter_error);
  if (!items.ok()) return LibraryError(site, req, actor, items.status());
  return StaffPage(site, req, &actor, "待办申请", "staff_cases.tpl", [&](Dict* d) {
    FillFilterForm(req, d);
    if (!filter_error.empty()) d->SetValueAndShowSection("MESSAGE", filter_error, "FILTER_ERROR");
    d->SetIntValue("COUNT", static_cast<long>(items->size()));
    for (const WorkItem& w : *items) {
      const Request& r = w.request;
      Dict* row = d->AddSectionDictionary("ITEM");
      row->SetIntValue("ID", r.id);
      row->SetValue("RECEIVED", r.received.ToString());
      row->SetValue("CHANNEL", std::string(ChannelLabel(r.channel)));
      row->SetValue("CONTENT", r.content);
      row->SetValue("STATE", std::string(RequestStateLabel(r.state)));
      row->SetValue("DUE", w.due ? w.due->ToString() : "");
      row->SetValue("STATUS_LABEL", w.status_label);
      row->SetValue("DUE_CLASS", std::string(DueClass(w.status)));
    }
  });
}

// The work list as CSV, or as XLSX if `as_xlsx`.
HttpResponse WorkListExport(Site& site, const HttpRequest& req, const Actor& actor, bool as_xlsx) {
  std::string filter_error;
  StatusOr<std::vector<WorkItem>> items = Work(site, req, actor, &filter_error);
  if (!items.ok()) return LibraryError(site, req, actor, items.status());
  if (!filter_error.empty()) return StaffError(site, req, actor, 400, filter_error);
  const std::string today = site.Today().ToString();
  PlainTable table = WorkListTable(*items, "待办申请（" + today + "）");
  if (as_xlsx) {
    RenderOptions options;
    options.soffice = site.options().soffice;
    StatusOr<std::string> xlsx = RenderTableXlsx(table, options);
    if (!xlsx.ok()) return StaffError(site, req, actor, 500, xlsx.status().message());
    return Download(std::move(xlsx).value(),
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                    "cases-" + today + ".xlsx", "待办申请-" + today + ".xlsx");
  }
  return Download(RenderTableCsv(table), "text/csv; charset=utf-8", "cases-" + today + ".csv",
                  "待办申请-" + today + ".csv");
}

HttpResponse TakeAction(Site& site, const HttpRequest& req, const Actor& actor) {
  std::multimap<std::string, std::string> form;
  HttpResponse denied;
  if (!ReadStaffForm(site, req, &actor, &form, &denied)) return denied;
  const int64_t id = IdParam(req, 0);
  StatusOr<CaseAction> action = CaseActionFromId(req.params.at(1));
  if (!action.ok()) return StaffError(site, req, actor, 404, "没有这个办理步骤");
  StatusOr<CaseDesk*> desk = Desk(site);
  if (!desk.ok()) return StaffError(site, req, actor, 503, "数据库暂不可用");
  StatusOr<CaseActionInput> in = InputFromForm(form);
  Status done = in.ok() ? (*desk)->Act(actor, id, *action, *in) : in.status();
  if (done.ok()) {
    return RedirectResponse("/staff/cases/" + std::to_string(id) +
                            "?done=" + std::string(CaseActionId(*action)));
  }
  if (done.code() == StatusCode::kNotFound) return LibraryError(site, req, actor, done);
  int status = HttpStatusFor(done);
  return CasePage(site, req, actor, id, {done.message(), "", std::nullopt},
                  status == 500 ? 503 : status);
}

HttpResponse ShowPersonalData(Site& site, const HttpRequest& req, const Actor& actor) {
  std::multimap<std::string, std::string> form;
  HttpResponse denied;
  if (!ReadStaffForm(site, req, &actor, &form, &denied)) return denied;
  const int64_t id = IdParam(req, 0);
  StatusOr<CaseDesk*> desk = Desk(site);
  if (!desk.ok()) return StaffError(site, req, actor, 503, "数据库暂不可用");
  StatusOr<PersonalData> personal = (*desk)->ViewPersonalData(actor, id);
  if (!personal.ok()) return LibraryError(site, req, actor, personal.status());
  return CasePage(site, req, actor, id, {"", "", *personal}, 200);
}

// The letter's Markdown for /staff/cases/:id/letters/:kind[/…], or an error response.
StatusOr<std::string> LetterText(Site& site, const HttpRequest& req, const Actor& actor,
                                 LetterKind kind) {
  GONGKAI_ASSIGN_OR_RETURN(CaseDesk * desk, Desk(site));
  return desk->ComposeLetter(actor, IdParam(req, 0), kind, site.data_dir() + "/letters",
                             site.Today());
}

HttpResponse LetterPage(Site& site, const HttpRequest& req, const Actor& actor) {
  StatusOr<LetterKind> kind = LetterKindFromId(req.params.at(1));
  if (!kind.ok()) return StaffError(site, req, actor, 404, "没有这种告知书");
  StatusOr<std::string> md = LetterText(site, req, actor, *kind);
  if (!md.ok()) return LibraryError(site, req, actor, md.status());
  return StaffPage(site, req, &actor, std::string(LetterKindLabel(*kind)), "staff_letter.tpl",
                   [&](Dict* d) {
                     d->SetIntValue("ID", IdParam(req, 0));
                     d->SetValue("KIND", std::string(LetterKindId(*kind)));
                     d->SetValue("LABEL", std::string(LetterKindLabel(*kind)));
                     d->SetValue("TEXT", *md);
                   });
}

HttpResponse LetterDownload(Site& site, const HttpRequest& req, const Actor& actor) {
  StatusOr<LetterKind> kind = LetterKindFromId(req.params.at(1));
  const std::string& ext = req.params.at(2);
  if (!kind.ok() || (ext != "docx" && ext != "pdf")) {
    return StaffError(site, req, actor, 404, "没有这种告知书");
  }
  StatusOr<std::string> md = LetterText(site, req, actor, *kind);
  if (!md.ok()) return LibraryError(site, req, actor, md.status());
  RenderOptions options;
  options.soffice = site.options().soffice;
  const RenderFormat format = ext == "docx" ? RenderFormat::kDocx : RenderFormat::kPdf;
  StatusOr<std::string> bytes = RenderLetter(LetterFromMarkdown(*md), format, options);
  if (!bytes.ok()) return LibraryError(site, req, actor, bytes.status());
  const std::string id = std::to_string(IdParam(req, 0));
  return Download(std::move(bytes).value(),
                  format == RenderFormat::kDocx
                      ? "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
                      : "application/pdf",
                  "letter-" + id + "-" + std::string(LetterKindId(*kind)) + "." + ext,
                  "申请" + id + "-" + std::string(LetterKindLabel(*kind)) + "告知书." + ext);
}

HttpResponse AttachmentDownload(Site& site, const HttpRequest& req, const Actor& actor) {
  StatusOr<CaseDesk*> desk = Desk(site);
  if (!desk.ok()) return StaffError(site, req, actor, 503, "数据库暂不可用");
  StatusOr<Attachment> a = (*desk)->GetAttachment(actor, IdParam(req, 0), IdParam(req, 1));
  if (!a.ok()) return LibraryError(site, req, actor, a.status());
  return Download(std::move(a->content), "application/octet-stream",
                  "attachment-" + std::to_string(a->id), a->name);
}

// Wraps a handler: the actor of a case-handling role, or the login redirect / 403 page.
Handler ForStaff(Site& site, HttpResponse (*handler)(Site&, const HttpRequest&, const Actor&)) {
  return [&site, handler](HttpRequest& req) {
    StatusOr<Actor> actor = RequireActor(site, req, kCaseRoles);
    if (!actor.ok()) return StaffDenied(site, req, actor.status());
    return handler(site, req, *actor);
  };
}

}  // namespace

void AddStaffCaseRoutes(Router& router, Site& site) {
  router.Add("GET", "/staff/cases", ForStaff(site, WorkListPage));
  router.Add("GET", "/staff/cases.csv",
             ForStaff(site, [](Site& s, const HttpRequest& r, const Actor& a) {
               return WorkListExport(s, r, a, false);
             }));
  router.Add("GET", "/staff/cases.xlsx",
             ForStaff(site, [](Site& s, const HttpRequest& r, const Actor& a) {
               return WorkListExport(s, r, a, true);
             }));
  router.Add("GET", "/staff/cases/:id",
             ForStaff(site, [](Site& s, const HttpRequest& r, const Actor& a) {
               return CasePage(s, r, a, IdParam(r, 0), {"", r.Query("done"), std::nullopt}, 200);
             }));
  router.Add("POST", "/staff/cases/:id/actions/:action", ForStaff(site, TakeAction));
  router.Add("POST", "/staff/cases/:id/personal-data", ForStaff(site, ShowPersonalData));
  router.Add("GET", "/staff/cases/:id/letters/:kind", ForStaff(site, LetterPage));
  router.Add("GET", "/staff/cases/:id/letters/:kind/:format", ForStaff(site, LetterDownload));
  router.Add("GET", "/staff/cases/:id/attachments/:attachment", ForStaff(site, AttachmentDownload));
}

}  // namespace gongkai::web

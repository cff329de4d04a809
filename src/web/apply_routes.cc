// 依申请公开: how to apply, the online form (条例 Art. 29) with attachments, the receipt with the
// query code (Art. 31 receipt date, Art. 33 due date), and the status query by code.
#include "applications.h"
#include "multipart.h"
#include "routes.h"

namespace gongkai::web {
namespace {

using Dict = ctemplate::TemplateDictionary;

void FillForm(const Agency& a, const ApplicationForm& f, const std::vector<FieldError>& errors,
              Dict* d) {
  d->SetIntValue("AGENCY_ID", a.id);
  d->SetValue("AGENCY_NAME", a.name);
  FillAgencyNav(a, "apply", d);
  for (const FieldError& e : errors) {
    Dict* row = d->AddSectionDictionary("ERROR");
    row->SetValue("FIELD", e.field);
    row->SetValue("MESSAGE", e.message);
  }
  if (!errors.empty()) d->ShowSection("HAS_ERRORS");
  d->SetValue("NAME", f.name);
  d->SetValue("ID_NUMBER", f.id_number);
  d->SetValue("PHONE", f.phone);
  d->SetValue("EMAIL", f.email);
  d->SetValue("ADDRESS", f.address);
  d->SetValue("CONTENT", f.content);
  for (int k = 0; k < kApplicantKindCount; ++k) {
    Dict* o = d->AddSectionDictionary("KIND");
    o->SetValue("VALUE", std::string(ApplicantKindId(static_cast<ApplicantKind>(k))));
    o->SetValue("LABEL", std::string(ApplicantKindLabel(static_cast<ApplicantKind>(k))));
    if (f.kind == ApplicantKindId(static_cast<ApplicantKind>(k))) o->ShowSection("SELECTED");
  }
  for (const std::string& t : IdTypes()) {
    Dict* o = d->AddSectionDictionary("ID_TYPE");
    o->SetValue("VALUE", t);
    if (f.id_type == t) o->ShowSection("SELECTED");
  }
  for (const auto& [id, label] : DeliveryForms()) {
    Dict* o = d->AddSectionDictionary("FORM");
    o->SetValue("VALUE", id);
    o->SetValue("LABEL", label);
    if (f.form == id) o->ShowSection("SELECTED");
  }
}

ApplicationForm FormFromFields(int64_t agency, const std::multimap<std::string, std::string>& m) {
  ApplicationForm f;
  f.agency_id = agency;
  f.name = FormValue(m, "name");
  f.kind = FormValue(m, "kind");
  f.id_type = FormValue(m, "id_type");
  f.id_number = FormValue(m, "id_number");
  f.phone = FormValue(m, "phone");
  f.email = FormValue(m, "email");
  f.address = FormValue(m, "address");
  f.content = FormValue(m, "content");
  f.form = FormValue(m, "form");
  return f;
}

HttpResponse StatusPage(Site& site, const HttpRequest& req, const std::string& code) {
  StatusOr<LedgerSession*> s = site.Session();
  if (!s.ok()) return site.ErrorPage(req, 503, "数据库暂不可用");
  auto found = LookupApplication(*(*s)->store, code);
  if (!found.ok()) return site.ErrorPage(req, 503, "查询暂不可用，请稍后再试");
  if (!found->has_value()) {
    // The same page for a malformed code and an unknown one: nothing about others' codes.
    return site.Page(
        req, "查询办理进度", "status_form.tpl", [&](Dict* d) { d->ShowSection("NOT_FOUND"); }, 404);
  }
  const ApplicationStatus& st = **found;
  return site.Page(req, "办理进度", "status.tpl", [&](Dict* d) {
    d->SetValue("AGENCY_NAME", st.agency);
    d->SetValue("CONTENT", st.content);
    d->SetValue("RECEIVED", st.received.ToString());
    d->SetValue("STATE", st.state);
    if (st.due) {
      d->ShowSection("HAS_DUE");
      d->SetValue("DUE", st.due->ToString());
    }
    for (const TimelineEntry& e : st.timeline) {
      Dict* row = d->AddSectionDictionary("EVENT");
      row->SetValue("DATE", e.date.ToString());
      row->SetValue("TEXT", e.text);
    }
    if (st.replied) {
      d->ShowSection("REPLIED");
      d->SetValue("OUTCOME", st.outcome);
      d->SetValue("BASIS", st.basis);
      d->SetValue("LETTER", st.letter);
    }
  });
}

}  // namespace

void AddApplyRoutes(Router& router, Site& site) {
  router.Add("GET", "/agencies/:id/apply", [&site](HttpRequest& req) {
    StatusOr<Agency> a = AgencyParam(site, req, 0);
    if (!a.ok()) return site.ErrorPage(req, 404, "没有这个机关");
    ApplicationForm blank;
    blank.kind = "natural";
    blank.id_type = IdTypes()[0];
    blank.form = DeliveryForms()[0].first;
    return site.Page(req, a->name + "依申请公开", "apply.tpl",
                     [&](Dict* d) { FillForm(*a, blank, {}, d); });
  });
  router.Add("POST", "/agencies/:id/apply", [&site](HttpRequest& req) {
    StatusOr<Agency> a = AgencyParam(site, req, 0);
    if (!a.ok()) return site.ErrorPage(req, 404, "没有这个机关");
    StatusOr<MultipartForm> mf = ParseMultipart(req.Header("content-type"), req.body);
    if (!mf.ok()) return site.ErrorPage(req, 400, "表单格式错误，请返回重新填写");
    if (!site.CsrfOk(req, FormValue(mf->fields, kCsrfField))) {
      return site.ErrorPage(req, 403, "表单已过期，请返回刷新后重新提交 (invalid form token)");
    }
    if (!site.submissions().Allow(req.client)) {
      return site.ErrorPage(req, 429, "提交过于频繁，请稍后再试");
    }
    ApplicationForm f = FormFromFields(a->id, mf->fields);
    for (UploadedFile& file : mf->files) {
      if (file.field == "attachment")
        f.attachments.push_back({0, file.filename, "", 0, file.content});
    }
    AttachmentLimits limits{site.options().max_attachment_bytes, site.options().max_attachments};
    std::vector<FieldError> errors = ValidateApplication(f, limits);
    if (!errors.empty()) {
      return site.Page(
          req, a->name + "依申请公开", "apply.tpl", [&](Dict* d) { FillForm(*a, f, errors, d); },
          422);
    }
    StatusOr<LedgerSession*> s = site.Session();
    if (!s.ok()) return site.ErrorPage(req, 503, "数据库暂不可用");
    StatusOr<Receipt> receipt = SubmitApplication(*(*s)->store, *(*s)->ledger, f, site.Today());
    if (!receipt.ok()) {
      return site.ErrorPage(req, HttpStatusFor(receipt.status()) == 500 ? 503 : 400,
                            "申请未能登记，请稍后再试：" + receipt.status().message());
    }
    return site.Page(
        req, "申请已收到", "receipt.tpl",
        [&](Dict* d) {
          d->SetValue("AGENCY_NAME", receipt->agency);
          d->SetValue("QUERY_CODE", FormatQueryCode(receipt->query_code));
          d->SetValue("RECEIVED", receipt->received.ToString());
          d->SetValue("DUE", receipt->due.ToString());
        },
        201);
  });
  router.Add("GET", "/status", [&site](HttpRequest& req) {
    return site.Page(req, "查询办理进度", "status_form.tpl", [](Dict*) {});
  });
  router.Add("POST", "/status", [&site](HttpRequest& req) {
    std::multimap<std::string, std::string> form;
    if (!ParseUrlEncoded(req.body, &form)) return site.ErrorPage(req, 400, "表单格式错误");
    if (!site.CsrfOk(req, FormValue(form, kCsrfField))) {
      return site.ErrorPage(req, 403, "表单已过期，请返回刷新后重新提交 (invalid form token)");
    }
    if (!site.lookups().Allow(req.client))
      return site.ErrorPage(req, 429, "查询过于频繁，请稍后再试");
    return StatusPage(site, req, FormValue(form, "code"));
  });
}

}  // namespace gongkai::web

// The staff console's case pages through a real server: every route answers 404 to a clerk of
// another agency using this agency's ids, every POST needs the CSRF token, steps the state does
// not allow are refused in Chinese, hostile text is escaped on the page and stored literally,
// extensions need an approver, personal data is shown on request and audited, and the work list
// exports as CSV and XLSX downloads.
#include <memory>

#include "gongkai/accounts.h"
#include "gongkai/case_files.h"
#include "gongkai/ledger.h"
#include "http.h"
#include "web_test_util.h"

namespace gongkai::web::testing {
namespace {

constexpr const char* kPassword = "Grassland-2026";
constexpr const char* kHostile = "<script>alert(1)</script>'); DROP TABLE request; --";

std::string SessionOf(const TestResponse& r) {
  auto range = r.headers.equal_range("set-cookie");
  for (auto it = range.first; it != range.second; ++it) {
    if (it->second.rfind("gk_session=", 0) == 0) {
      return it->second.substr(11, it->second.find(';') - 11);
    }
  }
  return "";
}

class StaffCaseTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    server_ = new TestServer("staff_case_test");
    auto store = OpenSqliteStore(server_->db(), {.durable = false});
    ASSERT_TRUE(store.ok());
    other_agency_ = *(*store)->AddAgency({0, "财政厅", 0, AgencyKind::kDepartment}, "t");
    auto accounts = OpenAccountStore(**store);
    ASSERT_TRUE(accounts.ok());
    for (auto [login, role, agency] : std::vector<std::tuple<std::string, Role, int64_t>>{
             {"clerk-a", Role::kClerk, server_->agency()},
             {"approver-a", Role::kApprover, server_->agency()},
             {"clerk-b", Role::kClerk, other_agency_}}) {
      auto id = (*accounts)->AddUser({login, role, agency}, kPassword, "test");
      ASSERT_TRUE(id.ok()) << id.status().message();
    }
    applicant_ = *(*store)->AddApplicant({0, ApplicantKind::kNatural, "王某"},
                                         {"150102199001010011", "13800000000", "呼和浩特"}, "t");
    clerk_a_ = new std::string(Login("clerk-a"));
    approver_a_ = new std::string(Login("approver-a"));
    clerk_b_ = new std::string(Login("clerk-b"));
  }
  static void TearDownTestSuite() {
    delete server_;
    delete clerk_a_;
    delete approver_a_;
    delete clerk_b_;
    server_ = nullptr;
  }
  static uint16_t port() { return server_->port(); }

  static std::string Csrf() { return CsrfCookie(Send(port(), "GET", "/staff/login")); }

  static std::string Login(const std::string& login) {
    std::string csrf = Csrf();
    TestResponse r = Send(
        port(), "POST", "/staff/login",
        "login=" + login + "&password=" + PercentEncode(kPassword) + "&csrf=" + csrf,
        {{"Content-Type", "application/x-www-form-urlencoded"}, {"Cookie", "gk_csrf=" + csrf}});
    std::string session = SessionOf(r);
    EXPECT_FALSE(session.empty()) << login << ": " << r.status << " " << r.body;
    return session;
  }

  static TestResponse Get(const std::string& path, const std::string& session) {
    return Send(port(), "GET", path, "", {{"Cookie", "gk_session=" + session}});
  }

  // A POST with the session and a valid CSRF token (unless `csrf` is false).
  static TestResponse Post(const std::string& path, const std::string& session,
                           const std::string& body = "", bool csrf = true) {
    std::string token = Csrf();
    std::string cookie = "gk_session=" + session + (csrf ? "; gk_csrf=" + token : "");
    return Send(port(), "POST", path, body + (csrf ? "&csrf=" + token : ""),
                {{"Content-Type", "application/x-www-form-urlencoded"}, {"Cookie", cookie}});
  }

  // Registers a request of agency A (received on `received`) with one attachment.
  static int64_t Register(const char* received, const std::string& content = "2025年部门预算") {
    auto store = OpenSqliteStore(server_->db(), {.durable = false});
    auto cal = WorkCalendar::LoadDir(std::string(GONGKAI_SOURCE_DIR) + "/data/calendar");
    Ledger ledger(store->get(), &*cal);
    NewRequest n;
    n.agency_id = server_->agency();
    n.applicant_id = applicant_;
    n.dates.confirmed = *Date::Parse(received);
    n.content = content;
    n.actor = "t";
    n.attachments.push_back({0, "身份证明 \"1\".txt", "", 0, "scan-of-id"});
    auto id = ledger.Register(n);
    EXPECT_TRUE(id.ok()) << id.status().message();
    return id.ok() ? *id : 0;
  }

  static Request Stored(int64_t id) {
    auto store = OpenSqliteStore(server_->db(), {.mode = OpenMode::kReadOnly});
    return *(*store)->GetRequest(id);
  }
  // The audit rows of `entity` (every row for "").
  static std::vector<AuditEntry> Audit(const std::string& entity) {
    auto store = OpenSqliteStore(server_->db(), {.mode = OpenMode::kReadOnly});
    std::vector<AuditEntry> out;
    auto all = (*store)->ListAudit("", 0);
    EXPECT_TRUE(all.ok());
    for (const AuditEntry& e : *all) {
      if (entity.empty() || e.entity == entity) out.push_back(e);
    }
    return out;
  }
  static int64_t AttachmentOf(int64_t id) {
    auto store = OpenSqliteStore(server_->db(), {.mode = OpenMode::kReadOnly});
    return (*(*store)->ListAttachments(id))[0].id;
  }

  static std::string CasePath(int64_t id) { return "/staff/cases/" + std::to_string(id); }

  static TestServer* server_;
  static int64_t other_agency_, applicant_;
  static std::string *clerk_a_, *approver_a_, *clerk_b_;
};
TestServer* StaffCaseTest::server_ = nullptr;
int64_t StaffCaseTest::other_agency_ = 0;
int64_t StaffCaseTest::applicant_ = 0;
std::string* StaffCaseTest::clerk_a_ = nullptr;
std::string* StaffCaseTest::approver_a_ = nullptr;
std::string* StaffCaseTest::clerk_b_ = nullptr;

// The body of every step's form, valid for the step it names.
const std::vector<std::pair<std::string, std::string>>& ActionBodies() {
  static const auto* bodies = new std::vector<std::pair<std::string, std::string>>{
      {"correction", "date=2026-03-02&deadline=2026-03-20&items=x&reason=x"},
      {"supplement", "date=2026-03-02"},
      {"consult", "date=2026-03-02&party=third_party"},
      {"consult-end", "date=2026-03-02"},
      {"extend", "date=2026-03-02&days=10&reason=x"},
      {"approve-extension", "date=2026-03-02"},
      {"reject-extension", "date=2026-03-02"},
      {"fee", "date=2026-03-02&method=per_page&pages=100"},
      {"fee-paid", "date=2026-03-02"},
      {"withdraw", "date=2026-03-02"},
      {"reply", "date=2026-03-02&outcome=granted&basis=x&letter=x"},
  };
  return *bodies;
}

TEST_F(StaffCaseTest, EveryCaseRouteIs404ForAClerkOfAnotherAgency) {
  const int64_t id = Register("2026-02-26", "机密的申请内容ABC");
  const std::string base = CasePath(id);
  const std::string attachment = base + "/attachments/" + std::to_string(AttachmentOf(id));
  // The same routes work for the agency's own clerk (so a 404 below is isolation, not a typo).
  EXPECT_EQ(Get(base, *clerk_a_).status, 200);
  EXPECT_EQ(Get(attachment, *clerk_a_).status, 200);
  ASSERT_EQ(Post(base + "/actions/correction", *clerk_a_,
                 "date=2026-03-02&deadline=2026-03-20&items=请写明年份")
                .status,
            303);
  EXPECT_EQ(Get(base + "/letters/correction", *clerk_a_).status, 200);
  EXPECT_EQ(Get(base + "/letters/correction/docx", *clerk_a_).status, 200);

  const size_t audit_before = Audit("").size();
  for (const std::string& path :
       {base, attachment, base + "/letters/correction", base + "/letters/correction/docx",
        base + "/letters/correction/pdf"}) {
    TestResponse r = Get(path, *clerk_b_);
    EXPECT_EQ(r.status, 404) << path;
    EXPECT_EQ(r.body.find("机密的申请内容ABC"), std::string::npos) << path;
    EXPECT_EQ(r.body.find("scan-of-id"), std::string::npos) << path;
  }
  for (const auto& [action, body] : ActionBodies()) {
    TestResponse r = Post(base + "/actions/" + action, *clerk_b_, body);
    EXPECT_EQ(r.status, 404) << action;
  }
  TestResponse personal = Post(base + "/personal-data", *clerk_b_);
  EXPECT_EQ(personal.status, 404);
  EXPECT_EQ(personal.body.find("150102199001010011"), std::string::npos);
  // Nothing changed or was audited (no personal-data view either).
  EXPECT_EQ(Audit("").size(), audit_before);
  EXPECT_EQ(Stored(id).state, RequestState::kAwaitingCorrection);
  // The other agency's work list and exports do not list it.
  for (const char* list : {"/staff/cases", "/staff/cases.csv"}) {
    TestResponse r = Get(list, *clerk_b_);
    EXPECT_EQ(r.status, 200) << list;
    EXPECT_EQ(r.body.find("机密的申请内容ABC"), std::string::npos) << list;
  }
  EXPECT_NE(Get("/staff/cases.csv", *clerk_a_).body.find("机密的申请内容ABC"), std::string::npos);
}

TEST_F(StaffCaseTest, NoSessionRedirectsToLogin) {
  const int64_t id = Register("2026-02-26");
  for (const std::string& path : {std::string("/staff/cases"), CasePath(id)}) {
    TestResponse r = Send(port(), "GET", path);
    EXPECT_EQ(r.status, 303) << path;
    EXPECT_EQ(r.Header("location").rfind("/staff/login", 0), 0u) << path;
  }
}

TEST_F(StaffCaseTest, EveryPostNeedsTheCsrfToken) {
  const int64_t id = Register("2026-02-26");
  const int version = Stored(id).version;
  const size_t audit_before = Audit("").size();
  std::vector<std::string> paths = {CasePath(id) + "/personal-data"};
  for (const auto& [action, body] : ActionBodies()) {
    paths.push_back(CasePath(id) + "/actions/" + action + "?" + body);
  }
  for (const std::string& path : paths) {
    const std::string target = path.substr(0, path.find('?'));
    const std::string body =
        path.find('?') == std::string::npos ? "" : path.substr(path.find('?') + 1);
    EXPECT_EQ(Post(target, *clerk_a_, body, /*csrf=*/false).status, 403) << target;
    // A token of another client (cookie and field differ) is refused too.
    std::string mine = Csrf(), theirs = Csrf();
    TestResponse r = Send(port(), "POST", target, body + "&csrf=" + theirs,
                          {{"Content-Type", "application/x-www-form-urlencoded"},
                           {"Cookie", "gk_session=" + *clerk_a_ + "; gk_csrf=" + mine}});
    EXPECT_EQ(r.status, 403) << target;
  }
  EXPECT_EQ(Stored(id).version, version);
  EXPECT_EQ(Audit("").size(), audit_before);
}

TEST_F(StaffCaseTest, StepsTheStateDoesNotAllowAreRefusedInChinese) {
  const int64_t id = Register("2026-02-26");
  TestResponse page = Get(CasePath(id), *clerk_a_);
  EXPECT_EQ(page.body.find("form-supplement"), std::string::npos) << "not offered when open";
  EXPECT_NE(page.body.find("form-correction"), std::string::npos);
  TestResponse r = Post(CasePath(id) + "/actions/supplement", *clerk_a_, "date=2026-03-02");
  EXPECT_EQ(r.status, 409);
  EXPECT_NE(r.body.find("不能登记收到补正"), std::string::npos);
  EXPECT_NE(r.body.find("条例第三十条"), std::string::npos);
  // The ledger's own rules come through the same way: a deadline before the notice.
  r = Post(CasePath(id) + "/actions/correction", *clerk_a_,
           "date=2026-03-02&deadline=2026-03-01&items=x");
  EXPECT_EQ(r.status, 400);
  EXPECT_NE(r.body.find("补正期限须晚于通知日期"), std::string::npos);
  // A step dated after today is refused.
  r = Post(CasePath(id) + "/actions/withdraw", *clerk_a_, "date=2099-01-01");
  EXPECT_NE(r.status, 303);
  EXPECT_EQ(Stored(id).state, RequestState::kOpen);
  // A malformed date names the field.
  r = Post(CasePath(id) + "/actions/withdraw", *clerk_a_, "date=yesterday");
  EXPECT_EQ(r.status, 400);
  EXPECT_NE(r.body.find("日期"), std::string::npos);
  // An unknown action is not a route.
  EXPECT_EQ(Post(CasePath(id) + "/actions/delete", *clerk_a_, "date=2026-03-02").status, 404);
}

TEST_F(StaffCaseTest, HostileTextIsEscapedOnEveryPageAndStoredLiterally) {
  const int64_t id = Register("2026-02-26", kHostile);
  const std::string h = PercentEncode(kHostile);
  ASSERT_EQ(Post(CasePath(id) + "/actions/correction", *clerk_a_,
                 "date=2026-03-02&deadline=2026-03-20&items=" + h + "&reason=" + h)
                .status,
            303);
  ASSERT_EQ(
      Post(CasePath(id) + "/actions/supplement", *clerk_a_, "date=2026-03-02&reason=" + h).status,
      303);
  ASSERT_EQ(Post(CasePath(id) + "/actions/extend", *clerk_a_, "date=2026-03-02&days=5&reason=" + h)
                .status,
            303);
  for (const std::string& path : {CasePath(id), CasePath(id) + "/letters/correction",
                                  std::string("/staff/cases"), "/staff/cases?q=" + h}) {
    TestResponse r = Get(path, *clerk_a_);
    EXPECT_EQ(r.status, 200) << path;
    EXPECT_EQ(r.body.find("<script>alert(1)"), std::string::npos) << path;
    EXPECT_NE(r.body.find("&lt;script&gt;alert(1)&lt;/script&gt;"), std::string::npos) << path;
  }
  auto store = OpenSqliteStore(server_->db(), {.mode = OpenMode::kReadOnly});
  auto events = *(*store)->ListEvents(id);
  EXPECT_EQ(events[1].reason, kHostile);
  EXPECT_EQ((*store)->GetRequest(id)->content, kHostile);
  auto files = OpenCaseFiles(**store);
  EXPECT_EQ((*(*files)->PendingExtension(id))->reason, kHostile);
  TestResponse csv = Get("/staff/cases.csv?q=" + h, *clerk_a_);
  EXPECT_NE(csv.body.find("<script>alert(1)</script>'); DROP TABLE request; --"), std::string::npos)
      << "CSV holds the text as it is (quoted)";
  // The reply's basis and letter too (the reply concludes the request).
  ASSERT_EQ(Post(CasePath(id) + "/actions/reply", *clerk_a_,
                 "date=2026-03-02&outcome=granted&basis=" + h + "&letter=" + h)
                .status,
            303);
  TestResponse replied = Get(CasePath(id), *clerk_a_);
  EXPECT_EQ(replied.body.find("<script>alert(1)"), std::string::npos);
  EXPECT_NE(replied.body.find("&lt;script&gt;alert(1)&lt;/script&gt;"), std::string::npos);
  EXPECT_EQ(Stored(id).reply_basis, kHostile);
  EXPECT_EQ(Stored(id).reply_text, kHostile);
}

TEST_F(StaffCaseTest, ExtensionNeedsAnApprover) {
  const int64_t id = Register("2026-02-26");
  ASSERT_EQ(Post(CasePath(id) + "/actions/extend", *clerk_a_, "date=2026-03-02&days=15&reason=档案")
                .status,
            303);
  EXPECT_EQ(Stored(id).extension_days, 0);
  TestResponse clerk_page = Get(CasePath(id), *clerk_a_);
  EXPECT_EQ(clerk_page.body.find("form-approve"), std::string::npos);
  TestResponse by_clerk =
      Post(CasePath(id) + "/actions/approve-extension", *clerk_a_, "date=2026-03-02");
  EXPECT_EQ(by_clerk.status, 409);
  EXPECT_NE(by_clerk.body.find("只有批准人或管理员可以决定延期申请"), std::string::npos);
  EXPECT_EQ(Stored(id).extension_days, 0);
  TestResponse approver_page = Get(CasePath(id), *approver_a_);
  EXPECT_NE(approver_page.body.find("form-approve"), std::string::npos);
  TestResponse ok =
      Post(CasePath(id) + "/actions/approve-extension", *approver_a_, "date=2026-03-02");
  ASSERT_EQ(ok.status, 303) << ok.body;
  EXPECT_EQ(ok.Header("location"), CasePath(id) + "?done=approve-extension");
  Request r = Stored(id);
  EXPECT_EQ(r.extension_days, 15);
  EXPECT_EQ(r.extension_approver, "user:approver-a");
  TestResponse page = Get(CasePath(id) + "?done=approve-extension", *clerk_a_);
  EXPECT_NE(page.body.find("已批准延期"), std::string::npos);
  EXPECT_NE(page.body.find("user:approver-a"), std::string::npos);
}

TEST_F(StaffCaseTest, PersonalDataOnRequestOnlyAndEveryViewAudited) {
  const int64_t id = Register("2026-02-26");
  TestResponse page = Get(CasePath(id), *clerk_a_);
  EXPECT_EQ(page.body.find("150102199001010011"), std::string::npos);
  const size_t views = Audit("applicant_private").size();
  for (int i = 0; i < 2; ++i) {
    TestResponse shown = Post(CasePath(id) + "/personal-data", *clerk_a_);
    EXPECT_EQ(shown.status, 200);
    EXPECT_NE(shown.body.find("150102199001010011"), std::string::npos);
    EXPECT_EQ(shown.Header("cache-control"), "no-store");
  }
  auto audit = Audit("applicant_private");
  ASSERT_EQ(audit.size(), views + 2);
  EXPECT_EQ(audit.back().action, "view");
  EXPECT_EQ(audit.back().actor, "user:clerk-a");
  // Not on the work list or its export.
  EXPECT_EQ(Get("/staff/cases.csv", *clerk_a_).body.find("150102199001010011"), std::string::npos);
}

TEST_F(StaffCaseTest, WorkListMarksDeadlinesAndExports) {
  const int64_t late = Register("2026-01-05", "逾期的申请");
  TestResponse list = Get("/staff/cases", *clerk_a_);
  ASSERT_EQ(list.status, 200);
  const std::string row = "<tr class=\"due-overdue\" id=\"case-" + std::to_string(late) + "\">";
  EXPECT_NE(list.body.find(row), std::string::npos);
  EXPECT_EQ(list.body.find("style="), std::string::npos) << "CSP: classes, no inline style";
  TestResponse overdue = Get("/staff/cases?due=overdue", *clerk_a_);
  EXPECT_NE(overdue.body.find(row), std::string::npos);
  TestResponse stopped = Get("/staff/cases?due=stopped&q=%E9%80%BE%E6%9C%9F", *clerk_a_);
  EXPECT_EQ(stopped.body.find(row), std::string::npos);
  TestResponse bad = Get("/staff/cases?from=tomorrow", *clerk_a_);
  EXPECT_NE(bad.body.find("YYYY-MM-DD"), std::string::npos);
  // A stopped clock whose 补正 period has passed (25 February; the test server's today is
  // 2 March) is red.
  const int64_t lapsed = Register("2026-02-10", "补正期限已过的申请");
  ASSERT_EQ(Post(CasePath(lapsed) + "/actions/correction", *clerk_a_,
                 "date=2026-02-11&deadline=2026-02-25&items=请写明年份")
                .status,
            303);
  const std::string lapsed_row =
      "<tr class=\"due-lapsed\" id=\"case-" + std::to_string(lapsed) + "\">";
  TestResponse waiting = Get("/staff/cases?due=lapsed", *clerk_a_);
  EXPECT_NE(waiting.body.find(lapsed_row), std::string::npos);
  EXPECT_NE(waiting.body.find("待补正（期限已过，待处理）"), std::string::npos);
  EXPECT_EQ(waiting.body.find(row), std::string::npos);

  TestResponse csv = Get("/staff/cases.csv?due=overdue", *clerk_a_);
  ASSERT_EQ(csv.status, 200);
  EXPECT_EQ(csv.body.substr(0, 3), "\xEF\xBB\xBF");
  EXPECT_NE(csv.body.find("逾期的申请"), std::string::npos);
  EXPECT_EQ(csv.Header("content-disposition").rfind("attachment;", 0), 0u);
  EXPECT_EQ(csv.Header("content-type"), "text/csv; charset=utf-8");
  TestResponse xlsx = Get("/staff/cases.xlsx", *clerk_a_);
  ASSERT_EQ(xlsx.status, 200);
  EXPECT_EQ(xlsx.body.substr(0, 2), "PK");
  EXPECT_EQ(xlsx.Header("content-disposition").rfind("attachment;", 0), 0u);
}

TEST_F(StaffCaseTest, AttachmentsAndLettersDownloadAsAttachments) {
  const int64_t id = Register("2026-02-26");
  TestResponse a =
      Get(CasePath(id) + "/attachments/" + std::to_string(AttachmentOf(id)), *clerk_a_);
  ASSERT_EQ(a.status, 200);
  EXPECT_EQ(a.body, "scan-of-id");
  EXPECT_EQ(a.Header("content-type"), "application/octet-stream");
  const std::string cd = a.Header("content-disposition");
  EXPECT_EQ(cd.rfind("attachment;", 0), 0u) << cd;
  EXPECT_EQ(cd.find("\"1\""), std::string::npos) << "the stored name's quotes stay encoded";
  EXPECT_NE(cd.find("filename*=UTF-8''"), std::string::npos);
  ASSERT_EQ(Post(CasePath(id) + "/actions/reply", *clerk_a_,
                 "date=2026-03-02&outcome=partial&basis=" + PercentEncode("《条例》第三十七条") +
                     "&letter=" + PercentEncode("部分公开。"))
                .status,
            303);
  TestResponse page = Get(CasePath(id), *clerk_a_);
  EXPECT_NE(page.body.find("letter-partial-docx"), std::string::npos);
  EXPECT_EQ(page.body.find("id=\"actions\""), std::string::npos) << "no step after the reply";
  TestResponse review = Get(CasePath(id) + "/letters/partial", *clerk_a_);
  EXPECT_NE(review.body.find("《条例》第三十七条"), std::string::npos);
  TestResponse docx = Get(CasePath(id) + "/letters/partial/docx", *clerk_a_);
  ASSERT_EQ(docx.status, 200);
  EXPECT_EQ(docx.body.substr(0, 2), "PK");
  EXPECT_EQ(docx.Header("content-disposition").rfind("attachment;", 0), 0u);
  TestResponse pdf = Get(CasePath(id) + "/letters/partial/pdf", *clerk_a_);
  ASSERT_EQ(pdf.status, 200) << pdf.body;
  EXPECT_EQ(pdf.body.substr(0, 5), "%PDF-");
  EXPECT_EQ(pdf.Header("content-type"), "application/pdf");
  EXPECT_EQ(pdf.Header("content-disposition").rfind("attachment;", 0), 0u);
  EXPECT_EQ(Get(CasePath(id) + "/letters/partial/exe", *clerk_a_).status, 404);
  EXPECT_EQ(Get(CasePath(id) + "/letters/nonsense", *clerk_a_).status, 404);
  // A letter the steps do not support: refused with the reason, not a server error.
  TestResponse fee = Get(CasePath(id) + "/letters/fee", *clerk_a_);
  EXPECT_EQ(fee.status, 409);
}

}  // namespace
}  // namespace gongkai::web::testing

// Reply letters: every letter type from the shipped templates, with its wording, its legal basis
// and the applicant's remedies; the DOCX opens in LibreOffice (converted to PDF).
#include "gongkai/letters.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "gongkai/ledger.h"
#include "gongkai/render_letter.h"
#include "ledger_test_util.h"

namespace gongkai {
namespace {

using ledger_test::D;
using ledger_test::TestCalendar;

const std::string kLetters = GONGKAI_SOURCE_DIR "/data/letters";

class LettersTest : public ::testing::Test {
 protected:
  void SetUp() override {
    store_ = std::move(OpenSqliteStore(dir_.File("ledger.db"), {.durable = false})).value();
    ledger_ = std::make_unique<Ledger>(store_.get(), &TestCalendar());
    agency_ = *store_->AddAgency({0, "某旗人民政府", 0, AgencyKind::kCounty}, "t");
    applicant_ = *store_->AddApplicant({0, ApplicantKind::kNatural, "张三"}, {}, "t");
  }

  int64_t Register(const char* date = "2025-03-03") {
    NewRequest n;
    n.agency_id = agency_;
    n.applicant_id = applicant_;
    n.channel = Channel::kOnline;
    n.dates.confirmed = D(date);
    n.content = "2024年部门决算";
    n.actor = "王";
    return *ledger_->Register(n);
  }

  int64_t Replied(const char* outcome, const char* basis) {
    int64_t id = Register();
    ReplyInput r{D("2025-03-20"), "李", {outcome}, basis, "详见附件。"};
    EXPECT_TRUE(ledger_->Reply(id, r).ok());
    return id;
  }

  std::string Compose(int64_t id, LetterKind kind) {
    auto md = ComposeLetter(*store_, id, kind, kLetters, D("2025-03-21"));
    EXPECT_TRUE(md.ok()) << LetterKindId(kind) << ": " << md.status().message();
    return md.ok() ? *md : "";
  }

  ledger_test::TempDir dir_;
  std::unique_ptr<CaseStore> store_;
  std::unique_ptr<Ledger> ledger_;
  int64_t agency_ = 0, applicant_ = 0;
};

void ExpectHas(const std::string& text, const std::string& needle) {
  EXPECT_NE(text.find(needle), std::string::npos) << "no “" << needle << "” in\n" << text;
}

TEST_F(LettersTest, EveryOutcomeLetterStatesTheOutcomeTheBasisAndTheRemedies) {
  struct Case {
    const char* outcome;
    LetterKind kind;
    const char* wording;
    const char* article;
  };
  const Case cases[] = {
      {"granted", LetterKind::kGranted, "本机关决定予以公开", "第三十六条第（二）项"},
      {"partial", LetterKind::kPartial, "能够作区分处理", "第三十七条"},
      {"denied_state_secret", LetterKind::kDenied, "不予公开（属于国家秘密）", "第十四条"},
      {"denied_third_party", LetterKind::kDenied, "保护第三方合法权益", "第十五条"},
      {"denied_process", LetterKind::kDenied, "属于四类过程性信息", "第十六条"},
      {"unable_no_info", LetterKind::kUnable, "本机关不掌握相关政府信息",
       "《条例》第三十六条第（四）项"},
      {"ignored_complaint", LetterKind::kIgnored, "信访举报投诉类申请", "《条例》第三十九条"},
      {"other_other", LetterKind::kOther, "其他处理（其他）", "《条例》"},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.outcome);
    int64_t id = Replied(c.outcome, c.kind == LetterKind::kUnable ? "《条例》第三十六条第（四）项"
                                    : c.kind == LetterKind::kIgnored ? "《条例》第三十九条"
                                                                     : "《条例》第三十六条");
    auto kind = DefaultLetterKind(*store_->GetRequest(id));
    ASSERT_TRUE(kind.ok());
    EXPECT_EQ(*kind, c.kind);
    std::string md = Compose(id, c.kind);
    ExpectHas(md, "# ");
    ExpectHas(md, "张三：");
    ExpectHas(md, "2024年部门决算");
    ExpectHas(md, c.wording);
    ExpectHas(md, c.article);
    ExpectHas(md, "某旗人民政府\n2025-03-20");
    ExpectHas(md, "60日内");
    ExpectHas(md, "行政复议");
    ExpectHas(md, "行政诉讼");
    if (c.kind == LetterKind::kDenied || c.kind == LetterKind::kPartial) {
      // 行政复议法 Art. 23: a refusal goes to review before any lawsuit.
      ExpectHas(md, "应当先");
      ExpectHas(md, "第二十三条");
    } else {
      ExpectHas(md, "6个月内");
    }
    EXPECT_EQ(md.find("{{"), std::string::npos);
  }
}

TEST_F(LettersTest, NoticesWhileTheRequestIsHandled) {
  int64_t c = Register();
  ASSERT_TRUE(ledger_
                  ->SendCorrectionNotice(c, {D("2025-03-05"), "王", ""}, D("2025-03-20"),
                                         "请说明所需决算的单位名称")
                  .ok());
  EXPECT_EQ(*DefaultLetterKind(*store_->GetRequest(c)), LetterKind::kCorrection);
  std::string md = Compose(c, LetterKind::kCorrection);
  ExpectHas(md, "请说明所需决算的单位名称");
  ExpectHas(md, "请于2025-03-20前");
  ExpectHas(md, "第三十条");
  ExpectHas(md, "视为放弃申请");

  int64_t e = Register();
  ASSERT_TRUE(ledger_->Extend(e, {D("2025-03-20"), "王", ""}, 15, "赵主任").ok());
  EXPECT_EQ(*DefaultLetterKind(*store_->GetRequest(e)), LetterKind::kExtension);
  md = Compose(e, LetterKind::kExtension);
  ExpectHas(md, "延长15个工作日");
  ExpectHas(md, "第三十三条第二款");
  ExpectHas(md, store_->GetRequest(e)->due->ToString());

  int64_t f = Register();
  ASSERT_TRUE(
      ledger_->SendFeeNotice(f, {D("2025-03-05"), "王", ""}, FeeMethod::kPerPage, 120).ok());
  EXPECT_EQ(*DefaultLetterKind(*store_->GetRequest(f)), LetterKind::kFee);
  md = Compose(f, LetterKind::kFee);
  ExpectHas(md, "按量收取信息处理费，金额为" + std::to_string(PerPageFeeYuan(120)) + "元");
  ExpectHas(md, "国办函〔2020〕109号");
  ExpectHas(md, "请于" + store_->GetRequest(f)->fee_due->ToString() + "前");
  ExpectHas(md, "行政诉讼");

  int64_t k = Register();
  ASSERT_TRUE(ledger_->StartConsultation(k, {D("2025-03-05"), "王", ""}, "third_party").ok());
  EXPECT_EQ(*DefaultLetterKind(*store_->GetRequest(k)), LetterKind::kConsultation);
  md = Compose(k, LetterKind::kConsultation);
  ExpectHas(md, "第三十二条");
  ExpectHas(md, "15个工作日内");

  // A letter about a step the request never had, or an answer before the reply, is refused.
  EXPECT_FALSE(ComposeLetter(*store_, c, LetterKind::kFee, kLetters, D("2025-03-21")).ok());
  EXPECT_FALSE(ComposeLetter(*store_, c, LetterKind::kGranted, kLetters, D("2025-03-21")).ok());
  EXPECT_FALSE(DefaultLetterKind(*store_->GetRequest(Register())).ok());
}

TEST_F(LettersTest, AnEditedTemplateWithAnUnknownPlaceholderIsNamed) {
  std::string dir = dir_.File("letters");
  std::filesystem::create_directories(dir);
  for (const auto& entry : std::filesystem::directory_iterator(kLetters)) {
    std::filesystem::copy_file(entry.path(), dir + "/" + entry.path().filename().string());
  }
  std::ofstream(dir + "/granted.md") << "# 答复书\n\n{{申请人}}：{{申请人姓名}}\n";
  int64_t id = Replied("granted", "《条例》第三十六条");
  auto md = ComposeLetter(*store_, id, LetterKind::kGranted, dir, D("2025-03-21"));
  ASSERT_FALSE(md.ok());
  EXPECT_NE(md.status().message().find("{{申请人姓名}}"), std::string::npos);
  EXPECT_NE(md.status().message().find("granted.md"), std::string::npos);
}

TEST_F(LettersTest, DocxOpensInLibreOffice) {
  int64_t id = Replied("denied_state_secret", "《条例》第十四条");
  Letter letter = LetterFromMarkdown(Compose(id, LetterKind::kDenied));
  EXPECT_EQ(letter.title, "政府信息公开申请答复书（不予公开）");
  ASSERT_GE(letter.paragraphs.size(), 5u);
  auto docx = RenderLetter(letter, RenderFormat::kDocx);
  ASSERT_TRUE(docx.ok()) << docx.status().message();
  EXPECT_EQ(docx->substr(0, 2), "PK");
  RenderOptions options;
  options.temp_dir = dir_.File("");
  auto pdf = RenderLetter(letter, RenderFormat::kPdf, options);
  if (!pdf.ok() && pdf.status().code() == StatusCode::kFailedPrecondition) {
    GTEST_SKIP() << pdf.status().message();
  }
  ASSERT_TRUE(pdf.ok()) << pdf.status().message();
  EXPECT_EQ(pdf->substr(0, 5), "%PDF-");
  EXPECT_FALSE(RenderLetter(letter, RenderFormat::kXlsx).ok());
}

}  // namespace
}  // namespace gongkai

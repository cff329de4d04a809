#include "gongkai/validator.h"

#include <gtest/gtest.h>

#include <algorithm>

namespace gongkai {
namespace {

// A consistent report: 10 new + 2 carried = 9 granted + 1 no-info + 2 carried forward.
AnnualReport Good() {
  AnnualReport r;
  r.agency = "某局";
  r.year = 2023;
  for (int s = 0; s < kSectionCount; ++s) {
    r.sections[s].present = true;
    r.sections[s].order = s;
  }
  for (auto& d : r.table2.docs)
    for (Cell& c : d) c.value = 0;
  for (Cell& c : r.table2.decisions) c.value = 0;
  r.table2.fees_10k_yuan.value = 0;
  for (auto& row : r.table3.cells)
    for (Cell& c : row) c.value = 0;
  auto set = [&](int row, double natural) {
    r.table3.cells[row][kNatural].value = natural;
    r.table3.cells[row][kTotal].value = natural;
  };
  set(kNew, 10);
  set(kCarriedOver, 2);
  set(kGranted, 9);
  set(kUnableNoInfo, 1);
  set(kResultTotal, 10);
  set(kCarriedForward, 2);
  for (auto& g : r.table4.cells)
    for (Cell& c : g) c.value = 0;
  return r;
}

int Count(const Findings& f, std::string_view rule) {
  return static_cast<int>(
      std::count_if(f.begin(), f.end(), [&](const Finding& x) { return x.rule == rule; }));
}

TEST(ValidatorTest, ConsistentReportHasNoFindings) {
  Findings f = Validate(Good());
  for (const Finding& x : f) ADD_FAILURE() << x.rule << ": " << x.message;
}

TEST(ValidatorTest, Balance) {
  AnnualReport r = Good();
  r.table3.cells[kCarriedForward][kNatural].value = 1;
  r.table3.cells[kCarriedForward][kTotal].value = 1;
  Findings f = Validate(r);
  ASSERT_EQ(Count(f, "T3-BALANCE"), 1);  // natural and total columns, one message
  auto it = std::find_if(f.begin(), f.end(), [](const Finding& x) { return x.rule == "T3-BALANCE"; });
  EXPECT_NE(it->message.find("自然人、总计 2 列"), std::string::npos) << it->message;
  EXPECT_EQ(it->message.find("原因在"), std::string::npos) << it->message;  // 总计 is right here
}

TEST(ValidatorTest, OneZeroedTotalRowIsOneCausePerRule) {
  AnnualReport r = Good();
  r.table3.cells[kResultTotal][kNatural].value = 0;
  r.table3.cells[kResultTotal][kTotal].value = 0;
  Findings f = Validate(r);
  EXPECT_EQ(CountSeverity(f, Severity::kError), 2) << "one T3-RESULT-TOTAL and one T3-BALANCE, not four";
  for (const Finding& x : f) {
    if (x.rule == "T3-RESULT-TOTAL") {
      EXPECT_NE(x.message.find("“（七）总计”行：自然人、总计 2 列"), std::string::npos) << x.message;
      EXPECT_NE(x.message.find("0≠10"), std::string::npos) << x.message;
    } else if (x.rule == "T3-BALANCE") {
      EXPECT_NE(x.message.find("原因在“（七）总计”行"), std::string::npos) << x.message;
      EXPECT_NE(x.message_en.find("the cause is the result_total row"), std::string::npos) << x.message_en;
    }
  }
}

TEST(ValidatorTest, IncompleteTableIsLocatedAtTheTable) {
  AnnualReport r = Good();
  r.title_source.line = 1;
  r.table4.cells[kReview][0].value.reset();
  r.table4.cells[kReview][1].source.line = 120;
  for (const Finding& x : Validate(r)) {
    if (x.rule == "STRUCT-TABLE-INCOMPLETE") {
      EXPECT_EQ(x.location.line, 120) << x.message;
    }
  }
  EXPECT_EQ(Count(Validate(r), "STRUCT-TABLE-INCOMPLETE"), 1);
}

TEST(ValidatorTest, RemarkOnTheTextsNumber) {
  AnnualReport r = Good();  // 10 new, 2 carried over
  r.sections[0].text = "本年度共收到政府信息公开申请12件。";
  Findings f = Validate(r);
  ASSERT_EQ(Count(f, "NARR-RECEIVED"), 1);
  auto it = std::find_if(f.begin(), f.end(), [](const Finding& x) { return x.rule == "NARR-RECEIVED"; });
  EXPECT_NE(it->message.find("称收到申请 12 件（恰为表三本年新收 10 件加上年结转 2 件），表三本年新收申请为 10 件"),
            std::string::npos)
      << it->message;
}

TEST(ValidatorTest, RowTotal) {
  AnnualReport r = Good();
  r.table3.cells[kGranted][kCommercial].value = 1;  // total still 9
  Findings f = Validate(r);
  EXPECT_EQ(Count(f, "T3-ROW-TOTAL"), 1);
  AnnualReport absent = Good();
  absent.table3.cells[kGranted][kCommercial].value.reset();  // incomplete: not checked
  EXPECT_EQ(Count(Validate(absent), "T3-ROW-TOTAL"), 0);
}

TEST(ValidatorTest, ResultTotal) {
  AnnualReport r = Good();
  r.table3.cells[kUnableNoInfo][kNatural].value = 2;
  r.table3.cells[kUnableNoInfo][kTotal].value = 2;
  Findings f = Validate(r);
  EXPECT_EQ(Count(f, "T3-RESULT-TOTAL"), 1);  // natural and total columns, one message naming the row
  EXPECT_EQ(Count(f, "T3-BALANCE"), 0);
}

TEST(ValidatorTest, Table4Total) {
  AnnualReport r = Good();
  r.table4.cells[kReview][0].value = 1;
  EXPECT_EQ(Count(Validate(r), "T4-TOTAL"), 1);
  r.table4.cells[kReview][4].value = 1;
  EXPECT_EQ(Count(Validate(r), "T4-TOTAL"), 0);
}

TEST(ValidatorTest, NegativeAndFractionalCounts) {
  AnnualReport r = Good();
  r.table2.decisions[0].value = -1;
  r.table4.cells[kSuitDirect][0].value = 0.5;
  r.table4.cells[kSuitDirect][4].value = 0.5;
  Findings f = Validate(r);
  EXPECT_EQ(Count(f, "VALUE-NEGATIVE"), 1);
  EXPECT_EQ(Count(f, "VALUE-NOT-INTEGER"), 2);
  AnnualReport fee = Good();
  fee.table2.fees_10k_yuan.value = 12.5;
  EXPECT_EQ(Count(Validate(fee), "T2-FEE-NEGATIVE"), 0);
  fee.table2.fees_10k_yuan.value = -12.5;
  EXPECT_EQ(Count(Validate(fee), "T2-FEE-NEGATIVE"), 1);
}

TEST(ValidatorTest, Table2InForce) {
  AnnualReport r = Good();
  r.table2.docs[1] = {};
  r.table2.docs[1][0].value = 5;
  r.table2.docs[1][1].value = 1;
  r.table2.docs[1][2].value = 3;
  EXPECT_EQ(Count(Validate(r), "T2-IN-FORCE"), 1);
  r.table2.docs[1][2].value = 40;
  EXPECT_EQ(Count(Validate(r), "T2-IN-FORCE"), 0);
  r.table2.docs[1][2].value = 0;
  EXPECT_EQ(Count(Validate(r), "T2-NONE-IN-FORCE"), 1);
}

TEST(ValidatorTest, SectionsMissingAndOutOfOrder) {
  AnnualReport r = Good();
  r.sections[4].present = false;
  EXPECT_EQ(Count(Validate(r), "STRUCT-SECTION-MISSING"), 1);
  AnnualReport o = Good();
  o.sections[1].order = 3;
  o.sections[3].order = 1;
  EXPECT_EQ(Count(Validate(o), "STRUCT-SECTION-ORDER"), 1);
}

TEST(ValidatorTest, TablesMissingOrIncomplete) {
  AnnualReport r = Good();
  r.table4 = {};
  EXPECT_EQ(Count(Validate(r), "STRUCT-TABLE-MISSING"), 1);
  AnnualReport i = Good();
  i.table3.cells[kDeniedQuery][kLegal].value.reset();
  EXPECT_EQ(Count(Validate(i), "STRUCT-TABLE-INCOMPLETE"), 1);
}

TEST(ValidatorTest, NarrativeReceived) {
  AnnualReport r = Good();
  r.sections[0].text = "（二）依申请公开情况。全年收到政府信息公开申请 10 件，均已按时答复。";
  EXPECT_EQ(Count(Validate(r), "NARR-RECEIVED"), 0);
  r.sections[0].text = "全区收到政府信息公开申请12件。";
  EXPECT_EQ(Count(Validate(r), "NARR-RECEIVED"), 1);
  r.sections[0].text = "";
  r.sections[5].text =
      "（一）收费情况：2023年，我局未收到和处理政府信息公开申请，未收取信息处理费。";
  EXPECT_EQ(Count(Validate(r), "NARR-RECEIVED"), 1);
  r.sections[5].text = "三、收到和处理政府信息公开申请情况";  // a heading, not a statement
  EXPECT_EQ(Count(Validate(r), "NARR-RECEIVED"), 0);
}

TEST(ValidatorTest, NarrativeHandled) {
  AnnualReport r = Good();
  r.sections[0].text = "全年办理政府信息公开申请10件。";
  EXPECT_EQ(Count(Validate(r), "NARR-HANDLED"), 0);
  r.sections[0].text = "全年办理政府信息公开申请12件。";  // new + carried: also a common reading
  EXPECT_EQ(Count(Validate(r), "NARR-HANDLED"), 0);
  r.sections[0].text = "全年办理政府信息公开申请30件。";
  EXPECT_EQ(Count(Validate(r), "NARR-HANDLED"), 1);
  AnnualReport none = Good();
  none.table3.cells[kResultTotal][kNatural].value = 0;
  none.table3.cells[kResultTotal][kTotal].value = 0;
  none.sections[0].text = "接到依申请公开事件10件，已经全部答复完成。";
  EXPECT_EQ(Count(Validate(none), "NARR-HANDLED"), 1);
}

TEST(ValidatorTest, NarrativeYear) {
  AnnualReport r = Good();
  r.preamble = "本报告所列数据的统计期限自2023年1月1日起至2023年12月31日止。";
  EXPECT_EQ(Count(Validate(r), "NARR-YEAR"), 0);
  r.preamble = "本报告所列数据的统计期限自2022年1月1日起至2022年12月31日止。";
  EXPECT_EQ(Count(Validate(r), "NARR-YEAR"), 1);
  AnnualReport n = Good();
  n.year.reset();
  EXPECT_EQ(Count(Validate(n), "META-YEAR-MISSING"), 1);
}

TEST(ValidatorTest, CarryOverAcrossYears) {
  AnnualReport prev = Good();
  prev.year = 2022;
  AnnualReport cur = Good();
  EXPECT_TRUE(ValidateCarryOver(prev, cur).empty());  // 2 forward, 2 carried over
  prev.table3.cells[kCarriedForward][kNatural].value = 3;
  prev.table3.cells[kCarriedForward][kTotal].value = 3;
  Findings f = ValidateCarryOver(prev, cur);
  EXPECT_EQ(Count(f, "XYEAR-CARRY-OVER"), 2);
  EXPECT_EQ(f[0].severity, Severity::kWarning);
}

}  // namespace
}  // namespace gongkai

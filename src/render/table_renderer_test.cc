#include <gtest/gtest.h>

#include "gongkai/render_table.h"
#include "render_test_util.h"

namespace gongkai {
namespace {

PlainTable Sample() {
  return {"待办申请",
          {"编号", "申请内容"},
          {{"1", "2025年\"部门\"预算"}, {"2", "=HYPERLINK(\"http://x\")"}, {"3"}}};
}

TEST(TableRendererTest, CsvHasBomQuotesEveryCellAndPadsShortRows) {
  std::string csv = RenderTableCsv(Sample());
  ASSERT_EQ(csv.substr(0, 3), "\xEF\xBB\xBF");
  EXPECT_EQ(csv.substr(3),
            "\"编号\",\"申请内容\"\r\n"
            "\"1\",\"2025年\"\"部门\"\"预算\"\r\n"
            "\"2\",\"'=HYPERLINK(\"\"http://x\"\")\"\r\n"
            "\"3\",\"\"\r\n");
}

TEST(TableRendererTest, CsvNeutralisesEveryFormulaPrefixAndBadBytes) {
  PlainTable t{"", {"a"}, {{"+1"}, {"-1"}, {"@SUM(A1)"}, {"\tx"}, {"ok\xff"}}};
  std::string csv = RenderTableCsv(t);
  for (const char* cell : {"\"'+1\"", "\"'-1\"", "\"'@SUM(A1)\"", "\"'\tx\""}) {
    EXPECT_NE(csv.find(cell), std::string::npos) << cell;
  }
  EXPECT_NE(csv.find("ok\xEF\xBF\xBD"), std::string::npos) << "invalid UTF-8 becomes U+FFFD";
}

TEST(TableRendererTest, XlsxHasTitleHeaderAndRowsAsStrings) {
  PlainTable t = Sample();
  t.rows.push_back({"4", std::string("bell\x07") + "<b>"});
  StatusOr<std::string> xlsx = RenderTableXlsx(t);
  ASSERT_TRUE(xlsx.ok()) << xlsx.status().message();
  ASSERT_EQ(xlsx->substr(0, 2), "PK");
  std::string shared = render_test::ReadZipEntry(*xlsx, "xl/sharedStrings.xml");
  for (const char* s :
       {"待办申请", "编号", "申请内容", "=HYPERLINK(\"http://x\")", "bell&lt;b&gt;"}) {
    EXPECT_NE(shared.find(s), std::string::npos) << s;
  }
  std::string sheet = render_test::ReadZipEntry(*xlsx, "xl/worksheets/sheet1.xml");
  EXPECT_EQ(sheet.find("<f>"), std::string::npos) << "no cell is a formula";
}

}  // namespace
}  // namespace gongkai

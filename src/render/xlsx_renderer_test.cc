#include <gtest/gtest.h>
#include <libxml/parser.h>
#include <libxml/tree.h>

#include <map>
#include <set>

#include "gongkai/render.h"
#include "render_test_util.h"

namespace gongkai {
namespace {

// A worksheet read back from its XML: numbers by (row, column), 0-based, and merged ranges.
struct Sheet {
  std::map<std::pair<int, int>, double> numbers;
  std::map<std::pair<int, int>, std::string> strings;
  std::set<std::string> merges;
};

std::string StringAt(const Sheet& s, int row, int col) {
  auto it = s.strings.find({row, col});
  return it == s.strings.end() ? "" : it->second;
}

double NumberAt(const Sheet& s, int row, int col) {
  auto it = s.numbers.find({row, col});
  return it == s.numbers.end() ? -1 : it->second;
}

std::pair<int, int> ParseRef(const std::string& ref) {
  int col = 0;
  size_t i = 0;
  for (; i < ref.size() && ref[i] >= 'A' && ref[i] <= 'Z'; ++i) col = col * 26 + (ref[i] - 'A' + 1);
  return {std::stoi(ref.substr(i)) - 1, col - 1};
}

std::string Attr(xmlNodePtr n, const char* name) {
  xmlChar* v = xmlGetProp(n, reinterpret_cast<const xmlChar*>(name));
  std::string out = v ? reinterpret_cast<const char*>(v) : "";
  xmlFree(v);
  return out;
}

std::string Text(xmlNodePtr n) {
  xmlChar* v = xmlNodeGetContent(n);
  std::string out = v ? reinterpret_cast<const char*>(v) : "";
  xmlFree(v);
  return out;
}

bool Is(xmlNodePtr n, const char* name) {
  return n->type == XML_ELEMENT_NODE && xmlStrcmp(n->name, reinterpret_cast<const xmlChar*>(name)) == 0;
}

void Walk(xmlNodePtr n, const std::vector<std::string>& shared, Sheet* sheet) {
  for (; n != nullptr; n = n->next) {
    if (Is(n, "c")) {
      std::string type = Attr(n, "t");
      for (xmlNodePtr v = n->children; v; v = v->next) {
        if (!Is(v, "v")) continue;
        auto pos = ParseRef(Attr(n, "r"));
        if (type == "s") sheet->strings[pos] = shared.at(std::stoul(Text(v)));
        else if (type.empty() || type == "n") sheet->numbers[pos] = std::stod(Text(v));
      }
    } else if (Is(n, "mergeCell")) {
      sheet->merges.insert(Attr(n, "ref"));
    }
    Walk(n->children, shared, sheet);
  }
}

std::vector<std::string> SharedStrings(const std::string& xml) {
  std::vector<std::string> out;
  xmlDocPtr doc = xmlReadMemory(xml.data(), static_cast<int>(xml.size()), "s.xml", nullptr, XML_PARSE_NONET);
  EXPECT_NE(doc, nullptr);
  if (!doc) return out;
  for (xmlNodePtr si = xmlDocGetRootElement(doc)->children; si; si = si->next) {
    if (Is(si, "si")) out.push_back(Text(si));
  }
  xmlFreeDoc(doc);
  return out;
}

Sheet ReadSheet(const std::string& xlsx, int index, const std::vector<std::string>& shared) {
  std::string xml = render_test::ReadZipEntry(xlsx, "xl/worksheets/sheet" + std::to_string(index) + ".xml");
  Sheet sheet;
  xmlDocPtr doc = xmlReadMemory(xml.data(), static_cast<int>(xml.size()), "w.xml", nullptr, XML_PARSE_NONET);
  EXPECT_NE(doc, nullptr);
  if (!doc) return sheet;
  Walk(xmlDocGetRootElement(doc), shared, &sheet);
  xmlFreeDoc(doc);
  return sheet;
}

TEST(XlsxRendererTest, OneSheetPerTableWithNumbersAndMergedHeaders) {
  AnnualReport r = render_test::ImportOrDie(render_test::SeedDir() + "/001_295a9685f4c126e8.txt");
  r.table3.cells[kNew][kSocial].value.reset();  // an absent value stays blank
  StatusOr<std::string> xlsx = RenderReport(r, RenderFormat::kXlsx);
  ASSERT_TRUE(xlsx.ok()) << xlsx.status().message();
  std::string workbook = render_test::ReadZipEntry(*xlsx, "xl/workbook.xml");
  EXPECT_NE(workbook.find("name=\"表二 主动公开\""), std::string::npos);
  EXPECT_NE(workbook.find("name=\"表三 依申请公开\""), std::string::npos);
  EXPECT_NE(workbook.find("name=\"表四 复议诉讼\""), std::string::npos);
  std::vector<std::string> shared = SharedStrings(render_test::ReadZipEntry(*xlsx, "xl/sharedStrings.xml"));

  Sheet t2 = ReadSheet(*xlsx, 1, shared);
  EXPECT_EQ(StringAt(t2, 3, 0), "规章");
  EXPECT_EQ(NumberAt(t2, 3, 1), 3);
  EXPECT_EQ(NumberAt(t2, 4, 3), 575);
  EXPECT_TRUE(t2.merges.count("B7:D7")) << "本年处理决定数量 spans three columns";

  Sheet t3 = ReadSheet(*xlsx, 2, shared);
  EXPECT_EQ(StringAt(t3, 1, 0), "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）");
  for (const char* range : {"A2:C4", "D2:J2", "D3:D4", "E3:I3", "J3:J4", "A7:A28", "B9:B16"}) {
    EXPECT_TRUE(t3.merges.count(range)) << range;
  }
  for (int row = 0; row < kT3Rows; ++row) {
    bool labelled = false;
    for (int c = 0; c < 3; ++c) labelled = labelled || StringAt(t3, 4 + row, c) == T3RowLabel(row);
    EXPECT_TRUE(labelled) << T3RowLabel(row);
    for (int c = 0; c < kT3Columns; ++c) {
      const Cell& cell = r.table3.cells[row][c];
      auto it = t3.numbers.find({4 + row, 3 + c});
      if (cell.present()) {
        ASSERT_NE(it, t3.numbers.end()) << T3RowId(row) << " " << c;
        EXPECT_EQ(it->second, *cell.value) << T3RowId(row) << " " << c;
      } else {
        EXPECT_EQ(it, t3.numbers.end()) << "absent value written as a number";
      }
    }
  }

  Sheet t4 = ReadSheet(*xlsx, 3, shared);
  EXPECT_TRUE(t4.merges.count("A2:E2"));
  EXPECT_TRUE(t4.merges.count("F2:O2"));
  for (int g = 0; g < kT4Groups; ++g)
    for (int c = 0; c < kT4Columns; ++c)
      EXPECT_EQ(NumberAt(t4, 4, g * kT4Columns + c), *r.table4.cells[g][c].value);
}

}  // namespace
}  // namespace gongkai

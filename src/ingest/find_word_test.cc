#include "find_word.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace gongkai::ingest_internal {
namespace {

// FindWord answers as std::string_view::find does, for every start position.
void ExpectSameAsFind(std::string_view s, std::string_view word) {
  for (size_t from = 0; from <= s.size() + 1; ++from) {
    EXPECT_EQ(FindWord(s, word, from), s.find(word, from)) << s << " / " << word << " from " << from;
  }
}

TEST(FindWordTest, AnswersAsFind) {
  const std::vector<std::string> texts = {
      "", "勾", "勾稽", "表中勾稽关系", "勾勾稽稽勾稽", "abc", "上年结转上年结转", "3.其他3、其他",
      "行政复议、行政诉讼", "\xE5\x8B\xBE"};
  const std::vector<std::string> words = {"", "a", "ab", "abc", "勾稽", "勾", "稽", "上年结转",
                                          "3.其他", "、", "行政诉讼", "复议、行"};
  for (const auto& t : texts) {
    for (const auto& w : words) ExpectSameAsFind(t, w);
  }
}

TEST(FindWordTest, ContainsWord) {
  EXPECT_TRUE(ContainsWord("请见勾稽关系说明", "勾稽"));
  EXPECT_FALSE(ContainsWord("勾", "勾稽"));
  EXPECT_TRUE(ContainsWord("x", ""));
}

}  // namespace
}  // namespace gongkai::ingest_internal

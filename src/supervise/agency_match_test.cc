#include <gtest/gtest.h>

#include "gongkai/supervision.h"

namespace gongkai {
namespace {

std::vector<Agency> Agencies(std::initializer_list<const char*> names) {
  std::vector<Agency> out;
  int64_t id = 0;
  for (const char* n : names) out.push_back({++id, n, 0, AgencyKind::kDepartment});
  return out;
}

TEST(MatchAgency, EqualNamesFirstIgnoringSpacesAndABracketedSuffix) {
  auto all = Agencies({"满洲里市", "满洲里市人民政府办公室", "平潭综合实验区"});
  AgencyMatch m = MatchAgency("满洲里市人民政府办公室", all);
  EXPECT_EQ(m.agency_id, 2);
  EXPECT_EQ(m.kind, SubmissionMatch::kExact);
  EXPECT_EQ(MatchAgency(" 满洲里市 人民政府办公室\u3000", all).agency_id, 2);
  AgencyMatch p = MatchAgency("平潭综合实验区（汇总）", all);
  EXPECT_EQ(p.agency_id, 3);
  EXPECT_EQ(p.kind, SubmissionMatch::kExact);
}

TEST(MatchAgency, TheUniqueContainingNameThatCoversMostOfIt) {
  auto all = Agencies({"满洲里市", "满洲里市人民政府", "通辽市民族事务委员会"});
  AgencyMatch m = MatchAgency("满洲里市人民政府办公室", all);
  EXPECT_EQ(m.agency_id, 2);
  EXPECT_EQ(m.kind, SubmissionMatch::kPartial);
}

TEST(MatchAgency, NeverGuessesBetweenTiesOrFromAShortName) {
  auto twins = Agencies({"鄂托克前旗", "鄂托克前旗"});
  AgencyMatch t = MatchAgency("鄂托克前旗", twins);
  EXPECT_EQ(t.agency_id, 0);
  EXPECT_EQ(t.candidates.size(), 2u);
  // "满洲里市" covers 4 of 11 characters: not a match, but offered as a candidate.
  auto all = Agencies({"满洲里市", "通辽市"});
  AgencyMatch s = MatchAgency("满洲里市人民政府办公室", all);
  EXPECT_EQ(s.agency_id, 0);
  ASSERT_FALSE(s.candidates.empty());
  EXPECT_EQ(s.candidates[0].name, "满洲里市");
  // A different agency of the same kind is no match: 民族事务委员会 of another place.
  auto other = Agencies({"通辽市民族事务委员会"});
  EXPECT_EQ(MatchAgency("内蒙古自治区民族事务委员会", other).agency_id, 0);
  EXPECT_EQ(MatchAgency("", all).agency_id, 0);
}

}  // namespace
}  // namespace gongkai

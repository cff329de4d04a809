// Canonical ids of the store's enums, and YearFigures::Add.
#include <array>

#include "gongkai/store.h"

namespace gongkai {
namespace {

constexpr std::array<std::string_view, kChannelCount> kChannelIds = {
    "online", "letter_signed", "letter_ordinary", "in_person", "fax", "email"};
constexpr std::array<std::string_view, kChannelCount> kChannelLabels = {
    "网络", "需签收的信件", "平常信件", "当面", "传真", "电子邮件"};
constexpr std::array<std::string_view, 4> kAgencyKindIds = {"region", "city", "county",
                                                            "department"};
constexpr std::array<std::string_view, 5> kStateIds = {"open", "awaiting_correction", "consulting",
                                                       "awaiting_fee", "concluded"};

template <size_t N>
int Find(const std::array<std::string_view, N>& ids, std::string_view id) {
  for (size_t i = 0; i < N; ++i) {
    if (ids[i] == id) return static_cast<int>(i);
  }
  return -1;
}

template <size_t N>
std::string Choices(const std::array<std::string_view, N>& ids) {
  std::string s;
  for (std::string_view id : ids) s += (s.empty() ? "" : ", ") + std::string(id);
  return s;
}

}  // namespace

std::string_view ChannelId(Channel c) { return kChannelIds[static_cast<size_t>(c)]; }
std::string_view ChannelLabel(Channel c) { return kChannelLabels[static_cast<size_t>(c)]; }
std::string_view ApplicantKindId(ApplicantKind k) { return T3ColumnId(static_cast<int>(k)); }
std::string_view AgencyKindId(AgencyKind k) { return kAgencyKindIds[static_cast<size_t>(k)]; }
std::string_view RequestStateId(RequestState s) { return kStateIds[static_cast<size_t>(s)]; }

StatusOr<Channel> ChannelFromId(std::string_view id) {
  int i = Find(kChannelIds, id);
  if (i < 0) {
    return InvalidArgumentError("未知渠道“" + std::string(id) + "” (unknown channel; one of " +
                                Choices(kChannelIds) + ")");
  }
  return static_cast<Channel>(i);
}

StatusOr<ApplicantKind> ApplicantKindFromId(std::string_view id) {
  for (int k = 0; k < kApplicantKindCount; ++k) {
    if (T3ColumnId(k) == id) return static_cast<ApplicantKind>(k);
  }
  return InvalidArgumentError("未知申请人类型“" + std::string(id) +
                              "” (unknown applicant kind; one of natural, commercial, research, "
                              "social, legal, other)");
}

StatusOr<AgencyKind> AgencyKindFromId(std::string_view id) {
  int i = Find(kAgencyKindIds, id);
  if (i < 0) {
    return InvalidArgumentError("未知机关类型“" + std::string(id) +
                                "” (unknown agency kind; one of " + Choices(kAgencyKindIds) + ")");
  }
  return static_cast<AgencyKind>(i);
}

void YearFigures::Add(const YearFigures& o) {
  for (size_t r = 0; r < t3.size(); ++r) {
    for (size_t c = 0; c < t3[r].size(); ++c) t3[r][c] += o.t3[r][c];
  }
  for (size_t g = 0; g < t4.size(); ++g) {
    for (size_t c = 0; c < t4[g].size(); ++c) t4[g][c] += o.t4[g][c];
  }
  for (size_t k = 0; k < docs.size(); ++k) {
    for (size_t c = 0; c < docs[k].size(); ++c) docs[k][c] += o.docs[k][c];
  }
  for (size_t k = 0; k < decisions.size(); ++k) decisions[k] += o.decisions[k];
  fees_10k_yuan += o.fees_10k_yuan;
}

}  // namespace gongkai

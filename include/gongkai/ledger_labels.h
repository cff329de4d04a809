// Plain Chinese for the request ledger: the labels a clerk reads for states, applicant kinds,
// outcomes, breaches, steps and forms, and a request's history told as sentences.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "gongkai/status.h"
#include "gongkai/store.h"

namespace gongkai {

// 办理中, 待补正, 征求意见中, 待缴费, 已办结.
std::string_view RequestStateLabel(RequestState s);
// 自然人, 商业企业, 科研机构, 社会公益组织, 法律服务机构, 其他.
std::string_view ApplicantKindLabel(ApplicantKind k);
// A table-3 outcome row id as the clerk says it: "予以公开", "不予公开（属于国家秘密）", …;
// an unknown id is returned as it is.
std::string OutcomeLabel(std::string_view outcome_id);
// The outcome row ids a reply may carry (domain.md A.1), in table order.
std::vector<std::string_view> OutcomeIds();
// A breach rule id's description from the rule catalogue (gongkai rules); unknown ids as they are.
std::string BreachLabel(std::string_view rule_id);
// A step (Event::kind) in Chinese: 登记, 发出补正通知, …; unknown kinds as they are.
std::string_view EventKindLabel(std::string_view kind);
// One sentence telling what the step did, from its fields (never its JSON).
std::string EventSentence(const Event& e);

// The forms of provision of 《条例》Art. 29 ¶2 (三) and Art. 40: 纸质, 电子文档, 电子邮件, 光盘, …
const std::vector<std::string_view>& KnownForms();
// Prefix that marks a form outside KnownForms as the applicant's own words.
inline constexpr std::string_view kOtherFormPrefix = "其他：";
// Checks a requested form: one or more KnownForms joined by 、 or ，, or free text starting with
// kOtherFormPrefix. Empty is allowed (not stated). The error lists the known forms.
Status CheckForm(std::string_view form);

}  // namespace gongkai

// Random lawful request histories (ledger_simulation.h).
#include <algorithm>

#include "gongkai/ledger_simulation.h"

namespace gongkai {
namespace {

int Uniform(std::mt19937_64& rng, int lo, int hi) {
  return std::uniform_int_distribution<int>(lo, hi)(rng);
}
bool Chance(std::mt19937_64& rng, double p) { return std::bernoulli_distribution(p)(rng); }

const char* const kClerks[] = {"王科员", "李科员", "张科员", "刘科员"};
const char* const kHeads[] = {"赵处长", "陈主任", "周科长"};

}  // namespace

int RandomOutcomeRow(std::mt19937_64& rng) {
  // Roughly the shape of published reports: most requests granted, then no info, partial, …
  static const int kWeights[kLastOutcomeRow - kFirstOutcomeRow + 1] = {
      40, 12, 2, 2, 2, 3, 2, 3, 1, 1, 15, 3, 2, 2, 2, 1, 1, 1, 2, 1, 3};
  std::discrete_distribution<int> d(std::begin(kWeights), std::end(kWeights));
  return kFirstOutcomeRow + d(rng);
}

Status SimulateRequest(Ledger& ledger, const WorkCalendar& cal, int64_t id, Date received,
                       Date stop, int outcome_row, std::mt19937_64& rng) {
  if (outcome_row < 0) outcome_row = RandomOutcomeRow(rng);
  const std::string actor = kClerks[Uniform(rng, 0, 3)];
  Date last = received;
  // Returns the date `n` working days after `from`, never before the last step.
  auto after = [&](Date from, int n) -> StatusOr<Date> {
    GONGKAI_ASSIGN_OR_RETURN(Date d, cal.AddWorkingDays(from, n));
    return std::max(d, last);
  };
  auto step = [&](Date d) { return StepInput{d, actor, "依法办理"}; };
  bool corrected = false;

  // 补正: forced for the outcomes that need it, otherwise now and then.
  bool needs_correction = outcome_row == kOtherNoCorrection || outcome_row == kUnableUnclear;
  if (needs_correction || Chance(rng, 0.06)) {
    // Usually within the 7 working days; one in ten late (a recorded breach).
    GONGKAI_ASSIGN_OR_RETURN(Date notice,
                             after(received, Chance(rng, 0.1) ? 9 : Uniform(rng, 0, 6)));
    if (notice > stop) return Status::Ok();
    Date deadline = notice + Uniform(rng, 10, 20);
    GONGKAI_RETURN_IF_ERROR(
        ledger.SendCorrectionNotice(id, step(notice), deadline, "请补充所需信息的名称或文号"));
    last = notice;
    if (outcome_row == kOtherNoCorrection) {
      Date close = deadline + Uniform(rng, 1, 5);
      if (close > stop) return Status::Ok();
      return ledger.Reply(id, {close,
                               actor,
                               {"other_no_correction"},
                               "《条例》第三十条",
                               "申请人逾期未补正，视为放弃申请。"});
    }
    Date supplement = notice + Uniform(rng, 1, deadline - notice);
    if (supplement > stop) return Status::Ok();
    GONGKAI_RETURN_IF_ERROR(ledger.ReceiveCorrection(id, step(supplement)));
    last = supplement;
    corrected = true;
  }
  if (outcome_row == kUnableUnclear && !corrected) outcome_row = kUnableNoInfo;

  // Consultation of a third party or another agency.
  if (outcome_row != kOtherNoFee && Chance(rng, 0.08)) {
    GONGKAI_ASSIGN_OR_RETURN(Date start, after(last, Uniform(rng, 1, 8)));
    if (start > stop) return Status::Ok();
    GONGKAI_RETURN_IF_ERROR(ledger.StartConsultation(
        id, step(start), Chance(rng, 0.6) ? "third_party" : "other_agency"));
    last = start;
    GONGKAI_ASSIGN_OR_RETURN(Date end, after(start, Uniform(rng, 1, 18)));
    if (end > stop) return Status::Ok();
    GONGKAI_RETURN_IF_ERROR(ledger.EndConsultation(id, step(end)));
    last = end;
  }

  // Fee notice, paid or not.
  if (outcome_row == kOtherNoFee || Chance(rng, 0.03)) {
    GONGKAI_ASSIGN_OR_RETURN(Date notice, after(last, Uniform(rng, 1, 5)));
    if (notice > stop) return Status::Ok();
    GONGKAI_RETURN_IF_ERROR(
        ledger.SendFeeNotice(id, step(notice), FeeMethod::kPerPage, Uniform(rng, 31, 400)));
    last = notice;
    GONGKAI_ASSIGN_OR_RETURN(Date pay_by,
                             cal.AddWorkingDays(notice, ledger_config::kFeePaymentDays));
    if (outcome_row == kOtherNoFee) {
      Date close = pay_by + Uniform(rng, 1, 5);
      if (close > stop) return Status::Ok();
      return ledger.Reply(id, {close,
                               actor,
                               {"other_no_fee"},
                               "国办函〔2020〕109号",
                               "申请人逾期未缴纳信息处理费，视为放弃申请。"});
    }
    Date paid = notice + Uniform(rng, 1, pay_by - notice);
    if (paid > stop) return Status::Ok();
    GONGKAI_RETURN_IF_ERROR(ledger.RecordFeePaid(id, step(paid)));
    last = paid;
  }

  // Withdrawal.
  if (outcome_row == kOtherOther && Chance(rng, 0.5)) {
    GONGKAI_ASSIGN_OR_RETURN(Date d, after(last, Uniform(rng, 0, 10)));
    if (d > stop) return Status::Ok();
    return ledger.Withdraw(id, step(d));
  }

  // Extension, approved by the head of the office.
  if (Chance(rng, 0.1)) {
    GONGKAI_ASSIGN_OR_RETURN(Date d, after(last, Uniform(rng, 1, 15)));
    if (d > stop) return Status::Ok();
    GONGKAI_RETURN_IF_ERROR(
        ledger.Extend(id, step(d), Uniform(rng, 5, 20), kHeads[Uniform(rng, 0, 2)]));
    last = d;
  }
  GONGKAI_ASSIGN_OR_RETURN(RequestStatus r, ledger.Describe(id, last));
  // The reply: on time, now and then a few days late (a recorded breach).
  Date due = *r.request.due;
  Date reply_date = due + Uniform(rng, 1, 10);
  if (!Chance(rng, 0.04)) {
    GONGKAI_ASSIGN_OR_RETURN(int span, cal.WorkingDaysBetween(last, due));
    GONGKAI_ASSIGN_OR_RETURN(reply_date, after(last, Uniform(rng, 0, std::max(0, span))));
  }
  reply_date = std::max(reply_date, last);
  if (reply_date > stop) return Status::Ok();
  std::string outcome(T3RowId(outcome_row));
  return ledger.Reply(id,
                      {reply_date,
                       actor,
                       {outcome},
                       "《条例》第三十六条",
                       "经审查，现将办理结果告知如下：" + std::string(T3RowLabel(outcome_row))});
}

}  // namespace gongkai

// 信息处理费 (国办函〔2020〕109号 Art. 4–5, domain.md B.3) and the receipt date (条例 Art. 31).
#include <algorithm>
#include <cstdint>

#include "gongkai/ledger.h"

namespace gongkai {

int64_t PerRequestFeeYuan(int64_t rank) {
  if (rank <= 10) return 0;
  if (rank <= 30) return 100;
  // 31–40: 200, 41–50: 300, … ("以10件为一档", the usual reading; domain.md B.3).
  int64_t band = 2 + (rank - 31) / 10;  // no overflow: (rank - 31) / 10 < INT64_MAX / 10
  int64_t fee = 0;
  return __builtin_mul_overflow(band, int64_t{100}, &fee) ? INT64_MAX : fee;
}

int64_t PerPageFeeYuan(int64_t pages) {
  struct Band {
    int64_t first, last, yuan;
  };
  static const Band kBands[] = {{31, 100, 10}, {101, 200, 20}, {201, INT64_MAX, 40}};
  int64_t fee = 0;
  for (const Band& b : kBands) {
    if (pages < b.first) break;
    int64_t band_fee = 0;
    if (__builtin_mul_overflow(std::min(pages, b.last) - b.first + 1, b.yuan, &band_fee) ||
        __builtin_add_overflow(fee, band_fee, &fee)) {
      return INT64_MAX;
    }
  }
  return fee;
}

StatusOr<Date> ReceiptDate(Channel channel, const ArrivalDates& d) {
  auto missing = [&](const char* which, const char* rule) {
    return InvalidArgumentError(std::string("渠道“") + std::string(ChannelLabel(channel)) +
                                "”需要" + which + "（条例第三十一条：" + rule + "）(" +
                                std::string(ChannelId(channel)) + " needs this date)");
  };
  switch (channel) {
    case Channel::kInPerson:
      if (!d.submitted)
        return missing("提交日期 --submitted", "当面提交的，以提交之日为收到申请之日");
      return *d.submitted;
    case Channel::kLetterSigned:
      if (!d.signed_for) {
        return missing("签收日期 --signed", "需要签收的邮寄申请，以签收之日为收到申请之日");
      }
      if (d.submitted && *d.signed_for < *d.submitted) {
        return InvalidArgumentError("签收日期早于到达日期 (signed for before it arrived)");
      }
      return *d.signed_for;
    case Channel::kLetterOrdinary:
      if (!d.confirmed) {
        return missing("确认日期 --confirmed",
                       "平常信函等无需签收的，以与申请人确认之日为收到申请之日");
      }
      if (d.submitted && *d.confirmed < *d.submitted) {
        return InvalidArgumentError(
            "确认日期早于信件到达日期 (confirmed before the letter arrived)");
      }
      // A confirmation after the day of arrival is still the receipt date; Register flags it.
      return *d.confirmed;
    case Channel::kOnline:
    case Channel::kFax:
    case Channel::kEmail:
      if (!d.confirmed) {
        return missing("双方确认日期 --confirmed",
                       "通过互联网渠道或者传真提交的，以双方确认之日为收到申请之日");
      }
      return *d.confirmed;
  }
  return InvalidArgumentError("未知渠道 (unknown channel)");
}

}  // namespace gongkai

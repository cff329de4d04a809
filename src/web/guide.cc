#include "guide.h"

#include "gongkai/ledger.h"

namespace gongkai::web {

std::vector<GuideSection> BuildGuide(const Agency& a, const Agency* parent) {
  const std::string days = std::to_string(ledger_config::kReplyDays);
  const std::string ext = std::to_string(ledger_config::kMaxExtensionDays);
  std::vector<GuideSection> g;
  g.push_back({"一、主动公开",
               {a.name + "主动公开的政府信息在本专栏“法定主动公开内容”栏目发布，按索引号、名称、"
                         "发布机构、生成日期和分类编排，可在本网站检索。",
                "政府信息公开工作年度报告在每年1月31日前于“政府信息公开年报”栏目发布，提供网页、"
                "Word、PDF 和 Excel 格式。"}});
  g.push_back(
      {"二、依申请公开",
       {"公民、法人或者其他组织可以向" + a.name +
            "申请获取相关政府信息。申请可以通过本专栏“依申请公开”栏目在线提交，也可以采用"
            "信函、传真、电子邮件或者当面提交等书面形式。",
        "申请应当包括：申请人的姓名或者名称、身份证明、联系方式；申请公开的政府信息的名称、"
        "文号或者便于查询的其他特征性描述；申请公开的政府信息的形式要求，包括获取信息的方式、"
        "途径（《政府信息公开条例》第二十九条）。",
        "收到申请之日依照条例第三十一条确定：在线提交的，以双方确认之日为收到申请之日。"
        "能够当场答复的当场答复；不能当场答复的，自收到申请之日起" +
            days +
            "个工作日内答复；需要延长的，经政府信息公开工作机构负责人同意，延长期限最长不超过" +
            ext + "个工作日（条例第三十三条）。",
        "申请内容不明确的，将在收到申请之日起" +
            std::to_string(ledger_config::kCorrectionNoticeDays) +
            "个工作日内一次性告知补正，答复期限自收到补正的申请之日起计算（条例第三十条）。",
        "提供政府信息不收取费用；申请数量、频次明显超过合理范围的，按照国办函〔2020〕109号"
        "收取信息处理费。",
        "在线提交后将得到查询码，凭查询码可在“依申请公开”栏目查询办理进度和答复。"}});
  g.push_back(
      {"三、政府信息公开工作机构",
       {"机构名称：" + a.name + "政府信息公开工作机构。",
        "办公地址、办公时间、联系电话、传真号码：本系统尚未登记，以" + a.name + "公布的为准。",
        "互联网联系方式：本专栏“依申请公开”栏目。"}});
  std::string supervisor =
      parent ? parent->name : std::string("上一级行政机关或者政府信息公开工作主管部门");
  g.push_back({"四、监督和救济",
               {"公民、法人或者其他组织认为" + a.name +
                "在政府信息公开工作中侵犯其合法权益的，可以向" + supervisor +
                "或者政府信息公开工作主管部门投诉、举报，也可以依法申请行政复议或者提起"
                "行政诉讼（条例第五十一条）。"}});
  return g;
}

std::vector<GuideSection> BuildRules(const Agency& a) {
  return {
      {"一、法律法规",
       {"《中华人民共和国政府信息公开条例》（国务院令第711号）",
        "《政府信息公开信息处理费管理办法》（国办函〔2020〕109号）",
        "《中华人民共和国政府信息公开工作年度报告格式》（国办公开办函〔2021〕30号）"}},
      {"二、" + a.name + "政府信息公开工作制度",
       {"主动公开：信息产生后由起草、审核、批准三级审查并经保密审查后公开（三审制）。",
        "依申请公开：登记受理、补正告知、征求意见、延期审批、收费通知、答复，每一步均记入台账"
        "并留痕；法定期限按工作日计算，节假日依国务院办公厅每年的通知。",
        "年度报告：由台账逐项生成表格，经勾稽关系、合计和上下年结转核对后于1月31日前公布。",
        "监督：申请人可凭查询码查询办理进度；逾期答复、逾期补正告知等情形在台账中标记。"}},
  };
}

std::string GuideText(const std::vector<GuideSection>& sections) {
  std::string out;
  for (const GuideSection& s : sections) {
    out += s.heading + "\n";
    for (const std::string& p : s.paragraphs) out += p + "\n";
  }
  return out;
}

}  // namespace gongkai::web

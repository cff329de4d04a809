// gongkai rules: the rule catalogue.
#include "gongkai/rules.h"

#include <cstdio>
#include <iostream>

#include "command.h"

namespace gongkai::cli {

int RunRules(const Args& args) {
  bool english = false;
  for (size_t i = 0; i < args.size(); ++i) {
    const std::string& a = args[i];
    if (a == "--help" || a == "-h") {
      std::fputs(
          "用法 (usage): gongkai rules [--lang zh|en]\n\n"
          "列出全部检查规则：编号、级别、说明。Lists every rule: id, severity, description.\n",
          stdout);
      return 0;
    } else if (a == "--lang" || a.rfind("--lang=", 0) == 0) {
      if (a == "--lang" && i + 1 >= args.size()) {
        return UsageError("rules", "--lang 缺少语言，可用 zh 或 en (--lang needs a language: zh or en)");
      }
      const std::string lang = a == "--lang" ? args[++i] : a.substr(7);
      if (lang != "zh" && lang != "en") {
        return UsageError("rules", "不支持的语言“" + lang + "”，可用 zh 或 en (unsupported language " + lang +
                                       ": use zh or en)");
      }
      english = lang == "en";
    } else {
      return UsageError("rules", "未知参数 " + a + " (unknown argument)");
    }
  }
  for (const RuleInfo& r : RuleCatalogue()) {
    std::cout << r.id << "\t" << SeverityName(r.severity) << "\t"
              << (english ? r.title_en : r.title) << "\n";
  }
  return 0;
}

}  // namespace gongkai::cli

GONGKAI_COMMAND("rules", "列出检查规则目录 (list the rule catalogue)", gongkai::cli::RunRules)

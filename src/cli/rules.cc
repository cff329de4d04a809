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
    } else if (a == "--lang" && i + 1 < args.size() &&
               (args[i + 1] == "zh" || args[i + 1] == "en")) {
      english = args[++i] == "en";
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

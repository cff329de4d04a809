// CheckTextFields (sqlite_context.h): the registries refuse text that is not clean UTF-8.
#include "gongkai/text_safety.h"
#include "sqlite_context.h"

namespace gongkai::store_internal {

Status CheckTextFields(std::initializer_list<std::pair<const char*, const std::string*>> fields) {
  for (const auto& [name, value] : fields) {
    std::string problem = CheckTextField(name, *value);
    if (!problem.empty()) return InvalidArgumentError(problem);
  }
  return Status::Ok();
}

}  // namespace gongkai::store_internal

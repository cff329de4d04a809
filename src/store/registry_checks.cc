// Checks shared by the SQLite registries (sqlite_context.h).
#include "gongkai/text_safety.h"
#include "sqlite_context.h"
#include "sqlite_db.h"

namespace gongkai::store_internal {

Status CheckTextFields(std::initializer_list<std::pair<const char*, const std::string*>> fields) {
  for (const auto& [name, value] : fields) {
    std::string problem = CheckTextField(name, *value);
    if (!problem.empty()) return InvalidArgumentError(problem);
  }
  return Status::Ok();
}

Status CheckAgencyExists(sqlite3* db, int64_t agency_id) {
  Statement s;
  GONGKAI_RETURN_IF_ERROR(s.Prepare(db, "SELECT 1 FROM agency WHERE id = ?1"));
  s.Bind(1, agency_id);
  GONGKAI_ASSIGN_OR_RETURN(bool row, s.Step());
  if (!row) {
    return NotFoundError("没有编号为 " + std::to_string(agency_id) + " 的机关 (no such agency)");
  }
  return Status::Ok();
}

}  // namespace gongkai::store_internal

#pragma once
// One step of a module's schema. Each module owns an ordered list (versions strictly
// increasing); database::register_migrations applies the ones a database has not seen yet and
// records them in schema_version(module, version). Statements are portable SQL, one per entry;
// a backend-specific list, when not empty, replaces `statements` on that backend.

#include <cstdint>
#include <string>
#include <vector>

namespace erpc {

struct migration {
  std::int64_t version = 0;
  std::string name;
  std::vector<std::string> statements;
  std::vector<std::string> sqlite_statements;
  std::vector<std::string> postgres_statements;
};

}  // namespace erpc

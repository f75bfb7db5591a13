// The contract's JSON Schema files, compiled into the binary (schemas/CMakeLists.txt).
#pragma once

#include <span>
#include <string_view>

namespace erpc::schemas {

struct embedded_schema {
  std::string_view path;  // relative to schemas/, e.g. "v1/invoice.schema.json"
  std::string_view text;  // the file's bytes
};

// Every embedded file, sorted by path.
std::span<const embedded_schema> all_embedded();

// The file at `path` ("v1/invoice.schema.json"), or nullptr.
const embedded_schema* find_embedded(std::string_view path) noexcept;

}  // namespace erpc::schemas

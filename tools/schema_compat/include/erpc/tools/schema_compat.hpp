// Breaking-change detection between a released schema tree and the current one
// (schemas/VERSIONING.md). Additive: a new optional property, a new file, a new definition,
// a widened type, a relaxed bound. Breaking: everything that can reject or misread a document
// that the released contract accepted, or that gives a reader a value it has never seen.
#pragma once

#include <nlohmann/json.hpp>

#include <filesystem>
#include <string>
#include <vector>

namespace erpc::tools {

struct compat_finding {
  std::string file;     // relative to the tree, e.g. "invoice.schema.json"
  std::string pointer;  // RFC 6901 pointer into the released schema
  std::string kind;     // stable: "property_removed", "enum_value_added", ...
  std::string detail;

  std::string to_line() const;  // "file#pointer: kind: detail"
};

// One schema document against its released self.
std::vector<compat_finding> compare_schemas(const nlohmann::json& released,
                                            const nlohmann::json& current,
                                            const std::string& file);

// Every *.json under `released` against the same relative path under `current`. Throws
// std::runtime_error on an unreadable directory or file (exit 2 in the tool).
std::vector<compat_finding> compare_trees(const std::filesystem::path& released,
                                          const std::filesystem::path& current);

}  // namespace erpc::tools

// The contract v1 schemas compiled into a tree of checks over nlohmann::json: the validator the
// host runs on every call. It understands exactly the draft-07 keywords schemas/v1 uses and
// refuses any other keyword when it is built, so a schema change it cannot honour fails the
// tests instead of being skipped silently.
//
// Its findings are the ones valijson's (compiled_schemas, kept as the reference oracle in the
// differential test) map to: same RFC 6901 pointers, same "schema.*" codes, same messages, in
// the same order. That includes valijson's quirks, on purpose, so the two stay comparable:
//   - allOf stops at its first failing branch;
//   - additionalProperties:false names only the first unexpected member (in key order);
//   - patternProperties stops at the first member whose value fails;
//   - minLength/maxLength count UTF-8 code points up to the first NUL.
// Summaries ("Failed to validate ...") are kept only when no leaf finding explains the failure
// (select_schema_findings).
#pragma once

#include "schema_documents.hpp"

#include <erpc/error.hpp>

#include <nlohmann/json.hpp>

#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace erpc::contract_detail {

struct check_node;

// The one finding for a name that is not a contract v1 object: {prefix, contract.unknown_object}.
std::vector<field_error> unknown_object(std::string_view name, std::string_view prefix);

class schema_check_tree {
 public:
  // Compiles every schema named in compiled_schemas::file_for from `documents` (which must
  // outlive the tree). Throws erpc::error(INTERNAL, "contract.schema_load") on an unsupported
  // keyword, pattern or unresolvable $ref.
  explicit schema_check_tree(const schema_documents& documents);
  ~schema_check_tree();
  schema_check_tree(const schema_check_tree&) = delete;
  schema_check_tree& operator=(const schema_check_tree&) = delete;

  // "Invoice", ..., "request", "response", "error".
  bool has(std::string_view name) const;

  // The findings for `document` against the named schema; pointers start with `prefix`.
  // `name` must satisfy has().
  std::vector<field_error> check(std::string_view name, const nlohmann::json& document,
                                 std::string_view prefix) const;

 private:
  class compiler;
  std::vector<std::unique_ptr<check_node>> nodes_;  // stable addresses for the links
  std::map<std::string, const check_node*, std::less<>> roots_;
};

}  // namespace erpc::contract_detail

// valijson's results -> erpc::field_error: an RFC 6901 pointer to the offending field and a
// stable "schema.*" code. valijson reports a path of "[name]"/"[index]" tokens and an English
// description; the description's fixed prefix decides the code, the document decides whether a
// token is an array index or a member name.
#pragma once

#include <erpc/error.hpp>

#include <nlohmann/json.hpp>

#include <string>
#include <string_view>
#include <vector>

namespace erpc::contract_detail {

struct schema_failure {
  std::vector<std::string> context;  // valijson's path: "<root>", "[lines]", "[0]", ...
  std::string description;
};

// `prefix` is prepended to every pointer ("/payload" for an envelope's payload).
std::vector<field_error> map_schema_failures(const std::vector<schema_failure>& failures,
                                             const nlohmann::json& document,
                                             std::string_view prefix = "");

// Leaf findings if there are any, else the summaries (as "schema.invalid"), each (pointer, code)
// once, first one kept. Shared by both schema engines so they report alike.
std::vector<field_error> select_schema_findings(std::vector<field_error> leaves,
                                                std::vector<field_error> summaries);

}  // namespace erpc::contract_detail

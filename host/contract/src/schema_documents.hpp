// The embedded contract v1 schema files, parsed once per process and shared by both schema
// engines (schema_check_tree, and valijson in compiled_schemas).
#pragma once

#include <nlohmann/json.hpp>

#include <map>
#include <span>
#include <string>
#include <string_view>

namespace erpc::contract_detail {

// "v1/invoice.schema.json" -> its parsed document.
using schema_documents = std::map<std::string, nlohmann::json, std::less<>>;

// Throws erpc::error(INTERNAL, "contract.schema_load") when an embedded file is not JSON.
const schema_documents& embedded_schema_documents();

// "https://erpconnect.dev/schemas/v1/common.schema.json#/x" or "common.schema.json" ->
// "v1/common.schema.json": every $ref is resolved inside the embedded set.
std::string schema_document_path(std::string_view uri);

// The schema file of a name: "Invoice" -> "v1/invoice.schema.json"; also "request",
// "response", "error". Empty for an unknown name.
std::string schema_file_for(std::string_view name);

// Every name schema_file_for knows: the twelve objects and the three envelopes.
std::span<const std::string_view> schema_names() noexcept;

[[noreturn]] void schema_load_failure(std::string_view file, std::string_view why);

}  // namespace erpc::contract_detail

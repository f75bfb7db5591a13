#include "compiled_schemas.hpp"

#include "schema_documents.hpp"
#include "schema_error_mapping.hpp"

#include <valijson/adapters/nlohmann_json_adapter.hpp>
#include <valijson/schema_parser.hpp>
#include <valijson/validation_results.hpp>
#include <valijson/validator.hpp>

#include <stdexcept>
#include <utility>

namespace erpc::contract_detail {

std::optional<std::string> compiled_schemas::file_for(std::string_view name) {
  auto file = schema_file_for(name);
  if (file.empty()) return std::nullopt;
  return file;
}

compiled_schemas::compiled_schemas() {
  const auto& documents = embedded_schema_documents();
  auto fetch = [&documents](const std::string& uri) -> const nlohmann::json* {
    const auto it = documents.find(schema_document_path(uri));
    return it == documents.end() ? nullptr : &it->second;
  };
  auto release = [](const nlohmann::json*) {};  // the shared documents own every fetched one

  for (const auto name : schema_names()) {
    const std::string path = schema_file_for(name);
    const auto it = documents.find(path);
    if (it == documents.end()) schema_load_failure(path, "missing from the embedded set");
    auto schema = std::make_unique<valijson::Schema>();
    try {
      valijson::SchemaParser parser(valijson::SchemaParser::kDraft7);
      valijson::adapters::NlohmannJsonAdapter adapter(it->second);
      parser.populateSchema(adapter, *schema, fetch, release);
    } catch (const std::exception& e) {
      schema_load_failure(path, e.what());
    }
    schemas_.emplace(std::string(name), std::move(schema));
  }
}

const valijson::Schema* compiled_schemas::find(std::string_view name) const {
  const auto it = schemas_.find(name);
  return it == schemas_.end() ? nullptr : it->second.get();
}

std::vector<field_error> compiled_schemas::check(const valijson::Schema& schema,
                                                 const nlohmann::json& document,
                                                 std::string_view prefix) {
  // valijson caches compiled regexes in the validator; one per thread keeps that cache warm
  // without sharing mutable state between threads.
  thread_local valijson::Validator validator(valijson::Validator::kStrongTypes);
  valijson::ValidationResults results;
  try {
    valijson::adapters::NlohmannJsonAdapter adapter(document);
    validator.validate(schema, adapter, &results);
  } catch (const std::exception& e) {
    return {{std::string(prefix), "schema.unprocessable", e.what()}};
  }
  std::vector<schema_failure> failures;
  valijson::ValidationResults::Error e;
  while (results.popError(e)) failures.push_back({std::move(e.context), std::move(e.description)});
  return map_schema_failures(failures, document, prefix);
}

}  // namespace erpc::contract_detail

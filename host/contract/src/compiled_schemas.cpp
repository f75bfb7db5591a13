#include "compiled_schemas.hpp"

#include <erpc/error.hpp>
#include <erpc/schemas/embedded_schemas.hpp>

#include <valijson/adapters/nlohmann_json_adapter.hpp>
#include <valijson/schema_parser.hpp>

#include <array>
#include <stdexcept>
#include <utility>

namespace erpc::contract_detail {
namespace {

struct name_and_file {
  std::string_view name;
  std::string_view file;
};

constexpr std::array<name_and_file, 15> k_files{{
    {"LegalEntity", "legal_entity"},   {"Supplier", "supplier"},
    {"Customer", "customer"},          {"Account", "account"},
    {"TaxCode", "tax_code"},           {"JournalEntry", "journal_entry"},
    {"Invoice", "invoice"},            {"Payment", "payment"},
    {"PaymentBatch", "payment_batch"}, {"PaymentStatus", "payment_status"},
    {"BankStatement", "bank_statement"}, {"Settlement", "settlement"},
    {"request", "request"},            {"response", "response"},
    {"error", "error"},
}};

constexpr std::string_view k_version_dir = "v1/";

// "https://erpconnect.dev/schemas/v1/common.schema.json" or "common.schema.json" -> the file
// name; valijson hands over relative or absolute URIs depending on the resolution scope.
std::string_view file_name_of(std::string_view uri) {
  if (const auto hash = uri.find('#'); hash != std::string_view::npos) uri = uri.substr(0, hash);
  if (const auto slash = uri.rfind('/'); slash != std::string_view::npos) {
    uri = uri.substr(slash + 1);
  }
  return uri;
}

[[noreturn]] void load_failure(std::string_view file, std::string_view why) {
  throw error(error_class::internal, "contract.schema_load",
              "embedded schema " + std::string(file) + ": " + std::string(why));
}

}  // namespace

std::optional<std::string> compiled_schemas::file_for(std::string_view name) {
  for (const auto& entry : k_files) {
    if (entry.name == name) {
      return std::string(k_version_dir) + std::string(entry.file) + ".schema.json";
    }
  }
  return std::nullopt;
}

compiled_schemas::compiled_schemas() {
  for (const auto& s : schemas::all_embedded()) {
    if (!s.path.starts_with(k_version_dir)) continue;
    auto doc = nlohmann::json::parse(s.text, nullptr, false);
    if (doc.is_discarded()) load_failure(s.path, "not JSON");
    documents_.emplace(std::string(s.path), std::move(doc));
  }

  auto fetch = [this](const std::string& uri) -> const nlohmann::json* {
    const std::string path = std::string(k_version_dir) + std::string(file_name_of(uri));
    const auto it = documents_.find(path);
    return it == documents_.end() ? nullptr : &it->second;
  };
  auto release = [](const nlohmann::json*) {};  // documents_ owns every fetched document

  for (const auto& entry : k_files) {
    const std::string path = *file_for(entry.name);
    const auto it = documents_.find(path);
    if (it == documents_.end()) load_failure(path, "missing from the embedded set");
    auto schema = std::make_unique<valijson::Schema>();
    try {
      valijson::SchemaParser parser(valijson::SchemaParser::kDraft7);
      valijson::adapters::NlohmannJsonAdapter adapter(it->second);
      parser.populateSchema(adapter, *schema, fetch, release);
    } catch (const std::exception& e) {
      load_failure(path, e.what());
    }
    schemas_.emplace(std::string(entry.name), std::move(schema));
  }
}

const valijson::Schema* compiled_schemas::find(std::string_view name) const {
  const auto it = schemas_.find(name);
  return it == schemas_.end() ? nullptr : it->second.get();
}

}  // namespace erpc::contract_detail

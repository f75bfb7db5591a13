#include "schema_documents.hpp"

#include <erpc/error.hpp>
#include <erpc/schemas/embedded_schemas.hpp>

#include <array>

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

constexpr std::array<std::string_view, 15> k_names{
    k_files[0].name,  k_files[1].name,  k_files[2].name,  k_files[3].name,  k_files[4].name,
    k_files[5].name,  k_files[6].name,  k_files[7].name,  k_files[8].name,  k_files[9].name,
    k_files[10].name, k_files[11].name, k_files[12].name, k_files[13].name, k_files[14].name};

constexpr std::string_view k_version_dir = "v1/";

schema_documents parse_embedded() {
  schema_documents out;
  for (const auto& s : schemas::all_embedded()) {
    if (!s.path.starts_with(k_version_dir)) continue;
    auto doc = nlohmann::json::parse(s.text, nullptr, false);
    if (doc.is_discarded()) schema_load_failure(s.path, "not JSON");
    out.emplace(std::string(s.path), std::move(doc));
  }
  return out;
}

}  // namespace

const schema_documents& embedded_schema_documents() {
  static const schema_documents documents = parse_embedded();
  return documents;
}

std::string schema_document_path(std::string_view uri) {
  // valijson hands over relative or absolute URIs depending on the resolution scope.
  if (const auto hash = uri.find('#'); hash != std::string_view::npos) uri = uri.substr(0, hash);
  if (const auto slash = uri.rfind('/'); slash != std::string_view::npos) {
    uri = uri.substr(slash + 1);
  }
  return std::string(k_version_dir) + std::string(uri);
}

std::string schema_file_for(std::string_view name) {
  for (const auto& entry : k_files) {
    if (entry.name == name) {
      return std::string(k_version_dir) + std::string(entry.file) + ".schema.json";
    }
  }
  return {};
}

std::span<const std::string_view> schema_names() noexcept { return k_names; }

void schema_load_failure(std::string_view file, std::string_view why) {
  throw error(error_class::internal, "contract.schema_load",
              "embedded schema " + std::string(file) + ": " + std::string(why));
}

}  // namespace erpc::contract_detail

// Fails when a C++ canonical type and its schema disagree on the member list, in either
// direction: a schema property without a C++ member would be dropped silently on decode, a C++
// member without a schema property would be refused by the validator on encode.
#include <erpc/contract/bank_statement.hpp>
#include <erpc/contract/invoice.hpp>
#include <erpc/contract/journal_entry.hpp>
#include <erpc/contract/payment.hpp>
#include <erpc/contract/payment_status.hpp>
#include <erpc/contract/supplier.hpp>
#include <erpc/schemas/embedded_schemas.hpp>

#include <nlohmann/json.hpp>

#include <catch2/catch.hpp>

#include <set>
#include <span>
#include <string>

namespace c = erpc::contract;

namespace {

struct drift_case {
  const char* type;
  std::span<const std::string_view> fields;
  const char* file;
  const char* pointer;  // the schema node holding "properties"
};

template <typename T>
std::span<const std::string_view> fields_of() {
  return T::json_fields;
}

const drift_case k_cases[] = {
    {"postal_address", fields_of<c::postal_address>(), "common", "/definitions/postal_address"},
    {"organisation_id", fields_of<c::organisation_id>(), "common", "/definitions/organisation_id"},
    {"party", fields_of<c::party>(), "common", "/definitions/party"},
    {"other_account_id", fields_of<c::other_account_id>(), "common",
     "/definitions/bank_account/properties/other"},
    {"bank_account", fields_of<c::bank_account>(), "common", "/definitions/bank_account"},
    {"payment_terms", fields_of<c::payment_terms>(), "common", "/definitions/payment_terms"},
    {"creditor_reference", fields_of<c::creditor_reference>(), "common",
     "/definitions/creditor_reference"},
    {"referred_document", fields_of<c::referred_document>(), "common",
     "/definitions/referred_document"},
    {"structured_remittance", fields_of<c::structured_remittance>(), "common",
     "/definitions/remittance/properties/structured"},
    {"remittance", fields_of<c::remittance>(), "common", "/definitions/remittance"},
    {"payment_references", fields_of<c::payment_references>(), "common",
     "/definitions/payment_references"},
    {"document_ref", fields_of<c::document_ref>(), "common", "/definitions/document_ref"},
    {"source_ref", fields_of<c::source_ref>(), "common", "/definitions/source_ref"},
    {"supplier", fields_of<c::supplier>(), "supplier", ""},
    {"po_reference", fields_of<c::po_reference>(), "invoice",
     "/definitions/invoice_line/properties/po_reference"},
    {"invoice_line", fields_of<c::invoice_line>(), "invoice", "/definitions/invoice_line"},
    {"tax_line", fields_of<c::tax_line>(), "invoice", "/definitions/tax_line"},
    {"withholding_tax", fields_of<c::withholding_tax>(), "invoice", "/definitions/withholding"},
    {"invoice_totals", fields_of<c::invoice_totals>(), "invoice", "/definitions/totals"},
    {"invoice", fields_of<c::invoice>(), "invoice", ""},
    {"journal_line", fields_of<c::journal_line>(), "journal_entry", "/definitions/journal_line"},
    {"journal_entry", fields_of<c::journal_entry>(), "journal_entry", ""},
    {"payment_fx", fields_of<c::payment_fx>(), "payment", "/properties/fx"},
    {"short_payment", fields_of<c::short_payment>(), "payment",
     "/definitions/application/properties/short_payment"},
    {"payment_application", fields_of<c::payment_application>(), "payment",
     "/definitions/application"},
    {"payment", fields_of<c::payment>(), "payment", ""},
    {"status_reason", fields_of<c::status_reason>(), "payment_status", "/definitions/reason"},
    {"payment_status", fields_of<c::payment_status>(), "payment_status", ""},
    {"statement_page", fields_of<c::statement_page>(), "bank_statement", "/properties/page"},
    {"statement_balance", fields_of<c::statement_balance>(), "bank_statement",
     "/definitions/balance"},
    {"proprietary_code", fields_of<c::proprietary_code>(), "bank_statement",
     "/definitions/bank_transaction_code/properties/proprietary"},
    {"bank_transaction_code", fields_of<c::bank_transaction_code>(), "bank_statement",
     "/definitions/bank_transaction_code"},
    {"entry_batch", fields_of<c::entry_batch>(), "bank_statement",
     "/definitions/entry/properties/batch"},
    {"entry_references", fields_of<c::entry_references>(), "bank_statement",
     "/definitions/entry_references"},
    {"transaction_details", fields_of<c::transaction_details>(), "bank_statement",
     "/definitions/transaction_details"},
    {"currency_exchange", fields_of<c::currency_exchange>(), "bank_statement",
     "/definitions/currency_exchange"},
    {"statement_entry", fields_of<c::statement_entry>(), "bank_statement", "/definitions/entry"},
    {"bank_statement", fields_of<c::bank_statement>(), "bank_statement", ""},
};

nlohmann::json schema_file(const std::string& name) {
  const auto* s = erpc::schemas::find_embedded("v1/" + name + ".schema.json");
  REQUIRE(s != nullptr);
  return nlohmann::json::parse(s->text);
}

}  // namespace

TEST_CASE("C++ canonical types and their schemas list the same members", "[contract][drift]") {
  for (const auto& dc : k_cases) {
    const auto schema = schema_file(dc.file);
    const auto& node = schema.at(nlohmann::json::json_pointer(dc.pointer));
    REQUIRE(node.contains("properties"));
    std::set<std::string> in_schema;
    for (const auto& [key, value] : node["properties"].items()) in_schema.insert(key);
    std::set<std::string> in_cpp(dc.fields.begin(), dc.fields.end());

    for (const auto& name : in_schema) {
      INFO(dc.type << ": schema property '" << name << "' has no C++ member");
      CHECK(in_cpp.contains(name));
    }
    for (const auto& name : in_cpp) {
      INFO(dc.type << ": C++ member '" << name << "' is not in " << dc.file << dc.pointer);
      CHECK(in_schema.contains(name));
    }
    CHECK(in_cpp.size() == dc.fields.size());  // no name listed twice
  }
}

TEST_CASE("the drift check itself notices a difference", "[contract][drift]") {
  const auto schema = schema_file("invoice");
  const auto& props = schema["definitions"]["totals"]["properties"];
  const std::set<std::string> wrong{"net", "tax"};  // a type that forgot "gross"
  std::set<std::string> in_schema;
  for (const auto& [key, value] : props.items()) in_schema.insert(key);
  CHECK(in_schema != wrong);
}

// SPDX-License-Identifier: Apache-2.0
#include "supplier_invoice_rules.hpp"

#include "duplicate_invoice_check.hpp"
#include "odata_values.hpp"
#include "sap_settings.hpp"

namespace erpc::sim::sap {

namespace {

constexpr const char* invoice_set = "A_SupplierInvoice";

std::string text_of(const nlohmann::json& record, const char* name) {
  const auto it = record.find(name);
  return it != record.end() && it->is_string() ? it->get<std::string>() : std::string();
}

gateway_error missing(const char* field) {
  return gateway_error(400, codes::missing_field,
                       "Property '" + std::string(field) + "' of 'A_SupplierInvoice' is required",
                       {{codes::missing_field, "Enter a value for '" + std::string(field) + "'",
                         "error", field}});
}

// A function-import parameter: an OData literal ('text', datetime'…'); "" when absent.
std::string literal_param(const http_params& params, std::string_view name) {
  for (const auto& [k, v] : params) {
    if (k != name) continue;
    auto value = std::string_view(v);
    for (const std::string_view prefix : {"datetime", "datetimeoffset"}) {
      if (value.rfind(prefix, 0) == 0 && value.size() > prefix.size() &&
          value[prefix.size()] == '\'') {
        value.remove_prefix(prefix.size());
      }
    }
    if (value.size() >= 2 && value.front() == '\'' && value.back() == '\'') {
      value = value.substr(1, value.size() - 2);
    }
    return std::string(value);
  }
  return {};
}

nlohmann::json& invoice_for_function(const http_params& params, record_writer& writer,
                                     std::string_view function) {
  const auto number = literal_param(params, "SupplierInvoice");
  const auto year = literal_param(params, "FiscalYear");
  if (number.empty() || year.empty()) {
    throw gateway_error(400, codes::missing_field,
                        std::string(function) + ": parameters SupplierInvoice and FiscalYear "
                                                "are required");
  }
  const auto* type = writer.model().entity_set(invoice_set);
  const auto predicate =
      key_predicate(*type, {{"SupplierInvoice", number}, {"FiscalYear", year}});
  auto* invoice = writer.store().find(invoice_set, predicate);
  if (!invoice) {
    throw gateway_error(404, codes::not_found,
                        "Supplier invoice " + number + " " + year + " does not exist");
  }
  return *invoice;
}

}  // namespace

std::vector<navigation_link> supplier_invoice_navigations() {
  const std::vector<std::pair<std::string, std::string>> by_invoice = {
      {"SupplierInvoice", "SupplierInvoice"}, {"FiscalYear", "FiscalYear"}};
  return {
      {invoice_set, "to_SupplierInvoiceItemGLAcct", "A_SupplierInvoiceItemGLAcct", by_invoice,
       true},
      {invoice_set, "to_SuplrInvcItemPurOrdRef", "A_SuplrInvcItemPurOrdRef", by_invoice, true},
      {invoice_set, "to_SupplierInvoiceTax", "A_SupplierInvoiceTax", by_invoice, true},
  };
}

void supplier_invoice_rules::before_create(pending_record& root, entity_store& store,
                                           std::vector<gateway_message>& warnings) {
  if (root.set != invoice_set) {
    throw gateway_error(405, codes::method_not_allowed,
                        "Create is offered for A_SupplierInvoice only (deep insert)");
  }
  auto& invoice = root.record;
  for (const char* field : {"CompanyCode", "InvoicingParty", "DocumentDate", "PostingDate",
                            "DocumentCurrency", "InvoiceGrossAmount"}) {
    const auto it = invoice.find(field);
    if (it == invoice.end() || it->is_null() || *it == "") throw missing(field);
  }
  const auto credit_memo = text_of(invoice, "SupplierInvoiceIsCreditMemo");
  if (credit_memo != "" && credit_memo != "X") {
    throw gateway_error(400, codes::invalid_value,
                        "SupplierInvoiceIsCreditMemo takes '' (invoice) or 'X' (credit memo)");
  }
  auto status = text_of(invoice, "SupplierInvoiceStatus");
  if (status.empty()) status = status_posted;
  if (status != status_posted && status != status_parked && status != status_held) {
    throw gateway_error(400, codes::invalid_value,
                        "SupplierInvoiceStatus " + status + " cannot be set on create (5, A, D)");
  }
  invoice["SupplierInvoiceStatus"] = status;

  if (settings_.boolean(setting::require_known_supplier)) {
    edm_entity_type supplier_company;
    supplier_company.keys = {"Supplier", "CompanyCode"};
    const nlohmann::json key = {{"Supplier", text_of(invoice, "InvoicingParty")},
                                {"CompanyCode", text_of(invoice, "CompanyCode")}};
    if (!store.find("A_SupplierCompany", key_predicate(supplier_company, key))) {
      throw gateway_error(400, codes::unknown_supplier,
                          "Supplier " + text_of(invoice, "InvoicingParty") +
                              " is not defined in company code " +
                              text_of(invoice, "CompanyCode"),
                          {{codes::unknown_supplier, "Supplier is not defined in company code",
                            "error", "InvoicingParty"}});
    }
  }

  if (const auto earlier = find_duplicate_invoice(invoice, store,
                                                  duplicate_check_rules::from(settings_))) {
    const std::string text = "Check if invoice already entered under accounting doc. no. " +
                             text_of(*earlier, "SupplierInvoice") + " " +
                             text_of(*earlier, "FiscalYear");
    const auto code = settings_.text(setting::duplicate_code);
    if (settings_.text(setting::duplicate_message_type) == "error") {
      throw gateway_error(
          static_cast<unsigned>(settings_.integer(setting::duplicate_http_status)), code, text,
          {{code, text, "error", ""}});
    }
    warnings.push_back({code, text, "warning", ""});
  }

  const auto posting = parse_date_millis(text_of(invoice, "PostingDate"), false);
  invoice["FiscalYear"] = std::to_string(year_of_millis(posting.value_or(0)));
  invoice["SupplierInvoice"] =
      std::to_string(store.next_number("SupplierInvoice", 5105600001));
  invoice["CreationDate"] = today_odata_date();
  invoice["IsReversed"] = false;
  invoice["IsReversal"] = false;
}

void supplier_invoice_rules::before_update(std::string_view set, const nlohmann::json&,
                                           const nlohmann::json&) const {
  throw gateway_error(405, codes::method_not_allowed,
                      "'" + std::string(set) + "' is not updated through this API; park, post, "
                                               "release or cancel the invoice instead");
}

std::string supplier_invoice_rules::natural_key(std::string_view set,
                                                const nlohmann::json& record) const {
  if (set != invoice_set) return {};
  const auto reference = text_of(record, "SupplierInvoiceIDByInvcgParty");
  return reference.empty() ? std::string() : text_of(record, "InvoicingParty") + "/" + reference;
}

std::optional<nlohmann::json> supplier_invoice_rules::call_function(std::string_view name,
                                                                    const http_params& params,
                                                                    record_writer& writer) {
  const std::string ns = writer.model().schema_namespace() + ".";
  if (name == "Post") {
    auto invoice = invoice_for_function(params, writer, name);
    const auto status = text_of(invoice, "SupplierInvoiceStatus");
    if (status != status_parked && status != status_held) {
      throw gateway_error(400, codes::wrong_status,
                          "Invoice " + text_of(invoice, "SupplierInvoice") +
                              " is not parked or held (status " + status + ")");
    }
    invoice["SupplierInvoiceStatus"] = status_posted;
    writer.write(invoice_set, std::move(invoice));
    return nlohmann::json{{"__metadata", {{"type", ns + "PostInvoiceExportParameters"}}},
                          {"Success", true}};
  }
  if (name == "Release") {
    auto invoice = invoice_for_function(params, writer, name);
    invoice["PaymentBlockingReason"] = "";
    writer.write(invoice_set, std::move(invoice));
    return nlohmann::json{{"__metadata", {{"type", ns + "ReleaseInvoiceExportParameters"}}},
                          {"Success", true}};
  }
  if (name == "Cancel") {
    auto original = invoice_for_function(params, writer, name);
    if (text_of(original, "SupplierInvoiceStatus") != status_posted ||
        original.value("IsReversed", false) || original.value("IsReversal", false)) {
      throw gateway_error(400, codes::wrong_status,
                          "Invoice " + text_of(original, "SupplierInvoice") +
                              " is not a posted, unreversed invoice");
    }
    auto reversal = original;
    reversal["SupplierInvoice"] =
        std::to_string(writer.store().next_number("SupplierInvoice", 5105600001));
    if (const auto posting = literal_param(params, "PostingDate"); !posting.empty()) {
      const auto ms = parse_date_millis(posting, false);
      if (!ms) throw gateway_error(400, codes::invalid_value, "Cancel: PostingDate is malformed");
      reversal["PostingDate"] = odata_date(*ms);
      reversal["FiscalYear"] = std::to_string(year_of_millis(*ms));
    }
    reversal["IsReversal"] = true;
    reversal["ReverseDocument"] = original["SupplierInvoice"];
    reversal["ReverseDocumentFiscalYear"] = original["FiscalYear"];
    reversal["CreationDate"] = today_odata_date();
    original["IsReversed"] = true;
    original["ReverseDocument"] = reversal["SupplierInvoice"];
    original["ReverseDocumentFiscalYear"] = reversal["FiscalYear"];
    nlohmann::json result = {{"__metadata", {{"type", ns + "CancelInvoiceExportParameters"}}},
                             {"ReverseDocument", reversal["SupplierInvoice"]},
                             {"FiscalYear", reversal["FiscalYear"]},
                             {"Success", true}};
    writer.write(invoice_set, std::move(original));
    writer.write(invoice_set, std::move(reversal));
    return result;
  }
  return std::nullopt;
}

}  // namespace erpc::sim::sap

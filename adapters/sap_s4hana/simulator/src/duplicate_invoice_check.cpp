// SPDX-License-Identifier: Apache-2.0
#include "duplicate_invoice_check.hpp"

#include "odata_values.hpp"
#include "sap_settings.hpp"

namespace erpc::sim::sap {

namespace {

std::string text_of(const nlohmann::json& record, const char* name) {
  const auto it = record.find(name);
  return it != record.end() && it->is_string() ? it->get<std::string>() : std::string();
}

bool flag_of(const nlohmann::json& record, const char* name) {
  const auto it = record.find(name);
  return it != record.end() && it->is_boolean() && it->get<bool>();
}

bool is_credit_memo(const nlohmann::json& invoice) {
  return text_of(invoice, "SupplierInvoiceIsCreditMemo") == "X";
}

bool supplier_wants_check(const nlohmann::json& invoice, const entity_store& store) {
  edm_entity_type supplier_company;
  supplier_company.keys = {"Supplier", "CompanyCode"};
  const nlohmann::json key = {{"Supplier", text_of(invoice, "InvoicingParty")},
                              {"CompanyCode", text_of(invoice, "CompanyCode")}};
  const auto& rows = store.rows("A_SupplierCompany");
  const auto it = rows.find(key_predicate(supplier_company, key));
  return it != rows.end() && flag_of(it->second, "IsToBeCheckedForDuplicates");
}

bool same_amount(const nlohmann::json& a, const nlohmann::json& b) {
  const auto da = decimal_value(a.value("InvoiceGrossAmount", nlohmann::json()));
  const auto db = decimal_value(b.value("InvoiceGrossAmount", nlohmann::json()));
  return da && db && *da == *db;
}

}  // namespace

duplicate_check_rules duplicate_check_rules::from(const simulator_settings& s) {
  duplicate_check_rules r;
  r.enabled = s.boolean(setting::duplicate_check);
  r.requires_supplier_flag = s.boolean(setting::duplicate_needs_supplier_flag);
  r.compare_amount = s.boolean(setting::duplicate_compare_amount);
  r.compare_currency = s.boolean(setting::duplicate_compare_currency);
  r.compare_company_code = s.boolean(setting::duplicate_compare_company_code);
  r.compare_document_date = s.boolean(setting::duplicate_compare_document_date);
  r.skips_credit_memos = s.boolean(setting::duplicate_skips_credit_memos);
  r.ignores_reversed = s.boolean(setting::duplicate_ignores_reversed);
  r.counts_parked = s.boolean(setting::duplicate_counts_parked);
  return r;
}

std::optional<nlohmann::json> find_duplicate_invoice(const nlohmann::json& invoice,
                                                     const entity_store& store,
                                                     const duplicate_check_rules& rules) {
  const auto reference = text_of(invoice, "SupplierInvoiceIDByInvcgParty");
  if (!rules.enabled || reference.empty()) return std::nullopt;
  if (rules.skips_credit_memos && is_credit_memo(invoice)) return std::nullopt;
  if (rules.requires_supplier_flag && !supplier_wants_check(invoice, store)) return std::nullopt;

  for (const auto& [key, earlier] : store.rows("A_SupplierInvoice")) {
    if (text_of(earlier, "SupplierInvoiceIDByInvcgParty") != reference ||
        text_of(earlier, "InvoicingParty") != text_of(invoice, "InvoicingParty") ||
        is_credit_memo(earlier) != is_credit_memo(invoice)) {
      continue;
    }
    if (rules.ignores_reversed &&
        (flag_of(earlier, "IsReversed") || flag_of(earlier, "IsReversal"))) {
      continue;
    }
    if (!rules.counts_parked && text_of(earlier, "SupplierInvoiceStatus") != status_posted) {
      continue;
    }
    if (rules.compare_company_code &&
        text_of(earlier, "CompanyCode") != text_of(invoice, "CompanyCode")) {
      continue;
    }
    if (rules.compare_currency &&
        text_of(earlier, "DocumentCurrency") != text_of(invoice, "DocumentCurrency")) {
      continue;
    }
    if (rules.compare_amount && !same_amount(earlier, invoice)) continue;
    if (rules.compare_document_date &&
        parse_date_millis(text_of(earlier, "DocumentDate"), false) !=
            parse_date_millis(text_of(invoice, "DocumentDate"), false)) {
      continue;
    }
    return earlier;
  }
  return std::nullopt;
}

}  // namespace erpc::sim::sap

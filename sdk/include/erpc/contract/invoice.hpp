// SPDX-License-Identifier: Apache-2.0
// Canonical invoice (invoice.schema.json) as C++ types.
// Member names are the JSON names; json_fields lists them so contract_drift_test can
// compare them with the schema in both directions.
// JSON reading/writing: invoice_json.hpp.
#pragma once

#include <erpc/contract/common_types.hpp>
#include <erpc/decimal.hpp>
#include <erpc/money.hpp>

#include <array>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace erpc::contract {

struct po_reference {
  std::string po_number;
  std::optional<std::int64_t> po_line;
  std::optional<std::string> receipt_number;

  static constexpr std::array<std::string_view, 3> json_fields{
      "po_number", "po_line", "receipt_number"};
};

struct invoice_line {
  std::optional<std::int64_t> line_number;
  std::optional<std::string> description;
  std::optional<std::string> item;
  std::optional<decimal> quantity;
  std::optional<std::string> unit_of_measure;
  std::optional<decimal> unit_price;
  money net;
  money tax;
  money gross;
  std::optional<std::string> tax_code;
  std::optional<std::string> account;
  std::optional<contract::po_reference> po_reference;
  std::map<std::string, std::string> dimensions;

  static constexpr std::array<std::string_view, 13> json_fields{
      "line_number", "description", "item", "quantity", "unit_of_measure", "unit_price", "net",
      "tax", "gross", "tax_code", "account", "po_reference", "dimensions"};
};

struct tax_line {
  std::string tax_code;
  std::optional<decimal> rate_percent;
  money taxable_amount;
  money tax_amount;
  std::optional<bool> reverse_charge;
  std::optional<std::string> jurisdiction;

  static constexpr std::array<std::string_view, 6> json_fields{
      "tax_code", "rate_percent", "taxable_amount", "tax_amount", "reverse_charge", "jurisdiction"};
};

struct withholding_tax {
  std::optional<std::string> tax_code;
  std::optional<decimal> rate_percent;
  money amount;

  static constexpr std::array<std::string_view, 3> json_fields{
      "tax_code", "rate_percent", "amount"};
};

struct invoice_totals {
  money net;
  money tax;
  money gross;

  static constexpr std::array<std::string_view, 3> json_fields{
      "net", "tax", "gross"};
};

struct invoice {
  std::optional<std::string> id;
  std::map<std::string, std::string> external_refs;
  contract::source_ref source;
  std::string document_type;
  std::string direction;
  std::optional<std::string> legal_entity;
  std::optional<contract::party> supplier;
  std::optional<contract::party> customer;
  std::string invoice_number;
  std::optional<std::string> document_number;
  std::optional<contract::document_ref> original_invoice;
  std::string invoice_date;
  std::optional<std::string> posting_date;
  std::optional<std::string> due_date;
  std::string currency;
  std::optional<contract::payment_terms> payment_terms;
  std::optional<contract::bank_account> remit_to;
  std::optional<contract::creditor_reference> payment_reference;
  std::optional<bool> payment_block;
  std::optional<std::string> payment_block_reason;
  std::vector<std::string> po_references;
  std::vector<contract::invoice_line> lines;
  std::vector<contract::tax_line> tax_lines;
  std::vector<contract::withholding_tax> withholding;
  contract::invoice_totals totals;
  std::optional<money> amount_payable;
  std::optional<money> amount_open;  // since 1.1: what is still owed (partly paid bills)
  std::optional<decimal> rounding_tolerance;
  std::map<std::string, std::string> dimensions;
  std::optional<std::string> notes;
  std::optional<std::string> created_at;
  std::optional<std::string> updated_at;
  std::optional<std::string> etag;

  static constexpr std::array<std::string_view, 33> json_fields{
      "id", "external_refs", "source", "document_type", "direction", "legal_entity", "supplier",
      "customer", "invoice_number", "document_number", "original_invoice", "invoice_date",
      "posting_date", "due_date", "currency", "payment_terms", "remit_to", "payment_reference",
      "payment_block", "payment_block_reason", "po_references", "lines", "tax_lines",
      "withholding", "totals", "amount_payable", "amount_open", "rounding_tolerance", "dimensions",
      "notes", "created_at", "updated_at", "etag"};
};

}  // namespace erpc::contract

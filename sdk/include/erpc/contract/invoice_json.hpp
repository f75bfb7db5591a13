// SPDX-License-Identifier: Apache-2.0
// to_json/from_json for invoice.hpp (nlohmann::json; amounts as strings).
#pragma once

#include <erpc/contract/common_types_json.hpp>
#include <erpc/contract/invoice.hpp>
#include <erpc/contract/json_io.hpp>

#include <nlohmann/json.hpp>

namespace erpc::contract {

inline void to_json(nlohmann::json& j, const po_reference& v) {
  j = nlohmann::json::object();
  json_io::write(j, "po_number", v.po_number);
  json_io::write(j, "po_line", v.po_line);
  json_io::write(j, "receipt_number", v.receipt_number);
}

inline void from_json(const nlohmann::json& j, po_reference& v) {
  json_io::read(j, "po_number", v.po_number);
  json_io::read(j, "po_line", v.po_line);
  json_io::read(j, "receipt_number", v.receipt_number);
}

inline void to_json(nlohmann::json& j, const invoice_line& v) {
  j = nlohmann::json::object();
  json_io::write(j, "line_number", v.line_number);
  json_io::write(j, "description", v.description);
  json_io::write(j, "item", v.item);
  json_io::write(j, "quantity", v.quantity);
  json_io::write(j, "unit_of_measure", v.unit_of_measure);
  json_io::write(j, "unit_price", v.unit_price);
  json_io::write(j, "net", v.net);
  json_io::write(j, "tax", v.tax);
  json_io::write(j, "gross", v.gross);
  json_io::write(j, "tax_code", v.tax_code);
  json_io::write(j, "account", v.account);
  json_io::write(j, "po_reference", v.po_reference);
  if (!v.dimensions.empty()) json_io::write(j, "dimensions", v.dimensions);
}

inline void from_json(const nlohmann::json& j, invoice_line& v) {
  json_io::read(j, "line_number", v.line_number);
  json_io::read(j, "description", v.description);
  json_io::read(j, "item", v.item);
  json_io::read(j, "quantity", v.quantity);
  json_io::read(j, "unit_of_measure", v.unit_of_measure);
  json_io::read(j, "unit_price", v.unit_price);
  json_io::read(j, "net", v.net);
  json_io::read(j, "tax", v.tax);
  json_io::read(j, "gross", v.gross);
  json_io::read(j, "tax_code", v.tax_code);
  json_io::read(j, "account", v.account);
  json_io::read(j, "po_reference", v.po_reference);
  if (j.contains("dimensions")) json_io::read(j, "dimensions", v.dimensions);
}

inline void to_json(nlohmann::json& j, const tax_line& v) {
  j = nlohmann::json::object();
  json_io::write(j, "tax_code", v.tax_code);
  json_io::write(j, "rate_percent", v.rate_percent);
  json_io::write(j, "taxable_amount", v.taxable_amount);
  json_io::write(j, "tax_amount", v.tax_amount);
  json_io::write(j, "reverse_charge", v.reverse_charge);
  json_io::write(j, "jurisdiction", v.jurisdiction);
}

inline void from_json(const nlohmann::json& j, tax_line& v) {
  json_io::read(j, "tax_code", v.tax_code);
  json_io::read(j, "rate_percent", v.rate_percent);
  json_io::read(j, "taxable_amount", v.taxable_amount);
  json_io::read(j, "tax_amount", v.tax_amount);
  json_io::read(j, "reverse_charge", v.reverse_charge);
  json_io::read(j, "jurisdiction", v.jurisdiction);
}

inline void to_json(nlohmann::json& j, const withholding_tax& v) {
  j = nlohmann::json::object();
  json_io::write(j, "tax_code", v.tax_code);
  json_io::write(j, "rate_percent", v.rate_percent);
  json_io::write(j, "amount", v.amount);
}

inline void from_json(const nlohmann::json& j, withholding_tax& v) {
  json_io::read(j, "tax_code", v.tax_code);
  json_io::read(j, "rate_percent", v.rate_percent);
  json_io::read(j, "amount", v.amount);
}

inline void to_json(nlohmann::json& j, const invoice_totals& v) {
  j = nlohmann::json::object();
  json_io::write(j, "net", v.net);
  json_io::write(j, "tax", v.tax);
  json_io::write(j, "gross", v.gross);
}

inline void from_json(const nlohmann::json& j, invoice_totals& v) {
  json_io::read(j, "net", v.net);
  json_io::read(j, "tax", v.tax);
  json_io::read(j, "gross", v.gross);
}

inline void to_json(nlohmann::json& j, const invoice& v) {
  j = nlohmann::json::object();
  json_io::write(j, "id", v.id);
  json_io::write(j, "external_refs", v.external_refs);
  json_io::write(j, "source", v.source);
  json_io::write(j, "document_type", v.document_type);
  json_io::write(j, "direction", v.direction);
  json_io::write(j, "legal_entity", v.legal_entity);
  json_io::write(j, "supplier", v.supplier);
  json_io::write(j, "customer", v.customer);
  json_io::write(j, "invoice_number", v.invoice_number);
  json_io::write(j, "document_number", v.document_number);
  json_io::write(j, "original_invoice", v.original_invoice);
  json_io::write(j, "invoice_date", v.invoice_date);
  json_io::write(j, "posting_date", v.posting_date);
  json_io::write(j, "due_date", v.due_date);
  json_io::write(j, "currency", v.currency);
  json_io::write(j, "payment_terms", v.payment_terms);
  json_io::write(j, "remit_to", v.remit_to);
  json_io::write(j, "payment_reference", v.payment_reference);
  json_io::write(j, "payment_block", v.payment_block);
  json_io::write(j, "payment_block_reason", v.payment_block_reason);
  if (!v.po_references.empty()) json_io::write(j, "po_references", v.po_references);
  json_io::write(j, "lines", v.lines);
  if (!v.tax_lines.empty()) json_io::write(j, "tax_lines", v.tax_lines);
  if (!v.withholding.empty()) json_io::write(j, "withholding", v.withholding);
  json_io::write(j, "totals", v.totals);
  json_io::write(j, "amount_payable", v.amount_payable);
  json_io::write(j, "rounding_tolerance", v.rounding_tolerance);
  if (!v.dimensions.empty()) json_io::write(j, "dimensions", v.dimensions);
  json_io::write(j, "notes", v.notes);
  json_io::write(j, "created_at", v.created_at);
  json_io::write(j, "updated_at", v.updated_at);
  json_io::write(j, "etag", v.etag);
}

inline void from_json(const nlohmann::json& j, invoice& v) {
  json_io::read(j, "id", v.id);
  json_io::read(j, "external_refs", v.external_refs);
  json_io::read(j, "source", v.source);
  json_io::read(j, "document_type", v.document_type);
  json_io::read(j, "direction", v.direction);
  json_io::read(j, "legal_entity", v.legal_entity);
  json_io::read(j, "supplier", v.supplier);
  json_io::read(j, "customer", v.customer);
  json_io::read(j, "invoice_number", v.invoice_number);
  json_io::read(j, "document_number", v.document_number);
  json_io::read(j, "original_invoice", v.original_invoice);
  json_io::read(j, "invoice_date", v.invoice_date);
  json_io::read(j, "posting_date", v.posting_date);
  json_io::read(j, "due_date", v.due_date);
  json_io::read(j, "currency", v.currency);
  json_io::read(j, "payment_terms", v.payment_terms);
  json_io::read(j, "remit_to", v.remit_to);
  json_io::read(j, "payment_reference", v.payment_reference);
  json_io::read(j, "payment_block", v.payment_block);
  json_io::read(j, "payment_block_reason", v.payment_block_reason);
  if (j.contains("po_references")) json_io::read(j, "po_references", v.po_references);
  json_io::read(j, "lines", v.lines);
  if (j.contains("tax_lines")) json_io::read(j, "tax_lines", v.tax_lines);
  if (j.contains("withholding")) json_io::read(j, "withholding", v.withholding);
  json_io::read(j, "totals", v.totals);
  json_io::read(j, "amount_payable", v.amount_payable);
  json_io::read(j, "rounding_tolerance", v.rounding_tolerance);
  if (j.contains("dimensions")) json_io::read(j, "dimensions", v.dimensions);
  json_io::read(j, "notes", v.notes);
  json_io::read(j, "created_at", v.created_at);
  json_io::read(j, "updated_at", v.updated_at);
  json_io::read(j, "etag", v.etag);
}

}  // namespace erpc::contract

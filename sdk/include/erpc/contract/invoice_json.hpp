// SPDX-License-Identifier: Apache-2.0
// The JSON members of invoice.hpp (amounts as strings); json_members.hpp turns them into
// to_json/from_json.
#pragma once

#include <erpc/contract/common_types_json.hpp>
#include <erpc/contract/invoice.hpp>
#include <erpc/contract/json_io.hpp>
#include <erpc/contract/json_members.hpp>

#include <nlohmann/json.hpp>

#include <tuple>

namespace erpc::contract {

constexpr auto json_members(const po_reference*) {
  return std::tuple{json_io::member("po_number", &po_reference::po_number),
                    json_io::member("po_line", &po_reference::po_line),
                    json_io::member("receipt_number", &po_reference::receipt_number)};
}

constexpr auto json_members(const invoice_line*) {
  return std::tuple{json_io::member("line_number", &invoice_line::line_number),
                    json_io::member("description", &invoice_line::description),
                    json_io::member("item", &invoice_line::item),
                    json_io::member("quantity", &invoice_line::quantity),
                    json_io::member("unit_of_measure", &invoice_line::unit_of_measure),
                    json_io::member("unit_price", &invoice_line::unit_price),
                    json_io::member("net", &invoice_line::net),
                    json_io::member("tax", &invoice_line::tax),
                    json_io::member("gross", &invoice_line::gross),
                    json_io::member("tax_code", &invoice_line::tax_code),
                    json_io::member("account", &invoice_line::account),
                    json_io::member("po_reference", &invoice_line::po_reference),
                    json_io::member_omitted_when_empty("dimensions", &invoice_line::dimensions)};
}

constexpr auto json_members(const tax_line*) {
  return std::tuple{json_io::member("tax_code", &tax_line::tax_code),
                    json_io::member("rate_percent", &tax_line::rate_percent),
                    json_io::member("taxable_amount", &tax_line::taxable_amount),
                    json_io::member("tax_amount", &tax_line::tax_amount),
                    json_io::member("reverse_charge", &tax_line::reverse_charge),
                    json_io::member("jurisdiction", &tax_line::jurisdiction)};
}

constexpr auto json_members(const withholding_tax*) {
  return std::tuple{json_io::member("tax_code", &withholding_tax::tax_code),
                    json_io::member("rate_percent", &withholding_tax::rate_percent),
                    json_io::member("amount", &withholding_tax::amount)};
}

constexpr auto json_members(const invoice_totals*) {
  return std::tuple{json_io::member("net", &invoice_totals::net),
                    json_io::member("tax", &invoice_totals::tax),
                    json_io::member("gross", &invoice_totals::gross)};
}

constexpr auto json_members(const invoice*) {
  return std::tuple{json_io::member("id", &invoice::id),
                    json_io::member("external_refs", &invoice::external_refs),
                    json_io::member("source", &invoice::source),
                    json_io::member("document_type", &invoice::document_type),
                    json_io::member("direction", &invoice::direction),
                    json_io::member("legal_entity", &invoice::legal_entity),
                    json_io::member("supplier", &invoice::supplier),
                    json_io::member("customer", &invoice::customer),
                    json_io::member("invoice_number", &invoice::invoice_number),
                    json_io::member("document_number", &invoice::document_number),
                    json_io::member("original_invoice", &invoice::original_invoice),
                    json_io::member("invoice_date", &invoice::invoice_date),
                    json_io::member("posting_date", &invoice::posting_date),
                    json_io::member("due_date", &invoice::due_date),
                    json_io::member("currency", &invoice::currency),
                    json_io::member("payment_terms", &invoice::payment_terms),
                    json_io::member("remit_to", &invoice::remit_to),
                    json_io::member("payment_reference", &invoice::payment_reference),
                    json_io::member("payment_block", &invoice::payment_block),
                    json_io::member("payment_block_reason", &invoice::payment_block_reason),
                    json_io::member_omitted_when_empty("po_references", &invoice::po_references),
                    json_io::member("lines", &invoice::lines),
                    json_io::member_omitted_when_empty("tax_lines", &invoice::tax_lines),
                    json_io::member_omitted_when_empty("withholding", &invoice::withholding),
                    json_io::member("totals", &invoice::totals),
                    json_io::member("amount_payable", &invoice::amount_payable),
                    json_io::member("amount_open", &invoice::amount_open),
                    json_io::member("rounding_tolerance", &invoice::rounding_tolerance),
                    json_io::member_omitted_when_empty("dimensions", &invoice::dimensions),
                    json_io::member("notes", &invoice::notes),
                    json_io::member("created_at", &invoice::created_at),
                    json_io::member("updated_at", &invoice::updated_at),
                    json_io::member("etag", &invoice::etag)};
}

}  // namespace erpc::contract

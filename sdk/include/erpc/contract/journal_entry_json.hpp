// SPDX-License-Identifier: Apache-2.0
// The JSON members of journal_entry.hpp (amounts as strings); json_members.hpp turns them into
// to_json/from_json.
#pragma once

#include <erpc/contract/common_types_json.hpp>
#include <erpc/contract/journal_entry.hpp>
#include <erpc/contract/json_io.hpp>
#include <erpc/contract/json_members.hpp>

#include <nlohmann/json.hpp>

#include <tuple>

namespace erpc::contract {

constexpr auto json_members(const journal_line*) {
  return std::tuple{json_io::member("line_number", &journal_line::line_number),
                    json_io::member("account", &journal_line::account),
                    json_io::member("side", &journal_line::side),
                    json_io::member("amount", &journal_line::amount),
                    json_io::member("functional_amount", &journal_line::functional_amount),
                    json_io::member("exchange_rate", &journal_line::exchange_rate),
                    json_io::member("description", &journal_line::description),
                    json_io::member("tax_code", &journal_line::tax_code),
                    json_io::member("counterparty", &journal_line::counterparty),
                    json_io::member_omitted_when_empty("dimensions", &journal_line::dimensions)};
}

constexpr auto json_members(const journal_entry*) {
  return std::tuple{json_io::member("id", &journal_entry::id),
                    json_io::member("external_refs", &journal_entry::external_refs),
                    json_io::member("source", &journal_entry::source),
                    json_io::member("legal_entity", &journal_entry::legal_entity),
                    json_io::member("document_number", &journal_entry::document_number),
                    json_io::member("reference", &journal_entry::reference),
                    json_io::member("posting_date", &journal_entry::posting_date),
                    json_io::member("document_date", &journal_entry::document_date),
                    json_io::member("period", &journal_entry::period),
                    json_io::member("functional_currency", &journal_entry::functional_currency),
                    json_io::member("description", &journal_entry::description),
                    json_io::member("reversal_of", &journal_entry::reversal_of),
                    json_io::member("lines", &journal_entry::lines),
                    json_io::member("notes", &journal_entry::notes),
                    json_io::member("created_at", &journal_entry::created_at),
                    json_io::member("updated_at", &journal_entry::updated_at),
                    json_io::member("etag", &journal_entry::etag)};
}

}  // namespace erpc::contract

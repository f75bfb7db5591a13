#pragma once
// The messages columns every query selects, and the row → message_record mapping.

#include <erpc/host/ledger_records.hpp>
#include <erpc/host/sql_result.hpp>

#include <string>
#include <string_view>
#include <vector>

namespace erpc::detail {

// "a.id, a.accept_seq, …" (no prefix for an empty alias: RETURNING lists) in the order
// message_from_row reads them.
std::string message_columns(std::string_view alias);
message_record message_from_row(const sql_row& row);

std::string depends_on_to_json(const std::vector<std::string>& keys);
std::vector<std::string> depends_on_from_json(const std::string& json);

}  // namespace erpc::detail

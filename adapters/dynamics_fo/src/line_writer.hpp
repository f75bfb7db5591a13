// SPDX-License-Identifier: Apache-2.0
// Writing a header's lines so that a retry can finish what an earlier attempt started. F&O has
// no deep insert into these entities; a header and its lines are separate POSTs, and a line's
// key is (dataAreaId, parent, LineNumber) — the adapter numbers the lines itself (1..n), so a
// line an earlier attempt wrote is found by its key, never written twice:
//   line absent            → POST it (a "record already exists" answer means a concurrent or
//                            late attempt wrote it: it is read back and compared)
//   line present, equal    → kept
//   line present, different, or a line the payload does not have → IDEMPOTENCY_KEY_REUSE
#pragma once

#include "fo_client.hpp"

#include <functional>
#include <optional>
#include <string>

namespace erpc::fo {

// POST one row: the created row, or nullopt when F&O answers that the record already exists
// (HTTP 500 write failure, vendors.md §5.3). Every other refusal is thrown, mapped.
std::optional<nlohmann::json> post_row(fo_client& client, std::string_view entity_set,
                                       const nlohmann::json& body, call_context& ctx);

struct lines_target {
  std::string entity_set;    // VendorInvoiceLines
  std::string parent_field;  // HeaderReference
  std::string parent_value;  // APINV000001
  std::function<nlohmann::json(const nlohmann::json&)> compared;  // what must be equal
  std::string what;          // "vendor invoice" (messages)
};

// The lines of the parent as F&O holds them (every page).
std::vector<nlohmann::json> read_lines(fo_client& client, const lines_target& target, call_context& ctx);

// Brings the parent's lines to `wanted` (each with LineNumber; the parent field is added).
// Returns true when every line was already there. Throws IDEMPOTENCY_KEY_REUSE on a difference.
bool complete_lines(fo_client& client, const lines_target& target, const nlohmann::json& wanted,
                    call_context& ctx);

}  // namespace erpc::fo

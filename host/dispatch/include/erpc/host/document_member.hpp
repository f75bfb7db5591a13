// SPDX-License-Identifier: Apache-2.0
// Which member of a request envelope carries the document of a write the host submits.
#pragma once

#include <string_view>

namespace erpc {

// cancel and reverse name their target in `query` (request.schema.json), not in `payload`: the
// outbox stores that query as the message's document, so its fingerprint is the target's and
// each attempt's envelope carries it again as `query`. `status` is never submitted (it is a
// read), but the host raises it into the technical queue (an overdue status report,
// idempotency_ledger::raise), and a replay of it asks the adapter with its query. Every other
// submitted op (create, update, ...) carries its document as `payload`.
constexpr std::string_view document_member_for(std::string_view op) noexcept {
  return op == "cancel" || op == "reverse" || op == "status" ? "query" : "payload";
}

}  // namespace erpc

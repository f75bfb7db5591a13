#include "message_columns.hpp"

#include <erpc/error.hpp>

#include <nlohmann/json.hpp>

#include <array>

namespace erpc::detail {
namespace {

// In the order message_from_row reads them.
constexpr std::array<std::string_view, 25> columns = {
    "id", "accept_seq", "connection", "object", "op", "idempotency_key", "fingerprint",
    "correlation_id", "traceparent", "ordering_key", "depends_on", "payload", "payload_version",
    "state", "attempt", "next_attempt_ms", "lease_owner", "lease_expiry_ms", "fencing_token",
    "prior_outcome", "last_error", "response", "queue", "created_ms", "updated_ms"};

}  // namespace

std::string message_columns(std::string_view alias) {
  std::string out;
  for (const auto column : columns) {
    if (!out.empty()) out += ", ";
    if (!alias.empty()) {
      out += alias;
      out += '.';
    }
    out += column;
  }
  return out;
}

message_record message_from_row(const sql_row& row) {
  message_record m;
  m.id = row.text(0);
  m.accept_seq = row.int64(1);
  m.key = {row.text(2), row.text(3), row.text(4), row.text(5)};
  m.fingerprint = row.text(6);
  m.correlation_id = row.text(7);
  m.traceparent = row.optional_text(8);
  m.ordering_key = row.optional_text(9);
  m.depends_on = depends_on_from_json(row.text(10));
  m.payload = row.text(11);
  m.payload_version = row.int64(12);
  const auto state = message_state_from_string(row.text(13));
  if (!state) throw error(error_class::internal, "store.bad_column", "unknown message state");
  m.state = *state;
  m.attempt = row.int64(14);
  m.next_attempt_ms = row.int64(15);
  m.lease_owner = row.optional_text(16);
  m.lease_expiry_ms = row.optional_int64(17);
  m.fencing_token = row.int64(18);
  m.prior_outcome = row.optional_text(19);
  m.last_error = row.optional_text(20);
  m.response = row.optional_text(21);
  if (const auto queue = row.optional_text(22)) m.queue = exception_queue_from_string(*queue);
  m.created_ms = row.int64(23);
  m.updated_ms = row.int64(24);
  return m;
}

std::string depends_on_to_json(const std::vector<std::string>& keys) {
  return nlohmann::json(keys).dump();
}

std::vector<std::string> depends_on_from_json(const std::string& json) {
  const auto parsed = nlohmann::json::parse(json, nullptr, /*allow_exceptions=*/false);
  std::vector<std::string> keys;
  if (!parsed.is_array()) return keys;
  for (const auto& k : parsed) {
    if (k.is_string()) keys.push_back(k.get<std::string>());
  }
  return keys;
}

}  // namespace erpc::detail

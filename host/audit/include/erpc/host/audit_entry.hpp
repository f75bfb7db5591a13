#pragma once
// One entry of the audit trail: a state transition of one message on one connection.

#include <nlohmann/json.hpp>

#include <cstdint>
#include <string>
#include <string_view>

namespace erpc {

struct audit_entry {
  std::string connection;
  std::int64_t seq = 0;  // dense from 1 per connection
  std::int64_t ts_ms = 0;  // UTC, from the host clock
  std::string correlation_id;
  std::string event;  // received, validated, transformed, posted, acknowledged, ...
  nlohmann::json detail = nlohmann::json::object();
  std::string prev_mac;  // 64 lowercase hex digits; the genesis value is all zeros
  std::string mac;

  friend bool operator==(const audit_entry&, const audit_entry&) = default;
};

// Checks what a caller supplies before anything is written: connection (1–200 bytes), event
// (lowercase snake_case, 1–64 characters), correlation id (at most 200 bytes), detail (an
// object). erpc::error VALIDATION "audit.bad_connection", "audit.bad_event",
// "audit.bad_correlation_id" or "audit.bad_detail".
void validate_audit_entry(std::string_view connection, std::string_view correlation_id,
                          std::string_view event, const nlohmann::json& detail);

// The entry without its MACs as RFC 8785 canonical JSON: the bytes the chain MAC covers.
std::string audit_entry_canonical(const audit_entry& entry);

// JSON for `erpc audit show` (all fields, MACs as hex).
nlohmann::json to_json(const audit_entry& entry);

}  // namespace erpc

#include <erpc/host/audit_entry.hpp>

#include <erpc/error.hpp>
#include <erpc/host/canonical_json.hpp>

namespace erpc {

namespace {

constexpr std::size_t max_name_bytes = 200;
constexpr std::size_t max_event_chars = 64;

bool is_event_name(std::string_view event) {
  if (event.empty() || event.size() > max_event_chars) return false;
  if (event.front() < 'a' || event.front() > 'z') return false;
  for (const char c : event) {
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_')) return false;
  }
  return true;
}

}  // namespace

void validate_audit_entry(std::string_view connection, std::string_view correlation_id,
                          std::string_view event, const nlohmann::json& detail) {
  if (connection.empty() || connection.size() > max_name_bytes) {
    throw error(error_class::validation, "audit.bad_connection",
                "audit connection name must be 1 to 200 bytes");
  }
  if (correlation_id.size() > max_name_bytes) {
    throw error(error_class::validation, "audit.bad_correlation_id",
                "audit correlation id must be at most 200 bytes");
  }
  if (!is_event_name(event)) {
    throw error(error_class::validation, "audit.bad_event",
                "audit event must be lowercase snake_case of 1 to 64 characters");
  }
  if (!detail.is_object()) {
    throw error(error_class::validation, "audit.bad_detail", "audit detail must be a JSON object");
  }
}

std::string audit_entry_canonical(const audit_entry& entry) {
  const nlohmann::json body = {
      {"connection", entry.connection},         {"seq", entry.seq},     {"ts_ms", entry.ts_ms},
      {"correlation_id", entry.correlation_id}, {"event", entry.event}, {"detail", entry.detail}};
  return canonicalize(body);
}

nlohmann::json to_json(const audit_entry& entry) {
  return {{"connection", entry.connection}, {"seq", entry.seq},
          {"ts_ms", entry.ts_ms},           {"correlation_id", entry.correlation_id},
          {"event", entry.event},           {"detail", entry.detail},
          {"prev_mac", entry.prev_mac},     {"mac", entry.mac}};
}

}  // namespace erpc

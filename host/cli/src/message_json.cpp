#include "message_json.hpp"

namespace erpc::cli {

nlohmann::json message_json(const message_record& m) {
  nlohmann::json j = {{"message_id", m.id},
                      {"correlation_id", m.correlation_id},
                      {"connection", m.key.connection},
                      {"object", m.key.object},
                      {"op", m.key.op},
                      {"idempotency_key", m.key.idempotency_key},
                      {"state", std::string(to_string(m.state))},
                      {"attempt", m.attempt},
                      {"payload_version", m.payload_version}};
  if (m.queue) j["queue"] = std::string(to_string(*m.queue));
  if (m.last_error) j["last_error"] = nlohmann::json::parse(*m.last_error);
  if (m.response) j["response"] = nlohmann::json::parse(*m.response);
  if (!m.blocked_by.empty()) j["blocked_by"] = m.blocked_by;
  return j;
}

}  // namespace erpc::cli

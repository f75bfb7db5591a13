// SPDX-License-Identifier: Apache-2.0
#include "bdc_errors.hpp"

#include <nlohmann/json.hpp>

#include <chrono>
#include <ctime>

namespace erpc::sim::bill {

namespace {

std::string utc_now() {
  const auto now = std::chrono::system_clock::now();
  const std::time_t t = std::chrono::system_clock::to_time_t(now);
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%S.000+00:00", &tm);
  return buf;
}

}  // namespace

server_response error_response(const bdc_error& e) {
  const nlohmann::json body = nlohmann::json::array({{{"timestamp", utc_now()},
                                                      {"code", e.code},
                                                      {"severity", e.severity},
                                                      {"category", e.category},
                                                      {"message", e.message}}});
  return server_response::json(e.status, body.dump());
}

}  // namespace erpc::sim::bill

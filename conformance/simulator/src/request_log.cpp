// SPDX-License-Identifier: Apache-2.0
#include "erpc/sim/request_log.hpp"

#include <nlohmann/json.hpp>

namespace erpc::sim {

nlohmann::json to_json(const logged_request& request) {
  nlohmann::json headers = nlohmann::json::array();
  for (const auto& [name, value] : request.headers) headers.push_back({name, value});
  return {{"sequence", request.sequence},    {"method", request.method}, {"target", request.target},
          {"status", request.status},        {"headers", headers},       {"body", request.body},
          {"body_bytes", request.body_bytes}};
}

std::string request_log::redact(std::string_view name, std::string_view value) {
  const bool credential = iequals_ascii(name, "Authorization") ||
                          iequals_ascii(name, "Proxy-Authorization") ||
                          iequals_ascii(name, "Cookie") || iequals_ascii(name, "X-CSRF-Token");
  if (!credential) return std::string(value);
  // "Fetch" and "Required" are the CSRF handshake words, not tokens: keep them.
  if (iequals_ascii(value, "Fetch") || iequals_ascii(value, "Required")) {
    return std::string(value);
  }
  const auto space = value.find(' ');
  if (space == std::string_view::npos) return "<redacted>";
  return std::string(value.substr(0, space)) + " <redacted>";
}

void request_log::append(logged_request entry) {
  http_headers kept;
  for (const auto& [name, value] : entry.headers) kept.add(name, redact(name, value));
  entry.headers = std::move(kept);
  entry.body_bytes = std::max(entry.body_bytes, entry.body.size());
  if (entry.body.size() > max_body_bytes) entry.body.resize(max_body_bytes);
  const std::lock_guard lock(mutex_);
  entry.sequence = ++total_;
  entries_.push_back(std::move(entry));
  while (entries_.size() > capacity_) entries_.pop_front();
}

std::vector<logged_request> request_log::snapshot() const {
  const std::lock_guard lock(mutex_);
  return {entries_.begin(), entries_.end()};
}

std::uint64_t request_log::total() const {
  const std::lock_guard lock(mutex_);
  return total_;
}

void request_log::clear() {
  const std::lock_guard lock(mutex_);
  entries_.clear();
  total_ = 0;
}

}  // namespace erpc::sim

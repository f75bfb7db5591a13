// SPDX-License-Identifier: Apache-2.0
// The request log: every vendor request a simulator answered (control requests under /_sim/
// are not logged), newest last, bounded. Tests use it to assert what an adapter sent — the
// headers, the body, how many calls. Credentials never enter it: Authorization,
// Proxy-Authorization, Cookie and X-CSRF-Token values are cut to their first word
// ("OAuth <redacted>"). Served as GET /_sim/requests. Thread-safe.
#pragma once

#include <erpc/host/http_headers.hpp>

#include <nlohmann/json_fwd.hpp>

#include <cstddef>
#include <cstdint>
#include <deque>
#include <mutex>
#include <string>
#include <vector>

namespace erpc::sim {

struct logged_request {
  std::uint64_t sequence = 0;
  std::string method;
  std::string target;          // path and query as sent
  http_headers headers;        // redacted as above
  std::string body;            // at most request_log::max_body_bytes kept
  std::size_t body_bytes = 0;  // the full size received
  unsigned status = 0;         // what the simulator answered
};

nlohmann::json to_json(const logged_request& request);

class request_log {
 public:
  static constexpr std::size_t max_body_bytes = 64 * 1024;

  explicit request_log(std::size_t capacity = 1000) : capacity_(capacity) {}

  void append(logged_request entry);  // assigns the sequence; drops the oldest beyond capacity
  std::vector<logged_request> snapshot() const;
  std::uint64_t total() const;  // every request logged since the last clear, dropped ones too
  void clear();

  // The value kept for a header: unchanged, or cut to its first word for a credential header.
  static std::string redact(std::string_view name, std::string_view value);

 private:
  mutable std::mutex mutex_;
  std::size_t capacity_;
  std::deque<logged_request> entries_;
  std::uint64_t total_ = 0;
};

}  // namespace erpc::sim

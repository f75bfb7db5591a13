#pragma once
// One blocking HTTP/1.0 exchange over a plain socket to 127.0.0.1, for tests that talk to a
// server in another process (erpc serve, the record target) without an HTTP library.

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

namespace erpc::testing {

struct raw_http_response {
  int status = 0;
  std::vector<std::pair<std::string, std::string>> headers;
  std::string body;
  std::string header(const std::string& name) const;  // case-insensitive, "" when absent
};

// Throws std::runtime_error when the server cannot be reached or answers no HTTP.
raw_http_response raw_http(std::uint16_t port, const std::string& method,
                           const std::string& target,
                           const std::vector<std::pair<std::string, std::string>>& headers = {},
                           const std::string& body = {});

}  // namespace erpc::testing

// SPDX-License-Identifier: Apache-2.0
// A deliberately small blocking HTTP/1.1 client for the server tests (raw Asio, optional TLS):
// it writes exactly the bytes a test gives it, so tests can also send broken or slow requests.
// Every read has a deadline (SO_RCVTIMEO), so no test can hang on the server.
#pragma once

#include <chrono>
#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

namespace erpc::test {

struct client_response {
  unsigned status = 0;
  std::map<std::string, std::string> headers;  // names lower-cased
  std::string body;
  std::string header(const std::string& lower_name) const {
    auto it = headers.find(lower_name);
    return it == headers.end() ? std::string() : it->second;
  }
};

class test_connection {
 public:
  // `tls_ca_pem` non-empty: a TLS connection that verifies the server against that cert.
  explicit test_connection(std::uint16_t port, std::string tls_ca_pem = {},
                           std::chrono::milliseconds read_timeout = std::chrono::seconds(5));
  ~test_connection();
  test_connection(const test_connection&) = delete;
  test_connection& operator=(const test_connection&) = delete;

  bool send(std::string_view bytes);  // false once the server has closed or reset
  // One response (Content-Length bodies); nullopt on timeout, close or garbage.
  std::optional<client_response> read_response();
  // True when the server closes the connection (EOF or reset) within the timeout.
  bool closed_by_peer(std::chrono::milliseconds within);

 private:
  struct impl;
  std::unique_ptr<impl> impl_;
};

// One request on a fresh connection: "POST", "/path", extra header lines, body.
std::string make_request(std::string_view method, std::string_view target,
                         std::string_view body = {}, std::string_view extra_headers = {});

std::optional<client_response> call(std::uint16_t port, std::string_view method,
                                    std::string_view target, std::string_view body = {},
                                    std::string_view extra_headers = {});

}  // namespace erpc::test

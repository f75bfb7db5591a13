// SPDX-License-Identifier: Apache-2.0
// An in-process HTTP/1.1 server on 127.0.0.1 (port chosen by the OS) for tests, with scripted
// misbehaviour: delayed answers, lost replies, resets and truncated bodies.
#pragma once

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace erpc::testing {

using loopback_headers = std::vector<std::pair<std::string, std::string>>;

struct loopback_request {
  std::string method;
  std::string target;  // path and query as sent, e.g. "/v1/items?x=1"
  loopback_headers headers;
  std::string body;  // bytes as received (binary-safe)

  // First header with this name (case-insensitive), "" when absent.
  std::string header(std::string_view name) const;
  bool has_header(std::string_view name) const;
};

// What the server does after it has read a request.
enum class loopback_action {
  answer,                // write the response
  close_without_answer,  // close the connection: the reply is lost
  truncated_body,        // announce Content-Length of the full body, send half, close
};

struct loopback_response {
  unsigned status = 200;
  loopback_headers headers;
  std::string body;
  std::chrono::milliseconds delay{0};  // wait this long before acting
  loopback_action action = loopback_action::answer;
};

class loopback_http_server {
 public:
  using handler = std::function<loopback_response(const loopback_request&)>;

  explicit loopback_http_server(handler h);
  ~loopback_http_server();  // stops accepting, closes every connection, joins every thread
  loopback_http_server(const loopback_http_server&) = delete;
  loopback_http_server& operator=(const loopback_http_server&) = delete;

  std::uint16_t port() const noexcept;
  std::string base_url() const;  // "http://127.0.0.1:<port>"

  // The next `n` accepted connections are reset (RST) before anything is read from them.
  void reset_next_connections(std::size_t n);

  std::size_t requests_received() const noexcept;  // complete requests read
  std::size_t connections_accepted() const noexcept;
  std::vector<loopback_request> requests() const;  // copies, in arrival order

 private:
  struct impl;
  std::unique_ptr<impl> impl_;
};

}  // namespace erpc::testing

// SPDX-License-Identifier: Apache-2.0
// What a client of the fault proxy observes, down to how the connection ended: a blocking
// POSIX-socket exchange that reports EOF, reset and timeout apart (the faults differ exactly
// there), and parses whatever response bytes arrived.
#pragma once

#include <chrono>
#include <cstdint>
#include <map>
#include <string>
#include <string_view>

namespace erpc::conformance::test {

enum class connection_end { eof, reset, timeout };

struct observed_exchange {
  std::string bytes;  // everything read before the connection ended
  connection_end end = connection_end::eof;

  // Parsed from `bytes` when a head arrived; status 0 otherwise.
  unsigned status = 0;
  std::map<std::string, std::string> headers;  // names lower-cased
  std::string body;
  bool body_complete = false;  // Content-Length worth of body arrived

  std::string header(const std::string& lower_name) const {
    const auto it = headers.find(lower_name);
    return it == headers.end() ? std::string() : it->second;
  }
};

// The bytes of one HTTP/1.1 request with `Connection: close`, so the proxy ends the
// connection after its answer and every exchange ends in EOF, reset or timeout.
std::string request_bytes(std::string_view method, std::string_view target,
                          std::string_view body = {}, std::string_view extra_header_lines = {});

// Connects to 127.0.0.1:port, sends `request`, reads until the connection ends or nothing
// arrives for `timeout`.
observed_exchange send_and_observe(std::uint16_t port, const std::string& request,
                           std::chrono::milliseconds timeout = std::chrono::seconds(30));

}  // namespace erpc::conformance::test

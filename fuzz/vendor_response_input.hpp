// SPDX-License-Identifier: Apache-2.0
// What the vendor-response fuzz targets share: how one input becomes an HTTP answer, and what
// every reader of such an answer must hold to. Input: byte 0 picks the status from the
// target's list (bit 7 is free for the target), the bytes up to the first '\n' are a header
// value (Retry-After, Location, sap-message … as the target names them), the rest is the body.
#pragma once

#include <erpc/error.hpp>
#include <erpc/http_client.hpp>

#include <array>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>

namespace erpc::fuzzing {

// The instant every target resolves HTTP-dates against: 2026-03-01T00:00:00Z.
inline constexpr std::int64_t now_unix_ms = 1'772'323'200'000;

inline void require(bool holds) {
  if (!holds) std::abort();
}

struct vendor_answer {
  std::uint8_t selector = 0;
  std::string_view header;  // the value given to every header the target names
  std::string_view body;
  http_response response;
};

// nullopt for the empty input.
template <std::size_t N>
std::optional<vendor_answer> vendor_answer_of(const std::uint8_t* data, std::size_t size,
                                              const std::array<int, N>& statuses,
                                              std::initializer_list<const char*> header_names) {
  if (size == 0) return std::nullopt;
  vendor_answer in;
  in.selector = data[0];
  const std::string_view rest(reinterpret_cast<const char*>(data) + 1, size - 1);
  const auto newline = rest.find('\n');
  in.header = newline == std::string_view::npos ? std::string_view{} : rest.substr(0, newline);
  in.body = newline == std::string_view::npos ? rest : rest.substr(newline + 1);
  in.response.transport = http_transport::ok;
  in.response.status = statuses[in.selector % N];
  in.response.headers = {{"Content-Type", "application/json"}};
  for (const char* name : header_names) {
    in.response.headers.emplace_back(name, std::string(in.header));
  }
  in.response.body = std::string(in.body);
  return in;
}

// An error an adapter hands to the host: one of its own codes, a message, no negative wait.
inline void require_error_of(const error& e, std::string_view code_prefix) {
  require(e.code().rfind(code_prefix, 0) == 0);
  require(!e.message().empty());
  if (e.retry_after_ms()) require(*e.retry_after_ms() >= 0);
}

// Runs `read`; an erpc::error must carry `code_prefix`; any other exception escapes and is a
// finding.
template <class Read>
void guarded(std::string_view code_prefix, Read&& read) {
  try {
    read();
  } catch (const error& e) {
    require_error_of(e, code_prefix);
  }
}

}  // namespace erpc::fuzzing

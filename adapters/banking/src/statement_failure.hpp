// SPDX-License-Identifier: Apache-2.0
// How every reader reports bad input: erpc::error(VALIDATION, code) whose message starts with
// the line and whose field error points at it ("/line/42"), so an operator finds the record.
#pragma once

#include <erpc/error.hpp>

#include <cstdint>
#include <string>
#include <string_view>

namespace erpc::banking::detail {

inline std::string line_pointer(std::uint64_t line) { return "/line/" + std::to_string(line); }

[[noreturn]] inline void fail(std::string_view code, std::uint64_t line, std::string message) {
  std::string text = "line " + std::to_string(line) + ": " + message;
  throw error(error_class::validation, std::string(code), text)
      .with_field(line_pointer(line), std::string(code), std::move(message));
}

// Input text quoted in a message: short, and with control bytes shown as '?'.
inline std::string quote(std::string_view text, std::size_t max = 40) {
  std::string out = "'";
  for (std::size_t i = 0; i < text.size() && i < max; ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    out += c < 0x20 || c >= 0x7f ? '?' : static_cast<char>(c);
  }
  if (text.size() > max) out += "…";
  return out + "'";
}

}  // namespace erpc::banking::detail

// SPDX-License-Identifier: Apache-2.0
#include "erpc/host/traceparent.hpp"

#include <openssl/rand.h>

#include <algorithm>
#include <array>
#include <random>

namespace erpc {

namespace {

bool is_lower_hex(std::string_view s) noexcept {
  return std::all_of(s.begin(), s.end(),
                     [](char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'); });
}

bool all_zero(std::string_view s) noexcept {
  return std::all_of(s.begin(), s.end(), [](char c) { return c == '0'; });
}

std::string random_hex(std::size_t bytes) {
  std::array<unsigned char, 16> raw{};
  if (RAND_bytes(raw.data(), static_cast<int>(bytes)) != 1) {
    // A trace id needs uniqueness, not secrecy: fall back rather than fail a request.
    thread_local std::mt19937_64 engine{std::random_device{}()};
    for (std::size_t i = 0; i < bytes; ++i) raw[i] = static_cast<unsigned char>(engine());
  }
  static constexpr char digits[] = "0123456789abcdef";
  std::string out;
  out.reserve(bytes * 2);
  for (std::size_t i = 0; i < bytes; ++i) {
    out += digits[raw[i] >> 4];
    out += digits[raw[i] & 15];
  }
  if (all_zero(out)) out.back() = '1';  // all-zero ids are invalid
  return out;
}

}  // namespace

std::optional<traceparent> traceparent::parse(std::string_view text) {
  // version(2) - trace-id(32) - parent-id(16) - flags(2) = 55 characters.
  if (text.size() < 55 || text[2] != '-' || text[35] != '-' || text[52] != '-') {
    return std::nullopt;
  }
  const auto version = text.substr(0, 2);
  const auto trace_id = text.substr(3, 32);
  const auto parent_id = text.substr(36, 16);
  const auto flags = text.substr(53, 2);
  if (!is_lower_hex(version) || version == "ff") return std::nullopt;
  // Version 00 is exactly 55 characters; a later version may append "-…" fields.
  if (version == "00" ? text.size() != 55 : (text.size() > 55 && text[55] != '-')) {
    return std::nullopt;
  }
  if (!is_lower_hex(trace_id) || !is_lower_hex(parent_id) || !is_lower_hex(flags)) {
    return std::nullopt;
  }
  if (all_zero(trace_id) || all_zero(parent_id)) return std::nullopt;
  const auto hex = [](char c) { return c <= '9' ? c - '0' : c - 'a' + 10; };
  const auto flag_bits = static_cast<std::uint8_t>(hex(flags[0]) * 16 + hex(flags[1]));
  return traceparent(std::string(trace_id), std::string(parent_id), flag_bits);
}

traceparent traceparent::generate() { return traceparent(random_hex(16), random_hex(8), 1); }

traceparent traceparent::child() const { return traceparent(trace_id_, random_hex(8), flags_); }

std::string traceparent::to_string() const {
  static constexpr char digits[] = "0123456789abcdef";
  std::string out = "00-" + trace_id_ + "-" + parent_id_ + "-";
  out += digits[flags_ >> 4];
  out += digits[flags_ & 15];
  return out;
}

}  // namespace erpc

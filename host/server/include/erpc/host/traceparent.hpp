// SPDX-License-Identifier: Apache-2.0
// W3C Trace Context `traceparent` (https://www.w3.org/TR/trace-context/#traceparent-header):
// "00-<32 hex trace-id>-<16 hex parent-id>-<2 hex flags>", lower-case, ids not all zero.
// The server accepts a valid incoming value, ignores an invalid one (the spec says to start a
// new trace then) and echoes what it used; its trace-id is the request's correlation id.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace erpc {

class traceparent {
 public:
  // nullopt for anything that is not a valid version-00 value (or a valid future version,
  // which is read as 00 as the spec asks).
  static std::optional<traceparent> parse(std::string_view text);
  static traceparent generate();  // fresh random trace-id and parent-id, sampled flag set

  // Same trace, new parent-id: what a caller sends to the next hop (e.g. a vendor).
  traceparent child() const;

  const std::string& trace_id() const noexcept { return trace_id_; }
  const std::string& parent_id() const noexcept { return parent_id_; }
  std::uint8_t flags() const noexcept { return flags_; }
  bool sampled() const noexcept { return (flags_ & 1u) != 0; }
  std::string to_string() const;

  friend bool operator==(const traceparent&, const traceparent&) = default;

 private:
  traceparent(std::string trace_id, std::string parent_id, std::uint8_t flags)
      : trace_id_(std::move(trace_id)), parent_id_(std::move(parent_id)), flags_(flags) {}

  std::string trace_id_;
  std::string parent_id_;
  std::uint8_t flags_;
};

}  // namespace erpc

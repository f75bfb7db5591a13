#include <erpc/host/ledger_records.hpp>

#include <array>
#include <utility>

namespace erpc {
namespace {

constexpr std::array<std::pair<key_state, std::string_view>, 5> key_states = {{
    {key_state::pending, "pending"},
    {key_state::in_flight, "in_flight"},
    {key_state::completed, "completed"},
    {key_state::unresolved, "unresolved"},
    {key_state::free, "free"},
}};

constexpr std::array<std::pair<message_state, std::string_view>, 6> message_states = {{
    {message_state::pending, "pending"},
    {message_state::in_flight, "in_flight"},
    {message_state::waiting_retry, "waiting_retry"},
    {message_state::succeeded, "succeeded"},
    {message_state::queued, "queued"},
    {message_state::discarded, "discarded"},
}};

}  // namespace

std::string_view to_string(key_state s) noexcept {
  for (const auto& [value, name] : key_states) {
    if (value == s) return name;
  }
  return "pending";
}

std::string_view to_string(message_state s) noexcept {
  for (const auto& [value, name] : message_states) {
    if (value == s) return name;
  }
  return "pending";
}

std::string_view to_string(exception_queue q) noexcept {
  return q == exception_queue::business ? "business" : "technical";
}

std::optional<key_state> key_state_from_string(std::string_view s) noexcept {
  for (const auto& [value, name] : key_states) {
    if (name == s) return value;
  }
  return std::nullopt;
}

std::optional<message_state> message_state_from_string(std::string_view s) noexcept {
  for (const auto& [value, name] : message_states) {
    if (name == s) return value;
  }
  return std::nullopt;
}

std::optional<exception_queue> exception_queue_from_string(std::string_view s) noexcept {
  if (s == "business") return exception_queue::business;
  if (s == "technical") return exception_queue::technical;
  return std::nullopt;
}

}  // namespace erpc

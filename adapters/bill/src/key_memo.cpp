// SPDX-License-Identifier: Apache-2.0
#include "key_memo.hpp"

namespace erpc::bill {

namespace {

constexpr std::string_view opening = "[erpc:";

// Where the marker starts: the last "[erpc:" whose "]" ends the memo.
std::optional<std::size_t> marker_at(const std::string& memo) {
  if (memo.empty() || memo.back() != ']') return std::nullopt;
  const auto at = memo.rfind(opening);
  if (at == std::string::npos || at + opening.size() >= memo.size() - 1) return std::nullopt;
  return at;
}

}  // namespace

std::string memo_with_key(const std::string& notes, const std::string& key) {
  const std::string marker = std::string(opening) + key + "]";
  return notes.empty() ? marker : notes + " " + marker;
}

std::optional<std::string> key_in_memo(const std::string& memo) {
  const auto at = marker_at(memo);
  if (!at) return std::nullopt;
  return memo.substr(*at + opening.size(), memo.size() - 1 - *at - opening.size());
}

std::string notes_of_memo(const std::string& memo) {
  const auto at = marker_at(memo);
  if (!at) return memo;
  auto notes = memo.substr(0, *at);
  while (!notes.empty() && notes.back() == ' ') notes.pop_back();
  return notes;
}

}  // namespace erpc::bill

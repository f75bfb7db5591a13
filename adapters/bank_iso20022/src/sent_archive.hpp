// SPDX-License-Identifier: Apache-2.0
// The archive of sent pain.001 files in the state folder — the natural-key store of payment
// batches (BANKING.md "Identifiers": not the outbound folder, which the bank empties).
//
//   <state_dir>/sent/<T>.json      one record per batch key: every generation written, with its
//                                  idempotency key, content fingerprint, MsgId, placement state,
//                                  the transactions as written and the result returned
//   <state_dir>/sent/<T>-<g>.xml   the pain.001 of generation g, byte for byte
//
// T is the 20-hex-digit tag of payment_identifiers (SHA-256 of the batch key), so a MsgId
// "<T>-<g>" names its record without a second index.
#pragma once

#include <nlohmann/json.hpp>

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

namespace erpc::bank_file {

// An idempotency key as the caller gives it: "<K>" is generation 1 of batch key K, "<K>.g<n>"
// (n = 2..99999, no leading zero) generation n — a resubmission the host's idempotency ledger
// sees as a new key, so it does not replay generation 1.
struct batch_key {
  std::string base;
  std::uint32_t generation = 1;
};
batch_key split_generation(std::string_view idempotency_key);

// Where a generation's file is: written to the archive, its temp file staged in the outbound
// folder, or renamed into place (README "Crash windows").
inline constexpr char placement_archived[] = "archived";
inline constexpr char placement_staged[] = "staged";
inline constexpr char placement_placed[] = "placed";

class sent_archive {
 public:
  explicit sent_archive(const std::filesystem::path& state_dir);

  // "<T>" of a MsgId "<T>-<g>"; nullopt when the MsgId has no such form (not ours).
  static std::optional<std::string> tag_of_message(std::string_view message_id);

  std::optional<nlohmann::json> record(const std::string& tag) const;
  void save(const std::string& tag, const nlohmann::json& record) const;
  std::filesystem::path file_of(const std::string& message_id) const;

  // The generation entry of `record` that wrote `message_id`, or nullptr.
  static const nlohmann::json* generation_of_message(const nlohmann::json& record,
                                                     std::string_view message_id);

 private:
  std::filesystem::path folder_;
};

}  // namespace erpc::bank_file

// SPDX-License-Identifier: Apache-2.0
// MsgId, PmtInfId, InstrId and EndToEndId of a pain.001, derived deterministically from the
// batch's idempotency key and a generation number (BANKING.md "Identifiers"): the same key and
// generation always give the same identifiers (a replay writes the same file), another
// generation gives new ones (a resubmission after a group rejection never reuses a MsgId).
// All are ≤ 35 characters of the SEPA identifier set.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace erpc::banking {

inline constexpr std::uint32_t max_generation = 99999;
inline constexpr std::size_t max_payment_information_blocks = 9999;
inline constexpr std::size_t max_transactions = 99999;

class payment_identifiers {
 public:
  // Throws VALIDATION "pain001.idempotency_key_missing" for an empty key and
  // "pain001.generation_invalid" outside 1..max_generation.
  payment_identifiers(std::string_view idempotency_key, std::uint32_t generation);

  // "<K>-<g>": K is 20 upper-case hex digits of SHA-256(idempotency key), g the generation.
  const std::string& message_id() const noexcept { return message_id_; }
  // "<K>-<g>-P<n>", n = 1-based block number.
  std::string payment_information_id(std::size_t block) const;
  // "<K>-<g>-I<i>" and "<K>-<g>-E<i>", i = 1-based position of the payment in the batch.
  std::string instruction_id(std::size_t payment) const;
  std::string end_to_end_id(std::size_t payment) const;

 private:
  std::string message_id_;
};

}  // namespace erpc::banking

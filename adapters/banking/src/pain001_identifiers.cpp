// SPDX-License-Identifier: Apache-2.0
#include <erpc/banking/payment_identifiers.hpp>

#include <erpc/error.hpp>
#include <erpc/host/fingerprint.hpp>

#include <algorithm>
#include <cctype>

namespace erpc::banking {

payment_identifiers::payment_identifiers(std::string_view idempotency_key,
                                         std::uint32_t generation) {
  if (idempotency_key.empty()) {
    throw error(error_class::validation, "pain001.idempotency_key_missing",
                "a pain.001 needs the batch's idempotency key: its identifiers derive from it");
  }
  if (generation < 1 || generation > max_generation) {
    throw error(error_class::validation, "pain001.generation_invalid",
                "generation " + std::to_string(generation) + " is outside 1.." +
                    std::to_string(max_generation));
  }
  // 80 bits of the key's hash: unique enough per initiating party, and the key itself (which
  // may hold any character, at any length) never reaches the bank.
  std::string tag = sha256_hex(idempotency_key).substr(0, 20);
  std::transform(tag.begin(), tag.end(), tag.begin(),
                 [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
  message_id_ = tag + "-" + std::to_string(generation);
}

std::string payment_identifiers::payment_information_id(std::size_t block) const {
  return message_id_ + "-P" + std::to_string(block);
}

std::string payment_identifiers::instruction_id(std::size_t payment) const {
  return message_id_ + "-I" + std::to_string(payment);
}

std::string payment_identifiers::end_to_end_id(std::size_t payment) const {
  return message_id_ + "-E" + std::to_string(payment);
}

}  // namespace erpc::banking

// SPDX-License-Identifier: Apache-2.0
#include "key_marker.hpp"

#include <erpc/adapters/key_digest.hpp>

namespace erpc::sap {

std::string key_marker(std::string_view key, std::size_t max_length) {
  if (!key.empty() && key.size() <= max_length && key.front() != '#') return std::string(key);
  return "#" + adapters::sha256_base32(key, max_length > 1 ? max_length - 1 : 0);
}

}  // namespace erpc::sap

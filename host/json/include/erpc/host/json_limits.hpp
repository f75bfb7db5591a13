// SPDX-License-Identifier: Apache-2.0
// Limits every JSON document crossing the ABI boundary obeys (ARCHITECTURE §3).
#pragma once

#include <cstddef>

namespace erpc {

struct json_limits {
  std::size_t max_bytes = std::size_t{4} * 1024 * 1024;  // size of the text, in bytes
  int max_depth = 64;  // open objects/arrays; a top-level scalar is depth 0, `[]` depth 1
};

}  // namespace erpc

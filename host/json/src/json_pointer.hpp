// SPDX-License-Identifier: Apache-2.0
// RFC 6901 pointer tokens for error messages and field errors.
#pragma once

#include <string>
#include <string_view>

namespace erpc::detail {

// Appends "/" and `token` with "~" → "~0" and "/" → "~1".
inline void append_pointer_token(std::string& pointer, std::string_view token) {
  pointer.push_back('/');
  for (char c : token) {
    if (c == '~') {
      pointer += "~0";
    } else if (c == '/') {
      pointer += "~1";
    } else {
      pointer.push_back(c);
    }
  }
}

}  // namespace erpc::detail

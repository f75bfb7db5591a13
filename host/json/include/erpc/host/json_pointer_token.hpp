// SPDX-License-Identifier: Apache-2.0
// RFC 6901 reference tokens, for the JSON pointers in error messages and field errors: the one
// escaping ("~" → "~0", "/" → "~1") every part of the host uses.
#pragma once

#include <string>
#include <string_view>

namespace erpc {

// Appends "/" and the escaped `token` to `pointer`.
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

// `token` escaped, without the leading "/".
inline std::string escape_pointer_token(std::string_view token) {
  std::string out;
  append_pointer_token(out, token);
  return out.substr(1);
}

}  // namespace erpc

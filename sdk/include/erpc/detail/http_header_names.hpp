// SPDX-License-Identifier: Apache-2.0
// Header-name rules shared by the host HTTP service, the SDK client and the fake host:
// case-insensitive comparison and which headers carry credentials (never logged or recorded).
#pragma once

#include <algorithm>
#include <cctype>
#include <string>
#include <string_view>

namespace erpc::detail {

inline char ascii_lower(char c) noexcept {
  return static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
}

inline bool iequals(std::string_view a, std::string_view b) noexcept {
  return std::equal(a.begin(), a.end(), b.begin(), b.end(),
                    [](char x, char y) { return ascii_lower(x) == ascii_lower(y); });
}

inline std::string to_lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = ascii_lower(c);
  return out;
}

// True for Authorization, Cookie and every header whose name suggests a credential
// (X-Api-Key, X-Auth-Token, X-Client-Secret, ...). Errs on the side of hiding.
inline bool is_secret_header(std::string_view name) {
  const std::string n = to_lower(name);
  if (n == "authorization" || n == "proxy-authorization" || n == "cookie" || n == "set-cookie") {
    return true;
  }
  // A business key, not a credential; recordings and logs need it to explain duplicates.
  if (n == "idempotency-key") return false;
  for (std::string_view word : {"token", "secret", "key", "password", "passwd", "auth",
                                "session", "signature", "credential"}) {
    if (n.find(word) != std::string::npos) return true;
  }
  return false;
}

inline constexpr std::string_view redacted_value = "[REDACTED]";

}  // namespace erpc::detail

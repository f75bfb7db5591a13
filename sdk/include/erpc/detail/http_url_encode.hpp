// SPDX-License-Identifier: Apache-2.0
// Percent-encoding of query parameters (RFC 3986: everything but unreserved characters).
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace erpc {

// Encodes one name or value; UTF-8 bytes are encoded one by one, space as %20.
inline std::string url_encode(std::string_view s) {
  constexpr char hex[] = "0123456789ABCDEF";
  std::string out;
  out.reserve(s.size() * 3);
  for (char ch : s) {
    const auto c = static_cast<unsigned char>(ch);
    const bool unreserved = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
                            (c >= '0' && c <= '9') || c == '-' || c == '.' || c == '_' ||
                            c == '~';
    if (unreserved) {
      out += ch;
    } else {
      out += '%';
      out += hex[c >> 4];
      out += hex[c & 0x0F];
    }
  }
  return out;
}

// "a=1&b=x%20y" from name/value pairs, in the given order.
inline std::string url_query(const std::vector<std::pair<std::string, std::string>>& params) {
  std::string out;
  for (const auto& [name, value] : params) {
    if (!out.empty()) out += '&';
    out += url_encode(name);
    out += '=';
    out += url_encode(value);
  }
  return out;
}

}  // namespace erpc

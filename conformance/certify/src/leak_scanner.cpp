// SPDX-License-Identifier: Apache-2.0
#include <erpc/certify/leak_scanner.hpp>

#include <erpc/error.hpp>

#include <algorithm>
#include <cctype>

namespace erpc::certify {
namespace {

std::string base64(std::string_view bytes, bool url_safe) {
  static constexpr char standard[] =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  static constexpr char url[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
  const char* alphabet = url_safe ? url : standard;
  std::string out;
  std::size_t i = 0;
  for (; i + 3 <= bytes.size(); i += 3) {
    const unsigned v = (static_cast<unsigned char>(bytes[i]) << 16) |
                       (static_cast<unsigned char>(bytes[i + 1]) << 8) |
                       static_cast<unsigned char>(bytes[i + 2]);
    out += alphabet[(v >> 18) & 63];
    out += alphabet[(v >> 12) & 63];
    out += alphabet[(v >> 6) & 63];
    out += alphabet[v & 63];
  }
  // Trailing bytes are left out: the characters they produce depend on what follows the
  // secret in the encoded stream, so they cannot be searched for.
  return out;
}

// The base64 characters that encode `secret` whatever precedes it: the secret placed at byte
// offset 0, 1 or 2 of a 3-byte group, the characters touched by neighbouring bytes dropped.
std::vector<std::string> base64_cores(const std::string& secret, bool url_safe) {
  std::vector<std::string> cores;
  for (std::size_t offset = 0; offset < 3; ++offset) {
    const std::size_t skip = offset == 0 ? 0 : 3 - offset;  // bytes to the next group start
    if (secret.size() <= skip + 3) continue;
    const std::string aligned = secret.substr(skip);
    const std::string core = base64(std::string_view(aligned).substr(0, aligned.size() / 3 * 3),
                                    url_safe);
    if (core.size() >= 4) cores.push_back(core);
  }
  return cores;
}

std::string percent_encoded(const std::string& secret) {
  static constexpr char hex[] = "0123456789ABCDEF";
  std::string out;
  for (const char c : secret) {
    const auto u = static_cast<unsigned char>(c);
    if (std::isalnum(u) != 0 || c == '-' || c == '.' || c == '_' || c == '~') {
      out += c;
    } else {
      out += '%';
      out += hex[u >> 4];
      out += hex[u & 15];
    }
  }
  return out;
}

std::string hex_of(const std::string& secret, bool upper) {
  const char* digits = upper ? "0123456789ABCDEF" : "0123456789abcdef";
  std::string out;
  for (const char c : secret) {
    const auto u = static_cast<unsigned char>(c);
    out += digits[u >> 4];
    out += digits[u & 15];
  }
  return out;
}

}  // namespace

leak_scanner::leak_scanner(std::vector<std::string> secrets) : secrets_(std::move(secrets)) {
  for (std::size_t i = 0; i < secrets_.size(); ++i) {
    const auto& s = secrets_[i];
    if (s.size() < min_secret_length) {
      throw error(error_class::configuration, "certify.secret_too_short",
                  "secret #" + std::to_string(i + 1) + " is shorter than " +
                      std::to_string(min_secret_length) +
                      " characters; the leak scanner would find it by accident");
    }
    needles_.push_back({i, "plain", s});
    for (auto& core : base64_cores(s, false)) needles_.push_back({i, "base64", std::move(core)});
    for (auto& core : base64_cores(s, true)) needles_.push_back({i, "base64url", std::move(core)});
    const std::string url = percent_encoded(s);
    if (url != s) {
      needles_.push_back({i, "url", url});
      // Lower-case escapes are as valid (RFC 3986 §2.1) and some encoders write them.
      std::string lower = url;
      for (std::size_t p = 0; p + 2 < lower.size(); ++p) {
        if (lower[p] == '%') {
          lower[p + 1] = static_cast<char>(std::tolower(static_cast<unsigned char>(lower[p + 1])));
          lower[p + 2] = static_cast<char>(std::tolower(static_cast<unsigned char>(lower[p + 2])));
        }
      }
      if (lower != url) needles_.push_back({i, "url", lower});
    }
    needles_.push_back({i, "hex", hex_of(s, false)});
    needles_.push_back({i, "HEX", hex_of(s, true)});
  }
}

std::optional<leak> leak_scanner::find(std::string_view text) const {
  for (const auto& n : needles_) {
    if (text.find(n.text) != std::string_view::npos) return leak{n.secret, n.encoding};
  }
  return std::nullopt;
}

}  // namespace erpc::certify

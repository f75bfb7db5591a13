#include "erpc/host/secret_redactor.hpp"

#include <erpc/host/base64.hpp>

#include <algorithm>
#include <array>
#include <cctype>

namespace erpc {
namespace {

// Base64 of the secret's whole 3-byte groups: the characters of a trailing partial group
// depend on whatever follows the secret, so they cannot be searched for.
std::string base64_whole_groups(std::string_view in) {
  return base64_encode(in.substr(0, in.size() - in.size() % 3));
}

std::string url_encode(std::string_view in) {
  static constexpr char hex[] = "0123456789ABCDEF";
  std::string out;
  for (unsigned char c : in) {
    if (std::isalnum(c) || c == '-' || c == '_' || c == '.' || c == '~') {
      out += static_cast<char>(c);
    } else {
      out += '%';
      out += hex[c >> 4];
      out += hex[c & 15];
    }
  }
  return out;
}

std::string hex_encode(std::string_view in, bool upper) {
  const char* digits = upper ? "0123456789ABCDEF" : "0123456789abcdef";
  std::string out;
  for (unsigned char c : in) {
    out += digits[c >> 4];
    out += digits[c & 15];
  }
  return out;
}

void replace_all(std::string& text, std::string_view needle) {
  if (needle.empty()) return;
  std::size_t pos = 0;
  while ((pos = text.find(needle, pos)) != std::string::npos) {
    text.replace(pos, needle.size(), secret_redactor::mask);
    pos += secret_redactor::mask.size();
  }
}

}  // namespace

void secret_redactor::remember(std::string_view secret) {
  if (secret.size() < 4) return;
  const std::array<std::string, 5> forms = {std::string(secret), base64_whole_groups(secret),
                                            url_encode(secret), hex_encode(secret, false),
                                            hex_encode(secret, true)};
  std::lock_guard lock(mutex_);
  for (const auto& form : forms) {
    if (form.size() >= 4 && std::find(needles_.begin(), needles_.end(), form) == needles_.end()) {
      needles_.push_back(form);
    }
  }
  std::sort(needles_.begin(), needles_.end(),
            [](const std::string& a, const std::string& b) { return a.size() > b.size(); });
}

std::string secret_redactor::redact(std::string_view text) const {
  std::string out(text);
  std::lock_guard lock(mutex_);
  for (const auto& needle : needles_) replace_all(out, needle);
  return out;
}

bool secret_redactor::empty() const {
  std::lock_guard lock(mutex_);
  return needles_.empty();
}

}  // namespace erpc

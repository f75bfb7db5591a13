#include "erpc/host/secret_redactor.hpp"

#include <algorithm>
#include <array>
#include <cctype>

namespace erpc {
namespace {

std::string base64(std::string_view in) {
  static constexpr char table[] =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  std::string out;
  std::size_t i = 0;
  for (; i + 2 < in.size(); i += 3) {
    const unsigned v = (static_cast<unsigned char>(in[i]) << 16) |
                       (static_cast<unsigned char>(in[i + 1]) << 8) |
                       static_cast<unsigned char>(in[i + 2]);
    out += table[(v >> 18) & 63];
    out += table[(v >> 12) & 63];
    out += table[(v >> 6) & 63];
    out += table[v & 63];
  }
  // A trailing partial group is left out: its characters depend on what follows the secret.
  return out;
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
  const std::array<std::string, 5> forms = {std::string(secret), base64(secret),
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

// SPDX-License-Identifier: Apache-2.0
#include "erpc/host/http_headers.hpp"

#include <algorithm>

namespace erpc {

namespace {
constexpr char lower(char c) noexcept { return c >= 'A' && c <= 'Z' ? char(c - 'A' + 'a') : c; }
}  // namespace

bool iequals_ascii(std::string_view a, std::string_view b) noexcept {
  return std::equal(a.begin(), a.end(), b.begin(), b.end(),
                    [](char x, char y) { return lower(x) == lower(y); });
}

std::optional<std::string_view> http_headers::get(std::string_view name) const noexcept {
  for (const auto& [n, v] : fields_) {
    if (iequals_ascii(n, name)) return std::string_view(v);
  }
  return std::nullopt;
}

std::string http_headers::value_or(std::string_view name, std::string_view fallback) const {
  return std::string(get(name).value_or(fallback));
}

bool http_headers::contains(std::string_view name) const noexcept {
  return get(name).has_value();
}

void http_headers::add(std::string name, std::string value) {
  fields_.emplace_back(std::move(name), std::move(value));
}

void http_headers::set(std::string name, std::string value) {
  erase(name);
  add(std::move(name), std::move(value));
}

void http_headers::erase(std::string_view name) noexcept {
  std::erase_if(fields_, [&](const field& f) { return iequals_ascii(f.first, name); });
}

}  // namespace erpc

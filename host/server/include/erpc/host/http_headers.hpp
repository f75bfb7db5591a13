// SPDX-License-Identifier: Apache-2.0
// HTTP header fields in arrival order; names compare case-insensitively (RFC 9110 §5.1).
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace erpc {

bool iequals_ascii(std::string_view a, std::string_view b) noexcept;

class http_headers {
 public:
  using field = std::pair<std::string, std::string>;

  http_headers() = default;
  http_headers(std::initializer_list<field> fields) : fields_(fields) {}

  // The first value of `name`, or nullopt.
  std::optional<std::string_view> get(std::string_view name) const noexcept;
  std::string value_or(std::string_view name, std::string_view fallback) const;
  bool contains(std::string_view name) const noexcept;

  void add(std::string name, std::string value);  // keeps any earlier field of that name
  void set(std::string name, std::string value);  // replaces every field of that name
  void erase(std::string_view name) noexcept;

  std::size_t size() const noexcept { return fields_.size(); }
  bool empty() const noexcept { return fields_.empty(); }
  std::vector<field>::const_iterator begin() const noexcept { return fields_.begin(); }
  std::vector<field>::const_iterator end() const noexcept { return fields_.end(); }

 private:
  std::vector<field> fields_;
};

}  // namespace erpc

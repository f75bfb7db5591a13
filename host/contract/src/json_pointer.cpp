#include "json_pointer.hpp"

namespace erpc::contract_detail {

std::string pointer_append(std::string_view base, std::string_view token) {
  std::string out(base);
  out.reserve(base.size() + token.size() + 1);
  out.push_back('/');
  for (char c : token) {
    if (c == '~') {
      out += "~0";
    } else if (c == '/') {
      out += "~1";
    } else {
      out.push_back(c);
    }
  }
  return out;
}

std::string pointer_append(std::string_view base, std::size_t index) {
  std::string out(base);
  out.push_back('/');
  out += std::to_string(index);
  return out;
}

std::string pointer_path::str() const {
  std::string out(base_);
  for (const auto& s : steps_) {
    out = s.member != nullptr ? pointer_append(out, *s.member) : pointer_append(out, s.index);
  }
  return out;
}

}  // namespace erpc::contract_detail

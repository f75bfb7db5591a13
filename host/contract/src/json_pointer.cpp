#include "json_pointer.hpp"

#include <erpc/host/json_pointer_token.hpp>

namespace erpc::contract_detail {

std::string pointer_append(std::string_view base, std::string_view token) {
  std::string out(base);
  out.reserve(base.size() + token.size() + 1);
  append_pointer_token(out, token);
  return out;
}

std::string pointer_append(std::string_view base, std::size_t index) {
  std::string out(base);
  out.push_back('/');
  out += std::to_string(index);
  return out;
}

std::vector<pointer_path::step>& pointer_path::spare_steps() {
  thread_local std::vector<step> spare;
  return spare;
}

pointer_path::pointer_path(std::string_view base)
    : base_(base), steps_(std::move(spare_steps())) {
  steps_.clear();
}

pointer_path::~pointer_path() { spare_steps() = std::move(steps_); }

std::string pointer_path::str() const {
  std::string out(base_);
  for (const auto& s : steps_) {
    out = s.member != nullptr ? pointer_append(out, *s.member) : pointer_append(out, s.index);
  }
  return out;
}

}  // namespace erpc::contract_detail

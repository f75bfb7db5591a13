#pragma once
// The one shape every refusal of the JSON boundary takes: VALIDATION, with the same code on the
// error and on its single field error, which points at the offending member.

#include <erpc/error.hpp>

#include <string>
#include <utility>

namespace erpc::json_boundary {

inline error reject(std::string code, std::string pointer, std::string message) {
  error e(error_class::validation, code, message);
  e.with_field(std::move(pointer), std::move(code), std::move(message));
  return e;
}

}  // namespace erpc::json_boundary

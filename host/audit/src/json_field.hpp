#pragma once
// Locating a field by JSON pointer for field encryption and masking.

#include <nlohmann/json.hpp>

#include <string>

namespace erpc::audit_detail {

// The value at `pointer`, or nullptr when the document has no such field. A pointer that is
// not RFC 6901 syntax, or "" (the whole document): erpc::error CONFIGURATION
// "crypto.bad_pointer".
nlohmann::json* find_field(nlohmann::json& document, const std::string& pointer);

}  // namespace erpc::audit_detail

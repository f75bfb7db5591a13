#pragma once
// Masking of sensitive fields for logs: "NL91ABNA0417164300" becomes "****4300".

#include <nlohmann/json.hpp>

#include <string>
#include <string_view>
#include <vector>

namespace erpc {

// "****" followed by the last 4 characters (UTF-8 code points) when the value has at least 8,
// otherwise "****" alone, so a short value is never mostly revealed. Encrypted values
// ("enc:v1:…", "enc:v2:…") become "****".
std::string mask_value(std::string_view text);

// A copy of `document` with the value at each pointer masked; non-string values are masked as
// their JSON text. A malformed pointer: erpc::error CONFIGURATION "crypto.bad_pointer".
nlohmann::json mask_fields(const nlohmann::json& document,
                           const std::vector<std::string>& pointers);

}  // namespace erpc

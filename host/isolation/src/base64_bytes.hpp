#pragma once
// Bytes inside frames (HTTP bodies, file contents, secret values) travel as base64: JSON
// strings must be valid UTF-8 and these need not be.

#include <string>
#include <string_view>

namespace erpc {

std::string base64_encode(std::string_view bytes);
// Throws erpc::error(INTERNAL, isolation.bad_frame) for text that is not canonical base64.
std::string base64_decode(std::string_view text);

}  // namespace erpc

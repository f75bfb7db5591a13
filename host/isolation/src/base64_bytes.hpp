#pragma once
// Bytes inside frames (HTTP bodies, file contents, secret values) travel as base64 (the host's
// one codec, erpc/host/base64.hpp): JSON strings must be UTF-8, and those bytes need not be.

#include <string>
#include <string_view>

namespace erpc {

// The bytes, or erpc::error INTERNAL isolation.bad_frame when the text is not canonical base64.
std::string decode_frame_bytes(std::string_view text);

}  // namespace erpc

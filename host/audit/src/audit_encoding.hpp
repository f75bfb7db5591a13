#pragma once
// Hex and base64 for keys, MACs and encrypted fields. Internal to erpc_host_audit; the names
// carry the module so they never collide with another module's helpers in one binary.

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace erpc::audit_detail {

std::string hex_encode(std::span<const unsigned char> bytes);
// Upper or lower case; nullopt on odd length or a non-hex character.
std::optional<std::vector<unsigned char>> hex_decode(std::string_view text);

// Standard alphabet with padding (RFC 4648 §4).
std::string base64_encode(std::span<const unsigned char> bytes);
// Strict: length a multiple of 4, padding only at the end; nullopt otherwise.
std::optional<std::vector<unsigned char>> base64_decode(std::string_view text);

}  // namespace erpc::audit_detail

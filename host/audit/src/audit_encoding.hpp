#pragma once
// Hex for keys and MACs (base64 is the host's one codec, erpc/host/base64.hpp). Internal to
// erpc_host_audit; the names carry the module so they never collide with another module's.

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace erpc::audit_detail {

std::string hex_encode(std::span<const unsigned char> bytes);
// Upper or lower case; nullopt on odd length or a non-hex character.
std::optional<std::vector<unsigned char>> hex_decode(std::string_view text);

}  // namespace erpc::audit_detail

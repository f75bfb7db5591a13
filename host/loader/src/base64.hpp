// Standard base64 (RFC 4648 §4, padded) for signature files.
#pragma once

#include <cstddef>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace erpc::detail {

std::string base64_encode(std::span<const std::byte> bytes);
// Empty optional for anything but canonical padded base64 (no whitespace, no line breaks).
std::optional<std::vector<std::byte>> base64_decode(std::string_view text);

}  // namespace erpc::detail

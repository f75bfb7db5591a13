#pragma once
// Standard base64 (RFC 4648 §4, padded): the one codec of the host (signature files, field
// encryption, bytes inside isolation frames, secret redaction).

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace erpc {

std::string base64_encode(std::string_view bytes);

// The decoded bytes, or nullopt for anything but canonical padded base64 (no whitespace, no
// line breaks, nothing after the padding) of at most max_text characters. "" decodes to "".
std::optional<std::string> base64_decode(std::string_view text,
                                         std::size_t max_text = std::size_t{64} << 20);

}  // namespace erpc

#pragma once
// HMAC-SHA256 through OpenSSL 3 EVP_MAC.

#include <erpc/host/symmetric_key.hpp>

#include <array>
#include <initializer_list>
#include <span>
#include <string_view>

namespace erpc {

using mac_bytes = std::array<unsigned char, 32>;

// The MAC of the concatenation of `parts`. OpenSSL failure: erpc::error INTERNAL
// "crypto.internal".
mac_bytes hmac_sha256(const symmetric_key& key,
                      std::initializer_list<std::span<const unsigned char>> parts);
mac_bytes hmac_sha256(const symmetric_key& key, std::string_view data);

}  // namespace erpc

// SPDX-License-Identifier: Apache-2.0
// Unguessable tokens (OAuth access tokens, CSRF tokens, session ids) from OpenSSL's CSPRNG.
#pragma once

#include <cstddef>
#include <string>

namespace erpc::sim::sap {

// `bytes` random bytes, base64url without padding.
std::string random_token(std::size_t bytes);

}  // namespace erpc::sim::sap

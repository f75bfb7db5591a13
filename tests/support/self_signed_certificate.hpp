// SPDX-License-Identifier: Apache-2.0
// A throwaway self-signed certificate for TLS tests, made in memory with OpenSSL EVP.
#pragma once

#include <string>

namespace erpc::testing {

struct self_signed_certificate {
  std::string certificate_pem;
  std::string private_key_pem;
};

// P-256 key, CN=localhost, valid from a minute ago for a day. Throws std::runtime_error.
self_signed_certificate make_self_signed_certificate();

}  // namespace erpc::testing

// SPDX-License-Identifier: Apache-2.0
// The signing side of adapter trust: Ed25519 key generation and writing `<library>.sig`.
// Used by tests and by `erpc adapters sign`.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>

namespace erpc {

struct ed25519_keypair {
  std::string private_key_pem;  // PKCS#8 PEM, unencrypted: keep it out of the host's config
  std::string public_key_pem;   // SubjectPublicKeyInfo PEM, what signature_verifier trusts
};

// A fresh key pair from OpenSSL's CSPRNG. Throws loader.sign_failed if OpenSSL fails.
ed25519_keypair generate_ed25519_keypair();

// Signs the whole library file and writes `<library>.sig` atomically (temporary file, then
// rename). Returns the signature path. Throws loader.invalid_signing_key (not an Ed25519 private
// key, or a malformed key id), loader.cannot_open or loader.sign_failed.
std::filesystem::path sign_library(const std::filesystem::path& library,
                                   std::string_view private_key_pem, std::string_view key_id);

}  // namespace erpc

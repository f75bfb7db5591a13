// SPDX-License-Identifier: Apache-2.0
// Optional trust: an adapter library loads only with a valid detached Ed25519 signature
// (`<library>.sig`, docs/abi.md "Signatures") made by one of the configured keys.
#pragma once

#include <cstddef>
#include <filesystem>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace erpc {

struct trusted_key {
  std::string key_id;          // [A-Za-z0-9_.:-]{1,64}, named by the signature file
  std::string public_key_pem;  // an Ed25519 SubjectPublicKeyInfo PEM
};

// The parsed content of a `.sig` file: {"key_id": "...", "algorithm": "ed25519",
// "signature": "<base64 of the 64-byte signature over the whole library file>"}.
struct library_signature {
  std::string key_id;
  std::string algorithm;
  std::vector<std::byte> signature;
};

class signature_verifier {
 public:
  // Throws erpc::error loader.invalid_trusted_key for a malformed id, a PEM that is not an
  // Ed25519 public key, or a key id given twice.
  explicit signature_verifier(const std::vector<trusted_key>& keys);
  ~signature_verifier();
  signature_verifier(const signature_verifier&) = delete;
  signature_verifier& operator=(const signature_verifier&) = delete;

  // Verifies library bytes (read from the descriptor that will be mapped) against the signature
  // file beside library_path. Throws loader.signature_missing (no .sig) or
  // loader.signature_invalid (unreadable or malformed .sig, unknown key, bad signature).
  void verify(const std::filesystem::path& library_path, std::span<const std::byte> bytes) const;

  std::size_t key_count() const noexcept;

 private:
  struct key;
  std::vector<std::unique_ptr<key>> keys_;
};

// "<library>.sig": the library's file name with ".sig" appended.
std::filesystem::path signature_path_for(const std::filesystem::path& library);

// Parses signature file text strictly. Throws loader.signature_invalid.
library_signature parse_library_signature(std::string_view text);

}  // namespace erpc

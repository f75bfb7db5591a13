#pragma once
// Encryption at rest of sensitive fields (bank accounts, tax ids) inside JSON documents. Each
// listed field's value becomes "enc:v1:" + base64(nonce(12) ‖ ciphertext ‖ tag(16)),
// AES-256-GCM with a random nonce and the JSON pointer as associated data, so a value copied
// into another field does not decrypt.

#include <erpc/host/symmetric_key.hpp>

#include <nlohmann/json.hpp>

#include <string>
#include <string_view>
#include <vector>

namespace erpc {

class field_cipher {
 public:
  static constexpr std::string_view prefix = "enc:v1:";

  explicit field_cipher(symmetric_key key) : key_(std::move(key)) {}

  // A copy of `document` with the value at each pointer encrypted. Absent fields are skipped;
  // a value that already decrypts under this key at this pointer is kept as is, so encrypting
  // twice is harmless. A malformed pointer: erpc::error CONFIGURATION "crypto.bad_pointer".
  nlohmann::json encrypt(const nlohmann::json& document,
                         const std::vector<std::string>& pointers) const;

  // The reverse. Fields that are absent or not "enc:v1:" strings are left alone (documents
  // stored before encryption was switched on). Wrong key, tampered value or a value moved from
  // another pointer: erpc::error INTERNAL "crypto.decrypt_failed" naming the pointer only.
  nlohmann::json decrypt(const nlohmann::json& document,
                         const std::vector<std::string>& pointers) const;

  // One value: a string is encrypted as its bytes, any other JSON as its canonical text; the
  // type survives the round trip.
  std::string encrypt_value(const nlohmann::json& value, std::string_view pointer) const;
  nlohmann::json decrypt_value(std::string_view text, std::string_view pointer) const;

  static bool is_encrypted(const nlohmann::json& value);

 private:
  symmetric_key key_;
};

}  // namespace erpc

#pragma once
// Encryption at rest of sensitive fields (bank accounts, tax ids) inside JSON documents. Each
// listed field's value becomes
//     "enc:v2:" + key_id + ":" + base64(nonce(12) ‖ ciphertext ‖ tag(16))
// AES-256-GCM with a random nonce and the JSON pointer as associated data, so a value copied
// into another field does not decrypt. The key id names the key that encrypted the value, so
// keys can rotate: new values use the active key, values written under an older key still
// decrypt as long as that key is configured, and re-encrypting one moves it to the active key.
// "enc:v1:" values (the format before key ids) are tried with every configured key.

#include <erpc/host/symmetric_key.hpp>

#include <nlohmann/json.hpp>

#include <string>
#include <string_view>
#include <vector>

namespace erpc {

class field_cipher {
 public:
  static constexpr std::string_view prefix = "enc:v2:";
  static constexpr std::string_view legacy_prefix = "enc:v1:";

  // `active` encrypts; `previous` keys (older ones, after a rotation) only decrypt.
  explicit field_cipher(symmetric_key active, std::vector<symmetric_key> previous = {});

  // 8 lowercase hex digits: the first 4 bytes of HMAC-SHA256(key, "erpc.field.key_id.v1").
  // Public by design: it tells which key to use without saying anything about the key.
  static std::string key_id_of(const symmetric_key& key);
  const std::string& active_key_id() const noexcept { return keys_.front().id; }

  // A copy of `document` with the value at each pointer encrypted under the active key.
  // Absent fields are skipped; a value that already decrypts at this pointer under the active
  // key is kept as is (encrypting twice is harmless), one under a previous key is re-encrypted
  // under the active key. A malformed pointer: erpc::error CONFIGURATION "crypto.bad_pointer".
  nlohmann::json encrypt(const nlohmann::json& document,
                         const std::vector<std::string>& pointers) const;

  // The reverse. Fields that are absent or not "enc:" strings are left alone (documents stored
  // before encryption was switched on). A key id that names no configured key (the wrong key):
  // erpc::error CONFIGURATION "crypto.unknown_key" naming the pointer and the key id. Tampered
  // value, or a value moved from another pointer: erpc::error INTERNAL "crypto.decrypt_failed"
  // naming the pointer only. Never a value or key byte in a message.
  nlohmann::json decrypt(const nlohmann::json& document,
                         const std::vector<std::string>& pointers) const;

  // One value: a string is encrypted as its bytes, any other JSON as its canonical text; the
  // type survives the round trip.
  std::string encrypt_value(const nlohmann::json& value, std::string_view pointer) const;
  nlohmann::json decrypt_value(std::string_view text, std::string_view pointer) const;

  // Whether `text` is an "enc:v2:" value whose key id names one of this cipher's keys.
  bool has_key_for(std::string_view text) const;

  // "enc:v1:" or "enc:v2:" string.
  static bool is_encrypted(const nlohmann::json& value);
  static bool is_encrypted_text(std::string_view text);

 private:
  struct keyed {
    std::string id;
    symmetric_key key;
  };
  // keys_.front() is the active key.
  std::vector<keyed> keys_;
};

}  // namespace erpc

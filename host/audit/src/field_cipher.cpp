#include <erpc/host/field_cipher.hpp>

#include "audit_encoding.hpp"
#include "json_field.hpp"

#include <erpc/error.hpp>
#include <erpc/host/base64.hpp>
#include <erpc/host/canonical_json.hpp>
#include <erpc/host/hmac_sha256.hpp>

#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/rand.h>

#include <climits>
#include <memory>

namespace erpc {

namespace {

constexpr std::size_t nonce_size = 12;
constexpr std::size_t tag_size = 16;
// Inside the ciphertext, the first byte says how to turn the plaintext back into JSON.
constexpr char string_tag = 's';
constexpr char json_tag = 'j';

using cipher_ctx = std::unique_ptr<EVP_CIPHER_CTX, decltype(&EVP_CIPHER_CTX_free)>;

[[noreturn]] void internal_failure(const char* what) {
  throw error(error_class::internal, "crypto.internal", std::string("AES-256-GCM: ") + what);
}

[[noreturn]] void decrypt_failed(std::string_view pointer) {
  throw error(error_class::internal, "crypto.decrypt_failed",
              "field " + std::string(pointer) +
                  ": value cannot be decrypted (wrong key, altered, or moved from another field)");
}

cipher_ctx new_context() {
  cipher_ctx ctx(EVP_CIPHER_CTX_new(), &EVP_CIPHER_CTX_free);
  if (!ctx) internal_failure("out of memory");
  return ctx;
}

[[noreturn]] void unknown_key(std::string_view pointer, std::string_view key_id) {
  throw error(error_class::configuration, "crypto.unknown_key",
              "field " + std::string(pointer) + ": encrypted under key id " +
                  std::string(key_id) +
                  ", which is not configured (audit.encryption_key or "
                  "audit.previous_encryption_keys)");
}

const unsigned char* bytes_of(std::string_view text) {
  return reinterpret_cast<const unsigned char*>(text.data());
}

constexpr std::size_t key_id_length = 8;

// The AES-256-GCM decryption of base64(nonce ‖ ciphertext ‖ tag) with `key`; nullopt when the
// tag does not verify. The caller turns nullopt into an error.
std::optional<nlohmann::json> open_sealed(const symmetric_key& key, std::string_view encoded,
                                          std::string_view pointer) {
  const auto decoded = base64_decode(encoded);
  // At least one byte of plaintext: the type tag.
  if (!decoded || decoded->size() < nonce_size + 1 + tag_size || pointer.size() > INT_MAX) {
    return std::nullopt;
  }
  const std::vector<unsigned char> raw(decoded->begin(), decoded->end());
  const std::size_t cipher_size = raw.size() - nonce_size - tag_size;
  std::string plain(cipher_size, '\0');
  std::vector<unsigned char> tag(raw.end() - tag_size, raw.end());
  const auto ctx = new_context();
  const auto key_bytes = key.bytes();
  int length = 0;
  const bool ok =
      EVP_DecryptInit_ex(ctx.get(), EVP_aes_256_gcm(), nullptr, nullptr, nullptr) == 1 &&
      EVP_CIPHER_CTX_ctrl(ctx.get(), EVP_CTRL_GCM_SET_IVLEN, static_cast<int>(nonce_size),
                          nullptr) == 1 &&
      EVP_DecryptInit_ex(ctx.get(), nullptr, nullptr, key_bytes.data(), raw.data()) == 1 &&
      EVP_DecryptUpdate(ctx.get(), nullptr, &length, bytes_of(pointer),
                        static_cast<int>(pointer.size())) == 1 &&
      EVP_DecryptUpdate(ctx.get(), reinterpret_cast<unsigned char*>(plain.data()), &length,
                        raw.data() + nonce_size, static_cast<int>(cipher_size)) == 1 &&
      EVP_CIPHER_CTX_ctrl(ctx.get(), EVP_CTRL_GCM_SET_TAG, static_cast<int>(tag_size),
                          tag.data()) == 1 &&
      EVP_DecryptFinal_ex(ctx.get(), nullptr, &length) == 1;
  if (!ok) {
    OPENSSL_cleanse(plain.data(), plain.size());
    return std::nullopt;
  }
  nlohmann::json value;
  if (plain[0] == string_tag) {
    value = plain.substr(1);
  } else if (plain[0] == json_tag) {
    value = nlohmann::json::parse(plain.begin() + 1, plain.end(), nullptr, false);
  } else {
    value = nlohmann::json(nlohmann::json::value_t::discarded);
  }
  OPENSSL_cleanse(plain.data(), plain.size());
  if (value.is_discarded()) return std::nullopt;
  return value;
}

}  // namespace

field_cipher::field_cipher(symmetric_key active, std::vector<symmetric_key> previous) {
  keys_.push_back({key_id_of(active), std::move(active)});
  for (auto& key : previous) keys_.push_back({key_id_of(key), std::move(key)});
}

std::string field_cipher::key_id_of(const symmetric_key& key) {
  const mac_bytes mac = hmac_sha256(key, "erpc.field.key_id.v1");
  return audit_detail::hex_encode(std::span<const unsigned char>(mac.data(), key_id_length / 2));
}

bool field_cipher::has_key_for(std::string_view text) const {
  if (text.substr(0, prefix.size()) != prefix) return false;
  const std::string_view rest = text.substr(prefix.size());
  if (rest.size() <= key_id_length || rest[key_id_length] != ':') return false;
  for (const auto& k : keys_) {
    if (rest.substr(0, key_id_length) == k.id) return true;
  }
  return false;
}

bool field_cipher::is_encrypted_text(std::string_view text) {
  return text.substr(0, prefix.size()) == prefix ||
         text.substr(0, legacy_prefix.size()) == legacy_prefix;
}

bool field_cipher::is_encrypted(const nlohmann::json& value) {
  return value.is_string() && is_encrypted_text(value.get_ref<const std::string&>());
}

std::string field_cipher::encrypt_value(const nlohmann::json& value,
                                        std::string_view pointer) const {
  std::string plain =
      value.is_string() ? string_tag + value.get<std::string>() : json_tag + canonicalize(value);
  if (plain.size() > INT_MAX / 2 || pointer.size() > INT_MAX) internal_failure("value too large");

  std::vector<unsigned char> out(nonce_size + plain.size() + tag_size);
  if (RAND_bytes(out.data(), static_cast<int>(nonce_size)) != 1) {
    OPENSSL_cleanse(plain.data(), plain.size());
    internal_failure("no random nonce");
  }
  const auto ctx = new_context();
  const auto key = keys_.front().key.bytes();
  int length = 0;
  const bool ok =
      EVP_EncryptInit_ex(ctx.get(), EVP_aes_256_gcm(), nullptr, nullptr, nullptr) == 1 &&
      EVP_CIPHER_CTX_ctrl(ctx.get(), EVP_CTRL_GCM_SET_IVLEN, static_cast<int>(nonce_size),
                          nullptr) == 1 &&
      EVP_EncryptInit_ex(ctx.get(), nullptr, nullptr, key.data(), out.data()) == 1 &&
      EVP_EncryptUpdate(ctx.get(), nullptr, &length, bytes_of(pointer),
                        static_cast<int>(pointer.size())) == 1 &&
      EVP_EncryptUpdate(ctx.get(), out.data() + nonce_size, &length, bytes_of(plain),
                        static_cast<int>(plain.size())) == 1 &&
      static_cast<std::size_t>(length) == plain.size() &&
      EVP_EncryptFinal_ex(ctx.get(), out.data() + nonce_size + plain.size(), &length) == 1 &&
      EVP_CIPHER_CTX_ctrl(ctx.get(), EVP_CTRL_GCM_GET_TAG, static_cast<int>(tag_size),
                          out.data() + nonce_size + plain.size()) == 1;
  OPENSSL_cleanse(plain.data(), plain.size());
  if (!ok) internal_failure("encryption failed");
  return std::string(prefix) + active_key_id() + ":" +
         base64_encode(std::string_view(reinterpret_cast<const char*>(out.data()), out.size()));
}

nlohmann::json field_cipher::decrypt_value(std::string_view text, std::string_view pointer) const {
  if (text.substr(0, prefix.size()) == prefix) {
    const std::string_view rest = text.substr(prefix.size());
    if (rest.size() <= key_id_length || rest[key_id_length] != ':') decrypt_failed(pointer);
    const std::string_view id = rest.substr(0, key_id_length);
    for (const auto& k : keys_) {
      if (k.id != id) continue;
      auto value = open_sealed(k.key, rest.substr(key_id_length + 1), pointer);
      if (!value) decrypt_failed(pointer);
      return std::move(*value);
    }
    // The id is 8 hex digits we wrote; anything else is damage, not a key to name.
    if (!audit_detail::hex_decode(id)) decrypt_failed(pointer);
    unknown_key(pointer, id);
  }
  if (text.substr(0, legacy_prefix.size()) == legacy_prefix) {
    for (const auto& k : keys_) {
      if (auto value = open_sealed(k.key, text.substr(legacy_prefix.size()), pointer)) {
        return std::move(*value);
      }
    }
  }
  decrypt_failed(pointer);
}

nlohmann::json field_cipher::encrypt(const nlohmann::json& document,
                                     const std::vector<std::string>& pointers) const {
  nlohmann::json out = document;
  for (const auto& pointer : pointers) {
    nlohmann::json* field = audit_detail::find_field(out, pointer);
    if (field == nullptr) continue;
    if (is_encrypted(*field)) {
      const auto& text = field->get_ref<const std::string&>();
      const bool under_active_key =
          text.compare(0, prefix.size() + key_id_length, std::string(prefix) + active_key_id()) ==
          0;
      try {
        nlohmann::json plain = decrypt_value(text, pointer);
        if (under_active_key) continue;
        *field = std::move(plain);  // an older key's value moves to the active key
      } catch (const error&) {
        // Looks encrypted but is not ours at this pointer: treat it as plaintext.
      }
    }
    *field = encrypt_value(*field, pointer);
  }
  return out;
}

nlohmann::json field_cipher::decrypt(const nlohmann::json& document,
                                     const std::vector<std::string>& pointers) const {
  nlohmann::json out = document;
  for (const auto& pointer : pointers) {
    nlohmann::json* field = audit_detail::find_field(out, pointer);
    if (field == nullptr || !is_encrypted(*field)) continue;
    *field = decrypt_value(field->get_ref<const std::string&>(), pointer);
  }
  return out;
}

}  // namespace erpc

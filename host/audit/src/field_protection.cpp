#include <erpc/host/field_protection.hpp>

#include "json_field.hpp"

#include <erpc/error.hpp>
#include <erpc/host/json_pointer_token.hpp>

#include <nlohmann/json.hpp>

namespace erpc {
namespace {

nlohmann::json parse_document(const std::string& text) {
  auto document = nlohmann::json::parse(text, nullptr, /*allow_exceptions=*/false);
  if (document.is_discarded()) {
    throw error(error_class::internal, "crypto.bad_document",
                "a stored document is not JSON; its sensitive fields cannot be located");
  }
  return document;
}

// Decrypts every value under one of the cipher's keys wherever it sits, each with its own
// pointer as the associated data: values stored at a pointer that has since been removed from
// audit.encrypt still come back as plaintext instead of ciphertext posing as data.
void reveal_everywhere(nlohmann::json& node, const std::string& pointer,
                       const field_cipher& cipher) {
  if (node.is_string()) {
    const auto& text = node.get_ref<const std::string&>();
    if (cipher.has_key_for(text)) node = cipher.decrypt_value(text, pointer);
  } else if (node.is_object()) {
    for (auto& [key, value] : node.items()) {
      reveal_everywhere(value, pointer + "/" + escape_pointer_token(key), cipher);
    }
  } else if (node.is_array()) {
    for (std::size_t i = 0; i < node.size(); ++i) {
      reveal_everywhere(node[i], pointer + "/" + std::to_string(i), cipher);
    }
  }
}

}  // namespace

field_protection::field_protection(field_cipher cipher, std::vector<std::string> payload_pointers)
    : cipher_(std::move(cipher)), payload_pointers_(std::move(payload_pointers)) {
  nlohmann::json probe = nlohmann::json::object();
  for (const auto& pointer : payload_pointers_) {
    audit_detail::find_field(probe, pointer);  // throws crypto.bad_pointer
    response_pointers_.push_back("/result" + pointer);
  }
}

std::string field_protection::protect(stored_document kind, const std::string& json_text) const {
  if (payload_pointers_.empty()) return json_text;
  return cipher_.encrypt(parse_document(json_text), pointers(kind)).dump();
}

std::string field_protection::reveal(stored_document kind, const std::string& stored_text) const {
  // Cheap exit for the common case of a document without any encrypted value.
  if (stored_text.find("\"enc:v") == std::string::npos) return stored_text;
  // The listed pointers first: there a value under an unknown key is crypto.unknown_key.
  nlohmann::json document = cipher_.decrypt(parse_document(stored_text), pointers(kind));
  reveal_everywhere(document, "", cipher_);
  return document.dump();
}

}  // namespace erpc

#include <erpc/host/field_protection.hpp>

#include "json_field.hpp"

#include <erpc/error.hpp>

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
  return cipher_.decrypt(parse_document(stored_text), pointers(kind)).dump();
}

}  // namespace erpc

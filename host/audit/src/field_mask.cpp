#include <erpc/host/field_mask.hpp>

#include "json_field.hpp"

#include <erpc/host/field_cipher.hpp>

namespace erpc {

namespace {

constexpr std::string_view mask = "****";
constexpr std::size_t kept = 4;
constexpr std::size_t min_length_to_keep = 8;

bool is_continuation(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }

}  // namespace

std::string mask_value(std::string_view text) {
  if (field_cipher::is_encrypted_text(text)) return std::string(mask);
  std::size_t characters = 0;
  for (const char c : text) {
    if (!is_continuation(c)) ++characters;
  }
  if (characters < min_length_to_keep) return std::string(mask);
  std::size_t start = text.size();
  for (std::size_t seen = 0; seen < kept && start > 0;) {
    --start;
    if (!is_continuation(text[start])) ++seen;
  }
  return std::string(mask) + std::string(text.substr(start));
}

nlohmann::json mask_fields(const nlohmann::json& document,
                           const std::vector<std::string>& pointers) {
  nlohmann::json out = document;
  for (const auto& pointer : pointers) {
    nlohmann::json* field = audit_detail::find_field(out, pointer);
    if (field == nullptr) continue;
    *field = mask_value(
        field->is_string() ? field->get<std::string>()
                           : field->dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
  }
  return out;
}

}  // namespace erpc

// SPDX-License-Identifier: Apache-2.0
#include "mapping_support.hpp"

#include <erpc/adapters/exact_json.hpp>
#include <erpc/currency.hpp>

namespace erpc::bc::mapping {

void invalid(const std::string& pointer, const std::string& code, const std::string& message) {
  throw error(error_class::validation, code, message + " (" + pointer + ")")
      .with_field(pointer, code, message)
      .with_effect(effect::none);
}

void unsupported(const std::string& pointer, const std::string& message) {
  throw error(error_class::unsupported, "bc.field_unsupported", message + " (" + pointer + ")")
      .with_field(pointer, "bc.field_unsupported", message)
      .with_effect(effect::none);
}

std::optional<std::string> text(const nlohmann::json& obj, const char* name,
                                const std::string& pointer) {
  if (!obj.is_object()) return std::nullopt;
  const auto it = obj.find(name);
  if (it == obj.end() || it->is_null()) return std::nullopt;
  if (!it->is_string()) invalid(pointer, "bc.type", "must be a string");
  return it->get<std::string>();
}

std::string required_text(const nlohmann::json& obj, const char* name, const std::string& pointer) {
  auto value = text(obj, name, pointer);
  if (!value || value->empty()) invalid(pointer, "bc.required", "required");
  return *value;
}

std::string fits(const std::string& value, std::size_t max_chars, const std::string& pointer,
                 const char* bc_field) {
  std::size_t chars = 0;
  for (const char c : value) chars += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  if (chars > max_chars) {
    invalid(pointer, "bc.too_long",
            "Business Central holds at most " + std::to_string(max_chars) + " characters in " +
                bc_field + " (this value has " + std::to_string(chars) + "); it is not truncated");
  }
  return value;
}

std::string mapped(const value_map& map, const std::string& code, const std::string& pointer) {
  const auto v = map.vendor_code(code);
  if (!v) {
    invalid(pointer, "bc.unmapped_value",
            "the connection's value map " + map.name() + " has no entry for " + code);
  }
  return *v;
}

std::string code_for(const value_map& map, const std::string& vendor_code, const char* what) {
  if (vendor_code.empty()) return {};
  const auto c = map.code(vendor_code);
  if (!c) {
    throw error(error_class::configuration, "bc.unmapped_vendor_value",
                std::string("the connection's value map ") + map.name() +
                    " has no code for Business Central " + what + " " + vendor_code);
  }
  return *c;
}

decimal money_amount(const nlohmann::json& money, const std::string& pointer,
                     const std::string& currency) {
  if (!money.is_object()) invalid(pointer, "bc.required", "must be {amount, currency}");
  const auto amount = required_text(money, "amount", pointer + "/amount");
  const auto cur = required_text(money, "currency", pointer + "/currency");
  if (!currency.empty() && cur != currency) {
    invalid(pointer + "/currency", "bc.currency_mismatch", "must be the document currency " + currency);
  }
  const auto d = decimal::parse(amount);
  if (!d) invalid(pointer + "/amount", "bc.decimal", "must be a decimal string");
  return *d;
}

nlohmann::json money_json(const decimal& amount, const std::string& currency) {
  const auto digits = currency_minor_units(currency).value_or(2);
  std::string text = amount.to_string();
  if (amount.scale() < digits) {
    if (const auto r = amount.rescale(digits)) text = r->to_string();
  }
  return {{"amount", text}, {"currency", currency}};
}

decimal number_of(const nlohmann::json& record, const char* name) {
  if (!record.is_object()) return {};
  const auto it = record.find(name);
  if (it == record.end()) return {};
  return adapters::to_decimal(*it).value_or(decimal{});
}

std::string member(const nlohmann::json& record, const char* name) {
  if (!record.is_object()) return {};
  const auto it = record.find(name);
  return it != record.end() && it->is_string() ? it->get<std::string>() : std::string();
}

void refuse_unknown(const nlohmann::json& obj, std::initializer_list<std::string_view> allowed,
                    const std::string& pointer, std::string_view why) {
  if (!obj.is_object()) return;
  for (const auto& [name, value] : obj.items()) {
    bool ok = false;
    for (const auto a : allowed) ok = ok || name == a;
    if (!ok) unsupported(pointer + "/" + name, std::string(why));
  }
}

std::string canonical_decimal(const decimal& d) {
  auto s = d.to_string();
  if (s.find('.') != std::string::npos) {
    while (s.back() == '0') s.pop_back();
    if (s.back() == '.') s.pop_back();
  }
  return s;
}

std::string party_ref(const nlohmann::json& party) {
  if (!party.is_object()) return {};
  if (const auto refs = party.find("external_refs"); refs != party.end() && refs->is_object()) {
    if (const auto id = refs->find(ref_key); id != refs->end() && id->is_string()) {
      return id->get<std::string>();
    }
  }
  return {};
}

}  // namespace erpc::bc::mapping

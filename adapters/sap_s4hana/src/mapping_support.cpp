// SPDX-License-Identifier: Apache-2.0
#include "mapping_support.hpp"

#include "odata_values.hpp"

#include <erpc/currency.hpp>

namespace erpc::sap::mapping {

void invalid(const std::string& pointer, const std::string& code, const std::string& message) {
  throw error(error_class::validation, code, message + " (" + pointer + ")")
      .with_field(pointer, code, message)
      .with_effect(effect::none);
}

void unsupported(const std::string& pointer, const std::string& message) {
  throw error(error_class::unsupported, "sap.field_unsupported", message + " (" + pointer + ")")
      .with_field(pointer, "sap.field_unsupported", message)
      .with_effect(effect::none);
}

std::optional<std::string> text(const nlohmann::json& obj, const char* name,
                                const std::string& pointer) {
  if (!obj.is_object()) return std::nullopt;
  const auto it = obj.find(name);
  if (it == obj.end() || it->is_null()) return std::nullopt;
  if (!it->is_string()) invalid(pointer, "sap.type", "must be a string");
  return it->get<std::string>();
}

std::string required_text(const nlohmann::json& obj, const char* name,
                          const std::string& pointer) {
  auto value = text(obj, name, pointer);
  if (!value || value->empty()) invalid(pointer, "sap.required", "required");
  return *value;
}

std::string fits(const std::string& value, std::size_t max_chars, const std::string& pointer,
                 const char* sap_field) {
  std::size_t chars = 0;
  for (const char c : value) chars += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  if (chars > max_chars) {
    invalid(pointer, "sap.too_long",
            "SAP holds at most " + std::to_string(max_chars) + " characters in " + sap_field +
                " (this value has " + std::to_string(chars) + "); it is not truncated");
  }
  return value;
}

std::string mapped(const value_map& map, const std::string& code, const std::string& pointer) {
  const auto id = map.vendor_id(code);
  if (!id) {
    invalid(pointer, "sap.unmapped_value",
            "the connection's value map " + map.name() + " has no entry for " + code);
  }
  return *id;
}

std::string code_for(const value_map& map, const std::string& key, const char* what) {
  if (key.empty()) return {};
  const auto code = map.code(key);
  if (!code) {
    throw error(error_class::configuration, "sap.unmapped_vendor_value",
                std::string("the connection's value map ") + map.name() + " has no code for SAP " +
                    what + " " + key);
  }
  return *code;
}

decimal money_amount(const nlohmann::json& money, const std::string& pointer,
                     const std::string& currency) {
  if (!money.is_object()) invalid(pointer, "sap.required", "must be {amount, currency}");
  const auto amount = required_text(money, "amount", pointer + "/amount");
  const auto cur = required_text(money, "currency", pointer + "/currency");
  if (!currency.empty() && cur != currency) {
    invalid(pointer + "/currency", "sap.currency_mismatch",
            "must be the document currency " + currency);
  }
  const auto d = decimal::parse(amount);
  if (!d) invalid(pointer + "/amount", "sap.decimal", "must be a decimal string");
  return *d;
}

std::string money_text(const decimal& amount, const std::string& currency) {
  const auto digits = currency_minor_units(currency).value_or(2);
  if (amount.scale() >= digits) return amount.to_string();
  if (const auto r = amount.rescale(digits)) return r->to_string();
  return amount.to_string();
}

nlohmann::json money_json(const decimal& amount, const std::string& currency) {
  return {{"amount", money_text(amount, currency)}, {"currency", currency}};
}

std::string member(const nlohmann::json& record, const char* name) {
  if (!record.is_object()) return {};
  const auto it = record.find(name);
  return it != record.end() && it->is_string() ? it->get<std::string>() : std::string();
}

const nlohmann::json& results(const nlohmann::json& record, const char* navigation) {
  static const nlohmann::json empty = nlohmann::json::array();
  if (!record.is_object()) return empty;
  const auto it = record.find(navigation);
  if (it == record.end()) return empty;
  if (it->is_array()) return *it;
  if (!it->is_object()) return empty;
  const auto r = it->find("results");
  return r != it->end() && r->is_array() ? *r : empty;
}

std::string party_ref(const nlohmann::json& party, const std::string& pointer) {
  if (!party.is_object()) invalid(pointer, "sap.required", "must be a party object");
  if (const auto refs = party.find("external_refs"); refs != party.end() && refs->is_object()) {
    if (const auto id = refs->find(ref_key); id != refs->end() && id->is_string()) {
      return id->get<std::string>();
    }
  }
  return {};
}

}  // namespace erpc::sap::mapping

// SPDX-License-Identifier: Apache-2.0
#include "mapping_support.hpp"

#include "fusion_errors.hpp"
#include "resource_mapping.hpp"

#include <erpc/adapters/exact_json.hpp>
#include <erpc/currency.hpp>

namespace erpc::oracle_fusion {

std::string vendor_id_of(const resource_mapping& m, const nlohmann::json& item) {
  const auto it = item.find(std::string(m.id_attribute()));
  if (it != item.end() && it->is_number_integer()) return it->dump();
  if (it != item.end() && it->is_string() && !it->get<std::string>().empty()) return *it;
  throw malformed_response("the " + std::string(m.resource()) + " item has no " +
                               std::string(m.id_attribute()),
                           call_kind::read, 200);
}

namespace mapping {

void invalid(const std::string& pointer, const std::string& code, const std::string& message) {
  throw error(error_class::validation, code, message).with_field(pointer, code, message);
}

void unsupported(const std::string& pointer, const std::string& message) {
  throw error(error_class::unsupported, "oracle_fusion.field_unsupported", message)
      .with_field(pointer, "oracle_fusion.field_unsupported", message);
}

void refuse_present(const nlohmann::json& obj, std::initializer_list<const char*> fields,
                    const std::string& prefix, const std::string& why) {
  if (!obj.is_object()) return;
  for (const char* f : fields) {
    const auto it = obj.find(f);
    if (it == obj.end() || it->is_null()) continue;
    if (it->is_boolean() && !it->get<bool>()) continue;  // false = the default, nothing to carry
    if ((it->is_array() || it->is_object()) && it->empty()) continue;
    unsupported(prefix + "/" + f, std::string(f) + " " + why);
  }
}

std::optional<std::string> text(const nlohmann::json& obj, const char* name,
                                const std::string& pointer) {
  if (!obj.is_object()) return std::nullopt;
  const auto it = obj.find(name);
  if (it == obj.end() || it->is_null()) return std::nullopt;
  if (!it->is_string()) invalid(pointer, "oracle_fusion.not_text", "must be a string");
  return it->get<std::string>();
}

std::string required_text(const nlohmann::json& obj, const char* name, const std::string& pointer) {
  auto v = text(obj, name, pointer);
  if (!v || v->empty()) invalid(pointer, "oracle_fusion.required", "required");
  return *v;
}

std::string money_currency(const nlohmann::json& money, const std::string& pointer) {
  if (!money.is_object()) invalid(pointer, "oracle_fusion.required", "an amount is required");
  return required_text(money, "currency", pointer + "/currency");
}

decimal money_amount(const nlohmann::json& money, const std::string& pointer,
                     const std::string& currency) {
  const auto c = money_currency(money, pointer);
  if (!currency.empty() && c != currency) {
    invalid(pointer + "/currency", "oracle_fusion.currency_mismatch",
            "the amount is in " + c + " but the document is in " + currency);
  }
  const auto t = required_text(money, "amount", pointer + "/amount");
  const auto d = decimal::parse(t);
  if (!d) invalid(pointer + "/amount", "oracle_fusion.amount", "not a decimal amount");
  return *d;
}

std::string mapped(const value_map& map, const std::string& code, const std::string& pointer) {
  const auto v = map.vendor_value(code);
  if (!v) {
    invalid(pointer, "oracle_fusion.unmapped_value",
            "'" + code + "' has no Oracle Fusion value in value_maps." + map.name() +
                " of this connection");
  }
  return *v;
}

std::string code_for(const value_map& map, const std::string& vendor_value, const char* what) {
  const auto code = map.code(vendor_value);
  if (!code) {
    throw error(error_class::configuration, "oracle_fusion.unmapped_vendor_value",
                std::string("Oracle Fusion ") + what + " '" + vendor_value +
                    "' has no code in value_maps." + map.name() + " of this connection");
  }
  return *code;
}

std::string business_unit(const nlohmann::json& payload, const connection_config& config) {
  if (auto le = text(payload, "legal_entity", "/legal_entity")) {
    return mapped(config.maps.business_units, *le, "/legal_entity");
  }
  if (config.default_business_unit.empty()) {
    invalid("/legal_entity", "oracle_fusion.required",
            "a legal_entity is required (the connection has no default_business_unit)");
  }
  return config.default_business_unit;
}

std::optional<std::string> legal_entity_of(const std::string& bu, const connection_config& config) {
  return config.maps.business_units.code(bu);
}

std::optional<decimal> read_amount(const nlohmann::json& obj, const char* name) {
  if (!obj.is_object()) return std::nullopt;
  const auto it = obj.find(name);
  if (it == obj.end() || it->is_null()) return std::nullopt;
  if (auto d = adapters::to_decimal(*it)) return d;
  if (it->is_string()) {
    if (auto d = decimal::parse(it->get<std::string>())) return d;
  }
  throw malformed_response(std::string("the amount '") + name + "' is not an exact decimal",
                           call_kind::read, 200);
}

nlohmann::json money_json(const decimal& amount, const std::string& currency) {
  const auto digits = currency_minor_units(currency).value_or(2);
  std::string text = amount.to_string();
  if (amount.scale() < digits) {
    if (const auto r = amount.rescale(digits)) text = r->to_string();
  }
  return {{"amount", text}, {"currency", currency}};
}

std::string text_of(const nlohmann::json& obj, const char* name) {
  if (!obj.is_object()) return {};
  const auto it = obj.find(name);
  if (it == obj.end() || it->is_null()) return {};
  return adapters::scalar_text(*it);
}

nlohmann::json norm_amount(const nlohmann::json& value) {
  std::optional<decimal> d = adapters::to_decimal(value);
  if (!d && value.is_string()) d = decimal::parse(value.get<std::string>());
  if (!d) return nullptr;
  return d->normalized().to_string();
}

nlohmann::json norm_text(const nlohmann::json& value) {
  if (value.is_null()) return nullptr;
  if (value.is_string()) return value;
  if (value.is_number_integer()) return value.dump();
  return adapters::scalar_text(value);
}

std::optional<std::size_t> item_index(std::string_view path, std::string_view prefix) {
  if (path.substr(0, prefix.size()) != prefix) return std::nullopt;
  std::size_t i = prefix.size();
  std::size_t n = 0;
  bool digits = false;
  while (i < path.size() && path[i] >= '0' && path[i] <= '9') {
    n = n * 10 + static_cast<std::size_t>(path[i] - '0');
    digits = true;
    ++i;
  }
  if (!digits || i >= path.size() || path[i] != ']') return std::nullopt;
  return n;
}

}  // namespace mapping

}  // namespace erpc::oracle_fusion

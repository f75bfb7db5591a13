// SPDX-License-Identifier: Apache-2.0
#include <erpc/adapters/canonical_fields.hpp>

#include <erpc/adapters/exact_json.hpp>
#include <erpc/currency.hpp>

#include <utility>

namespace erpc::adapters {

canonical_fields::canonical_fields(mapping_errors errors) : errors_(std::move(errors)) {}

std::string canonical_fields::code(std::string_view suffix) const {
  return errors_.prefix + "." + std::string(suffix);
}

std::string canonical_fields::located(const std::string& message,
                                      const std::string& pointer) const {
  return errors_.dialect == mapping_dialect::odata ? message + " (" + pointer + ")" : message;
}

void canonical_fields::invalid(const std::string& pointer, const std::string& code,
                               const std::string& message) const {
  throw error(error_class::validation, code, located(message, pointer))
      .with_field(pointer, code, message)
      .with_effect(effect::none);
}

void canonical_fields::unsupported(const std::string& pointer, const std::string& message) const {
  const auto c = code("field_unsupported");
  throw error(error_class::unsupported, c, located(message, pointer))
      .with_field(pointer, c, message)
      .with_effect(effect::none);
}

void canonical_fields::refuse_present(const nlohmann::json& obj,
                                      std::initializer_list<const char*> names,
                                      const std::string& pointer, const std::string& why) const {
  if (!obj.is_object()) return;
  for (const char* name : names) {
    const auto it = obj.find(name);
    if (it == obj.end() || it->is_null()) continue;
    if (it->is_boolean() && !it->get<bool>()) continue;  // false = the default, nothing to carry
    if ((it->is_array() || it->is_object()) && it->empty()) continue;
    unsupported(pointer + "/" + name, std::string(name) + " " + why);
  }
}

void canonical_fields::refuse_unknown(const nlohmann::json& obj,
                                      std::initializer_list<std::string_view> allowed,
                                      const std::string& pointer, std::string_view why) const {
  if (!obj.is_object()) return;
  for (const auto& [name, value] : obj.items()) {
    bool known = false;
    for (const auto a : allowed) known = known || name == a;
    if (!known) unsupported(pointer + "/" + name, std::string(why));
  }
}

std::optional<std::string> canonical_fields::text(const nlohmann::json& obj, const char* name,
                                                  const std::string& pointer) const {
  if (!obj.is_object()) return std::nullopt;
  const auto it = obj.find(name);
  if (it == obj.end() || it->is_null()) return std::nullopt;
  if (!it->is_string()) {
    invalid(pointer, code(errors_.dialect == mapping_dialect::odata ? "type" : "not_text"),
            "must be a string");
  }
  return it->get<std::string>();
}

std::string canonical_fields::required_text(const nlohmann::json& obj, const char* name,
                                            const std::string& pointer) const {
  auto value = text(obj, name, pointer);
  if (!value || value->empty()) invalid(pointer, code("required"), "required");
  return *value;
}

std::string canonical_fields::fits(const std::string& value, std::size_t max_chars,
                                   const std::string& pointer, const char* vendor_field) const {
  const auto chars = utf8_length(value);
  if (chars > max_chars) {
    invalid(pointer, code("too_long"),
            errors_.vendor_name + " holds at most " + std::to_string(max_chars) +
                " characters in " + vendor_field + " (this value has " + std::to_string(chars) +
                "); it is not truncated");
  }
  return value;
}

std::string canonical_fields::mapped(const std::string& map_name, const std::string& code_value,
                                     const std::optional<std::string>& vendor_value,
                                     const std::string& pointer) const {
  if (vendor_value) return *vendor_value;
  if (errors_.dialect == mapping_dialect::odata) {
    invalid(pointer, code("unmapped_value"),
            "the connection's value map " + map_name + " has no entry for " + code_value);
  }
  invalid(pointer, code("unmapped_value"),
          "'" + code_value + "' has no " + errors_.vendor_name +
              (errors_.values == vendor_values::ids ? " id" : " value") + " in value_maps." +
              map_name + " of this connection");
}

std::string canonical_fields::code_for(const std::string& map_name,
                                       const std::string& vendor_value,
                                       const std::optional<std::string>& code_value,
                                       const char* what) const {
  if (code_value) return *code_value;
  std::string message;
  if (errors_.dialect == mapping_dialect::odata) {
    // An OData record leaves an unset key empty: nothing to map back.
    if (vendor_value.empty()) return {};
    message = "the connection's value map " + map_name + " has no code for " +
              errors_.vendor_name + " " + what + " " + vendor_value;
  } else {
    message = errors_.vendor_name + " " + what +
              (errors_.values == vendor_values::ids ? " id " + vendor_value
                                                     : " '" + vendor_value + "'") +
              " has no code in value_maps." + map_name + " of this connection";
  }
  throw error(error_class::configuration, code("unmapped_vendor_value"), message);
}

decimal canonical_fields::amount_member(const nlohmann::json& money,
                                        const std::string& pointer) const {
  const auto at = pointer + "/amount";
  const auto parsed = decimal::parse(required_text(money, "amount", at));
  if (!parsed) {
    if (errors_.dialect == mapping_dialect::odata) {
      invalid(at, code("decimal"), "must be a decimal string");
    }
    invalid(at, code("amount"), "not a decimal amount");
  }
  return *parsed;
}

std::string canonical_fields::money_currency(const nlohmann::json& money,
                                             const std::string& pointer) const {
  if (!money.is_object()) invalid(pointer, code("required"), "an amount is required");
  return required_text(money, "currency", pointer + "/currency");
}

decimal canonical_fields::money_amount(const nlohmann::json& money, const std::string& pointer,
                                       const std::string& currency) const {
  if (errors_.dialect == mapping_dialect::odata) {
    if (!money.is_object()) invalid(pointer, code("required"), "must be {amount, currency}");
    const auto amount = required_text(money, "amount", pointer + "/amount");
    const auto in = required_text(money, "currency", pointer + "/currency");
    if (!currency.empty() && in != currency) {
      invalid(pointer + "/currency", code("currency_mismatch"),
              "must be the document currency " + currency);
    }
    return amount_member(money, pointer);
  }
  const auto in = money_currency(money, pointer);
  if (!currency.empty() && in != currency) {
    invalid(pointer + "/currency", code("currency_mismatch"),
            "the amount is in " + in + " but the document is in " + currency);
  }
  return amount_member(money, pointer);
}

std::string canonical_fields::date_text(const nlohmann::json& obj, const char* name,
                                        const std::string& pointer, bool required) const {
  const auto value = required ? std::optional(required_text(obj, name, pointer))
                              : text(obj, name, pointer);
  if (!value) return {};
  const auto& s = *value;
  bool ok = s.size() == 10 && s[4] == '-' && s[7] == '-';
  for (std::size_t i = 0; ok && i < s.size(); ++i) {
    if (i != 4 && i != 7) ok = s[i] >= '0' && s[i] <= '9';
  }
  if (!ok) invalid(pointer, code("date"), "must be a date YYYY-MM-DD");
  return s;
}

std::optional<decimal> canonical_fields::decimal_text(const nlohmann::json& obj, const char* name,
                                                      const std::string& pointer) const {
  const auto t = text(obj, name, pointer);
  if (!t) return std::nullopt;
  const auto d = decimal::parse(*t);
  if (!d) invalid(pointer, code("decimal"), "must be a decimal string");
  return d;
}

std::optional<decimal> canonical_fields::read_amount(const nlohmann::json& obj,
                                                     const char* name) const {
  if (!obj.is_object()) return std::nullopt;
  const auto it = obj.find(name);
  if (it == obj.end() || it->is_null()) return std::nullopt;
  if (auto d = to_decimal(*it)) return d;
  if (it->is_string()) {
    if (auto d = decimal::parse(it->get<std::string>())) return d;
  }
  // The vendor answered 200 with a body this adapter cannot read exactly: nothing was changed
  // by the read, and an amount is never guessed.
  constexpr int http_ok = 200;
  throw error(error_class::internal, code("malformed_response"),
              errors_.vendor_name + " answered HTTP " + std::to_string(http_ok) +
                  " but the amount '" + name + "' is not an exact decimal")
      .with_effect(effect::none)
      .with_vendor({http_ok, "", "", ""});
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

std::string text_of(const nlohmann::json& obj, const char* name) {
  if (!obj.is_object()) return {};
  const auto it = obj.find(name);
  if (it == obj.end() || it->is_null() || it->is_object() || it->is_array()) return {};
  return scalar_text(*it);
}

std::string string_member(const nlohmann::json& record, const char* name) {
  if (!record.is_object()) return {};
  const auto it = record.find(name);
  return it != record.end() && it->is_string() ? it->get<std::string>() : std::string();
}

decimal decimal_member(const nlohmann::json& record, const char* name) {
  if (!record.is_object()) return {};
  const auto it = record.find(name);
  if (it == record.end()) return {};
  return to_decimal(*it).value_or(decimal{});
}

nlohmann::json norm_amount(const nlohmann::json& value) {
  std::optional<decimal> d = to_decimal(value);
  if (!d && value.is_string()) d = decimal::parse(value.get<std::string>());
  if (!d) return nullptr;
  return d->normalized().to_string();
}

nlohmann::json norm_text(const nlohmann::json& value) {
  if (value.is_null() || value.is_object() || value.is_array()) return nullptr;
  if (value.is_string()) return value;
  if (value.is_number_integer()) return value.dump();
  return scalar_text(value);
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

std::size_t utf8_length(std::string_view value) noexcept {
  std::size_t chars = 0;
  for (const char c : value) chars += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  return chars;
}

}  // namespace erpc::adapters

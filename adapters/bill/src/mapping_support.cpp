// SPDX-License-Identifier: Apache-2.0
#include "mapping_support.hpp"

#include <erpc/adapters/exact_json.hpp>

namespace erpc::bill::mapping {

void invalid(const std::string& pointer, const std::string& code, const std::string& message) {
  throw error(error_class::validation, code, message + " (" + (pointer.empty() ? "/" : pointer) + ")")
      .with_field(pointer, code, message)
      .with_effect(effect::none);
}

void unsupported(const std::string& pointer, const std::string& message) {
  throw error(error_class::unsupported, "bill.field_unsupported", pointer + " " + message)
      .with_field(pointer, "bill.field_unsupported", message)
      .with_effect(effect::none);
}

void refuse_present(const nlohmann::json& obj, std::initializer_list<const char*> fields,
                    const std::string& prefix, const std::string& why) {
  if (!obj.is_object()) return;
  for (const char* f : fields) {
    if (obj.contains(f) && !obj[f].is_null()) unsupported(prefix + "/" + f, why);
  }
}

std::optional<std::string> text(const nlohmann::json& obj, const char* name, const std::string& pointer) {
  if (!obj.is_object()) return std::nullopt;
  const auto it = obj.find(name);
  if (it == obj.end() || it->is_null()) return std::nullopt;
  if (!it->is_string()) invalid(pointer, "bill.not_text", "must be a string");
  return it->get<std::string>();
}

std::string required_text(const nlohmann::json& obj, const char* name, const std::string& pointer) {
  auto v = text(obj, name, pointer);
  if (!v || v->empty()) invalid(pointer, "bill.required", "required");
  return *v;
}

decimal money_amount(const nlohmann::json& money, const std::string& pointer, const connection_config& config) {
  if (!money.is_object()) invalid(pointer, "bill.required", "an amount with its currency is required");
  const auto currency = required_text(money, "currency", pointer + "/currency");
  if (currency != config.currency) {
    invalid(pointer + "/currency", "bill.currency",
            "this BILL organisation's bills and payments are in " + config.currency);
  }
  const auto amount_text = required_text(money, "amount", pointer + "/amount");
  const auto amount = decimal::parse(amount_text);
  if (!amount) invalid(pointer + "/amount", "bill.amount", "not a decimal amount");
  return *amount;
}

std::string mapped(const value_map& map, const std::string& code, const std::string& pointer, const char* what) {
  auto v = map.vendor_value(code);
  if (!v) {
    invalid(pointer, "bill.unmapped_value",
            "no BILL " + std::string(what) + " is mapped for '" + code + "' (value_maps)");
  }
  return *v;
}

decimal read_amount(const nlohmann::json& obj, const char* name) {
  const auto it = obj.is_object() ? obj.find(name) : obj.end();
  if (it == obj.end()) {
    throw error(error_class::internal, "bill.malformed_response",
                std::string("a BILL record has no ") + name)
        .with_effect(effect::none);
  }
  auto d = adapters::to_decimal(*it);
  if (!d && it->is_string()) d = decimal::parse(it->get<std::string>());
  if (!d) {
    throw error(error_class::internal, "bill.malformed_response",
                std::string("a BILL record's ") + name + " is not a number")
        .with_effect(effect::none);
  }
  return *d;
}

nlohmann::json money_json(const decimal& amount, const std::string& currency) {
  auto scaled = amount.scale() < 2 ? amount.rescale(2).value_or(amount) : amount;
  return {{"amount", scaled.to_string()}, {"currency", currency}};
}

std::string text_of(const nlohmann::json& obj, const char* name) {
  if (!obj.is_object()) return {};
  const auto it = obj.find(name);
  if (it == obj.end() || it->is_null()) return {};
  return adapters::scalar_text(*it);
}

std::optional<std::size_t> item_index(std::string_view path, std::string_view prefix) {
  if (path.substr(0, prefix.size()) != prefix) return std::nullopt;
  std::size_t i = prefix.size();
  std::size_t v = 0;
  bool any = false;
  while (i < path.size() && path[i] >= '0' && path[i] <= '9') {
    v = v * 10 + static_cast<std::size_t>(path[i] - '0');
    any = true;
    ++i;
  }
  if (!any || i >= path.size() || path[i] != ']') return std::nullopt;
  return v;
}

nlohmann::json canonical_base(const std::string& id) {
  return {{"id", id}, {"external_refs", {{"bill", id}}}, {"source", {{"system", "bill"}, {"id", id}}}};
}

}  // namespace erpc::bill::mapping

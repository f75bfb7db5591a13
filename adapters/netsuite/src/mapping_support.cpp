// SPDX-License-Identifier: Apache-2.0
#include "mapping_support.hpp"

#include "netsuite_errors.hpp"

#include <erpc/adapters/exact_json.hpp>
#include <erpc/currency.hpp>

namespace erpc::netsuite::mapping {

void invalid(const std::string& pointer, const std::string& code, const std::string& message) {
  throw error(error_class::validation, code, message).with_field(pointer, code, message);
}

void unsupported(const std::string& pointer, const std::string& message) {
  throw error(error_class::unsupported, "netsuite.field_unsupported", message)
      .with_field(pointer, "netsuite.field_unsupported", message);
}

std::optional<std::string> text(const nlohmann::json& obj, const char* name,
                                const std::string& pointer) {
  if (!obj.is_object()) return std::nullopt;
  const auto it = obj.find(name);
  if (it == obj.end() || it->is_null()) return std::nullopt;
  if (!it->is_string()) invalid(pointer, "netsuite.not_text", "must be a string");
  return it->get<std::string>();
}

std::string required_text(const nlohmann::json& obj, const char* name, const std::string& pointer) {
  auto v = text(obj, name, pointer);
  if (!v || v->empty()) invalid(pointer, "netsuite.required", "required");
  return *v;
}

std::string money_currency(const nlohmann::json& money, const std::string& pointer) {
  return required_text(money, "currency", pointer + "/currency");
}

decimal money_amount(const nlohmann::json& money, const std::string& pointer) {
  const auto t = required_text(money, "amount", pointer + "/amount");
  const auto d = decimal::parse(t);
  if (!d) invalid(pointer + "/amount", "netsuite.amount", "not a decimal amount");
  return *d;
}

nlohmann::json amount_node(const nlohmann::json& money, const std::string& pointer,
                           const std::string& currency) {
  if (!money.is_object()) invalid(pointer, "netsuite.required", "an amount is required");
  const auto c = money_currency(money, pointer);
  if (!currency.empty() && c != currency) {
    invalid(pointer + "/currency", "netsuite.currency_mismatch",
            "the amount is in " + c + " but the document is in " + currency);
  }
  return adapters::make_decimal(money_amount(money, pointer));
}

nlohmann::json reference(const value_map& map, const std::string& code, const std::string& pointer) {
  const auto id = map.vendor_id(code);
  if (!id) {
    invalid(pointer, "netsuite.unmapped_value",
            "'" + code + "' has no NetSuite id in value_maps." + map.name() +
                " of this connection");
  }
  return reference_id(*id);
}

nlohmann::json reference_id(const std::string& internal_id) { return {{"id", internal_id}}; }

std::string ref_id(const nlohmann::json& record, const char* name) {
  if (!record.is_object()) return {};
  const auto it = record.find(name);
  if (it == record.end()) return {};
  if (it->is_object()) {
    const auto id = it->find("id");
    if (id == it->end()) return {};
    if (id->is_string()) return id->get<std::string>();
    if (id->is_number_integer()) return id->dump();
    return {};
  }
  if (it->is_string()) return it->get<std::string>();
  if (it->is_number_integer()) return it->dump();
  return {};
}

std::string code_for(const value_map& map, const std::string& vendor_id, const char* what) {
  const auto code = map.code(vendor_id);
  if (!code) {
    throw error(error_class::configuration, "netsuite.unmapped_vendor_value",
                std::string("NetSuite ") + what + " id " + vendor_id +
                    " has no code in value_maps." + map.name() + " of this connection");
  }
  return *code;
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

std::string money_text(const decimal& amount, const std::string& currency) {
  const auto digits = currency_minor_units(currency).value_or(2);
  if (amount.scale() >= digits) return amount.to_string();
  if (const auto r = amount.rescale(digits)) return r->to_string();
  return amount.to_string();
}

nlohmann::json money_json(const decimal& amount, const std::string& currency, int) {
  return {{"amount", money_text(amount, currency)}, {"currency", currency}};
}

const nlohmann::json& sublist_items(const nlohmann::json& record, const char* name) {
  static const nlohmann::json empty = nlohmann::json::array();
  if (!record.is_object()) return empty;
  const auto it = record.find(name);
  if (it == record.end() || !it->is_object()) return empty;
  const auto items = it->find("items");
  if (items == it->end() || !items->is_array()) return empty;
  return *items;
}

nlohmann::json norm_amount(const nlohmann::json& value) {
  std::optional<decimal> d = adapters::to_decimal(value);
  if (!d && value.is_string()) d = decimal::parse(value.get<std::string>());
  if (!d) return nullptr;
  return d->normalized().to_string();
}

nlohmann::json norm_ref(const nlohmann::json& value) {
  if (value.is_object()) {
    const auto id = value.find("id");
    return id == value.end() ? nlohmann::json(nullptr) : norm_ref(*id);
  }
  if (value.is_string()) return value;
  if (value.is_number_integer()) return value.dump();
  return nullptr;
}

nlohmann::json norm_text(const nlohmann::json& value) {
  if (value.is_string()) return value;
  if (value.is_boolean()) return value.get<bool>() ? "T" : "F";
  return nullptr;
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

}  // namespace erpc::netsuite::mapping

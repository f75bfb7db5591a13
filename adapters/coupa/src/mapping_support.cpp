// SPDX-License-Identifier: Apache-2.0
#include "mapping_support.hpp"

#include "coupa_errors.hpp"
#include "resource_mapping.hpp"

#include <erpc/adapters/exact_json.hpp>
#include <erpc/currency.hpp>

namespace erpc::coupa {

std::string vendor_id_of(const nlohmann::json& record) {
  const auto it = record.find("id");
  if (it != record.end() && it->is_number_integer()) return it->dump();
  if (it != record.end() && it->is_string() && !it->get<std::string>().empty()) return *it;
  throw malformed_response("the record has no id", call_kind::read, 200);
}

namespace mapping {

void invalid(const std::string& pointer, const std::string& code, const std::string& message) {
  throw error(error_class::validation, code, message).with_field(pointer, code, message);
}

void unsupported(const std::string& pointer, const std::string& message) {
  throw error(error_class::unsupported, "coupa.field_unsupported", message)
      .with_field(pointer, "coupa.field_unsupported", message);
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

std::optional<std::string> text(const nlohmann::json& obj, const char* name, const std::string& pointer) {
  if (!obj.is_object()) return std::nullopt;
  const auto it = obj.find(name);
  if (it == obj.end() || it->is_null()) return std::nullopt;
  if (!it->is_string()) invalid(pointer, "coupa.not_text", "must be a string");
  return it->get<std::string>();
}

std::string required_text(const nlohmann::json& obj, const char* name, const std::string& pointer) {
  auto v = text(obj, name, pointer);
  if (!v || v->empty()) invalid(pointer, "coupa.required", "required");
  return *v;
}

decimal money_amount(const nlohmann::json& money, const std::string& pointer, const std::string& currency) {
  if (!money.is_object()) invalid(pointer, "coupa.required", "an amount is required");
  const auto c = required_text(money, "currency", pointer + "/currency");
  if (c != currency) {
    invalid(pointer + "/currency", "coupa.currency_mismatch",
            "the amount is in " + c + " but the document is in " + currency);
  }
  const auto d = decimal::parse(required_text(money, "amount", pointer + "/amount"));
  if (!d) invalid(pointer + "/amount", "coupa.amount", "not a decimal amount");
  return *d;
}

std::optional<decimal> read_amount(const nlohmann::json& obj, const char* name) {
  if (!obj.is_object()) return std::nullopt;
  const auto it = obj.find(name);
  if (it == obj.end() || it->is_null()) return std::nullopt;
  if (auto d = adapters::to_decimal(*it)) return d;
  if (it->is_string()) {
    if (auto d = decimal::parse(it->get<std::string>())) return d;
  }
  throw malformed_response(std::string("the amount '") + name + "' is not an exact decimal", call_kind::read, 200);
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
  if (it == obj.end() || it->is_null() || it->is_object() || it->is_array()) return {};
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
  if (value.is_object() || value.is_array()) return nullptr;
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

}  // namespace erpc::coupa

// SPDX-License-Identifier: Apache-2.0
#include "mapping_support.hpp"

#include <erpc/adapters/exact_json.hpp>

#include <cstdint>
#include <vector>

namespace erpc::netsuite::mapping {

namespace {

// A non-empty string member of `obj` (an object), or nullptr.
const std::string* nonempty_text(const nlohmann::json& obj, const char* name) {
  const auto it = obj.find(name);
  if (it == obj.end() || !it->is_string()) return nullptr;
  const auto& text = *it->get_ptr<const std::string*>();
  return text.empty() ? nullptr : &text;
}

}  // namespace

nlohmann::json amount_node(const nlohmann::json& money, const std::string& pointer,
                           const std::string& currency) {
  // The usual money object — an object whose currency is a non-empty string equal to
  // `currency` (when given) and whose amount is decimal text — is read here without building
  // the member pointers money_amount's errors need. It accepts exactly those objects, so
  // anything else goes to money_amount, which refuses it with its own wording.
  if (money.is_object()) {
    const auto* in = nonempty_text(money, "currency");
    const auto* text = nonempty_text(money, "amount");
    if (in != nullptr && text != nullptr && (currency.empty() || *in == currency)) {
      if (const auto amount = decimal::parse(*text)) {
        // decimal::parse takes only the canonical form, which to_string() writes back the
        // same, so the text is the node's text; except a negative zero, which make_decimal
        // writes unsigned ("-0.00" → "0.00"), as before.
        if (amount->is_zero() && (*text)[0] == '-') return adapters::make_decimal(*amount);
        return nlohmann::json::binary(std::vector<std::uint8_t>(text->begin(), text->end()),
                                      adapters::decimal_subtype);
      }
    }
  }
  return adapters::make_decimal(fields.money_amount(money, pointer, currency));
}

nlohmann::json reference(const value_map& map, const std::string& code, const std::string& pointer) {
  return reference_lazy(map, code, [&pointer] { return pointer; });
}

nlohmann::json reference_id(std::string internal_id) {
  // Built in place: an initializer list would build the pair as an array and copy it.
  nlohmann::json ref(nlohmann::json::value_t::object);
  ref.get_ptr<nlohmann::json::object_t*>()->emplace("id", std::move(internal_id));
  return ref;
}

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

const nlohmann::json& sublist_items(const nlohmann::json& record, const char* name) {
  static const nlohmann::json empty = nlohmann::json::array();
  if (!record.is_object()) return empty;
  const auto it = record.find(name);
  if (it == record.end() || !it->is_object()) return empty;
  const auto items = it->find("items");
  if (items == it->end() || !items->is_array()) return empty;
  return *items;
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

}  // namespace erpc::netsuite::mapping

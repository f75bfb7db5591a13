// SPDX-License-Identifier: Apache-2.0
#include <erpc/adapters/exact_json.hpp>

#include <erpc/detail/plain_json.hpp>

#include <charconv>
#include <vector>

namespace erpc::adapters {

namespace {

// Builds the DOM from nlohmann's SAX events; number_float gets the number's source text.
class exact_builder {
 public:
  using json = nlohmann::json;

  bool null() { return put(json(nullptr)); }
  bool boolean(bool v) { return put(json(v)); }
  bool number_integer(json::number_integer_t v) { return put(json(v)); }
  bool number_unsigned(json::number_unsigned_t v) { return put(json(v)); }
  bool number_float(json::number_float_t, const json::string_t& text) {
    const auto d = decimal::parse(text);
    if (!d) throw invalid_json("the number " + text + " is not a plain decimal");
    return put(make_decimal(*d));
  }
  bool string(json::string_t& v) { return put(json(std::move(v))); }
  bool binary(json::binary_t&) { return false; }
  bool start_object(std::size_t) {
    stack_.push_back(put_container(json::object()));
    return true;
  }
  bool key(json::string_t& k) {
    if (stack_.back()->contains(k)) throw invalid_json("the member \"" + k + "\" appears twice");
    key_ = std::move(k);
    return true;
  }
  bool end_object() {
    stack_.pop_back();
    return true;
  }
  bool start_array(std::size_t) {
    stack_.push_back(put_container(json::array()));
    return true;
  }
  bool end_array() {
    stack_.pop_back();
    return true;
  }
  bool parse_error(std::size_t position, const std::string&, const nlohmann::detail::exception&) {
    throw invalid_json("malformed JSON at byte " + std::to_string(position));
  }

  json result;

 private:
  json* put_container(json value) {
    if (stack_.empty()) {
      result = std::move(value);
      return &result;
    }
    json& parent = *stack_.back();
    if (parent.is_array()) {
      parent.push_back(std::move(value));
      return &parent.back();
    }
    return &(parent[key_] = std::move(value));
  }
  bool put(json value) {
    put_container(std::move(value));
    return true;
  }

  std::vector<json*> stack_;
  std::string key_;
};

// A member name as nlohmann's dump() writes it (which throws for invalid UTF-8).
void write_key(const std::string& key, std::string& out) {
  if (!erpc::detail::write_plain_json_string(key, out)) out += nlohmann::json(key).dump();
}

// nlohmann's compact dump, with decimal nodes as their text. Strings, integers, booleans and
// null are written directly (the SDK's plain writer, byte for byte nlohmann's output) instead
// of through a serializer per scalar; anything else (floats, invalid UTF-8 values, other
// binaries) goes through nlohmann's dump() exactly as before.
void write(const nlohmann::json& value, std::string& out) {
  switch (value.type()) {
    case nlohmann::json::value_t::object: {
      out.push_back('{');
      bool first = true;
      for (const auto& [k, v] : *value.get_ptr<const nlohmann::json::object_t*>()) {
        if (!first) out.push_back(',');
        first = false;
        write_key(k, out);
        out.push_back(':');
        write(v, out);
      }
      out.push_back('}');
      return;
    }
    case nlohmann::json::value_t::array: {
      out.push_back('[');
      bool first = true;
      for (const auto& v : *value.get_ptr<const nlohmann::json::array_t*>()) {
        if (!first) out.push_back(',');
        first = false;
        write(v, out);
      }
      out.push_back(']');
      return;
    }
    case nlohmann::json::value_t::string:
      if (erpc::detail::write_plain_json_string(*value.get_ptr<const std::string*>(), out)) return;
      break;
    case nlohmann::json::value_t::number_integer: {
      char buf[24];
      out.append(buf, std::to_chars(buf, buf + sizeof buf, value.get<std::int64_t>()).ptr);
      return;
    }
    case nlohmann::json::value_t::number_unsigned: {
      char buf[24];
      out.append(buf, std::to_chars(buf, buf + sizeof buf, value.get<std::uint64_t>()).ptr);
      return;
    }
    case nlohmann::json::value_t::boolean:
      out += value.get<bool>() ? "true" : "false";
      return;
    case nlohmann::json::value_t::null:
      out += "null";
      return;
    case nlohmann::json::value_t::binary:
      if (is_decimal(value)) {
        const auto& bytes = value.get_binary();
        out.append(bytes.begin(), bytes.end());
        return;
      }
      break;
    default:
      break;
  }
  out += value.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

}  // namespace

nlohmann::json parse_exact(std::string_view text) {
  exact_builder builder;
  nlohmann::json::sax_parse(text.begin(), text.end(), &builder);
  return std::move(builder.result);
}

std::string dump_exact(const nlohmann::json& value) {
  std::string out;
  out.reserve(512);
  write(value, out);
  return out;
}

nlohmann::json make_decimal(const decimal& value) {
  const auto text = value.to_string();
  return nlohmann::json::binary(std::vector<std::uint8_t>(text.begin(), text.end()),
                                decimal_subtype);
}

bool is_decimal(const nlohmann::json& value) noexcept {
  return value.is_binary() && value.get_binary().has_subtype() &&
         value.get_binary().subtype() == decimal_subtype;
}

std::optional<decimal> to_decimal(const nlohmann::json& value) {
  if (value.is_number_integer()) return decimal::parse(value.dump());
  if (is_decimal(value)) {
    const auto& bytes = value.get_binary();
    return decimal::parse(std::string(bytes.begin(), bytes.end()));
  }
  return std::nullopt;
}

std::string scalar_text(const nlohmann::json& value) {
  if (value.is_string()) return value.get<std::string>();
  if (value.is_boolean()) return value.get<bool>() ? "T" : "F";
  if (value.is_object() && value.contains("id")) return scalar_text(value["id"]);
  if (value.is_null()) return "";
  if (is_decimal(value) || value.is_number()) return dump_exact(value);
  return dump_exact(value);
}

}  // namespace erpc::adapters

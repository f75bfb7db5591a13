// SPDX-License-Identifier: Apache-2.0
#include <erpc/host/strict_json.hpp>

#include <erpc/host/json_pointer_token.hpp>
#include "json_rejection.hpp"
#include "strict_json_full_path.hpp"
#include "utf8.hpp"

#include <erpc/detail/plain_json.hpp>
#include <erpc/error.hpp>

#include <nlohmann/json.hpp>

#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace erpc {

namespace {

using json = nlohmann::json;

using json_boundary::reject;

std::string shown_pointer(const std::string& pointer) {
  return pointer.empty() ? "the document root" : "'" + pointer + "'";
}

// Builds the DOM from SAX events; every rule is checked on the event that breaks it, so a
// rejected document costs no more than the bytes read up to the fault. nlohmann's SAX driver
// keeps its own state on the heap, so nesting cannot overflow the C++ stack.
class strict_dom_builder {
 public:
  explicit strict_dom_builder(const json_limits& limits) : limits_(limits) {}

  bool null() { return put(json(nullptr)); }
  bool boolean(bool v) { return put(json(v)); }
  bool number_integer(json::number_integer_t v) { return put(json(v)); }
  bool number_unsigned(json::number_unsigned_t v) { return put(json(v)); }
  bool string(std::string& v) { return put(json(std::move(v))); }

  // nlohmann reports integers that fit neither int64 nor uint64 here too, with the raw token.
  bool number_float(json::number_float_t, const std::string& raw) {
    const std::string at = pending_pointer();
    if (raw.find_first_of(".eE") == std::string::npos) {
      return fail(reject("json.integer_out_of_range", at,
                         "integer at " + shown_pointer(at) + " is outside the 64-bit range"));
    }
    return fail(reject("json.non_integer_number", at,
                       "number at " + shown_pointer(at) +
                           " has a fraction or exponent; JSON numbers must be integers "
                           "(amounts are decimal strings)"));
  }

  bool binary(json::binary_t&) {
    return fail(reject("json.malformed", pending_pointer(), "binary value in JSON text"));
  }

  bool start_object(std::size_t) { return open(json::object()); }
  bool start_array(std::size_t) { return open(json::array()); }
  bool end_object() { return close(); }
  bool end_array() { return close(); }

  bool key(std::string& k) {
    frame& f = stack_.back();
    if (f.node->contains(k)) {
      std::string at = pointer_to(stack_.size());
      append_pointer_token(at, k);
      return fail(reject("json.duplicate_key", at,
                         "duplicate key '" + k + "' at '" + at + "'"));
    }
    f.key = std::move(k);
    return true;
  }

  bool parse_error(std::size_t position, const std::string& last_token,
                   const nlohmann::detail::exception& ex) {
    std::string what = ex.what();
    // A number beyond the double range ("1e400") fails in the lexer, before number_float.
    if (what.find("number overflow") != std::string::npos) return number_float(0, last_token);
    // "[json.exception.parse_error.101] parse error at line 1, column 2: <reason>"
    if (const auto colon = what.find(": "); colon != std::string::npos) what.erase(0, colon + 2);
    if (what.size() > 200) what.resize(200);
    const bool surrogate = what.find("surrogate") != std::string::npos ||
                           what.find("UTF-8") != std::string::npos;
    const std::string at = pending_pointer();
    return fail(reject(surrogate ? "json.invalid_utf8" : "json.malformed", at,
                       (surrogate ? "invalid Unicode at byte " : "malformed JSON at byte ") +
                           std::to_string(position) + " (" + shown_pointer(at) + "): " + what));
  }

  json take_root() { return std::move(root_); }
  std::optional<error>& failure() { return error_; }

 private:
  struct frame {
    json* node;
    std::string key;  // objects: the member whose value comes next
  };

  bool fail(error e) {
    if (!error_) error_.emplace(std::move(e));
    return false;
  }

  json* place(json value) {
    if (stack_.empty()) {
      root_ = std::move(value);
      return &root_;
    }
    frame& f = stack_.back();
    if (f.node->is_array()) {
      f.node->push_back(std::move(value));
      return &f.node->back();
    }
    return &((*f.node)[f.key] = std::move(value));
  }

  bool put(json value) {
    place(std::move(value));
    return true;
  }

  bool open(json container) {
    if (stack_.size() + 1 > static_cast<std::size_t>(limits_.max_depth)) {
      const std::string at = pending_pointer();
      return fail(reject("json.too_deep", at,
                         "nesting deeper than " + std::to_string(limits_.max_depth) + " at " +
                             shown_pointer(at)));
    }
    json* node = place(std::move(container));
    stack_.push_back({node, {}});
    return true;
  }

  bool close() {
    stack_.pop_back();
    return true;
  }

  // Pointer to the container at stack depth `depth` (0 = root value).
  std::string pointer_to(std::size_t depth) const {
    std::string p;
    for (std::size_t i = 0; i + 1 < depth; ++i) {
      const frame& f = stack_[i];
      if (f.node->is_array()) {
        p += "/" + std::to_string(f.node->size() - 1);
      } else {
        append_pointer_token(p, f.key);
      }
    }
    return p;
  }

  // Pointer to the value the next event would place.
  std::string pending_pointer() const {
    std::string p = pointer_to(stack_.size());
    if (!stack_.empty()) {
      const frame& f = stack_.back();
      if (f.node->is_array()) {
        p += "/" + std::to_string(f.node->size());
      } else {
        append_pointer_token(p, f.key);
      }
    }
    return p;
  }

  const json_limits& limits_;
  json root_;
  std::vector<frame> stack_;
  std::optional<error> error_;
};

// Depth-limited DOM walk for the adapter→host direction; recursion never goes deeper than
// limits.max_depth + 1 frames because it stops there.
void check_dom(const json& v, const json_limits& limits, int depth, std::string& at) {
  switch (v.type()) {
    case json::value_t::object:
    case json::value_t::array: {
      if (depth + 1 > limits.max_depth) {
        throw reject("json.too_deep", at,
                     "nesting deeper than " + std::to_string(limits.max_depth) + " at " +
                         shown_pointer(at));
      }
      const std::size_t mark = at.size();
      if (v.is_object()) {
        for (const auto& [k, child] : v.items()) {
          append_pointer_token(at, k);
          if (detail::find_invalid_utf8(k) != detail::utf8_valid) {
            throw reject("json.invalid_utf8", at, "member name at '" + at + "' is not UTF-8");
          }
          check_dom(child, limits, depth + 1, at);
          at.resize(mark);
        }
      } else {
        std::size_t i = 0;
        for (const auto& child : v) {
          at += "/" + std::to_string(i++);
          check_dom(child, limits, depth + 1, at);
          at.resize(mark);
        }
      }
      return;
    }
    case json::value_t::string:
      if (detail::find_invalid_utf8(v.get_ref<const std::string&>()) != detail::utf8_valid) {
        throw reject("json.invalid_utf8", at, "string at " + shown_pointer(at) + " is not UTF-8");
      }
      return;
    case json::value_t::number_float:
      throw reject("json.non_integer_number", at,
                   "number at " + shown_pointer(at) +
                       " is not an integer (amounts are decimal strings)");
    case json::value_t::binary:
    case json::value_t::discarded:
      throw reject("json.unsupported_value", at,
                   "value at " + shown_pointer(at) + " has no JSON representation");
    default:
      return;
  }
}

void check_size(std::size_t size, const json_limits& limits) {
  if (size > limits.max_bytes) {
    throw reject("json.too_large", "",
                 "JSON text of " + std::to_string(size) + " bytes exceeds the limit of " +
                     std::to_string(limits.max_bytes) + " bytes");
  }
}

// The checks every text gets before either path reads it.
void precheck_text(std::string_view text, const json_limits& limits) {
  check_size(text.size(), limits);
  if (const auto bad = detail::find_invalid_utf8(text); bad != detail::utf8_valid) {
    throw reject("json.invalid_utf8", "", "ill-formed UTF-8 at byte " + std::to_string(bad));
  }
  // nlohmann skips a UTF-8 byte order mark silently; RFC 8259 §8.1 forbids sending one.
  if (text.substr(0, 3) == "\xEF\xBB\xBF") {
    throw reject("json.malformed", "", "malformed JSON at byte 0: byte order mark");
  }
}

}  // namespace

json parse_strict(std::string_view text, const json_limits& limits) {
  check_size(text.size(), limits);
  // Plain documents (all an honest adapter sends) take the fast path; it declines anything
  // the rules might refuse (ill-formed UTF-8 and a byte order mark included), and the full
  // path then finds and words the fault.
  if (json fast; detail::parse_plain_json(text, limits.max_depth, fast)) return fast;
  return json_full_path::parse_strict_sax(text, limits);
}

namespace json_full_path {

json parse_strict_sax(std::string_view text, const json_limits& limits) {
  precheck_text(text, limits);
  strict_dom_builder builder(limits);
  const bool ok = json::sax_parse(text.data(), text.data() + text.size(), &builder,
                                  json::input_format_t::json, /*strict=*/true,
                                  /*ignore_comments=*/false);
  if (auto& failure = builder.failure()) throw std::move(*failure);
  if (!ok) throw reject("json.malformed", "", "malformed JSON");
  return builder.take_root();
}

std::string serialize_checked_dom(const json& value, const json_limits& limits) {
  std::string at;
  check_dom(value, limits, 0, at);
  std::string text = value.dump();
  check_size(text.size(), limits);
  return text;
}

}  // namespace json_full_path

std::string serialize_checked(const json& value, const json_limits& limits) {
  // The writer checks what check_dom checks while it writes; when it declines, check_dom
  // names the fault.
  if (std::string fast; detail::write_plain_json(value, limits.max_depth, fast)) {
    check_size(fast.size(), limits);
    return fast;
  }
  return json_full_path::serialize_checked_dom(value, limits);
}

std::string reserialize_strict(std::string_view text, const json_limits& limits) {
  return parse_strict(text, limits).dump();
}

}  // namespace erpc

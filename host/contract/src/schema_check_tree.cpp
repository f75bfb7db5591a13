#include "schema_check_tree.hpp"

#include "json_pointer.hpp"
#include "schema_error_mapping.hpp"
#include "schema_pattern.hpp"

#include <algorithm>
#include <array>
#include <cstdint>
#include <optional>
#include <stdexcept>
#include <utility>

namespace erpc::contract_detail {

// One compiled (sub)schema. Its checks run in the order valijson's parser adds its constraints
// (allOf, const, enum, items, if, maximum, maxItems, maxLength, maxProperties, minimum,
// minItems, minLength, minProperties, not, pattern, properties, required, type), so findings
// come out in the same order.
struct check_node {
  enum type_bit : std::uint8_t {
    t_array = 1,
    t_boolean = 2,
    t_integer = 4,
    t_null = 8,
    t_number = 16,
    t_object = 32,
    t_string = 64
  };
  enum class additional { allow, forbid, schema };

  bool always_invalid = false;  // the boolean schema `false`
  std::vector<const check_node*> all_of;
  const nlohmann::json* const_value = nullptr;  // points into the schema documents
  bool has_enum = false;
  std::vector<const nlohmann::json*> enum_values;
  const check_node* items = nullptr;
  bool has_if = false;
  const check_node* if_schema = nullptr;
  const check_node* then_schema = nullptr;
  const check_node* else_schema = nullptr;
  bool has_leading = false;  // any of allOf .. if: validate skips them together
  bool has_bounds = false;   // any of maximum .. minProperties: the same
  std::optional<double> maximum;
  std::optional<std::uint64_t> max_items, max_length, max_properties;
  std::optional<double> minimum;
  std::optional<std::uint64_t> min_items, min_length, min_properties;
  const check_node* not_schema = nullptr;
  std::unique_ptr<schema_pattern> pattern;
  bool has_properties = false;
  std::vector<std::pair<std::string, const check_node*>> properties;  // sorted by name
  std::vector<std::pair<std::unique_ptr<schema_pattern>, const check_node*>>
      pattern_properties;  // sorted by pattern text
  additional additional_mode = additional::allow;
  const check_node* additional_schema = nullptr;
  std::vector<std::string> required;  // sorted, unique
  // Per required name, its index in `properties` when it has one there and the index fits the
  // `present` bit set validate_members fills (k_no_property otherwise): whether the member is
  // there is then already known from the properties walk, without a lookup in the object.
  static constexpr std::size_t k_no_property = static_cast<std::size_t>(-1);
  static constexpr std::size_t k_max_tracked_properties = 64;
  std::vector<std::size_t> required_property;
  std::uint8_t types = 0;             // 0: no type keyword
};

namespace {

using node_ptr = const check_node*;

// --- compiling ------------------------------------------------------------------------------

constexpr std::array<std::string_view, 8> k_annotations{
    "$schema", "$id", "$comment", "title", "description", "definitions", "examples", "default"};

bool is_annotation(std::string_view key) {
  return key.starts_with("x-") ||
         std::find(k_annotations.begin(), k_annotations.end(), key) != k_annotations.end();
}

std::uint8_t type_bit_of(const std::string& name) {
  if (name == "array") return check_node::t_array;
  if (name == "boolean") return check_node::t_boolean;
  if (name == "integer") return check_node::t_integer;
  if (name == "null") return check_node::t_null;
  if (name == "number") return check_node::t_number;
  if (name == "object") return check_node::t_object;
  if (name == "string") return check_node::t_string;
  return 0;
}

}  // namespace

class schema_check_tree::compiler {
 public:
  compiler(schema_check_tree& tree, const schema_documents& documents)
      : tree_(tree), documents_(documents) {}

  node_ptr compile_root(const std::string& file) { return compile_ref(file, ""); }

 private:
  [[noreturn]] void fail(const std::string& file, const std::string& where,
                         std::string_view why) const {
    schema_load_failure(file, "at '" + where + "': " + std::string(why) +
                                  " (schema_check_tree supports only the keywords schemas/v1 "
                                  "uses; extend it, and its differential test, first)");
  }

  // The node for `pointer` inside `file`, compiled once; a reference cycle reuses the node.
  node_ptr compile_ref(const std::string& file, const std::string& pointer) {
    const std::string key = file + "#" + pointer;
    if (const auto it = by_ref_.find(key); it != by_ref_.end()) return it->second;
    const auto doc = documents_.find(file);
    if (doc == documents_.end()) fail(file, pointer, "$ref to a file outside the embedded set");
    const nlohmann::json* target = nullptr;
    try {
      target = &doc->second.at(nlohmann::json::json_pointer(pointer));
    } catch (const std::exception& e) {
      fail(file, pointer, std::string("unresolvable $ref: ") + e.what());
    }
    auto& node = *tree_.nodes_.emplace_back(std::make_unique<check_node>());
    by_ref_.emplace(key, &node);
    populate(node, *target, file, pointer);
    return &node;
  }

  node_ptr compile(const nlohmann::json& schema, const std::string& file,
                   const std::string& where) {
    if (schema.is_object()) {
      if (const auto ref = schema.find("$ref"); ref != schema.end()) {
        // draft-07: a $ref replaces its siblings (valijson follows that too).
        if (!ref->is_string()) fail(file, where, "$ref is not a string");
        const auto& text = ref->get_ref<const std::string&>();
        const auto hash = text.find('#');
        const std::string pointer = hash == std::string::npos ? "" : text.substr(hash + 1);
        const std::string target =
            text.empty() || text.front() == '#' ? file : schema_document_path(text);
        return compile_ref(target, pointer);
      }
    }
    auto& node = *tree_.nodes_.emplace_back(std::make_unique<check_node>());
    populate(node, schema, file, where);
    return &node;
  }

  static std::uint64_t count_of(const nlohmann::json& v) {
    if (!v.is_number_unsigned() && !(v.is_number_integer() && v.get<std::int64_t>() >= 0)) {
      throw std::invalid_argument("expected a non-negative integer");
    }
    return v.get<std::uint64_t>();
  }

  static double number_of(const nlohmann::json& v) {
    if (!v.is_number()) throw std::invalid_argument("expected a number");
    return v.get<double>();
  }

  // Equality values are kept to scalars whose strict comparison is plain == (no 1 vs 1.0).
  void check_comparable(const nlohmann::json& v, const std::string& file,
                        const std::string& where) const {
    if (!v.is_string() && !v.is_null() && !v.is_boolean()) {
      fail(file, where, "enum/const values other than strings, booleans and null");
    }
  }

  void populate(check_node& node, const nlohmann::json& schema, const std::string& file,
                const std::string& where) {
    if (schema.is_boolean()) {
      node.always_invalid = !schema.get<bool>();
      return;
    }
    if (!schema.is_object()) fail(file, where, "a schema must be an object or a boolean");
    for (const auto& [key, value] : schema.items()) {
      const std::string at = where + "/" + key;
      try {
        if (is_annotation(key)) continue;
        if (key == "allOf") {
          if (!value.is_array()) fail(file, at, "allOf is not an array");
          for (std::size_t i = 0; i < value.size(); ++i) {
            node.all_of.push_back(compile(value[i], file, at + "/" + std::to_string(i)));
          }
        } else if (key == "const") {
          check_comparable(value, file, at);
          node.const_value = &value;
        } else if (key == "enum") {
          if (!value.is_array()) fail(file, at, "enum is not an array");
          node.has_enum = true;
          for (const auto& v : value) {
            check_comparable(v, file, at);
            node.enum_values.push_back(&v);
          }
        } else if (key == "items") {
          if (value.is_array()) fail(file, at, "tuple items");
          node.items = compile(value, file, at);
        } else if (key == "if") {
          node.has_if = true;
          node.if_schema = compile(value, file, at);
          if (const auto t = schema.find("then"); t != schema.end()) {
            node.then_schema = compile(*t, file, where + "/then");
          }
          if (const auto e = schema.find("else"); e != schema.end()) {
            node.else_schema = compile(*e, file, where + "/else");
          }
        } else if (key == "then" || key == "else") {
          continue;  // compiled with "if"; without an "if" they mean nothing (draft-07)
        } else if (key == "maximum") {
          node.maximum = number_of(value);
        } else if (key == "minimum") {
          node.minimum = number_of(value);
        } else if (key == "maxItems") {
          node.max_items = count_of(value);
        } else if (key == "minItems") {
          node.min_items = count_of(value);
        } else if (key == "maxLength") {
          node.max_length = count_of(value);
        } else if (key == "minLength") {
          node.min_length = count_of(value);
        } else if (key == "maxProperties") {
          node.max_properties = count_of(value);
        } else if (key == "minProperties") {
          node.min_properties = count_of(value);
        } else if (key == "not") {
          node.not_schema = compile(value, file, at);
        } else if (key == "pattern") {
          if (!value.is_string()) fail(file, at, "pattern is not a string");
          node.pattern = std::make_unique<schema_pattern>(value.get<std::string>());
        } else if (key == "properties") {
          if (!value.is_object()) fail(file, at, "properties is not an object");
          node.has_properties = true;
          for (const auto& [name, sub] : value.items()) {  // nlohmann keeps keys sorted
            node.properties.emplace_back(name, compile(sub, file, at + "/" + name));
          }
        } else if (key == "patternProperties") {
          if (!value.is_object()) fail(file, at, "patternProperties is not an object");
          node.has_properties = true;
          for (const auto& [regex, sub] : value.items()) {
            node.pattern_properties.emplace_back(std::make_unique<schema_pattern>(regex),
                                                 compile(sub, file, at + "/" + regex));
          }
        } else if (key == "additionalProperties") {
          node.has_properties = true;
          if (value.is_boolean()) {
            node.additional_mode = value.get<bool>() ? check_node::additional::allow
                                                     : check_node::additional::forbid;
          } else {
            node.additional_mode = check_node::additional::schema;
            node.additional_schema = compile(value, file, at);
          }
        } else if (key == "required") {
          if (!value.is_array()) fail(file, at, "required is not an array");
          for (const auto& r : value) {
            if (!r.is_string()) fail(file, at, "required holds a non-string");
            node.required.push_back(r.get<std::string>());
          }
          std::sort(node.required.begin(), node.required.end());
          node.required.erase(std::unique(node.required.begin(), node.required.end()),
                              node.required.end());
        } else if (key == "type") {
          auto add = [&](const nlohmann::json& t) {
            const auto bit = t.is_string() ? type_bit_of(t.get<std::string>()) : 0;
            if (bit == 0) fail(file, at, "a type other than one of the seven names");
            node.types |= bit;
          };
          if (value.is_array()) {
            for (const auto& t : value) add(t);
          } else {
            add(value);
          }
        } else {
          fail(file, at, "unsupported keyword '" + key + "'");
        }
      } catch (const std::invalid_argument& e) {
        fail(file, at, e.what());
      }
    }
    node.has_leading = !node.all_of.empty() || node.const_value != nullptr || node.has_enum ||
                       node.items != nullptr || node.has_if;
    node.has_bounds = node.maximum || node.max_items || node.max_length ||
                      node.max_properties || node.minimum || node.min_items ||
                      node.min_length || node.min_properties;
    for (const auto& name : node.required) {
      const auto it = std::lower_bound(
          node.properties.begin(), node.properties.end(), name,
          [](const auto& property, const std::string& n) { return property.first < n; });
      const auto index = static_cast<std::size_t>(it - node.properties.begin());
      const bool tracked = it != node.properties.end() && it->first == name &&
                           index < check_node::k_max_tracked_properties;
      node.required_property.push_back(tracked ? index : check_node::k_no_property);
    }
  }

  schema_check_tree& tree_;
  const schema_documents& documents_;
  std::map<std::string, node_ptr, std::less<>> by_ref_;
};

namespace {

// --- validating -----------------------------------------------------------------------------

// One step of the path from the document root: a member name or an array index.
struct path_step {
  const std::string* name = nullptr;
  std::size_t index = 0;
};

// Where findings go. `collect` false: stop at the first failure and record nothing (the "if"
// and "not" sub-validations, as valijson runs them without results). `path` is the caller's:
// every push is popped again, so the "if"/"not" probes share their run's path, and check()
// reuses one per thread, instead of allocating one each.
struct run {
  std::string_view prefix;
  bool collect = true;
  std::vector<path_step>& path;
  std::vector<field_error> leaves;
  std::vector<field_error> summaries;

  std::string pointer() const {
    std::string out(prefix);
    for (const auto& s : path) {
      out = s.name != nullptr ? pointer_append(out, *s.name) : pointer_append(out, s.index);
    }
    return out;
  }
  void leaf(std::string_view code, std::string message, const std::string* member = nullptr) {
    std::string p = pointer();
    if (member != nullptr) p = pointer_append(p, *member);
    leaves.push_back({std::move(p), std::string(code), std::move(message)});
  }
  void summary(std::string message) {
    summaries.push_back({pointer(), "schema.invalid", std::move(message)});
  }
};

// A string node's text, for callers that checked is_string(): get_ref checks again and has a
// throwing path, which keeps it from being inlined into the per-node checks.
const std::string& text_of(const nlohmann::json& v) { return *v.get_ptr<const std::string*>(); }

// Strict (valijson kStrongTypes) equality for the scalar kinds enum/const may hold.
bool strictly_equal(const nlohmann::json& a, const nlohmann::json& b) {
  // Nearly all enum values are strings: compared here inline, not through json's operator==.
  const auto* text_a = a.get_ptr<const std::string*>();
  const auto* text_b = b.get_ptr<const std::string*>();
  if (text_a != nullptr && text_b != nullptr) return *text_a == *text_b;
  return a.type() == b.type() && a == b;
}

// valijson's utils::u8_strlen: UTF-8 sequences up to the first NUL byte.
// It counts at most one per byte, so only strings longer (in bytes) than a bound need counting,
// and counting can stop once it reaches a lower bound.
std::uint64_t code_points(const std::string& s, std::uint64_t stop_at = UINT64_MAX) {
  std::uint64_t n = 0;
  for (std::size_t i = 0; i < s.size() && s[i] != '\0' && n < stop_at; ++i) {
    if (i == 0 || (static_cast<unsigned char>(s[i]) & 0xC0) != 0x80) ++n;
  }
  return n;
}

bool longer_than(const std::string& s, std::uint64_t max_length) {
  return s.size() > max_length && code_points(s) > max_length;
}

bool shorter_than(const std::string& s, std::uint64_t min_length) {
  return code_points(s, min_length) < min_length;
}

bool type_allows(std::uint8_t types, const nlohmann::json& v) {
  switch (v.type()) {
    case nlohmann::json::value_t::array: return (types & check_node::t_array) != 0;
    case nlohmann::json::value_t::boolean: return (types & check_node::t_boolean) != 0;
    case nlohmann::json::value_t::null: return (types & check_node::t_null) != 0;
    case nlohmann::json::value_t::object: return (types & check_node::t_object) != 0;
    case nlohmann::json::value_t::string: return (types & check_node::t_string) != 0;
    case nlohmann::json::value_t::number_integer:
    case nlohmann::json::value_t::number_unsigned:
      return (types & (check_node::t_integer | check_node::t_number)) != 0;
    case nlohmann::json::value_t::number_float: return (types & check_node::t_number) != 0;
    default: return false;
  }
}

bool validate(const check_node& n, const nlohmann::json& v, run& r);

// std::string::compare's order (bytes as unsigned char, then length). Member and property
// names nearly always differ in their first byte, which decides without a memcmp call.
int compare_names(const std::string& a, const std::string& b) {
  if (!a.empty() && !b.empty() && a.front() != b.front()) {
    return static_cast<unsigned char>(a.front()) < static_cast<unsigned char>(b.front()) ? -1 : 1;
  }
  return a.compare(b);
}

// Validates `v` as a child at `step` (pushed on the path for the duration).
bool validate_child(const check_node& n, const nlohmann::json& v, path_step step, run& r) {
  r.path.push_back(step);
  const bool ok = validate(n, v, r);
  r.path.pop_back();
  return ok;
}

// properties, patternProperties and additionalProperties together, as valijson's
// PropertiesConstraint does. Sets bit i of `present` when the object has n.properties[i]
// (i < k_max_tracked_properties), for the required check; complete whenever this returns
// true or r.collect is set.
bool validate_members(const check_node& n, const nlohmann::json& v, run& r,
                      std::uint64_t& present) {
  const auto& members = v.get_ref<const nlohmann::json::object_t&>();
  const std::size_t count = members.size();
  // Which members some properties/patternProperties entry matched.
  std::array<bool, 64> small{};
  std::vector<bool> large;
  if (count > small.size()) large.assign(count, false);
  auto mark = [&](std::size_t i) {
    if (count > small.size()) large[i] = true;
    else small[i] = true;
  };
  auto marked = [&](std::size_t i) { return count > small.size() ? large[i] : small[i]; };
  std::size_t matched = 0;
  bool ok = true;

  // properties: both lists are sorted by name, so one merge walk pairs them.
  {
    auto member = members.begin();
    std::size_t index = 0;
    for (std::size_t p = 0; p < n.properties.size(); ++p) {
      const auto& [name, sub] = n.properties[p];
      int order = -1;
      while (member != members.end() && (order = compare_names(member->first, name)) < 0) {
        ++member;
        ++index;
      }
      if (member == members.end()) break;
      if (order != 0) continue;
      mark(index);
      ++matched;
      if (p < check_node::k_max_tracked_properties) present |= std::uint64_t{1} << p;
      if (!validate_child(*sub, member->second, {&member->first, 0}, r)) {
        ok = false;
        if (!r.collect) return false;
        r.summary("Failed to validate against schema associated with property name '" + name +
                  "'.");
      }
    }
  }

  // patternProperties: the first member that fails ends this stage (valijson does the same).
  for (const auto& [regex, sub] : n.pattern_properties) {
    bool stop = false;
    std::size_t index = 0;
    for (const auto& [name, value] : members) {
      if (regex->matches(name)) {
        if (!marked(index)) {
          mark(index);
          ++matched;
        }
        if (!validate_child(*sub, value, {&name, 0}, r)) {
          if (r.collect) {
            r.summary("Failed to validate against schema associated with pattern '" +
                      regex->source() + "'.");
          }
          ok = false;
          stop = true;
          break;
        }
      }
      ++index;
    }
    if (stop) break;
  }

  switch (n.additional_mode) {
    case check_node::additional::allow:
      return ok;
    case check_node::additional::forbid: {
      if (matched == count) return ok;
      if (r.collect) {
        std::size_t index = 0;
        for (const auto& member : members) {
          if (!marked(index++)) {
            r.leaf("schema.additional_property",
                   "Object contains a property that could not be validated using 'properties' "
                   "or 'additionalProperties' constraints: '" + member.first + "'.",
                   &member.first);
            break;
          }
        }
      }
      return false;
    }
    case check_node::additional::schema: {
      std::size_t index = 0;
      for (const auto& [name, value] : members) {
        if (!marked(index++) && !validate_child(*n.additional_schema, value, {&name, 0}, r)) {
          if (r.collect) r.summary("Failed to validate against additional properties schema");
          ok = false;
        }
      }
      return ok;
    }
  }
  return ok;
}

// Runs `check`; on failure records nothing more and, when not collecting, stops the caller.
#define ERPC_CHECK_STEP(check)        \
  do {                                \
    if (!(check)) {                   \
      ok = false;                     \
      if (!r.collect) return false;   \
    }                                 \
  } while (false)

// maximum, maxItems, maxLength, maxProperties, minimum, minItems, minLength, minProperties, in
// this order; a separate function so that validate passes over all eight with one test when a
// node has none of them (most nodes).
bool check_bounds(const check_node& n, const nlohmann::json& v, run& r) {
  bool ok = true;
  if (n.maximum && v.is_number() && v.get<double>() > *n.maximum) {
    if (r.collect) {
      r.leaf("schema.maximum",
             "Expected number less than or equal to " + std::to_string(*n.maximum));
    }
    ERPC_CHECK_STEP(false);
  }
  if (n.max_items && v.is_array() && v.size() > *n.max_items) {
    if (r.collect) {
      r.leaf("schema.max_items", "Array should contain no more than " +
                                     std::to_string(*n.max_items) + " elements.");
    }
    ERPC_CHECK_STEP(false);
  }
  if (n.max_length && v.is_string() &&
      longer_than(text_of(v), *n.max_length)) {
    if (r.collect) {
      r.leaf("schema.max_length", "String should be no more than " +
                                      std::to_string(*n.max_length) + " characters in length.");
    }
    ERPC_CHECK_STEP(false);
  }
  if (n.max_properties && v.is_object() && v.size() > *n.max_properties) {
    if (r.collect) {
      r.leaf("schema.max_properties", "Object should have no more than " +
                                          std::to_string(*n.max_properties) + " properties.");
    }
    ERPC_CHECK_STEP(false);
  }
  if (n.minimum && v.is_number() && v.get<double>() < *n.minimum) {
    if (r.collect) {
      r.leaf("schema.minimum",
             "Expected number greater than or equal to " + std::to_string(*n.minimum));
    }
    ERPC_CHECK_STEP(false);
  }
  if (n.min_items && v.is_array() && v.size() < *n.min_items) {
    if (r.collect) {
      r.leaf("schema.min_items", "Array should contain no fewer than " +
                                     std::to_string(*n.min_items) + " elements.");
    }
    ERPC_CHECK_STEP(false);
  }
  if (n.min_length && v.is_string() &&
      shorter_than(text_of(v), *n.min_length)) {
    if (r.collect) {
      r.leaf("schema.min_length", "String should be no fewer than " +
                                      std::to_string(*n.min_length) + " characters in length.");
    }
    ERPC_CHECK_STEP(false);
  }
  if (n.min_properties && v.is_object() && v.size() < *n.min_properties) {
    if (r.collect) {
      r.leaf("schema.min_properties", "Object should have no fewer than " +
                                          std::to_string(*n.min_properties) + " properties.");
    }
    ERPC_CHECK_STEP(false);
  }
  return ok;
}

// allOf, const, enum, items, if, in this order; like check_bounds, apart so that validate
// passes over all five with one test (most nodes have none of them).
bool check_leading(const check_node& n, const nlohmann::json& v, run& r) {
  bool ok = true;
  for (std::size_t i = 0; i < n.all_of.size(); ++i) {
    if (!validate(*n.all_of[i], v, r)) {
      if (r.collect) r.summary("Failed to validate against child schema #" + std::to_string(i) + ".");
      ERPC_CHECK_STEP(false);
      break;  // valijson's allOf stops at its first failing branch
    }
  }
  if (n.const_value != nullptr && !strictly_equal(*n.const_value, v)) {
    if (r.collect) r.leaf("schema.const", "Failed to match expected value set by 'const' constraint.");
    ERPC_CHECK_STEP(false);
  }
  if (n.has_enum) {
    const bool any = std::any_of(n.enum_values.begin(), n.enum_values.end(),
                                 [&](const nlohmann::json* e) { return strictly_equal(*e, v); });
    if (!any) {
      if (r.collect) r.leaf("schema.enum", "Failed to match against any enum values.");
      ERPC_CHECK_STEP(false);
    }
  }
  if (n.items != nullptr && v.is_array()) {
    bool items_ok = true;
    for (std::size_t i = 0; i < v.size(); ++i) {
      if (!validate_child(*n.items, v[i], {nullptr, i}, r)) {
        if (!r.collect) return false;
        r.summary("Failed to validate item #" + std::to_string(i) + " in array.");
        items_ok = false;
      }
    }
    ERPC_CHECK_STEP(items_ok);
  }
  if (n.has_if) {
    run probe{r.prefix, false, r.path, {}, {}};
    const bool if_ok = validate(*n.if_schema, v, probe);
    const check_node* branch = if_ok ? n.then_schema : n.else_schema;
    if (branch != nullptr && !validate(*branch, v, r)) {
      if (r.collect) {
        r.summary("Failed to validate against a conditional schema set by if-then-else "
                  "constraints.");
      }
      ERPC_CHECK_STEP(false);
    }
  }
  return ok;
}

bool validate(const check_node& n, const nlohmann::json& v, run& r) {
  if (n.always_invalid) return false;
  bool ok = true;
  if (n.has_leading) ERPC_CHECK_STEP(check_leading(n, v, r));
  if (n.has_bounds) ERPC_CHECK_STEP(check_bounds(n, v, r));
  if (n.not_schema != nullptr) {
    run probe{r.prefix, false, r.path, {}, {}};
    if (validate(*n.not_schema, v, probe)) {
      if (r.collect) {
        r.leaf("schema.violation",
               "Target should not validate against schema specified in 'not' constraint.");
      }
      ERPC_CHECK_STEP(false);
    }
  }
  if (n.pattern && v.is_string() && !n.pattern->matches(text_of(v))) {
    if (r.collect) r.leaf("schema.pattern", "Failed to match regex specified by 'pattern' constraint.");
    ERPC_CHECK_STEP(false);
  }
  // Which of n.properties the object has; known only after validate_members ran.
  std::uint64_t present = 0;
  bool present_known = false;
  if (n.has_properties && v.is_object()) {
    ERPC_CHECK_STEP(validate_members(n, v, r, present));
    present_known = true;
  }
  if (!n.required.empty() && v.is_object()) {
    for (std::size_t i = 0; i < n.required.size(); ++i) {
      const auto& name = n.required[i];
      const std::size_t property = n.required_property[i];
      const bool has = present_known && property != check_node::k_no_property
                           ? (present >> property & 1U) != 0
                           : v.contains(name);
      if (!has) {
        if (r.collect) r.leaf("schema.required", "Missing required property '" + name + "'.", &name);
        ERPC_CHECK_STEP(false);
      }
    }
  }
  if (n.types != 0 && !type_allows(n.types, v)) {
    if (r.collect) r.leaf("schema.type", "Value type not permitted by 'type' constraint.");
    ERPC_CHECK_STEP(false);
  }
  return ok;
}

#undef ERPC_CHECK_STEP

}  // namespace

schema_check_tree::schema_check_tree(const schema_documents& documents) {
  compiler c(*this, documents);
  for (const auto name : schema_names()) {
    roots_.emplace(std::string(name), c.compile_root(schema_file_for(name)));
  }
}

schema_check_tree::~schema_check_tree() = default;

std::vector<field_error> unknown_object(std::string_view name, std::string_view prefix) {
  return {{std::string(prefix), "contract.unknown_object",
           "'" + std::string(name.substr(0, 64)) + "' is not a contract v1 object"}};
}

bool schema_check_tree::has(std::string_view name) const { return roots_.contains(name); }

std::vector<field_error> schema_check_tree::check(std::string_view name,
                                                  const nlohmann::json& document,
                                                  std::string_view prefix) const {
  const auto it = roots_.find(name);
  if (it == roots_.end()) return unknown_object(name, prefix);
  thread_local std::vector<path_step> path;
  path.clear();
  run r{prefix, true, path, {}, {}};
  if (validate(*it->second, document, r)) return {};
  return select_schema_findings(std::move(r.leaves), std::move(r.summaries));
}

}  // namespace erpc::contract_detail

#include <erpc/tools/schema_compat.hpp>

#include <algorithm>
#include <array>
#include <fstream>
#include <set>
#include <stdexcept>
#include <string_view>

namespace erpc::tools {
namespace {

using nlohmann::json;

std::string escape_token(std::string_view token) {
  std::string out;
  for (char c : token) {
    if (c == '~') out += "~0";
    else if (c == '/') out += "~1";
    else out.push_back(c);
  }
  return out;
}

std::string child(const std::string& pointer, std::string_view token) {
  return pointer + "/" + escape_token(token);
}

std::set<std::string> type_set(const json& t) {
  std::set<std::string> out;
  if (t.is_string()) out.insert(t.get<std::string>());
  if (t.is_array()) {
    for (const auto& v : t) {
      if (v.is_string()) out.insert(v.get<std::string>());
    }
  }
  return out;
}

bool is_true(const json& schema, std::string_view key) {
  const auto it = schema.find(key);
  return it != schema.end() && it->is_boolean() && it->get<bool>();
}

// Keywords whose effect cannot be compared structurally: any change is treated as breaking.
constexpr std::array<std::string_view, 11> k_opaque_keywords{
    "allOf", "anyOf", "oneOf", "not", "if", "then", "else", "dependencies", "propertyNames",
    "contains", "additionalItems"};

constexpr std::array<std::string_view, 5> k_lower_bounds{
    "minLength", "minItems", "minProperties", "minimum", "exclusiveMinimum"};
constexpr std::array<std::string_view, 5> k_upper_bounds{
    "maxLength", "maxItems", "maxProperties", "maximum", "exclusiveMaximum"};

class comparer {
 public:
  explicit comparer(std::string file) : file_(std::move(file)) {}

  void compare(const json& old_s, const json& new_s, const std::string& ptr) {
    if (!old_s.is_object() || !new_s.is_object()) {
      if (old_s != new_s) add(ptr, "schema_changed", "boolean or non-object schema changed");
      return;
    }
    compare_ref(old_s, new_s, ptr);
    compare_type(old_s, new_s, ptr);
    compare_enum(old_s, new_s, ptr);
    compare_exact(old_s, new_s, ptr, "const", "const_changed");
    compare_exact(old_s, new_s, ptr, "pattern", "pattern_changed");
    compare_exact(old_s, new_s, ptr, "format", "format_changed");
    compare_exact(old_s, new_s, ptr, "multipleOf", "multiple_of_changed");
    compare_bounds(old_s, new_s, ptr);
    compare_required(old_s, new_s, ptr);
    compare_properties(old_s, new_s, ptr);
    compare_additional(old_s, new_s, ptr);
    compare_map(old_s, new_s, ptr, "patternProperties", "pattern_property_removed");
    compare_map(old_s, new_s, ptr, "definitions", "definition_removed");
    if (old_s.contains("items") && new_s.contains("items")) {
      compare(old_s["items"], new_s["items"], child(ptr, "items"));
    } else if (!old_s.contains("items") && new_s.contains("items")) {
      add(ptr, "items_added", "array items gained a schema");
    }
    for (auto key : k_opaque_keywords) {
      const auto o = old_s.find(key);
      const auto n = new_s.find(key);
      const bool changed = (o == old_s.end()) != (n == new_s.end()) ||
                           (o != old_s.end() && *o != *n);
      // Dropping a combinator only accepts more documents.
      if (changed && n != new_s.end()) {
        add(child(ptr, key), "keyword_changed", std::string(key) + " changed");
      }
    }
    if (is_true(old_s, "x-erpc-ignorable") && !is_true(new_s, "x-erpc-ignorable")) {
      add(ptr, "ignorable_removed", "x-erpc-ignorable removed: adapters must now support it");
    }
    if (is_true(old_s, "x-erpc-volatile") && !is_true(new_s, "x-erpc-volatile")) {
      add(ptr, "volatile_removed", "x-erpc-volatile removed: replays now compare this field");
    }
  }

  std::vector<compat_finding> take() { return std::move(findings_); }

 private:
  void add(const std::string& ptr, std::string kind, std::string detail) {
    findings_.push_back({file_, ptr, std::move(kind), std::move(detail)});
  }

  void compare_ref(const json& o, const json& n, const std::string& ptr) {
    const auto orf = o.find("$ref");
    const auto nrf = n.find("$ref");
    if (orf == o.end() && nrf == n.end()) return;
    if (orf == o.end() || nrf == n.end() || *orf != *nrf) {
      add(child(ptr, "$ref"), "ref_changed",
          (orf == o.end() ? std::string("(none)") : orf->dump()) + " -> " +
              (nrf == n.end() ? std::string("(none)") : nrf->dump()));
    }
  }

  void compare_type(const json& o, const json& n, const std::string& ptr) {
    const auto ot = o.find("type");
    const auto nt = n.find("type");
    if (nt == n.end()) return;  // no type constraint any more: wider
    if (ot == o.end()) {
      add(child(ptr, "type"), "type_changed", "type constraint added: " + nt->dump());
      return;
    }
    const auto olds = type_set(*ot);
    const auto news = type_set(*nt);
    for (const auto& t : olds) {
      // "integer" stays valid when widened to "number".
      if (!news.contains(t) && !(t == "integer" && news.contains("number"))) {
        add(child(ptr, "type"), "type_changed", ot->dump() + " -> " + nt->dump());
        return;
      }
    }
  }

  void compare_enum(const json& o, const json& n, const std::string& ptr) {
    const auto oe = o.find("enum");
    const auto ne = n.find("enum");
    if (ne == n.end()) return;
    if (oe == o.end()) {
      add(child(ptr, "enum"), "enum_added", "enum constraint added");
      return;
    }
    for (const auto& v : *ne) {
      if (std::find(oe->begin(), oe->end(), v) == oe->end()) {
        add(child(ptr, "enum"), "enum_value_added",
            v.dump() + " is new: readers of the released contract do not know it");
      }
    }
    for (const auto& v : *oe) {
      if (std::find(ne->begin(), ne->end(), v) == ne->end()) {
        add(child(ptr, "enum"), "enum_value_removed", v.dump() + " removed");
      }
    }
  }

  void compare_exact(const json& o, const json& n, const std::string& ptr, std::string_view key,
                     std::string kind) {
    const auto ov = o.find(key);
    const auto nv = n.find(key);
    if (nv == n.end()) return;  // dropped: wider
    if (ov == o.end() || *ov != *nv) {
      add(child(ptr, key), std::move(kind),
          (ov == o.end() ? std::string("(none)") : ov->dump()) + " -> " + nv->dump());
    }
  }

  void compare_bounds(const json& o, const json& n, const std::string& ptr) {
    auto check = [&](std::string_view key, bool lower) {
      const auto ov = o.find(key);
      const auto nv = n.find(key);
      if (nv == n.end() || !nv->is_number()) return;
      const bool narrowed = ov == o.end() || !ov->is_number() ||
                            (lower ? *nv > *ov : *nv < *ov);
      if (narrowed) {
        add(child(ptr, key), "bound_narrowed",
            (ov == o.end() ? std::string("(none)") : ov->dump()) + " -> " + nv->dump());
      }
    };
    for (auto key : k_lower_bounds) check(key, true);
    for (auto key : k_upper_bounds) check(key, false);
  }

  void compare_required(const json& o, const json& n, const std::string& ptr) {
    const auto nr = n.find("required");
    if (nr == n.end() || !nr->is_array()) return;
    const auto orq = o.find("required");
    for (const auto& r : *nr) {
      const bool was = orq != o.end() && orq->is_array() &&
                       std::find(orq->begin(), orq->end(), r) != orq->end();
      if (!was) add(child(ptr, "required"), "required_added", r.dump() + " is now required");
    }
  }

  void compare_properties(const json& o, const json& n, const std::string& ptr) {
    const auto op = o.find("properties");
    if (op == o.end() || !op->is_object()) return;
    const auto np = n.find("properties");
    const std::string props = child(ptr, "properties");
    for (const auto& [name, schema] : op->items()) {
      if (np == n.end() || !np->is_object() || !np->contains(name)) {
        add(child(props, name), "property_removed", "'" + name + "' removed or renamed");
        continue;
      }
      compare(schema, (*np)[name], child(props, name));
    }
  }

  void compare_additional(const json& o, const json& n, const std::string& ptr) {
    const auto oa = o.find("additionalProperties");
    const auto na = n.find("additionalProperties");
    if (na == n.end()) return;
    const bool old_open = oa == o.end() || (oa->is_boolean() && oa->get<bool>());
    if (na->is_boolean() && !na->get<bool>()) {
      if (old_open || oa->is_object()) {
        add(child(ptr, "additionalProperties"), "additional_properties_closed",
            "unknown members are no longer accepted");
      }
      return;
    }
    if (na->is_object()) {
      if (oa != o.end() && oa->is_object()) {
        compare(*oa, *na, child(ptr, "additionalProperties"));
      } else if (old_open) {
        add(child(ptr, "additionalProperties"), "additional_properties_constrained",
            "additional members gained a schema");
      }
    }
  }

  void compare_map(const json& o, const json& n, const std::string& ptr, std::string_view key,
                   std::string removed_kind) {
    const auto om = o.find(key);
    if (om == o.end() || !om->is_object()) return;
    const auto nm = n.find(key);
    const std::string base = child(ptr, key);
    for (const auto& [name, schema] : om->items()) {
      if (nm == n.end() || !nm->is_object() || !nm->contains(name)) {
        add(child(base, name), removed_kind, "'" + name + "' removed");
        continue;
      }
      compare(schema, (*nm)[name], child(base, name));
    }
  }

  std::string file_;
  std::vector<compat_finding> findings_;
};

json read_json(const std::filesystem::path& p) {
  std::ifstream in(p);
  if (!in) throw std::runtime_error("cannot read " + p.string());
  auto doc = json::parse(in, nullptr, false);
  if (doc.is_discarded()) throw std::runtime_error(p.string() + " is not JSON");
  return doc;
}

}  // namespace

std::string compat_finding::to_line() const {
  return file + "#" + pointer + ": " + kind + ": " + detail;
}

std::vector<compat_finding> compare_schemas(const json& released, const json& current,
                                            const std::string& file) {
  comparer c(file);
  c.compare(released, current, "");
  return c.take();
}

std::vector<compat_finding> compare_trees(const std::filesystem::path& released,
                                          const std::filesystem::path& current) {
  namespace fs = std::filesystem;
  if (!fs::is_directory(released)) throw std::runtime_error(released.string() + " is not a directory");
  if (!fs::is_directory(current)) throw std::runtime_error(current.string() + " is not a directory");
  std::vector<fs::path> files;
  for (const auto& e : fs::recursive_directory_iterator(released)) {
    if (e.is_regular_file() && e.path().extension() == ".json") files.push_back(e.path());
  }
  std::sort(files.begin(), files.end());
  std::vector<compat_finding> out;
  for (const auto& f : files) {
    const auto rel = fs::relative(f, released);
    const auto now = current / rel;
    if (!fs::exists(now)) {
      out.push_back({rel.generic_string(), "", "file_removed", "schema file removed"});
      continue;
    }
    auto found = compare_schemas(read_json(f), read_json(now), rel.generic_string());
    out.insert(out.end(), found.begin(), found.end());
  }
  return out;
}

}  // namespace erpc::tools

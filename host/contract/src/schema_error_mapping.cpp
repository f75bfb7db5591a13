#include "schema_error_mapping.hpp"

#include "json_pointer.hpp"

#include <algorithm>
#include <array>
#include <utility>

namespace erpc::contract_detail {
namespace {

struct rule {
  std::string_view prefix;
  std::string_view code;
};

// Leaf failures, by the fixed start of valijson 1.0's description.
constexpr std::array<rule, 17> k_leaf_rules{{
    {"Missing required property", "schema.required"},
    {"Object contains a property that could not be validated", "schema.additional_property"},
    {"Value type not permitted by 'type' constraint", "schema.type"},
    {"Failed to match regex specified by 'pattern' constraint", "schema.pattern"},
    {"Failed to match against any enum values", "schema.enum"},
    {"Failed to match expected value set by 'const' constraint", "schema.const"},
    {"String should be no fewer than", "schema.min_length"},
    {"String should be no more than", "schema.max_length"},
    {"Array should contain no fewer than", "schema.min_items"},
    {"Array should contain no more than", "schema.max_items"},
    {"Object should have no fewer than", "schema.min_properties"},
    {"Object should have no more than", "schema.max_properties"},
    {"Expected number greater than", "schema.minimum"},
    {"Expected number less than", "schema.maximum"},
    {"Value should be a multiple of", "schema.multiple_of"},
    {"Elements at indexes", "schema.unique_items"},
    {"Array contains more items than allowed", "schema.max_items"},
}};

// Summaries valijson adds above a leaf ("item #3 failed"); kept only when nothing else explains
// the failure, as the generic "schema.invalid".
constexpr std::array<std::string_view, 1> k_summary_prefix{{"Failed to validate"}};

// The quoted name at the end of "... property 'x'." or "...: 'x'.".
std::string quoted_name(std::string_view description) {
  const auto end = description.rfind('\'');
  if (end == std::string_view::npos || end == 0) return {};
  const auto begin = description.rfind('\'', end - 1);
  if (begin == std::string_view::npos) return {};
  return std::string(description.substr(begin + 1, end - begin - 1));
}

// Walks the document along valijson's context to build the pointer: a "[7]" token is an index
// when the node there is an array, else a member name.
std::string pointer_of(const std::vector<std::string>& context, const nlohmann::json& document,
                       std::string_view prefix) {
  std::string pointer(prefix);
  const nlohmann::json* node = &document;
  for (const auto& raw : context) {
    if (raw.size() < 2 || raw.front() != '[' || raw.back() != ']') continue;  // "<root>"
    const std::string token = raw.substr(1, raw.size() - 2);
    if (node != nullptr && node->is_array()) {
      pointer = pointer_append(pointer, token);
      std::size_t index = 0;
      bool numeric = !token.empty();
      for (char c : token) {
        if (c < '0' || c > '9') numeric = false;
        else index = index * 10 + static_cast<std::size_t>(c - '0');
      }
      node = numeric && index < node->size() ? &(*node)[index] : nullptr;
    } else {
      pointer = pointer_append(pointer, token);
      if (node != nullptr && node->is_object()) {
        const auto it = node->find(token);
        node = it == node->end() ? nullptr : &*it;
      } else {
        node = nullptr;
      }
    }
  }
  return pointer;
}

}  // namespace

std::vector<field_error> map_schema_failures(const std::vector<schema_failure>& failures,
                                             const nlohmann::json& document,
                                             std::string_view prefix) {
  std::vector<field_error> leaves;
  std::vector<field_error> summaries;
  for (const auto& f : failures) {
    std::string pointer = pointer_of(f.context, document, prefix);
    const auto leaf = std::find_if(k_leaf_rules.begin(), k_leaf_rules.end(), [&](const rule& r) {
      return f.description.starts_with(r.prefix);
    });
    if (leaf != k_leaf_rules.end()) {
      // required and additionalProperties name a member of the node; point at that member.
      if (leaf->code == "schema.required" || leaf->code == "schema.additional_property") {
        pointer = pointer_append(pointer, quoted_name(f.description));
      }
      leaves.push_back({std::move(pointer), std::string(leaf->code), f.description});
      continue;
    }
    const bool summary = std::any_of(k_summary_prefix.begin(), k_summary_prefix.end(),
                                     [&](std::string_view p) { return f.description.starts_with(p); });
    if (summary) {
      summaries.push_back({std::move(pointer), "schema.invalid", f.description});
    } else {
      leaves.push_back({std::move(pointer), "schema.violation", f.description});
    }
  }
  return select_schema_findings(std::move(leaves), std::move(summaries));
}

std::vector<field_error> select_schema_findings(std::vector<field_error> leaves,
                                                std::vector<field_error> summaries) {
  std::vector<field_error> out = leaves.empty() ? std::move(summaries) : std::move(leaves);
  // One finding per field and code: valijson may report a failure once per branch it tried.
  std::vector<field_error> unique;
  for (auto& e : out) {
    const bool seen = std::any_of(unique.begin(), unique.end(), [&](const field_error& u) {
      return u.pointer == e.pointer && u.code == e.code;
    });
    if (!seen) unique.push_back(std::move(e));
  }
  return unique;
}

}  // namespace erpc::contract_detail

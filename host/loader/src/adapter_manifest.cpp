// SPDX-License-Identifier: Apache-2.0
#include <erpc/host/adapter_manifest.hpp>

#include "manifest_schema_text.hpp"
#include "strict_document.hpp"

#include <erpc/error.hpp>

#include <nlohmann/json.hpp>
#include <valijson/adapters/nlohmann_json_adapter.hpp>
#include <valijson/schema.hpp>
#include <valijson/schema_parser.hpp>
#include <valijson/validation_results.hpp>
#include <valijson/validator.hpp>

#include <charconv>
#include <exception>
#include <memory>

namespace erpc {
namespace {

[[noreturn]] void invalid_manifest(const std::string& message) {
  throw error(error_class::configuration, "loader.invalid_manifest", message);
}

std::optional<unsigned> parse_number(std::string_view text) {
  unsigned value = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc{} || end != text.data() + text.size() || text.empty()) return std::nullopt;
  if (text.size() > 1 && text.front() == '0') return std::nullopt;
  return value;
}

std::pair<unsigned, std::optional<unsigned>> parse_version(std::string_view text, bool allow_x) {
  const auto dot = text.find('.');
  if (dot == std::string_view::npos)
    invalid_manifest("contract version '" + std::string(text) + "' is not MAJOR.MINOR");
  const auto major = parse_number(text.substr(0, dot));
  const auto minor_text = text.substr(dot + 1);
  if (!major) invalid_manifest("contract version '" + std::string(text) + "' is not MAJOR.MINOR");
  if (allow_x && minor_text == "x") return {*major, std::nullopt};
  const auto minor = parse_number(minor_text);
  if (!minor) invalid_manifest("contract version '" + std::string(text) + "' is not MAJOR.MINOR");
  return {*major, minor};
}

// valijson's context ["<root>", "[objects]", "[Invoice]", "[0]"] -> "/objects/Invoice/0".
std::string json_pointer(const std::vector<std::string>& context) {
  std::string out;
  for (const auto& part : context) {
    if (part == "<root>") continue;
    std::string token = part;
    if (token.size() >= 2 && token.front() == '[' && token.back() == ']') {
      token = token.substr(1, token.size() - 2);
    }
    if (token.size() >= 2 && token.front() == '"' && token.back() == '"') {
      token = token.substr(1, token.size() - 2);
    }
    std::string escaped;
    for (const char c : token) {
      if (c == '~')
        escaped += "~0";
      else if (c == '/')
        escaped += "~1";
      else
        escaped += c;
    }
    out += "/" + escaped;
  }
  return out;
}

const valijson::Schema& manifest_schema() {
  static const auto schema = [] {
    const auto doc = nlohmann::json::parse(detail::manifest_schema_text());
    auto s = std::make_unique<valijson::Schema>();
    valijson::SchemaParser parser(valijson::SchemaParser::kDraft7);
    parser.populateSchema(valijson::adapters::NlohmannJsonAdapter(doc), *s);
    return s;
  }();
  return *schema;
}

void check_schema(const nlohmann::json& manifest) {
  valijson::Validator validator(valijson::Validator::kStrongTypes);
  valijson::ValidationResults results;
  if (validator.validate(manifest_schema(), valijson::adapters::NlohmannJsonAdapter(manifest),
                         &results)) {
    return;
  }
  // valijson also reports every enclosing schema that failed because a child did; those
  // restate a leaf error at a less precise pointer, so they are dropped when a leaf exists.
  const auto restates_child = [](const std::string& d) {
    return d.rfind("Failed to validate against schema associated with", 0) == 0 ||
           d.rfind("Failed to validate against additional properties schema", 0) == 0 ||
           d.rfind("Failed to validate item #", 0) == 0;
  };
  std::vector<field_error> all;
  std::vector<field_error> leaves;
  valijson::ValidationResults::Error item;
  while (results.popError(item)) {
    field_error f{json_pointer(item.context), "schema", item.description};
    if (!restates_child(item.description)) leaves.push_back(f);
    all.push_back(std::move(f));
  }
  auto fields = leaves.empty() ? std::move(all) : std::move(leaves);
  std::string summary;
  for (const auto& f : fields) {
    if (summary.size() > 400) break;
    summary +=
        (summary.empty() ? "" : "; ") + (f.pointer.empty() ? "/" : f.pointer) + ": " + f.message;
  }
  throw error(error_class::configuration, "loader.invalid_manifest",
              "the manifest does not match schemas/manifest/v1.schema.json: " + summary)
      .with_fields(std::move(fields));
}

void check_config_schema(const nlohmann::json& config_schema) {
  try {
    valijson::Schema schema;
    valijson::SchemaParser parser(valijson::SchemaParser::kDraft7);
    parser.populateSchema(valijson::adapters::NlohmannJsonAdapter(config_schema), schema);
  } catch (const std::exception& e) {
    throw error(error_class::configuration, "loader.invalid_manifest",
                std::string("config_schema is not a usable draft-07 JSON schema: ") + e.what())
        .with_field("/config_schema", "schema.invalid", e.what());
  }
}

}  // namespace

contract_range contract_range::parse(std::string_view min, std::string_view max) {
  contract_range range;
  const auto low = parse_version(min, false);
  const auto high = parse_version(max, true);
  range.min_major = low.first;
  range.min_minor = *low.second;
  range.max_major = high.first;
  range.max_minor = high.second;
  const bool ordered = range.min_major < range.max_major ||
                       (range.min_major == range.max_major &&
                        (!range.max_minor || range.min_minor <= *range.max_minor));
  if (!ordered) {
    throw error(error_class::configuration, "loader.invalid_manifest",
                "contract range " + range.to_string() + " is empty (min above max)")
        .with_field("/contract", "contract.empty_range", "min is above max");
  }
  return range;
}

bool contract_range::includes(unsigned major, unsigned minor) const noexcept {
  const bool above_min = major > min_major || (major == min_major && minor >= min_minor);
  const bool below_max =
      major < max_major || (major == max_major && (!max_minor || minor <= *max_minor));
  return above_min && below_max;
}

std::string contract_range::to_string() const {
  return std::to_string(min_major) + "." + std::to_string(min_minor) + "–" +
         std::to_string(max_major) + "." + (max_minor ? std::to_string(*max_minor) : "x");
}

void validate_adapter_manifest(const nlohmann::json& manifest, std::string_view entry_adapter_id) {
  check_schema(manifest);
  const auto id = manifest.at("id").get<std::string>();
  if (id != entry_adapter_id) {
    throw error(error_class::configuration, "loader.invalid_manifest",
                "the manifest's id '" + id + "' differs from the entry's adapter_id '" +
                    std::string(entry_adapter_id) + "'")
        .with_field("/id", "manifest.id_mismatch", "differs from erpc_adapter_entry.adapter_id");
  }
  const auto& contract = manifest.at("contract");
  const auto range = contract_range::parse(contract.at("min").get<std::string>(),
                                           contract.at("max").get<std::string>());
  const auto host = parse_version(host_contract_version, false);
  if (!range.includes(host.first, *host.second)) {
    throw error(error_class::configuration, "loader.contract_unsupported",
                "adapter '" + id + "' speaks contract " + range.to_string() +
                    ", this host serves contract " + std::string(host_contract_version) + "–" +
                    std::string(host_contract_version))
        .with_field("/contract", "contract.unsupported", "no version in common with the host");
  }
  check_config_schema(manifest.at("config_schema"));
}

nlohmann::json parse_adapter_manifest(std::string_view text, std::string_view entry_adapter_id,
                                      std::size_t max_bytes) {
  auto manifest =
      detail::parse_strict_document(text, max_bytes, "loader.invalid_manifest", "the manifest");
  validate_adapter_manifest(manifest, entry_adapter_id);
  return manifest;
}

}  // namespace erpc

// SPDX-License-Identifier: Apache-2.0
// The adapter manifest (docs/abi.md "Manifest"): strict parsing, validation against
// schemas/manifest/v1.schema.json, and the rules a schema cannot express.
#pragma once

#include <nlohmann/json_fwd.hpp>

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace erpc {

// The canonical contract version this host serves (schemas/v1). One constant, so the
// negotiation and its messages cannot disagree.
inline constexpr std::string_view host_contract_version = "1.0";

// An inclusive range of contract versions "MAJOR.MINOR"; max_minor empty means "MAJOR.x".
struct contract_range {
  unsigned min_major = 0;
  unsigned min_minor = 0;
  unsigned max_major = 0;
  std::optional<unsigned> max_minor;

  // Throws loader.invalid_manifest when min/max are malformed or min > max.
  static contract_range parse(std::string_view min, std::string_view max);
  bool includes(unsigned major, unsigned minor) const noexcept;
  std::string to_string() const;  // "1.0–1.x"
};

// Parses manifest text (strict JSON: no duplicate keys, depth <= 64, at most max_bytes,
// integers only) and validates it. Throws erpc::error (class CONFIGURATION):
//   loader.invalid_manifest      not JSON, schema violation (field errors carry JSON pointers),
//                                id differs from the entry's adapter_id, config_schema is not a
//                                usable draft-07 schema
//   loader.contract_unsupported  the contract range excludes host_contract_version
nlohmann::json parse_adapter_manifest(std::string_view text, std::string_view entry_adapter_id,
                                      std::size_t max_bytes);

// The validation half of parse_adapter_manifest, for a document already parsed.
void validate_adapter_manifest(const nlohmann::json& manifest, std::string_view entry_adapter_id);

}  // namespace erpc

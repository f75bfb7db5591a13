// SPDX-License-Identifier: Apache-2.0
// The part of an OData v2 EDMX document the simulator needs: entity sets, their entity types,
// keys, properties (EDM type, MaxLength, Precision/Scale, Nullable, sap:creatable,
// sap:updatable) and navigation property names. Parsed once, read-only afterwards.
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace erpc::sim::sap {

enum class edm_kind {
  string,
  decimal,
  date_time,         // Edm.DateTime: "/Date(ms)/" in v2 JSON
  date_time_offset,  // Edm.DateTimeOffset: "/Date(ms+0000)/"
  time,              // Edm.Time: "PT12H30M00S"
  boolean,
  guid,
  integer,  // Edm.Byte, Edm.Int16, Edm.Int32 (JSON number); Edm.Int64 is a string in v2
  other,
};

struct edm_property {
  std::string name;
  std::string type_name;  // as written, e.g. "Edm.Decimal"
  edm_kind kind = edm_kind::other;
  int max_length = 0;  // 0: no limit
  int precision = 0;
  int scale = 0;
  bool nullable = true;
  bool creatable = true;
  bool updatable = true;
};

struct edm_entity_type {
  std::string name;
  std::vector<std::string> keys;
  std::vector<edm_property> properties;  // document order
  std::vector<std::string> navigations;

  const edm_property* property(std::string_view name) const noexcept;
  bool has_navigation(std::string_view name) const noexcept;
};

class edm_model {
 public:
  // Throws std::runtime_error when the text is not an EDMX document with one schema.
  static edm_model parse(std::string_view edmx);

  const std::string& schema_namespace() const noexcept { return namespace_; }
  // nullptr when the service has no such entity set.
  const edm_entity_type* entity_set(std::string_view set_name) const noexcept;
  std::vector<std::string> entity_set_names() const;

 private:
  std::string namespace_;
  std::map<std::string, edm_entity_type, std::less<>> types_;      // by type name
  std::map<std::string, std::string, std::less<>> set_to_type_;  // set name → type name
};

}  // namespace erpc::sim::sap

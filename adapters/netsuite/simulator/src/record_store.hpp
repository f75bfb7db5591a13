// SPDX-License-Identifier: Apache-2.0
// The simulated account's records: internal ids, externalId unique per record type
// (vendors.md §1.2), fields with exact decimals (exact_json.hpp). Not thread-safe: the
// simulator holds its lock around every use.
#pragma once

#include <nlohmann/json.hpp>

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace erpc::sim::netsuite {

struct ns_record {
  std::string type;         // canonical: "vendorBill"
  std::string id;           // internal id, decimal digits
  std::string external_id;  // "" when none
  nlohmann::json fields;    // as written, without id/externalId/links
};

class record_store {
 public:
  // The canonical spelling of a record type, matched case-insensitively (vendors.md §1.1:
  // Oracle writes both vendorBill and vendorbill); nullopt for a type the simulator lacks.
  static std::optional<std::string> canonical_type(std::string_view name);
  static const std::vector<std::string>& types();

  // `ref` is an internal id or "eid:<externalId>" (§1.2).
  ns_record* find(const std::string& type, std::string_view ref);
  ns_record* find_by_external_id(const std::string& type, std::string_view external_id);
  ns_record& create(const std::string& type, std::string external_id, nlohmann::json fields);
  std::vector<const ns_record*> list(const std::string& type) const;  // by internal id
  void clear();

 private:
  std::uint64_t next_id_ = 100;
  std::map<std::string, std::map<std::uint64_t, ns_record>> by_type_;
  std::map<std::string, std::map<std::string, std::uint64_t>> by_external_id_;
};

}  // namespace erpc::sim::netsuite

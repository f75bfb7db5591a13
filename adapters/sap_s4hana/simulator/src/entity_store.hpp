// SPDX-License-Identifier: Apache-2.0
// The simulator's records: one table per entity set, rows keyed by the canonical OData key
// predicate ("('1000001')", "(SupplierInvoice='5105600001',FiscalYear='2026')") and holding
// kept values (odata_values.hpp: strings, decimal text, "/Date(ms)/", booleans — never a
// double). Also the number ranges that hand out document numbers. Not thread-safe: the
// simulator holds its state mutex around every use.
#pragma once

#include "edm_model.hpp"

#include <nlohmann/json.hpp>

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace erpc::sim::sap {

using key_values = std::vector<std::pair<std::string, std::string>>;  // in EDMX key order

// "('v')" for a single key, "(A='x',B='y')" otherwise; quotes inside values doubled.
std::string key_predicate(const edm_entity_type& type, const nlohmann::json& record);
// The key values of `record` joined by '/', e.g. "5105600001/2026" (the effects' vendor id).
std::string key_text(const edm_entity_type& type, const nlohmann::json& record);
// Parses "('v')" or "(A='x',B='y')" against the type's keys into the canonical predicate;
// nullopt when it does not name every key exactly once.
std::optional<std::string> canonical_predicate(const edm_entity_type& type,
                                               std::string_view predicate);

class entity_store {
 public:
  using table = std::map<std::string, nlohmann::json>;

  const table& rows(std::string_view set) const;
  nlohmann::json* find(std::string_view set, const std::string& predicate);
  void put(std::string_view set, std::string predicate, nlohmann::json record);
  // The next number of a number range, starting after `first - 1`.
  std::uint64_t next_number(std::string_view range, std::uint64_t first);
  void clear();

 private:
  std::map<std::string, table, std::less<>> tables_;
  std::map<std::string, std::uint64_t, std::less<>> ranges_;
};

}  // namespace erpc::sim::sap

// SPDX-License-Identifier: Apache-2.0
// The data entities the simulator keeps (vendors.md §5.1) and the rules of a create:
//   VendorsV2              key dataAreaId + VendorAccountNumber         effects: VendTable
//   VendorInvoiceHeaders   key dataAreaId + HeaderReference (number sequence; unconfirmed)
//                          "check invoice number used" on InvoiceAccount + InvoiceNumber
//                                                                       effects: VendInvoiceInfoTable
//   VendorInvoiceLines     key dataAreaId + HeaderReference + LineNumber; TaxAmount computed
//                                                                       effects: VendInvoiceInfoLine
//   LedgerJournalHeaders   key dataAreaId + JournalBatchNumber (number sequence: a new number on
//                          every POST)                                  effects: LedgerJournalTable
//   LedgerJournalLines     key dataAreaId + JournalBatchNumber + LineNumber
//                                                                       effects: LedgerJournalTrans
// A key that exists, a related record that does not, a missing mandatory field: HTTP 500 with
// the Infolog text (§5.3), thrown as fo_refusal. Not thread-safe: the simulator holds its mutex.
#pragma once

#include "fo_odata_error.hpp"

#include <erpc/sim/effects_log.hpp>
#include <erpc/sim/simulator_settings.hpp>

#include <nlohmann/json.hpp>

#include <cstdint>
#include <map>
#include <string>
#include <vector>

namespace erpc::sim::fo {

struct entity_definition {
  std::string entity_set;            // VendorsV2
  std::string entity_type;           // VendVendorV2Entity (Infolog messages)
  std::string table;                 // Vendors (VendTable) (Infolog messages)
  std::vector<std::string> key;      // dataAreaId first
  std::string record_type;           // effects log
  std::string sequence_field;        // assigned from a number sequence on POST ("" = none)
};

const std::vector<entity_definition>& entity_definitions();
const entity_definition* find_definition(const std::string& entity_set);

// A key value as text: strings as they are, numbers as written (LineNumber 1 → "1").
std::string key_text(const nlohmann::json& value);

class data_entities {
 public:
  data_entities(simulator_settings& settings, effects_log& effects)
      : settings_(settings), effects_(effects) {}

  // Every row of an entity set in entry order.
  const std::vector<nlohmann::json>& rows(const std::string& entity_set) const;
  // The row with exactly this full key; nullptr when none.
  const nlohmann::json* find(const entity_definition& def,
                             const std::map<std::string, std::string>& key) const;
  // POST /data/<EntitySet>: the created row. Throws fo_refusal.
  const nlohmann::json& create(const entity_definition& def, nlohmann::json body);
  void clear();

 private:
  void validate(const entity_definition& def, nlohmann::json& row) const;
  std::string next_number(const entity_definition& def, const std::string& prefix);

  simulator_settings& settings_;
  effects_log& effects_;
  std::map<std::string, std::vector<nlohmann::json>> rows_;
  std::map<std::string, std::uint64_t> sequences_;
};

}  // namespace erpc::sim::fo

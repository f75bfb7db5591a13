// SPDX-License-Identifier: Apache-2.0
// The MM/LIV duplicate-invoice check (vendors.md §2.3; BANKING.md "Vendor duplicate semantics",
// SAP) as the simulator runs it on every new A_SupplierInvoice:
//   - only when the reference (SupplierInvoiceIDByInvcgParty) is filled, and — with
//     requires_supplier_flag — the supplier's A_SupplierCompany has IsToBeCheckedForDuplicates;
//   - not for credit memos (skips_credit_memos), and a credit memo is only compared with
//     credit memos, an invoice with invoices;
//   - an earlier invoice of the same supplier and reference is a duplicate when the enabled
//     criteria agree: company code, currency, gross amount (by value: 100.0 = 100.00), document
//     date;
//   - reversed invoices and reversal documents do not count (ignores_reversed); parked and held
//     ones do (counts_parked).
#pragma once

#include "entity_store.hpp"

#include <erpc/sim/simulator_settings.hpp>

#include <nlohmann/json.hpp>

#include <optional>

namespace erpc::sim::sap {

struct duplicate_check_rules {
  bool enabled = true;
  bool requires_supplier_flag = true;
  bool compare_amount = true;
  bool compare_currency = true;
  bool compare_company_code = true;
  bool compare_document_date = true;
  bool skips_credit_memos = true;
  bool ignores_reversed = true;
  bool counts_parked = true;

  static duplicate_check_rules from(const simulator_settings& settings);
};

// Invoice statuses the simulator uses (SupplierInvoiceStatus, the RBSTAT values).
inline constexpr const char* status_posted = "5";
inline constexpr const char* status_parked = "A";
inline constexpr const char* status_held = "D";

// The earlier invoice `invoice` duplicates, or nullopt — also when the check does not run.
std::optional<nlohmann::json> find_duplicate_invoice(const nlohmann::json& invoice,
                                                     const entity_store& store,
                                                     const duplicate_check_rules& rules);

}  // namespace erpc::sim::sap

// SPDX-License-Identifier: Apache-2.0
// Payment (outbound) ↔ a Business Central vendor payment journal posting (vendors.md §4.1
// vendorPayment: vendorId/vendorNumber, postingDate, documentNumber, externalDocumentNumber,
// amount, appliesToInvoiceId/appliesToInvoiceNumber, description; BANKING.md "The
// pay-and-settle flow" step 1: recorded against the payments-in-transit account, applied to the
// invoices it pays). One vendor payment line per application (its amount applied to that
// invoice); without applications one unapplied line. The batch's balancingAccountNumber is the
// payment's clearing_account. A vendorPayment applies to invoices only and carries no discount,
// withholding, short payment or currency: those are refused UNSUPPORTED with their pointer.
#pragma once

#include "bc_config.hpp"

#include <erpc/decimal.hpp>

#include <nlohmann/json.hpp>

#include <string>
#include <vector>

namespace erpc::bc {

struct payment_plan {
  std::string vendor_id;          // from creditor.external_refs.business_central
  std::string vendor_number;      // from creditor.number
  std::string balancing_account;  // the clearing (payments-in-transit) G/L account, BC's number
  std::string posting_date;
  decimal amount;
  // vendorPayments lines (lineNumber, postingDate, documentNumber, amount, …); the vendor and
  // the applied invoice's id are filled by payment_create once resolved.
  nlohmann::json lines = nlohmann::json::array();
  // Per line: the BC id of the invoice it applies to, or "" with the supplier's invoice number
  // to look the posted purchase invoice up by (vendorInvoiceNumber).
  struct application_target {
    std::string invoice_id;
    std::string invoice_number;
    bool bc_number = false;  // invoice_number is BC's posted number (document.number), not the supplier's
    std::string pointer;  // /applications/i
  };
  std::vector<application_target> targets;  // one per line; empty target: unapplied
};

payment_plan payment_to_vendor(const nlohmann::json& payload, const connection_config& config,
                               const std::string& document_number);

// The G/L entries of a posted vendor payment → a Payment (amount, date, clearing account).
nlohmann::json payment_from_ledger(const nlohmann::json& entries, const std::string& document_number,
                                   const connection_config& config);

}  // namespace erpc::bc

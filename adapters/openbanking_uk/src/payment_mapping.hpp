// SPDX-License-Identifier: Apache-2.0
// Canonical Payment ⇄ UK Open Banking domestic payment (v3.1.11, vendors.md §8.1), and the OB
// payment status → canonical PaymentStatus (BANKING.md "Lifecycle").
//
// Which operation carries the status: `status` on Payment (the contract's op for it; the host
// validates its result as a PaymentStatus, host/runtime execute_checks). The canonical Payment
// has no status member (schemas/v1/payment.schema.json, additionalProperties false): `get`
// returns the instruction as the bank holds it, `status` the bank's current status of it as a
// PaymentStatus report, as a pain.002 would be.
#pragma once

#include "ob_config.hpp"

#include <nlohmann/json.hpp>

#include <string>

namespace erpc::openbanking {

inline constexpr const char* system_name = "openbanking_uk";
inline constexpr const char* consent_ref = "openbanking_uk_consent";  // external_refs member

// OBWriteDomestic2Data Initiation for a canonical outbound payment. The idempotency key gives
// InstructionIdentification / EndToEndIdentification when the payload's references name none.
// Throws VALIDATION (openbanking_uk.payment_invalid) / UNSUPPORTED
// (openbanking_uk.payment_unsupported) with a field error per problem.
nlohmann::json initiation_from_payment(const nlohmann::json& payment, const std::string& key,
                                       const connection_config& config);

// OBRisk1 for the connection: {"PaymentContextCode": …}.
nlohmann::json risk_for(const connection_config& config);

// OBWriteDomesticResponse5 Data → canonical Payment.
nlohmann::json payment_from_ob(const nlohmann::json& data);

// OBWriteDomesticResponse5 Data → canonical PaymentStatus (level transaction).
nlohmann::json status_from_ob(const nlohmann::json& data);

// OB payment status → canonical state and the ISO 20022 code it stands for; nullopt: unknown.
struct mapped_status {
  const char* state;
  const char* iso;
};
std::optional<mapped_status> map_status(std::string_view ob_status);

// OB JSON path (Data.Initiation.…) → pointer into `payment` ("" when it names nothing there).
std::string payment_pointer(const std::string& ob_path, const nlohmann::json& payment);

// OB ISODateTime → RFC 3339 UTC with Z; "" when it is not UTC or not recognisable.
std::string utc_instant(const std::string& ob_time);

}  // namespace erpc::openbanking

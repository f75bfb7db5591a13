// SPDX-License-Identifier: Apache-2.0
// The JSON members of payment.hpp (amounts as strings); json_members.hpp turns them into
// to_json/from_json.
#pragma once

#include <erpc/contract/common_types_json.hpp>
#include <erpc/contract/payment.hpp>
#include <erpc/contract/json_io.hpp>
#include <erpc/contract/json_members.hpp>

#include <nlohmann/json.hpp>

#include <tuple>

namespace erpc::contract {

constexpr auto json_members(const payment_fx*) {
  return std::tuple{json_io::member("rate", &payment_fx::rate),
                    json_io::member("source_currency", &payment_fx::source_currency),
                    json_io::member("target_currency", &payment_fx::target_currency),
                    json_io::member("contract_id", &payment_fx::contract_id)};
}

constexpr auto json_members(const short_payment*) {
  return std::tuple{json_io::member("amount", &short_payment::amount),
                    json_io::member("reason_code", &short_payment::reason_code),
                    json_io::member("reason", &short_payment::reason)};
}

constexpr auto json_members(const payment_application*) {
  return std::tuple{json_io::member("document_type", &payment_application::document_type),
                    json_io::member("document", &payment_application::document),
                    json_io::member("invoice_number", &payment_application::invoice_number),
                    json_io::member("amount", &payment_application::amount),
                    json_io::member("discount_taken", &payment_application::discount_taken),
                    json_io::member("withholding", &payment_application::withholding),
                    json_io::member("short_payment", &payment_application::short_payment)};
}

constexpr auto json_members(const payment*) {
  return std::tuple{json_io::member("id", &payment::id),
                    json_io::member("external_refs", &payment::external_refs),
                    json_io::member("source", &payment::source),
                    json_io::member("legal_entity", &payment::legal_entity),
                    json_io::member("direction", &payment::direction),
                    json_io::member("method", &payment::method),
                    json_io::member("document_number", &payment::document_number),
                    json_io::member("amount", &payment::amount),
                    json_io::member("debit_amount", &payment::debit_amount),
                    json_io::member("fx", &payment::fx),
                    json_io::member("requested_execution_date", &payment::requested_execution_date),
                    json_io::member("value_date", &payment::value_date),
                    json_io::member("debtor", &payment::debtor),
                    json_io::member("debtor_account", &payment::debtor_account),
                    json_io::member("creditor", &payment::creditor),
                    json_io::member("creditor_account", &payment::creditor_account),
                    json_io::member("ultimate_debtor", &payment::ultimate_debtor),
                    json_io::member("ultimate_creditor", &payment::ultimate_creditor),
                    json_io::member("charge_bearer", &payment::charge_bearer),
                    json_io::member("references", &payment::references),
                    json_io::member("remittance", &payment::remittance),
                    json_io::member("purpose_code", &payment::purpose_code),
                    json_io::member("category_purpose", &payment::category_purpose),
                    json_io::member("clearing_account", &payment::clearing_account),
                    json_io::member_omitted_when_empty("applications", &payment::applications),
                    json_io::member("notes", &payment::notes),
                    json_io::member("created_at", &payment::created_at),
                    json_io::member("updated_at", &payment::updated_at),
                    json_io::member("etag", &payment::etag)};
}

}  // namespace erpc::contract

// SPDX-License-Identifier: Apache-2.0
// The JSON members of common_types.hpp (amounts as strings); json_members.hpp turns them into
// to_json/from_json.
#pragma once

#include <erpc/contract/common_types.hpp>
#include <erpc/contract/json_io.hpp>
#include <erpc/contract/json_members.hpp>

#include <nlohmann/json.hpp>

#include <tuple>

namespace erpc::contract {

constexpr auto json_members(const postal_address*) {
  return std::tuple{
      json_io::member("street_name", &postal_address::street_name),
      json_io::member("building_number", &postal_address::building_number),
      json_io::member("postal_code", &postal_address::postal_code),
      json_io::member("town_name", &postal_address::town_name),
      json_io::member("country_sub_division", &postal_address::country_sub_division),
      json_io::member("country", &postal_address::country),
      json_io::member_omitted_when_empty("address_lines", &postal_address::address_lines)};
}

constexpr auto json_members(const organisation_id*) {
  return std::tuple{json_io::member("id", &organisation_id::id),
                    json_io::member("scheme", &organisation_id::scheme),
                    json_io::member("issuer", &organisation_id::issuer)};
}

constexpr auto json_members(const party*) {
  return std::tuple{json_io::member("id", &party::id),
                    json_io::member("number", &party::number),
                    json_io::member("name", &party::name),
                    json_io::member("tax_id", &party::tax_id),
                    json_io::member("lei", &party::lei),
                    json_io::member("organisation_id", &party::organisation_id),
                    json_io::member("postal_address", &party::postal_address),
                    json_io::member_omitted_when_empty("external_refs", &party::external_refs)};
}

constexpr auto json_members(const other_account_id*) {
  return std::tuple{json_io::member("id", &other_account_id::id),
                    json_io::member("scheme", &other_account_id::scheme)};
}

constexpr auto json_members(const bank_account*) {
  return std::tuple{json_io::member("iban", &bank_account::iban),
                    json_io::member("other", &bank_account::other),
                    json_io::member("bic", &bank_account::bic),
                    json_io::member("currency", &bank_account::currency),
                    json_io::member("name", &bank_account::name),
                    json_io::member("bank_name", &bank_account::bank_name)};
}

constexpr auto json_members(const payment_terms*) {
  return std::tuple{json_io::member("code", &payment_terms::code),
                    json_io::member("net_days", &payment_terms::net_days),
                    json_io::member("discount_percent", &payment_terms::discount_percent),
                    json_io::member("discount_days", &payment_terms::discount_days),
                    json_io::member("discount_date", &payment_terms::discount_date),
                    json_io::member("description", &payment_terms::description)};
}

constexpr auto json_members(const creditor_reference*) {
  return std::tuple{json_io::member("type", &creditor_reference::type),
                    json_io::member("issuer", &creditor_reference::issuer),
                    json_io::member("reference", &creditor_reference::reference)};
}

constexpr auto json_members(const referred_document*) {
  return std::tuple{json_io::member("type", &referred_document::type),
                    json_io::member("number", &referred_document::number),
                    json_io::member("date", &referred_document::date),
                    json_io::member("amount", &referred_document::amount)};
}

constexpr auto json_members(const structured_remittance*) {
  return std::tuple{
      json_io::member("creditor_reference", &structured_remittance::creditor_reference),
      json_io::member_omitted_when_empty("referred_documents",
                                         &structured_remittance::referred_documents),
      json_io::member("additional_information", &structured_remittance::additional_information)};
}

constexpr auto json_members(const remittance*) {
  return std::tuple{json_io::member("unstructured", &remittance::unstructured),
                    json_io::member("structured", &remittance::structured)};
}

constexpr auto json_members(const payment_references*) {
  return std::tuple{
      json_io::member("message_id", &payment_references::message_id),
      json_io::member("payment_information_id", &payment_references::payment_information_id),
      json_io::member("instruction_id", &payment_references::instruction_id),
      json_io::member("end_to_end_id", &payment_references::end_to_end_id),
      json_io::member("uetr", &payment_references::uetr)};
}

constexpr auto json_members(const document_ref*) {
  return std::tuple{
      json_io::member("id", &document_ref::id), json_io::member("number", &document_ref::number),
      json_io::member_omitted_when_empty("external_refs", &document_ref::external_refs)};
}

constexpr auto json_members(const source_ref*) {
  return std::tuple{json_io::member("system", &source_ref::system),
                    json_io::member("id", &source_ref::id),
                    json_io::member("uri", &source_ref::uri),
                    json_io::member("received_at", &source_ref::received_at)};
}

}  // namespace erpc::contract

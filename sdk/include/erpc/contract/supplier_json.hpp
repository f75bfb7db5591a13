// SPDX-License-Identifier: Apache-2.0
// The JSON members of supplier.hpp (amounts as strings); json_members.hpp turns them into
// to_json/from_json.
#pragma once

#include <erpc/contract/common_types_json.hpp>
#include <erpc/contract/supplier.hpp>
#include <erpc/contract/json_io.hpp>
#include <erpc/contract/json_members.hpp>

#include <nlohmann/json.hpp>

#include <tuple>

namespace erpc::contract {

constexpr auto json_members(const supplier*) {
  return std::tuple{json_io::member("id", &supplier::id),
                    json_io::member("external_refs", &supplier::external_refs),
                    json_io::member("source", &supplier::source),
                    json_io::member("legal_entity", &supplier::legal_entity),
                    json_io::member("number", &supplier::number),
                    json_io::member("name", &supplier::name),
                    json_io::member("tax_id", &supplier::tax_id),
                    json_io::member("country", &supplier::country),
                    json_io::member("postal_address", &supplier::postal_address),
                    json_io::member("email", &supplier::email),
                    json_io::member("default_currency", &supplier::default_currency),
                    json_io::member("payment_terms", &supplier::payment_terms),
                    json_io::member_omitted_when_empty("bank_accounts", &supplier::bank_accounts),
                    json_io::member("status", &supplier::status),
                    json_io::member("payment_block", &supplier::payment_block),
                    json_io::member("notes", &supplier::notes),
                    json_io::member("created_at", &supplier::created_at),
                    json_io::member("updated_at", &supplier::updated_at),
                    json_io::member("etag", &supplier::etag)};
}

}  // namespace erpc::contract

// SPDX-License-Identifier: Apache-2.0
// OData v2 value forms (vendors.md §2.1, §2.5): Edm.DateTime written as "YYYY-MM-DDT00:00:00"
// and read as "/Date(ms)/"; Edm.Decimal as a JSON string, never a number; string literals in
// $filter with '' for a quote; verbose JSON answers {"d": …} and {"d": {"results": […]}}.
#pragma once

#include "gateway_errors.hpp"

#include <erpc/decimal.hpp>
#include <erpc/http_client.hpp>

#include <nlohmann/json.hpp>

#include <optional>
#include <string>
#include <string_view>

namespace erpc::sap::odata {

// "2026-03-01" → "2026-03-01T00:00:00"; nullopt unless the input is a valid calendar date.
std::optional<std::string> datetime_from_date(std::string_view date);
// "/Date(1772323200000)/", "/Date(…+0000)/" or "2026-03-01T00:00:00" → "2026-03-01" (UTC);
// nullopt when the value is none of these.
std::optional<std::string> date_from_datetime(const nlohmann::json& value);

// An Edm.Decimal read back (a string, or an exact number) as a decimal; nullopt when absent,
// empty or not a decimal.
std::optional<decimal> decimal_of(const nlohmann::json& value);
// Decimal text with trailing zeros cut ("1000.00" → "1000"), for comparisons.
nlohmann::json normalized_decimal(const nlohmann::json& value);

// A $filter string literal: 'text' with every ' doubled.
std::string literal(std::string_view text);

// The entity of a single-entity answer ({"d": {…}}); INTERNAL sap.malformed_response otherwise.
nlohmann::json entity_of(const http_response& res, call_kind kind);

struct page {
  nlohmann::json results = nlohmann::json::array();
  std::string next;  // __next, empty at the end
};
page collection_of(const http_response& res);

}  // namespace erpc::sap::odata

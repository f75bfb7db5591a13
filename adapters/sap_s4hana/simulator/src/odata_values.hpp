// SPDX-License-Identifier: Apache-2.0
// OData v2 JSON values (vendors.md §2.1, §2.5): what a client may send for a property of each
// EDM type, and the one form the simulator keeps and answers with.
//   Edm.DateTime        in: "/Date(ms)/" or "2026-03-01T00:00:00[.fff]"   kept: "/Date(ms)/"
//   Edm.DateTimeOffset  in: "/Date(ms[+-]hhmm)/" or ISO with Z/offset     kept: "/Date(ms+0000)/"
//   Edm.Decimal         in: a JSON string "1000.00" (a JSON number is refused: v2 JSON carries
//                           decimals as strings, and a number would have gone through double)
//                       kept: the decimal text as written; precision/scale of the EDMX enforced
//   Edm.String          in: a string, at most MaxLength characters (code points)
//   Edm.Boolean         in: true/false
// A record therefore never holds a double. Refusals throw gateway_error 400.
#pragma once

#include "edm_model.hpp"

#include <erpc/decimal.hpp>

#include <nlohmann/json.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace erpc::sim::sap {

// What happens to a string longer than its MaxLength (setting sap.odata.overlong_strings).
enum class overlong_policy { reject, truncate };

// The value to keep for `property` given the client's `value`; `entity` names the entity set
// in messages. Throws gateway_error.
nlohmann::json accept_property_value(const edm_property& property, const nlohmann::json& value,
                                     std::string_view entity, overlong_policy overlong);

// The answer for a property the record does not hold: "" for strings, "0"-with-scale for
// decimals, false for booleans, null otherwise — what Gateway shows for initial ABAP fields.
nlohmann::json initial_value(const edm_property& property);

// "/Date(1772323200000)/" ↔ milliseconds since 1970-01-01 UTC.
std::string odata_date(std::int64_t ms);
std::string odata_date_offset(std::int64_t ms);
// Today (UTC midnight) as an Edm.DateTime value.
std::string today_odata_date();
// Milliseconds of a kept or sent date: "/Date(ms)/", "/Date(ms+hhmm)/", or ISO 8601
// "YYYY-MM-DDThh:mm:ss[.fff][Z|±hh:mm]" (with `allow_zone`). nullopt when malformed.
std::optional<std::int64_t> parse_date_millis(std::string_view text, bool allow_zone);
// Days since 1970-01-01 of a proleptic Gregorian date; and the year of an epoch-ms instant.
std::int64_t days_from_civil(int year, unsigned month, unsigned day) noexcept;
int year_of_millis(std::int64_t ms) noexcept;

// The decimal a kept Edm.Decimal value holds (nullopt for null or malformed).
std::optional<decimal> decimal_value(const nlohmann::json& kept);

// UTF-8 code points in `text`.
std::size_t utf8_length(std::string_view text) noexcept;

}  // namespace erpc::sim::sap

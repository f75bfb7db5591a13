// SPDX-License-Identifier: Apache-2.0
#include "odata_values.hpp"

#include <erpc/adapters/exact_json.hpp>

#include <charconv>
#include <cstdio>

namespace erpc::sap::odata {

namespace {

// Howard Hinnant's civil_from_days (public domain algorithm).
std::string civil_from_days(std::int64_t z) {
  z += 719468;
  const std::int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  const auto doe = static_cast<unsigned>(z - era * 146097);
  const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const std::int64_t y = static_cast<std::int64_t>(yoe) + era * 400;
  const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const unsigned mp = (5 * doy + 2) / 153;
  const unsigned d = doy - (153 * mp + 2) / 5 + 1;
  const unsigned m = mp < 10 ? mp + 3 : mp - 9;
  char out[32];
  std::snprintf(out, sizeof out, "%04lld-%02u-%02u", static_cast<long long>(y + (m <= 2)), m % 100,
                d % 100);
  return out;
}

bool digits(std::string_view s) {
  if (s.empty()) return false;
  for (const char c : s) {
    if (c < '0' || c > '9') return false;
  }
  return true;
}

bool valid_date(std::string_view date) {
  if (date.size() != 10 || date[4] != '-' || date[7] != '-') return false;
  if (!digits(date.substr(0, 4)) || !digits(date.substr(5, 2)) || !digits(date.substr(8, 2))) {
    return false;
  }
  const int y = std::stoi(std::string(date.substr(0, 4)));
  const int m = std::stoi(std::string(date.substr(5, 2)));
  const int d = std::stoi(std::string(date.substr(8, 2)));
  if (m < 1 || m > 12 || d < 1) return false;
  static constexpr int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  const bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
  return d <= days[m - 1] + (m == 2 && leap ? 1 : 0);
}

}  // namespace

std::optional<std::string> datetime_from_date(std::string_view date) {
  if (!valid_date(date)) return std::nullopt;
  return std::string(date) + "T00:00:00";
}

std::optional<std::string> date_from_datetime(const nlohmann::json& value) {
  if (!value.is_string()) return std::nullopt;
  const auto text = value.get<std::string>();
  if (text.rfind("/Date(", 0) == 0 && text.size() > 8 && text.substr(text.size() - 2) == ")/") {
    auto inner = std::string_view(text).substr(6, text.size() - 8);
    // "/Date(ms+0000)/" (DateTimeOffset): the offset is informational; ms is UTC.
    if (const auto sign = inner.find_first_of("+-", 1); sign != std::string_view::npos) {
      inner = inner.substr(0, sign);
    }
    std::int64_t ms = 0;
    const auto [end, ec] = std::from_chars(inner.data(), inner.data() + inner.size(), ms);
    if (ec != std::errc() || end != inner.data() + inner.size()) return std::nullopt;
    // Only instants whose date has a four-digit year (0001-01-01 … 9999-12-31) are dates a
    // canonical document can carry; anything else is an answer the adapter cannot read
    // (found by fuzz/sap_vendor_responses: /Date(177232320000200000)/ gave a six-digit year).
    constexpr std::int64_t first_ms = -62'135'596'800'000;  // 0001-01-01T00:00:00Z
    constexpr std::int64_t last_ms = 253'402'300'799'999;   // 9999-12-31T23:59:59.999Z
    if (ms < first_ms || ms > last_ms) return std::nullopt;
    std::int64_t days = ms / 86'400'000;
    if (ms % 86'400'000 < 0) --days;
    return civil_from_days(days);
  }
  if (text.size() >= 10 && valid_date(std::string_view(text).substr(0, 10)) &&
      (text.size() == 10 || text[10] == 'T')) {
    return text.substr(0, 10);
  }
  return std::nullopt;
}

std::optional<decimal> decimal_of(const nlohmann::json& value) {
  if (value.is_string()) {
    const auto text = value.get<std::string>();
    if (text.empty()) return std::nullopt;
    return decimal::parse(text);
  }
  if (adapters::is_decimal(value) || value.is_number_integer()) return adapters::to_decimal(value);
  return std::nullopt;
}

nlohmann::json normalized_decimal(const nlohmann::json& value) {
  const auto d = decimal_of(value);
  if (!d) return nullptr;
  return d->normalized().to_string();
}

std::string literal(std::string_view text) {
  std::string out = "'";
  for (const char c : text) {
    out += c;
    if (c == '\'') out += '\'';
  }
  return out + "'";
}

nlohmann::json entity_of(const http_response& res, call_kind kind) {
  nlohmann::json doc;
  try {
    doc = adapters::parse_exact(res.body);
  } catch (const adapters::invalid_json& e) {
    throw malformed_response(std::string("its body is not JSON (") + e.what() + ")", kind,
                             res.status);
  }
  if (!doc.is_object() || !doc.contains("d") || !doc["d"].is_object()) {
    throw malformed_response("its body is not an OData entity {\"d\": {…}}", kind, res.status);
  }
  return doc["d"];
}

page collection_of(const http_response& res) {
  const auto d = entity_of(res, call_kind::read);
  page p;
  const auto results = d.find("results");
  if (results == d.end() || !results->is_array()) {
    throw malformed_response("its collection has no results", call_kind::read, res.status);
  }
  p.results = *results;
  if (const auto next = d.find("__next"); next != d.end() && next->is_string()) p.next = *next;
  return p;
}

}  // namespace erpc::sap::odata

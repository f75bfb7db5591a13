// SPDX-License-Identifier: Apache-2.0
#include "odata_values.hpp"

#include "gateway_error.hpp"

#include <charconv>
#include <chrono>
#include <cstdio>

namespace erpc::sim::sap {

namespace {

gateway_error invalid(std::string_view entity, const edm_property& p, std::string_view why) {
  return gateway_error(400, codes::invalid_value,
                       "Invalid value for property '" + p.name + "' of '" + std::string(entity) +
                           "': " + std::string(why),
                       {{codes::invalid_value,
                         "Invalid value for property '" + p.name + "': " + std::string(why),
                         "error", p.name}});
}

bool digits_at(std::string_view s, std::size_t pos, std::size_t count, int& out) {
  if (pos + count > s.size()) return false;
  int value = 0;
  for (std::size_t i = pos; i < pos + count; ++i) {
    if (s[i] < '0' || s[i] > '9') return false;
    value = value * 10 + (s[i] - '0');
  }
  out = value;
  return true;
}

std::optional<std::int64_t> parse_iso(std::string_view s, bool allow_zone) {
  int year = 0, month = 0, day = 0, hour = 0, minute = 0, second = 0;
  if (!digits_at(s, 0, 4, year) || s.size() < 19 || s[4] != '-' || !digits_at(s, 5, 2, month) ||
      s[7] != '-' || !digits_at(s, 8, 2, day) || s[10] != 'T' || !digits_at(s, 11, 2, hour) ||
      s[13] != ':' || !digits_at(s, 14, 2, minute) || s[16] != ':' ||
      !digits_at(s, 17, 2, second)) {
    return std::nullopt;
  }
  if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59 ||
      second > 59) {
    return std::nullopt;
  }
  std::size_t pos = 19;
  std::int64_t millis = 0;
  if (pos < s.size() && s[pos] == '.') {
    ++pos;
    int scale = 0;
    while (pos < s.size() && s[pos] >= '0' && s[pos] <= '9') {
      if (scale < 3) millis = millis * 10 + (s[pos] - '0');
      ++scale;
      ++pos;
    }
    if (scale == 0) return std::nullopt;
    for (; scale < 3; ++scale) millis *= 10;
  }
  std::int64_t offset_minutes = 0;
  if (pos < s.size()) {
    if (!allow_zone) return std::nullopt;
    if (s[pos] == 'Z' && pos + 1 == s.size()) {
      ++pos;
    } else if ((s[pos] == '+' || s[pos] == '-') && pos + 6 == s.size() && s[pos + 3] == ':') {
      int oh = 0, om = 0;
      if (!digits_at(s, pos + 1, 2, oh) || !digits_at(s, pos + 4, 2, om)) return std::nullopt;
      offset_minutes = (s[pos] == '-' ? -1 : 1) * (oh * 60 + om);
      pos = s.size();
    } else {
      return std::nullopt;
    }
  }
  const std::int64_t days = days_from_civil(year, static_cast<unsigned>(month),
                                            static_cast<unsigned>(day));
  return ((days * 24 + hour) * 60 + minute - offset_minutes) * 60'000 + second * 1000 + millis;
}

// "/Date(ms)/" or "/Date(ms+hhmm)/".
std::optional<std::int64_t> parse_json_date(std::string_view s, bool allow_zone) {
  constexpr std::string_view head = "/Date(";
  constexpr std::string_view tail = ")/";
  if (s.size() < head.size() + tail.size() + 1 || s.substr(0, head.size()) != head ||
      s.substr(s.size() - tail.size()) != tail) {
    return std::nullopt;
  }
  const auto inner = s.substr(head.size(), s.size() - head.size() - tail.size());
  std::int64_t ms = 0;
  const char* begin = inner.data();
  const char* end = inner.data() + inner.size();
  const auto [p, ec] = std::from_chars(begin, end, ms);
  if (ec != std::errc() || p == begin) return std::nullopt;
  if (p == end) return ms;
  if (!allow_zone || end - p != 5 || (*p != '+' && *p != '-')) return std::nullopt;
  int hhmm = 0;
  if (!digits_at(std::string_view(p + 1, 4), 0, 4, hhmm)) return std::nullopt;
  // The v2 offset says how the instant was displayed; the ms are UTC already.
  return ms;
}

}  // namespace

std::int64_t days_from_civil(int year, unsigned month, unsigned day) noexcept {
  // Howard Hinnant's algorithm (public domain description of the proleptic Gregorian calendar).
  year -= month <= 2 ? 1 : 0;
  const int era = (year >= 0 ? year : year - 399) / 400;
  const auto yoe = static_cast<unsigned>(year - era * 400);
  const unsigned doy = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return static_cast<std::int64_t>(era) * 146097 + static_cast<std::int64_t>(doe) - 719468;
}

int year_of_millis(std::int64_t ms) noexcept {
  std::int64_t z = (ms >= 0 ? ms : ms - 86'399'999) / 86'400'000 + 719468;
  const std::int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  const auto doe = static_cast<unsigned>(z - era * 146097);
  const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const unsigned mp = (5 * doy + 2) / 153;
  const unsigned month = mp < 10 ? mp + 3 : mp - 9;
  return static_cast<int>(static_cast<std::int64_t>(yoe) + era * 400 + (month <= 2 ? 1 : 0));
}

std::string odata_date(std::int64_t ms) { return "/Date(" + std::to_string(ms) + ")/"; }

std::string today_odata_date() {
  const auto now = std::chrono::system_clock::now();
  const auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(now.time_since_epoch());
  return odata_date(ms.count() - ms.count() % 86'400'000);
}

std::string odata_date_offset(std::int64_t ms) {
  return "/Date(" + std::to_string(ms) + "+0000)/";
}

std::optional<std::int64_t> parse_date_millis(std::string_view text, bool allow_zone) {
  if (text.rfind("/Date(", 0) == 0) return parse_json_date(text, allow_zone);
  return parse_iso(text, allow_zone);
}

std::optional<decimal> decimal_value(const nlohmann::json& kept) {
  if (!kept.is_string()) return std::nullopt;
  return decimal::parse(kept.get_ref<const std::string&>());
}

std::size_t utf8_length(std::string_view text) noexcept {
  std::size_t count = 0;
  for (const char c : text) count += (static_cast<unsigned char>(c) & 0xC0) != 0x80 ? 1 : 0;
  return count;
}

nlohmann::json accept_property_value(const edm_property& p, const nlohmann::json& value,
                                     std::string_view entity, overlong_policy overlong) {
  if (value.is_null()) {
    if (!p.nullable) throw invalid(entity, p, "null is not allowed");
    return nullptr;
  }
  switch (p.kind) {
    case edm_kind::string: {
      if (!value.is_string()) throw invalid(entity, p, "a string is expected");
      auto text = value.get<std::string>();
      if (p.max_length > 0 && utf8_length(text) > static_cast<std::size_t>(p.max_length)) {
        if (overlong == overlong_policy::reject) {
          const std::string why = "value has " + std::to_string(utf8_length(text)) +
                                  " characters; at most " + std::to_string(p.max_length) +
                                  " are allowed";
          throw gateway_error(400, codes::value_too_long,
                              "Property '" + p.name + "' of '" + std::string(entity) +
                                  "': " + why,
                              {{codes::value_too_long, why, "error", p.name}});
        }
        std::size_t kept = 0, bytes = 0;
        while (bytes < text.size() && kept < static_cast<std::size_t>(p.max_length)) {
          ++bytes;
          while (bytes < text.size() && (static_cast<unsigned char>(text[bytes]) & 0xC0) == 0x80)
            ++bytes;
          ++kept;
        }
        text.resize(bytes);
      }
      return text;
    }
    case edm_kind::decimal: {
      if (!value.is_string()) {
        throw invalid(entity, p, "Edm.Decimal is a JSON string in OData v2 (\"1000.00\")");
      }
      const auto parsed = decimal::parse(value.get_ref<const std::string&>());
      if (!parsed) throw invalid(entity, p, "not a decimal number");
      if (parsed->scale() > p.scale) {
        throw invalid(entity, p, "more than " + std::to_string(p.scale) + " decimal places");
      }
      const std::string magnitude = parsed->abs().to_string();
      const std::string integer_part = magnitude.substr(0, magnitude.find('.'));
      const int integer_digits = integer_part == "0" ? 0 : static_cast<int>(integer_part.size());
      if (p.precision > 0 && integer_digits > p.precision - p.scale) {
        throw invalid(entity, p, "more than " + std::to_string(p.precision - p.scale) +
                                     " digits before the decimal point");
      }
      return parsed->to_string();
    }
    case edm_kind::date_time:
    case edm_kind::date_time_offset: {
      if (!value.is_string()) throw invalid(entity, p, "a date string is expected");
      const bool offset = p.kind == edm_kind::date_time_offset;
      const auto ms = parse_date_millis(value.get_ref<const std::string&>(), offset);
      if (!ms) {
        throw invalid(entity, p,
                      offset ? "expected \"/Date(ms+0000)/\" or ISO 8601 with a zone"
                             : "expected \"/Date(ms)/\" or \"YYYY-MM-DDThh:mm:ss\"");
      }
      return offset ? odata_date_offset(*ms) : odata_date(*ms);
    }
    case edm_kind::boolean:
      if (!value.is_boolean()) throw invalid(entity, p, "true or false is expected");
      return value;
    case edm_kind::integer:
      if (!value.is_number_integer()) throw invalid(entity, p, "an integer is expected");
      return value;
    case edm_kind::time:
    case edm_kind::guid:
    case edm_kind::other:
      if (!value.is_string()) throw invalid(entity, p, "a string is expected");
      return value;
  }
  return value;
}

nlohmann::json initial_value(const edm_property& p) {
  switch (p.kind) {
    case edm_kind::string:
      return "";
    case edm_kind::decimal:
      return p.scale > 0 ? "0." + std::string(static_cast<std::size_t>(p.scale), '0') : "0";
    case edm_kind::boolean:
      return false;
    default:
      return nullptr;
  }
}

}  // namespace erpc::sim::sap

// SPDX-License-Identifier: Apache-2.0
// Banking identifiers checked by shape and check digits: IBAN (ISO 13616), BIC (ISO 9362),
// ISO 3166-1 alpha-2 country codes, RF creditor references (ISO 11649), and log-safe masking.
// Validators take the electronic form (uppercase, no spaces); normalize_iban() converts the
// printed form a person types ("de89 3704 0044 ...") first.
#pragma once

#include <algorithm>
#include <array>
#include <cstddef>
#include <string>
#include <string_view>

namespace erpc {

namespace detail {

constexpr bool is_upper(char c) noexcept { return c >= 'A' && c <= 'Z'; }
constexpr bool is_digit(char c) noexcept { return c >= '0' && c <= '9'; }
constexpr bool is_upper_alnum(char c) noexcept { return is_upper(c) || is_digit(c); }

constexpr bool all_upper_alnum(std::string_view s) noexcept {
  return std::all_of(s.begin(), s.end(), [](char c) { return is_upper_alnum(c); });
}

// ISO 7064 MOD 97-10 as ISO 13616 and ISO 11649 use it: the first four characters move to the
// end, letters become 10..35, and the whole number mod 97 must be 1. Input: uppercase alnum.
constexpr int mod97_rearranged(std::string_view s) noexcept {
  int r = 0;
  auto feed = [&r](char c) {
    if (is_digit(c)) {
      r = (r * 10 + (c - '0')) % 97;
    } else {
      r = (r * 100 + (c - 'A' + 10)) % 97;
    }
  };
  for (char c : s.substr(4)) feed(c);
  for (char c : s.substr(0, 4)) feed(c);
  return r;
}

// ISO 3166-1 alpha-2, officially assigned codes (249), sorted.
inline constexpr std::array<std::string_view, 249> iso3166_alpha2{
    "AD", "AE", "AF", "AG", "AI", "AL", "AM", "AO", "AQ", "AR", "AS", "AT", "AU", "AW", "AX",
    "AZ", "BA", "BB", "BD", "BE", "BF", "BG", "BH", "BI", "BJ", "BL", "BM", "BN", "BO", "BQ",
    "BR", "BS", "BT", "BV", "BW", "BY", "BZ", "CA", "CC", "CD", "CF", "CG", "CH", "CI", "CK",
    "CL", "CM", "CN", "CO", "CR", "CU", "CV", "CW", "CX", "CY", "CZ", "DE", "DJ", "DK", "DM",
    "DO", "DZ", "EC", "EE", "EG", "EH", "ER", "ES", "ET", "FI", "FJ", "FK", "FM", "FO", "FR",
    "GA", "GB", "GD", "GE", "GF", "GG", "GH", "GI", "GL", "GM", "GN", "GP", "GQ", "GR", "GS",
    "GT", "GU", "GW", "GY", "HK", "HM", "HN", "HR", "HT", "HU", "ID", "IE", "IL", "IM", "IN",
    "IO", "IQ", "IR", "IS", "IT", "JE", "JM", "JO", "JP", "KE", "KG", "KH", "KI", "KM", "KN",
    "KP", "KR", "KW", "KY", "KZ", "LA", "LB", "LC", "LI", "LK", "LR", "LS", "LT", "LU", "LV",
    "LY", "MA", "MC", "MD", "ME", "MF", "MG", "MH", "MK", "ML", "MM", "MN", "MO", "MP", "MQ",
    "MR", "MS", "MT", "MU", "MV", "MW", "MX", "MY", "MZ", "NA", "NC", "NE", "NF", "NG", "NI",
    "NL", "NO", "NP", "NR", "NU", "NZ", "OM", "PA", "PE", "PF", "PG", "PH", "PK", "PL", "PM",
    "PN", "PR", "PS", "PT", "PW", "PY", "QA", "RE", "RO", "RS", "RU", "RW", "SA", "SB", "SC",
    "SD", "SE", "SG", "SH", "SI", "SJ", "SK", "SL", "SM", "SN", "SO", "SR", "SS", "ST", "SV",
    "SX", "SY", "SZ", "TC", "TD", "TF", "TG", "TH", "TJ", "TK", "TL", "TM", "TN", "TO", "TR",
    "TT", "TV", "TW", "TZ", "UA", "UG", "UM", "US", "UY", "UZ", "VA", "VC", "VE", "VG", "VI",
    "VN", "VU", "WF", "WS", "YE", "YT", "ZA", "ZM", "ZW",
};

struct iban_format {
  std::string_view country;
  int length;
};

// IBAN lengths from the SWIFT IBAN Registry (every SEPA country and the common others), sorted.
// XK (Kosovo) is user-assigned in ISO 3166 but has a registered IBAN.
inline constexpr std::array<iban_format, 88> iban_lengths{{
    {"AD", 24}, {"AE", 23}, {"AL", 28}, {"AT", 20}, {"AZ", 28}, {"BA", 20}, {"BE", 16},
    {"BG", 22}, {"BH", 22}, {"BI", 27}, {"BR", 29}, {"BY", 28}, {"CH", 21}, {"CR", 22},
    {"CY", 28}, {"CZ", 24}, {"DE", 22}, {"DJ", 27}, {"DK", 18}, {"DO", 28}, {"EE", 20},
    {"EG", 29}, {"ES", 24}, {"FI", 18}, {"FK", 18}, {"FO", 18}, {"FR", 27}, {"GB", 22},
    {"GE", 22}, {"GI", 23}, {"GL", 18}, {"GR", 27}, {"GT", 28}, {"HR", 21}, {"HU", 28},
    {"IE", 22}, {"IL", 23}, {"IQ", 23}, {"IS", 26}, {"IT", 27}, {"JO", 30}, {"KW", 30},
    {"KZ", 20}, {"LB", 28}, {"LC", 32}, {"LI", 21}, {"LT", 20}, {"LU", 20}, {"LV", 21},
    {"LY", 25}, {"MC", 27}, {"MD", 24}, {"ME", 22}, {"MK", 19}, {"MN", 20}, {"MR", 27},
    {"MT", 31}, {"MU", 30}, {"NI", 28}, {"NL", 18}, {"NO", 15}, {"OM", 23}, {"PK", 24},
    {"PL", 28}, {"PS", 29}, {"PT", 25}, {"QA", 29}, {"RO", 24}, {"RS", 22}, {"RU", 33},
    {"SA", 24}, {"SC", 31}, {"SD", 18}, {"SE", 24}, {"SI", 19}, {"SK", 24}, {"SM", 27},
    {"SO", 23}, {"ST", 25}, {"SV", 28}, {"TL", 23}, {"TN", 24}, {"TR", 26}, {"UA", 29},
    {"VA", 22}, {"VG", 24}, {"XK", 20}, {"YE", 30},
}};

constexpr int iban_length(std::string_view country) noexcept {
  for (const auto& f : iban_lengths) {
    if (f.country == country) return f.length;
  }
  return 0;
}

}  // namespace detail

constexpr bool is_country_code(std::string_view code) noexcept {
  return code.size() == 2 &&
         std::binary_search(detail::iso3166_alpha2.begin(), detail::iso3166_alpha2.end(), code);
}

// Electronic-form IBAN: country with a registered length, two check digits, BBAN of uppercase
// letters and digits, total length as registered (≤ 34), MOD 97-10 remainder 1.
constexpr bool is_valid_iban(std::string_view iban) noexcept {
  if (iban.size() < 5 || iban.size() > 34 || !detail::all_upper_alnum(iban)) return false;
  if (!detail::is_upper(iban[0]) || !detail::is_upper(iban[1])) return false;
  if (!detail::is_digit(iban[2]) || !detail::is_digit(iban[3])) return false;
  const int length = detail::iban_length(iban.substr(0, 2));
  if (length == 0 || static_cast<std::size_t>(length) != iban.size()) return false;
  return detail::mod97_rearranged(iban) == 1;
}

// The printed form to the electronic form: spaces removed, letters uppercased. Validate after.
inline std::string normalize_iban(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    if (c == ' ') continue;
    out.push_back(c >= 'a' && c <= 'z' ? static_cast<char>(c - 'a' + 'A') : c);
  }
  return out;
}

// ISO 9362 shape: 4-letter institution code, ISO 3166 country (or XK), 2-character location,
// optional 3-character branch. Uppercase only; no check digit exists.
constexpr bool is_valid_bic(std::string_view bic) noexcept {
  if (bic.size() != 8 && bic.size() != 11) return false;
  if (!detail::all_upper_alnum(bic)) return false;
  for (std::size_t i = 0; i < 4; ++i) {
    if (!detail::is_upper(bic[i])) return false;
  }
  const auto country = bic.substr(4, 2);
  return is_country_code(country) || country == "XK";
}

// ISO 11649 structured creditor reference: "RF", two check digits, 1..21 uppercase alnum,
// MOD 97-10 remainder 1. Electronic form (no spaces).
constexpr bool is_valid_rf_creditor_reference(std::string_view ref) noexcept {
  if (ref.size() < 5 || ref.size() > 25) return false;
  if (ref[0] != 'R' || ref[1] != 'F') return false;
  if (!detail::is_digit(ref[2]) || !detail::is_digit(ref[3])) return false;
  if (!detail::all_upper_alnum(ref)) return false;
  return detail::mod97_rearranged(ref) == 1;
}

// An account number safe for logs and messages: spaces dropped, only the last 4 characters
// kept. An IBAN also keeps its country and check digits, which identify nobody:
// "DE89370400440532013000" → "DE89…3000", "12345678" → "…5678". Anything shorter than 8
// characters is masked entirely ("…") since the last 4 would be half of it.
inline std::string mask_account(std::string_view account) {
  std::string compact;
  for (char c : account) {
    if (c != ' ') compact.push_back(c);
  }
  constexpr std::string_view ellipsis = "\xE2\x80\xA6";  // U+2026
  if (compact.size() < 8) return std::string(ellipsis);
  std::string out;
  const bool iban_like = compact.size() > 12 && detail::is_upper(compact[0]) &&
                         detail::is_upper(compact[1]) && detail::is_digit(compact[2]) &&
                         detail::is_digit(compact[3]);
  if (iban_like) out.append(compact, 0, 4);
  out.append(ellipsis);
  out.append(compact, compact.size() - 4, 4);
  return out;
}

}  // namespace erpc

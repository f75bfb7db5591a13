// SPDX-License-Identifier: Apache-2.0
// The bank simulator's settings (docs/simulators-bank.md has the table) and their typed reading:
// text settings that carry structure (accounts, rejection rules) are parsed here, at the
// moment they are used, so a PUT /_sim/settings applies to the next cycle.
#pragma once

#include <erpc/decimal.hpp>
#include <erpc/sim/simulator_settings.hpp>

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace erpc::sim::bank {

std::vector<setting_spec> bank_setting_specs();

struct account_config {
  std::string iban;
  std::string bic;
  std::string currency;
  std::string owner_name;
  decimal opening_balance;
};

// Throws CONFIGURATION "bank.accounts_invalid" naming what is wrong.
std::vector<account_config> parse_accounts(const std::string& json_text);
// "IBAN=CODE;IBAN=CODE" (',' also separates) → {IBAN: CODE}. A bare IBAN takes
// `default_code`. Throws CONFIGURATION "bank.rule_invalid".
std::map<std::string, std::string> parse_account_rules(const std::string& text,
                                                       const std::string& default_code,
                                                       const std::string& setting_name);
// "" → none; else a non-negative decimal. Throws CONFIGURATION "bank.rule_invalid".
std::optional<decimal> parse_optional_amount(const std::string& text,
                                             const std::string& setting_name);
// "USD/EUR=0.9234;GBP/EUR=1.1650" → {("USD","EUR"): 0.9234, …}: units of the second (account)
// currency one unit of the first (payment) currency costs. Rates are decimal strings, never
// floating point. Throws CONFIGURATION "bank.rule_invalid".
std::map<std::pair<std::string, std::string>, decimal> parse_fx_rates(const std::string& text,
                                                                     const std::string& setting_name);
// A reason code setting: 1–4 capital letters or digits. Throws CONFIGURATION "bank.rule_invalid".
std::string checked_reason_code(const std::string& text, const std::string& setting_name);

}  // namespace erpc::sim::bank

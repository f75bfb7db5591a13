// SPDX-License-Identifier: Apache-2.0
#include "bank_settings.hpp"

#include <erpc/currency.hpp>
#include <erpc/error.hpp>

#include <nlohmann/json.hpp>

namespace erpc::sim::bank {
namespace {

constexpr const char* default_accounts =
    R"([{"iban":"DE44500105175407324931","bic":"INGDDEFFXXX","currency":"EUR",)"
    R"("opening_balance":"10000.00","owner":"Buyer AG"}])";

[[noreturn]] void rule_invalid(const std::string& setting, const std::string& why) {
  throw error(error_class::configuration, "bank.rule_invalid",
              "setting " + setting + ": " + why);
}

std::string trimmed(std::string s) {
  const auto b = s.find_first_not_of(" \t\r\n");
  const auto e = s.find_last_not_of(" \t\r\n");
  return b == std::string::npos ? std::string{} : s.substr(b, e - b + 1);
}

}  // namespace

std::vector<setting_spec> bank_setting_specs() {
  const std::string contract = "docs/bank-file-contract.md (folders)";
  return {
      text_setting("folders.outbound", "",
                   "where the customer puts pain.001 files; the bank picks them up and moves them "
                   "to its archive",
                   contract),
      text_setting("folders.inbound", "",
                   "where the bank delivers pain.002 reports and statements (temp file + rename)",
                   contract),
      text_setting("folders.archive", "",
                   "the bank's own folder: picked-up/ keeps read pain.001 files, rejected/ the "
                   "unreadable ones with a .error.json beside each",
                   contract),
      text_setting("accounts", default_accounts,
                   "JSON array of the bank's accounts: iban, bic, currency, opening_balance "
                   "(decimal string), owner; read at the first cycle after start or reset",
                   "test knob"),
      choice_setting("calendar.business_days", "target", {"target", "every_day"},
                     "which days get a statement: TARGET business days, or every calendar day",
                     "BANKING.md (TARGET days)"),
      text_setting("fx.rates", "",
                   "foreign-currency payments the bank converts: `FROM/TO=RATE;…`, RATE the "
                   "units of the account currency TO one unit of the payment currency FROM costs "
                   "(decimal string); the booked amount is the instructed amount × RATE, half-even "
                   "to TO's minor units. A payment in another currency without a rate: AM03",
                   "test knob (a bank's rate is its own)"),
      text_setting("calendar.start_date", "",
                   "the first business date (YYYY-MM-DD); empty: today's date", "test knob"),
      choice_setting("statement.format", "camt.053.001.08",
                     {"camt.053.001.08", "camt.053.001.02", "mt940", "bai2"},
                     "the end-of-day statement format", "vendors.md §6.1, §7.1, §7.2"),
      integer_setting("statement.sequence_start", 1, 1, 99999,
                      "ElctrncSeqNb / :28C: / BAI2 file id of the first statement", "test knob"),
      choice_setting("pain002.version", "pain.002.001.10",
                     {"pain.002.001.03", "pain.002.001.10", "pain.002.001.11"},
                     "version of the status reports", "vendors.md §6.3 (SEPA uses .001.10)"),
      choice_setting("status.on_pickup", "ACCP", {"ACTC", "ACCP", "ACSP"},
                     "status of an accepted transaction in the report sent at pickup",
                     "vendors.md §6.3 (status codes)"),
      boolean_setting("status.settlement_report", true,
                      "at booking, send a second pain.002 with ACSC for every booked payment",
                      "vendors.md §6.3 (ACSC)"),
      boolean_setting("rejection.duplicate_message_id", true,
                      "a pain.001 whose MsgId was received before is rejected as a group, "
                      "RJCT DUPL, and nothing of it is booked",
                      "vendors.md §6.2 (MsgId unique per initiating party), BANKING.md"),
      boolean_setting("rejection.file_format_report", true,
                      "a pain.001 refused for its content (counts, sums, amounts, missing "
                      "elements) whose MsgId can be read is answered with a pain.002 group "
                      "RJCT FF01; false: no answer (the file only goes to rejected/)",
                      "vendors.md §6.3 (FF01 file format invalid)"),
      text_setting("rejection.creditor_accounts", "",
                   "IBAN=CODE pairs separated by ';': a payment to that creditor account is "
                   "rejected at pickup with that reason (a bare IBAN: AC01)",
                   "vendors.md §6.3 (reason codes)"),
      text_setting("rejection.amount_above", "",
                   "a payment above this amount is rejected with rejection.amount_reason; "
                   "empty: no limit",
                   "test knob"),
      text_setting("rejection.amount_reason", "AM04", "reason code for rejection.amount_above",
                   "vendors.md §6.3 (AM04 insufficient funds, AM02 above maximum)"),
      boolean_setting("rejection.check_funds", false,
                      "reject a payment (AM04) when the booked balance minus the payments "
                      "already accepted and not yet booked does not cover it",
                      "vendors.md §6.3 (AM04)"),
      boolean_setting("dedupe.content", false,
                      "reject (AM05) a payment whose debtor account, creditor account, amount, "
                      "currency, EndToEndId and remittance equal one accepted before",
                      "BANKING.md (banks do not deduplicate EndToEndId; content dedupe is a "
                      "setting)"),
      text_setting("charges.per_payment", "0",
                   "charges the bank takes for each booked payment, in the account currency",
                   "docs/bank-file-contract.md (charges)"),
      choice_setting("charges.booking", "separate", {"separate", "netted"},
                     "charges as their own debit entry per payment, or added to the payment's "
                     "entry (details keep the payment amount)",
                     "docs/bank-file-contract.md (charges)"),
      boolean_setting("batch_booking.honour", true,
                      "book a PmtInf with BtchBookg true as one entry (Btch + TxDtls); false: "
                      "one entry per payment always",
                      "BANKING.md (batch booking)"),
      boolean_setting("batch_booking.default", true,
                      "how a PmtInf without BtchBookg is booked (the bank agreement's default)",
                      "vendors.md §6.2 (BtchBookg optional)"),
      boolean_setting("batch_booking.transaction_details", true,
                      "write one TxDtls per payment in a batch entry; false: Btch only",
                      "BANKING.md (with or without TxDtls)"),
      text_setting("returns.creditor_accounts", "",
                   "IBANs separated by ';' whose payments are settled and then returned: a credit "
                   "entry with RtrInf on the next business day (no pain.002)",
                   "BANKING.md (returned, AC04)"),
      text_setting("returns.reason", "AC04", "return reason code of those returns",
                   "vendors.md §6.3 (AC04 account closed)"),
      text_setting("returns.fx_rates", "",
                   "the bank's rates on the day a converted payment comes back: `FROM/TO=RATE;…` "
                   "as fx.rates; the return credits the instructed amount × RATE. Empty, or no "
                   "rate for the pair: the amount debited for the payment comes back",
                   "test knob (a bank's rate is its own)"),
      integer_setting("poll.interval_ms", 0, 0, 86'400'000,
                      "run a cycle this often by itself (0: only on POST /bank/cycle)",
                      "test knob"),
      integer_setting("poll.end_of_day_interval_ms", 0, 0, 86'400'000,
                      "run an end of day this often by itself (0: only on POST /bank/end-of-day)",
                      "test knob"),
      integer_setting("pickup.max_bytes", 64 << 20, 1024, std::int64_t{1} << 31,
                      "a pain.001 larger than this is refused unread (moved to rejected/)",
                      "test knob"),
  };
}

std::vector<account_config> parse_accounts(const std::string& json_text) {
  const auto invalid = [](const std::string& why) -> account_config {
    throw error(error_class::configuration, "bank.accounts_invalid", "setting accounts: " + why);
  };
  const auto doc = nlohmann::json::parse(json_text, nullptr, false);
  if (!doc.is_array() || doc.empty()) invalid("not a non-empty JSON array");
  std::vector<account_config> out;
  for (const auto& a : doc) {
    if (!a.is_object() || !a.contains("iban") || !a["iban"].is_string() ||
        !a.contains("currency") || !a["currency"].is_string()) {
      invalid("every account needs an iban and a currency");
    }
    account_config c;
    c.iban = a["iban"].get<std::string>();
    c.currency = a["currency"].get<std::string>();
    if (c.iban.empty() || c.iban.size() > 34) invalid("iban '" + c.iban.substr(0, 40) + "'");
    if (!is_currency_code(c.currency)) invalid("currency '" + c.currency.substr(0, 8) + "'");
    if (a.contains("bic") && a["bic"].is_string()) c.bic = a["bic"].get<std::string>();
    if (a.contains("owner") && a["owner"].is_string()) c.owner_name = a["owner"].get<std::string>();
    if (a.contains("opening_balance")) {
      if (!a["opening_balance"].is_string()) invalid("opening_balance must be a decimal string");
      const auto d = decimal::parse(a["opening_balance"].get<std::string>());
      if (!d) invalid("opening_balance is not a decimal");
      c.opening_balance = *d;
    }
    for (const auto& other : out) {
      if (other.iban == c.iban) invalid("account " + c.iban + " twice");
    }
    out.push_back(std::move(c));
  }
  return out;
}

std::string checked_reason_code(const std::string& text, const std::string& setting_name) {
  if (text.empty() || text.size() > 4 ||
      text.find_first_not_of("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789") != std::string::npos) {
    rule_invalid(setting_name, "'" + text.substr(0, 8) + "' is not a reason code (e.g. AC01)");
  }
  return text;
}

std::map<std::string, std::string> parse_account_rules(const std::string& text,
                                                       const std::string& default_code,
                                                       const std::string& setting_name) {
  std::map<std::string, std::string> out;
  std::size_t begin = 0;
  while (begin <= text.size()) {
    auto end = text.find_first_of(";,", begin);
    if (end == std::string::npos) end = text.size();
    const auto item = trimmed(text.substr(begin, end - begin));
    begin = end + 1;
    if (item.empty()) continue;
    const auto eq = item.find('=');
    const auto iban = trimmed(item.substr(0, eq));
    const auto code =
        eq == std::string::npos ? default_code : trimmed(item.substr(eq + 1));
    if (iban.empty()) rule_invalid(setting_name, "an entry has no IBAN");
    out[iban] = checked_reason_code(code, setting_name);
  }
  return out;
}

std::map<std::pair<std::string, std::string>, decimal> parse_fx_rates(
    const std::string& text, const std::string& setting_name) {
  std::map<std::pair<std::string, std::string>, decimal> out;
  std::size_t begin = 0;
  while (begin <= text.size()) {
    auto end = text.find_first_of(";,", begin);
    if (end == std::string::npos) end = text.size();
    const auto item = trimmed(text.substr(begin, end - begin));
    begin = end + 1;
    if (item.empty()) continue;
    const auto slash = item.find('/');
    const auto eq = item.find('=');
    if (slash == std::string::npos || eq == std::string::npos || eq < slash) {
      rule_invalid(setting_name, "'" + item.substr(0, 40) + "' is not FROM/TO=RATE");
    }
    const auto from = trimmed(item.substr(0, slash));
    const auto to = trimmed(item.substr(slash + 1, eq - slash - 1));
    const auto rate = decimal::parse(trimmed(item.substr(eq + 1)));
    if (!is_currency_code(from) || !is_currency_code(to) || from == to) {
      rule_invalid(setting_name, "'" + item.substr(0, 40) + "' does not name two ISO 4217 codes");
    }
    if (!rate || !(decimal{} < *rate)) {
      rule_invalid(setting_name, "'" + item.substr(0, 40) + "': the rate is not a positive decimal");
    }
    out[{from, to}] = *rate;
  }
  return out;
}

std::optional<decimal> parse_optional_amount(const std::string& text,
                                             const std::string& setting_name) {
  const auto t = trimmed(text);
  if (t.empty()) return std::nullopt;
  const auto d = decimal::parse(t);
  if (!d || d->is_negative()) {
    rule_invalid(setting_name, "'" + t.substr(0, 40) + "' is not an amount");
  }
  return d;
}

}  // namespace erpc::sim::bank

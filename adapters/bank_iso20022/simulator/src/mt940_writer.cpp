// SPDX-License-Identifier: Apache-2.0
// MT940 as the simulated bank writes it (vendors.md §7.1; BANKING.md "MT940"): one statement
// per file, :20: :25: :28C: :60F: (:61: :86:)* :62F:, amounts with a decimal comma, dates
// YYMMDD, the :61: entry date MMDD. The :61: customer reference holds 16 characters: the
// EndToEndId (or the PmtInfId of a batch) when it fits, NONREF otherwise; the full references
// go into :86: as /EREF/, /PREF/, /REMI/, /NAME/, /IBAN/ keys, wrapped at 65 characters.
#include "statement_writers.hpp"

#include <erpc/currency.hpp>
#include <erpc/error.hpp>

namespace erpc::sim::bank {
namespace {

std::string yymmdd(const std::string& date) {
  return date.substr(2, 2) + date.substr(5, 2) + date.substr(8, 2);
}

std::string mmdd(const std::string& date) { return date.substr(5, 2) + date.substr(8, 2); }

// "1234.5" → "1234,50"; the currency's minor units, no sign (the D/C mark carries it).
std::string comma_amount(const decimal& amount, const std::string& currency) {
  const int minor = currency_minor_units(currency).value_or(2);
  const auto scaled = amount.abs().rescale(std::max(minor, amount.scale()));
  if (!scaled || amount.scale() > minor) {
    throw error(error_class::validation, "bank.amount_precision",
                "amount " + amount.to_string() + " has more decimals than " + currency +
                    " carries in MT940");
  }
  std::string text = scaled->to_string();
  const auto dot = text.find('.');
  if (dot == std::string::npos) return text + ",";
  text[dot] = ',';
  return text;
}

std::string balance(const char* tag, const decimal& signed_amount, const std::string& date,
                    const std::string& currency) {
  return std::string(tag) + (signed_amount.is_negative() ? "D" : "C") + yymmdd(date) + currency +
         comma_amount(signed_amount, currency) + "\r\n";
}

// :86: content in lines of at most 65 characters, at most 6 lines (SWIFT 6*65x).
std::string information(std::string text) {
  text = text.substr(0, 6 * 65);
  std::string out = ":86:";
  for (std::size_t i = 0; i < text.size(); i += 65) {
    if (i > 0) out += "\r\n";
    out += text.substr(i, 65);
  }
  return out + "\r\n";
}

// The SWIFT X character set: letters, digits, space and / - ? : ( ) . , ' + ; anything else
// becomes '.', so a name never breaks the :86: field.
std::string swift_text(const std::string& s) {
  std::string out;
  for (const char c : s) {
    const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                    std::string_view(" /-?:().,'+").find(c) != std::string_view::npos;
    out += ok ? c : '.';
  }
  return out;
}

}  // namespace

std::string write_mt940(const statement_content& s) {
  if (computed_closing(s) != s.closing_balance) {
    throw error(error_class::internal, "bank.statement_unbalanced",
                "statement " + s.statement_id + ": opening + entries is " +
                    computed_closing(s).to_string() + ", closing is " +
                    s.closing_balance.to_string());
  }
  const auto& ccy = s.account.currency;
  std::string out;
  out += ":20:" + s.message_id.substr(0, 16) + "\r\n";
  out += ":25:" + s.account.iban + "\r\n";
  out += ":28C:" + std::to_string(s.sequence_number % 100000) + "/1\r\n";
  out += balance(":60F:", s.opening_balance, s.business_date, ccy);
  for (const auto& l : s.lines) {
    const char* type = l.kind == line_kind::charges         ? "NCHG"
                       : l.kind == line_kind::return_credit ? "NRTI"
                                                            : "NTRF";
    std::string customer = "NONREF";
    std::string info;
    if (l.batch) {
      if (l.batch->payment_information_id.size() <= 16) {
        customer = l.batch->payment_information_id;
      }
      info += "/PREF/" + l.batch->payment_information_id;
      if (l.transactions.size() == 1) info += "/EREF/" + l.transactions.front().end_to_end_id;
    } else if (!l.transactions.empty()) {
      const auto& t = l.transactions.front();
      if (!t.end_to_end_id.empty() && t.end_to_end_id.size() <= 16) customer = t.end_to_end_id;
      info += "/EREF/" + (t.end_to_end_id.empty() ? "NOTPROVIDED" : t.end_to_end_id);
      if (!t.return_reason.empty()) info += "/RTRN/" + t.return_reason;
      if (!t.remittance.empty()) info += "/REMI/USTD//" + t.remittance;
      if (!t.counterparty_name.empty()) info += "/NAME/" + t.counterparty_name;
      if (!t.counterparty_account.empty()) info += "/IBAN/" + t.counterparty_account;
    }
    if (info.empty()) info = l.additional_information;
    out += ":61:" + yymmdd(l.value_date) + mmdd(l.booking_date) + (l.credit ? "C" : "D") +
           comma_amount(l.amount, ccy) + type + customer + "//" +
           l.account_servicer_reference.substr(0, 16) + "\r\n";
    if (!info.empty()) out += information(swift_text(info));
  }
  out += balance(":62F:", s.closing_balance, s.business_date, ccy);
  out += "-\r\n";
  return out;
}

}  // namespace erpc::sim::bank

// SPDX-License-Identifier: Apache-2.0
// BAI2 as the simulated bank writes it (vendors.md §7.2; BANKING.md "BAI2"): 01 file header,
// 02 group (status 1, as-of time 2400 = end of day), 03 account with opening (010) and closing
// (015) ledger, one 16 per entry, 49/98/99 trailers. Amounts carry the currency's implied
// decimals (JPY none), 16 amounts unsigned (the type code gives the direction: 495 outgoing
// transfer, 698 fees, 195 incoming transfer for a return). Control totals are the algebraic sum
// of every amount in the 03 and 16 records; record counts include the trailer itself.
#include "statement_writers.hpp"

#include <erpc/currency.hpp>
#include <erpc/error.hpp>

namespace erpc::sim::bank {
namespace {

std::string yymmdd(const std::string& date) {
  return date.substr(2, 2) + date.substr(5, 2) + date.substr(8, 2);
}

std::int64_t implied(const decimal& amount, const std::string& currency) {
  const int minor = currency_minor_units(currency).value_or(2);
  const auto units = amount.scale() <= minor ? amount.to_minor_units(minor) : std::nullopt;
  if (!units) {
    throw error(error_class::validation, "bank.amount_precision",
                "amount " + amount.to_string() + " has more decimals than " + currency +
                    " carries in BAI2");
  }
  return *units;
}

// Text of a 16 record: no '/' (it would end the record for a careless reader) and no ','.
std::string bai_text(std::string s) {
  for (auto& c : s) {
    if (c == '/' || c == ',' || static_cast<unsigned char>(c) < 0x20) c = ' ';
  }
  return s.substr(0, 500);
}

}  // namespace

std::string write_bai2(const statement_content& s) {
  if (computed_closing(s) != s.closing_balance) {
    throw error(error_class::internal, "bank.statement_unbalanced",
                "statement " + s.statement_id + ": opening + entries is " +
                    computed_closing(s).to_string() + ", closing is " +
                    s.closing_balance.to_string());
  }
  const auto& ccy = s.account.currency;
  const std::string created = s.creation_date_time;  // YYYY-MM-DDTHH:MM:SS
  const std::string created_date = yymmdd(created.substr(0, 10));
  const std::string created_time = created.substr(11, 2) + created.substr(14, 2);
  std::string out;
  out += "01," + s.bai2_sender + "," + s.bai2_receiver + "," + created_date + "," + created_time +
         "," + std::to_string(s.sequence_number) + ",,,2/\n";
  out += "02," + s.bai2_receiver + "," + s.bai2_sender + ",1," + yymmdd(s.business_date) +
         ",2400," + ccy + ",2/\n";
  std::int64_t total = implied(s.opening_balance, ccy) + implied(s.closing_balance, ccy);
  out += "03," + s.account.iban + "," + ccy + ",010," +
         std::to_string(implied(s.opening_balance, ccy)) + ",,,015," +
         std::to_string(implied(s.closing_balance, ccy)) + ",,/\n";
  std::size_t account_records = 1;
  for (const auto& l : s.lines) {
    const char* type = l.kind == line_kind::charges         ? "698"
                       : l.kind == line_kind::return_credit ? "195"
                                                            : "495";
    const auto units = implied(l.amount, ccy);
    total += units;
    std::string customer;
    std::string text;
    if (l.batch) {
      customer = l.batch->payment_information_id;
      text = "BATCH " + l.batch->message_id + " " +
             std::to_string(l.batch->number_of_transactions) + " PAYMENTS";
    } else if (!l.transactions.empty()) {
      const auto& t = l.transactions.front();
      customer = t.end_to_end_id;
      text = (l.kind == line_kind::return_credit ? "RETURN " + t.return_reason + " " : "") +
             t.counterparty_name + " " + t.remittance;
    }
    if (l.kind == line_kind::charges) text = l.additional_information;
    out += std::string("16,") + type + "," + std::to_string(units) + ",0," +
           l.account_servicer_reference + "," + customer.substr(0, 35) + "," + bai_text(text) +
           "/\n";
    ++account_records;
  }
  ++account_records;  // the 49 itself
  out += "49," + std::to_string(total) + "," + std::to_string(account_records) + "/\n";
  const std::size_t group_records = account_records + 2;  // 02 … 98
  out += "98," + std::to_string(total) + ",1," + std::to_string(group_records) + "/\n";
  out += "99," + std::to_string(total) + ",1," + std::to_string(group_records + 2) + "/\n";
  return out;
}

}  // namespace erpc::sim::bank

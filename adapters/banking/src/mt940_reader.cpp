// SPDX-License-Identifier: Apache-2.0
// Field formats: vendors.md §7.1 (SWIFT UHB MT940/950 field specifications).
#include <erpc/banking/mt940_reader.hpp>

#include "bank_amount.hpp"
#include "bank_date.hpp"
#include "line_source.hpp"
#include "statement_assembler.hpp"
#include "statement_failure.hpp"

#include <erpc/banking/mt940_information.hpp>
#include <erpc/banking/statement_identity.hpp>
#include <erpc/currency.hpp>
#include <erpc/identifiers.hpp>

#include <map>
#include <tuple>
#include <optional>
#include <sstream>
#include <string>
#include <utility>

namespace erpc::banking {
namespace {

using detail::fail;
using detail::quote;

bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_upper(char c) { return c >= 'A' && c <= 'Z'; }

std::size_t utf8_length(std::string_view s) {
  std::size_t n = 0;
  for (const char c : s) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80 ? 1 : 0;
  return n;
}

// The first `max` characters of UTF-8 text.
std::string utf8_prefix(std::string_view s, std::size_t max) {
  std::size_t chars = 0, i = 0;
  for (; i < s.size(); ++i) {
    if ((static_cast<unsigned char>(s[i]) & 0xC0) != 0x80) {
      if (chars == max) break;
      ++chars;
    }
  }
  return std::string(s.substr(0, i));
}

struct field {
  std::string tag;    // "20", "28C", "60F", "61", "86"…
  std::string value;  // continuation lines joined with '\n'
  std::uint64_t line = 0;
};

// A balance field 60a/62a/64/65: D/C mark, YYMMDD, currency, amount with decimal comma.
struct swift_balance {
  std::string credit_debit;
  std::string date;
  money amount;
  std::uint64_t line = 0;

  decimal signed_value() const { return credit_debit == "DBIT" ? -amount.amount : amount.amount; }
  contract::statement_balance to_contract(std::string type) const {
    return contract::statement_balance{std::move(type), amount, credit_debit, date};
  }
};

swift_balance parse_balance(const field& f) {
  const std::string_view v = f.value;
  if (v.size() < 1 + 6 + 3 + 2 || (v[0] != 'C' && v[0] != 'D')) {
    fail("mt940.field_invalid", f.line,
         ":" + f.tag + ": " + quote(v) + " is not <C|D><YYMMDD><currency><amount>");
  }
  swift_balance b;
  b.line = f.line;
  b.credit_debit = v[0] == 'C' ? "CRDT" : "DBIT";
  b.date = detail::parse_yymmdd(v.substr(1, 6), f.line);
  const std::string currency(v.substr(7, 3));
  if (!is_currency_code(currency)) {
    fail("statement.currency_invalid", f.line, quote(currency) + " is not an ISO 4217 code");
  }
  b.amount = money{detail::parse_swift_amount(v.substr(10), f.line), currency};
  return b;
}

// :28C: 5n[/5n]
std::pair<std::string, std::optional<int>> parse_statement_number(const field& f) {
  const std::string_view v = f.value;
  const auto slash = v.find('/');
  const auto number = v.substr(0, slash);
  const auto sequence = slash == std::string_view::npos ? std::string_view{} : v.substr(slash + 1);
  auto digits = [](std::string_view s) {
    if (s.empty() || s.size() > 5) return false;
    for (const char c : s) {
      if (!is_digit(c)) return false;
    }
    return true;
  };
  if (!digits(number) || (slash != std::string_view::npos && !digits(sequence))) {
    fail("mt940.field_invalid", f.line, ":28C: " + quote(v) + " is not 5n[/5n]");
  }
  std::optional<int> seq;
  if (!sequence.empty()) seq = std::stoi(std::string(sequence));
  return {std::string(number), seq};
}

class mt940_parser {
 public:
  mt940_parser(detail::line_source& lines, statement_sink& sink,
               const line_format_options& options)
      : lines_(lines), options_(options), assembler_(sink) {}

  void run() {
    std::string line;
    bool in_block4 = false;
    while (lines_.next(line)) {
      const auto at = lines_.line_number();
      std::string_view text = line;
      if (text.rfind('{', 0) == 0) {
        // FIN envelope: {1:…}{2:…}{3:…}{4:  — the text block follows "{4:".
        const auto b4 = text.find("{4:");
        if (b4 == std::string_view::npos) continue;
        flush_field();
        in_block4 = true;
        text.remove_prefix(b4 + 3);
        if (text.empty()) continue;
      }
      if (text == "-" || text.rfind("-}", 0) == 0) {
        flush_field();
        end_message(at);
        in_block4 = false;
        continue;
      }
      (void)in_block4;
      if (is_tag_line(text)) {
        flush_field();
        const auto close = text.find(':', 1);
        pending_ = field{std::string(text.substr(1, close - 1)),
                         std::string(text.substr(close + 1)), at};
        continue;
      }
      if (!pending_) {
        if (text.empty()) continue;
        fail("mt940.unexpected_line", at, "text outside any :tag: field: " + quote(text));
      }
      pending_->value += '\n';
      pending_->value += text;
    }
    flush_field();
    end_message(lines_.line_number());
    if (assembler_.open()) {
      fail("mt940.statement_incomplete", lines_.line_number(),
           "the file ends inside a statement: its last part has :62M:, not :62F:");
    }
    if (!seen_any_) fail("mt940.no_statement", 1, "no MT940 statement in the file");
  }

 private:
  static bool is_tag_line(std::string_view text) {
    // ":20:", ":28C:", ":60F:", ":25P:" — two digits and an optional capital letter.
    if (text.size() < 4 || text[0] != ':' || !is_digit(text[1]) || !is_digit(text[2])) {
      return false;
    }
    if (text[3] == ':') return true;
    return text.size() >= 5 && is_upper(text[3]) && text[4] == ':';
  }

  void flush_field() {
    if (!pending_) return;
    field f = std::move(*pending_);
    pending_.reset();
    handle(f);
  }

  void handle(const field& f) {
    if (f.tag == "20") {
      end_message(f.line);
      message_ = message_state{};
      message_->reference = f.value;
      message_->line = f.line;
      return;
    }
    if (!message_) {
      fail("mt940.field_out_of_order", f.line, ":" + f.tag + ": before any :20:");
    }
    auto& m = *message_;
    if (f.tag == "21") return;
    if (f.tag == "25" || f.tag == "25P") {
      m.account = f.value;
      m.account_line = f.line;
    } else if (f.tag == "28C" || f.tag == "28") {
      std::tie(m.statement_number, m.sequence) = parse_statement_number(f);
    } else if (f.tag == "60F" || f.tag == "60M") {
      opening(f);
    } else if (f.tag == "61") {
      statement_line(f);
    } else if (f.tag == "86") {
      information(f);
    } else if (f.tag == "62F" || f.tag == "62M") {
      closing(f);
    } else if (f.tag == "64" || f.tag == "65") {
      if (!m.closed) {
        fail("mt940.field_out_of_order", f.line, ":" + f.tag + ": before :62a:");
      }
      const auto b = parse_balance(f);
      pending_balances_.push_back({f.tag == "64" ? "CLAV" : "FWAV", b});
    } else {
      fail("mt940.field_unknown", f.line, "unknown field :" + f.tag + ":");
    }
  }

  contract::bank_account account_of(const std::string& value, std::uint64_t line) const {
    // :25: 35x; :25P: has the account on the first line and the BIC on the second.
    const auto nl = value.find('\n');
    const std::string id = value.substr(0, nl);
    contract::bank_account a;
    if (id.empty()) fail("mt940.field_invalid", line, ":25: is empty");
    if (is_valid_iban(id)) {
      a.iban = id;
    } else {
      if (utf8_length(id) > 34) {
        fail("mt940.field_invalid", line, ":25: account is longer than 34 characters");
      }
      a.other = contract::other_account_id{id, std::nullopt};
    }
    if (nl != std::string::npos) {
      const std::string bic = value.substr(nl + 1);
      if (is_valid_bic(bic)) a.bic = bic;
    }
    return a;
  }

  void opening(const field& f) {
    auto& m = *message_;
    if (m.account.empty()) fail("mt940.field_out_of_order", f.line, ":60a: before :25:");
    if (m.statement_number.empty()) {
      fail("mt940.field_out_of_order", f.line, ":60a: before :28C:");
    }
    const auto b = parse_balance(f);
    const bool first = f.tag == "60F";
    m.opened = true;
    part_opening_ = b.signed_value();
    part_booked_ = decimal{};
    part_currency_ = b.amount.currency;
    if (first) {
      if (assembler_.open()) {
        fail("mt940.part_out_of_order", f.line,
             ":60F: opens a new statement while the previous one still waits for its :62F:");
      }
      // 60F = the previous statement's 62F for the same account, when both are in the file.
      const auto previous = last_closing_.find(m.account);
      if (previous != last_closing_.end() &&
          (previous->second.signed_value() != b.signed_value() ||
           previous->second.amount.currency != b.amount.currency)) {
        fail("mt940.opening_mismatch", f.line,
             ":60F: " + b.signed_value().to_string() + " differs from the previous statement's "
             ":62F: " + previous->second.signed_value().to_string() + " (line " +
             std::to_string(previous->second.line) + ")");
      }
      contract::bank_statement header;
      header.kind = "statement";
      header.format = "mt940";
      header.source.system = options_.common.source_system;
      if (!options_.common.source_id.empty()) header.source.id = options_.common.source_id;
      header.statement_id = utf8_prefix(m.reference, 35);
      if (header.statement_id.empty()) fail("mt940.field_invalid", m.line, ":20: is empty");
      header.electronic_sequence_number = m.statement_number;
      header.account = account_of(m.account, m.account_line);
      header.account.currency = b.amount.currency;
      header.from_date = b.date;
      header.balances.push_back(b.to_contract("OPBD"));
      statement_account_ = m.account;
      statement_number_ = m.statement_number;
      statement_opening_date_ = b.date;
      last_sequence_ = m.sequence;
      statement_first_line_ = m.line;
      assembler_.begin(std::move(header), {b.line}, m.line);
    } else {
      // A later part: same account and statement, the next sequence number, and an opening
      // equal to the previous part's closing.
      if (!assembler_.open()) {
        fail("mt940.part_out_of_order", f.line, ":60M: without a statement begun by :60F:");
      }
      if (m.account != statement_account_ || m.statement_number != statement_number_) {
        fail("mt940.part_out_of_order", f.line,
             ":60M: continues statement " + statement_number_ + " but this part is for "
             "statement " + m.statement_number + " or another account");
      }
      if (last_sequence_ && m.sequence && *m.sequence != *last_sequence_ + 1) {
        fail("mt940.sequence_gap", f.line,
             ":28C: part " + std::to_string(*m.sequence) + " follows part " +
                 std::to_string(*last_sequence_));
      }
      last_sequence_ = m.sequence;
      if (!part_closing_ || part_closing_->signed_value() != b.signed_value() ||
          part_closing_->amount.currency != b.amount.currency) {
        fail("mt940.part_chain_broken", f.line,
             ":60M: " + b.signed_value().to_string() + " is not the previous part's :62M: " +
                 (part_closing_ ? part_closing_->signed_value().to_string() : "(none)"));
      }
    }
    part_closing_.reset();
  }

  void statement_line(const field& f) {
    auto& m = *message_;
    if (!m.opened || m.closed) {
      fail("mt940.field_out_of_order", f.line, ":61: outside :60a: … :62a:");
    }
    flush_entry();
    entry_ = parse_61(f);
    entry_line_ = f.line;
  }

  // 6!n[4!n]2a[1!a]15d1!a3!c16x[//16x][\n34x]
  contract::statement_entry parse_61(const field& f) const {
    const auto nl = f.value.find('\n');
    const std::string_view v = std::string_view(f.value).substr(0, nl);
    const std::string_view extra =
        nl == std::string::npos ? std::string_view{} : std::string_view(f.value).substr(nl + 1);
    auto bad = [&](std::string_view why) -> void {
      fail("mt940.statement_line_invalid", f.line,
           ":61: " + quote(v, 60) + ": " + std::string(why));
    };
    contract::statement_entry e;
    e.status = "BOOK";
    if (v.size() < 6) bad("no value date");
    e.value_date = detail::parse_yymmdd(v.substr(0, 6), f.line);
    std::size_t p = 6;
    if (v.size() >= p + 4 && is_digit(v[p]) && is_digit(v[p + 1]) && is_digit(v[p + 2]) &&
        is_digit(v[p + 3])) {
      e.booking_date = detail::entry_date_from_value_date(v.substr(p, 4), *e.value_date, f.line);
      p += 4;
    }
    // Mark: C, D, RC (reversal of credit: a debit), RD (reversal of debit: a credit). Read from
    // the left, so "RD" is never "D" with funds code "R".
    if (p < v.size() && v[p] == 'R') {
      if (p + 1 >= v.size() || (v[p + 1] != 'C' && v[p + 1] != 'D')) bad("R not followed by C/D");
      e.credit_debit = v[p + 1] == 'C' ? "DBIT" : "CRDT";
      e.reversal = true;
      p += 2;
    } else if (p < v.size() && (v[p] == 'C' || v[p] == 'D')) {
      e.credit_debit = v[p] == 'C' ? "CRDT" : "DBIT";
      p += 1;
    } else if (p < v.size() && v[p] == 'E') {
      bad("EC/ED marks belong to MT942, not MT940");
    } else {
      bad("no debit/credit mark");
    }
    if (p < v.size() && is_upper(v[p])) ++p;  // funds code: third character of the currency
    const auto amount_end = v.find_first_not_of("0123456789,", p);
    if (amount_end == std::string_view::npos || amount_end == p) bad("no amount");
    e.amount = money{detail::parse_swift_amount(v.substr(p, amount_end - p), f.line),
                     part_currency_};
    p = amount_end;
    auto alnum = [](char c) { return is_digit(c) || is_upper(c) || (c >= 'a' && c <= 'z'); };
    if (p + 4 > v.size() || (v[p] != 'S' && v[p] != 'N' && v[p] != 'F') || !alnum(v[p + 1]) ||
        !alnum(v[p + 2]) || !alnum(v[p + 3])) {
      bad("no transaction type (S, N or F and three letters or digits)");
    }
    contract::bank_transaction_code code;
    code.proprietary = contract::proprietary_code{std::string(v.substr(p, 4)), "SWIFT"};
    e.bank_transaction_code = std::move(code);
    p += 4;
    const auto rest = v.substr(p);
    const auto slashes = rest.find("//");
    const auto customer = rest.substr(0, slashes);
    if (customer.empty()) bad("no reference for the account owner (NONREF when none)");
    if (customer.size() > 16) bad("the account owner's reference is longer than 16 characters");
    contract::transaction_details details;
    if (customer != "NONREF") {
      details.references.emplace().customer_reference = std::string(customer);
    }
    if (slashes != std::string_view::npos) {
      const auto bank = rest.substr(slashes + 2);
      if (bank.size() > 16) bad("the bank's reference is longer than 16 characters");
      if (!bank.empty()) e.account_servicer_reference = std::string(bank);
    }
    if (!extra.empty()) {
      if (utf8_length(extra) > 34) bad("supplementary details longer than 34 characters");
      details.additional_information = std::string(extra);
    }
    e.details.push_back(std::move(details));
    return e;
  }

  void information(const field& f) {
    auto& m = *message_;
    // 6*65x per SWIFT; a little slack for line breaks, never more than the canonical 500.
    if (utf8_length(f.value) > 500) {
      fail("mt940.field_invalid", f.line, ":86: is longer than 500 characters");
    }
    if (entry_ && !entry_information_) {
      entry_information_ = true;
      apply_information(*entry_, f.value);
      return;
    }
    if (m.closed || !entry_) {
      // After :62a: (or before any :61:): information for the whole statement.
      statement_information_ = f.value;
      return;
    }
    fail("mt940.field_out_of_order", f.line, "a second :86: for one :61:");
  }

  static void apply_information(contract::statement_entry& e, const std::string& text) {
    e.additional_information = text;
    const auto info = parse_mt940_information(text);
    auto& d = e.details.front();
    auto refs = [&d]() -> contract::entry_references& {
      if (!d.references) d.references.emplace();
      return *d.references;
    };
    auto fits = [](const std::optional<std::string>& s, std::size_t max) {
      return s && !s->empty() && utf8_length(*s) <= max;
    };
    if (fits(info.end_to_end_id, 35)) refs().end_to_end_id = info.end_to_end_id;
    if (fits(info.mandate_id, 35)) refs().mandate_id = info.mandate_id;
    if (fits(info.customer_reference, 35) && !refs().customer_reference) {
      refs().customer_reference = info.customer_reference;
    }
    if (info.remittance && !info.remittance->empty()) {
      // The canonical line holds 140 characters; the full text stays in additional_information.
      d.remittance.emplace().unstructured = utf8_prefix(*info.remittance, 140);
    }
    // The counterparty: who paid us on a credit, whom we paid on a debit.
    const bool credit = e.credit_debit == "CRDT";
    if (fits(info.counterparty_name, 140)) {
      (credit ? d.debtor : d.creditor).emplace().name = info.counterparty_name;
    }
    if (info.counterparty_account) {
      contract::bank_account a;
      if (is_valid_iban(*info.counterparty_account)) {
        a.iban = info.counterparty_account;
      } else if (fits(info.counterparty_account, 34)) {
        a.other = contract::other_account_id{*info.counterparty_account, std::nullopt};
      }
      if (info.counterparty_bic && is_valid_bic(*info.counterparty_bic)) {
        a.bic = info.counterparty_bic;
      }
      if (a.iban || a.other) (credit ? d.debtor_account : d.creditor_account) = std::move(a);
    }
    if (d.references && !d.references->message_id && !d.references->account_servicer_reference &&
        !d.references->payment_information_id && !d.references->instruction_id &&
        !d.references->end_to_end_id && !d.references->uetr && !d.references->mandate_id &&
        !d.references->cheque_number && !d.references->customer_reference) {
      d.references.reset();
    }
  }

  void flush_entry() {
    if (!entry_) return;
    part_booked_ += detail::signed_value(entry_->amount, entry_->credit_debit);
    auto& d = entry_->details.front();
    if (!d.references && !d.additional_information && !d.remittance && !d.debtor &&
        !d.creditor && !d.debtor_account && !d.creditor_account) {
      entry_->details.clear();
    }
    assembler_.add_entry(std::move(*entry_), entry_line_);
    entry_.reset();
    entry_information_ = false;
  }

  void closing(const field& f) {
    auto& m = *message_;
    if (!m.opened) fail("mt940.field_out_of_order", f.line, ":62a: without :60a:");
    flush_entry();
    const auto b = parse_balance(f);
    if (b.amount.currency != part_currency_) {
      fail("statement.currency_mismatch", f.line,
           ":62a: in " + b.amount.currency + ", :60a: in " + part_currency_);
    }
    // This part on its own: opening + its entries = closing.
    if (part_opening_ + part_booked_ != b.signed_value()) {
      fail("statement.balance_mismatch", f.line,
           ":60a: " + part_opening_.to_string() + " + entries " + part_booked_.to_string() +
               " = " + (part_opening_ + part_booked_).to_string() + ", but :" + f.tag + ": is " +
               b.signed_value().to_string() + " " + b.amount.currency);
    }
    m.closed = true;
    if (f.tag == "62F") {
      final_closing_ = b;
    } else {
      part_closing_ = b;
    }
  }

  // A message ends at "-", at the next :20: or at the end of the file.
  void end_message(std::uint64_t line) {
    if (!message_) return;
    auto& m = *message_;
    flush_entry();
    if (m.opened && !m.closed) {
      fail("mt940.statement_incomplete", line, "message " + quote(m.reference) +
                                                   " has :60a: but no :62a:");
    }
    if (!m.opened) {
      fail("mt940.statement_incomplete", m.line,
           "message " + quote(m.reference) + " has no :60a: opening balance");
    }
    seen_any_ = true;
    if (final_closing_) {
      auto b = *final_closing_;
      final_closing_.reset();
      assembler_.add_balance(b.to_contract("CLBD"), b.line);
      for (auto& [type, extra] : pending_balances_) {
        assembler_.add_balance(extra.to_contract(type), extra.line);
      }
      auto& header = assembler_.header();
      header.to_date = b.date;
      if (statement_information_) {
        header.additional_information = std::move(*statement_information_);
      }
      last_closing_[statement_account_] = b;
      auto identity = join_identity({"mt940", account_key(header.account), statement_number_,
                                     statement_opening_date_});
      assembler_.end(std::move(identity), statement_disposition::book, line);
    }
    pending_balances_.clear();
    statement_information_.reset();
    message_.reset();
  }

  struct message_state {
    std::string reference;
    std::uint64_t line = 0;
    std::string account;
    std::uint64_t account_line = 0;
    std::string statement_number;
    std::optional<int> sequence;
    bool opened = false;
    bool closed = false;
  };

  detail::line_source& lines_;
  const line_format_options& options_;
  detail::statement_assembler assembler_;
  std::optional<field> pending_;
  std::optional<message_state> message_;
  bool seen_any_ = false;

  std::string statement_account_;
  std::string statement_number_;
  std::string statement_opening_date_;
  std::optional<int> last_sequence_;
  std::uint64_t statement_first_line_ = 0;
  std::map<std::string, swift_balance> last_closing_;

  decimal part_opening_;
  decimal part_booked_;
  std::string part_currency_;
  std::optional<swift_balance> part_closing_;
  std::optional<swift_balance> final_closing_;
  std::vector<std::pair<std::string, swift_balance>> pending_balances_;
  std::optional<std::string> statement_information_;

  std::optional<contract::statement_entry> entry_;
  std::uint64_t entry_line_ = 0;
  bool entry_information_ = false;
};

}  // namespace

void read_mt940(std::istream& in, statement_sink& sink, const line_format_options& options) {
  detail::line_source lines(&in, {}, options, "mt940");
  mt940_parser(lines, sink, options).run();
}

void read_mt940(std::string_view bytes, statement_sink& sink, const line_format_options& options) {
  detail::line_source lines(nullptr, bytes, options, "mt940");
  mt940_parser(lines, sink, options).run();
}

std::vector<parsed_statement> read_mt940(std::string_view bytes,
                                         const line_format_options& options) {
  collecting_sink sink;
  read_mt940(bytes, sink, options);
  return std::move(sink.statements());
}

}  // namespace erpc::banking

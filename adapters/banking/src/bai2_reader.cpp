// SPDX-License-Identifier: Apache-2.0
// Record layouts: vendors.md §7.2 (secondary guides quoting the BAI specification).
#include <erpc/banking/bai2_reader.hpp>

#include "bank_amount.hpp"
#include "bank_date.hpp"
#include "line_source.hpp"
#include "statement_assembler.hpp"
#include "statement_failure.hpp"

#include <erpc/banking/statement_identity.hpp>
#include <erpc/currency.hpp>

#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace erpc::banking {
namespace {

using detail::fail;
using detail::quote;

bool all_digits(std::string_view s) {
  if (s.empty()) return false;
  for (const char c : s) {
    if (c < '0' || c > '9') return false;
  }
  return true;
}

// One logical record: a physical record and its 88 continuations, fields split on ','.
struct record {
  std::string code;
  std::string text;                // the fields after the code, continuations joined by ','
  std::vector<std::size_t> joins;  // offsets in `text` of the ',' that joined a continuation
  std::uint64_t line = 0;
  std::uint64_t physical_records = 0;
};

// Fields read left to right; the last field of a 16 record (text) is "the rest".
class field_cursor {
 public:
  field_cursor(const record& r) : r_(r) {}

  bool at_end() const { return pos_ > r_.text.size(); }

  std::string_view next() {
    if (pos_ > r_.text.size()) {
      fail("bai2.field_missing", r_.line, "record " + r_.code + " ends before a required field");
    }
    const auto comma = r_.text.find(',', pos_);
    const auto end = comma == std::string::npos ? r_.text.size() : comma;
    const auto v = std::string_view(r_.text).substr(pos_, end - pos_);
    pos_ = end + 1;
    return v;
  }

  // Everything left, with the commas that only joined continuation records turned into the
  // line breaks they stood for (the text continued on the next record).
  std::string rest() {
    if (pos_ > r_.text.size()) return {};
    std::string out = r_.text.substr(pos_);
    for (const auto j : r_.joins) {
      if (j >= pos_) out[j - pos_] = ' ';
    }
    pos_ = r_.text.size() + 1;
    return out;
  }

 private:
  const record& r_;
  std::size_t pos_ = 0;
};

// Funds type (BANKING.md "BAI2": resolve it before reading fields by position).
struct funds {
  std::optional<std::string> value_date;  // V
};

funds read_funds_type(field_cursor& c, const record& r, int minor_digits) {
  funds f;
  const auto type = c.next();
  if (type.empty() || type == "Z" || type == "0" || type == "1" || type == "2") return f;
  if (type == "S") {
    for (int i = 0; i < 3; ++i) {
      const auto a = c.next();
      if (!a.empty()) (void)detail::parse_bai2_amount(a, minor_digits, true, r.line);
    }
    return f;
  }
  if (type == "V") {
    const auto date = c.next();
    const auto time = c.next();
    if (!date.empty()) f.value_date = detail::parse_yymmdd(date, r.line);
    if (!time.empty() && !(all_digits(time) && time.size() == 4)) {
      fail("bai2.field_invalid", r.line, "value time " + quote(time) + " is not HHMM");
    }
    return f;
  }
  if (type == "D") {
    const auto count = c.next();
    if (!all_digits(count) || count.size() > 3) {
      fail("bai2.field_invalid", r.line, "distribution count " + quote(count) + " is not a number");
    }
    const int n = std::stoi(std::string(count));
    for (int i = 0; i < n; ++i) {
      const auto days = c.next();
      const auto a = c.next();
      if (!all_digits(days)) {
        fail("bai2.field_invalid", r.line, "availability days " + quote(days) + " not a number");
      }
      (void)detail::parse_bai2_amount(a, minor_digits, true, r.line);
    }
    return f;
  }
  fail("bai2.funds_type_invalid", r.line,
       "funds type " + quote(type) + " is not Z, 0, 1, 2, S, V or D");
}

std::int64_t minor_units(const decimal& d, int minor_digits) {
  const auto units = d.to_minor_units(minor_digits);
  return units.value_or(0);  // parse_bai2_amount keeps ≤ 18 digits, so this always fits
}

void add_to_total(std::int64_t& total, std::int64_t amount, const record& r) {
  if (__builtin_add_overflow(total, amount, &total)) {
    fail("bai2.control_total_overflow", r.line, "the amounts add up beyond 18 digits");
  }
}

std::string_view clean_time(std::string_view time, const record& r) {
  // HHMM; 2400 and 9999 both mean end of day.
  if (!time.empty() &&
      !(time.size() == 4 && all_digits(time) &&
        (time == "9999" || (std::stoi(std::string(time.substr(0, 2))) <= 24 &&
                            std::stoi(std::string(time.substr(2))) <= 59)))) {
    fail("bai2.field_invalid", r.line, "time " + quote(time) + " is not HHMM");
  }
  return time;
}

class bai2_parser {
 public:
  bai2_parser(detail::line_source& lines, statement_sink& sink,
              const line_format_options& options)
      : lines_(lines), options_(options), assembler_(sink) {}

  void run() {
    std::string line;
    std::optional<record> current;
    while (lines_.next(line)) {
      const auto at = lines_.line_number();
      while (!line.empty() && line.back() == ' ') line.pop_back();  // fixed-length padding
      if (line.empty()) continue;
      if (line.size() < 2 || !all_digits(line.substr(0, 2)) ||
          (line.size() > 2 && line[2] != ',' && line[2] != '/')) {
        fail("bai2.record_invalid", at, "a record starts with a two-digit code and ','");
      }
      const std::string code = line.substr(0, 2);
      std::string body = line.size() > 3 ? line.substr(3) : std::string();
      if (!body.empty() && body.back() == '/') body.pop_back();
      if (code == "88") {
        if (!current || current->code == "01" || current->code == "99") {
          fail("bai2.record_out_of_order", at, "88 continues no record");
        }
        current->joins.push_back(current->text.size());
        current->text += ',';
        current->text += body;
        ++current->physical_records;
        continue;
      }
      if (current) handle(*current);
      current = record{code, body, {}, at, 1};
    }
    if (current) handle(*current);
    if (!file_closed_) {
      fail("bai2.truncated", lines_.line_number(),
           seen_header_ ? "the file ends before its 99 trailer" : "the file has no 01 header");
    }
  }

 private:
  void handle(const record& r) {
    if (file_closed_) fail("bai2.record_out_of_order", r.line, "record after the 99 trailer");
    if (!seen_header_ && r.code != "01") {
      fail("bai2.record_out_of_order", r.line, "the file does not start with 01");
    }
    file_records_ += r.physical_records;
    if (in_group_) group_records_ += r.physical_records;
    if (in_account_) account_records_ += r.physical_records;

    if (r.code == "01") return file_header(r);
    if (r.code == "02") return group_header(r);
    if (r.code == "03") return account_header(r);
    if (r.code == "16") return detail_record(r);
    if (r.code == "49") return account_trailer(r);
    if (r.code == "98") return group_trailer(r);
    if (r.code == "99") return file_trailer(r);
    fail("bai2.record_invalid", r.line, "unknown record code " + quote(r.code));
  }

  void file_header(const record& r) {
    if (seen_header_) fail("bai2.record_out_of_order", r.line, "a second 01 header");
    seen_header_ = true;
    file_records_ = 1;
    field_cursor c(r);
    sender_ = std::string(c.next());
    receiver_ = std::string(c.next());
    creation_date_ = detail::parse_yymmdd(c.next(), r.line);
    clean_time(c.next(), r);
    file_id_ = std::string(c.next());
    if (sender_.empty() || file_id_.empty()) {
      fail("bai2.field_missing", r.line, "01 lacks the sender or the file id");
    }
    c.next();  // physical record length
    c.next();  // block size
    const auto version = c.next();
    if (version != "2") {
      fail("bai2.unsupported_version", r.line, "version " + quote(version) + "; only BAI2 is read");
    }
  }

  void group_header(const record& r) {
    if (in_group_) fail("bai2.record_out_of_order", r.line, "02 inside an open group");
    in_group_ = true;
    group_records_ = 1;
    group_total_ = 0;
    group_accounts_ = 0;
    group_line_ = r.line;
    field_cursor c(r);
    c.next();  // ultimate receiver
    c.next();  // originator
    const auto status = c.next();
    if (status != "1" && status != "2" && status != "3" && status != "4") {
      fail("bai2.field_invalid", r.line, "group status " + quote(status) + " is not 1-4");
    }
    group_status_ = status[0] - '0';
    as_of_date_ = detail::parse_yymmdd(c.next(), r.line);
    clean_time(c.next(), r);
    group_currency_ = std::string(c.next());
    const auto modifier = c.at_end() ? std::string_view{} : c.next();
    if (!modifier.empty() && modifier != "1" && modifier != "2" && modifier != "3" &&
        modifier != "4") {
      fail("bai2.field_invalid", r.line, "as-of-date modifier " + quote(modifier) + " is not 1-4");
    }
    // Same-day reports (modifier 3 interim, 4 final same-day) are intraday: their entries are
    // pending and are replaced by the next previous-day report (BANKING.md "Identity").
    intraday_ = modifier == "3" || modifier == "4";
  }

  int minor_digits_for(const std::string& currency, const record& r) const {
    if (!is_currency_code(currency)) {
      fail("statement.currency_invalid", r.line, quote(currency) + " is not an ISO 4217 code");
    }
    const auto m = currency_minor_units(currency);
    if (!m) fail("statement.currency_invalid", r.line, currency + " has no minor unit");
    return *m;
  }

  void account_header(const record& r) {
    if (!in_group_) fail("bai2.record_out_of_order", r.line, "03 outside a group");
    if (in_account_) fail("bai2.record_out_of_order", r.line, "03 inside an open account");
    in_account_ = true;
    account_records_ = r.physical_records;
    account_total_ = 0;
    account_details_ = 0;
    account_line_ = r.line;
    field_cursor c(r);
    const std::string account(c.next());
    std::string currency(c.next());
    if (currency.empty()) currency = group_currency_;  // blank: the group's currency
    if (currency.empty()) {
      fail("bai2.field_missing", r.line, "neither the account nor its group names a currency");
    }
    if (account.empty()) fail("bai2.field_missing", r.line, "03 without an account number");
    if (account.size() > 34) fail("bai2.field_invalid", r.line, "account longer than 34 chars");
    currency_ = currency;
    minor_ = minor_digits_for(currency, r);

    contract::bank_statement header;
    header.kind = intraday_ ? "intraday_report" : "statement";
    header.format = "bai2";
    header.source.system = options_.common.source_system;
    if (!options_.common.source_id.empty()) header.source.id = options_.common.source_id;
    if (file_id_.size() > 35) fail("bai2.field_invalid", r.line, "file id longer than 35 chars");
    header.statement_id = file_id_;
    header.account.other = contract::other_account_id{account, std::nullopt};
    header.account.currency = currency;
    header.from_date = as_of_date_;
    header.to_date = as_of_date_;
    std::vector<std::uint64_t> lines;

    // Summary: repeating (type code, amount, item count, funds type …).
    opening_seen_ = closing_seen_ = false;
    while (!c.at_end()) {
      const auto type = c.next();
      if (type.empty()) continue;  // a stray empty field before '/' (seen in bank samples)
      if (!all_digits(type) || type.size() != 3) {
        fail("bai2.field_invalid", r.line, "type code " + quote(type) + " is not three digits");
      }
      const auto amount_text = c.next();
      c.next();  // item count
      read_funds_type(c, r, minor_);
      if (amount_text.empty()) continue;
      const auto amount = detail::parse_bai2_amount(amount_text, minor_, true, r.line);
      add_to_total(account_total_, minor_units(amount, minor_), r);
      const char* canonical = balance_type(type);
      if (canonical == nullptr) continue;
      contract::statement_balance b;
      b.type = canonical;
      b.amount = money{amount.abs(), currency};
      b.credit_debit = amount.is_negative() ? "DBIT" : "CRDT";
      b.date = as_of_date_;
      if (type == "010") opening_seen_ = true;
      if (type == "015") closing_seen_ = true;
      header.balances.push_back(std::move(b));
      lines.push_back(r.line);
    }
    account_number_ = account;
    assembler_.begin(std::move(header), std::move(lines), r.line);
  }

  // Ledger and available balances; other summary codes (float, totals) are counted in the
  // control total but are not balances of the statement.
  const char* balance_type(std::string_view type) const {
    if (intraday_) {
      if (type == "015") return "ITBD";
      if (type == "045") return "ITAV";
      return nullptr;
    }
    if (type == "010") return "OPBD";
    if (type == "015") return "CLBD";
    if (type == "040") return "OPAV";
    if (type == "045") return "CLAV";
    return nullptr;
  }

  void detail_record(const record& r) {
    if (!in_account_) fail("bai2.record_out_of_order", r.line, "16 outside an account");
    field_cursor c(r);
    const auto type = c.next();
    if (!all_digits(type) || type.size() != 3) {
      fail("bai2.field_invalid", r.line, "type code " + quote(type) + " is not three digits");
    }
    const auto amount_text = c.next();
    const auto f = read_funds_type(c, r, minor_);
    const auto bank_ref = c.next();
    const auto customer_ref = c.at_end() ? std::string_view{} : c.next();
    std::string text = c.rest();
    while (!text.empty() && text.back() == ' ') text.pop_back();

    const decimal amount = amount_text.empty()
                               ? decimal{}
                               : detail::parse_bai2_amount(amount_text, minor_, false, r.line);
    add_to_total(account_total_, minor_units(amount, minor_), r);
    ++account_details_;
    const int code = std::stoi(std::string(type));
    // Direction by type code: 100–399 credit, 400–699 debit (BANKING.md "BAI2").
    std::string credit_debit;
    if (code >= 100 && code <= 399) credit_debit = "CRDT";
    if (code >= 400 && code <= 699) credit_debit = "DBIT";
    if (credit_debit.empty()) {
      if (amount.is_zero()) return;  // non-monetary information (e.g. 890): not an entry
      fail("bai2.type_code_unsupported", r.line,
           "detail type code " + std::string(type) +
               " has no direction (credits are 100-399, debits 400-699)");
    }
    contract::statement_entry e;
    e.amount = money{amount, currency_};
    e.credit_debit = credit_debit;
    e.status = intraday_ ? "PDNG" : "BOOK";
    if (!intraday_) e.booking_date = as_of_date_;
    if (f.value_date) e.value_date = f.value_date;
    contract::bank_transaction_code btc;
    btc.proprietary = contract::proprietary_code{std::string(type), "BAI"};
    e.bank_transaction_code = std::move(btc);
    if (!bank_ref.empty()) {
      if (bank_ref.size() > 35) fail("bai2.field_invalid", r.line, "bank reference > 35 chars");
      e.account_servicer_reference = std::string(bank_ref);
    }
    if (!customer_ref.empty()) {
      if (customer_ref.size() > 35) {
        fail("bai2.field_invalid", r.line, "customer reference > 35 chars");
      }
      contract::transaction_details d;
      d.references.emplace().customer_reference = std::string(customer_ref);
      e.details.push_back(std::move(d));
    }
    if (!text.empty()) {
      std::size_t chars = 0;
      for (const char ch : text) chars += (static_cast<unsigned char>(ch) & 0xC0) != 0x80;
      if (chars > 500) fail("bai2.field_invalid", r.line, "text longer than 500 characters");
      e.additional_information = std::move(text);
    }
    assembler_.add_entry(std::move(e), r.line);
  }

  void check_count(std::string_view declared, std::int64_t actual, const record& r,
                   std::string_view what) const {
    if (!all_digits(declared) || declared.size() > 15 ||
        std::stoll(std::string(declared)) != actual) {
      fail("bai2.record_count_mismatch", r.line,
           std::string(what) + " says " + quote(declared) + ", the file has " +
               std::to_string(actual));
    }
  }

  void check_total(std::string_view declared, std::int64_t actual, const record& r,
                   std::string_view what) const {
    // Totals are in the implied-decimal units of the records they add up; compare as integers.
    std::string_view digits = declared;
    bool negative = false;
    if (!digits.empty() && (digits.front() == '-' || digits.front() == '+')) {
      negative = digits.front() == '-';
      digits.remove_prefix(1);
    }
    if (!all_digits(digits) || digits.size() > 18) {
      fail("bai2.field_invalid", r.line, std::string(what) + " " + quote(declared) +
                                             " is not a whole number of at most 18 digits");
    }
    const auto value = (negative ? -1 : 1) * std::stoll(std::string(digits));
    if (value != actual) {
      fail("bai2.control_total_mismatch", r.line,
           std::string(what) + " is " + std::string(declared) + ", but the amounts add up to " +
               std::to_string(actual));
    }
  }

  void account_trailer(const record& r) {
    if (!in_account_) fail("bai2.record_out_of_order", r.line, "49 without an account");
    field_cursor c(r);
    check_total(c.next(), account_total_, r, "account control total (49)");
    check_count(c.next(), static_cast<std::int64_t>(account_records_), r,
                "account record count (49)");
    if (!intraday_ && account_details_ == 0 && opening_seen_ && closing_seen_) {
      // No detail, yet the ledger moved: the bank reported balances only. Booking from it
      // would lose every transaction, so it is refused rather than passed on as complete.
      const auto& h = assembler_.header();
      const auto* o = &h.balances.front();
      const auto* cl = o;
      for (const auto& b : h.balances) {
        if (b.type == "OPBD") o = &b;
        if (b.type == "CLBD") cl = &b;
      }
      if (detail::signed_value(o->amount, o->credit_debit) !=
          detail::signed_value(cl->amount, cl->credit_debit)) {
        fail("bai2.detail_missing", account_line_,
             "the ledger balance moves from " +
                 detail::signed_value(o->amount, o->credit_debit).to_string() + " to " +
                 detail::signed_value(cl->amount, cl->credit_debit).to_string() +
                 " but the account has no 16 detail records");
      }
    }
    const auto disposition = group_status_ == 4   ? statement_disposition::test
                             : group_status_ == 1 ? statement_disposition::book
                                                  : statement_disposition::needs_review;
    auto identity = join_identity({"bai2", sender_, file_id_, creation_date_,
                                   account_key(assembler_.header().account), as_of_date_});
    assembler_.end(std::move(identity), disposition, r.line);
    in_account_ = false;
    add_to_total(group_total_, account_total_, r);
    ++group_accounts_;
  }

  void group_trailer(const record& r) {
    if (!in_group_ || in_account_) {
      fail("bai2.record_out_of_order", r.line, "98 without a group, or inside an account");
    }
    field_cursor c(r);
    check_total(c.next(), group_total_, r, "group control total (98)");
    check_count(c.next(), group_accounts_, r, "group account count (98)");
    check_count(c.next(), static_cast<std::int64_t>(group_records_), r, "group record count (98)");
    in_group_ = false;
    add_to_total(file_total_, group_total_, r);
    ++file_groups_;
  }

  void file_trailer(const record& r) {
    if (in_group_) fail("bai2.record_out_of_order", r.line, "99 inside an open group");
    field_cursor c(r);
    check_total(c.next(), file_total_, r, "file control total (99)");
    check_count(c.next(), file_groups_, r, "file group count (99)");
    check_count(c.next(), static_cast<std::int64_t>(file_records_), r, "file record count (99)");
    file_closed_ = true;
  }

  detail::line_source& lines_;
  const line_format_options& options_;
  detail::statement_assembler assembler_;

  bool seen_header_ = false;
  bool file_closed_ = false;
  std::string sender_, receiver_, creation_date_, file_id_;
  std::uint64_t file_records_ = 0;
  std::int64_t file_total_ = 0;
  std::int64_t file_groups_ = 0;

  bool in_group_ = false;
  int group_status_ = 1;
  bool intraday_ = false;
  std::string as_of_date_;
  std::string group_currency_;
  std::uint64_t group_records_ = 0;
  std::uint64_t group_line_ = 0;
  std::int64_t group_total_ = 0;
  std::int64_t group_accounts_ = 0;

  bool in_account_ = false;
  std::string account_number_;
  std::string currency_;
  int minor_ = 2;
  std::uint64_t account_records_ = 0;
  std::uint64_t account_line_ = 0;
  std::int64_t account_total_ = 0;
  std::size_t account_details_ = 0;
  bool opening_seen_ = false;
  bool closing_seen_ = false;
};

}  // namespace

void read_bai2(std::istream& in, statement_sink& sink, const line_format_options& options) {
  detail::line_source lines(&in, {}, options, "bai2");
  bai2_parser(lines, sink, options).run();
}

void read_bai2(std::string_view bytes, statement_sink& sink, const line_format_options& options) {
  detail::line_source lines(nullptr, bytes, options, "bai2");
  bai2_parser(lines, sink, options).run();
}

std::vector<parsed_statement> read_bai2(std::string_view bytes,
                                        const line_format_options& options) {
  collecting_sink sink;
  read_bai2(bytes, sink, options);
  return std::move(sink.statements());
}

}  // namespace erpc::banking

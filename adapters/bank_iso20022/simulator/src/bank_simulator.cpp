// SPDX-License-Identifier: Apache-2.0
// The simulated bank: pickup → pain.002 (vendors.md §6.2, §6.3), end of day → statement
// (§6.1, §7.1, §7.2), following BANKING.md (status codes, batch booking, returns, balances)
// and the folder contract of docs/bank-file-contract.md.
#include <erpc/sim/bank/bank_simulator.hpp>

#include "bank_folders.hpp"
#include "bank_settings.hpp"
#include "pain001_reader.hpp"
#include "pain002_writer.hpp"
#include "statement_writers.hpp"

#include <erpc/banking/target_calendar.hpp>
#include <erpc/currency.hpp>
#include <erpc/error.hpp>
#include <erpc/host/server_response.hpp>

#include <spdlog/spdlog.h>

#include <chrono>
#include <condition_variable>
#include <cstdio>
#include <map>
#include <mutex>
#include <optional>
#include <set>
#include <thread>

namespace erpc::sim::bank {

namespace fs = std::filesystem;

namespace {

std::string today_utc() {
  const std::chrono::year_month_day d{
      std::chrono::floor<std::chrono::days>(std::chrono::system_clock::now())};
  char buf[32];
  std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", static_cast<int>(d.year()),
                static_cast<unsigned>(d.month()), static_cast<unsigned>(d.day()));
  return buf;
}

std::string time_of_day_utc() {
  const auto now = std::chrono::system_clock::now();
  const auto since_midnight = now - std::chrono::floor<std::chrono::days>(now);
  const auto s = std::chrono::duration_cast<std::chrono::seconds>(since_midnight).count();
  char buf[32];
  std::snprintf(buf, sizeof buf, "%02d:%02d:%02d", static_cast<int>(s / 3600),
                static_cast<int>(s / 60 % 60), static_cast<int>(s % 60));
  return buf;
}

std::string compact(const std::string& date) {
  return date.substr(0, 4) + date.substr(5, 2) + date.substr(8, 2);
}

// A payment accepted at pickup and not yet booked.
struct pending_payment {
  std::string account_iban;
  std::string message_id;
  std::string message_name;
  std::string payment_information_id;
  bool batch_booking = true;
  std::string execution_date;
  pain001_transaction transaction;
  // What leaves the account, in its currency: the amount, or for a payment in another
  // currency the amount × `exchange_rate` (fx.rates at pickup), half-even to minor units.
  decimal booked_amount;
  std::optional<decimal> exchange_rate;
};

struct scheduled_return {
  std::string account_iban;
  std::string due_date;
  booked_transaction transaction;
};

struct account_state {
  account_config config;
  decimal balance;
  decimal reserved;  // accepted, not yet booked
  std::uint32_t next_sequence = 1;
};

// Status of a set of transactions: all the same → that one; mixed → PART.
std::string combined_status(const std::vector<std::string>& statuses) {
  if (statuses.empty()) return {};
  for (const auto& s : statuses) {
    if (s != statuses.front()) return "PART";
  }
  return statuses.front();
}

nlohmann::json amount_json(const decimal& d) { return d.to_string(); }

}  // namespace

struct bank_simulator::impl {
  mutable std::mutex mutex;
  simulator_context* context = nullptr;

  bool initialised = false;
  std::vector<account_state> accounts;
  std::string business_date;
  std::uint64_t counter = 0;
  std::map<std::string, std::string> seen_message_ids;  // MsgId → business date received
  std::set<std::string> content_keys;
  std::vector<pending_payment> pending;
  std::vector<scheduled_return> returns;

  std::mutex poll_mutex;
  std::condition_variable poll_wake;
  bool stopping = false;
  std::thread poller;

  simulator_settings& settings() const { return context->settings(); }

  void initialise_locked() {
    if (initialised) return;
    accounts.clear();
    for (auto& c : parse_accounts(settings().text("accounts"))) {
      account_state a;
      a.balance = c.opening_balance;
      a.config = std::move(c);
      a.next_sequence = static_cast<std::uint32_t>(settings().integer("statement.sequence_start"));
      accounts.push_back(std::move(a));
    }
    const auto start = settings().text("calendar.start_date");
    business_date = start.empty() ? today_utc() : start;
    if (banking::parse_calendar_date(business_date).year == 0) {
      throw error(error_class::configuration, "bank.rule_invalid",
                  "setting calendar.start_date: '" + business_date.substr(0, 16) +
                      "' is not a date YYYY-MM-DD");
    }
    initialised = true;
  }

  account_state* account(const std::string& iban) {
    for (auto& a : accounts) {
      if (a.config.iban == iban) return &a;
    }
    return nullptr;
  }

  fs::path folder(const char* name) const {
    const auto value = settings().text(name);
    if (value.empty()) {
      throw error(error_class::configuration, "bank.folder_not_set",
                  std::string("setting ") + name + " is empty: the bank has no folder to use");
    }
    return value;
  }

  std::string next_business_date(const std::string& date) const {
    const auto d = banking::parse_calendar_date(date);
    // next_target_business_day answers the day itself when it is a business day.
    const auto tomorrow = banking::next_day(d);
    return banking::to_string(settings().text("calendar.business_days") == "target"
                                  ? banking::next_target_business_day(tomorrow)
                                  : tomorrow);
  }

  std::string next_id(const std::string& prefix) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%07llu", static_cast<unsigned long long>(++counter % 10000000));
    return prefix + compact(business_date) + buf;
  }

  // ---- pickup ----------------------------------------------------------------------------

  nlohmann::json cycle() {
    const std::lock_guard lock(mutex);
    initialise_locked();
    const auto outbound = folder("folders.outbound");
    const auto inbound = folder("folders.inbound");
    const auto archive = folder("folders.archive");
    auto result = nlohmann::json{{"business_date", business_date},
                                 {"picked_up", nlohmann::json::array()},
                                 {"rejected_files", nlohmann::json::array()}};
    for (const auto& file : waiting_files(outbound)) {
      std::string bytes;
      pain001_message message;
      try {
        const auto max = static_cast<std::size_t>(settings().integer("pickup.max_bytes"));
        if (!read_file_up_to(file, max, bytes)) {
          throw error(error_class::validation, "pain001.too_large",
                      "the file is larger than the " + std::to_string(max) + "-byte limit");
        }
        message = read_pain001(bytes, banking::untrusted_xml_limits{
                                          static_cast<std::size_t>(max), 32, 4096});
      } catch (const error& e) {
        auto refused = reject_file(file, archive, e.code(), e.what());
        // A file whose group header can be read is answered as a bank does: the whole
        // message rejected with FF01 (invalid file format), so the sender knows to resubmit.
        if (settings().boolean("rejection.file_format_report") && !bytes.empty()) {
          if (const auto header = read_pain001_header(bytes)) {
            refused["report"] = answer_invalid_file(*header, e.what(), inbound);
          }
        }
        result["rejected_files"].push_back(std::move(refused));
        continue;
      }
      const auto kept = move_into(file, archive / "picked-up");
      context->effects().record_write("pain001", "pickup-" + std::to_string(++counter),
                                      message.message_id);
      auto answer = answer_message(message, inbound);
      answer["file"] = file.filename().string();
      answer["archived_as"] = kept.string();
      result["picked_up"].push_back(std::move(answer));
    }
    return result;
  }

  nlohmann::json reject_file(const fs::path& file, const fs::path& archive,
                             const std::string& code, const std::string& message) {
    const auto rejected = archive / "rejected";
    const auto name = file.filename().string();
    spdlog::warn("bank simulator: {} refused ({}): {}", name, code, message);
    auto report = nlohmann::json{{"file", name}, {"code", code}, {"message", message}};
    const auto moved = move_into(file, rejected);
    report["moved_to"] = moved.string();
    deliver_file(rejected, moved.filename().string() + ".error.json", report.dump(2) + "\n");
    context->effects().record_write("rejected_file", moved.filename().string(), name);
    return report;
  }

  std::string answer_invalid_file(const pain001_header& h, const std::string& why,
                                  const fs::path& inbound) {
    pain002_content r;
    r.version = settings().text("pain002.version");
    r.message_id = next_id("PSR");
    r.creation_date_time = business_date + "T" + time_of_day_utc();
    r.original_message_id = h.message_id;
    r.original_message_name = h.message_name;
    r.original_creation_date_time = h.creation_date_time;
    r.group_status = "RJCT";
    r.group_reason = status_reason{"FF01", why.substr(0, 105)};
    // The MsgId is used up even so: a resubmission needs a new one (BANKING.md "Identifiers").
    seen_message_ids.emplace(h.message_id, business_date);
    deliver(r, inbound);
    return r.message_id;
  }

  nlohmann::json answer_message(const pain001_message& m, const fs::path& inbound) {
    pain002_content r;
    r.version = settings().text("pain002.version");
    r.message_id = next_id("PSR");
    r.creation_date_time = business_date + "T" + time_of_day_utc();
    r.original_message_id = m.message_id;
    r.original_message_name = m.message_name;
    r.original_creation_date_time = m.creation_date_time;
    r.original_number_of_transactions = m.number_of_transactions;
    if (m.control_sum) r.original_control_sum = m.control_sum;
    auto summary = nlohmann::json{{"message_id", m.message_id}, {"report", r.message_id}};

    const auto seen = seen_message_ids.find(m.message_id);
    if (seen != seen_message_ids.end() && settings().boolean("rejection.duplicate_message_id")) {
      // A reused MsgId: the whole message is refused and nothing of it is booked (vendors.md
      // §6.2 uniqueness, §6.3 DUPL).
      r.group_status = "RJCT";
      r.group_reason = status_reason{"DUPL", "MsgId already received on " + seen->second};
      summary["group_status"] = "RJCT";
      summary["accepted"] = 0;
      summary["rejected"] = m.number_of_transactions;
      deliver(r, inbound);
      return summary;
    }
    seen_message_ids.emplace(m.message_id, business_date);

    const auto creditor_rules = parse_account_rules(settings().text("rejection.creditor_accounts"),
                                                    "AC01", "rejection.creditor_accounts");
    const auto amount_above =
        parse_optional_amount(settings().text("rejection.amount_above"), "rejection.amount_above");
    const auto amount_reason =
        checked_reason_code(settings().text("rejection.amount_reason"), "rejection.amount_reason");
    const bool check_funds = settings().boolean("rejection.check_funds");
    const bool dedupe = settings().boolean("dedupe.content");
    const auto accepted_status = settings().text("status.on_pickup");
    const bool batch_default = settings().boolean("batch_booking.default");
    const auto fx_rates = parse_fx_rates(settings().text("fx.rates"), "fx.rates");

    std::vector<std::string> all_statuses;
    std::size_t accepted = 0;
    for (const auto& p : m.payment_information) {
      auto* acct = account(p.debtor_account);
      payment_information_status_report pr;
      pr.original_payment_information_id = p.payment_information_id;
      pr.original_number_of_transactions = p.transactions.size();
      pr.original_control_sum = p.total();
      std::vector<std::string> statuses;
      for (const auto& t : p.transactions) {
        std::optional<status_reason> reason;
        const std::string content_key = p.debtor_account + "|" + t.creditor_account + "|" +
                                        t.amount.normalized().to_string() + "|" + t.currency +
                                        "|" + t.end_to_end_id + "|" + t.remittance_unstructured +
                                        "|" + t.remittance_reference;
        // A payment in another currency is converted when the bank has a rate for it.
        decimal booked_amount = t.amount;
        std::optional<decimal> exchange_rate;
        if (acct != nullptr && t.currency != acct->config.currency) {
          if (const auto rate = fx_rates.find({t.currency, acct->config.currency});
              rate != fx_rates.end()) {
            exchange_rate = rate->second;
            booked_amount = t.amount.multiply(
                rate->second, currency_minor_units(acct->config.currency).value_or(2),
                rounding::half_even);
          }
        }
        if (acct == nullptr) {
          reason = status_reason{"AC01", "debtor account is not held at this bank"};
        } else if (t.currency != acct->config.currency && !exchange_rate) {
          reason = status_reason{"AM03", "currency differs from the account currency " +
                                             acct->config.currency};
        } else if (t.amount.is_zero()) {
          reason = status_reason{"AM01", "zero amount"};
        } else if (const auto rule = creditor_rules.find(t.creditor_account);
                   rule != creditor_rules.end()) {
          reason = status_reason{rule->second, "creditor account refused by the bank"};
        } else if (amount_above && t.amount > *amount_above) {
          reason = status_reason{amount_reason, "amount above " + amount_above->to_string()};
        } else if (check_funds && acct->balance - acct->reserved - booked_amount < decimal{}) {
          reason = status_reason{"AM04", "insufficient funds"};
        } else if (dedupe && content_keys.count(content_key) != 0) {
          reason = status_reason{"AM05", "duplicate of a payment accepted before"};
        }
        transaction_status_report tr;
        tr.original_instruction_id = t.instruction_id;
        tr.original_end_to_end_id = t.end_to_end_id;
        if (reason) {
          tr.status = "RJCT";
          tr.reason = reason;
        } else {
          tr.status = accepted_status;
          tr.acceptance_date_time = r.creation_date_time;
          acct->reserved = acct->reserved + booked_amount;
          content_keys.insert(content_key);
          pending.push_back(pending_payment{acct->config.iban, m.message_id, m.message_name,
                                            p.payment_information_id,
                                            p.batch_booking.value_or(batch_default),
                                            p.requested_execution_date, t, booked_amount,
                                            exchange_rate});
          ++accepted;
        }
        statuses.push_back(tr.status);
        all_statuses.push_back(tr.status);
        pr.transactions.push_back(std::move(tr));
      }
      pr.status = combined_status(statuses);
      if (acct == nullptr) {
        pr.reason = status_reason{"AC01", "debtor account is not held at this bank"};
      }
      r.payment_information.push_back(std::move(pr));
    }
    r.group_status = combined_status(all_statuses);
    summary["group_status"] = r.group_status;
    summary["accepted"] = accepted;
    summary["rejected"] = all_statuses.size() - accepted;
    deliver(r, inbound);
    return summary;
  }

  void deliver(const pain002_content& r, const fs::path& inbound) {
    deliver_file(inbound, r.message_id + ".xml", write_pain002(r));
    context->effects().record_write("pain002", r.message_id, r.original_message_id);
  }

  // ---- end of day ------------------------------------------------------------------------

  struct settled {
    std::string message_name;
    std::map<std::string, std::vector<transaction_status_report>> by_payment_information;
  };

  nlohmann::json end_of_day() {
    const std::lock_guard lock(mutex);
    initialise_locked();
    const auto inbound = folder("folders.inbound");
    const auto format = settings().text("statement.format");
    const auto charge =
        parse_optional_amount(settings().text("charges.per_payment"), "charges.per_payment")
            .value_or(decimal{});
    const bool netted = settings().text("charges.booking") == "netted";
    const bool honour_batches = settings().boolean("batch_booking.honour");
    const bool transaction_details = settings().boolean("batch_booking.transaction_details");
    const auto return_reason =
        checked_reason_code(settings().text("returns.reason"), "returns.reason");
    const auto return_rules = parse_account_rules(settings().text("returns.creditor_accounts"),
                                                  return_reason, "returns.creditor_accounts");
    const auto return_rates = parse_fx_rates(settings().text("returns.fx_rates"), "returns.fx_rates");
    const std::string date = business_date;
    const std::string next_date = next_business_date(date);

    auto result = nlohmann::json{{"business_date", date},
                                 {"statements", nlohmann::json::array()},
                                 {"settlement_reports", nlohmann::json::array()}};
    std::map<std::string, settled> settled_by_message;

    for (auto& acct : accounts) {
      statement_content s;
      s.sequence_number = acct.next_sequence;
      s.message_id = "STMT" + compact(date) + "-" + std::to_string(s.sequence_number);
      s.statement_id = (compact(date) + "-" + acct.config.iban).substr(0, 35);
      s.creation_date_time = date + "T20:00:00";
      s.business_date = date;
      s.account = statement_account{acct.config.iban, acct.config.bic, acct.config.currency,
                                    acct.config.owner_name};
      s.opening_balance = acct.balance;

      // Returns due: the creditor's bank sent the money back (BANKING.md "returned").
      for (auto it = returns.begin(); it != returns.end();) {
        if (it->account_iban != acct.config.iban || it->due_date > date) {
          ++it;
          continue;
        }
        statement_line l;
        l.kind = line_kind::return_credit;
        l.account_servicer_reference = next_id("B");
        l.amount = it->transaction.amount;
        l.credit = true;
        l.booking_date = l.value_date = date;
        l.transactions.push_back(it->transaction);
        l.additional_information = "Return " + it->transaction.return_reason + " of " +
                                   it->transaction.end_to_end_id;
        context->effects().record_write("return", l.account_servicer_reference,
                                        it->transaction.end_to_end_id);
        s.lines.push_back(std::move(l));
        it = returns.erase(it);
      }

      // Payments due, in the order they were accepted; a batch-booked PmtInf is one entry.
      std::vector<pending_payment> due;
      for (auto it = pending.begin(); it != pending.end();) {
        if (it->account_iban == acct.config.iban && it->execution_date <= date) {
          due.push_back(std::move(*it));
          it = pending.erase(it);
        } else {
          ++it;
        }
      }
      std::vector<std::vector<const pending_payment*>> groups;
      for (const auto& p : due) {
        const bool batch = honour_batches && p.batch_booking;
        if (batch && !groups.empty() && groups.back().front()->batch_booking && honour_batches &&
            groups.back().front()->message_id == p.message_id &&
            groups.back().front()->payment_information_id == p.payment_information_id) {
          groups.back().push_back(&p);
        } else {
          groups.push_back({&p});
        }
      }
      for (const auto& g : groups) {
        const bool batch = honour_batches && g.front()->batch_booking;
        statement_line l;
        l.kind = line_kind::payment;
        l.account_servicer_reference = next_id("B");
        l.credit = false;
        l.booking_date = l.value_date = date;
        decimal total;
        for (const auto* p : g) {
          const auto& t = p->transaction;
          total = total + p->booked_amount;
          l.transactions.push_back(booked_transaction{
              p->message_id, p->payment_information_id, t.instruction_id, t.end_to_end_id,
              p->booked_amount, t.creditor_name, t.creditor_account,
              t.remittance_unstructured.empty() ? t.remittance_reference
                                                : t.remittance_unstructured,
              "", p->exchange_rate ? t.currency : std::string(),
              p->exchange_rate ? t.amount : decimal{}, p->exchange_rate.value_or(decimal{})});
        }
        l.amount = total;
        if (batch) {
          l.batch = statement_line::batch_info{g.front()->message_id,
                                               g.front()->payment_information_id, g.size(), total};
          l.write_transaction_details = transaction_details;
        }
        if (netted && !charge.is_zero()) {
          for (std::size_t i = 0; i < g.size(); ++i) l.amount = l.amount + charge;
          l.additional_information = "including charges of " + charge.to_string() + " " +
                                     acct.config.currency + " per payment";
        }
        const auto reference = l.account_servicer_reference;
        std::vector<statement_line> charge_lines;
        for (const auto* p : g) {
          const auto& t = p->transaction;
          acct.reserved = acct.reserved - p->booked_amount;
          context->effects().record_write(
              "booking", p->message_id + "/" + p->payment_information_id + "/" + t.end_to_end_id,
              t.end_to_end_id);
          auto& settled_message = settled_by_message[p->message_id];
          settled_message.message_name = p->message_name;
          transaction_status_report tr;
          tr.original_instruction_id = t.instruction_id;
          tr.original_end_to_end_id = t.end_to_end_id;
          tr.status = "ACSC";
          tr.account_servicer_reference = reference;
          settled_message.by_payment_information[p->payment_information_id].push_back(tr);
          if (const auto ret = return_rules.find(t.creditor_account); ret != return_rules.end()) {
            booked_transaction back{p->message_id, p->payment_information_id, t.instruction_id,
                                    t.end_to_end_id, p->booked_amount, t.creditor_name,
                                    t.creditor_account, t.remittance_unstructured, ret->second,
                                    "", decimal{}, decimal{}};
            if (p->exchange_rate) {
              // A converted payment comes back in its own currency and is converted again, at
              // the bank's rate of the return day (returns.fx_rates), else at the payment's: the
              // credit names the instructed amount (AmtDtls/InstdAmt) and what it credits.
              back.instructed_currency = t.currency;
              back.instructed_amount = t.amount;
              back.exchange_rate = *p->exchange_rate;
              if (const auto rate = return_rates.find({t.currency, acct.config.currency});
                  rate != return_rates.end()) {
                back.exchange_rate = rate->second;
                back.amount = t.amount.multiply(
                    rate->second, currency_minor_units(acct.config.currency).value_or(2),
                    rounding::half_even);
              }
            }
            returns.push_back(scheduled_return{acct.config.iban, next_date, std::move(back)});
          }
          if (!netted && !charge.is_zero()) {
            statement_line c;
            c.kind = line_kind::charges;
            c.account_servicer_reference = next_id("B");
            c.amount = charge;
            c.booking_date = c.value_date = date;
            c.additional_information = "Charges for EndToEndId " + t.end_to_end_id;
            // A real bank names the payment its charges are for (TxDtls/Refs, as on the
            // payment's own entry), so the charges can be matched without the amount.
            c.transactions.push_back(booked_transaction{
                p->message_id, p->payment_information_id, t.instruction_id, t.end_to_end_id,
                charge, "", "", "", "", "", decimal{}, decimal{}});
            charge_lines.push_back(std::move(c));
          }
        }
        s.lines.push_back(std::move(l));
        for (auto& c : charge_lines) s.lines.push_back(std::move(c));
      }

      s.closing_balance = computed_closing(s);
      std::string file_name = "STMT-" + acct.config.iban + "-" + compact(date) + "-" +
                              std::to_string(s.sequence_number);
      std::string content;
      if (format == "camt.053.001.08") {
        content = write_camt053(s, camt053_version::v08);
        file_name += ".xml";
      } else if (format == "camt.053.001.02") {
        content = write_camt053(s, camt053_version::v02);
        file_name += ".xml";
      } else if (format == "mt940") {
        content = write_mt940(s);
        file_name += ".sta";
      } else {
        content = write_bai2(s);
        file_name += ".bai";
      }
      deliver_file(inbound, file_name, content);
      context->effects().record_write("statement", s.statement_id, acct.config.iban);
      acct.balance = s.closing_balance;
      ++acct.next_sequence;
      result["statements"].push_back({{"file", file_name},
                                      {"account", acct.config.iban},
                                      {"format", format},
                                      {"sequence_number", s.sequence_number},
                                      {"opening_balance", amount_json(s.opening_balance)},
                                      {"closing_balance", amount_json(s.closing_balance)},
                                      {"entries", s.lines.size()}});
    }

    if (settings().boolean("status.settlement_report")) {
      for (auto& [message_id, st] : settled_by_message) {
        pain002_content r;
        r.version = settings().text("pain002.version");
        r.message_id = next_id("PSR");
        r.creation_date_time = date + "T20:00:00";
        r.original_message_id = message_id;
        r.original_message_name = st.message_name;
        for (auto& [pmt_inf_id, txs] : st.by_payment_information) {
          payment_information_status_report pr;
          pr.original_payment_information_id = pmt_inf_id;
          pr.transactions = std::move(txs);
          r.payment_information.push_back(std::move(pr));
        }
        deliver(r, inbound);
        result["settlement_reports"].push_back(
            {{"report", r.message_id}, {"original_message_id", message_id}});
      }
    }
    business_date = next_date;
    result["next_business_date"] = business_date;
    return result;
  }

  nlohmann::json accounts_json() {
    const std::lock_guard lock(mutex);
    initialise_locked();
    auto out = nlohmann::json{{"business_date", business_date},
                              {"pending_payments", pending.size()},
                              {"scheduled_returns", returns.size()},
                              {"accounts", nlohmann::json::array()}};
    for (const auto& a : accounts) {
      out["accounts"].push_back({{"iban", a.config.iban},
                                 {"currency", a.config.currency},
                                 {"balance", amount_json(a.balance)},
                                 {"reserved", amount_json(a.reserved)},
                                 {"next_sequence_number", a.next_sequence}});
    }
    return out;
  }

  void reset() {
    const std::lock_guard lock(mutex);
    initialised = false;
    accounts.clear();
    business_date.clear();
    counter = 0;
    seen_message_ids.clear();
    content_keys.clear();
    pending.clear();
    returns.clear();
  }

  // `erpc sim bank` alone: cycles and ends of day on the poll settings, read each round so a
  // PUT /_sim/settings starts or stops the loop.
  void poll_loop() {
    using clock = std::chrono::steady_clock;
    auto last_cycle = clock::now();
    auto last_end_of_day = clock::now();
    std::unique_lock lock(poll_mutex);
    while (!stopping) {
      poll_wake.wait_for(lock, std::chrono::milliseconds(50));
      if (stopping) break;
      lock.unlock();
      const auto now = clock::now();
      const auto cycle_every = std::chrono::milliseconds(settings().integer("poll.interval_ms"));
      const auto eod_every =
          std::chrono::milliseconds(settings().integer("poll.end_of_day_interval_ms"));
      try {
        if (cycle_every.count() > 0 && now - last_cycle >= cycle_every) {
          last_cycle = now;
          cycle();
        }
        if (eod_every.count() > 0 && now - last_end_of_day >= eod_every) {
          last_end_of_day = now;
          end_of_day();
        }
      } catch (const std::exception& e) {
        spdlog::warn("bank simulator: poll round failed: {}", e.what());
      }
      lock.lock();
    }
  }
};

bank_simulator::bank_simulator() : impl_(std::make_unique<impl>()) {}

bank_simulator::~bank_simulator() {
  {
    const std::lock_guard lock(impl_->poll_mutex);
    impl_->stopping = true;
  }
  impl_->poll_wake.notify_all();
  if (impl_->poller.joinable()) impl_->poller.join();
}

std::vector<setting_spec> bank_simulator::settings() const { return bank_setting_specs(); }

void bank_simulator::install(http_router& router, simulator_context& context) {
  impl_->context = &context;
  impl* s = impl_.get();
  router.post("/bank/cycle",
              [s](const server_request&) { return server_response::json(200, s->cycle().dump()); });
  router.post("/bank/end-of-day", [s](const server_request&) {
    return server_response::json(200, s->end_of_day().dump());
  });
  router.get("/bank/accounts", [s](const server_request&) {
    return server_response::json(200, s->accounts_json().dump());
  });
  impl_->poller = std::thread([s] { s->poll_loop(); });
}

void bank_simulator::reset() { impl_->reset(); }
nlohmann::json bank_simulator::cycle() { return impl_->cycle(); }
nlohmann::json bank_simulator::end_of_day() { return impl_->end_of_day(); }
nlohmann::json bank_simulator::accounts() const { return impl_->accounts_json(); }

std::unique_ptr<vendor_simulator> make_bank_simulator() {
  return std::make_unique<bank_simulator>();
}

}  // namespace erpc::sim::bank

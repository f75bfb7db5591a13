#include "erpc/host/pay_settle_flow.hpp"

#include "calendar_date.hpp"

#include <erpc/error.hpp>
#include <erpc/host/fingerprint.hpp>
#include <erpc/host/fx_settlement.hpp>
#include <erpc/utc_instant.hpp>

#include <algorithm>
#include <map>
#include <optional>
#include <set>

namespace erpc {

namespace {

bool valid_run_id(const std::string& id) {
  if (id.empty() || id.size() > 40) return false;
  for (const char c : id) {
    const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                    c == '_' || c == '-';
    if (!ok) return false;
  }
  return true;
}

decimal amount_in(const nlohmann::json& money) {
  if (!money.is_object() || !money.contains("amount") || !money["amount"].is_string()) return {};
  return decimal::parse(money["amount"].get<std::string>()).value_or(decimal{});
}

std::string text(const nlohmann::json& o, const char* name) {
  if (!o.is_object()) return {};
  const auto it = o.find(name);
  return it != o.end() && it->is_string() ? it->get<std::string>() : std::string();
}

nlohmann::json entry_identity(const nlohmann::json& statement, const nlohmann::json& entry) {
  nlohmann::json id = {{"statement_id", text(statement, "statement_id")},
                       {"amount", entry.value("amount", nlohmann::json())},
                       {"credit_debit", text(entry, "credit_debit")},
                       {"booking_date", text(entry, "booking_date")}};
  if (auto r = text(entry, "account_servicer_reference"); !r.empty()) id["account_servicer_reference"] = r;
  if (auto r = text(entry, "entry_reference"); !r.empty()) id["entry_reference"] = r;
  return id;
}

// The idempotency key of the journal for one separate charges entry. The bank's
// AcctSvcrRef names an entry uniquely and stays the same in every report that carries it
// (camt.052 intraday, camt.053, MT940 field 61 "//"), so a statement read again posts nothing
// twice while a second charges entry for the same payment is a journal of its own. It enters
// the key hashed (10 hex digits): any text the bank chose then fits the key's alphabet and its
// 64 characters (a run id of 40 + ".p" + the payment's number + ".chg." + 10). Without that
// reference an entry has no identity that survives another report, so it is keyed by the
// payment: one charges journal per payment (docs/pay-and-settle.md).
std::string charges_key(const std::string& payment_key, const nlohmann::json& entry) {
  const std::string reference = text(entry, "account_servicer_reference");
  if (reference.empty()) return payment_key + ".chg";
  return payment_key + ".chg." + sha256_hex(reference).substr(0, 10);
}

}  // namespace

pay_settle_flow::pay_settle_flow(const pay_flow_config& config, flow_gateway& gateway,
                                 pay_store& store)
    : config_(config), gateway_(gateway), store_(store) {}

std::string pay_settle_flow::correlation_of(const pay_payment& p) {
  return correlation_id_for(p.run_id);
}

std::vector<nlohmann::json> pay_settle_flow::list_all(const std::string& connection,
                                                      const std::string& object,
                                                      const std::string& correlation_id) {
  return erpc::list_all(gateway_, connection, object, correlation_id);
}

// ---------------------------------------------------------------- pay run

nlohmann::json pay_settle_flow::run(const pay_run_request& request) {
  if (!valid_run_id(request.run_id)) {
    throw error(error_class::validation, "flow.bad_run_id",
                "a payment run id is 1-40 characters of A-Z a-z 0-9 _ -")
        .with_field("/run_id", "flow.bad_run_id", "invalid");
  }
  if (!flows_detail::calendar_date(request.execution_date)) {
    throw error(error_class::validation, "flow.bad_execution_date",
                "the execution date must be a calendar date, YYYY-MM-DD")
        .with_field("/execution_date", "flow.bad_execution_date", "invalid");
  }
  const std::string correlation = correlation_id_for(request.run_id);
  nlohmann::json skipped = nlohmann::json::array();
  auto existing = store_.run(request.run_id);
  if (existing && (existing->erp != config_.erp || existing->bank != config_.bank ||
                   existing->execution_date != request.execution_date)) {
    throw error(error_class::idempotency_key_reuse, "flow.run_id_reuse",
                "payment run " + request.run_id +
                    " exists with other connections or another execution date")
        .with_effect(effect::none);
  }
  if (!existing) {
    // Selection happens once: what the run pays is then fixed in the store, so a re-run
    // after a crash resumes the same batch instead of selecting again.
    const auto invoices = list_all(config_.erp, "Invoice", correlation);
    const auto in_flight_list = store_.invoices_in_flight(config_.erp);
    const std::set<std::string> in_flight(in_flight_list.begin(), in_flight_list.end());
    auto selection =
        select_payable(invoices, in_flight, config_, {request.execution_date, request.short_payments});
    skipped = selection.skipped;
    std::vector<pay_payment> payments;
    std::vector<nlohmann::json> bank_documents;
    int n = 0;
    for (const auto& sp : selection.payments) {
      // The creditor's bank account: the invoice's remit-to, else the flow configuration.
      nlohmann::json account;
      for (const auto& inv : sp.invoices) {
        if (inv.invoice.contains("remit_to") && inv.invoice["remit_to"].is_object()) {
          account = inv.invoice["remit_to"];
          break;
        }
      }
      if (account.is_null()) {
        if (auto it = config_.creditor_accounts.find(sp.supplier_key); it != config_.creditor_accounts.end()) {
          account = it->second;
        }
      }
      if (account.is_null()) {
        for (const auto& inv : sp.invoices) {
          skipped.push_back({{"invoice", inv.key}, {"reason", "no creditor bank account for supplier " + sp.supplier_key}});
        }
        continue;
      }
      std::string name;
      if (auto it = config_.creditor_names.find(sp.supplier_key); it != config_.creditor_names.end()) {
        name = it->second;
      } else {
        name = text(sp.supplier, "name");
        if (name.empty()) {
          nlohmann::json query;
          if (auto id = text(sp.supplier, "id"); !id.empty()) {
            query = {{"id", id}};
          } else if (sp.supplier.contains("external_refs") && sp.supplier["external_refs"].is_object() &&
                     !sp.supplier["external_refs"].empty()) {
            query = {{"vendor_id", sp.supplier["external_refs"].begin().value()}};
          }
          if (!query.is_null()) {
            name = text(gateway_.read(config_.erp, "Supplier", "get", query, correlation), "name");
          }
        }
      }
      if (name.empty()) name = sp.supplier_key;
      const std::string key = request.run_id + ".p" + std::to_string(++n);
      pay_payment p;
      p.key = key;
      p.run_id = request.run_id;
      p.supplier_key = sp.supplier_key;
      p.state = "selected";
      p.bank_document = bank_payment(sp, key, request.execution_date, name, account, config_);
      p.erp_document = erp_payment(sp, key, request.execution_date, "", config_);
      for (const auto& inv : sp.invoices) p.invoice_keys.push_back(inv.key);
      bank_documents.push_back(p.bank_document);
      payments.push_back(std::move(p));
    }
    if (payments.empty()) {
      gateway_.note(correlation, "pay_run_nothing_to_pay", {{"run_id", request.run_id}, {"skipped", skipped}});
      return {{"run_id", request.run_id}, {"correlation_id", correlation},
              {"payments", nlohmann::json::array()}, {"skipped", skipped}};
    }
    pay_run r{request.run_id, correlation, config_.erp, config_.bank, "selected",
              request.execution_date,
              payment_batch(request.run_id, request.execution_date, bank_documents, config_),
              nullptr, std::nullopt, ""};
    store_.create_run(r, payments);
    nlohmann::json chosen = nlohmann::json::array();
    for (const auto& p : payments) {
      chosen.push_back({{"payment", p.key}, {"invoices", p.invoice_keys},
                        {"amount", p.bank_document["amount"]}});
    }
    gateway_.note(correlation, "pay_run_selected",
                  {{"run_id", request.run_id}, {"payments", chosen}, {"skipped", skipped}});
    existing = r;
  }
  submit_and_record(*existing);
  nlohmann::json out_payments = nlohmann::json::array();
  for (const auto& p : store_.payments_of_run(request.run_id)) {
    out_payments.push_back({{"payment", p.key}, {"state", p.state}, {"end_to_end_id", p.end_to_end_id},
                            {"erp_payment_id", p.erp_payment_id}, {"invoices", p.invoice_keys},
                            {"amount", p.bank_document["amount"]}});
  }
  return {{"run_id", request.run_id}, {"correlation_id", correlation},
          {"payments", out_payments}, {"skipped", skipped}};
}

void pay_settle_flow::submit_and_record(pay_run& run) {
  if (run.state == "refused") {
    throw error(error_class::conflict, "flow.run_refused",
                "payment run " + run.run_id + " was refused by the bank; start a new run")
        .with_effect(effect::none);
  }
  if (run.state == "selected") {
    // The pain.001 (bank adapter: one file per key; a replay writes no second file).
    nlohmann::json result;
    try {
      result = gateway_.write(config_.bank, "PaymentBatch", "submit", run.run_id + ".batch",
                              run.batch, run.correlation_id);
    } catch (const error& e) {
      // The bank refused the batch for good and nothing was written (e.g. an IBAN or a SEPA
      // rule): the run ends, its payments are voided so their invoices can be paid by a
      // corrected run. Anything that may still have reached the bank keeps them held.
      const bool retryable = e.cls() == error_class::in_progress ||
                             e.cls() == error_class::rate_limited ||
                             e.cls() == error_class::unavailable ||
                             e.cls() == error_class::outcome_unknown;
      if (e.effect() == effect::none && !retryable) {
        for (auto& p : store_.payments_of_run(run.run_id)) {
          p.state = "voided";
          p.bank_status = "refused";
          store_.save_payment(p);
        }
        run.state = "refused";
        store_.set_run_state(run.run_id, run.state, nlohmann::json{{"error", e.code()}});
        gateway_.note(run.correlation_id, "pay_batch_refused",
                      {{"run_id", run.run_id}, {"error", e.code()}, {"message", e.message()}});
      }
      throw;
    }
    const auto sent = result.value("payments", nlohmann::json::array());
    auto payments = store_.payments_of_run(run.run_id);
    nlohmann::json ids = nlohmann::json::array();
    for (auto& p : payments) {
      const nlohmann::json* answer = nullptr;
      for (const auto& s : sent) {
        if (text(s, "id") == p.key) answer = &s;
      }
      // A bank adapter that does not echo the payment ids answers in the order sent (R.p1 is
      // the first payment of the batch); the amount must then agree.
      const auto n = std::stoul(p.key.substr(p.key.rfind(".p") + 2));
      if (!answer && n >= 1 && n <= sent.size() && !sent[n - 1].contains("id") &&
          sent[n - 1].value("amount", nlohmann::json()) == p.bank_document["amount"]) {
        answer = &sent[n - 1];
      }
      if (!answer) {
        throw error(error_class::internal, "flow.bank_result_incomplete",
                    "the bank's answer to the batch of run " + run.run_id + " lacks payment " + p.key);
      }
      const auto refs = answer->value("references", nlohmann::json::object());
      p.end_to_end_id = text(refs, "end_to_end_id");
      p.instruction_id = text(refs, "instruction_id");
      p.payment_information_id = text(refs, "payment_information_id");
      p.message_id = text(refs, "message_id");
      if (p.message_id.empty()) p.message_id = text(result, "message_id");
      if (p.end_to_end_id.empty()) {
        throw error(error_class::internal, "flow.bank_result_incomplete",
                    "the bank gave payment " + p.key + " no EndToEndId");
      }
      if (p.state == "selected") p.state = "submitted";
      store_.save_payment(p);
      ids.push_back({{"payment", p.key}, {"end_to_end_id", p.end_to_end_id},
                     {"payment_information_id", p.payment_information_id}});
    }
    run.state = "submitted";
    store_.set_run_state(run.run_id, run.state, result);
    gateway_.note(run.correlation_id, "pay_batch_submitted",
                  {{"run_id", run.run_id}, {"message_id", text(result, "message_id")}, {"payments", ids}});
  }
  // BANKING.md flow step 1: the ERP's own payment object, against the in-transit account,
  // applied to the invoices — this closes them, so no later run selects them again.
  for (auto& p : store_.payments_of_run(run.run_id)) {
    if (p.state != "submitted") continue;
    const auto result = gateway_.write(config_.erp, "Payment", "create", p.key + ".erp",
                                       p.erp_document, run.correlation_id);
    p.erp_payment_id = created_id(result);
    p.state = "recorded";
    store_.save_payment(p);
    gateway_.note(run.correlation_id, "erp_payment_recorded",
                  {{"payment", p.key}, {"erp_payment_id", p.erp_payment_id},
                   {"clearing_account", config_.in_transit_account}, {"invoices", p.invoice_keys}});
  }
  if (run.state != "recorded") {
    run.state = "recorded";
    store_.set_run_state(run.run_id, run.state, nullptr);
  }
}

// ---------------------------------------------------------------- settle

nlohmann::json pay_settle_flow::settle() {
  nlohmann::json summary = {{"statuses", 0},
                            {"entries", 0},
                            {"settled", nlohmann::json::array()},
                            {"voided", nlohmann::json::array()},
                            {"charges", nlohmann::json::array()},
                            {"unmatched", nlohmann::json::array()},
                            {"ambiguous", nlohmann::json::array()},
                            {"status_overdue", nlohmann::json::array()}};
  const std::string correlation = "pay-settle-" + config_.bank;
  for (const char* object : {"PaymentStatus", "BankStatement"}) {
    auto cursor = store_.cursor(config_.bank, object);
    for (int page = 0; page < 10'000; ++page) {
      nlohmann::json query = {{"limit", 100}};
      if (cursor) query["cursor"] = *cursor;
      const auto result = gateway_.read(config_.bank, object, "list", query, correlation);
      const auto items = result.value("items", nlohmann::json::array());
      for (const auto& item : items) {
        if (std::string(object) == "PaymentStatus") {
          summary["statuses"] = summary["statuses"].get<int>() + 1;
          apply_status(item, summary);
        } else {
          for (const auto& entry : item.value("entries", nlohmann::json::array())) {
            summary["entries"] = summary["entries"].get<int>() + 1;
            apply_entry(item, entry, summary);
          }
        }
      }
      // The cursor moves only after the page is acted on: a crash re-reads it, and acting on
      // an item twice changes nothing (states only move forward; writes are keyed).
      const auto next = text(result, "next_cursor");
      if (next.empty() || (cursor && next == *cursor)) break;
      store_.set_cursor(config_.bank, object, next);
      cursor = next;
      if (items.empty()) break;
    }
  }
  watch_status_reports(summary);
  return summary;
}

// BANKING.md "No pain.002 within a configured time → technical queue". A submitted batch the
// bank has said nothing about — no status for any of its payments, none booked — once
// `status_timeout_minutes` have passed is raised into the bank connection's technical queue as
// `status PaymentBatch` (its MsgId as natural key): the operator sees it with the run's
// correlation id, and a replay asks the bank adapter again (an answer ends it; still nothing
// and the retry policy queues it again). When the bank's word arrives after all, the queued
// item is ended here. Raised once per run: a discarded item is the operator's decision.
void pay_settle_flow::watch_status_reports(nlohmann::json& summary) {
  const std::int64_t now = store_.now_ms();
  for (const auto& run : store_.runs_watched(config_.bank)) {
    const auto payments = store_.payments_of_run(run.run_id);
    const bool answered = std::any_of(payments.begin(), payments.end(), [](const pay_payment& p) {
      return !p.bank_status.empty() || p.state == "accepted" || p.state == "settled";
    });
    std::string message_id = text(run.result, "message_id");
    for (const auto& p : payments) {
      if (message_id.empty()) message_id = p.message_id;
    }
    const std::string key = run.run_id + ".status";
    const nlohmann::json detail = {{"run_id", run.run_id},
                                   {"message_id", message_id},
                                   {"submitted_at", utc_instant_text(run.submitted_ms.value_or(0))},
                                   {"status_timeout_minutes", config_.status_timeout_minutes}};
    if (answered) {
      if (run.status_watch == "raised") {
        const bool ended = gateway_.resolve(config_.bank, "PaymentBatch", "status", key,
                                            "the bank's status report arrived");
        auto resolved = detail;
        resolved["queue_item_ended"] = ended;
        gateway_.note(run.correlation_id, "payment_status_overdue_resolved", resolved);
      }
      store_.set_status_watch(run.run_id, run.status_watch == "raised" ? "resolved" : "answered");
      continue;
    }
    if (run.status_watch == "raised") {
      summary["status_overdue"].push_back(detail);
      continue;
    }
    if (now < run.submitted_ms.value_or(0) + config_.status_timeout_minutes * 60'000) continue;
    error why(error_class::in_progress, "flow.status_overdue",
              "no status report (pain.002) for payment run " + run.run_id + " (MsgId " +
                  message_id + ") within " + std::to_string(config_.status_timeout_minutes) +
                  " minutes of its submission at " + detail["submitted_at"].get<std::string>());
    why.with_effect(effect::none);
    const bool raised =
        gateway_.raise(config_.bank, "PaymentBatch", "status", key,
                       {{"natural_key", {{"message_id", message_id}}}}, why, run.correlation_id);
    if (raised) gateway_.note(run.correlation_id, "payment_status_overdue", detail);
    store_.set_status_watch(run.run_id, "raised");
    summary["status_overdue"].push_back(detail);
  }
}

void pay_settle_flow::apply_status(const nlohmann::json& status, nlohmann::json& summary) {
  const auto refs = status.value("references", nlohmann::json::object());
  const auto e2e = text(refs, "end_to_end_id");
  const auto pmtinf = text(refs, "payment_information_id");
  const auto msgid = text(refs, "message_id");
  const auto state = text(status, "status");
  bool any = false;
  for (auto p : store_.payments_of_bank(config_.bank)) {
    const bool hit = !e2e.empty()      ? p.end_to_end_id == e2e
                     : !pmtinf.empty() ? p.payment_information_id == pmtinf
                     : !msgid.empty()  ? p.message_id == msgid
                                       : false;
    if (!hit) continue;
    any = true;
    if (p.state == "voided") continue;
    nlohmann::json detail = {{"payment", p.key}, {"status", state},
                             {"bank_status", text(status, "bank_status")},
                             {"level", text(status, "level")}};
    if (status.contains("reasons")) detail["reasons"] = status["reasons"];
    if (state == "rejected" || state == "cancelled") {
      if (p.state == "settled") {
        // Booked already: only a return brings the money back; a late rejection is noted.
        gateway_.note(correlation_of(p), "payment_status_ignored", detail);
        continue;
      }
      void_payment(p, state, detail, summary);
      continue;
    }
    if (state == "returned") {
      void_payment(p, state, detail, summary);
      continue;
    }
    // Forward only: a settled payment keeps its state; the same report again changes nothing.
    if (p.state == "settled" || p.bank_status == state) continue;
    p.bank_status = state;
    if (p.state == "recorded" && (state == "accepted" || state == "settled" || state == "pending" ||
                                  state == "partially_accepted")) {
      p.state = "accepted";
    }
    store_.save_payment(p);
    gateway_.note(correlation_of(p), "payment_status", detail);
  }
  if (!any) summary["unmatched"].push_back({{"status", status.value("references", nlohmann::json::object())}});
}

void pay_settle_flow::apply_entry(const nlohmann::json& statement, const nlohmann::json& entry,
                                  nlohmann::json& summary) {
  std::vector<known_payment> known;
  for (const auto& p : store_.payments_of_bank(config_.bank)) {
    if (p.state == "voided" || p.state == "selected") continue;
    known.push_back({p.key, p.end_to_end_id, p.instruction_id, p.payment_information_id,
                     p.message_id, amount_in(p.bank_document.value("amount", nlohmann::json())),
                     text(p.bank_document.value("amount", nlohmann::json::object()), "currency")});
  }
  const auto m = match_entry(entry, known);
  const auto identity = entry_identity(statement, entry);
  switch (m.what) {
    case entry_match::kind::none:
      if (text(entry, "status") == "BOOK") {
        summary["unmatched"].push_back({{"entry", identity}, {"reason", m.reason}});
      }
      return;
    case entry_match::kind::ambiguous:
      // Never a guess: the entry is left for a person (business queue) with the reason.
      summary["ambiguous"].push_back({{"entry", identity}, {"reason", m.reason}});
      gateway_.note("pay-settle-" + config_.bank, "statement_entry_ambiguous",
                    {{"entry", identity}, {"reason", m.reason}});
      return;
    case entry_match::kind::payments:
      settle_payments(m, statement, entry, summary);
      return;
    case entry_match::kind::charges:
      post_charges(m, entry, summary);
      return;
    case entry_match::kind::returned:
      for (const auto& share : m.payments) {
        auto p = store_.payment(share.payment_key);
        if (!p || p->state == "voided") continue;
        void_payment(*p, "returned",
                     {{"payment", p->key}, {"status", "returned"}, {"return_reason", m.return_reason},
                      {"entry", identity}},
                     summary, &share);
      }
      return;
  }
}

nlohmann::json pay_settle_flow::journal(
    const std::string& posting_date, const std::string& reference, const std::string& description,
    const std::vector<std::tuple<std::string, std::string, decimal>>& lines,
    const std::string& currency) const {
  nlohmann::json out = nlohmann::json::array();
  int n = 0;
  for (const auto& [account, side, amount] : lines) {
    if (amount.is_zero()) continue;
    out.push_back({{"line_number", ++n}, {"account", account}, {"side", side},
                   {"amount", money_of(amount, currency)},
                   {"functional_amount", money_of(amount, currency)},
                   {"description", description}});
  }
  return {{"external_refs", nlohmann::json::object()},
          {"source", {{"system", "erpconnect"}, {"id", reference}}},
          {"legal_entity", config_.legal_entity},
          {"reference", reference.substr(0, 35)},
          {"posting_date", posting_date},
          {"functional_currency", currency},
          {"description", description},
          {"lines", out}};
}

void pay_settle_flow::settle_payments(const entry_match& m, const nlohmann::json& statement,
                                      const nlohmann::json& entry, nlohmann::json& summary) {
  std::vector<pay_payment> payments;
  int already = 0;
  for (const auto& share : m.payments) {
    auto p = store_.payment(share.payment_key);
    if (!p) return;
    if (p->state == "settled") ++already;
    payments.push_back(std::move(*p));
  }
  if (already == static_cast<int>(payments.size())) return;  // read again: nothing to do
  const auto identity = entry_identity(statement, entry);
  if (already > 0) {
    summary["ambiguous"].push_back({{"entry", identity},
                                    {"reason", "the entry books payments of which some are settled already"}});
    return;
  }
  // The ERP payment must exist before the in-transit account is cleared: record it now if
  // the run stopped between the bank submit and the ERP step (same key: replay or create).
  for (auto& p : payments) {
    if (p.state != "submitted") continue;
    const auto result = gateway_.write(config_.erp, "Payment", "create", p.key + ".erp",
                                       p.erp_document, correlation_of(p));
    p.erp_payment_id = created_id(result);
    p.state = "recorded";
    store_.save_payment(p);
  }
  const std::string currency = text(entry.value("amount", nlohmann::json::object()), "currency");
  const decimal entry_amount = amount_in(entry.value("amount", nlohmann::json()));
  decimal booked;
  for (const auto& s : m.payments) booked += s.amount;
  std::string posting_date = text(entry, "booking_date");
  if (posting_date.empty()) posting_date = text(entry, "value_date");
  if (posting_date.empty()) posting_date = text(statement, "to_date");
  const auto& first = payments.front();
  // BANKING.md flow step 2: in-transit → bank, plus the bank's charges and, for a payment the
  // bank converted, the realised FX difference (fx_settlement.hpp).
  std::vector<std::tuple<std::string, std::string, decimal>> lines = {
      {config_.in_transit_account, "debit", booked},
      {config_.charges_account, "debit", m.charges},
      {config_.bank_account, "credit", entry_amount}};
  std::optional<fx_settlement_amounts> fx;
  std::vector<decimal> erp_rates;
  if (std::any_of(m.payments.begin(), m.payments.end(), [](const booked_share& s) { return s.converted; })) {
    std::vector<fx_settled_payment> converted;
    for (std::size_t i = 0; i < payments.size(); ++i) {
      const auto& p = payments[i];
      // The in-transit account holds what the ERP recorded: the payment at the ERP's rate on
      // the payment date. The ERP payment is the record of that rate, so it is read back.
      nlohmann::json erp_fx;
      if (!p.erp_payment_id.empty()) {
        erp_fx = gateway_.read(config_.erp, "Payment", "get", {{"id", p.erp_payment_id}},
                               correlation_of(p))
                     .value("fx", nlohmann::json::object());
      }
      const auto rate = decimal::parse(text(erp_fx, "rate"));
      if (!rate || text(erp_fx, "target_currency") != currency || config_.fx_gain_loss_account.empty()) {
        const std::string reason =
            config_.fx_gain_loss_account.empty()
                ? "the entry books a converted payment and the flow has no fx_gain_loss_account"
                : "ERP payment of " + p.key + " carries no exchange rate to " + currency;
        summary["ambiguous"].push_back({{"entry", identity}, {"reason", reason}});
        gateway_.note("pay-settle-" + config_.bank, "statement_entry_ambiguous",
                      {{"entry", identity}, {"reason", reason}});
        return;
      }
      const auto& sent = p.bank_document.value("amount", nlohmann::json::object());
      converted.push_back({p.key, amount_in(sent), text(sent, "currency"), *rate, m.payments[i].amount});
      erp_rates.push_back(*rate);
    }
    fx = settle_fx(converted, entry_amount, m.charges, currency);
    lines = {{config_.in_transit_account, "debit", fx->in_transit},
             {config_.charges_account, "debit", fx->charges},
             {config_.bank_account, "credit", fx->bank}};
    if (decimal{} < fx->fx_difference) {
      lines.emplace_back(config_.fx_gain_loss_account, "debit", fx->fx_difference);  // loss
    } else if (fx->fx_difference.is_negative()) {
      lines.emplace_back(config_.fx_gain_loss_account, "credit", -fx->fx_difference);  // gain
    }
  }
  const auto doc = journal(posting_date, first.key + ".stl",
                           "settlement " + (first.end_to_end_id.empty() ? first.key : first.end_to_end_id),
                           lines, currency);
  const auto result = gateway_.write(config_.erp, "JournalEntry", "create", first.key + ".stl", doc,
                                     correlation_of(first));
  const auto journal_id = created_id(result);
  for (std::size_t i = 0; i < payments.size(); ++i) {
    auto& p = payments[i];
    nlohmann::json settlement = {
        {"external_refs", {{"journal", journal_id}}},
        {"source", {{"system", "erpconnect"}, {"id", first.key + ".stl"}}},
        {"payment", {{"id", p.key}}},
        {"references", {{"end_to_end_id", p.end_to_end_id}}},
        {"booking_date", posting_date},
        {"settled_amount", money_of(m.payments[i].amount, currency)},
        {"clearing_account", config_.in_transit_account},
        {"bank_account", config_.bank_account},
        {"charges_account", config_.charges_account}};
    if (!p.payment_information_id.empty()) settlement["references"]["payment_information_id"] = p.payment_information_id;
    if (!p.message_id.empty()) settlement["references"]["message_id"] = p.message_id;
    if (auto v = text(entry, "value_date"); !v.empty()) settlement["value_date"] = v;
    if (i == 0 && !m.charges.is_zero()) settlement["bank_charges"] = money_of(m.charges, currency);
    if (fx) {
      // The payment in its own currency, what the bank took for it in the functional one, the
      // ERP's rate, and the realised difference (+ loss, − gain) on this payment.
      settlement["settled_amount"] = p.bank_document["amount"];
      settlement["functional_amount"] = money_of(m.payments[i].amount, currency);
      settlement["exchange_rate"] = erp_rates[i].to_string();
      settlement["fx_difference"] = money_of(m.payments[i].amount - fx->recorded[i], currency);
      settlement["fx_account"] = config_.fx_gain_loss_account;
    }
    nlohmann::json se = {{"statement_id", text(statement, "statement_id")}};
    if (auto r = text(entry, "account_servicer_reference"); !r.empty()) se["account_servicer_reference"] = r;
    if (auto r = text(entry, "entry_reference"); !r.empty()) se["entry_reference"] = r;
    if (!se["statement_id"].get<std::string>().empty()) settlement["statement_entry"] = se;
    p.settlement = settlement;
    p.state = "settled";
    p.bank_status = "settled";
    store_.save_payment(p);
    nlohmann::json note = {{"payment", p.key}, {"journal", first.key + ".stl"},
                           {"journal_id", journal_id}, {"rule", m.rule}, {"entry", identity},
                           {"charges", money_of(i == 0 ? m.charges : decimal{}, currency)}};
    if (fx) note["fx_difference"] = settlement["fx_difference"];
    gateway_.note(correlation_of(p), "payment_settled", note);
    summary["settled"].push_back({{"payment", p.key}, {"journal", first.key + ".stl"}, {"rule", m.rule}});
  }
}

void pay_settle_flow::post_charges(const entry_match& m, const nlohmann::json& entry,
                                   nlohmann::json& summary) {
  auto p = store_.payment(m.payments.front().payment_key);
  if (!p) return;
  const std::string currency = text(entry.value("amount", nlohmann::json::object()), "currency");
  std::string date = text(entry, "booking_date");
  if (date.empty()) date = text(entry, "value_date");
  const std::string key = charges_key(p->key, entry);
  const auto doc = journal(date, key, "bank charges " + p->end_to_end_id,
                           {{config_.charges_account, "debit", m.charges},
                            {config_.bank_account, "credit", m.charges}},
                           currency);
  gateway_.write(config_.erp, "JournalEntry", "create", key, doc, correlation_of(*p));
  gateway_.note(correlation_of(*p), "bank_charges_posted",
                {{"payment", p->key}, {"journal", key}, {"charges", money_of(m.charges, currency)}});
  summary["charges"].push_back({{"payment", p->key}, {"journal", key}});
}

void pay_settle_flow::void_payment(pay_payment& p, const std::string& why,
                                   const nlohmann::json& detail, nlohmann::json& summary,
                                   const booked_share* returned) {
  const std::string correlation = correlation_of(p);
  // A converted payment came back: its return journal is in the account's currency, at what
  // the bank credits (pay_settle_fx_return.cpp); without the credit yet, nothing happens.
  const bool converted_return =
      p.state == "settled" && p.settlement.is_object() && p.settlement.contains("fx_difference");
  if (converted_return && !post_converted_return(p, returned, detail, summary)) return;
  if (p.state == "submitted") {
    // The ERP step may or may not have run before a crash: the same key creates or replays
    // it, so the reversal below always has the payment to void and the invoices reopen.
    const auto result = gateway_.write(config_.erp, "Payment", "create", p.key + ".erp",
                                       p.erp_document, correlation);
    p.erp_payment_id = created_id(result);
  }
  const decimal amount = amount_in(p.bank_document.value("amount", nlohmann::json()));
  const std::string currency = text(p.bank_document.value("amount", nlohmann::json::object()), "currency");
  if (p.state == "settled" && !converted_return) {
    // The money left and came back: bank → in-transit first, so in-transit nets to zero
    // once the ERP payment (AP → in-transit) is voided.
    std::string date = text(detail.value("entry", nlohmann::json::object()), "booking_date");
    if (date.empty()) date = text(p.settlement, "booking_date");
    const auto doc = journal(date, p.key + ".ret", "return " + p.end_to_end_id,
                             {{config_.bank_account, "debit", amount},
                              {config_.in_transit_account, "credit", amount}},
                             currency);
    gateway_.write(config_.erp, "JournalEntry", "create", p.key + ".ret", doc, correlation);
  }
  if (!p.erp_payment_id.empty()) {
    // BANKING.md flow step 3: void the ERP payment; its invoices are open again.
    gateway_.write(config_.erp, "Payment", "reverse", p.key + ".void", {{"id", p.erp_payment_id}},
                   correlation);
  }
  p.state = "voided";
  p.bank_status = why;
  store_.save_payment(p);
  auto note = detail;
  note["erp_payment_id"] = p.erp_payment_id;
  note["invoices_reopened"] = p.invoice_keys;
  gateway_.note(correlation, "erp_payment_voided", note);
  summary["voided"].push_back({{"payment", p.key}, {"why", why}, {"invoices", p.invoice_keys}});
}

}  // namespace erpc

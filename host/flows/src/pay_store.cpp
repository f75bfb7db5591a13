#include "erpc/host/pay_store.hpp"

#include <erpc/host/host_clock.hpp>

namespace erpc {

namespace {

std::vector<migration> flow_migrations() {
  migration m;
  m.version = 1;
  m.name = "pay_settle";
  m.statements = {
      "CREATE TABLE pay_runs (run_id TEXT PRIMARY KEY, correlation_id TEXT NOT NULL, "
      "erp TEXT NOT NULL, bank TEXT NOT NULL, state TEXT NOT NULL, execution_date TEXT NOT NULL, "
      "batch TEXT NOT NULL, result TEXT, created_ms BIGINT NOT NULL, updated_ms BIGINT NOT NULL)",
      "CREATE TABLE pay_payments (payment_key TEXT PRIMARY KEY, run_id TEXT NOT NULL, "
      "supplier_key TEXT NOT NULL, state TEXT NOT NULL, bank_document TEXT NOT NULL, "
      "erp_document TEXT NOT NULL, end_to_end_id TEXT, instruction_id TEXT, "
      "payment_information_id TEXT, message_id TEXT, erp_payment_id TEXT, bank_status TEXT, "
      "settlement TEXT, updated_ms BIGINT NOT NULL)",
      "CREATE INDEX pay_payments_run ON pay_payments (run_id)",
      "CREATE TABLE pay_invoices (payment_key TEXT NOT NULL, invoice_key TEXT NOT NULL, "
      "PRIMARY KEY (payment_key, invoice_key))",
      "CREATE TABLE pay_cursors (connection TEXT NOT NULL, object TEXT NOT NULL, "
      "cursor TEXT NOT NULL, PRIMARY KEY (connection, object))"};
  // The overdue status report (BANKING.md "No pain.002 within a configured time → technical
  // queue"): when the batch was submitted, and where the watch over its first status stands.
  migration watch;
  watch.version = 2;
  watch.name = "pay_status_watch";
  watch.statements = {"ALTER TABLE pay_runs ADD COLUMN submitted_ms BIGINT",
                      "ALTER TABLE pay_runs ADD COLUMN status_watch TEXT"};
  return {m, watch};
}

std::string text_or_empty(const sql_row& row, std::size_t i) { return row.optional_text(i).value_or(""); }

nlohmann::json json_or_null(const sql_row& row, std::size_t i) {
  const auto t = row.optional_text(i);
  return t && !t->empty() ? nlohmann::json::parse(*t) : nlohmann::json(nullptr);
}

constexpr const char* run_columns =
    "run_id, correlation_id, erp, bank, state, execution_date, batch, result, submitted_ms, "
    "status_watch";

pay_run run_from(const sql_row& r) {
  return pay_run{r.text(0),          r.text(1),          r.text(2),
                 r.text(3),          r.text(4),          r.text(5),
                 json_or_null(r, 6), json_or_null(r, 7), r.optional_int64(8),
                 text_or_empty(r, 9)};
}

constexpr const char* payment_columns =
    "payment_key, run_id, supplier_key, state, bank_document, erp_document, end_to_end_id, "
    "instruction_id, payment_information_id, message_id, erp_payment_id, bank_status, settlement";

pay_payment payment_from(const sql_row& r) {
  pay_payment p;
  p.key = r.text(0);
  p.run_id = r.text(1);
  p.supplier_key = r.text(2);
  p.state = r.text(3);
  p.bank_document = json_or_null(r, 4);
  p.erp_document = json_or_null(r, 5);
  p.end_to_end_id = text_or_empty(r, 6);
  p.instruction_id = text_or_empty(r, 7);
  p.payment_information_id = text_or_empty(r, 8);
  p.message_id = text_or_empty(r, 9);
  p.erp_payment_id = text_or_empty(r, 10);
  p.bank_status = text_or_empty(r, 11);
  p.settlement = json_or_null(r, 12);
  return p;
}

std::vector<pay_payment> with_invoices(transaction& tx, std::vector<pay_payment> list) {
  for (auto& p : list) {
    const auto rows = tx.execute(
        "SELECT invoice_key FROM pay_invoices WHERE payment_key = ? ORDER BY invoice_key", {p.key});
    for (const auto& r : rows.rows) p.invoice_keys.push_back(r.text(0));
  }
  return list;
}

}  // namespace

pay_store::pay_store(database& db) : db_(db) { db_.register_migrations("flows", flow_migrations()); }

std::optional<pay_run> pay_store::run(const std::string& run_id) {
  return db_.transact([&](transaction& tx) -> std::optional<pay_run> {
    const auto rows = tx.execute(
        std::string("SELECT ") + run_columns + " FROM pay_runs WHERE run_id = ?", {run_id});
    if (rows.rows.empty()) return std::nullopt;
    return run_from(rows.rows.front());
  });
}

std::vector<pay_run> pay_store::runs_watched(const std::string& bank) {
  return db_.transact([&](transaction& tx) {
    std::vector<pay_run> out;
    const auto rows = tx.execute(
        std::string("SELECT ") + run_columns +
            " FROM pay_runs WHERE bank = ? AND submitted_ms IS NOT NULL AND state <> 'refused' "
            "AND (status_watch IS NULL OR status_watch = 'raised') ORDER BY run_id",
        {bank});
    for (const auto& r : rows.rows) out.push_back(run_from(r));
    return out;
  });
}

void pay_store::set_status_watch(const std::string& run_id, const std::string& watch) {
  const auto now = db_.clock().now_unix_ms();
  db_.transact([&](transaction& tx) {
    tx.execute("UPDATE pay_runs SET status_watch = ?, updated_ms = ? WHERE run_id = ?",
               {watch, now, run_id});
  });
}

void pay_store::create_run(const pay_run& run, const std::vector<pay_payment>& payments) {
  const auto now = db_.clock().now_unix_ms();
  db_.transact([&](transaction& tx) {
    tx.execute(
        "INSERT INTO pay_runs (run_id, correlation_id, erp, bank, state, execution_date, batch, "
        "result, created_ms, updated_ms) VALUES (?, ?, ?, ?, ?, ?, ?, NULL, ?, ?)",
        {run.run_id, run.correlation_id, run.erp, run.bank, run.state, run.execution_date,
         run.batch.dump(), now, now});
    for (const auto& p : payments) {
      tx.execute(
          "INSERT INTO pay_payments (payment_key, run_id, supplier_key, state, bank_document, "
          "erp_document, updated_ms) VALUES (?, ?, ?, ?, ?, ?, ?)",
          {p.key, p.run_id, p.supplier_key, p.state, p.bank_document.dump(), p.erp_document.dump(), now});
      for (const auto& inv : p.invoice_keys) {
        tx.execute("INSERT INTO pay_invoices (payment_key, invoice_key) VALUES (?, ?)", {p.key, inv});
      }
    }
  });
}

void pay_store::set_run_state(const std::string& run_id, const std::string& state,
                              const nlohmann::json& result) {
  const auto now = db_.clock().now_unix_ms();
  db_.transact([&](transaction& tx) {
    tx.execute("UPDATE pay_runs SET state = ?, result = ?, updated_ms = ? WHERE run_id = ?",
               {state, result.is_null() ? sql_null() : sql_value(result.dump()), now, run_id});
    // The first time the run is submitted starts the wait for its status report.
    if (state == "submitted") {
      tx.execute("UPDATE pay_runs SET submitted_ms = ? WHERE run_id = ? AND submitted_ms IS NULL",
                 {now, run_id});
    }
  });
}

std::vector<pay_payment> pay_store::payments_of_run(const std::string& run_id) {
  return db_.transact([&](transaction& tx) {
    std::vector<pay_payment> out;
    const auto rows = tx.execute(std::string("SELECT ") + payment_columns +
                                     " FROM pay_payments WHERE run_id = ? ORDER BY payment_key",
                                 {run_id});
    for (const auto& r : rows.rows) out.push_back(payment_from(r));
    return with_invoices(tx, std::move(out));
  });
}

std::vector<pay_payment> pay_store::payments_of_bank(const std::string& bank) {
  return db_.transact([&](transaction& tx) {
    std::vector<pay_payment> out;
    const auto rows = tx.execute(
        std::string("SELECT ") + payment_columns +
            " FROM pay_payments WHERE run_id IN (SELECT run_id FROM pay_runs WHERE bank = ?) "
            "ORDER BY payment_key",
        {bank});
    for (const auto& r : rows.rows) out.push_back(payment_from(r));
    return with_invoices(tx, std::move(out));
  });
}

std::optional<pay_payment> pay_store::payment(const std::string& key) {
  return db_.transact([&](transaction& tx) -> std::optional<pay_payment> {
    const auto rows = tx.execute(
        std::string("SELECT ") + payment_columns + " FROM pay_payments WHERE payment_key = ?", {key});
    if (rows.rows.empty()) return std::nullopt;
    return with_invoices(tx, {payment_from(rows.rows.front())}).front();
  });
}

void pay_store::save_payment(const pay_payment& p) {
  const auto now = db_.clock().now_unix_ms();
  auto opt = [](const std::string& s) { return s.empty() ? sql_null() : sql_value(s); };
  db_.transact([&](transaction& tx) {
    tx.execute(
        "UPDATE pay_payments SET state = ?, bank_document = ?, erp_document = ?, "
        "end_to_end_id = ?, instruction_id = ?, payment_information_id = ?, message_id = ?, "
        "erp_payment_id = ?, bank_status = ?, settlement = ?, updated_ms = ? WHERE payment_key = ?",
        {p.state, p.bank_document.dump(), p.erp_document.dump(), opt(p.end_to_end_id),
         opt(p.instruction_id), opt(p.payment_information_id), opt(p.message_id),
         opt(p.erp_payment_id), opt(p.bank_status),
         p.settlement.is_null() ? sql_null() : sql_value(p.settlement.dump()), now, p.key});
  });
}

std::vector<std::string> pay_store::invoices_in_flight(const std::string& erp) {
  return db_.transact([&](transaction& tx) {
    std::vector<std::string> out;
    const auto rows = tx.execute(
        "SELECT i.invoice_key FROM pay_invoices i JOIN pay_payments p ON p.payment_key = i.payment_key "
        "JOIN pay_runs r ON r.run_id = p.run_id WHERE r.erp = ? AND p.state <> 'voided'",
        {erp});
    for (const auto& r : rows.rows) out.push_back(r.text(0));
    return out;
  });
}

std::int64_t pay_store::now_ms() const { return db_.clock().now_unix_ms(); }

std::optional<std::string> pay_store::cursor(const std::string& connection, const std::string& object) {
  return db_.transact([&](transaction& tx) -> std::optional<std::string> {
    const auto rows = tx.execute("SELECT cursor FROM pay_cursors WHERE connection = ? AND object = ?",
                                 {connection, object});
    if (rows.rows.empty()) return std::nullopt;
    return rows.rows.front().text(0);
  });
}

void pay_store::set_cursor(const std::string& connection, const std::string& object,
                           const std::string& cursor) {
  db_.transact([&](transaction& tx) {
    tx.execute("DELETE FROM pay_cursors WHERE connection = ? AND object = ?", {connection, object});
    tx.execute("INSERT INTO pay_cursors (connection, object, cursor) VALUES (?, ?, ?)",
               {connection, object, cursor});
  });
}

}  // namespace erpc

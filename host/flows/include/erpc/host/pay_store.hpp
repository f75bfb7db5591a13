#pragma once
// The pay-and-settle flow's durable state in the ledger database (module "flows"): payment
// runs, the payments of each run with their state, bank identifiers and ERP ids, the invoices
// each payment holds, and the read cursors of the bank connection. Every change is one
// transaction; the flow's writes are keyed, so a crash between a write and the state change
// here is repaired by re-running the step (the write replays).

#include <erpc/host/database.hpp>

#include <nlohmann/json.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace erpc {

// Payment states (docs/pay-and-settle.md "States"):
//   selected → submitted (in a pain.001 at the bank) → recorded (ERP payment against in-transit)
//   → accepted (pain.002) → settled (BOOK entry matched, settlement journal posted);
//   rejected/returned → voided (ERP payment reversed, invoices open again). settled and voided
//   are final (a settled payment that is returned goes on to voided).
struct pay_payment {
  std::string key;      // <run>.p<n>
  std::string run_id;
  std::string supplier_key;
  std::string state;
  nlohmann::json bank_document;  // canonical Payment sent in the batch
  nlohmann::json erp_document;   // canonical Payment recorded in the ERP
  std::string end_to_end_id, instruction_id, payment_information_id, message_id;
  std::string erp_payment_id;
  std::string bank_status;       // latest canonical PaymentStatus state
  nlohmann::json settlement;     // canonical Settlement once settled
  std::vector<std::string> invoice_keys;
};

struct pay_run {
  std::string run_id;
  std::string correlation_id;
  std::string erp, bank;
  std::string state;  // selected | submitted | recorded
  std::string execution_date;
  nlohmann::json batch;   // the PaymentBatch sent (stable across re-runs)
  nlohmann::json result;  // the bank's answer to the submit
  std::optional<std::int64_t> submitted_ms;  // when the bank first had the batch (UTC ms)
  // The wait for the batch's first status report: "" watching, "answered" (a status or a
  // booking came in time), "raised" (overdue: in the technical queue), "resolved" (it came
  // after being raised; the queue item was ended).
  std::string status_watch;
};

class pay_store {
 public:
  explicit pay_store(database& db);

  std::optional<pay_run> run(const std::string& run_id);
  // Creates the run with its payments in one transaction (the selection is then fixed).
  void create_run(const pay_run& run, const std::vector<pay_payment>& payments);
  void set_run_state(const std::string& run_id, const std::string& state, const nlohmann::json& result);

  // Submitted runs of this bank whose status watch is still open ("" or "raised").
  std::vector<pay_run> runs_watched(const std::string& bank);
  void set_status_watch(const std::string& run_id, const std::string& watch);

  std::vector<pay_payment> payments_of_run(const std::string& run_id);
  std::vector<pay_payment> payments_of_bank(const std::string& bank);  // every run of that bank
  std::optional<pay_payment> payment(const std::string& key);
  void save_payment(const pay_payment& p);  // state, ids, documents, settlement

  // Invoice keys held by payments of this ERP connection that are not voided.
  std::vector<std::string> invoices_in_flight(const std::string& erp);

  // The ledger database's clock (UTC ms): the flow's deadlines follow it, so tests drive them.
  std::int64_t now_ms() const;

  std::optional<std::string> cursor(const std::string& connection, const std::string& object);
  void set_cursor(const std::string& connection, const std::string& object, const std::string& cursor);

 private:
  database& db_;
};

}  // namespace erpc

#pragma once
// The pay-and-settle flow (BANKING.md "The pay-and-settle flow", docs/pay-and-settle.md):
//   pay run:    open approved invoices in the ERP → one PaymentBatch → bank submit (pain.001)
//               → per supplier an ERP payment against the in-transit account, closing the
//               invoices;
//   pay settle: PaymentStatus (pain.002) and BankStatement (camt.053…) from the bank → status;
//               BOOK entry matched → settlement journal in-transit → bank (+ charges);
//               rejection or return → ERP payment voided, invoices open again.
// Every write is keyed from the run id, so re-running any step changes nothing; every step is
// audited under the run's correlation id.

#include <erpc/host/entry_matching.hpp>
#include <erpc/host/flow_gateway.hpp>
#include <erpc/host/pay_flow_config.hpp>
#include <erpc/host/pay_selection.hpp>
#include <erpc/host/pay_store.hpp>

#include <nlohmann/json.hpp>

#include <map>
#include <string>

namespace erpc {

struct pay_run_request {
  std::string run_id;          // [A-Za-z0-9_-]{1,40}; keys and correlation id derive from it
  std::string execution_date;  // YYYY-MM-DD (the bank adapter checks the TARGET calendar)
  // Deliberate short payments by invoice key or invoice number (docs/pay-and-settle.md).
  std::map<std::string, short_payment> short_payments;
};


class pay_settle_flow {
 public:
  pay_settle_flow(const pay_flow_config& config, flow_gateway& gateway, pay_store& store);

  // Selects (first call only), submits, records. Re-running a run resumes or replays it.
  // Returns a summary {run_id, correlation_id, payments:[…], skipped:[…]}.
  nlohmann::json run(const pay_run_request& request);

  // Reads statuses and statements from the bank and acts on them, then raises the batches
  // whose status report is overdue. Returns a summary {statuses, entries:[{…, match}],
  // settled:[…], voided:[…], unmatched:[…], status_overdue:[…]}.
  nlohmann::json settle();

  static std::string correlation_id_for(const std::string& run_id) { return "pay-" + run_id; }

 private:
  std::vector<nlohmann::json> list_all(const std::string& connection, const std::string& object,
                                       const std::string& correlation_id);
  void submit_and_record(pay_run& run);
  void apply_status(const nlohmann::json& status, nlohmann::json& summary);
  void watch_status_reports(nlohmann::json& summary);
  void apply_entry(const nlohmann::json& statement, const nlohmann::json& entry,
                   nlohmann::json& summary);
  void settle_payments(const entry_match& m, const nlohmann::json& statement,
                       const nlohmann::json& entry, nlohmann::json& summary);
  void post_charges(const entry_match& m, const nlohmann::json& entry, nlohmann::json& summary);
  // `returned`: the share of a return credit naming the payment (what the bank credits), when
  // the void comes from a statement entry; null for a status report.
  void void_payment(pay_payment& p, const std::string& why, const nlohmann::json& detail,
                    nlohmann::json& summary, const booked_share* returned = nullptr);
  // A settled payment the bank converted came back (pay_settle_fx_return.cpp): posts the return
  // journal in the account's currency and answers true, or answers false while the credit
  // with the amount is not there yet (a `returned` status read first; nothing is written).
  bool post_converted_return(pay_payment& p, const booked_share* returned,
                             const nlohmann::json& detail, nlohmann::json& summary);
  std::string correlation_of(const pay_payment& p);
  nlohmann::json journal(const std::string& posting_date, const std::string& reference,
                         const std::string& description,
                         const std::vector<std::tuple<std::string, std::string, decimal>>& lines,
                         const std::string& currency) const;

  pay_flow_config config_;
  flow_gateway& gateway_;
  pay_store& store_;
};

}  // namespace erpc

#pragma once
// A bank connection that follows docs/bank-file-contract.md without files: `submit
// PaymentBatch` (same key + content → replay, other content → IDEMPOTENCY_KEY_REUSE;
// identifiers from the key), `status PaymentBatch` (the latest status pushed for a MsgId, else
// IN_PROGRESS), `list PaymentStatus` and `list BankStatement` with index cursors
// (re-listing from an old cursor returns the same items). The test pushes the bank's answers.

#include <erpc/host/connection_handle.hpp>

#include <nlohmann/json.hpp>

#include <map>
#include <string>
#include <vector>

namespace erpc::testing {

class fake_bank {
 public:
  execute_outcome operator()(const nlohmann::json& envelope);

  // false: the answer's payments carry no `id` (the flow then pairs them by position).
  bool echo_ids = true;
  // Set: the next submit is refused with VALIDATION (nothing written), as for a bad IBAN.
  bool refuse_next = false;

  // The last batch submitted, as answered (with identifiers).
  const nlohmann::json& last_batch() const { return last_batch_; }
  int submits() const { return submits_; }  // effects: distinct batches written
  int status_asks() const { return status_asks_; }  // `status PaymentBatch` calls

  void push_status(nlohmann::json status) { statuses_.push_back(std::move(status)); }
  void push_statement(nlohmann::json statement) { statements_.push_back(std::move(statement)); }

  // A transaction-level PaymentStatus for one payment of the last batch.
  nlohmann::json status_for(const nlohmann::json& payment, const std::string& state,
                            const std::string& bank_status, const std::string& reason = "") const;
  // A camt.053-like statement with these entries.
  nlohmann::json statement(const std::string& id, std::vector<nlohmann::json> entries) const;

 private:
  std::map<std::string, std::pair<std::string, nlohmann::json>> batches_;  // key → (payload, result)
  nlohmann::json last_batch_;
  int submits_ = 0;
  int status_asks_ = 0;
  std::vector<nlohmann::json> statuses_;
  std::vector<nlohmann::json> statements_;
};

}  // namespace erpc::testing

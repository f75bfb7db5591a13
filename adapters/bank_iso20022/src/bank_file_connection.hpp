// SPDX-License-Identifier: Apache-2.0
// One bank file connection: submit PaymentBatch (pain.001 into the outbound folder), status
// PaymentBatch (the latest pain.002 status of one sent message), list PaymentStatus (pain.002
// taken in) and list BankStatement (statements taken in). Every
// operation runs under the state lock (a mutex for this process's threads, an flock for other
// processes sharing the state folder). Semantics: adapters/bank_iso20022/README.md.
#pragma once

#include "bank_file_config.hpp"

#include <erpc/adapter.hpp>

#include <mutex>

namespace erpc::bank_file {

class bank_file_connection final : public connection {
 public:
  explicit bank_file_connection(connection_config config) : config_(std::move(config)) {}

  result execute(const request& req, call_context& ctx) override;

 private:
  result submit_batch(const request& req, call_context& ctx);
  result batch_status(const request& req, call_context& ctx);
  result list_payment_statuses(const request& req, call_context& ctx);
  result list_statements(const request& req, call_context& ctx);

  connection_config config_;
  std::mutex mutex_;
};

}  // namespace erpc::bank_file

// SPDX-License-Identifier: Apache-2.0
// The bank simulator (`erpc sim bank`, docs/simulators-bank.md): a bank behind a file gateway
// (docs/bank-file-contract.md). A cycle picks up pain.001 files from the outbound folder and answers each
// with a pain.002 in the inbound folder (accepting, or rejecting by the rejection settings; a
// reused MsgId → group RJCT DUPL); an end of day books the accepted payments that are due into
// one statement per account (camt.053 .08/.02, MT940 or BAI2) with opening → closing balances,
// batch booking, charges and returns as set. Routes: POST /bank/cycle, POST /bank/end-of-day,
// GET /bank/accounts, on top of the framework's /_sim/ control API.
#pragma once

#include <erpc/sim/vendor_simulator.hpp>

#include <nlohmann/json.hpp>

#include <memory>

namespace erpc::sim::bank {

class bank_simulator final : public vendor_simulator {
 public:
  bank_simulator();
  ~bank_simulator() override;

  std::string_view vendor() const override { return "bank"; }
  std::vector<setting_spec> settings() const override;
  void install(http_router& router, simulator_context& context) override;
  void reset() override;

  // What POST /bank/cycle and POST /bank/end-of-day do, for in-process callers. Throw
  // erpc::error (CONFIGURATION bank.* for settings that do not make sense).
  nlohmann::json cycle();
  nlohmann::json end_of_day();
  nlohmann::json accounts() const;

 private:
  struct impl;
  std::unique_ptr<impl> impl_;
};

std::unique_ptr<vendor_simulator> make_bank_simulator();

}  // namespace erpc::sim::bank

// SPDX-License-Identifier: Apache-2.0
// The bank file adapter (docs/bank-file-contract.md): pain.001 out through an outbound folder,
// pain.002 and statements in through an inbound folder, as with a bank's SFTP/EBICS gateway.
// The exported entry is here: the module and the tests (through erpc::testing::fake_host) run
// the same objects.
#include "bank_file_config.hpp"
#include "bank_file_connection.hpp"

#include <erpc/adapter.hpp>

namespace erpc::bank_file {

class bank_file_adapter final : public adapter {
 public:
  static constexpr const char* adapter_id = bank_file::adapter_id;

  nlohmann::json describe() const override {
    return {{"name", "Bank file exchange (ISO 20022 pain.001/pain.002, camt, MT940, BAI2)"},
            {"vendor", "erpconnect"},
            {"version", "0.1.0"},
            {"status", "beta"},
            {"mapping_version", "1"},
            {"contract", {{"min", "1.0"}, {"max", "1.x"}}},
            {"objects",
             {{"PaymentBatch", {"submit", "status"}},
              {"PaymentStatus", {"list"}},
              {"BankStatement", {"list"}}}},
            {"capabilities", nlohmann::json::array()},
            {"config_schema", config_schema()},
            {"description",
             "Writes pain.001 files atomically into an outbound folder (once per key and "
             "generation, archived as the natural-key store) and takes in pain.002 reports and "
             "camt.052/053/054, MT940 and BAI2 statements from an inbound folder exactly once."}};
  }

  void check(const nlohmann::json& config, call_context&) override { (void)parse_config(config); }

  std::unique_ptr<connection> open(const nlohmann::json& config, call_context&) override {
    return std::make_unique<bank_file_connection>(parse_config(config));
  }
};

}  // namespace erpc::bank_file

ERPC_ADAPTER(erpc::bank_file::bank_file_adapter)

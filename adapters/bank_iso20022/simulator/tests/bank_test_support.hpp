// SPDX-License-Identifier: Apache-2.0
// The bank simulator in-process with its three folders in a fresh temp directory, a pain.001
// builder for small cases, and file helpers. XSD validation comes from the banking tests'
// helper (payment_test_support.hpp), pointed at this folder's tests/data.
#pragma once

#include <erpc/sim/bank/bank_simulator.hpp>
#include <erpc/sim/simulator_server.hpp>

#include <nlohmann/json.hpp>

#include <stdlib.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

namespace erpc::sim::bank::test {

namespace fs = std::filesystem;

inline std::string read_text(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

inline std::string test_data(const std::string& name) {
  return read_text(fs::path(ERPC_BANK_SIM_TEST_DATA) / name);
}

// Two accounts: the golden files pay from both.
inline const char* two_accounts =
    R"([{"iban":"DE44500105175407324931","bic":"INGDDEFFXXX","currency":"EUR",)"
    R"("opening_balance":"10000.00","owner":"Buyer AG"},)"
    R"({"iban":"NL91ABNA0417164300","currency":"EUR","opening_balance":"500.00"}])";

class bank_fixture {
 public:
  bank_fixture() : bank_fixture({}) {}
  explicit bank_fixture(
      std::initializer_list<std::pair<const std::string, nlohmann::json>> settings)
      : server_(make_bank_simulator()) {
    std::string pattern = (fs::temp_directory_path() / "erpc-bank-sim-XXXXXX").string();
    root_ = ::mkdtemp(pattern.data());
    for (const auto* d : {"outbound", "inbound", "archive"}) fs::create_directories(root_ / d);
    server_.context().settings().apply({{"folders.outbound", (root_ / "outbound").string()},
                                        {"folders.inbound", (root_ / "inbound").string()},
                                        {"folders.archive", (root_ / "archive").string()},
                                        {"calendar.start_date", "2026-03-02"},
                                        {"accounts", two_accounts}});
    if (settings.size() > 0) {
      server_.context().settings().apply(
          nlohmann::json(std::map<std::string, nlohmann::json>(settings)));
    }
  }
  bank_fixture(const bank_fixture&) = delete;
  bank_fixture& operator=(const bank_fixture&) = delete;
  ~bank_fixture() {
    server_.stop();
    std::error_code ec;
    fs::remove_all(root_, ec);
  }

  bank_simulator& bank() { return static_cast<bank_simulator&>(server_.vendor()); }
  simulator_server& server() { return server_; }
  const fs::path& root() const { return root_; }

  // As the adapter does: a temp file, then a rename.
  void send(const std::string& name, const std::string& content) {
    const auto temp = root_ / "outbound" / ("." + name + ".tmp");
    std::ofstream(temp, std::ios::binary) << content;
    fs::rename(temp, root_ / "outbound" / name);
  }

  // Files in `folder` (relative to the root) whose name starts with `prefix`, sorted.
  std::vector<fs::path> files(const std::string& folder, const std::string& prefix = "") const {
    std::vector<fs::path> out;
    if (!fs::exists(root_ / folder)) return out;
    for (const auto& e : fs::directory_iterator(root_ / folder)) {
      const auto n = e.path().filename().string();
      if (e.is_regular_file() && n.rfind(prefix, 0) == 0) out.push_back(e.path());
    }
    std::sort(out.begin(), out.end());
    return out;
  }

  std::size_t effects(const std::string& record_type) {
    effects_filter f;
    f.record_type = record_type;
    return server_.context().effects().snapshot(f).size();
  }

 private:
  fs::path root_;
  simulator_server server_;
};

struct test_payment {
  std::string end_to_end_id;
  std::string amount;
  std::string creditor_iban = "DE89370400440532013000";
  std::string currency = "EUR";
  std::string creditor_name = "Acme GmbH";
};

// One PmtInf of pain.001.001.09 from `debtor_iban`.
inline std::string make_pain001(const std::string& message_id, const std::string& debtor_iban,
                                const std::vector<test_payment>& payments,
                                std::optional<bool> batch_booking = true,
                                const std::string& execution_date = "2026-03-02") {
  std::string txs;
  for (const auto& p : payments) {
    txs += "<CdtTrfTxInf><PmtId><InstrId>I-" + p.end_to_end_id + "</InstrId><EndToEndId>" +
           p.end_to_end_id + "</EndToEndId></PmtId><Amt><InstdAmt Ccy=\"" + p.currency + "\">" +
           p.amount + "</InstdAmt></Amt><Cdtr><Nm>" + p.creditor_name +
           "</Nm></Cdtr><CdtrAcct><Id><IBAN>" + p.creditor_iban +
           "</IBAN></Id></CdtrAcct><RmtInf><Ustrd>Invoice " + p.end_to_end_id +
           "</Ustrd></RmtInf></CdtTrfTxInf>\n";
  }
  const std::string n = std::to_string(payments.size());
  return std::string("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n") +
         "<Document xmlns=\"urn:iso:std:iso:20022:tech:xsd:pain.001.001.09\"><CstmrCdtTrfInitn>"
         "<GrpHdr><MsgId>" + message_id + "</MsgId><CreDtTm>2026-03-01T10:15:00</CreDtTm>"
         "<NbOfTxs>" + n + "</NbOfTxs><InitgPty><Nm>Buyer AG</Nm></InitgPty></GrpHdr>\n"
         "<PmtInf><PmtInfId>" + message_id + "-P1</PmtInfId><PmtMtd>TRF</PmtMtd>" +
         (batch_booking ? std::string("<BtchBookg>") + (*batch_booking ? "true" : "false") +
                              "</BtchBookg>"
                        : std::string()) +
         "<NbOfTxs>" + n + "</NbOfTxs><ReqdExctnDt><Dt>" + execution_date +
         "</Dt></ReqdExctnDt><Dbtr><Nm>Buyer AG</Nm></Dbtr><DbtrAcct><Id><IBAN>" + debtor_iban +
         "</IBAN></Id></DbtrAcct><DbtrAgt><FinInstnId><BICFI>INGDDEFFXXX</BICFI></FinInstnId>"
         "</DbtrAgt><ChrgBr>SLEV</ChrgBr>\n" + txs + "</PmtInf></CstmrCdtTrfInitn></Document>\n";
}

}  // namespace erpc::sim::bank::test

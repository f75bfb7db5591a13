// SPDX-License-Identifier: Apache-2.0
// The bank file adapter on real folders: a fresh temp tree (outbound/, inbound/, state/) per
// rig, the adapter loaded through erpc::testing::fake_host, and helpers that play the bank —
// drop a file into inbound/ atomically, take a pain.001 out of outbound/ — plus a pain.002
// builder for the status cases.
#pragma once

#include <erpc/testing/fake_host.hpp>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <stdlib.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

extern "C" const erpc_adapter_entry_v1 erpc_adapter_entry;

namespace erpc::bank_file::test {

namespace fs = std::filesystem;
using nlohmann::json;

inline std::string read_text(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  REQUIRE(in);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

inline std::string banking_data(const std::string& name) {
  return read_text(fs::path(ERPC_PAYMENT_TEST_DATA) / name);
}

inline json supplier_run_batch() {
  return json::parse(banking_data("pain/batch_supplier_run.json"));
}

// Names in a folder, sorted, hidden ones included.
inline std::vector<std::string> names_in(const fs::path& folder) {
  std::vector<std::string> out;
  for (const auto& e : fs::directory_iterator(folder)) out.push_back(e.path().filename().string());
  std::sort(out.begin(), out.end());
  return out;
}

class bank_file_rig {
 public:
  explicit bank_file_rig(json extra_config = json::object()) {
    std::string pattern = (fs::temp_directory_path() / "erpc-bank-file-XXXXXX").string();
    REQUIRE(::mkdtemp(pattern.data()) != nullptr);
    root_ = pattern;
    fs::create_directories(outbound());
    fs::create_directories(inbound());
    config_ = {{"outbound_dir", outbound().string()},
               {"inbound_dir", inbound().string()},
               {"state_dir", state().string()}};
    config_.update(extra_config);
    reopen();
  }
  ~bank_file_rig() {
    host_.reset();
    std::error_code ec;
    fs::remove_all(root_, ec);
  }
  bank_file_rig(const bank_file_rig&) = delete;
  bank_file_rig& operator=(const bank_file_rig&) = delete;

  // A new host and connection on the same folders: nothing survives but what is on disk.
  void reopen() {
    host_.reset();
    host_ = std::make_unique<erpc::testing::fake_host>();
    host_->clock().set(1772359200000);  // 2026-03-01T10:00:00Z
    adapter_ = host_->init(erpc_adapter_entry);
    connection_ = host_->open(adapter_, config_.dump());
  }

  fs::path outbound() const { return root_ / "outbound"; }
  fs::path inbound() const { return root_ / "inbound"; }
  fs::path state() const { return root_ / "state"; }
  const json& config() const { return config_; }
  erpc::testing::fake_host& host() { return *host_; }
  const erpc_adapter_v1* adapter() const { return adapter_; }

  erpc::testing::call_result call(const json& request) {
    return host_->execute(adapter_, connection_, request.dump());
  }

  erpc::testing::call_result submit(const std::string& key, const json& batch) {
    return call({{"contract", "1.0"}, {"op", "submit"}, {"object", "PaymentBatch"},
                 {"idempotency_key", key}, {"deadline_ms", 30000}, {"payload", batch}});
  }

  erpc::testing::call_result list(const std::string& object, const std::string& cursor = "",
                                  int limit = 0) {
    json query = json::object();
    if (!cursor.empty()) query["cursor"] = cursor;
    if (limit > 0) query["limit"] = limit;
    return call({{"contract", "1.0"}, {"op", "list"}, {"object", object},
                 {"deadline_ms", 30000}, {"query", query}});
  }

  // A list that must succeed: its result document ({items, next_cursor}).
  json list_ok(const std::string& object, const std::string& cursor = "", int limit = 0) {
    auto r = list(object, cursor, limit);
    INFO((r.error ? r.error->code() + ": " + r.error->message() : r.json));
    REQUIRE(r.ok);
    return json::parse(r.json).at("result");
  }

  // The bank delivers a file: temp name starting with '.', then rename (BANK_CONTRACT.md).
  void deliver(const std::string& name, const std::string& bytes) {
    const auto temp = inbound() / ("." + name + ".part");
    std::ofstream(temp, std::ios::binary) << bytes;
    fs::rename(temp, inbound() / name);
  }

  // The bank takes the pain.001 files away from the outbound folder; returns their contents.
  std::vector<std::string> bank_takes_outbound() {
    std::vector<std::string> files;
    for (const auto& name : names_in(outbound())) {
      if (name.front() == '.') continue;
      files.push_back(read_text(outbound() / name));
      fs::remove(outbound() / name);
    }
    return files;
  }

 private:
  fs::path root_;
  json config_;
  std::unique_ptr<erpc::testing::fake_host> host_;
  const erpc_adapter_v1* adapter_ = nullptr;
  erpc_connection* connection_ = nullptr;
};

// A pain.002.001.10 report. transactions: {end_to_end_id, status, reason code}.
struct reported_tx {
  std::string end_to_end_id;
  std::string status;
  std::string reason;
};
inline std::string pain002(const std::string& report_id, const std::string& original_message_id,
                           const std::string& group_status, const std::string& group_reason,
                           const std::string& payment_information_id = "",
                           const std::vector<reported_tx>& transactions = {}) {
  std::string x = R"(<?xml version="1.0" encoding="UTF-8"?>
<Document xmlns="urn:iso:std:iso:20022:tech:xsd:pain.002.001.10">
 <CstmrPmtStsRpt>
  <GrpHdr><MsgId>)" + report_id + R"(</MsgId><CreDtTm>2026-03-01T10:20:00Z</CreDtTm></GrpHdr>
  <OrgnlGrpInfAndSts>
   <OrgnlMsgId>)" + original_message_id + R"(</OrgnlMsgId><OrgnlMsgNmId>pain.001.001.09</OrgnlMsgNmId>
)";
  if (!group_status.empty()) x += "   <GrpSts>" + group_status + "</GrpSts>\n";
  if (!group_reason.empty()) {
    x += "   <StsRsnInf><Rsn><Cd>" + group_reason + "</Cd></Rsn></StsRsnInf>\n";
  }
  x += "  </OrgnlGrpInfAndSts>\n";
  if (!transactions.empty()) {
    x += "  <OrgnlPmtInfAndSts>\n   <OrgnlPmtInfId>" + payment_information_id + "</OrgnlPmtInfId>\n";
    for (const auto& t : transactions) {
      x += "   <TxInfAndSts><OrgnlEndToEndId>" + t.end_to_end_id + "</OrgnlEndToEndId><TxSts>" +
           t.status + "</TxSts>";
      if (!t.reason.empty()) x += "<StsRsnInf><Rsn><Cd>" + t.reason + "</Cd></Rsn></StsRsnInf>";
      x += "</TxInfAndSts>\n";
    }
    x += "  </OrgnlPmtInfAndSts>\n";
  }
  x += " </CstmrPmtStsRpt>\n</Document>\n";
  return x;
}

}  // namespace erpc::bank_file::test

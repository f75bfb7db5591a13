// Encryption at rest, periodic audit checkpoints and correlated JSON logs, through the real
// `erpc` binary: the ledger database files never hold the plaintext of an encrypted field while
// the vendor (the record target, another process) and `erpc queue show` see it; a wrong key is a
// stable error code; a SIGKILLed run leaves checkpoints up to the last multiple of N and
// `erpc audit verify` catches a truncation below them.
#include "record_target_process.hpp"
#include "support/child_process.hpp"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>
#include <sqlite3.h>

#include <chrono>
#include <csignal>
#include <fcntl.h>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>
#include <string>
#include <thread>
#include <unistd.h>
#include <vector>

namespace {

namespace fs = std::filesystem;
using erpc::testing::child_process;
using erpc::testing::record_target;
using nlohmann::json;

const std::string iban = "DE89370400440532013000";  // the example invoice's remit-to account
const std::string iban_tail = "0532013000";
const std::string audit_key = "ERPC_TEST_AUDIT_KEY=" + std::string(64, 'a');
const std::string field_key =
    "ERPC_TEST_FIELD_KEY=000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f";
const std::string wrong_field_key = "ERPC_TEST_FIELD_KEY=" + std::string(64, '7');

std::string read_file(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

struct erpc_result {
  int status = -1;
  std::string out;  // stdout
  std::string err;  // stderr: the log lines and the error report
};

struct at_rest_site {
  fs::path dir;
  fs::path config;
  std::string log;  // stderr of every erpc run so far

  explicit at_rest_site(const std::string& name) {
    dir = fs::temp_directory_path() / ("erpc_atrest_" + name + "_" + std::to_string(::getpid()));
    fs::remove_all(dir);
    fs::create_directories(dir);
    config = dir / "erpc.json";
  }
  ~at_rest_site() { fs::remove_all(dir); }

  void configure(const std::string& target_url, int checkpoint_every) const {
    const json cfg = {
        {"ledger", {{"backend", "sqlite"}, {"path", "ledger.db"}}},
        {"audit",
         {{"hmac_key", "env:ERPC_TEST_AUDIT_KEY"},
          {"anchor_path", "audit.anchor"},
          {"checkpoint_every", checkpoint_every},
          {"encryption_key", "env:ERPC_TEST_FIELD_KEY"},
          {"encrypt", {"/remit_to/iban"}}}},
        {"adapters", {{"dirs", {ERPC_TEST_ADAPTERS, ERPC_HELLO_ADAPTERS}}}},
        {"connections",
         {{"target",
           {{"adapter", "record_target"},
            {"settings", {{"base_url", target_url}}},
            {"deadline_ms", 5000},
            {"retry", {{"max_attempts", 20}, {"initial_backoff_ms", 10},
                       {"max_backoff_ms", 200}}}}},
          {"hello", {{"adapter", "hello"}}}}}};
    std::ofstream(config) << cfg.dump(2);
  }

  fs::path batch(const std::string& name, const std::string& connection, int count) const {
    std::ifstream in(std::string(ERPC_SOURCE_DIR) + "/schemas/examples/v1/Invoice.json");
    const json invoice = json::parse(in);
    const fs::path path = dir / (name + ".jsonl");
    std::ofstream out(path);
    for (int i = 0; i < count; ++i) {
      json payload = invoice;
      payload["invoice_number"] = name + "-" + std::to_string(i);
      out << json{{"contract", "1.0"},      {"connection", connection},
                  {"object", "Invoice"},    {"op", "create"},
                  {"idempotency_key", name + "-" + std::to_string(i)},
                  {"correlation_id", "corr-" + name + "-" + std::to_string(i)},
                  {"payload", payload}}
                 .dump()
          << "\n";
    }
    return path;
  }

  // Runs erpc to the end with JSON log lines.
  erpc_result erpc(const std::vector<std::string>& args,
                   const std::vector<std::string>& env = {audit_key, field_key}) {
    std::vector<std::string> argv = {ERPC_EXE, "--log-format", "json", "--config",
                                     config.string()};
    argv.insert(argv.end(), args.begin(), args.end());
    const fs::path err_path = dir / "stderr.txt";
    fs::remove(err_path);
    const auto run = erpc::testing::run_to_end(argv, env, err_path, dir / "stdout.txt");
    erpc_result result;
    result.status = run.status;
    result.out = run.out;
    result.err = read_file(err_path);
    log += result.err;
    return result;
  }

  // Every byte SQLite keeps for the ledger: the main file and the write-ahead log.
  std::string database_bytes() const {
    return read_file(dir / "ledger.db") + read_file(dir / "ledger.db-wal");
  }

  std::vector<json> log_lines() const {
    std::vector<json> lines;
    std::istringstream in(log);
    for (std::string line; std::getline(in, line);) {
      const auto j = json::parse(line, nullptr, false);
      if (j.is_object() && j.contains("level")) lines.push_back(j);
    }
    return lines;
  }
};

// Runs one SQL statement on the ledger as someone with write access to the file would.
void tamper(const fs::path& db_path, const std::string& sql) {
  sqlite3* db = nullptr;
  REQUIRE(sqlite3_open(db_path.c_str(), &db) == SQLITE_OK);
  char* message = nullptr;
  const int rc = sqlite3_exec(db, sql.c_str(), nullptr, nullptr, &message);
  const std::string text = message ? message : "";
  sqlite3_free(message);
  sqlite3_close(db);
  INFO(text);
  REQUIRE(rc == SQLITE_OK);
}

std::int64_t count_rows(const fs::path& db_path, const std::string& sql) {
  sqlite3* db = nullptr;
  REQUIRE(sqlite3_open_v2(db_path.c_str(), &db, SQLITE_OPEN_READONLY, nullptr) == SQLITE_OK);
  sqlite3_busy_timeout(db, 5000);
  sqlite3_stmt* stmt = nullptr;
  std::int64_t n = -1;
  if (sqlite3_prepare_v2(db, sql.c_str(), -1, &stmt, nullptr) == SQLITE_OK &&
      sqlite3_step(stmt) == SQLITE_ROW) {
    n = sqlite3_column_int64(stmt, 0);
  }
  sqlite3_finalize(stmt);
  sqlite3_close(db);
  return n;
}

}  // namespace

TEST_CASE("an encrypted field never reaches the database files, yet the vendor and the operator "
          "see it") {
  at_rest_site site("fields");
  record_target target(site.dir / "target.log");
  site.configure(target.base_url(), 100);

  REQUIRE(site.erpc({"submit", "--batch", site.batch("enc", "target", 20).string()}).status == 0);
  REQUIRE(site.erpc({"run", "--until-idle", "--timeout-s", "120"}).status == 0);

  // The vendor received the plaintext.
  REQUIRE(target.count()["total"] == 20);
  const json received = target.records("enc-0").at("items");
  REQUIRE(received.size() == 1);
  REQUIRE(received[0]["payload"]["remit_to"]["iban"] == iban);

  // The ledger's files hold only ciphertext for it (payloads, payload versions, stored
  // responses, which echo the record, and audit entries alike).
  {
    const std::string bytes = site.database_bytes();
    REQUIRE(bytes.find("enc:v2:") != std::string::npos);
    REQUIRE(bytes.find(iban) == std::string::npos);
    REQUIRE(bytes.find(iban_tail) == std::string::npos);
  }

  // Dispatched with the wrong key: nothing is sent, the message is queued with a stable code.
  REQUIRE(site.erpc({"submit", "--batch", site.batch("wrong", "target", 1).string()}).status ==
          0);
  REQUIRE(site.erpc({"run", "--until-idle", "--timeout-s", "120"}, {audit_key, wrong_field_key})
              .status == 0);
  REQUIRE(target.count()["total"] == 20);
  const auto listed = site.erpc({"queue", "list", "technical", "--json"});
  REQUIRE(listed.status == 0);
  const json items = json::parse(listed.out)["items"];
  REQUIRE(items.size() == 1);
  const std::string message_id = items[0]["message_id"];
  REQUIRE(items[0]["last_error"]["code"] == "crypto.unknown_key");

  // `queue show` with the wrong key: the stable code, never ciphertext passed off as data.
  const auto refused = site.erpc({"queue", "show", message_id}, {audit_key, wrong_field_key});
  INFO(refused.err);
  REQUIRE(refused.status != 0);
  REQUIRE(refused.err.find("crypto.unknown_key") != std::string::npos);
  REQUIRE(refused.err.find(iban) == std::string::npos);
  REQUIRE(refused.out.find("enc:v") == std::string::npos);
  REQUIRE(refused.out.find(iban) == std::string::npos);

  // With the right key the operator sees the plaintext, and a replay delivers it.
  const auto shown = site.erpc({"queue", "show", message_id});
  REQUIRE(shown.status == 0);
  const json message = json::parse(shown.out);
  REQUIRE(message["payload"]["remit_to"]["iban"] == iban);
  REQUIRE(site.erpc({"queue", "replay", message_id}).status == 0);
  REQUIRE(site.erpc({"run", "--until-idle", "--timeout-s", "120"}).status == 0);
  REQUIRE(target.count()["total"] == 21);
  REQUIRE(target.records("wrong-0").at("items").at(0)["payload"]["remit_to"]["iban"] == iban);

  const std::string bytes = site.database_bytes();
  REQUIRE(bytes.find(iban) == std::string::npos);
  REQUIRE(bytes.find(iban_tail) == std::string::npos);

  // The log: the wrong-key failure line carries the message's correlation id as a JSON field,
  // and no line anywhere carries the account number.
  bool failure_logged = false;
  for (const json& line : site.log_lines()) {
    const std::string msg = line.value("msg", "");
    REQUIRE(line.dump().find(iban) == std::string::npos);
    if (msg.find("crypto.unknown_key") != std::string::npos &&
        msg.find("queued") != std::string::npos) {
      failure_logged = true;
      REQUIRE(line["correlation_id"] == "corr-wrong-0");
    }
  }
  REQUIRE(failure_logged);
}

TEST_CASE("with --log-format json every adapter line of a message carries its correlation id") {
  at_rest_site site("logs");
  site.configure("http://127.0.0.1:9", 100);
  REQUIRE(site.erpc({"submit", "--batch", site.batch("hl", "hello", 5).string()}).status == 0);
  REQUIRE(site.erpc({"--log-level", "debug", "run", "--until-idle", "--timeout-s", "120"})
              .status == 0);
  std::set<std::string> seen;
  for (const json& line : site.log_lines()) {
    const std::string msg = line.value("msg", "");
    if (msg.find("adapter: created") == std::string::npos) continue;
    const std::string correlation = line.at("correlation_id");
    REQUIRE(correlation.rfind("corr-hl-", 0) == 0);
    REQUIRE(msg.find(correlation) != std::string::npos);  // the line is about that message
    REQUIRE(line.at("fields").at("connection") == "hello");
    seen.insert(correlation);
  }
  REQUIRE(seen.size() == 5);
}

TEST_CASE("a SIGKILLed run leaves checkpoints every N entries, and verify catches a truncation "
          "below them") {
  constexpr int every = 10;
  constexpr int messages = 45;
  at_rest_site site("ckpt");
  record_target target(site.dir / "target.log");
  site.configure(target.base_url(), every);
  const fs::path db_path = site.dir / "ledger.db";
  REQUIRE(site.erpc({"submit", "--batch", site.batch("ck", "target", messages).string()})
              .status == 0);

  child_process run({ERPC_EXE, "--config", site.config.string(), "run"}, {audit_key, field_key},
                    site.dir / "erpc.log");
  // Until every message is recorded succeeded (read beside the running host: WAL readers do not
  // block it); generous for a loaded, sanitized CI machine.
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(120);
  while (count_rows(db_path, "SELECT COUNT(*) FROM messages WHERE state = 'succeeded'") !=
         messages) {
    REQUIRE(std::chrono::steady_clock::now() < deadline);
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }
  // The checkpoint of the last multiple is written right after its commit: allow it to land.
  std::this_thread::sleep_for(std::chrono::milliseconds(500));
  run.signal(SIGKILL);
  REQUIRE(run.wait() == 128 + SIGKILL);

  // No clean shutdown happened, so every checkpoint here is a periodic one.
  const std::int64_t last_seq =
      count_rows(db_path, "SELECT MAX(seq) FROM audit_entries WHERE connection = 'target'");
  const std::int64_t checkpointed =
      count_rows(db_path, "SELECT MAX(seq) FROM audit_checkpoints WHERE connection = 'target'");
  INFO("last seq " << last_seq << ", checkpointed " << checkpointed);
  REQUIRE(last_seq >= messages * 3);  // received, claimed, succeeded per message
  // The checkpoint due at a multiple signs the head as it is then, which other workers may
  // already have moved a little further: at or beyond the last multiple, never behind it.
  REQUIRE(checkpointed >= last_seq - last_seq % every);
  REQUIRE(last_seq - checkpointed < every);
  std::ifstream anchor(site.dir / "audit.anchor");
  std::int64_t anchored = 0;
  for (std::string line; std::getline(anchor, line);) {
    const auto j = json::parse(line);
    if (j["connection"] == "target") anchored = std::max<std::int64_t>(anchored, j["seq"]);
  }
  REQUIRE(anchored == checkpointed);

  const auto before = site.erpc({"audit", "verify", "--json"});
  INFO(before.out);
  REQUIRE(before.status == 0);

  // Someone with write access cuts the chain below the last checkpoint and tidies up after
  // themselves: entries, checkpoint rows and the head row all agree on the shorter chain.
  const std::int64_t cut = checkpointed - 3;
  tamper(db_path, "DELETE FROM audit_entries WHERE connection = 'target' AND seq > " +
                      std::to_string(cut) +
                      "; DELETE FROM audit_checkpoints WHERE connection = 'target' AND seq > " +
                      std::to_string(cut) +
                      "; UPDATE audit_heads SET seq = " + std::to_string(cut) +
                      ", mac = (SELECT mac FROM audit_entries WHERE connection = 'target' AND "
                      "seq = " +
                      std::to_string(cut) + ") WHERE connection = 'target';");
  const auto after = site.erpc({"audit", "verify", "--json"});
  INFO(after.out);
  REQUIRE(after.status != 0);
  const json report = json::parse(after.out);
  REQUIRE_FALSE(report["ok"].get<bool>());
  bool truncation = false;
  for (const auto& p : report["problems"]) {
    if (p["kind"] == "tail_truncated" && p["connection"] == "target" && p["seq"] > cut) {
      truncation = true;
    }
  }
  REQUIRE(truncation);

  // Verifying writes nothing: no checkpoint signs the shortened head, so the truncation is
  // reported again, however often an operator (or an intruder) runs verify.
  const std::int64_t checkpoints_before =
      count_rows(db_path, "SELECT COUNT(*) FROM audit_checkpoints");
  const auto again = site.erpc({"audit", "verify", "--json"});
  REQUIRE(again.status != 0);
  REQUIRE(count_rows(db_path, "SELECT COUNT(*) FROM audit_checkpoints") == checkpoints_before);
}

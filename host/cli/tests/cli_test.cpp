// The erpc command line as a user runs it: a child process, its output and its exit code.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <array>
#include <cstdlib>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <set>
#include <string>
#include <sys/wait.h>
#include <unistd.h>

namespace {

namespace fs = std::filesystem;

struct run_result {
  int exit_code = -1;
  std::string out;  // stdout and stderr together
};

run_result run(const std::string& args) {
  const std::string command = std::string(ERPC_EXE) + " --adapters-dir " + ERPC_ADAPTERS + " " +
                              args + " 2>&1";
  run_result r;
  FILE* pipe = ::popen(command.c_str(), "r");
  REQUIRE(pipe != nullptr);
  std::array<char, 4096> buffer{};
  std::size_t n = 0;
  while ((n = std::fread(buffer.data(), 1, buffer.size(), pipe)) > 0) r.out.append(buffer.data(), n);
  const int status = ::pclose(pipe);
  r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  return r;
}

std::string sample(const std::string& name) {
  return std::string(ERPC_SOURCE_DIR) + "/schemas/examples/v1/" + name + ".json";
}

fs::path write_temp(const std::string& name, const std::string& content) {
  const fs::path path = fs::temp_directory_path() /
                        ("erpc_cli_test_" + std::to_string(::getpid()) + "_" + name);
  std::ofstream(path) << content;
  return path;
}

nlohmann::json json_of(const run_result& r) {
  const auto start = r.out.find('{');
  REQUIRE(start != std::string::npos);
  return nlohmann::json::parse(r.out.substr(start));
}

}  // namespace

TEST_CASE("every command has --help") {
  for (const std::string cmd : {"", "adapters", "adapters list", "adapters describe", "validate",
                                "invoke"}) {
    const auto r = run(cmd + " --help");
    INFO(cmd << ": " << r.out);
    REQUIRE(r.exit_code == 0);
    REQUIRE(r.out.find("Usage") != std::string::npos);
  }
}

TEST_CASE("adapters list shows the bundled hello adapter, in a table and as JSON") {
  const auto table = run("adapters list");
  REQUIRE(table.exit_code == 0);
  REQUIRE(table.out.find("hello") != std::string::npos);
  const auto doc = json_of(run("adapters list --json"));
  bool hello_loaded = false;
  for (const auto& library : doc["loaded"]) hello_loaded |= library["manifest"]["id"] == "hello";
  REQUIRE(hello_loaded);
  REQUIRE(doc["refused"].empty());
}

TEST_CASE("adapters list names every refused library and survives the ones that crash") {
  if (!fs::is_directory(ERPC_LOADER_TEST_ADAPTERS)) {
    WARN("loader test adapters not built; skipped");
    return;
  }
  // A folder holding a constructor that aborts and one that exits: only the child probe
  // can keep those from taking erpc down.
  std::set<fs::path> folders;
  for (const auto& entry : fs::recursive_directory_iterator(ERPC_LOADER_TEST_ADAPTERS)) {
    if (entry.path().extension() != ".so") continue;
#if defined(ERPC_SANITIZED)
    // Sanitized processes start slowly: keep the folders whose libraries crash or exit.
    const auto name = entry.path().filename().string();
    if (name.find("abort") == std::string::npos && name.find("exit") == std::string::npos) {
      continue;
    }
#endif
    folders.insert(entry.path().parent_path());
  }
  REQUIRE_FALSE(folders.empty());
  for (const auto& folder : folders) {
    const auto r = run("--adapters-dir " + folder.string() + " adapters list --json");
    INFO(folder << ": " << r.out);
    REQUIRE(r.exit_code == 0);
    const auto doc = json_of(r);
    for (const auto& refused : doc["refused"]) {
      REQUIRE(refused["error"]["code"].get<std::string>().rfind("loader.", 0) == 0);
      REQUIRE_FALSE(refused["error"]["message"].get<std::string>().empty());
    }
  }
}

TEST_CASE("adapters describe prints the manifest, an unknown id is a clear error") {
  const auto r = run("adapters describe hello");
  REQUIRE(r.exit_code == 0);
  REQUIRE(r.out.find("contract:  1.0..1.0") != std::string::npos);
  const auto missing = run("adapters describe no_such_adapter");
  REQUIRE(missing.exit_code == 2);
  REQUIRE(missing.out.find("cli.adapter_not_found") != std::string::npos);
}

TEST_CASE("validate accepts every sample and prints pointers for what it refuses") {
  for (const std::string object : {"LegalEntity", "Supplier", "Customer", "Account", "TaxCode",
                                   "JournalEntry", "Invoice", "Payment", "PaymentBatch",
                                   "PaymentStatus", "BankStatement", "Settlement"}) {
    const auto r = run("validate " + object + " " + sample(object));
    INFO(object << ": " << r.out);
    REQUIRE(r.exit_code == 0);
  }
  auto invoice = nlohmann::json::parse(std::ifstream(sample("Invoice")));
  invoice["lines"][0]["gross"]["amount"] = "120.00";
  invoice["currency"] = "EUR";
  invoice["totals"]["net"]["amount"] = "100.5";
  const auto bad = write_temp("bad_invoice.json", invoice.dump());
  const auto r = run("validate Invoice " + bad.string() + " --json");
  fs::remove(bad);
  REQUIRE(r.exit_code == 1);
  const auto doc = json_of(r);
  REQUIRE(doc["valid"] == false);
  std::set<std::string> pointers;
  for (const auto& f : doc["field_errors"]) pointers.insert(f["pointer"].get<std::string>());
  REQUIRE(pointers.count("/lines/0/gross/amount") + pointers.count("/lines/0/gross") > 0);
  REQUIRE(pointers.count("/totals/net/amount") + pointers.count("/totals/net") > 0);
}

TEST_CASE("validate refuses malformed JSON, duplicate keys and floating-point numbers") {
  const auto malformed = write_temp("malformed.json", "{\"a\": ");
  auto r = run("validate Invoice " + malformed.string());
  REQUIRE(r.exit_code == 1);
  REQUIRE(r.out.find("json.malformed") != std::string::npos);
  const auto dup = write_temp("dup.json", R"({"currency":"EUR","currency":"USD"})");
  r = run("validate Invoice " + dup.string());
  REQUIRE(r.out.find("json.duplicate_key") != std::string::npos);
  const auto flt = write_temp("float.json", R"({"amount": 12.50})");
  r = run("validate Invoice " + flt.string());
  REQUIRE(r.out.find("json.non_integer_number") != std::string::npos);
  for (const auto& p : {malformed, dup, flt}) fs::remove(p);
}

TEST_CASE("invoke posts through the adapter and reports adapter errors with their class") {
  const auto ok = run("invoke --adapter hello --op create --object Invoice --key inv-1 --payload " +
                      sample("Invoice"));
  INFO(ok.out);
  REQUIRE(ok.exit_code == 0);
  const auto doc = json_of(ok);
  REQUIRE(doc["status"] == "ok");
  REQUIRE(doc["result"]["id"] == "HELLO-1");

  const auto unsupported = run("invoke --adapter hello --op list --object Invoice --json");
  REQUIRE(unsupported.exit_code == 1);
  REQUIRE(json_of(unsupported)["error"]["class"] == "UNSUPPORTED");

  auto invoice = nlohmann::json::parse(std::ifstream(sample("Invoice")));
  invoice["totals"]["gross"]["amount"] = "1.00";
  const auto bad = write_temp("invoke_bad.json", invoice.dump());
  const auto refused = run("invoke --adapter hello --op create --object Invoice --key k2 --json "
                           "--payload " + bad.string());
  fs::remove(bad);
  REQUIRE(refused.exit_code == 1);
  const auto err = json_of(refused)["error"];
  REQUIRE(err["class"] == "VALIDATION");
  REQUIRE(err["field_errors"][0]["pointer"].get<std::string>().rfind("/payload/", 0) == 0);
}

TEST_CASE("invoke refuses a bad idempotency key before calling the adapter") {
  const auto r = run("invoke --adapter hello --op create --object Invoice --json "
                     "--key 'has spaces' --payload " + sample("Invoice"));
  REQUIRE(r.exit_code == 1);
  REQUIRE(json_of(r)["error"]["field_errors"][0]["pointer"] == "/idempotency_key");
}

TEST_CASE("submit --op cancel puts the document in the envelope's query, where cancel names its "
          "target") {
  const fs::path dir = fs::temp_directory_path() / ("erpc_cli_submit_" + std::to_string(::getpid()));
  fs::create_directories(dir);
  ::setenv("ERPC_CLI_TEST_AUDIT_KEY", std::string(64, 'c').c_str(), 1);
  const nlohmann::json config = {
      {"ledger", {{"backend", "sqlite"}, {"path", (dir / "ledger.db").string()}}},
      {"audit", {{"hmac_key", "env:ERPC_CLI_TEST_AUDIT_KEY"},
                 {"anchor_path", (dir / "audit.anchor").string()}}},
      {"adapters", {{"dirs", {ERPC_ADAPTERS}}}},
      {"connections", {{"hello", {{"adapter", "hello"}}}}}};
  std::ofstream(dir / "erpc.json") << config.dump();
  std::ofstream(dir / "target.json") << R"({"id": "HELLO-1"})";
  const auto r = run("--config " + (dir / "erpc.json").string() +
                     " submit --connection hello --object Invoice --op cancel --key cancel-1 "
                     "--payload " + (dir / "target.json").string());
  INFO(r.out);
  // Before: the target went into `payload`, and the contract refused a cancel without a query.
  CHECK(r.exit_code == 0);
  CHECK(r.out.find("contract.invalid_request") == std::string::npos);
  fs::remove_all(dir);
}

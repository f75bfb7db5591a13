// `erpc sim <vendor>` as a certification run or a developer uses it: an ephemeral port reported
// through --port-file, settings from a file, the vendor API and the control API, a clean exit
// on SIGTERM, and refusals with stable codes.
#include "support/child_process.hpp"
#include "support/raw_http.hpp"

#include <erpc/adapters/oauth1_signer.hpp>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <chrono>
#include <csignal>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <thread>
#include <unistd.h>

namespace {

namespace fs = std::filesystem;
using erpc::testing::child_process;
using erpc::testing::raw_http;

struct temp_dir {
  fs::path path;
  explicit temp_dir(const std::string& name)
      : path(fs::temp_directory_path() / (name + "_" + std::to_string(::getpid()))) {
    fs::remove_all(path);
    fs::create_directories(path);
  }
  ~temp_dir() { fs::remove_all(path); }
};

std::uint16_t wait_for_port(const fs::path& file) {
  for (int i = 0; i < 600; ++i) {  // 30 s: sanitized builds on a loaded machine start slowly
    std::ifstream in(file);
    int port = 0;
    if (in >> port && port > 0) return static_cast<std::uint16_t>(port);
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  return 0;
}

std::string read_all(const fs::path& p) {
  std::ifstream in(p);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

}  // namespace

TEST_CASE("erpc sim netsuite serves the vendor and control APIs until SIGTERM", "[cli][sim]") {
  temp_dir dir("erpc_sim_test");
  std::ofstream(dir.path / "settings.json")
      << R"({"concurrency.limit": 3, "auth.account_id": "TSTDRV9"})";
  child_process sim(
      {ERPC_EXE, "sim", "netsuite", "--port", "0", "--settings",
       (dir.path / "settings.json").string(), "--port-file", (dir.path / "port").string()},
      {}, dir.path / "sim.log");
  const auto port = wait_for_port(dir.path / "port");
  REQUIRE(port != 0);

  const auto settings = nlohmann::json::parse(raw_http(port, "GET", "/_sim/settings").body);
  CHECK(settings["settings"]["concurrency.limit"] == 3);
  CHECK(settings["settings"]["auth.account_id"] == "TSTDRV9");

  const erpc::oauth1::signer signer(
      {"sim-consumer-key", "sim-consumer-secret", "sim-token-id", "sim-token-secret"}, "TSTDRV9");
  const std::string target = "/services/rest/record/v1/vendor";
  const auto created =
      raw_http(port, "POST", target,
               {{"Content-Type", "application/json"},
                {"Authorization", signer.authorize("POST", "http://127.0.0.1" + target)}},
               R"({"companyName":"Acme","externalId":"SUP-1"})");
  CHECK(created.status == 204);
  const auto effects = nlohmann::json::parse(raw_http(port, "GET", "/_sim/effects").body);
  CHECK(effects["created"] == 1);

  sim.signal(SIGTERM);
  CHECK(sim.wait() == 0);
  CHECK(read_all(dir.path / "sim.log").find("serving on http://127.0.0.1:") != std::string::npos);
}

TEST_CASE("erpc sim refuses an unknown vendor and an unknown setting", "[cli][sim]") {
  temp_dir dir("erpc_sim_refusal_test");
  {
    child_process sim({ERPC_EXE, "sim", "nosuchvendor"}, {}, dir.path / "vendor.log");
    CHECK(sim.wait() == 2);
  }
  CHECK(read_all(dir.path / "vendor.log").find("sim.unknown_vendor") != std::string::npos);
  CHECK(read_all(dir.path / "vendor.log").find("netsuite") != std::string::npos);

  std::ofstream(dir.path / "bad.json") << R"({"concurrency.limt": 3})";
  {
    child_process sim({ERPC_EXE, "sim", "netsuite", "--settings", (dir.path / "bad.json").string()},
                      {}, dir.path / "setting.log");
    CHECK(sim.wait() == 1);
  }
  CHECK(read_all(dir.path / "setting.log").find("sim.unknown_setting") != std::string::npos);
}

// SPDX-License-Identifier: Apache-2.0
// `erpc proxy` as a user runs it: a child process in front of a loopback upstream.
#include "proxy_client.hpp"

#include <nlohmann/json.hpp>

#include <support/child_process.hpp>
#include <support/loopback_http_server.hpp>

#include <catch2/catch.hpp>

#include <csignal>
#include <filesystem>
#include <fstream>
#include <thread>
#include <unistd.h>

using namespace erpc::conformance::test;

namespace {

std::filesystem::path fresh_dir(const std::string& name) {
  const auto dir = std::filesystem::temp_directory_path() /
                   ("erpc-proxy-" + name + "-" + std::to_string(::getpid()));
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  return dir;
}

std::uint16_t wait_for_port(const std::filesystem::path& port_file) {
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(60);
  while (std::chrono::steady_clock::now() < deadline) {
    std::ifstream in(port_file);
    unsigned port = 0;
    if (in >> port && port != 0) return static_cast<std::uint16_t>(port);
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  FAIL("erpc proxy wrote no port file");
  return 0;
}

}  // namespace

TEST_CASE("erpc proxy applies a script file and stops cleanly on SIGTERM", "[fault_proxy][cli]") {
  erpc::testing::loopback_http_server upstream([](const erpc::testing::loopback_request&) {
    erpc::testing::loopback_response out;
    out.status = 204;
    return out;
  });
  const auto dir = fresh_dir("cli");
  erpc::testing::child_process proxy(
      {ERPC_EXE, "proxy", "--upstream", upstream.base_url(), "--script",
       std::string(ERPC_FAULT_SCRIPTS_DIR) + "/commit-then-lose.json", "--port", "0",
       "--port-file", (dir / "port").string()},
      {}, dir / "proxy.log");
  const auto port = wait_for_port(dir / "port");

  const auto create = request_bytes("POST", "/services/rest/record/v1/vendorBill", "{}");
  const auto lost = send_and_observe(port, create);
  CHECK(lost.end == connection_end::reset);
  CHECK(lost.bytes.empty());
  CHECK(upstream.requests_received() == 1);  // committed, reply lost

  CHECK(send_and_observe(port, create).status == 204);  // the rule's count was 1
  CHECK(upstream.requests_received() == 2);

  const auto log = send_and_observe(port, request_bytes("GET", "/_proxy/log"));
  REQUIRE(log.status == 200);
  const auto entries = nlohmann::json::parse(log.body).at("entries");
  REQUIRE(entries.size() == 2);
  CHECK(entries[0].at("outcome") == "dropped_reply");
  CHECK(entries[0].at("rule") == "lose-first-create");
  CHECK(entries[1].at("outcome") == "forwarded");

  proxy.signal(SIGTERM);
  CHECK(proxy.wait() == 0);
  std::filesystem::remove_all(dir);
}

TEST_CASE("erpc proxy refuses a bad script with its code and pointer", "[fault_proxy][cli]") {
  const auto dir = fresh_dir("bad");
  {
    std::ofstream(dir / "bad.json") << R"({"rules":[{"id":"x","fault":{"type":"teleport"}}]})";
  }
  erpc::testing::child_process proxy(
      {ERPC_EXE, "proxy", "--upstream", "http://127.0.0.1:9", "--script",
       (dir / "bad.json").string()},
      {}, dir / "proxy.log");
  CHECK(proxy.wait() != 0);
  std::ifstream in(dir / "proxy.log");
  const std::string output((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  CHECK(output.find("proxy.script_bad_value") != std::string::npos);
  CHECK(output.find("/rules/0/fault/type") != std::string::npos);
  std::filesystem::remove_all(dir);
}

// `erpc serve` as a client sees it: the Idempotency-Key semantics of the IETF httpapi draft
// (400 missing, 422 reused with another payload, 409 still in flight, the stored response on a
// replay), message status, health, metrics, graceful shutdown — and a planted secret that must
// not appear in any output channel.
#include "support/child_process.hpp"
#include "support/raw_http.hpp"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <arpa/inet.h>
#include <chrono>
#include <csignal>
#include <filesystem>
#include <fstream>
#include <netinet/in.h>
#include <sstream>
#include <sys/socket.h>
#include <thread>
#include <unistd.h>

namespace {

namespace fs = std::filesystem;
using erpc::testing::child_process;
using erpc::testing::raw_http;
using nlohmann::json;

// The audit master key, planted to prove it never leaks: 32 bytes as 64 hex digits.
constexpr const char* planted_key =
    "5e3c1a9f0b7d2e4c6a8f1b3d5e7c9a0b2d4f6e8a1c3b5d7f9e0a2c4b6d8f1e3a";

// A TCP port that accepts connections into its backlog but never answers: a vendor that has
// the request and has not replied yet.
class silent_vendor {
 public:
  silent_vendor() {
    fd_ = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    REQUIRE(::bind(fd_, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0);
    REQUIRE(::listen(fd_, 16) == 0);
    socklen_t len = sizeof addr;
    ::getsockname(fd_, reinterpret_cast<sockaddr*>(&addr), &len);
    port_ = ntohs(addr.sin_port);
  }
  ~silent_vendor() { ::close(fd_); }
  std::string base_url() const { return "http://127.0.0.1:" + std::to_string(port_); }

 private:
  int fd_ = -1;
  std::uint16_t port_ = 0;
};

struct served_host {
  fs::path dir;
  std::unique_ptr<child_process> process;
  std::uint16_t port = 0;

  explicit served_host(const std::string& silent_url) {
    dir = fs::temp_directory_path() / ("erpc_serve_test_" + std::to_string(::getpid()));
    fs::remove_all(dir);
    fs::create_directories(dir);
    const json cfg = {
        {"ledger", {{"backend", "sqlite"}, {"path", "ledger.db"}}},
        {"audit", {{"hmac_key", "env:ERPC_TEST_AUDIT_KEY"}, {"anchor_path", "audit.anchor"},
                   {"checkpoint_every", 5}}},
        {"adapters", {{"dirs", {ERPC_HELLO_ADAPTERS, ERPC_TEST_ADAPTERS}}}},
        {"connections",
         {{"hello-eu", {{"adapter", "hello"}}},
          {"slow", {{"adapter", "record_target"}, {"settings", {{"base_url", silent_url}}},
                    {"deadline_ms", 3000}, {"retry", {{"max_attempts", 1}}}}}}},
        {"log", {{"level", "debug"}}}};
    std::ofstream(dir / "erpc.json") << cfg.dump(2);
    process = std::make_unique<child_process>(
        std::vector<std::string>{ERPC_EXE, "--log-level", "debug", "--config",
                                 (dir / "erpc.json").string(), "serve", "--listen",
                                 "127.0.0.1:0", "--port-file", (dir / "port").string()},
        std::vector<std::string>{std::string("ERPC_TEST_AUDIT_KEY=") + planted_key},
        dir / "serve.log");
    for (int i = 0; i < 300 && port == 0; ++i) {
      std::ifstream in(dir / "port");
      int p = 0;
      if (in >> p) port = static_cast<std::uint16_t>(p);
      if (port == 0) std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    REQUIRE(port != 0);
  }
  ~served_host() {
    process.reset();
    fs::remove_all(dir);
  }

  erpc::testing::raw_http_response post(const std::string& connection, const std::string& key,
                                        const std::string& body, bool wait = true) {
    std::vector<std::pair<std::string, std::string>> headers = {
        {"Content-Type", "application/json"}};
    if (!key.empty()) headers.emplace_back("Idempotency-Key", key);
    if (wait) headers.emplace_back("Prefer", "wait=30");  // generous: sanitized builds are slow
    const auto r =
        raw_http(port, "POST", "/v1/connections/" + connection + "/Invoice/create", headers, body);
    outputs << r.body;
    return r;
  }
  std::ostringstream outputs;  // every body a client saw
};

std::string invoice(const std::string& number) {
  std::ifstream in(std::string(ERPC_SOURCE_DIR) + "/schemas/examples/v1/Invoice.json");
  json doc = json::parse(in);
  doc["invoice_number"] = number;
  return doc.dump();
}

std::string read_file(const fs::path& p) {
  std::ifstream in(p);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

}  // namespace

TEST_CASE("erpc serve keeps the Idempotency-Key promises over HTTP") {
  silent_vendor vendor;
  served_host host(vendor.base_url());

  SECTION("a write without a key is refused") {
    const auto r = host.post("hello-eu", "", invoice("A-1"));
    REQUIRE(r.status == 400);
    REQUIRE(json::parse(r.body)["code"] == "http.idempotency_key_missing");
  }

  SECTION("malformed JSON is a 400 with a contract error body") {
    const auto r = host.post("hello-eu", "k-bad", "{\"lines\": [");
    REQUIRE(r.status == 400);
    REQUIRE(json::parse(r.body)["code"] == "json.malformed");
  }

  SECTION("a write is posted once; the same key and payload replays; another payload is 422") {
    const auto first = host.post("hello-eu", "inv-1", invoice("A-1"));
    INFO(first.body);
    REQUIRE(first.status == 200);
    const auto doc = json::parse(first.body);
    REQUIRE(doc["result"]["id"] == "HELLO-1");

    const auto replay = host.post("hello-eu", "inv-1", invoice("A-1"));
    REQUIRE(replay.status == 200);
    REQUIRE(json::parse(replay.body)["replayed"] == true);
    REQUIRE(json::parse(replay.body)["result"]["id"] == "HELLO-1");

    const auto reuse = host.post("hello-eu", "inv-1", invoice("A-2"));
    REQUIRE(reuse.status == 422);
    REQUIRE(json::parse(reuse.body)["class"] == "IDEMPOTENCY_KEY_REUSE");
  }

  SECTION("a second request while the first is in flight is 409") {
    const auto first = host.post("slow", "slow-1", invoice("S-1"), false);
    REQUIRE(first.status == 202);
    const auto id = json::parse(first.body)["message_id"].get<std::string>();
    // Wait until a worker has claimed it (the call then hangs at the silent vendor).
    for (int i = 0; i < 100; ++i) {
      const auto s = raw_http(host.port, "GET", "/v1/messages/" + id);
      if (json::parse(s.body)["state"] == "in_flight") break;
      std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    const auto second = host.post("slow", "slow-1", invoice("S-1"), false);
    REQUIRE(second.status == 409);
    REQUIRE(json::parse(second.body)["class"] == "IN_PROGRESS");
    REQUIRE_FALSE(second.header("Retry-After").empty());
  }

  SECTION("health and metrics answer; SIGTERM shuts down cleanly; the key never leaks") {
    REQUIRE(host.post("hello-eu", "m-1", invoice("M-1")).status == 200);
    const auto health = raw_http(host.port, "GET", "/healthz");
    REQUIRE(health.status == 200);
    const auto metrics = raw_http(host.port, "GET", "/metrics");
    REQUIRE(metrics.status == 200);
    REQUIRE(metrics.body.find("erpc_requests_total") != std::string::npos);
    REQUIRE(metrics.body.find("erpc_queue_depth") != std::string::npos);
    host.outputs << health.body << metrics.body;

    host.process->signal(SIGTERM);
    REQUIRE(host.process->wait() == 0);

    // The audit trail of the run verifies, and its JSON output is searched too.
    child_process verify({ERPC_EXE, "--config", (host.dir / "erpc.json").string(), "audit",
                          "verify", "--json"},
                         {std::string("ERPC_TEST_AUDIT_KEY=") + planted_key},
                         host.dir / "verify.log");
    REQUIRE(verify.wait() == 0);

    std::string everything = host.outputs.str() + read_file(host.dir / "serve.log") +
                             read_file(host.dir / "audit.anchor") +
                             read_file(host.dir / "verify.log");
    REQUIRE(everything.find(planted_key) == std::string::npos);
    // Also not in upper-case hex, the form a careless dump might print.
    std::string upper(planted_key);
    for (auto& c : upper) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    REQUIRE(everything.find(upper) == std::string::npos);
  }
}

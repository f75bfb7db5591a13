// SPDX-License-Identifier: Apache-2.0
#include <erpc/testing/fake_host.hpp>

#include "erpc/host/http_service.hpp"
#include "support/loopback_http_server.hpp"

#include <erpc/http_client.hpp>

#include <catch2/catch.hpp>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace {

// A minimal adapter written against the raw ABI: open() resolves a token, execute() POSTs the
// request to <base>/invoices and answers with the vendor body.
namespace demo {
const erpc_host_v1* g_host = nullptr;
erpc_adapter_v1 g_table{};
int g_answers_per_execute = 1;

struct connection {
  std::string base_url;
  std::string token;
};

void fail_with(const erpc_call_v1* call, const erpc::error& e) {
  erpc::with_abi_error(e, [&](const erpc_error_v1& abi) { call->fail(call, &abi); });
}

erpc_connection* open(const char* config, std::size_t len, const erpc_call_v1* call) {
  const auto cfg = nlohmann::json::parse(std::string(config, len), nullptr, false);
  if (!cfg.is_object() || !cfg.contains("base_url")) {
    fail_with(call, erpc::error(erpc::error_class::configuration, "demo.config", "no base_url"));
    return nullptr;
  }
  auto* c = new connection{cfg["base_url"].get<std::string>(), {}};
  const auto* secrets = erpc::host_ref(g_host).service<erpc_host_secrets_v1>(ERPC_HOST_SECRETS_V1);
  secrets->resolve(
      secrets, "env:DEMO_TOKEN",
      [](void* user, const char* v, std::size_t n) {
        static_cast<connection*>(user)->token.assign(v, n);
      },
      c, nullptr);
  return reinterpret_cast<erpc_connection*>(c);
}

void close(erpc_connection* conn) { delete reinterpret_cast<connection*>(conn); }

void execute(erpc_connection* conn, const char* req, std::size_t len, const erpc_call_v1* call) {
  auto& c = *reinterpret_cast<connection*>(conn);
  try {
    erpc::http_client http{erpc::host_ref(g_host)};
    const auto r = http.send({"POST", c.base_url + "/invoices",
                              {{"Authorization", "Bearer " + c.token},
                               {"Content-Type", "application/json"}},
                              std::string(req, len), 0},
                             call);
    erpc::throw_for_transport(r);
    if (r.status != 201) {
      throw erpc::error(erpc::error_class::internal, "demo.status", std::to_string(r.status));
    }
    for (int i = 0; i < g_answers_per_execute; ++i)
      call->respond(call, r.body.data(), r.body.size());
  } catch (const erpc::error& e) {
    fail_with(call, e);
  }
}

const char* manifest() { return R"({"id":"demo"})"; }

const erpc_adapter_entry_v1 entry = {
    sizeof(erpc_adapter_entry_v1), ERPC_ABI_MAJOR, ERPC_ABI_MINOR, 0, "demo",
    [](const erpc_host_v1* h) -> std::int32_t {
      g_host = h;
      g_table.struct_size = sizeof g_table;
      g_table.manifest_json = &manifest;
      g_table.open = &open;
      g_table.close = &close;
      g_table.execute = &execute;
      return 1;
    },
    [] { g_host = nullptr; },
    []() -> const erpc_adapter_v1* { return g_host ? &g_table : nullptr; }};
}  // namespace demo

const char* const invoice = R"({"op":"create","object":"Invoice","payload":{"amount":"12.50"}})";

nlohmann::json one_interaction(const std::string& url) {
  return {{"version", 1},
          {"interactions",
           {{{"request", {{"method", "POST"}, {"url", url}, {"body", invoice}}},
             {"response", {{"status", 201}, {"headers", {{"X-Id", "42"}}},
                           {"body", R"({"id":"42"})"}}}}}}};
}

std::string read_all(const std::string& path) {
  std::ifstream in(path);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

}  // namespace

TEST_CASE("replay answers a matching request from the cassette", "[fake_host]") {
  erpc::testing::fake_host h;
  h.secrets().set("env:DEMO_TOKEN", "tok-123");
  h.http().replay(
      erpc::testing::cassette::from_json(one_interaction("https://demo.test/invoices")));
  const auto* a = h.init(demo::entry);
  auto* conn = h.open(a, R"({"base_url":"https://demo.test"})");
  const auto r = h.execute(a, conn, invoice);
  CHECK(r.ok);
  CHECK(r.answers == 1);
  CHECK(r.json == R"({"id":"42"})");
  CHECK(h.http().unmatched_requests().empty());
  CHECK(h.http().unused_interactions() == 0);
  REQUIRE(h.http().requests().size() == 1);
  CHECK(h.http().requests()[0].headers.at(0).second == "Bearer tok-123");
}

TEST_CASE("replay turns an unmatched request into a not-sent failure", "[fake_host]") {
  erpc::testing::fake_host h;
  h.secrets().set("env:DEMO_TOKEN", "tok-123");
  h.http().replay(
      erpc::testing::cassette::from_json(one_interaction("https://demo.test/invoices")));
  const auto* a = h.init(demo::entry);
  auto* conn = h.open(a, R"({"base_url":"https://other.test"})");
  const auto r = h.execute(a, conn, invoice);
  CHECK_FALSE(r.ok);
  REQUIRE(r.error.has_value());
  CHECK(r.error->cls() == erpc::error_class::unavailable);
  CHECK(h.http().unmatched_requests() ==
        std::vector<std::string>{"POST https://other.test/invoices"});
  CHECK(h.http().unused_interactions() == 1);
  // A recorded body must match too, and each interaction answers once.
  auto* conn2 = h.open(a, R"({"base_url":"https://demo.test"})");
  CHECK_FALSE(h.execute(a, conn2, R"({"other":1})").ok);
  CHECK(h.execute(a, conn2, invoice).ok);
  CHECK_FALSE(h.execute(a, conn2, invoice).ok);
}

TEST_CASE("record forwards to a real service and writes a redacted cassette", "[fake_host]") {
  erpc::testing::loopback_http_server server([](const erpc::testing::loopback_request& r) {
    return erpc::testing::loopback_response{
        201, {{"X-Echo-Auth-Len", std::to_string(r.header("Authorization").size())}},
        R"({"id":"77"})"};
  });
  erpc::http_service real{erpc::http_service_options{}};
  const std::string path = std::string(ERPC_BINARY_DIR) + "/fake_host_record_test.json";
  {
    erpc::testing::fake_host h;
    h.secrets().set("env:DEMO_TOKEN", "tok-very-secret");
    h.http().record(real.table());
    // The real service reads call deadlines against the real clock.
    h.clock().set(std::chrono::duration_cast<std::chrono::milliseconds>(
                      std::chrono::system_clock::now().time_since_epoch())
                      .count());
    const auto* a = h.init(demo::entry);
    auto* conn = h.open(a, nlohmann::json{{"base_url", server.base_url()}}.dump());
    const auto r = h.execute(a, conn, invoice);
    INFO((r.error ? r.error->message() : std::string()));
    REQUIRE(r.ok);
    CHECK(r.json == R"({"id":"77"})");
    h.http().save_cassette(path);
  }
  const std::string text = read_all(path);
  CHECK(text.find("tok-very-secret") == std::string::npos);
  const auto j = nlohmann::json::parse(text);
  const auto& req = j.at("interactions").at(0).at("request");
  REQUIRE(req.contains("headers"));
  CHECK(req.at("headers").at("Authorization") == "[REDACTED]");
  CHECK(req.at("url") == server.base_url() + "/invoices");
  CHECK(j.at("interactions").at(0).at("response").at("status") == 201);

  // The recording replays without the server.
  erpc::testing::fake_host h2;
  h2.secrets().set("env:DEMO_TOKEN", "tok-very-secret");
  h2.http().replay_file(path);
  const auto* a = h2.init(demo::entry);
  auto* conn = h2.open(a, nlohmann::json{{"base_url", server.base_url()}}.dump());
  CHECK(h2.execute(a, conn, invoice).json == R"({"id":"77"})");
  CHECK(server.requests_received() == 1);
  std::filesystem::remove(path);
}

TEST_CASE("the driver counts answers and reports a broken exactly-once rule", "[fake_host]") {
  erpc::testing::fake_host h;
  h.secrets().set("env:DEMO_TOKEN", "t");
  h.http().scripted([](const erpc::http_request&, const erpc_call_v1*) {
    erpc::http_response r;
    r.transport = erpc::http_transport::ok;
    r.status = 201;
    r.body = "{}";
    return r;
  });
  const auto* a = h.init(demo::entry);
  auto* conn = h.open(a, R"({"base_url":"https://demo.test"})");
  demo::g_answers_per_execute = 2;
  const auto twice = h.execute(a, conn, invoice);
  demo::g_answers_per_execute = 0;
  const auto never = h.execute(a, conn, invoice);
  demo::g_answers_per_execute = 1;
  CHECK(twice.answers == 2);
  CHECK_FALSE(twice.ok);
  CHECK(never.answers == 0);
  CHECK_FALSE(never.ok);
  REQUIRE(never.error.has_value());
  CHECK(never.error->effect() == erpc::effect::possible);
  CHECK(h.execute(a, conn, invoice).ok);
}

TEST_CASE("open failures surface as the adapter's typed error", "[fake_host]") {
  erpc::testing::fake_host h;
  const auto* a = h.init(demo::entry);
  CHECK_THROWS_MATCHES(h.open(a, "{}"), erpc::error,
                       Catch::Predicate<erpc::error>([](const erpc::error& e) {
                         return e.code() == "demo.config";
                       }));
}

TEST_CASE("clock, secrets, files and log services behave like the host's", "[fake_host]") {
  erpc::testing::fake_host h;
  const erpc::host_ref host(h.host());
  const auto* clock = host.service<erpc_host_clock_v1>(ERPC_HOST_CLOCK_V1);
  REQUIRE(clock != nullptr);
  h.clock().set(1000);
  h.clock().advance(500);
  CHECK(clock->now_unix_ms(clock) == 1500);
  CHECK(clock->monotonic_ns(clock) == 500'000'000);

  const auto* secrets = host.service<erpc_host_secrets_v1>(ERPC_HOST_SECRETS_V1);
  std::string err;
  CHECK(secrets->resolve(secrets, "env:NOPE", nullptr, &err,
                         [](void* u, const erpc_error_v1* e) {
                           *static_cast<std::string*>(u) = e->code;
                         }) != 0);
  CHECK(err == "secrets.unknown_reference");

  const auto* files = host.service<erpc_host_files_v1>(ERPC_HOST_FILES_V1);
  std::string code;
  auto on_error = [](void* u, const erpc_error_v1* e) { *static_cast<std::string*>(u) = e->code; };
  CHECK(files->write(files, nullptr, "out/a.xml", "x", 1, 0, &code, on_error) == 0);
  CHECK(files->write(files, nullptr, "out/a.xml", "y", 1, 0, &code, on_error) != 0);
  CHECK(code == "files.exists");
  CHECK(files->write(files, nullptr, "../etc/passwd", "x", 1, 1, &code, on_error) != 0);
  CHECK(code == "files.invalid_path");
  h.files().put("out/b.xml", "bb");
  h.files().put("out/sub/c.xml", "c");
  std::vector<std::string> names;
  CHECK(files->list(files, nullptr, "out",
                    [](void* u, const char* d, std::size_t n) {
                      static_cast<std::vector<std::string>*>(u)->emplace_back(d, n);
                    },
                    &names, on_error) == 0);
  CHECK(names == std::vector<std::string>{"a.xml", "b.xml"});

  const auto* log = host.service<erpc_host_log_v1>(ERPC_HOST_LOG_V1);
  log->log(log, nullptr, ERPC_LOG_WARN, "hello log", 9);
  CHECK(h.log().contains("hello"));
  h.withdraw_service(ERPC_HOST_HTTP_V1);
  CHECK_FALSE(erpc::http_client(host).available());
}

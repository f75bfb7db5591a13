#include "test_host.hpp"

#include <erpc/adapter.hpp>
#include <erpc/host/adapter_connection.hpp>
#include <erpc/host/call_watchdog.hpp>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <atomic>
#include <cstring>
#include <stdexcept>
#include <chrono>
#include <thread>

using namespace erpc;
using nlohmann::json;

namespace {

// An SDK adapter whose behaviour the request payload chooses.
class scripted_connection final : public connection {
 public:
  result execute(const request& req, call_context& ctx) override {
    const std::string mode = req.payload.value("mode", "ok");
    if (mode == "throw_std") throw std::runtime_error("boom from adapter");
    if (mode == "throw_int") throw 42;
    if (mode == "vendor_error") {
      throw error(error_class::rate_limited, "vendor.throttled", "slow down")
          .with_retry_after_ms(2000)
          .with_vendor({429, "TOO_MANY", "slow down", "req-1"});
    }
    if (mode == "sleep") {
      while (!ctx.cancelled()) std::this_thread::sleep_for(std::chrono::milliseconds(5));
      return {json{{"late", true}}, false};
    }
    return {json{{"echo", req.payload}, {"key", req.idempotency_key}}, false};
  }
};

class scripted_adapter final : public adapter {
 public:
  static constexpr char adapter_id[] = "scripted";
  json describe() const override { return {{"id", adapter_id}}; }
  std::unique_ptr<connection> open(const json& config, call_context&) override {
    if (config.value("refuse", false)) {
      throw error(error_class::configuration, "scripted.refused", "refused by config")
          .with_field("/refuse", "scripted.refused", "must be false");
    }
    return std::make_unique<scripted_connection>();
  }
};

using module = detail::adapter_module<scripted_adapter>;

std::shared_ptr<const erpc_adapter_v1> load_scripted(testing_support::test_host& h) {
  REQUIRE(module::init(&h.abi) == 1);
  return std::shared_ptr<const erpc_adapter_v1>(module::get_adapter(),
                                                [](const erpc_adapter_v1*) { module::deinit(); });
}

json envelope(json payload, std::string op = "create", std::int64_t deadline_ms = 5000) {
  return {{"contract", "1.0"}, {"op", op}, {"object", "Invoice"},
          {"idempotency_key", "k-1"}, {"attempt", 1}, {"deadline_ms", deadline_ms},
          {"correlation_id", "corr-1"}, {"payload", std::move(payload)}};
}

// Raw ABI tables that break the rules the SDK would keep.
std::atomic<int> raw_mode{0};
void raw_execute(erpc_connection*, const char*, size_t, const erpc_call_v1* call) {
  switch (raw_mode.load()) {
    case 0: return;  // never answers
    case 8: {        // ignores cancellation, answers after its deadline
      std::this_thread::sleep_for(std::chrono::milliseconds(300));
      const char* text = R"({"status":"ok","replayed":false,"result":{}})";
      call->respond(call, text, std::strlen(text));
      return;
    }
    case 1: {        // answers twice
      const char* first = R"({"status":"ok","replayed":false,"result":{}})";
      const char* second = R"({"status":"ok","replayed":true,"result":{}})";
      call->respond(call, first, std::strlen(first));
      call->respond(call, second, std::strlen(second));
      return;
    }
    case 2: {  // duplicate keys
      const char* text = R"({"status":"ok","status":"ok","replayed":false,"result":{}})";
      call->respond(call, text, std::strlen(text));
      return;
    }
    case 3: {  // a floating-point amount
      const char* text = R"({"status":"ok","replayed":false,"result":{"amount":12.5}})";
      call->respond(call, text, std::strlen(text));
      return;
    }
    case 6:  // an exception across the C boundary (no SDK firewall)
      throw std::runtime_error("escaped");
    case 7: {  // answers 150 ms after the call started, whatever its deadline
      std::this_thread::sleep_for(std::chrono::milliseconds(150));
      const char* text = R"({"status":"ok","replayed":false,"result":{}})";
      call->respond(call, text, std::strlen(text));
      return;
    }
    case 4: {  // not the response envelope
      const char* text = R"({"ok":true})";
      call->respond(call, text, std::strlen(text));
      return;
    }
    default: {
      const char* text = "{\"status\":\"ok\",\"replayed\":false,\"result\":{\"name\":\"\xff\"}}";
      call->respond(call, text, std::strlen(text));
    }
  }
}
int raw_dummy;
erpc_connection* raw_open(const char*, size_t, const erpc_call_v1*) {
  return reinterpret_cast<erpc_connection*>(&raw_dummy);
}
void raw_close(erpc_connection*) {}
const erpc_adapter_v1 raw_table = {sizeof(erpc_adapter_v1), 0, nullptr, nullptr, &raw_open,
                                   &raw_close, &raw_execute, nullptr};

std::shared_ptr<const erpc_adapter_v1> raw() {
  return std::shared_ptr<const erpc_adapter_v1>(&raw_table, [](const erpc_adapter_v1*) {});
}

class leaky final : public connection {
 public:
  result execute(const request&, call_context&) override {
    throw error(error_class::authentication, "vendor.401", "token very-secret-token refused");
  }
};
struct leaky_adapter final : adapter {
  static constexpr char adapter_id[] = "leaky";
  json describe() const override { return json::object(); }
  std::unique_ptr<connection> open(const json&, call_context&) override {
    return std::make_unique<leaky>();
  }
};

// Every execute test runs both ways an in-process call can go: handed to a worker thread, and
// on the caller's thread under a watchdog (call_environment::watchdog).
struct call_mode {
  std::unique_ptr<call_watchdog> watchdog;
  explicit call_mode(testing_support::test_host& h) {
    if (GENERATE(false, true)) {
      watchdog = std::make_unique<call_watchdog>(h.logger);
      h.env.watchdog = watchdog.get();
    }
  }
};

}  // namespace

TEST_CASE("a well-behaved call returns the adapter's response") {
  testing_support::test_host h;
  const call_mode call_way(h);
  auto table = load_scripted(h);
  auto conn = adapter_connection::open(table, "c1", json::object(), h.env);
  auto out = conn->execute(envelope({{"mode", "ok"}, {"amount", "10.00"}}));
  REQUIRE(out.ok);
  REQUIRE((*out.response)["result"]["echo"]["amount"] == "10.00");
  REQUIRE((*out.response)["result"]["key"] == "k-1");
  REQUIRE((*out.response)["replayed"] == false);
}

TEST_CASE("open failures come back as the adapter's typed error") {
  testing_support::test_host h;
  auto table = load_scripted(h);
  try {
    adapter_connection::open(table, "c1", json{{"refuse", true}}, h.env);
    FAIL("expected an error");
  } catch (const error& e) {
    REQUIRE(e.cls() == error_class::configuration);
    REQUIRE(e.code() == "scripted.refused");
    REQUIRE(e.field_errors().at(0).pointer == "/refuse");
  }
}

TEST_CASE("anything an adapter throws becomes INTERNAL and the host carries on") {
  testing_support::test_host h;
  const call_mode call_way(h);
  auto table = load_scripted(h);
  auto conn = adapter_connection::open(table, "c1", json::object(), h.env);
  auto a = conn->execute(envelope({{"mode", "throw_std"}}));
  REQUIRE_FALSE(a.ok);
  REQUIRE(a.failure->cls() == error_class::internal);
  REQUIRE(a.failure->code() == "adapter.exception");
  REQUIRE(a.failure->effect() == effect::possible);
  auto b = conn->execute(envelope({{"mode", "throw_int"}}));
  REQUIRE(b.failure->code() == "adapter.unknown_exception");
  REQUIRE(conn->execute(envelope({{"mode", "ok"}})).ok);
}

TEST_CASE("vendor errors keep class, retry hint and vendor detail") {
  testing_support::test_host h;
  const call_mode call_way(h);
  auto table = load_scripted(h);
  auto conn = adapter_connection::open(table, "c1", json::object(), h.env);
  auto out = conn->execute(envelope({{"mode", "vendor_error"}}));
  REQUIRE(out.failure->cls() == error_class::rate_limited);
  REQUIRE(out.failure->retry_after_ms() == 2000);
  REQUIRE(out.failure->vendor()->request_id == "req-1");
}

TEST_CASE("a call past its deadline is abandoned: OUTCOME_UNKNOWN for writes, UNAVAILABLE for reads") {
  testing_support::test_host h;
  const call_mode call_way(h);
  auto table = load_scripted(h);
  auto conn = adapter_connection::open(table, "c1", json::object(), h.env);
  const auto start = std::chrono::steady_clock::now();
  auto write = conn->execute(envelope({{"mode", "sleep"}}, "create", 100));
  REQUIRE(std::chrono::steady_clock::now() - start < std::chrono::seconds(5));
  REQUIRE(write.failure->cls() == error_class::outcome_unknown);
  REQUIRE(write.failure->code() == "host.deadline_exceeded");
  REQUIRE(write.failure->effect() == effect::possible);
  auto read = conn->execute(envelope({{"mode", "sleep"}}, "get", 100));
  REQUIRE(read.failure->cls() == error_class::unavailable);
  // The abandoned calls see is_cancelled and finish; the connection is still usable.
  REQUIRE(conn->execute(envelope({{"mode", "ok"}})).ok);
}

TEST_CASE("rule-breaking answers are refused at the boundary") {
  testing_support::test_host h;
  const call_mode call_way(h);
  auto conn = adapter_connection::open(raw(), "raw", json::object(), h.env);
  auto code = [&](int mode) {
    raw_mode = mode;
    auto out = conn->execute(envelope({{"x", "y"}}));
    return out.ok ? std::string("ok") : out.failure->code();
  };
  REQUIRE(code(0) == "host.no_answer");
  REQUIRE(code(1) == "ok");  // the first answer counts; the second is logged
  REQUIRE(h.log().find("second answer") != std::string::npos);
  REQUIRE(code(2) == "host.adapter_output_invalid");
  REQUIRE(code(3) == "host.adapter_output_invalid");
  REQUIRE(code(4) == "host.adapter_response_malformed");
  REQUIRE(code(5) == "host.adapter_output_invalid");
}

TEST_CASE("an adapter that ignores cancellation is still reported past its deadline") {
  testing_support::test_host h;
  const call_mode call_way(h);
  auto conn = adapter_connection::open(raw(), "raw", json::object(), h.env);
  raw_mode = 8;
  auto out = conn->execute(envelope({{"x", "y"}}, "create", 50));
  REQUIRE(out.failure->code() == "host.deadline_exceeded");
  REQUIRE(out.failure->effect() == effect::possible);
  if (call_way.watchdog) {
    // On the caller's thread the call could only be cancelled, not left behind: it is over
    // now, so it no longer counts as abandoned.
    REQUIRE(call_way.watchdog->fired() == 1);
    REQUIRE(*h.env.abandoned_calls == 0);
    REQUIRE(h.log().find("passed its deadline") != std::string::npos);
  }
  raw_mode = 1;
  REQUIRE(conn->execute(envelope({{"x", "y"}})).ok);
}

TEST_CASE("requests the contract refuses never reach the adapter") {
  testing_support::test_host h;
  const call_mode call_way(h);
  std::atomic<int> validated{0};
  h.env.validate_request = [&](const json& env) {
    ++validated;
    std::vector<field_error> fields;
    if (!env["payload"].contains("supplier")) {
      fields.push_back({"/payload/supplier", "schema.required", "supplier is required"});
    }
    return fields;
  };
  raw_mode = 0;  // would answer nothing: if it were called the code would be host.no_answer
  auto conn = adapter_connection::open(raw(), "raw", json::object(), h.env);
  auto out = conn->execute(envelope({{"x", "y"}}));
  REQUIRE(validated == 1);
  REQUIRE(out.failure->cls() == error_class::validation);
  REQUIRE(out.failure->field_errors().at(0).pointer == "/payload/supplier");
}

TEST_CASE("error messages leave the host with secrets redacted") {
  testing_support::test_host h;
  const call_mode call_way(h);
  h.redactor.remember("very-secret-token");
  using leaky_module = detail::adapter_module<leaky_adapter>;
  REQUIRE(leaky_module::init(&h.abi) == 1);
  std::shared_ptr<const erpc_adapter_v1> table(leaky_module::get_adapter(),
                                               [](const erpc_adapter_v1*) {
                                                 leaky_module::deinit();
                                               });
  auto conn = adapter_connection::open(table, "c", json::object(), h.env);
  auto out = conn->execute(envelope(json::object()));
  REQUIRE(out.failure->message() == "token *** refused");
}

TEST_CASE("an exception that crosses the ABI is INTERNAL adapter.threw, and the host carries on") {
  testing_support::test_host h;
  auto conn = adapter_connection::open(raw(), "raw", json::object(), h.env);
  raw_mode = 6;
  auto out = conn->execute(envelope({{"x", "y"}}));
  REQUIRE_FALSE(out.ok);
  CHECK(out.failure->cls() == error_class::internal);
  CHECK(out.failure->code() == "adapter.threw");
  CHECK(out.failure->effect() == effect::possible);
  CHECK(h.log().find("adapter.threw") != std::string::npos);
  raw_mode = 7;
  CHECK(conn->execute(envelope({{"x", "y"}})).ok);
}

TEST_CASE("abandon_grace_ms lets an adapter answer a little after its deadline") {
  testing_support::test_host h;
  auto conn = adapter_connection::open(raw(), "raw", json::object(), h.env);
  raw_mode = 7;  // answers after 150 ms
  CHECK(conn->execute(envelope({{"x", "y"}}, "create", 50)).failure->code() == "host.deadline_exceeded");
  std::this_thread::sleep_for(std::chrono::milliseconds(200));  // the abandoned call finishes
  h.env.abandon_grace_ms = 1000;
  CHECK(conn->execute(envelope({{"x", "y"}}, "create", 50)).ok);
}

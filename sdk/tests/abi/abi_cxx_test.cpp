// abi.h compiles as C++20 -pedantic, agrees with the C layout, and the SDK's conversions and
// firewall keep the ABI's promises.
#include <erpc/abi.h>
#include <erpc/adapter.hpp>
#include <erpc/error_abi.hpp>

#include <catch2/catch.hpp>

#include <cstddef>
#include <string>
#include <type_traits>
#include <variant>

static_assert(sizeof(erpc_error_v1) == 56);
static_assert(sizeof(erpc_call_v1) == 64);
static_assert(sizeof(erpc_adapter_v1) == 56);
static_assert(sizeof(erpc_adapter_entry_v1) == 48);
static_assert(std::is_standard_layout_v<erpc_adapter_entry_v1>);
static_assert(std::is_trivially_copyable_v<erpc_error_v1>);
static_assert(offsetof(erpc_adapter_entry_v1, abi_major) == 4);

namespace {

struct answers {
  int responded = 0;
  int failed = 0;
  std::string json;
  std::optional<erpc::error> error;
};

erpc_call_v1 make_call(answers& a) {
  erpc_call_v1 call{};
  call.struct_size = sizeof call;
  call.correlation_id = "corr";
  call.traceparent = "";
  call.host_data = &a;
  call.respond = [](const erpc_call_v1* c, const char* json, size_t len) {
    auto* s = static_cast<answers*>(c->host_data);
    ++s->responded;
    s->json.assign(json, len);
  };
  call.fail = [](const erpc_call_v1* c, const erpc_error_v1* e) {
    auto* s = static_cast<answers*>(c->host_data);
    ++s->failed;
    s->error = erpc::error_from_abi(e);
  };
  call.is_cancelled = [](const erpc_call_v1*) -> std::int32_t { return 0; };
  return call;
}

class throwing_connection final : public erpc::connection {
 public:
  erpc::result execute(const erpc::request& req, erpc::call_context&) override {
    if (req.op == "typed") {
      throw erpc::error(erpc::error_class::conflict, "x.dup", "duplicate")
          .with_field("/payload/number", "x.dup", "already used")
          .with_effect(erpc::effect::none);
    }
    if (req.op == "std") throw std::logic_error("logic");
    if (req.op == "json") return {nlohmann::json::parse("{bad"), false};
    if (req.op == "other") throw 7;
    return {{{"id", "1"}}, req.attempt > 1};
  }
};

class test_adapter final : public erpc::adapter {
 public:
  static constexpr char adapter_id[] = "sdk_test";
  nlohmann::json describe() const override { return {{"name", "SDK test"}}; }
  std::unique_ptr<erpc::connection> open(const nlohmann::json& config,
                                         erpc::call_context&) override {
    if (config.contains("bad")) {
      throw erpc::error(erpc::error_class::configuration, "t.bad", "bad config");
    }
    return std::make_unique<throwing_connection>();
  }
};

using module = erpc::detail::adapter_module<test_adapter>;

}  // namespace

TEST_CASE("an erpc::error survives the trip through erpc_error_v1") {
  erpc::error original(erpc::error_class::rate_limited, "v.429", "slow down");
  original.with_retry_after_ms(1200)
      .with_effect(erpc::effect::none)
      .with_field("/payload/lines/0/amount", "c", "m")
      .with_vendor({429, "LIMIT", "too many", "rid-7"});
  std::optional<erpc::error> copy;
  erpc::with_abi_error(original, [&](const erpc_error_v1& abi) {
    REQUIRE(abi.struct_size == sizeof(erpc_error_v1));
    copy = erpc::error_from_abi(&abi);
  });
  REQUIRE(copy->cls() == erpc::error_class::rate_limited);
  REQUIRE(copy->code() == "v.429");
  REQUIRE(copy->message() == "slow down");
  REQUIRE(copy->retry_after_ms() == 1200);
  REQUIRE(copy->effect() == erpc::effect::none);
  REQUIRE(copy->field_errors() == original.field_errors());
  REQUIRE(copy->vendor() == original.vendor());
}

TEST_CASE("error classes have one name each and a fixed retry and queue policy") {
  for (std::uint32_t v = 1; v <= ERPC_ERROR_CLASS_MAX; ++v) {
    const auto c = static_cast<erpc::error_class>(v);
    REQUIRE(erpc::error_class_from_string(erpc::to_string(c)) == c);
  }
  REQUIRE(erpc::error_class_from_abi(0) == erpc::error_class::internal);
  REQUIRE(erpc::error_class_from_abi(ERPC_ERROR_CLASS_MAX + 1) == erpc::error_class::internal);
  REQUIRE(erpc::is_retryable(erpc::error_class::outcome_unknown));
  REQUIRE_FALSE(erpc::is_retryable(erpc::error_class::validation));
  REQUIRE(erpc::queue_for(erpc::error_class::idempotency_key_reuse) ==
          erpc::exception_queue::business);
  REQUIRE(erpc::queue_for(erpc::error_class::rate_limited) == erpc::exception_queue::technical);
  REQUIRE(erpc::default_effect(erpc::error_class::outcome_unknown) == erpc::effect::possible);
}

TEST_CASE("ERPC_ADAPTER's module answers every call exactly once, whatever the adapter throws") {
  erpc_host_v1 host{};
  host.struct_size = sizeof host;
  REQUIRE(module::init(&host) == 1);
  const erpc_adapter_v1* table = module::get_adapter();
  REQUIRE(table != nullptr);
  REQUIRE(table->struct_size == sizeof(erpc_adapter_v1));
  const auto manifest = nlohmann::json::parse(table->manifest_json());
  REQUIRE(manifest["id"] == "sdk_test");  // filled in from adapter_id
  REQUIRE(manifest["name"] == "SDK test");

  answers opened;
  auto open_call = make_call(opened);
  erpc_connection* conn = table->open("{}", 2, &open_call);
  REQUIRE(conn != nullptr);
  REQUIRE(opened.failed + opened.responded == 0);

  auto run = [&](const std::string& op, int attempt = 1) {
    answers a;
    auto call = make_call(a);
    const std::string req =
        nlohmann::json{{"op", op}, {"object", "Invoice"}, {"attempt", attempt}}.dump();
    table->execute(conn, req.data(), req.size(), &call);
    REQUIRE(a.responded + a.failed == 1);
    return a;
  };
  auto ok = run("create", 2);
  REQUIRE(nlohmann::json::parse(ok.json) ==
          nlohmann::json{{"status", "ok"}, {"replayed", true}, {"result", {{"id", "1"}}}});
  auto typed = run("typed");
  REQUIRE(typed.error->cls() == erpc::error_class::conflict);
  REQUIRE(typed.error->effect() == erpc::effect::none);
  REQUIRE(typed.error->field_errors().at(0).pointer == "/payload/number");
  auto std_ex = run("std");
  REQUIRE(std_ex.error->cls() == erpc::error_class::internal);
  REQUIRE(std_ex.error->code() == "adapter.exception");
  REQUIRE(std_ex.error->effect() == erpc::effect::possible);
  REQUIRE(run("json").error->code() == "adapter.json_error");
  REQUIRE(run("other").error->code() == "adapter.unknown_exception");

  answers garbage;
  auto garbage_call = make_call(garbage);
  table->execute(conn, "{not json", 9, &garbage_call);
  REQUIRE(garbage.error->code() == "adapter.host_sent_malformed_json");

  answers refused;
  auto refused_call = make_call(refused);
  REQUIRE(table->open(R"({"bad":1})", 9, &refused_call) == nullptr);
  REQUIRE(refused.failed == 1);
  REQUIRE(refused.error->code() == "t.bad");

  answers checked;
  auto check_call = make_call(checked);
  table->check("{}", 2, &check_call);
  REQUIRE(checked.responded == 1);
  REQUIRE(nlohmann::json::parse(checked.json)["ok"] == true);

  REQUIRE(table->get_capability("erpc.cap.bulk/1") == nullptr);
  table->close(conn);
  module::deinit();
  REQUIRE(module::get_adapter() == nullptr);
}

TEST_CASE("request::from_json reads the envelope and tolerates absent fields") {
  const auto r = erpc::request::from_json(nlohmann::json::parse(
      R"({"contract":"1.0","op":"create","object":"Invoice","idempotency_key":"k",
          "attempt":2,"prior_outcome":"unknown","deadline_ms":500,"payload":{"a":"1"}})"));
  REQUIRE(r.op == "create");
  REQUIRE(r.attempt == 2);
  REQUIRE(r.prior_outcome == "unknown");
  REQUIRE(r.deadline_ms == 500);
  REQUIRE(r.payload["a"] == "1");
  const auto empty = erpc::request::from_json(nlohmann::json::object());
  REQUIRE(empty.attempt == 1);
  REQUIRE_FALSE(empty.prior_outcome);
}

TEST_CASE("request::from_json moves payload and query out of raw, keeping the other members") {
  const auto r = erpc::request::from_json(nlohmann::json::parse(
      R"({"contract":"1.0","op":"list","object":"Invoice","query":{"limit":5},
          "traceparent":"00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01"})"));
  REQUIRE(r.query == nlohmann::json{{"limit", 5}});
  REQUIRE(r.payload.is_null());
  REQUIRE(r.raw.at("query").is_null());
  REQUIRE(r.raw.at("traceparent") == "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01");
  REQUIRE(r.raw.at("op") == "list");
}

// checked_execute: the one execute body both connection kinds run. What a caller of either kind
// relies on: the adapter sees only checked request text, a malformed answer never reaches the
// caller, and nothing the runner throws escapes (it becomes a failed, redacted outcome).
#include <erpc/host/execute_checks.hpp>

#include <nlohmann/json.hpp>

#include <catch2/catch.hpp>

#include <stdexcept>
#include <string>

using namespace erpc;
using nlohmann::json;

namespace {

json create_envelope() {
  return {{"contract", "1.0"}, {"op", "create"}, {"object", "Invoice"},
          {"idempotency_key", "k-1"}, {"deadline_ms", 250}, {"correlation_id", "c-1"},
          {"payload", {{"invoice_number", "A-1"}}}};
}

json ok_answer() { return {{"status", "ok"}, {"replayed", false}, {"result", json::object()}}; }

}  // namespace

TEST_CASE("checked_execute hands the runner the checked text, deadline and lost-call effect") {
  call_environment env;
  // The views in checked_request point into the envelope, valid while the runner runs.
  const json envelope = create_envelope();
  std::string text, op, object, correlation;
  std::int64_t timeout_ms = 0;
  effect lost = effect::none;
  const auto out = checked_execute(envelope, env, [&](checked_request& r) {
    text = r.text;
    op = r.op;
    object = r.object;
    correlation = r.correlation_id;
    timeout_ms = r.timeout_ms;
    lost = r.lost_effect;
    return ok_answer();
  });
  REQUIRE(out.ok);
  REQUIRE(*out.response == ok_answer());
  CHECK(json::parse(text) == envelope);
  CHECK(op == "create");
  CHECK(object == "Invoice");
  CHECK(correlation == "c-1");
  CHECK(timeout_ms == 250);
  CHECK(lost == effect::possible);
}

TEST_CASE("checked_execute refuses a malformed answer and keeps the lost-call effect") {
  call_environment env;
  const auto out = checked_execute(create_envelope(), env, [](checked_request&) {
    return json{{"status", "ok"}, {"result", json::object()}};  // no "replayed"
  });
  REQUIRE_FALSE(out.ok);
  CHECK(out.failure->code() == "host.adapter_response_malformed");
  CHECK(out.failure->effect() == effect::possible);
}

TEST_CASE("checked_execute turns whatever the runner throws into a redacted failure") {
  call_environment env;
  env.redact = [](std::string_view text) {
    std::string s(text);
    for (auto at = s.find("s3cret"); at != std::string::npos; at = s.find("s3cret")) {
      s.replace(at, 6, "***");
    }
    return s;
  };
  const auto from_error = checked_execute(create_envelope(), env, [](checked_request&) -> json {
    throw error(error_class::conflict, "vendor.conflict", "token s3cret refused");
  });
  REQUIRE_FALSE(from_error.ok);
  CHECK(from_error.failure->code() == "vendor.conflict");
  CHECK(from_error.failure->message() == "token *** refused");

  const auto from_std = checked_execute(create_envelope(), env, [](checked_request&) -> json {
    throw std::runtime_error("bad s3cret state");
  });
  REQUIRE_FALSE(from_std.ok);
  CHECK(from_std.failure->code() == "host.internal");
  CHECK(from_std.failure->effect() == effect::possible);
  CHECK(from_std.failure->message() == "bad *** state");
}

TEST_CASE("checked_execute never lets an odd envelope throw, and reads keep effect none") {
  call_environment env;
  bool ran = false;
  const auto not_object = checked_execute(json::array(), env, [&](checked_request&) {
    ran = true;
    return ok_answer();
  });
  REQUIRE_FALSE(not_object.ok);
  CHECK(not_object.failure->code() == "contract.envelope_not_object");
  CHECK_FALSE(ran);

  // A non-string op is not a write: a lost call has no effect.
  json odd = create_envelope();
  odd["op"] = 7;
  const auto out = checked_execute(odd, env, [](checked_request& r) -> json {
    CHECK(r.op.empty());
    throw error(error_class::unavailable, "x.down", "down").with_effect(r.lost_effect);
  });
  REQUIRE_FALSE(out.ok);
  CHECK(out.failure->effect() == effect::none);
}

#include <erpc/host/call_state.hpp>

#include <catch2/catch.hpp>

#include <string>
#include <vector>

using namespace erpc;

namespace {
erpc_error_v1 make_abi_error(std::uint32_t cls, const char* code) {
  erpc_error_v1 e{};
  e.struct_size = sizeof e;
  e.error_class = cls;
  e.effect = ERPC_EFFECT_NONE;
  e.retry_after_ms = ERPC_NO_RETRY_AFTER;
  e.code = code;
  e.message = "m";
  return e;
}
}  // namespace

TEST_CASE("the first answer is kept and a second one is reported and ignored") {
  std::vector<std::string> violations;
  call_state s("corr-1", "", 0, [&](const std::string& id, const std::string& what) {
    violations.push_back(id + ": " + what);
  });
  s.abi()->respond(s.abi(), "{\"a\":1}", 7);
  const auto e = make_abi_error(ERPC_ERROR_CONFLICT, "x");
  s.abi()->fail(s.abi(), &e);
  s.mark_returned();
  auto answer = s.take_answer();
  REQUIRE(answer);
  REQUIRE(std::get<std::string>(*answer) == "{\"a\":1}");
  REQUIRE(s.answer_count() == 2);
  REQUIRE(violations.size() == 1);
  REQUIRE(violations[0].find("corr-1: second answer") == 0);
}

TEST_CASE("an answer after return is ignored, and an abandoned call yields no answer") {
  std::vector<std::string> violations;
  call_state s("c", "", 0, [&](const std::string&, const std::string& what) {
    violations.push_back(what);
  });
  s.mark_returned();
  s.abi()->respond(s.abi(), "{}", 2);
  REQUIRE_FALSE(s.take_answer());
  REQUIRE(violations.size() == 1);

  call_state abandoned("d", "", 0);
  abandoned.cancel();
  REQUIRE(abandoned.abi()->is_cancelled(abandoned.abi()) == 1);
  abandoned.abi()->respond(abandoned.abi(), "{}", 2);
  abandoned.mark_returned();
  REQUIRE_FALSE(abandoned.take_answer());
}

TEST_CASE("a failure crosses with its class, effect, retry hint and detail") {
  call_state s("c", "", 0);
  auto e = make_abi_error(ERPC_ERROR_RATE_LIMITED, "vendor.throttled");
  e.retry_after_ms = 1500;
  const std::string detail =
      R"({"field_errors":[{"pointer":"/payload/amount","code":"c","message":"m"}],)"
      R"("vendor":{"http_status":429,"code":"T","message":"slow down","request_id":"r1"}})";
  e.detail_json = detail.data();
  e.detail_json_len = detail.size();
  s.abi()->fail(s.abi(), &e);
  s.mark_returned();
  auto answer = s.take_answer();
  REQUIRE(answer);
  const auto& err = std::get<error>(*answer);
  REQUIRE(err.cls() == error_class::rate_limited);
  REQUIRE(err.code() == "vendor.throttled");
  REQUIRE(err.retry_after_ms() == 1500);
  REQUIRE(err.field_errors().at(0).pointer == "/payload/amount");
  REQUIRE(err.vendor()->http_status == 429);
  REQUIRE(err.vendor()->request_id == "r1");
}

TEST_CASE("an unknown error class from a newer adapter reads as INTERNAL") {
  call_state s("c", "", 0);
  auto e = make_abi_error(999, "future.class");
  s.abi()->fail(s.abi(), &e);
  s.mark_returned();
  REQUIRE(std::get<error>(*s.take_answer()).cls() == error_class::internal);
}

TEST_CASE("a shorter erpc_error_v1 from an older writer reads its known prefix only") {
  call_state s("c", "", 0);
  auto e = make_abi_error(ERPC_ERROR_NOT_FOUND, "gone");
  e.detail_json = "{not json";
  e.detail_json_len = 9;
  e.struct_size = offsetof(erpc_error_v1, detail_json);  // writer knew no detail fields
  s.abi()->fail(s.abi(), &e);
  s.mark_returned();
  const auto err = std::get<error>(*s.take_answer());
  REQUIRE(err.cls() == error_class::not_found);
  REQUIRE(err.field_errors().empty());
}

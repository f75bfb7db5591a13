#include "test_host.hpp"

#include <erpc/call_context.hpp>
#include <erpc/host/call_state.hpp>

#include <catch2/catch.hpp>

#include <cstdlib>

using namespace erpc;

TEST_CASE("adapters find the host services by id, and unknown ids are NULL") {
  testing_support::test_host h;
  host_ref host(&h.abi);
  REQUIRE(host.service<erpc_host_log_v1>(ERPC_HOST_LOG_V1) != nullptr);
  REQUIRE(host.service<erpc_host_secrets_v1>(ERPC_HOST_SECRETS_V1) != nullptr);
  REQUIRE(host.service<erpc_host_clock_v1>(ERPC_HOST_CLOCK_V1) != nullptr);
  REQUIRE(host.service<erpc_host_files_v1>(ERPC_HOST_FILES_V1) != nullptr);
  REQUIRE(host.service<erpc_host_log_v1>("erpc.host.log/2") == nullptr);
}

TEST_CASE("adapter log lines carry the correlation id and never a resolved secret") {
  testing_support::test_host h;
  ::setenv("ERPC_TEST_HOST_SECRET", "tok-9f8e7d6c", 1);
  call_state state("corr-42", "", 0);
  call_context ctx(host_ref(&h.abi), state.abi());
  const std::string secret = ctx.resolve_secret("env:ERPC_TEST_HOST_SECRET");
  REQUIRE(secret == "tok-9f8e7d6c");
  ctx.log(log_level::warn, "calling vendor with token " + secret);
  const std::string log = h.log();
  REQUIRE(log.find("[corr-42]") != std::string::npos);
  REQUIRE(log.find("tok-9f8e7d6c") == std::string::npos);
  REQUIRE(log.find("token ***") != std::string::npos);
}

TEST_CASE("a failed secret lookup reaches the adapter as a CONFIGURATION error") {
  testing_support::test_host h;
  ::unsetenv("ERPC_TEST_HOST_NOPE");
  call_state state("c", "", 0);
  call_context ctx(host_ref(&h.abi), state.abi());
  try {
    ctx.resolve_secret("env:ERPC_TEST_HOST_NOPE");
    FAIL("expected an error");
  } catch (const error& e) {
    REQUIRE(e.cls() == error_class::configuration);
    REQUIRE(e.code() == "secrets.env_unset");
  }
}

TEST_CASE("the clock service is the host clock, which tests can drive") {
  testing_support::test_host h;
  call_context ctx(host_ref(&h.abi), nullptr);
  const auto before = ctx.now_unix_ms();
  h.clock.advance_ms(5000);
  REQUIRE(ctx.now_unix_ms() == before + 5000);
}

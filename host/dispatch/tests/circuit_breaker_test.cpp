#include <erpc/host/circuit_breaker.hpp>
#include <erpc/host/host_clock.hpp>

#include <catch2/catch.hpp>

using erpc::circuit_breaker;

TEST_CASE("the breaker opens after consecutive failures and probes once when the time is up") {
  erpc::manual_host_clock clock;
  circuit_breaker b(clock, {3, 1000});
  b.record_technical_failure();
  b.record_technical_failure();
  b.record_success();  // not consecutive any more
  b.record_technical_failure();
  b.record_technical_failure();
  REQUIRE(b.allow());
  b.record_technical_failure();
  REQUIRE(b.current() == circuit_breaker::state::open);
  std::int64_t retry_in = 0;
  REQUIRE_FALSE(b.allow(&retry_in));
  REQUIRE(retry_in == 1000);
  clock.advance_ms(1000);
  REQUIRE(b.would_allow());
  REQUIRE(b.would_allow());  // peeking sends no probe
  REQUIRE(b.allow());        // the probe
  REQUIRE_FALSE(b.would_allow());
  REQUIRE_FALSE(b.allow());  // only one at a time
  b.record_technical_failure();
  REQUIRE(b.current() == circuit_breaker::state::open);
  clock.advance_ms(1000);
  REQUIRE(b.allow());
  b.record_success();
  REQUIRE(b.current() == circuit_breaker::state::closed);
  REQUIRE(b.allow());
}

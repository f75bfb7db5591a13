#include <erpc/host/host_clock.hpp>
#include <erpc/host/token_bucket.hpp>

#include <catch2/catch.hpp>

TEST_CASE("the bucket allows its burst, then one token per interval") {
  erpc::manual_host_clock clock;
  erpc::token_bucket bucket(clock, 10, 3);  // 10/s, burst 3
  REQUIRE(bucket.try_take());
  REQUIRE(bucket.try_take());
  REQUIRE(bucket.try_take());
  std::int64_t wait = 0;
  REQUIRE_FALSE(bucket.try_take(&wait));
  REQUIRE(wait == 100);
  clock.advance_ms(99);
  REQUIRE_FALSE(bucket.try_take());
  clock.advance_ms(1);
  REQUIRE(bucket.try_take());
  clock.advance_ms(10'000);  // tokens do not pile up beyond the burst
  for (int i = 0; i < 3; ++i) REQUIRE(bucket.try_take());
  REQUIRE_FALSE(bucket.try_take());
}

TEST_CASE("peeking at the bucket takes nothing") {
  erpc::manual_host_clock clock;
  erpc::token_bucket bucket(clock, 1, 1);
  REQUIRE(bucket.available());
  REQUIRE(bucket.available());
  REQUIRE(bucket.try_take());
  REQUIRE_FALSE(bucket.available());
}

#include <erpc/host/retry_policy.hpp>

#include <catch2/catch.hpp>

using erpc::backoff_delay_ms;
using erpc::retry_policy;

TEST_CASE("backoff doubles per attempt up to the cap, without jitter") {
  std::mt19937_64 random(1);
  retry_policy p{8, 500, 4000, 0};
  REQUIRE(backoff_delay_ms(p, 2, std::nullopt, random) == 500);
  REQUIRE(backoff_delay_ms(p, 3, std::nullopt, random) == 1000);
  REQUIRE(backoff_delay_ms(p, 4, std::nullopt, random) == 2000);
  REQUIRE(backoff_delay_ms(p, 5, std::nullopt, random) == 4000);
  REQUIRE(backoff_delay_ms(p, 60, std::nullopt, random) == 4000);
}

TEST_CASE("jitter stays within its band and the cap") {
  std::mt19937_64 random(7);
  retry_policy p{8, 1000, 100'000, 20};
  bool varied = false;
  std::int64_t first = -1;
  for (int i = 0; i < 200; ++i) {
    const auto d = backoff_delay_ms(p, 2, std::nullopt, random);
    REQUIRE(d >= 800);
    REQUIRE(d <= 1200);
    if (first < 0) first = d;
    varied = varied || d != first;
  }
  REQUIRE(varied);
}

TEST_CASE("a vendor's Retry-After is never undercut, even beyond the cap") {
  std::mt19937_64 random(3);
  retry_policy p{8, 100, 1000, 20};
  REQUIRE(backoff_delay_ms(p, 2, 5000, random) == 5000);
  REQUIRE(backoff_delay_ms(p, 2, 0, random) >= 80);
}

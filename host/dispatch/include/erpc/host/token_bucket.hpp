#pragma once
// A per-connection rate limit: `per_second` tokens a second, at most `burst` saved up. Reads the
// host clock, so tests drive it.

#include <cstdint>
#include <mutex>

namespace erpc {

class host_clock;

class token_bucket {
 public:
  token_bucket(const host_clock& clock, double per_second, double burst);

  // Takes a token if one is there; otherwise says how many ms until one will be.
  bool try_take(std::int64_t* wait_ms = nullptr);
  // Whether a token is there now, without taking it.
  bool available();

 private:
  void refill();

  const host_clock& clock_;
  const double per_ms_;
  const double burst_;
  double tokens_;
  std::int64_t last_ns_;
  std::mutex mutex_;
};

}  // namespace erpc

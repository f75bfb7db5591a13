#pragma once
// Stops calling a connection that keeps failing technically: after `failure_threshold`
// consecutive technical failures it opens for `open_ms`, then lets one probe through
// (half-open); the probe's success closes it, its failure opens it again.

#include <cstdint>
#include <mutex>

namespace erpc {

class host_clock;

struct circuit_breaker_policy {
  int failure_threshold = 5;
  std::int64_t open_ms = 30'000;
};

class circuit_breaker {
 public:
  enum class state { closed, open, half_open };

  circuit_breaker(const host_clock& clock, circuit_breaker_policy policy);

  // True when a call may go ahead now; in half-open only one caller gets true until it reports.
  bool allow(std::int64_t* retry_in_ms = nullptr);
  // What allow() would answer now, without sending a probe.
  bool would_allow() const;
  void record_success();
  void record_technical_failure();
  state current() const;

 private:
  const host_clock& clock_;
  const circuit_breaker_policy policy_;
  mutable std::mutex mutex_;
  state state_ = state::closed;
  int consecutive_failures_ = 0;
  std::int64_t opened_at_ms_ = 0;
  bool probe_out_ = false;
};

}  // namespace erpc

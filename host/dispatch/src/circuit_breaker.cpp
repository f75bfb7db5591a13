#include "erpc/host/circuit_breaker.hpp"

#include <erpc/host/host_clock.hpp>

namespace erpc {

circuit_breaker::circuit_breaker(const host_clock& clock, circuit_breaker_policy policy)
    : clock_(clock), policy_(policy) {}

bool circuit_breaker::allow(std::int64_t* retry_in_ms) {
  std::lock_guard lock(mutex_);
  if (state_ == state::open) {
    const std::int64_t waited = clock_.now_unix_ms() - opened_at_ms_;
    if (waited < policy_.open_ms) {
      if (retry_in_ms != nullptr) *retry_in_ms = policy_.open_ms - waited;
      return false;
    }
    state_ = state::half_open;
    probe_out_ = false;
  }
  if (state_ == state::half_open) {
    if (probe_out_) {
      if (retry_in_ms != nullptr) *retry_in_ms = policy_.open_ms;
      return false;
    }
    probe_out_ = true;
  }
  return true;
}

bool circuit_breaker::would_allow() const {
  std::lock_guard lock(mutex_);
  switch (state_) {
    case state::closed: return true;
    case state::open: return clock_.now_unix_ms() - opened_at_ms_ >= policy_.open_ms;
    case state::half_open: return !probe_out_;
  }
  return false;
}

void circuit_breaker::record_success() {
  std::lock_guard lock(mutex_);
  state_ = state::closed;
  consecutive_failures_ = 0;
  probe_out_ = false;
}

void circuit_breaker::record_technical_failure() {
  std::lock_guard lock(mutex_);
  ++consecutive_failures_;
  if (state_ == state::half_open || consecutive_failures_ >= policy_.failure_threshold) {
    state_ = state::open;
    opened_at_ms_ = clock_.now_unix_ms();
    probe_out_ = false;
  }
}

circuit_breaker::state circuit_breaker::current() const {
  std::lock_guard lock(mutex_);
  return state_;
}

}  // namespace erpc

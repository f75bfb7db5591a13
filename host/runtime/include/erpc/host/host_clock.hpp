#pragma once
// The host's clocks. Everything that waits or stamps time reads them through this interface,
// so tests can drive time (retries, deadlines, leases) without sleeping.

#include <atomic>
#include <cstdint>

namespace erpc {

class host_clock {
 public:
  virtual ~host_clock() = default;
  virtual std::int64_t now_unix_ms() const = 0;  // UTC
  virtual std::int64_t monotonic_ns() const = 0;
};

class system_host_clock final : public host_clock {
 public:
  std::int64_t now_unix_ms() const override;
  std::int64_t monotonic_ns() const override;
};

// A clock that moves only when told to.
class manual_host_clock final : public host_clock {
 public:
  explicit manual_host_clock(std::int64_t start_unix_ms = 1'767'225'600'000)  // 2026-01-01
      : now_ms_(start_unix_ms) {}
  std::int64_t now_unix_ms() const override { return now_ms_.load(); }
  std::int64_t monotonic_ns() const override { return mono_ns_.load(); }
  void advance_ms(std::int64_t ms) {
    now_ms_ += ms;
    mono_ns_ += ms * 1'000'000;
  }

 private:
  std::atomic<std::int64_t> now_ms_;
  std::atomic<std::int64_t> mono_ns_{0};
};

}  // namespace erpc

// SPDX-License-Identifier: Apache-2.0
// "erpc.host.clock/1" for tests: a wall clock the test sets and advances.
#pragma once

#include <erpc/abi.h>

#include <atomic>
#include <cstdint>

namespace erpc::testing {

class fake_clock {
 public:
  static constexpr std::int64_t default_start_unix_ms = 1767225600000;  // 2026-01-01T00:00:00Z

  explicit fake_clock(std::int64_t start_unix_ms = default_start_unix_ms) : now_(start_unix_ms) {
    table_.struct_size = sizeof table_;
    table_.now_unix_ms = [](const erpc_host_clock_v1* self) {
      return static_cast<const fake_clock*>(self->host_data)->now_unix_ms();
    };
    table_.monotonic_ns = [](const erpc_host_clock_v1* self) {
      return static_cast<const fake_clock*>(self->host_data)->monotonic_ns_.load();
    };
    table_.host_data = this;
  }
  fake_clock(const fake_clock&) = delete;
  fake_clock& operator=(const fake_clock&) = delete;

  std::int64_t now_unix_ms() const noexcept { return now_.load(); }
  // Moves the wall clock only; the monotonic clock never goes back.
  void set(std::int64_t unix_ms) noexcept { now_.store(unix_ms); }
  void advance(std::int64_t ms) noexcept {
    now_.fetch_add(ms);
    if (ms > 0) monotonic_ns_.fetch_add(ms * 1'000'000);
  }

  const erpc_host_clock_v1* table() const noexcept { return &table_; }

 private:
  std::atomic<std::int64_t> now_;
  std::atomic<std::int64_t> monotonic_ns_{0};
  erpc_host_clock_v1 table_{};
};

}  // namespace erpc::testing

#pragma once
// Enforces the deadline of adapter calls that run on their caller's thread (no worker
// hand-off, call_environment::watchdog): one thread that, when a watched call passes its
// deadline, cancels it (the adapter sees is_cancelled), counts it in abandoned_calls while it
// still runs, and logs it. Registering and finishing a call take one uncontended lock and wake
// the watchdog thread only when the new deadline is earlier than its next wake-up.
//
// What a watchdog cannot do is take the caller back from an adapter that ignores cancellation:
// that caller's thread stays in the adapter until it returns (docs/benchmarks.md, "inline").

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <utility>

namespace spdlog {
class logger;
}

namespace erpc {

class call_state;

class call_watchdog {
 public:
  using clock = std::chrono::steady_clock;

  // `idle_tick` bounds how long the thread sleeps with nothing due, so that a call whose
  // deadline is further away than the next wake-up never needs a wake-up of its own.
  explicit call_watchdog(std::shared_ptr<spdlog::logger> logger = {},
                         std::chrono::milliseconds idle_tick = std::chrono::milliseconds(500));
  ~call_watchdog();  // stops the thread; calls still watched are no longer cancelled
  call_watchdog(const call_watchdog&) = delete;
  call_watchdog& operator=(const call_watchdog&) = delete;

  // Watches one call until the watch ends (finish() or the destructor).
  class watch {
   public:
    watch() = default;
    watch(watch&& other) noexcept { *this = std::move(other); }
    watch& operator=(watch&& other) noexcept;
    ~watch() { finish(); }

    // Stops watching. True when the deadline fired first (the call was cancelled and counted
    // as abandoned; the caller, whose call has now returned, takes it off that count).
    bool finish() noexcept;

   private:
    friend class call_watchdog;
    call_watchdog* owner_ = nullptr;
    std::uint64_t id_ = 0;
    clock::time_point deadline_{};
    bool fired_ = false;
  };

  // `abandoned` is incremented when the deadline fires (may be null); `timeout_ms` is only
  // for the log line.
  watch start(std::shared_ptr<call_state> state, clock::time_point deadline,
              std::int64_t timeout_ms, std::shared_ptr<std::atomic<int>> abandoned);

  // Calls whose deadline fired since construction (tests, metrics).
  std::uint64_t fired() const noexcept { return fired_.load(); }

 private:
  struct entry {
    std::shared_ptr<call_state> state;
    std::int64_t timeout_ms = 0;
    std::shared_ptr<std::atomic<int>> abandoned;
  };
  using key = std::pair<clock::time_point, std::uint64_t>;

  void run();
  bool stop_watching(const key& k) noexcept;  // true when it had fired already

  std::shared_ptr<spdlog::logger> logger_;
  std::chrono::milliseconds idle_tick_;
  std::mutex mutex_;
  std::condition_variable wake_;
  std::map<key, entry> watched_;
  clock::time_point next_wake_ = clock::time_point::max();
  std::uint64_t next_id_ = 0;
  bool stopping_ = false;
  std::atomic<std::uint64_t> fired_{0};
  std::thread thread_;
};

}  // namespace erpc

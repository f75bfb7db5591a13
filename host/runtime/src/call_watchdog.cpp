#include "erpc/host/call_watchdog.hpp"

#include <erpc/host/call_state.hpp>

#include <spdlog/spdlog.h>

#include <vector>

namespace erpc {

call_watchdog::call_watchdog(std::shared_ptr<spdlog::logger> logger,
                             std::chrono::milliseconds idle_tick)
    : logger_(std::move(logger)), idle_tick_(idle_tick) {
  thread_ = std::thread([this] { run(); });
}

call_watchdog::~call_watchdog() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_all();
  thread_.join();
}

call_watchdog::watch& call_watchdog::watch::operator=(watch&& other) noexcept {
  if (this != &other) {
    finish();
    owner_ = std::exchange(other.owner_, nullptr);
    id_ = other.id_;
    deadline_ = other.deadline_;
    fired_ = other.fired_;
  }
  return *this;
}

bool call_watchdog::watch::finish() noexcept {
  if (owner_ != nullptr) {
    fired_ = owner_->stop_watching({deadline_, id_});
    owner_ = nullptr;
  }
  return fired_;
}

call_watchdog::watch call_watchdog::start(std::shared_ptr<call_state> state,
                                          clock::time_point deadline, std::int64_t timeout_ms,
                                          std::shared_ptr<std::atomic<int>> abandoned) {
  watch w;
  bool earlier = false;
  {
    std::lock_guard lock(mutex_);
    w.owner_ = this;
    w.id_ = ++next_id_;
    w.deadline_ = deadline;
    watched_.emplace(key{deadline, w.id_}, entry{std::move(state), timeout_ms, std::move(abandoned)});
    earlier = deadline < next_wake_;
    if (earlier) next_wake_ = deadline;
  }
  if (earlier) wake_.notify_one();
  return w;
}

bool call_watchdog::stop_watching(const key& k) noexcept {
  std::lock_guard lock(mutex_);
  // Only the watchdog thread removes an entry besides its owner, and only when it fires.
  return watched_.erase(k) == 0;
}

void call_watchdog::run() {
  struct expired {
    std::string correlation_id;
    std::int64_t timeout_ms;
  };
  std::vector<expired> expired_calls;
  std::unique_lock lock(mutex_);
  while (!stopping_) {
    const auto now = clock::now();
    while (!watched_.empty() && watched_.begin()->first.first <= now) {
      auto node = watched_.extract(watched_.begin());
      entry& e = node.mapped();
      // Cancelled and counted under the lock, so the owner's finish() sees a consistent answer.
      e.state->cancel();
      if (e.abandoned) ++*e.abandoned;
      ++fired_;
      expired_calls.push_back({e.state->correlation_id(), e.timeout_ms});
    }
    if (!expired_calls.empty()) {
      lock.unlock();
      if (logger_) {
        for (const auto& x : expired_calls) {
          logger_->warn("[{}] adapter call passed its deadline ({} ms) on its caller's thread; "
                        "cancelled, its answer will be ignored",
                        x.correlation_id, x.timeout_ms);
        }
      }
      expired_calls.clear();
      lock.lock();
      continue;
    }
    next_wake_ = now + idle_tick_;
    if (!watched_.empty() && watched_.begin()->first.first < next_wake_) {
      next_wake_ = watched_.begin()->first.first;
    }
    wake_.wait_until(lock, next_wake_);
  }
}

}  // namespace erpc

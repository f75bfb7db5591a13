#include "erpc/host/worker_pool.hpp"

#include <erpc/host/brief_spin.hpp>

namespace erpc {

worker_pool::worker_pool(std::size_t threads, std::size_t max_queued) : max_queued_(max_queued) {
  if (threads == 0) threads = 1;
  threads_.reserve(threads);
  for (std::size_t i = 0; i < threads; ++i) threads_.emplace_back([this] { run(); });
}

worker_pool::~worker_pool() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  ready_.notify_all();
  for (auto& t : threads_) t.join();
}

bool worker_pool::submit(std::function<void()> task) {
  bool someone_sleeps = false;
  {
    std::lock_guard lock(mutex_);
    if (stopping_ || queue_.size() >= max_queued_) return false;
    queue_.push_back(std::move(task));
    queued_.store(queue_.size(), std::memory_order_release);
    someone_sleeps = sleeping_ > 0;
  }
  // A spinning worker sees queued_; only a sleeping one needs the (syscall) wake-up. Both
  // sleeping_ and the queue change under the mutex, so no wake-up is lost.
  if (someone_sleeps) ready_.notify_one();
  return true;
}

void worker_pool::run() {
  for (;;) {
    std::function<void()> task;
    // Work often follows work closely (the next call of a batch): watch briefly before sleeping.
    spin_until([this] { return queued_.load(std::memory_order_acquire) > 0; },
               std::chrono::steady_clock::time_point::max());
    {
      std::unique_lock lock(mutex_);
      ++sleeping_;
      ready_.wait(lock, [this] { return stopping_ || !queue_.empty(); });
      --sleeping_;
      if (queue_.empty()) return;
      task = std::move(queue_.front());
      queue_.pop_front();
      queued_.store(queue_.size(), std::memory_order_release);
    }
    task();
  }
}

}  // namespace erpc

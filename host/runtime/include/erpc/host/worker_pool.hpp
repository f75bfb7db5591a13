#pragma once
// The host worker threads: the only threads that run adapter code (abi.h: execute runs only
// on host worker threads). The queue is bounded: when it is full, submit() refuses rather than
// letting work pile up without limit.

#include <atomic>
#include <condition_variable>
#include <cstddef>
#include <deque>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

namespace erpc {

class worker_pool {
 public:
  explicit worker_pool(std::size_t threads, std::size_t max_queued = 1024);
  ~worker_pool();  // finishes queued work, then joins
  worker_pool(const worker_pool&) = delete;
  worker_pool& operator=(const worker_pool&) = delete;

  // False when the queue is full or the pool is stopping; the task is then not run.
  bool submit(std::function<void()> task);
  std::size_t threads() const noexcept { return threads_.size(); }

 private:
  void run();

  std::mutex mutex_;
  std::condition_variable ready_;
  std::deque<std::function<void()>> queue_;
  std::atomic<std::size_t> queued_{0};  // queue_.size(), readable without the mutex (spinning)
  std::size_t sleeping_ = 0;            // workers waiting on ready_
  std::size_t max_queued_;
  bool stopping_ = false;
  std::vector<std::thread> threads_;
};

}  // namespace erpc

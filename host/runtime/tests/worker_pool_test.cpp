#include <erpc/host/worker_pool.hpp>

#include <catch2/catch.hpp>

#include <atomic>
#include <condition_variable>
#include <mutex>

using erpc::worker_pool;

TEST_CASE("the pool runs every accepted task before it is destroyed") {
  std::atomic<int> done{0};
  {
    worker_pool pool(2, 1000);
    for (int i = 0; i < 500; ++i) REQUIRE(pool.submit([&] { ++done; }));
  }
  REQUIRE(done == 500);
}

TEST_CASE("a full queue refuses work instead of growing") {
  std::mutex m;
  std::condition_variable cv;
  bool release = false;
  worker_pool pool(1, 2);
  auto blocker = [&] {
    std::unique_lock lock(m);
    cv.wait(lock, [&] { return release; });
  };
  REQUIRE(pool.submit(blocker));
  // The worker may or may not have taken the first task yet: fill until refused.
  int accepted = 0;
  while (pool.submit(blocker)) ++accepted;
  REQUIRE(accepted <= 2);
  {
    std::lock_guard lock(m);
    release = true;
  }
  cv.notify_all();
}

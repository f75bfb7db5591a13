#include <erpc/host/call_state.hpp>
#include <erpc/host/call_watchdog.hpp>

#include <catch2/catch.hpp>

#include <chrono>
#include <memory>
#include <thread>

using namespace erpc;
using namespace std::chrono_literals;

namespace {
std::shared_ptr<call_state> new_call() { return std::make_shared<call_state>("corr", "", 0); }

// Waits (bounded) until `done`; the watchdog thread acts on its own schedule.
template <class Done>
bool eventually(Done done) {
  const auto until = std::chrono::steady_clock::now() + 5s;
  while (!done()) {
    if (std::chrono::steady_clock::now() > until) return false;
    std::this_thread::sleep_for(1ms);
  }
  return true;
}
}  // namespace

TEST_CASE("a call that finishes before its deadline is never cancelled") {
  call_watchdog dog;
  auto state = new_call();
  auto abandoned = std::make_shared<std::atomic<int>>(0);
  auto watch = dog.start(state, call_watchdog::clock::now() + 10s, 10'000, abandoned);
  REQUIRE_FALSE(watch.finish());
  REQUIRE_FALSE(state->cancelled());
  REQUIRE(dog.fired() == 0);
  REQUIRE(*abandoned == 0);
}

TEST_CASE("a deadline sooner than the idle tick wakes the watchdog and cancels the call") {
  call_watchdog dog({}, std::chrono::milliseconds(60'000));  // would sleep a minute otherwise
  auto state = new_call();
  auto abandoned = std::make_shared<std::atomic<int>>(0);
  const auto start = std::chrono::steady_clock::now();
  auto watch = dog.start(state, call_watchdog::clock::now() + 20ms, 20, abandoned);
  REQUIRE(eventually([&] { return state->cancelled(); }));
  REQUIRE(std::chrono::steady_clock::now() - start < 5s);
  REQUIRE(*abandoned == 1);  // still running as far as the watchdog knows
  REQUIRE(watch.finish());   // the owner learns that the deadline fired first
  REQUIRE(watch.finish());   // and keeps that answer
  REQUIRE(dog.fired() == 1);
}

TEST_CASE("calls fire in deadline order, each once, whatever order they were watched in") {
  call_watchdog dog({}, 5ms);
  auto late = new_call();
  auto early = new_call();
  auto never = new_call();
  const auto now = call_watchdog::clock::now();
  auto w_late = dog.start(late, now + 80ms, 80, nullptr);
  auto w_never = dog.start(never, now + 60s, 60'000, nullptr);
  auto w_early = dog.start(early, now + 10ms, 10, nullptr);
  REQUIRE(eventually([&] { return early->cancelled(); }));
  REQUIRE_FALSE(never->cancelled());
  REQUIRE(eventually([&] { return late->cancelled(); }));
  REQUIRE(dog.fired() == 2);
  REQUIRE_FALSE(w_never.finish());
  REQUIRE(w_early.finish());
  REQUIRE(w_late.finish());
}

TEST_CASE("a watch moved or destroyed stops watching") {
  call_watchdog dog({}, 5ms);
  auto state = new_call();
  {
    auto w = dog.start(state, call_watchdog::clock::now() + 30ms, 30, nullptr);
    call_watchdog::watch moved = std::move(w);
    REQUIRE_FALSE(w.finish());  // the moved-from watch owns nothing
  }
  std::this_thread::sleep_for(80ms);
  REQUIRE_FALSE(state->cancelled());
  REQUIRE(dog.fired() == 0);
}

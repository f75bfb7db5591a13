#pragma once
// Spin-then-sleep for the adapter call hand-off. Handing a call to a worker thread and back
// costs two sleeps and two wake-ups (futex round trips), while a fast adapter answers in a few
// microseconds. So both sides may first watch an atomic flag for a short, bounded time and only
// then sleep on their condition variable. Deadlines are measured by the sleeping wait that
// follows, so nothing here changes when a call is abandoned.

#include <algorithm>
#include <chrono>

namespace erpc {

// How long a side watches before it sleeps. Measured on the shared 2-vCPU VM (RelWithDebInfo,
// load 6-7, docs/benchmarks.md): with 50 us, host_execute_unvalidated took 735 us real / 137 us
// CPU, without spinning 463 us / 89 us: when the machine has no idle core, the spinning side
// takes the CPU the other side needs. So it is off (a few polls, then sleep); raise it only
// where host worker threads have cores of their own, and measure.
inline constexpr std::chrono::microseconds hand_off_spin{0};

// A pause hint for the core while spinning (lets a sibling hyper-thread run).
inline void spin_pause() noexcept {
#if defined(__x86_64__) || defined(__i386__)
  __builtin_ia32_pause();
#elif defined(__aarch64__)
  asm volatile("yield");
#endif
}

// Calls `done()` until it is true or `budget` has passed (or `until`, if earlier); returns its
// last answer.
template <class Done>
bool spin_until(Done done, std::chrono::steady_clock::time_point until,
                std::chrono::microseconds budget = hand_off_spin) {
  const auto stop = std::min(until, std::chrono::steady_clock::now() + budget);
  for (unsigned i = 0;; ++i) {
    if (done()) return true;
    // The clock is read every 32 rounds only: a read costs more than a pause.
    if (i % 32 == 31 && std::chrono::steady_clock::now() >= stop) return done();
    spin_pause();
  }
}

}  // namespace erpc

#include "erpc/host/crash_point.hpp"

#include <atomic>
#include <cstdlib>
#include <string>
#include <unistd.h>

namespace erpc {
namespace {

struct crash_setting {
  std::string phase;
  std::atomic<long> remaining{0};

  crash_setting() {
    if (const char* p = std::getenv("ERPC_CRASH_AT")) phase = p;
    if (const char* n = std::getenv("ERPC_CRASH_AFTER")) remaining = std::atol(n);
  }
};

crash_setting& setting() {
  static crash_setting s;  // read once; the environment does not change under a running host
  return s;
}

}  // namespace

void crash_point(std::string_view phase) {
  auto& s = setting();
  if (s.phase.empty() || s.phase != phase) return;
  if (s.remaining.fetch_sub(1) > 0) return;
  ::_exit(crash_exit_code);
}

}  // namespace erpc

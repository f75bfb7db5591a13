#include <erpc/host/crash_point.hpp>

#include <catch2/catch.hpp>

#include <cstdlib>
#include <sys/wait.h>
#include <unistd.h>

namespace {
// Runs crash_point in a forked child with the given environment; returns the exit status.
int child_status(const char* phase_env, const char* after_env, const char* reached, int times) {
  const pid_t pid = ::fork();
  REQUIRE(pid >= 0);
  if (pid == 0) {
    if (phase_env) ::setenv("ERPC_CRASH_AT", phase_env, 1);
    if (after_env) ::setenv("ERPC_CRASH_AFTER", after_env, 1);
    for (int i = 0; i < times; ++i) erpc::crash_point(reached);
    ::_exit(0);
  }
  int status = 0;
  ::waitpid(pid, &status, 0);
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}
}  // namespace

TEST_CASE("the process ends at the named phase, and only there") {
  REQUIRE(child_status("after_accept", nullptr, "after_accept", 1) == erpc::crash_exit_code);
  REQUIRE(child_status("after_accept", nullptr, "after_claim", 5) == 0);
  REQUIRE(child_status(nullptr, nullptr, "after_accept", 5) == 0);
}

TEST_CASE("ERPC_CRASH_AFTER lets the phase pass that many times first") {
  REQUIRE(child_status("before_call", "3", "before_call", 3) == 0);
  REQUIRE(child_status("before_call", "3", "before_call", 4) == erpc::crash_exit_code);
}

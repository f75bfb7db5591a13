#include <erpc/error.hpp>
#include <erpc/host/worker_process.hpp>

#include <catch2/catch.hpp>

#include <cerrno>
#include <csignal>

#include <fcntl.h>
#include <unistd.h>

using namespace erpc;

namespace {

std::unique_ptr<worker_process> shell(const std::string& script) {
  return worker_process::spawn("/bin/sh", {"-c", script}, json_limits{});
}

bool process_exists(pid_t pid) { return ::kill(pid, 0) == 0 || errno != ESRCH; }

}  // namespace

TEST_CASE("how a worker ended is named: exit status or signal") {
  auto exited = shell("exit 3");
  const auto e = exited->wait(std::chrono::milliseconds(5000));
  REQUIRE_FALSE(e.signalled);
  REQUIRE(e.status == 3);
  REQUIRE(e.describe() == "exited with status 3");

  auto crashed = shell("kill -SEGV $$");
  const auto c = crashed->wait(std::chrono::milliseconds(5000));
  REQUIRE(c.signalled);
  REQUIRE(c.describe().starts_with("died by SIGSEGV"));
}

TEST_CASE("kill ends and reaps a worker, and is idempotent") {
  auto w = shell("sleep 60");
  const pid_t pid = w->pid();
  REQUIRE_FALSE(w->exited());
  REQUIRE(w->kill().signal == SIGKILL);
  REQUIRE(w->kill().signal == SIGKILL);
  REQUIRE_FALSE(process_exists(pid));
}

TEST_CASE("a worker that outlives its grace period is killed") {
  auto w = shell("sleep 60");
  const auto start = std::chrono::steady_clock::now();
  REQUIRE(w->wait(std::chrono::milliseconds(50)).signal == SIGKILL);
  REQUIRE(std::chrono::steady_clock::now() - start < std::chrono::seconds(5));
}

TEST_CASE("the worker finds its pipes on fd 3 and 4 and nothing else") {
  // A descriptor the host leaks (no O_CLOEXEC) must not reach the child.
  const int leaked = ::open("/dev/zero", O_RDONLY);
  REQUIRE(leaked >= 0);
  // ls lists its own directory handle too: the lowest free descriptor, 5 when nothing leaked.
  auto w = shell("exec ls /proc/self/fd >&4");
  ::close(leaked);
  std::string seen;
  char buffer[256];
  for (;;) {
    const auto n = ::read(w->pipe().read_fd(), buffer, sizeof buffer);
    if (n > 0) {
      seen.append(buffer, static_cast<std::size_t>(n));
    } else if (n == 0 || errno != EAGAIN) {
      break;
    }
  }
  w->wait(std::chrono::milliseconds(5000));
  REQUIRE(seen == "0\n1\n2\n3\n4\n5\n");
}

TEST_CASE("an executable that cannot start is isolation.spawn_failed") {
  try {
    worker_process::spawn("/nonexistent/erpc", {}, json_limits{});
    FAIL("spawned");
  } catch (const error& e) {
    REQUIRE(e.code() == "isolation.spawn_failed");
    REQUIRE(e.effect() == effect::none);
  }
}

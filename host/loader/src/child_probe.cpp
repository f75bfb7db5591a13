// SPDX-License-Identifier: Apache-2.0
#include <erpc/host/child_probe.hpp>

#include <erpc/error.hpp>

#include <nlohmann/json.hpp>

#include <cerrno>
#include <csignal>
#include <cstring>
#include <thread>

#include <fcntl.h>
#include <poll.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

extern char** environ;

namespace erpc {
namespace {

constexpr std::size_t max_stdout_bytes = std::size_t{8} << 20;  // a manifest is at most 4 MiB
constexpr std::size_t kept_stderr_bytes = 2048;

[[noreturn]] void probe_error(const std::string& code, const std::string& message) {
  throw error(error_class::configuration, code, message);
}

class pipe_pair {
 public:
  pipe_pair() {
    if (::pipe2(fds_, O_CLOEXEC) != 0) {
      probe_error("loader.probe_failed", std::string("pipe2: ") + std::strerror(errno));
    }
  }
  ~pipe_pair() {
    close_read();
    close_write();
  }
  pipe_pair(const pipe_pair&) = delete;
  pipe_pair& operator=(const pipe_pair&) = delete;
  int read_end() const noexcept { return fds_[0]; }
  int write_end() const noexcept { return fds_[1]; }
  void close_read() noexcept {
    if (fds_[0] >= 0) ::close(fds_[0]);
    fds_[0] = -1;
  }
  void close_write() noexcept {
    if (fds_[1] >= 0) ::close(fds_[1]);
    fds_[1] = -1;
  }

 private:
  int fds_[2] = {-1, -1};
};

std::string signal_name(int sig) {
  const char* abbrev = sigabbrev_np(sig);
  return abbrev != nullptr ? std::string("SIG") + abbrev : "signal " + std::to_string(sig);
}

std::string tail(const std::string& text) {
  if (text.empty()) return "";
  return "; its stderr ended with: " +
         (text.size() > kept_stderr_bytes ? text.substr(text.size() - kept_stderr_bytes) : text);
}

probe_result read_result_line(const std::string& out, const std::filesystem::path& library,
                              int status, const std::string& err) {
  const auto newline = out.find('\n');
  nlohmann::json line;
  if (newline != std::string::npos) {
    line = nlohmann::json::parse(out.substr(0, newline), nullptr, false);
  }
  if (!line.is_object() || !line.contains("ok") || !line["ok"].is_boolean()) {
    probe_error("loader.probe_failed",
                "probing " + library.string() + ": the child exited with status " +
                    std::to_string(status) + " without a result line" + tail(err));
  }
  if (line["ok"].get<bool>()) {
    return {line.value("id", ""), line.value("sha256", ""),
            line.contains("manifest") ? line["manifest"].dump() : "{}"};
  }
  const auto& e = line.contains("error") && line["error"].is_object() ? line["error"]
                                                                      : nlohmann::json::object();
  error refusal(error_class_from_string(e.value("class", "CONFIGURATION"))
                    .value_or(error_class::configuration),
                e.value("code", "loader.probe_failed"), e.value("message", "refused"));
  if (e.contains("field_errors") && e["field_errors"].is_array()) {
    for (const auto& f : e["field_errors"]) {
      if (f.is_object()) {
        refusal.with_field(f.value("pointer", ""), f.value("code", ""), f.value("message", ""));
      }
    }
  }
  throw refusal;
}

}  // namespace

probe_result probe_in_child(const std::filesystem::path& executable,
                            const std::filesystem::path& library,
                            std::chrono::milliseconds timeout) {
  pipe_pair out_pipe;
  pipe_pair err_pipe;
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  // dup2 clears close-on-exec on 1 and 2; closefrom drops anything else the host leaked.
  posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0);
  posix_spawn_file_actions_adddup2(&actions, out_pipe.write_end(), 1);
  posix_spawn_file_actions_adddup2(&actions, err_pipe.write_end(), 2);
  posix_spawn_file_actions_addclosefrom_np(&actions, 3);
  const std::string exe = executable.string();
  const std::string lib = library.string();
  std::string subcommand = "__probe";
  char* argv[] = {const_cast<char*>(exe.c_str()), subcommand.data(), const_cast<char*>(lib.c_str()),
                  nullptr};
  pid_t pid = -1;
  const int spawned = ::posix_spawn(&pid, exe.c_str(), &actions, nullptr, argv, environ);
  posix_spawn_file_actions_destroy(&actions);
  if (spawned != 0) {
    probe_error("loader.probe_failed",
                "cannot start " + exe + " to probe " + lib + ": " + std::strerror(spawned));
  }
  out_pipe.close_write();
  err_pipe.close_write();

  const auto deadline = std::chrono::steady_clock::now() + timeout;
  const auto remaining_ms = [&] {
    const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
        deadline - std::chrono::steady_clock::now());
    return static_cast<int>(std::max<std::int64_t>(0, left.count()));
  };
  const auto kill_child = [&] {
    ::kill(pid, SIGKILL);
    int ignored = 0;
    while (::waitpid(pid, &ignored, 0) < 0 && errno == EINTR) {
    }
  };

  std::string out;
  std::string err;
  bool out_open = true;
  bool err_open = true;
  while (out_open || err_open) {
    pollfd fds[2] = {{out_open ? out_pipe.read_end() : -1, POLLIN, 0},
                     {err_open ? err_pipe.read_end() : -1, POLLIN, 0}};
    const int wait = remaining_ms();
    const int ready = ::poll(fds, 2, wait);
    if (ready < 0 && errno == EINTR) continue;
    if (ready == 0 || wait == 0) {
      kill_child();
      probe_error("loader.probe_timeout", "probing " + lib + " took longer than " +
                                              std::to_string(timeout.count()) +
                                              " ms; the child was killed");
    }
    char buffer[65536];
    for (int i = 0; i < 2; ++i) {
      if (fds[i].fd < 0 || fds[i].revents == 0) continue;
      const auto n = ::read(fds[i].fd, buffer, sizeof buffer);
      if (n < 0 && errno == EINTR) continue;
      if (n <= 0) {
        (i == 0 ? out_open : err_open) = false;
        continue;
      }
      auto& target = i == 0 ? out : err;
      target.append(buffer, static_cast<std::size_t>(n));
      if (i == 1 && err.size() > 4 * kept_stderr_bytes)
        err.erase(0, err.size() - kept_stderr_bytes);
    }
    if (out.size() > max_stdout_bytes) {
      kill_child();
      probe_error("loader.probe_failed", "probing " + lib + ": the child wrote more than " +
                                             std::to_string(max_stdout_bytes) +
                                             " bytes; it was killed");
    }
  }

  // Both pipes closed: the child is exiting, or closed them and hangs; wait within the deadline.
  int status = 0;
  for (;;) {
    const pid_t done = ::waitpid(pid, &status, WNOHANG);
    if (done == pid) break;
    if (done < 0 && errno != EINTR) {
      probe_error("loader.probe_failed", std::string("waitpid: ") + std::strerror(errno));
    }
    if (remaining_ms() == 0) {
      kill_child();
      probe_error("loader.probe_timeout", "probing " + lib + " took longer than " +
                                              std::to_string(timeout.count()) +
                                              " ms; the child was killed");
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(2));
  }
  if (WIFSIGNALED(status)) {
    const int sig = WTERMSIG(status);
    probe_error("loader.probe_crashed", "probing " + lib + ": the child died by " +
                                            signal_name(sig) + " (" + strsignal(sig) +
                                            ") while loading the library" + tail(err));
  }
  return read_result_line(out, library, WIFEXITED(status) ? WEXITSTATUS(status) : -1, err);
}

}  // namespace erpc

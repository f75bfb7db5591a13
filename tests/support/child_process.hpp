#pragma once
// A child process for tests that drive `erpc` and its helpers as a user would: posix_spawn with
// extra environment, stdout/stderr appended to a log file (or given descriptors), wait and kill.

#include <filesystem>
#include <string>
#include <vector>
#include <sys/types.h>

namespace erpc::testing {

class child_process {
 public:
  child_process(const std::vector<std::string>& argv, const std::vector<std::string>& extra_env,
                const std::filesystem::path& log, int stdin_fd = -1, int stdout_fd = -1);
  ~child_process();  // SIGKILLs and reaps a child still running
  child_process(const child_process&) = delete;
  child_process& operator=(const child_process&) = delete;

  void signal(int sig);
  // Exit status, or 128 + the signal that ended it.
  int wait();
  pid_t pid() const noexcept { return pid_; }

 private:
  pid_t pid_ = -1;
  bool reaped_ = false;
};

// A program run to its end: its exit status (or 128 + signal) and everything it printed on
// stdout. stdout goes to `stdout_file` (kept for a failing test's reader), stderr is appended
// to `log`. Throws std::runtime_error when stdout_file cannot be created.
struct finished_process {
  int status = -1;
  std::string out;
};
finished_process run_to_end(const std::vector<std::string>& argv,
                            const std::vector<std::string>& extra_env,
                            const std::filesystem::path& log,
                            const std::filesystem::path& stdout_file);

}  // namespace erpc::testing

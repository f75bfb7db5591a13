#pragma once
// A worker child process: started with posix_spawn so that it inherits exactly two pipe ends
// (its fd 3 reads what the host writes, its fd 4 writes what the host reads; 0, 1 and 2 are
// /dev/null), watched, killed and reaped. Never leaves a zombie behind.

#include <erpc/host/frame_pipe.hpp>

#include <chrono>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include <sys/types.h>

namespace erpc {

// The descriptors a worker finds its pipes on.
inline constexpr int worker_request_fd = 3;  // host -> worker
inline constexpr int worker_answer_fd = 4;   // worker -> host

// How a worker process ended.
struct worker_exit {
  bool signalled = false;
  int signal = 0;  // when signalled
  int status = 0;  // exit status otherwise

  // "died by SIGSEGV (Segmentation fault)" or "exited with status 3".
  std::string describe() const;
};

class worker_process {
 public:
  // Starts `executable` with `arguments` (argv[1...]). Throws erpc::error(UNAVAILABLE,
  // isolation.spawn_failed) when it cannot start.
  static std::unique_ptr<worker_process> spawn(const std::filesystem::path& executable,
                                               const std::vector<std::string>& arguments,
                                               json_limits frame_limits);
  ~worker_process();  // kills and reaps a worker still running
  worker_process(const worker_process&) = delete;
  worker_process& operator=(const worker_process&) = delete;

  pid_t pid() const noexcept { return pid_; }
  frame_pipe& pipe() noexcept { return *pipe_; }

  // SIGKILL, then reap. Idempotent; returns how the process ended.
  worker_exit kill();
  // Waits up to `grace` for the process to end on its own (it closed its pipe), then kills it.
  worker_exit wait(std::chrono::milliseconds grace);
  // True once the process has ended (reaps it if it just did); never waits.
  bool exited() { return try_reap(false); }
  bool reaped() const noexcept { return reaped_; }

 private:
  worker_process(pid_t pid, std::unique_ptr<frame_pipe> pipe) : pid_(pid), pipe_(std::move(pipe)) {}
  bool try_reap(bool block);

  pid_t pid_;
  std::unique_ptr<frame_pipe> pipe_;
  bool reaped_ = false;
  worker_exit exit_;
};

}  // namespace erpc

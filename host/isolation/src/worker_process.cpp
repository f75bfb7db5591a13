#include "erpc/host/worker_process.hpp"

#include <erpc/error.hpp>

#include <cerrno>
#include <csignal>
#include <cstring>
#include <thread>

#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

extern char** environ;

namespace erpc {
namespace {

[[noreturn]] void spawn_failed(const std::string& message) {
  throw error(error_class::unavailable, "isolation.spawn_failed", message)
      .with_effect(effect::none);
}

// Both ends are moved above the descriptors the child's dup2 targets use, so no dup2 in the
// file actions can overwrite an end that a later one still needs.
constexpr int lowest_pipe_fd = 10;

class descriptor {
 public:
  explicit descriptor(int fd = -1) noexcept : fd_(fd) {}
  ~descriptor() { reset(); }
  descriptor(const descriptor&) = delete;
  descriptor& operator=(const descriptor&) = delete;
  int get() const noexcept { return fd_; }
  int release() noexcept { return std::exchange(fd_, -1); }
  void reset(int fd = -1) noexcept {
    if (fd_ >= 0) ::close(fd_);
    fd_ = fd;
  }

 private:
  int fd_;
};

void make_pipe(descriptor& read_end, descriptor& write_end) {
  int fds[2] = {-1, -1};
  if (::pipe2(fds, O_CLOEXEC) != 0) spawn_failed(std::string("pipe2: ") + std::strerror(errno));
  descriptor raw_read(fds[0]);
  descriptor raw_write(fds[1]);
  const int high_read = ::fcntl(fds[0], F_DUPFD_CLOEXEC, lowest_pipe_fd);
  const int high_write = ::fcntl(fds[1], F_DUPFD_CLOEXEC, lowest_pipe_fd);
  read_end.reset(high_read);
  write_end.reset(high_write);
  if (high_read < 0 || high_write < 0) {
    spawn_failed(std::string("fcntl(F_DUPFD_CLOEXEC): ") + std::strerror(errno));
  }
}

void set_nonblocking(int fd) {
  const int flags = ::fcntl(fd, F_GETFL);
  if (flags < 0 || ::fcntl(fd, F_SETFL, flags | O_NONBLOCK) != 0) {
    spawn_failed(std::string("fcntl(O_NONBLOCK): ") + std::strerror(errno));
  }
}

std::string signal_name(int sig) {
  const char* abbrev = sigabbrev_np(sig);
  return abbrev != nullptr ? std::string("SIG") + abbrev : "signal " + std::to_string(sig);
}

}  // namespace

std::string worker_exit::describe() const {
  if (signalled) return "died by " + signal_name(signal) + " (" + strsignal(signal) + ")";
  return "exited with status " + std::to_string(status);
}

std::unique_ptr<worker_process> worker_process::spawn(const std::filesystem::path& executable,
                                                      const std::vector<std::string>& arguments,
                                                      json_limits frame_limits) {
  descriptor request_read, request_write, answer_read, answer_write;
  make_pipe(request_read, request_write);
  make_pipe(answer_read, answer_write);

  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0);
  posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0);
  posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0);
  // dup2 clears close-on-exec on the two targets; closefrom drops whatever else the host
  // opened without O_CLOEXEC (another library, another thread racing this spawn).
  posix_spawn_file_actions_adddup2(&actions, request_read.get(), worker_request_fd);
  posix_spawn_file_actions_adddup2(&actions, answer_write.get(), worker_answer_fd);
  posix_spawn_file_actions_addclosefrom_np(&actions, worker_answer_fd + 1);

  // The child starts with default signal dispositions and an empty mask, whatever the host
  // (e.g. SIGPIPE ignored) uses.
  posix_spawnattr_t attributes;
  posix_spawnattr_init(&attributes);
  sigset_t all;
  sigfillset(&all);
  sigset_t none;
  sigemptyset(&none);
  posix_spawnattr_setsigdefault(&attributes, &all);
  posix_spawnattr_setsigmask(&attributes, &none);
  posix_spawnattr_setflags(&attributes, POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK);

  const std::string exe = executable.string();
  std::vector<std::string> args;
  args.reserve(arguments.size() + 1);
  args.push_back(exe);
  args.insert(args.end(), arguments.begin(), arguments.end());
  std::vector<char*> argv;
  for (auto& a : args) argv.push_back(a.data());
  argv.push_back(nullptr);

  pid_t pid = -1;
  const int spawned = ::posix_spawn(&pid, exe.c_str(), &actions, &attributes, argv.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  posix_spawnattr_destroy(&attributes);
  if (spawned != 0) {
    spawn_failed("cannot start the worker " + exe + ": " + std::strerror(spawned));
  }
  request_read.reset();
  answer_write.reset();
  set_nonblocking(request_write.get());
  set_nonblocking(answer_read.get());
  auto pipe = std::make_unique<frame_pipe>(answer_read.release(), request_write.release(),
                                           frame_limits);
  return std::unique_ptr<worker_process>(new worker_process(pid, std::move(pipe)));
}

worker_process::~worker_process() { kill(); }

bool worker_process::try_reap(bool block) {
  if (reaped_) return true;
  int status = 0;
  for (;;) {
    const pid_t done = ::waitpid(pid_, &status, block ? 0 : WNOHANG);
    if (done < 0 && errno == EINTR) continue;
    if (done == 0) return false;
    if (done < 0) {
      // ECHILD: someone else reaped it (SIGCHLD ignored); nothing is left to wait for.
      reaped_ = true;
      exit_ = worker_exit{true, SIGKILL, 0};
      return true;
    }
    break;
  }
  reaped_ = true;
  if (WIFSIGNALED(status)) {
    exit_ = worker_exit{true, WTERMSIG(status), 0};
  } else {
    exit_ = worker_exit{false, 0, WIFEXITED(status) ? WEXITSTATUS(status) : -1};
  }
  return true;
}

worker_exit worker_process::kill() {
  if (!try_reap(false)) {
    ::kill(pid_, SIGKILL);
    try_reap(true);
  }
  return exit_;
}

worker_exit worker_process::wait(std::chrono::milliseconds grace) {
  const auto until = std::chrono::steady_clock::now() + grace;
  while (!try_reap(false)) {
    if (std::chrono::steady_clock::now() >= until) return kill();
    std::this_thread::sleep_for(std::chrono::milliseconds(1));
  }
  return exit_;
}

}  // namespace erpc

#include "support/child_process.hpp"

#include <cerrno>
#include <fstream>
#include <sstream>
#include <csignal>
#include <fcntl.h>
#include <spawn.h>
#include <stdexcept>
#include <sys/wait.h>

extern char** environ;

namespace erpc::testing {

child_process::child_process(const std::vector<std::string>& argv,
                             const std::vector<std::string>& extra_env,
                             const std::filesystem::path& log, int stdin_fd, int stdout_fd) {
  // The inherited environment, with each NAME=value of extra_env replacing an inherited NAME
  // (getenv, and the sanitizers' option parsing, take the first match).
  const auto name_of = [](const std::string& assignment) {
    return assignment.substr(0, assignment.find('='));
  };
  std::vector<std::string> env_strings;
  for (char** e = environ; *e != nullptr; ++e) {
    const std::string inherited(*e);
    bool replaced = false;
    for (const auto& x : extra_env) replaced = replaced || name_of(x) == name_of(inherited);
    if (!replaced) env_strings.push_back(inherited);
  }
  for (const auto& e : extra_env) env_strings.push_back(e);
  std::vector<char*> args;
  for (const auto& a : argv) args.push_back(const_cast<char*>(a.c_str()));
  args.push_back(nullptr);
  std::vector<char*> envp;
  for (auto& e : env_strings) envp.push_back(e.data());
  envp.push_back(nullptr);

  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  if (stdin_fd >= 0) posix_spawn_file_actions_adddup2(&actions, stdin_fd, 0);
  if (stdout_fd >= 0) {
    posix_spawn_file_actions_adddup2(&actions, stdout_fd, 1);
  } else {
    posix_spawn_file_actions_addopen(&actions, 1, log.c_str(), O_WRONLY | O_CREAT | O_APPEND,
                                     0644);
  }
  posix_spawn_file_actions_addopen(&actions, 2, log.c_str(), O_WRONLY | O_CREAT | O_APPEND,
                                   0644);
  const int rc = posix_spawn(&pid_, args[0], &actions, nullptr, args.data(), envp.data());
  posix_spawn_file_actions_destroy(&actions);
  if (rc != 0) throw std::runtime_error("posix_spawn failed for " + argv.at(0));
}

child_process::~child_process() {
  if (pid_ > 0 && !reaped_) {
    ::kill(pid_, SIGKILL);
    wait();
  }
}

void child_process::signal(int sig) { ::kill(pid_, sig); }

int child_process::wait() {
  int status = 0;
  while (::waitpid(pid_, &status, 0) < 0 && errno == EINTR) {
  }
  reaped_ = true;
  return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}

finished_process run_to_end(const std::vector<std::string>& argv,
                            const std::vector<std::string>& extra_env,
                            const std::filesystem::path& log,
                            const std::filesystem::path& stdout_file) {
  const int fd = ::open(stdout_file.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
  if (fd < 0) throw std::runtime_error("cannot create " + stdout_file.string());
  finished_process result;
  {
    child_process child(argv, extra_env, log, -1, fd);
    ::close(fd);
    result.status = child.wait();
  }
  std::ifstream in(stdout_file, std::ios::binary);
  std::stringstream text;
  text << in.rdbuf();
  result.out = text.str();
  return result;
}

}  // namespace erpc::testing

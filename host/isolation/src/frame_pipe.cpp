#include "erpc/host/frame_pipe.hpp"

#include <erpc/error.hpp>
#include <erpc/host/strict_json.hpp>

#include <cerrno>
#include <csignal>
#include <cstring>

#include <poll.h>
#include <pthread.h>
#include <unistd.h>

namespace erpc {
namespace {

[[noreturn]] void fail(const std::string& code, const std::string& message) {
  throw error(error_class::internal, code, message).with_effect(effect::none);
}

int poll_timeout_ms(const frame_pipe::deadline& until) {
  if (!until) return -1;
  const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
      *until - std::chrono::steady_clock::now());
  // Round up so a wait never ends a millisecond early and spins.
  return left.count() < 0 ? 0 : static_cast<int>(left.count()) + 1;
}

bool past(const frame_pipe::deadline& until) {
  return until && std::chrono::steady_clock::now() >= *until;
}

// write(2) on a pipe whose reader is gone raises SIGPIPE, which would kill the host. The
// signal is blocked for this thread only around the write, and a SIGPIPE the write raised is
// consumed before it is unblocked (the pipe equivalent of MSG_NOSIGNAL).
ssize_t write_no_sigpipe(int fd, const char* data, std::size_t len) {
  sigset_t pipe_set;
  sigemptyset(&pipe_set);
  sigaddset(&pipe_set, SIGPIPE);
  sigset_t pending;
  sigemptyset(&pending);
  sigpending(&pending);
  const bool was_pending = sigismember(&pending, SIGPIPE) == 1;
  sigset_t old_mask;
  pthread_sigmask(SIG_BLOCK, &pipe_set, &old_mask);
  ssize_t n = ::write(fd, data, len);
  const int saved = errno;
  if (n < 0 && saved == EPIPE && !was_pending) {
    const timespec zero{0, 0};
    while (sigtimedwait(&pipe_set, nullptr, &zero) < 0 && errno == EINTR) {
    }
  }
  pthread_sigmask(SIG_SETMASK, &old_mask, nullptr);
  errno = saved;
  return n;
}

std::uint32_t read_be32(const char* p) {
  const auto* u = reinterpret_cast<const unsigned char*>(p);
  return (std::uint32_t{u[0]} << 24) | (std::uint32_t{u[1]} << 16) | (std::uint32_t{u[2]} << 8) |
         std::uint32_t{u[3]};
}

}  // namespace

frame_pipe::frame_pipe(int read_fd, int write_fd, json_limits limits)
    : read_fd_(read_fd), write_fd_(write_fd), limits_(limits) {}

frame_pipe::~frame_pipe() {
  if (read_fd_ >= 0) ::close(read_fd_);
  if (write_fd_ >= 0) ::close(write_fd_);
}

void frame_pipe::write(const nlohmann::json& message, deadline until) {
  write_text(message.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace), until);
}

void frame_pipe::write_text(std::string_view text, deadline until) {
  if (text.size() > limits_.max_bytes) {
    fail("isolation.bad_frame", "a frame of " + std::to_string(text.size()) +
                                    " bytes exceeds the limit of " +
                                    std::to_string(limits_.max_bytes));
  }
  const auto len = static_cast<std::uint32_t>(text.size());
  const char header[4] = {static_cast<char>(len >> 24), static_cast<char>(len >> 16),
                          static_cast<char>(len >> 8), static_cast<char>(len)};
  // One buffer, so a small frame is a single write(2).
  std::string out;
  out.reserve(4 + text.size());
  out.append(header, 4);
  out.append(text);
  std::size_t done = 0;
  while (done < out.size()) {
    const ssize_t n = write_no_sigpipe(write_fd_, out.data() + done, out.size() - done);
    if (n > 0) {
      done += static_cast<std::size_t>(n);
      continue;
    }
    if (n < 0 && errno == EINTR) continue;
    if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) {
      pollfd p{write_fd_, POLLOUT, 0};
      const int r = ::poll(&p, 1, poll_timeout_ms(until));
      if (r < 0 && errno != EINTR) fail("isolation.pipe_closed", std::strerror(errno));
      if (r == 0 && past(until)) {
        fail("isolation.timeout", "the worker did not read its pipe before the deadline");
      }
      if (r > 0 && (p.revents & (POLLERR | POLLHUP)) != 0 && (p.revents & POLLOUT) == 0) {
        fail("isolation.pipe_closed", "the other side closed its pipe");
      }
      continue;
    }
    fail("isolation.pipe_closed",
         std::string("the other side closed its pipe: ") + std::strerror(errno));
  }
}

bool frame_pipe::fill(deadline until) {
  for (;;) {
    pollfd p{read_fd_, POLLIN, 0};
    const int r = ::poll(&p, 1, poll_timeout_ms(until));
    if (r < 0) {
      if (errno == EINTR) continue;
      fail("isolation.pipe_closed", std::strerror(errno));
    }
    if (r == 0) {
      if (past(until)) fail("isolation.timeout", "no complete frame before the deadline");
      continue;
    }
    char buffer[65536];
    const ssize_t n = ::read(read_fd_, buffer, sizeof buffer);
    if (n < 0) {
      if (errno == EINTR || errno == EAGAIN || errno == EWOULDBLOCK) continue;
      fail("isolation.pipe_closed", std::strerror(errno));
    }
    if (n == 0) return false;
    if (inbox_start_ > 0 && inbox_start_ == inbox_.size()) {
      inbox_.clear();
      inbox_start_ = 0;
    }
    inbox_.append(buffer, static_cast<std::size_t>(n));
    return true;
  }
}

nlohmann::json frame_pipe::read(deadline until) {
  auto available = [this] { return inbox_.size() - inbox_start_; };
  while (available() < 4) {
    if (!fill(until)) {
      fail("isolation.pipe_closed", available() == 0
                                        ? "the other side closed its pipe"
                                        : "the other side closed its pipe inside a frame header");
    }
  }
  const std::uint32_t len = read_be32(inbox_.data() + inbox_start_);
  if (len == 0 || len > limits_.max_bytes) {
    fail("isolation.bad_frame", "a frame announced " + std::to_string(len) +
                                    " bytes (allowed: 1 to " +
                                    std::to_string(limits_.max_bytes) + ")");
  }
  while (available() < 4 + std::size_t{len}) {
    if (!fill(until)) {
      fail("isolation.pipe_closed", "the other side closed its pipe inside a frame");
    }
  }
  const std::string_view text(inbox_.data() + inbox_start_ + 4, len);
  inbox_start_ += 4 + std::size_t{len};
  nlohmann::json message;
  try {
    message = parse_strict(text, limits_);
  } catch (const error& e) {
    fail("isolation.bad_frame", "a frame is not acceptable JSON (" + e.code() + "): " +
                                    e.message());
  }
  if (inbox_start_ == inbox_.size()) {
    inbox_.clear();
    inbox_start_ = 0;
  }
  if (!message.is_object() || !message.contains("type") || !message["type"].is_string()) {
    fail("isolation.bad_frame", "a frame is not a JSON object with a string \"type\"");
  }
  return message;
}

}  // namespace erpc

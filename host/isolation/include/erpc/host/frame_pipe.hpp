#pragma once
// One end of the host <-> worker conversation: frames of `uint32 length (big-endian) ‖ JSON`
// over two pipe descriptors (docs/isolation.md "Frames"). Both sides use it; the host with
// deadlines, the worker without.

#include <erpc/host/json_limits.hpp>

#include <nlohmann/json.hpp>

#include <chrono>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace erpc {

// Room for the message around a document of the JSON limit (type, ids, deadline).
inline constexpr std::size_t frame_overhead_bytes = 64 * 1024;

class frame_pipe {
 public:
  using deadline = std::optional<std::chrono::steady_clock::time_point>;  // nullopt: no limit

  // Takes ownership of both descriptors. A frame longer than `limits.max_bytes` or nested
  // deeper than `limits.max_depth` is refused.
  frame_pipe(int read_fd, int write_fd, json_limits limits);
  ~frame_pipe();
  frame_pipe(const frame_pipe&) = delete;
  frame_pipe& operator=(const frame_pipe&) = delete;

  // Sends one frame whose JSON text is `text` (the caller guarantees it is one JSON object).
  // Throws erpc::error(INTERNAL): isolation.pipe_closed when the reader is gone,
  // isolation.timeout when the reader does not drain the pipe before `until`,
  // isolation.bad_frame when the text is longer than the limit. Never raises SIGPIPE.
  void write_text(std::string_view text, deadline until = std::nullopt);
  void write(const nlohmann::json& message, deadline until = std::nullopt);

  // Receives one frame: a JSON object with a string "type", parsed with the boundary's strict
  // rules. Throws erpc::error(INTERNAL): isolation.pipe_closed at end of file,
  // isolation.timeout when nothing complete arrives before `until`, isolation.bad_frame for a
  // length beyond the limit, a zero length, JSON the strict parser refuses, or a frame that is
  // not an object with a string "type".
  nlohmann::json read(deadline until = std::nullopt);

  const json_limits& limits() const noexcept { return limits_; }
  int read_fd() const noexcept { return read_fd_; }

 private:
  bool fill(deadline until);  // reads what is available into inbox_; false at end of file

  int read_fd_;
  int write_fd_;
  json_limits limits_;
  std::string inbox_;
  std::size_t inbox_start_ = 0;
};

}  // namespace erpc

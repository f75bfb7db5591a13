#pragma once
// The worker's end of the pipe: the main loop receives host messages through it, and the
// service proxies send service calls and wait for their results (under one lock, so adapter
// threads calling services during a call take turns).

#include <erpc/host/frame_pipe.hpp>

#include <nlohmann/json.hpp>

#include <cstdint>
#include <mutex>
#include <optional>
#include <string_view>

namespace erpc {

class worker_channel {
 public:
  explicit worker_channel(json_limits frame_limits);

  // The next message from the host; nullopt when the host closed the pipe.
  std::optional<nlohmann::json> receive();
  void send(const nlohmann::json& message);
  void send_text(std::string_view text);

  // One service call answered by the host: returns the result's "value". Throws the host's
  // erpc::error when the service failed. A broken conversation ends the process (status 3):
  // without its parent a worker has nothing left to do.
  nlohmann::json call(std::string_view service, nlohmann::json args);
  // A one-way service call (log): no result comes back.
  void notify(std::string_view service, nlohmann::json args);

 private:
  [[noreturn]] static void broken();

  std::mutex mutex_;
  frame_pipe pipe_;
  std::uint64_t next_id_ = 1;
};

}  // namespace erpc

#include "worker_channel.hpp"

#include "error_json.hpp"

#include <erpc/error.hpp>
#include <erpc/host/worker_process.hpp>

#include <cstdlib>

namespace erpc {

worker_channel::worker_channel(json_limits frame_limits)
    : pipe_(worker_request_fd, worker_answer_fd, frame_limits) {}

void worker_channel::broken() { std::_Exit(3); }

std::optional<nlohmann::json> worker_channel::receive() {
  std::lock_guard lock(mutex_);
  try {
    return pipe_.read();
  } catch (const error& e) {
    if (e.code() == "isolation.pipe_closed") return std::nullopt;
    broken();
  }
}

void worker_channel::send(const nlohmann::json& message) {
  std::lock_guard lock(mutex_);
  try {
    pipe_.write(message);
  } catch (const error&) {
    broken();
  }
}

void worker_channel::send_text(std::string_view text) {
  std::lock_guard lock(mutex_);
  try {
    pipe_.write_text(text);
  } catch (const error&) {
    broken();
  }
}

void worker_channel::notify(std::string_view service, nlohmann::json args) {
  send({{"type", "service_call"}, {"id", 0}, {"service", service}, {"args", std::move(args)}});
}

nlohmann::json worker_channel::call(std::string_view service, nlohmann::json args) {
  std::lock_guard lock(mutex_);
  const std::uint64_t id = next_id_++;
  nlohmann::json result;
  try {
    pipe_.write({{"type", "service_call"},
                 {"id", id},
                 {"service", service},
                 {"args", std::move(args)}});
    result = pipe_.read();
  } catch (const error&) {
    broken();
  }
  const auto found = result.find("id");
  if (result["type"] != "service_result" || found == result.end() || *found != id) broken();
  if (result.value("ok", false)) {
    const auto value = result.find("value");
    return value != result.end() ? *value : nlohmann::json();
  }
  const auto e = result.find("error");
  throw error_from_json(e != result.end() ? *e : nlohmann::json::object());
}

}  // namespace erpc

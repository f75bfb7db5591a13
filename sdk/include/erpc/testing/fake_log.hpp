// SPDX-License-Identifier: Apache-2.0
// "erpc.host.log/1" for tests: keeps every line in memory, unredacted, so a test can prove an
// adapter never logs a secret.
#pragma once

#include <erpc/abi.h>

#include <cstdint>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

namespace erpc::testing {

struct log_line {
  std::uint32_t level = ERPC_LOG_INFO;
  std::string correlation_id;
  std::string message;
};

class fake_log {
 public:
  fake_log() {
    table_.struct_size = sizeof table_;
    table_.log = [](const erpc_host_log_v1* self, const erpc_call_v1* call, std::uint32_t level,
                    const char* message, std::size_t len) {
      auto* me = static_cast<fake_log*>(self->host_data);
      log_line line{level, call && call->correlation_id ? call->correlation_id : "",
                    message ? std::string(message, len) : std::string()};
      std::lock_guard lock(me->mutex_);
      me->lines_.push_back(std::move(line));
    };
    table_.host_data = this;
  }
  fake_log(const fake_log&) = delete;
  fake_log& operator=(const fake_log&) = delete;

  std::vector<log_line> lines() const {
    std::lock_guard lock(mutex_);
    return lines_;
  }
  bool contains(std::string_view text) const {
    std::lock_guard lock(mutex_);
    for (const auto& l : lines_) {
      if (l.message.find(text) != std::string::npos) return true;
    }
    return false;
  }
  void clear() {
    std::lock_guard lock(mutex_);
    lines_.clear();
  }

  const erpc_host_log_v1* table() const noexcept { return &table_; }

 private:
  mutable std::mutex mutex_;
  std::vector<log_line> lines_;
  erpc_host_log_v1 table_{};
};

}  // namespace erpc::testing

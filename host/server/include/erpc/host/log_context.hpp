// SPDX-License-Identifier: Apache-2.0
// The correlation id (and structured fields) that the host log formatters put on every line
// logged from this thread while a scope is alive. spdlog 1.10 has no MDC; a thread-local is
// safe here because the host's loggers are synchronous (formatted on the calling thread).
#pragma once

#include <initializer_list>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <spdlog/common.h>

namespace spdlog {
class logger;
}

namespace erpc {

struct log_field {
  std::string key;
  std::string value;
};

class log_context_scope {
 public:
  explicit log_context_scope(std::string correlation_id, std::vector<log_field> fields = {});
  ~log_context_scope();  // restores the enclosing scope's context
  log_context_scope(const log_context_scope&) = delete;
  log_context_scope& operator=(const log_context_scope&) = delete;

 private:
  const log_context_scope* previous_;
  std::string correlation_id_;
  std::vector<log_field> fields_;

  friend std::string_view current_correlation_id() noexcept;
  friend const std::vector<log_field>& current_log_fields() noexcept;
};

// "" outside any scope.
std::string_view current_correlation_id() noexcept;
const std::vector<log_field>& current_log_fields() noexcept;

// A logger bound to one correlation id: every line it writes carries it, plus per-line fields.
class correlated_logger {
 public:
  correlated_logger(std::shared_ptr<spdlog::logger> logger, std::string correlation_id);

  void log(spdlog::level::level_enum level, std::string_view message,
           std::initializer_list<log_field> fields = {}) const;
  void debug(std::string_view m, std::initializer_list<log_field> f = {}) const {
    log(spdlog::level::debug, m, f);
  }
  void info(std::string_view m, std::initializer_list<log_field> f = {}) const {
    log(spdlog::level::info, m, f);
  }
  void warn(std::string_view m, std::initializer_list<log_field> f = {}) const {
    log(spdlog::level::warn, m, f);
  }
  void error(std::string_view m, std::initializer_list<log_field> f = {}) const {
    log(spdlog::level::err, m, f);
  }
  const std::string& correlation_id() const noexcept { return correlation_id_; }

 private:
  std::shared_ptr<spdlog::logger> logger_;
  std::string correlation_id_;
};

}  // namespace erpc

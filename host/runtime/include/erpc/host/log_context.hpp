// SPDX-License-Identifier: Apache-2.0
// The correlation id (and structured fields) that the host log formatters put on every line
// logged from this thread while a scope is alive. spdlog 1.10 has no MDC; a thread-local is
// safe here because the host's loggers are synchronous (formatted on the calling thread).
// The dispatcher opens one around each message, so every line logged while it is handled (an
// in-process adapter's lines through the host log service included) carries its correlation
// id. A scope may also name sensitive values (the message's encrypted fields): the host
// formatters mask them in every line logged inside it, nested scopes included.
#pragma once

#include <cstddef>
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

// This thread's context as values, to re-open on another thread that works on the caller's
// behalf (the worker running an in-process adapter call): masked values of every enclosing
// scope included.
struct log_context_snapshot {
  std::string correlation_id;
  std::vector<log_field> fields;
  std::vector<std::string> masked_values;
};
log_context_snapshot capture_log_context();

class log_context_scope {
 public:
  // Values shorter than min_masked_length are not masked (they would mangle ordinary text).
  static constexpr std::size_t min_masked_length = 4;

  explicit log_context_scope(std::string correlation_id, std::vector<log_field> fields = {},
                             std::vector<std::string> masked_values = {});
  explicit log_context_scope(log_context_snapshot snapshot);
  ~log_context_scope();  // restores the enclosing scope's context
  log_context_scope(const log_context_scope&) = delete;
  log_context_scope& operator=(const log_context_scope&) = delete;

 private:
  const log_context_scope* previous_;
  std::string correlation_id_;
  std::vector<log_field> fields_;
  std::vector<std::string> masked_values_;

  friend std::string_view current_correlation_id() noexcept;
  friend const std::vector<log_field>& current_log_fields() noexcept;
  friend std::string mask_current_values(std::string_view text);
  friend log_context_snapshot capture_log_context();
};

// "" outside any scope.
std::string_view current_correlation_id() noexcept;
const std::vector<log_field>& current_log_fields() noexcept;
// `text` with every masked value of this thread's scopes (innermost outwards) replaced by
// "****".
std::string mask_current_values(std::string_view text);

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

// SPDX-License-Identifier: Apache-2.0
#include "erpc/host/log_context.hpp"

#include <spdlog/logger.h>

namespace erpc {

namespace {
thread_local const log_context_scope* current_scope = nullptr;
const std::vector<log_field> no_fields;
}  // namespace

log_context_scope::log_context_scope(std::string correlation_id, std::vector<log_field> fields,
                                     std::vector<std::string> masked_values)
    : previous_(current_scope),
      correlation_id_(std::move(correlation_id)),
      fields_(std::move(fields)) {
  for (auto& value : masked_values) {
    if (value.size() >= min_masked_length) masked_values_.push_back(std::move(value));
  }
  current_scope = this;
}

log_context_scope::log_context_scope(log_context_snapshot snapshot)
    : log_context_scope(std::move(snapshot.correlation_id), std::move(snapshot.fields),
                        std::move(snapshot.masked_values)) {}

log_context_snapshot capture_log_context() {
  log_context_snapshot snapshot;
  if (current_scope == nullptr) return snapshot;
  snapshot.correlation_id = current_scope->correlation_id_;
  snapshot.fields = current_scope->fields_;
  for (const log_context_scope* scope = current_scope; scope != nullptr;
       scope = scope->previous_) {
    snapshot.masked_values.insert(snapshot.masked_values.end(), scope->masked_values_.begin(),
                                  scope->masked_values_.end());
  }
  return snapshot;
}

std::string mask_current_values(std::string_view text) {
  std::string out(text);
  for (const log_context_scope* scope = current_scope; scope != nullptr;
       scope = scope->previous_) {
    for (const auto& value : scope->masked_values_) {
      for (std::size_t at = out.find(value); at != std::string::npos;
           at = out.find(value, at + 4)) {
        out.replace(at, value.size(), "****");
      }
    }
  }
  return out;
}

log_context_scope::~log_context_scope() { current_scope = previous_; }

std::string_view current_correlation_id() noexcept {
  return current_scope ? std::string_view(current_scope->correlation_id_) : std::string_view{};
}

const std::vector<log_field>& current_log_fields() noexcept {
  return current_scope ? current_scope->fields_ : no_fields;
}

correlated_logger::correlated_logger(std::shared_ptr<spdlog::logger> logger,
                                     std::string correlation_id)
    : logger_(std::move(logger)), correlation_id_(std::move(correlation_id)) {}

void correlated_logger::log(spdlog::level::level_enum level, std::string_view message,
                            std::initializer_list<log_field> fields) const {
  if (!logger_ || !logger_->should_log(level)) return;
  // Fields of an enclosing scope stay; this line's fields come after them.
  std::vector<log_field> all = current_log_fields();
  all.insert(all.end(), fields.begin(), fields.end());
  log_context_scope scope(correlation_id_, std::move(all));
  logger_->log(level, spdlog::string_view_t(message.data(), message.size()));
}

}  // namespace erpc

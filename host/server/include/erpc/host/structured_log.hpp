// SPDX-License-Identifier: Apache-2.0
// The host's log line formats and the redacting sink every host logger writes through.
//   text: 2024-05-01T12:00:00.123Z info [4bf92f3577b34da6a3ce929d0e0e4736] message key=value
//   json: {"ts":"2024-05-01T12:00:00.123Z","level":"info","correlation_id":"4bf9…",
//          "logger":"erpc","msg":"message","fields":{"key":"value"}}   (one object per line)
// Timestamps are UTC with milliseconds. The correlation id and fields come from log_context.
// Secrets the redactor knows are masked in the message and every field before escaping, then
// in the finished line again, so no sink behind it can see one.
#pragma once

#include <erpc/host/secret_redactor.hpp>

#include <spdlog/common.h>
#include <spdlog/formatter.h>
#include <spdlog/sinks/base_sink.h>

#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace spdlog {
class logger;
}

namespace erpc {

enum class log_format { text, json };
// "text" | "json"; nullopt otherwise.
std::optional<log_format> log_format_from_string(std::string_view name) noexcept;

// A formatter for `format` that masks what `redactor` knows (redactor may be null).
std::unique_ptr<spdlog::formatter> make_log_formatter(
    log_format format, std::shared_ptr<const secret_redactor> redactor);

// Formats each record with its formatter, masks secrets in the line and hands the finished
// line to `inner` (whose own formatter is replaced by a pass-through).
class redacting_sink final : public spdlog::sinks::base_sink<std::mutex> {
 public:
  redacting_sink(spdlog::sink_ptr inner, log_format format,
                 std::shared_ptr<const secret_redactor> redactor);

 protected:
  void sink_it_(const spdlog::details::log_msg& msg) override;
  void flush_() override;

 private:
  spdlog::sink_ptr inner_;
  std::shared_ptr<const secret_redactor> redactor_;
};

// A synchronous logger named `name` whose every sink is wrapped in a redacting_sink.
std::shared_ptr<spdlog::logger> make_host_logger(
    std::string name, log_format format, std::shared_ptr<const secret_redactor> redactor,
    std::vector<spdlog::sink_ptr> sinks, spdlog::level::level_enum level = spdlog::level::info);

}  // namespace erpc

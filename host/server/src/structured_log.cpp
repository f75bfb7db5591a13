// SPDX-License-Identifier: Apache-2.0
#include "erpc/host/structured_log.hpp"

#include "erpc/host/log_context.hpp"

#include <nlohmann/json.hpp>
#include <spdlog/logger.h>
#include <spdlog/pattern_formatter.h>

#include <chrono>
#include <ctime>

namespace erpc {

namespace {

// 2024-05-01T12:00:00.123Z
void append_utc_timestamp(spdlog::log_clock::time_point tp, std::string& out) {
  const auto since_epoch = tp.time_since_epoch();
  const auto secs = std::chrono::duration_cast<std::chrono::seconds>(since_epoch);
  const auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(since_epoch - secs);
  const std::time_t t = static_cast<std::time_t>(secs.count());
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[32];
  const std::size_t n = std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%S", &tm);
  out.append(buf, n);
  char frac[8];
  std::snprintf(frac, sizeof frac, ".%03dZ", static_cast<int>(ms.count()));
  out += frac;
}

std::string_view level_name(spdlog::level::level_enum level) {
  const auto name = spdlog::level::to_string_view(level);
  return {name.data(), name.size()};
}

class host_formatter final : public spdlog::formatter {
 public:
  host_formatter(log_format format, std::shared_ptr<const secret_redactor> redactor)
      : format_(format), redactor_(std::move(redactor)) {}

  void format(const spdlog::details::log_msg& msg, spdlog::memory_buf_t& dest) override {
    const std::string line = format_ == log_format::json ? json_line(msg) : text_line(msg);
    dest.append(line.data(), line.data() + line.size());
  }

  std::unique_ptr<spdlog::formatter> clone() const override {
    return std::make_unique<host_formatter>(format_, redactor_);
  }

 private:
  std::string clean(std::string_view text) const {
    const std::string masked = mask_current_values(text);
    return redactor_ ? redactor_->redact(masked) : masked;
  }

  std::string text_line(const spdlog::details::log_msg& msg) const {
    std::string line;
    append_utc_timestamp(msg.time, line);
    line += ' ';
    line += level_name(msg.level);
    const auto correlation_id = current_correlation_id();
    if (!correlation_id.empty()) {
      line += " [";
      line += correlation_id;
      line += ']';
    }
    line += ' ';
    line.append(msg.payload.data(), msg.payload.size());
    for (const auto& f : current_log_fields()) {
      line += ' ';
      line += f.key;
      line += '=';
      line += f.value;
    }
    // A line is one line: embedded line breaks would let input forge log records.
    for (auto& c : line) {
      if (c == '\n' || c == '\r') c = ' ';
    }
    line = clean(line);
    line += '\n';
    return line;
  }

  std::string json_line(const spdlog::details::log_msg& msg) const {
    std::string ts;
    append_utc_timestamp(msg.time, ts);
    nlohmann::ordered_json j;
    j["ts"] = ts;
    j["level"] = level_name(msg.level);
    j["correlation_id"] = clean(current_correlation_id());
    j["logger"] = clean(std::string_view(msg.logger_name.data(), msg.logger_name.size()));
    j["msg"] = clean(std::string_view(msg.payload.data(), msg.payload.size()));
    const auto& fields = current_log_fields();
    if (!fields.empty()) {
      auto& out = j["fields"] = nlohmann::ordered_json::object();
      for (const auto& f : fields) out[clean(f.key)] = clean(f.value);
    }
    std::string line = j.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
    line += '\n';
    return line;
  }

  log_format format_;
  std::shared_ptr<const secret_redactor> redactor_;
};

}  // namespace

std::optional<log_format> log_format_from_string(std::string_view name) noexcept {
  if (name == "text") return log_format::text;
  if (name == "json") return log_format::json;
  return std::nullopt;
}

std::unique_ptr<spdlog::formatter> make_log_formatter(
    log_format format, std::shared_ptr<const secret_redactor> redactor) {
  return std::make_unique<host_formatter>(format, std::move(redactor));
}

redacting_sink::redacting_sink(spdlog::sink_ptr inner, log_format format,
                               std::shared_ptr<const secret_redactor> redactor)
    : inner_(std::move(inner)), redactor_(std::move(redactor)) {
  formatter_ = make_log_formatter(format, redactor_);
  // The inner sink writes our finished line as it is.
  inner_->set_formatter(
      std::make_unique<spdlog::pattern_formatter>("%v", spdlog::pattern_time_type::utc, ""));
}

void redacting_sink::sink_it_(const spdlog::details::log_msg& msg) {
  spdlog::memory_buf_t formatted;
  formatter_->format(msg, formatted);
  std::string line(formatted.data(), formatted.size());
  // Second pass over the whole line: covers a formatter set later through set_pattern.
  if (redactor_) line = redactor_->redact(line);
  spdlog::details::log_msg out(msg.time, msg.source, msg.logger_name, msg.level,
                               spdlog::string_view_t(line.data(), line.size()));
  inner_->log(out);
}

void redacting_sink::flush_() { inner_->flush(); }

std::shared_ptr<spdlog::logger> make_host_logger(
    std::string name, log_format format, std::shared_ptr<const secret_redactor> redactor,
    std::vector<spdlog::sink_ptr> sinks, spdlog::level::level_enum level) {
  std::vector<spdlog::sink_ptr> wrapped;
  wrapped.reserve(sinks.size());
  for (auto& sink : sinks) {
    wrapped.push_back(std::make_shared<redacting_sink>(std::move(sink), format, redactor));
  }
  auto logger = std::make_shared<spdlog::logger>(std::move(name), wrapped.begin(), wrapped.end());
  logger->set_level(level);
  return logger;
}

}  // namespace erpc

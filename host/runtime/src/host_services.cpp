#include "erpc/host/host_services.hpp"

#include <erpc/error.hpp>
#include <erpc/error_abi.hpp>
#include <erpc/host/call_state.hpp>
#include <erpc/host/files_service.hpp>
#include <erpc/host/log_context.hpp>

#include <spdlog/spdlog.h>

namespace erpc {
namespace {

const host_services& self_of(const void* host_data) {
  return *static_cast<const host_services*>(host_data);
}

spdlog::level::level_enum to_spdlog(std::uint32_t level) {
  switch (level) {
    case ERPC_LOG_TRACE: return spdlog::level::trace;
    case ERPC_LOG_DEBUG: return spdlog::level::debug;
    case ERPC_LOG_INFO: return spdlog::level::info;
    case ERPC_LOG_WARN: return spdlog::level::warn;
    default: return spdlog::level::err;
  }
}

using error_sink_fn = void (*)(void*, const erpc_error_v1*);

void report(error_sink_fn sink, void* user, const error& e) {
  if (sink == nullptr) return;
  with_abi_error(e, [&](const erpc_error_v1& abi) { sink(user, &abi); });
}

// Runs a files operation for the connection behind `call`, reporting failures through the sink.
template <class Body>
std::int32_t files_guard(const erpc_call_v1* call, error_sink_fn sink, void* user, Body&& body) {
  try {
    const call_state* state = call_state::from_abi(call);
    body(state != nullptr ? std::filesystem::path(state->files_root()) : std::filesystem::path());
    return 0;
  } catch (const error& e) {
    report(sink, user, e);
  } catch (const std::exception& e) {
    report(sink, user, error(error_class::internal, "files.failed", e.what()));
  }
  return 1;
}

}  // namespace

host_services::host_services(std::shared_ptr<spdlog::logger> logger, const host_clock& clock,
                             secret_redactor& redactor)
    : logger_(std::move(logger)), clock_source_(clock), redactor_(redactor), resolver_(redactor) {
  log_.struct_size = sizeof log_;
  log_.host_data = this;
  log_.log = [](const erpc_host_log_v1* self, const erpc_call_v1* call, std::uint32_t level,
                const char* message, size_t len) {
    try {
      const auto& s = self_of(self->host_data);
      const std::string text = s.redactor_.redact(std::string_view(message, message ? len : 0));
      const char* correlation = call && call->correlation_id ? call->correlation_id : "";
      // The call's correlation id becomes the line's correlation_id field (log_context.hpp);
      // an enclosing scope's fields and masked values (the dispatcher's) still apply. The
      // "[id]" prefix stays in the text for loggers without the host formatter.
      const log_context_scope scope(correlation, current_log_fields());
      s.logger_->log(to_spdlog(level), "[{}] adapter: {}", correlation, text);
    } catch (...) {
      // Logging must never take an adapter call down.
    }
  };

  secrets_.struct_size = sizeof secrets_;
  secrets_.host_data = this;
  secrets_.resolve = [](const erpc_host_secrets_v1* self, const char* reference,
                        erpc_secret_sink_v1 sink, void* user,
                        void (*error_sink)(void*, const erpc_error_v1*)) -> std::int32_t {
    try {
      const auto& s = self_of(self->host_data);
      const std::string value = s.resolver_.resolve(reference != nullptr ? reference : "");
      if (sink != nullptr) sink(user, value.data(), value.size());
      return 0;
    } catch (const error& e) {
      report(error_sink, user, e);
    } catch (const std::exception& e) {
      report(error_sink, user, error(error_class::internal, "secrets.failed", e.what()));
    }
    return 1;
  };

  clock_.struct_size = sizeof clock_;
  clock_.host_data = this;
  clock_.now_unix_ms = [](const erpc_host_clock_v1* self) {
    return self_of(self->host_data).clock_source_.now_unix_ms();
  };
  clock_.monotonic_ns = [](const erpc_host_clock_v1* self) {
    return self_of(self->host_data).clock_source_.monotonic_ns();
  };

  files_.struct_size = sizeof files_;
  files_.host_data = this;
  files_.read = [](const erpc_host_files_v1*, const erpc_call_v1* call, const char* path,
                   size_t max_bytes, erpc_bytes_sink_v1 sink, void* user,
                   error_sink_fn error_sink) -> std::int32_t {
    return files_guard(call, error_sink, user, [&](const std::filesystem::path& root) {
      const std::string data = files_service::read(root, path ? path : "", max_bytes);
      if (sink != nullptr) sink(user, data.data(), data.size());
    });
  };
  files_.write = [](const erpc_host_files_v1*, const erpc_call_v1* call, const char* path,
                    const char* data, size_t len, std::int32_t overwrite, void* user,
                    error_sink_fn error_sink) -> std::int32_t {
    return files_guard(call, error_sink, user, [&](const std::filesystem::path& root) {
      files_service::write(root, path ? path : "", std::string_view(data ? data : "", len),
                           overwrite != 0);
    });
  };
  files_.list = [](const erpc_host_files_v1*, const erpc_call_v1* call, const char* directory,
                   erpc_bytes_sink_v1 sink, void* user,
                   error_sink_fn error_sink) -> std::int32_t {
    return files_guard(call, error_sink, user, [&](const std::filesystem::path& root) {
      for (const auto& name : files_service::list(root, directory ? directory : "")) {
        if (sink != nullptr) sink(user, name.data(), name.size());
      }
    });
  };
}

std::vector<std::pair<std::string, const void*>> host_services::tables() const {
  return {{ERPC_HOST_LOG_V1, &log_},
          {ERPC_HOST_SECRETS_V1, &secrets_},
          {ERPC_HOST_CLOCK_V1, &clock_},
          {ERPC_HOST_FILES_V1, &files_}};
}

}  // namespace erpc

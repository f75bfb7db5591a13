// SPDX-License-Identifier: Apache-2.0
// The host's side of isolation mode (docs/design/runtime.md): what an adapter running in its
// own `erpc __worker` process sends up the pipe is read by the host as a frame and, for a
// service_call, served with the host's services. An adapter there is not trusted: whatever
// frame it sends, the host must answer it, refuse it with isolation.bad_frame, or report an
// erpc::error — never crash, hang or let a foreign exception out. Errors that crossed the pipe
// (error_from_json) are read without ever throwing, and bytes inside frames (base64) either
// decode or are refused.
//
// The services are harmless stand-ins with the ABI's shapes (log, secrets, clock, HTTP, files),
// so the fuzzer exercises the frame handling, not the network or the disk.
#include "base64_bytes.hpp"
#include "error_json.hpp"
#include "service_server.hpp"

#include <erpc/abi.h>
#include <erpc/error.hpp>
#include <erpc/host/host_table.hpp>
#include <erpc/host/strict_json.hpp>

#include <nlohmann/json.hpp>

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <string>
#include <string_view>

namespace {

void require(bool holds) {
  if (!holds) std::abort();
}

// --- stand-in services ------------------------------------------------------------------------

void log_line(const erpc_host_log_v1*, const erpc_call_v1*, uint32_t level, const char* message,
              size_t len) {
  require(level <= ERPC_LOG_ERROR);
  require(message != nullptr || len == 0);
}

int32_t resolve_secret(const erpc_host_secrets_v1*, const char* reference,
                       erpc_secret_sink_v1 sink, void* user,
                       void (*)(void*, const erpc_error_v1*)) {
  if (std::strcmp(reference, "env:KNOWN") != 0) return 1;  // failure without a described error
  sink(user, "s3cr3t", 6);
  return 0;
}

int64_t now_unix_ms(const erpc_host_clock_v1*) { return 1'772'323'200'000; }
int64_t monotonic_ns(const erpc_host_clock_v1*) { return 42; }

void http_send(const erpc_host_http_v1*, const erpc_call_v1*, const erpc_http_request_v1* request,
               erpc_http_sink_v1 sink, void* user) {
  require(request->method != nullptr && request->url != nullptr);
  require(request->body != nullptr || request->body_len == 0);
  for (size_t i = 0; i < request->header_count; ++i) {
    require(request->headers[i].name != nullptr && request->headers[i].value != nullptr);
  }
  const erpc_http_header_v1 headers[] = {{"Content-Type", "application/json"}};
  erpc_http_response_v1 response{};
  response.struct_size = sizeof response;
  response.transport = ERPC_HTTP_OK;
  response.request_sent = 1;
  response.status = 200;
  response.headers = headers;
  response.header_count = 1;
  response.body = "{}";
  response.body_len = 2;
  response.transport_message = "";
  // Twice: the server must keep the first answer (the ABI's exactly-once sink rule).
  sink(user, &response);
  sink(user, &response);
}

int32_t file_read(const erpc_host_files_v1*, const erpc_call_v1*, const char* path, size_t,
                  erpc_bytes_sink_v1 sink, void* user, void (*)(void*, const erpc_error_v1*)) {
  if (std::strcmp(path, "in/a.xml") != 0) return 1;
  sink(user, "<a/>", 4);
  return 0;
}

int32_t file_write(const erpc_host_files_v1*, const erpc_call_v1*, const char* path,
                   const char* data, size_t len, int32_t, void*,
                   void (*)(void*, const erpc_error_v1*)) {
  require(path != nullptr && (data != nullptr || len == 0));
  return 0;
}

int32_t file_list(const erpc_host_files_v1*, const erpc_call_v1*, const char*,
                  erpc_bytes_sink_v1 sink, void* user, void (*)(void*, const erpc_error_v1*)) {
  sink(user, "a.xml", 5);
  return 0;
}

const erpc_host_log_v1 log_service{sizeof(erpc_host_log_v1), 0, log_line, nullptr};
const erpc_host_secrets_v1 secrets_service{sizeof(erpc_host_secrets_v1), 0, resolve_secret,
                                           nullptr};
const erpc_host_clock_v1 clock_service{sizeof(erpc_host_clock_v1), 0, now_unix_ms, monotonic_ns,
                                       nullptr};
const erpc_host_http_v1 http_service{sizeof(erpc_host_http_v1), 0, http_send, nullptr};
const erpc_host_files_v1 files_service{sizeof(erpc_host_files_v1), 0, file_read, file_write,
                                       file_list, nullptr};

const erpc::host_table& services() {
  static erpc::host_table* table = [] {
    auto* t = new erpc::host_table();
    t->register_service(ERPC_HOST_LOG_V1, &log_service);
    t->register_service(ERPC_HOST_SECRETS_V1, &secrets_service);
    t->register_service(ERPC_HOST_CLOCK_V1, &clock_service);
    t->register_service(ERPC_HOST_HTTP_V1, &http_service);
    t->register_service(ERPC_HOST_FILES_V1, &files_service);
    return t;
  }();
  return *table;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  nlohmann::json frame;
  try {
    frame = erpc::parse_strict(text, erpc::json_limits{std::size_t{64} * 1024, 64});
  } catch (const erpc::error& e) {
    require(e.code().rfind("json.", 0) == 0);
    return 0;
  }

  // An error frame is read whatever it holds.
  const erpc::error read_back = erpc::error_from_json(frame);
  require(!read_back.code().empty());

  if (frame.is_string()) {
    try {
      (void)erpc::decode_frame_bytes(frame.get<std::string>());
    } catch (const erpc::error& e) {
      require(e.code() == "isolation.bad_frame");
    }
  }

  try {
    const auto answer = erpc::serve_service_call(frame, &services(), nullptr);
    if (answer) {
      require(answer->at("type") == "service_result");
      require(answer->at("ok").is_boolean());
      if (!answer->at("ok").get<bool>()) {
        require(!answer->at("error").at("code").get<std::string>().empty());
      }
      // What goes back down the pipe must never carry a resolved secret unencoded. A frame
      // that itself holds the stand-in's bytes may see them echoed (an unknown service's name
      // is quoted back to the worker that sent it), which leaks nothing the worker lacked.
      if (text.find("s3cr3t") == std::string_view::npos) {
        require(answer->dump().find("s3cr3t") == std::string::npos);
      }
    }
  } catch (const erpc::error& e) {
    require(e.code() == "isolation.bad_frame");
  }
  return 0;
}

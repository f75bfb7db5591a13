#include "service_proxies.hpp"

#include "base64_bytes.hpp"

#include <erpc/host/base64.hpp>

#include <erpc/error.hpp>
#include <erpc/error_abi.hpp>

namespace erpc {
namespace {

using error_sink_fn = void (*)(void*, const erpc_error_v1*);

worker_channel& channel_of(void* host_data) { return *static_cast<worker_channel*>(host_data); }

void report(error_sink_fn sink, void* user, const error& e) {
  if (sink == nullptr) return;
  with_abi_error(e, [&](const erpc_error_v1& abi) { sink(user, &abi); });
}

// Runs a proxied call that reports failure through an error sink and a non-zero status.
template <class Body>
std::int32_t guarded(error_sink_fn sink, void* user, Body&& body) {
  try {
    body();
    return 0;
  } catch (const error& e) {
    report(sink, user, e);
  } catch (const std::exception& e) {
    report(sink, user, error(error_class::internal, "isolation.proxy_failed", e.what()));
  }
  return 1;
}

std::string string_arg(const nlohmann::json& value, const char* key) {
  const auto it = value.find(key);
  if (it == value.end() || !it->is_string()) {
    throw error(error_class::internal, "isolation.bad_frame",
                std::string("a service result lacks the string \"") + key + "\"");
  }
  return it->get<std::string>();
}

void http_failed(erpc_http_sink_v1 sink, void* user, const std::string& why) {
  erpc_http_response_v1 r{};
  r.struct_size = sizeof r;
  r.transport = ERPC_HTTP_FAILED;
  r.request_sent = 0;
  r.body = "";
  r.transport_message = why.c_str();
  sink(user, &r);
}

}  // namespace

service_proxies::service_proxies(worker_channel& channel) {
  log_.struct_size = sizeof log_;
  log_.host_data = &channel;
  log_.log = [](const erpc_host_log_v1* self, const erpc_call_v1*, std::uint32_t level,
                const char* message, size_t len) {
    try {
      channel_of(self->host_data)
          .notify("log", {{"level", level},
                          {"message", std::string(message != nullptr ? message : "",
                                                  message != nullptr ? len : 0)}});
    } catch (...) {
      // Logging must never take an adapter call down.
    }
  };

  secrets_.struct_size = sizeof secrets_;
  secrets_.host_data = &channel;
  secrets_.resolve = [](const erpc_host_secrets_v1* self, const char* reference,
                        erpc_secret_sink_v1 sink, void* user,
                        error_sink_fn error_sink) -> std::int32_t {
    return guarded(error_sink, user, [&] {
      const auto value = channel_of(self->host_data)
                             .call("secrets.resolve",
                                   {{"reference", reference != nullptr ? reference : ""}});
      const std::string secret = decode_frame_bytes(string_arg(value, "value_base64"));
      if (sink != nullptr) sink(user, secret.data(), secret.size());
    });
  };

  clock_.struct_size = sizeof clock_;
  clock_.host_data = &channel;
  clock_.now_unix_ms = [](const erpc_host_clock_v1* self) -> std::int64_t {
    try {
      return channel_of(self->host_data).call("clock.now_unix_ms", nlohmann::json::object())
          .get<std::int64_t>();
    } catch (...) {
      return 0;
    }
  };
  clock_.monotonic_ns = [](const erpc_host_clock_v1* self) -> std::int64_t {
    try {
      return channel_of(self->host_data).call("clock.monotonic_ns", nlohmann::json::object())
          .get<std::int64_t>();
    } catch (...) {
      return 0;
    }
  };

  http_.struct_size = sizeof http_;
  http_.host_data = &channel;
  http_.send = [](const erpc_host_http_v1* self, const erpc_call_v1*,
                  const erpc_http_request_v1* request, erpc_http_sink_v1 sink, void* user) {
    if (sink == nullptr) return;
    erpc_http_request_v1 req{};
    if (request != nullptr) {
      std::memcpy(&req, request,
                  request->struct_size < sizeof req ? request->struct_size : sizeof req);
    }
    nlohmann::json value;
    try {
      nlohmann::json headers = nlohmann::json::array();
      for (std::size_t i = 0; i < req.header_count && req.headers != nullptr; ++i) {
        headers.push_back({req.headers[i].name ? req.headers[i].name : "",
                           req.headers[i].value ? req.headers[i].value : ""});
      }
      value = channel_of(self->host_data)
                  .call("http.send",
                        {{"method", req.method ? req.method : ""},
                         {"url", req.url ? req.url : ""},
                         {"headers", std::move(headers)},
                         {"body_base64", base64_encode(std::string_view(
                                             req.body ? req.body : "", req.body ? req.body_len : 0))},
                         {"timeout_ms", req.timeout_ms}});
    } catch (const std::exception& e) {
      http_failed(sink, user, std::string("isolation: ") + e.what());
      return;
    }
    try {
      std::vector<std::pair<std::string, std::string>> header_text;
      if (auto it = value.find("headers"); it != value.end() && it->is_array()) {
        for (const auto& h : *it) {
          if (h.is_array() && h.size() == 2 && h[0].is_string() && h[1].is_string()) {
            header_text.emplace_back(h[0].get<std::string>(), h[1].get<std::string>());
          }
        }
      }
      std::vector<erpc_http_header_v1> header_views;
      for (const auto& [n, v] : header_text) header_views.push_back({n.c_str(), v.c_str()});
      const std::string body = decode_frame_bytes(string_arg(value, "body_base64"));
      const std::string message = string_arg(value, "transport_message");
      erpc_http_response_v1 r{};
      r.struct_size = sizeof r;
      r.transport = value.at("transport").get<std::uint32_t>();
      r.request_sent = value.at("request_sent").get<bool>() ? 1u : 0u;
      r.status = value.at("status").get<std::uint32_t>();
      r.headers = header_views.empty() ? nullptr : header_views.data();
      r.header_count = header_views.size();
      r.body = body.data();
      r.body_len = body.size();
      r.transport_message = message.c_str();
      sink(user, &r);
    } catch (const std::exception& e) {
      // The request went to the parent and its answer is unreadable: it may have been sent.
      erpc_http_response_v1 r{};
      r.struct_size = sizeof r;
      r.transport = ERPC_HTTP_FAILED;
      r.request_sent = 1;
      r.body = "";
      const std::string why = std::string("isolation: unreadable HTTP result: ") + e.what();
      r.transport_message = why.c_str();
      sink(user, &r);
    }
  };

  files_.struct_size = sizeof files_;
  files_.host_data = &channel;
  files_.read = [](const erpc_host_files_v1* self, const erpc_call_v1*, const char* path,
                   size_t max_bytes, erpc_bytes_sink_v1 sink, void* user,
                   error_sink_fn error_sink) -> std::int32_t {
    return guarded(error_sink, user, [&] {
      const auto value = channel_of(self->host_data)
                             .call("files.read", {{"path", path ? path : ""},
                                                  {"max_bytes", std::uint64_t{max_bytes}}});
      const std::string data = decode_frame_bytes(string_arg(value, "data_base64"));
      if (sink != nullptr) sink(user, data.data(), data.size());
    });
  };
  files_.write = [](const erpc_host_files_v1* self, const erpc_call_v1*, const char* path,
                    const char* data, size_t len, std::int32_t overwrite, void* user,
                    error_sink_fn error_sink) -> std::int32_t {
    return guarded(error_sink, user, [&] {
      channel_of(self->host_data)
          .call("files.write",
                {{"path", path ? path : ""},
                 {"data_base64", base64_encode(std::string_view(data ? data : "", data ? len : 0))},
                 {"overwrite", overwrite != 0}});
    });
  };
  files_.list = [](const erpc_host_files_v1* self, const erpc_call_v1*, const char* directory,
                   erpc_bytes_sink_v1 sink, void* user,
                   error_sink_fn error_sink) -> std::int32_t {
    return guarded(error_sink, user, [&] {
      const auto value = channel_of(self->host_data)
                             .call("files.list", {{"directory", directory ? directory : ""}});
      const auto names = value.find("names");
      if (names == value.end() || !names->is_array()) {
        throw error(error_class::internal, "isolation.bad_frame",
                    "a files.list result lacks \"names\"");
      }
      for (const auto& n : *names) {
        const std::string name = n.is_string() ? n.get<std::string>() : std::string();
        if (sink != nullptr) sink(user, name.data(), name.size());
      }
    });
  };
}

std::vector<std::pair<std::string, const void*>> service_proxies::tables() const {
  return {{ERPC_HOST_LOG_V1, &log_},
          {ERPC_HOST_SECRETS_V1, &secrets_},
          {ERPC_HOST_CLOCK_V1, &clock_},
          {ERPC_HOST_HTTP_V1, &http_},
          {ERPC_HOST_FILES_V1, &files_}};
}

}  // namespace erpc

#include "service_server.hpp"

#include "base64_bytes.hpp"

#include <erpc/host/base64.hpp>

#include <erpc/error.hpp>
#include <erpc/error_abi.hpp>
#include <erpc/host/host_table.hpp>

#include <algorithm>
#include <cstring>
#include <string>
#include <vector>

namespace erpc {
namespace {

[[noreturn]] void malformed(const std::string& why) {
  throw error(error_class::internal, "isolation.bad_frame", "a service_call " + why)
      .with_effect(effect::none);
}

const nlohmann::json& member(const nlohmann::json& object, const char* key) {
  const auto it = object.find(key);
  if (it == object.end()) malformed(std::string("lacks \"") + key + "\"");
  return *it;
}

std::string text(const nlohmann::json& args, const char* key) {
  const auto& v = member(args, key);
  if (!v.is_string()) malformed(std::string("has a non-string \"") + key + "\"");
  return v.get<std::string>();
}

std::int64_t integer(const nlohmann::json& args, const char* key) {
  const auto& v = member(args, key);
  if (!v.is_number_integer()) malformed(std::string("has a non-integer \"") + key + "\"");
  return v.get<std::int64_t>();
}

bool boolean(const nlohmann::json& args, const char* key) {
  const auto& v = member(args, key);
  if (!v.is_boolean()) malformed(std::string("has a non-boolean \"") + key + "\"");
  return v.get<bool>();
}

template <class Table>
const Table& service(const host_table* services, const char* id) {
  const void* found = services != nullptr ? services->find(id) : nullptr;
  if (found == nullptr) {
    throw error(error_class::configuration, "isolation.service_unavailable",
                std::string("the host offers no ") + id + " service")
        .with_effect(effect::none);
  }
  return *static_cast<const Table*>(found);
}

// Collects what an ABI error sink reports.
struct error_slot {
  std::optional<error> failure;
  static void sink(void* user, const erpc_error_v1* e) {
    static_cast<error_slot*>(user)->failure = error_from_abi(e);
  }
  error take(const char* fallback_code) {
    if (failure) return std::move(*failure);
    return error(error_class::internal, fallback_code, "the service failed without saying why");
  }
};

nlohmann::json http_send(const host_table* services, const erpc_call_v1* call,
                         const nlohmann::json& args) {
  const auto& http = service<erpc_host_http_v1>(services, ERPC_HOST_HTTP_V1);
  const std::string method = text(args, "method");
  const std::string url = text(args, "url");
  const std::string body = decode_frame_bytes(text(args, "body_base64"));
  const auto& header_list = member(args, "headers");
  if (!header_list.is_array()) malformed("has non-array \"headers\"");
  std::vector<std::string> header_text;
  for (const auto& h : header_list) {
    if (!h.is_array() || h.size() != 2 || !h[0].is_string() || !h[1].is_string()) {
      malformed("has a header that is not [name, value]");
    }
    header_text.push_back(h[0].get<std::string>());
    header_text.push_back(h[1].get<std::string>());
  }
  std::vector<erpc_http_header_v1> headers;
  for (std::size_t i = 0; i < header_text.size(); i += 2) {
    headers.push_back({header_text[i].c_str(), header_text[i + 1].c_str()});
  }
  erpc_http_request_v1 request{};
  request.struct_size = sizeof request;
  request.method = method.c_str();
  request.url = url.c_str();
  request.headers = headers.empty() ? nullptr : headers.data();
  request.header_count = headers.size();
  request.body = body.empty() ? nullptr : body.data();
  request.body_len = body.size();
  request.timeout_ms = integer(args, "timeout_ms");

  std::optional<nlohmann::json> result;
  http.send(&http, call, &request,
            [](void* user, const erpc_http_response_v1* r) {
              auto& out = *static_cast<std::optional<nlohmann::json>*>(user);
              if (out || r == nullptr) return;
              erpc_http_response_v1 copy{};
              std::memcpy(&copy, r, r->struct_size < sizeof copy ? r->struct_size : sizeof copy);
              nlohmann::json response_headers = nlohmann::json::array();
              for (std::size_t i = 0; i < copy.header_count && copy.headers != nullptr; ++i) {
                response_headers.push_back({copy.headers[i].name ? copy.headers[i].name : "",
                                            copy.headers[i].value ? copy.headers[i].value : ""});
              }
              out = nlohmann::json{
                  {"transport", copy.transport},
                  {"request_sent", copy.request_sent != 0},
                  {"status", copy.status},
                  {"headers", std::move(response_headers)},
                  {"body_base64",
                   base64_encode(std::string_view(copy.body ? copy.body : "",
                                                  copy.body ? copy.body_len : 0))},
                  {"transport_message",
                   copy.transport_message ? copy.transport_message : ""}};
            },
            &result);
  if (!result) {
    // The service broke its exactly-once sink rule: nothing is known, so it may have been sent.
    return {{"transport", ERPC_HTTP_FAILED}, {"request_sent", true}, {"status", 0},
            {"headers", nlohmann::json::array()}, {"body_base64", ""},
            {"transport_message", "the host HTTP service gave no response"}};
  }
  return std::move(*result);
}

nlohmann::json run(const std::string& name, const nlohmann::json& args,
                   const host_table* services, const erpc_call_v1* call) {
  if (name == "secrets.resolve") {
    const auto& secrets = service<erpc_host_secrets_v1>(services, ERPC_HOST_SECRETS_V1);
    const std::string reference = text(args, "reference");
    struct resolved {
      std::string value;
      error_slot failed;
    } r;
    const auto status = secrets.resolve(
        &secrets, reference.c_str(),
        [](void* user, const char* v, size_t len) {
          static_cast<resolved*>(user)->value.assign(v != nullptr ? v : "",
                                                     v != nullptr ? len : 0);
        },
        &r,
        [](void* user, const erpc_error_v1* e) {
          error_slot::sink(&static_cast<resolved*>(user)->failed, e);
        });
    if (status != 0) throw r.failed.take("secrets.failed");
    return {{"value_base64", base64_encode(r.value)}};
  }
  if (name == "clock.now_unix_ms") {
    const auto& clock = service<erpc_host_clock_v1>(services, ERPC_HOST_CLOCK_V1);
    return clock.now_unix_ms(&clock);
  }
  if (name == "clock.monotonic_ns") {
    const auto& clock = service<erpc_host_clock_v1>(services, ERPC_HOST_CLOCK_V1);
    return clock.monotonic_ns(&clock);
  }
  if (name == "http.send") return http_send(services, call, args);
  if (name.starts_with("files.")) {
    const auto& files = service<erpc_host_files_v1>(services, ERPC_HOST_FILES_V1);
    struct collected {
      std::vector<std::string> items;
      error_slot failed;
    } c;
    auto add = [](void* user, const char* data, size_t len) {
      static_cast<collected*>(user)->items.emplace_back(data != nullptr ? data : "",
                                                         data != nullptr ? len : 0);
    };
    auto fail = [](void* user, const erpc_error_v1* e) {
      error_slot::sink(&static_cast<collected*>(user)->failed, e);
    };
    if (name == "files.read") {
      const std::string path = text(args, "path");
      const auto max_bytes = integer(args, "max_bytes");
      if (max_bytes < 0) malformed("has a negative \"max_bytes\"");
      if (files.read(&files, call, path.c_str(), static_cast<std::size_t>(max_bytes), add, &c,
                     fail) != 0) {
        throw c.failed.take("files.failed");
      }
      return {{"data_base64", base64_encode(c.items.empty() ? "" : c.items.front())}};
    }
    if (name == "files.write") {
      const std::string path = text(args, "path");
      const std::string data = decode_frame_bytes(text(args, "data_base64"));
      if (files.write(&files, call, path.c_str(), data.data(), data.size(),
                      boolean(args, "overwrite") ? 1 : 0, &c, fail) != 0) {
        throw c.failed.take("files.failed");
      }
      return nlohmann::json::object();
    }
    if (name == "files.list") {
      const std::string directory = text(args, "directory");
      if (files.list(&files, call, directory.c_str(), add, &c, fail) != 0) {
        throw c.failed.take("files.failed");
      }
      return {{"names", c.items}};
    }
  }
  throw error(error_class::unsupported, "isolation.unknown_service",
              "the worker asked for an unknown service '" + name + "'")
      .with_effect(effect::none);
}

}  // namespace

std::optional<nlohmann::json> serve_service_call(const nlohmann::json& frame,
                                                 const host_table* services,
                                                 const erpc_call_v1* call) {
  const std::string name = text(frame, "service");
  const auto& args = member(frame, "args");
  if (!args.is_object()) malformed("has non-object \"args\"");
  if (name == "log") {
    if (services != nullptr) {
      if (const auto* log = static_cast<const erpc_host_log_v1*>(services->find(ERPC_HOST_LOG_V1))) {
        const std::string message = text(args, "message");
        const auto level = integer(args, "level");
        log->log(log, call, static_cast<std::uint32_t>(std::clamp<std::int64_t>(level, 0, 4)),
                 message.data(), message.size());
      }
    }
    return std::nullopt;
  }
  const auto id = integer(frame, "id");
  try {
    return nlohmann::json{{"type", "service_result"}, {"id", id}, {"ok", true},
                          {"value", run(name, args, services, call)}};
  } catch (const error& e) {
    if (e.code() == "isolation.bad_frame") throw;
    return nlohmann::json{{"type", "service_result"}, {"id", id}, {"ok", false},
                          {"error", error_to_json(e)}};
  }
}

}  // namespace erpc

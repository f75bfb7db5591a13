// SPDX-License-Identifier: Apache-2.0
// The adapter author's HTTP client. It only wraps the host service "erpc.host.http/1": adapters
// never link an HTTP stack, so TLS, proxies, timeouts and tracing stay in one place (the host).
#pragma once

#include <erpc/abi.h>
#include <erpc/detail/http_header_names.hpp>
#include <erpc/detail/http_retry_after.hpp>
#include <erpc/detail/http_url_encode.hpp>
#include <erpc/error.hpp>
#include <erpc/host.hpp>

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace erpc {

using http_headers = std::vector<std::pair<std::string, std::string>>;

struct http_request {
  std::string method = "GET";
  std::string url;  // absolute http(s) URL
  http_headers headers;
  std::string body;  // bytes, binary-safe
  std::int64_t timeout_ms = 0;  // 0: until the call's deadline (30 s outside a call)
};

enum class http_transport : std::uint32_t {
  ok = ERPC_HTTP_OK,
  failed = ERPC_HTTP_FAILED,
  timed_out = ERPC_HTTP_TIMED_OUT,
  bad_request = ERPC_HTTP_BAD_REQUEST,
};

struct http_response {
  http_transport transport = http_transport::failed;
  bool request_sent = true;  // may any byte have reached the server?
  int status = 0;
  http_headers headers;
  std::string body;
  std::string transport_message;

  bool ok() const noexcept { return transport == http_transport::ok; }
  // First header with this name, case-insensitive.
  std::optional<std::string> header(std::string_view name) const {
    for (const auto& [n, v] : headers) {
      if (detail::iequals(n, name)) return v;
    }
    return std::nullopt;
  }
};

namespace detail {
inline http_transport transport_from_abi(std::uint32_t t) noexcept {
  switch (t) {
    case ERPC_HTTP_OK: return http_transport::ok;
    case ERPC_HTTP_TIMED_OUT: return http_transport::timed_out;
    case ERPC_HTTP_BAD_REQUEST: return http_transport::bad_request;
    default: return http_transport::failed;
  }
}

inline void copy_http_response(void* user, const erpc_http_response_v1* r) {
  auto& out = *static_cast<std::optional<http_response>*>(user);
  if (out.has_value() || r == nullptr) return;  // exactly once: a second sink call is ignored
  // abi.h rule 2: read min(struct_size, sizeof) into a zeroed local.
  erpc_http_response_v1 v{};
  std::memcpy(&v, r, std::min<std::size_t>(r->struct_size, sizeof v));
  http_response resp;
  resp.transport = transport_from_abi(v.transport);
  resp.request_sent = resp.transport == http_transport::ok || v.request_sent != 0;
  resp.status = resp.transport == http_transport::ok ? static_cast<int>(v.status) : 0;
  for (std::size_t i = 0; v.headers != nullptr && i < v.header_count; ++i) {
    const auto& h = v.headers[i];
    resp.headers.emplace_back(h.name ? h.name : "", h.value ? h.value : "");
  }
  if (v.body != nullptr) resp.body.assign(v.body, v.body_len);
  if (v.transport_message != nullptr) resp.transport_message = v.transport_message;
  out = std::move(resp);
}
}  // namespace detail

class http_client {
 public:
  explicit http_client(host_ref host) : http_(host.service<erpc_host_http_v1>(ERPC_HOST_HTTP_V1)) {}
  explicit http_client(const erpc_host_http_v1* service) noexcept : http_(service) {}

  bool available() const noexcept { return http_ != nullptr && http_->send != nullptr; }

  // Sends and blocks until the host answers. Transport failures come back in the response
  // (see throw_for_transport); only a missing service throws.
  http_response send(const http_request& req, const erpc_call_v1* call) const {
    if (!available()) {
      throw error(error_class::configuration, "sdk.http_unavailable",
                  "the host offers no erpc.host.http/1 service");
    }
    std::vector<erpc_http_header_v1> headers;
    headers.reserve(req.headers.size());
    for (const auto& [name, value] : req.headers) headers.push_back({name.c_str(), value.c_str()});
    erpc_http_request_v1 abi{};
    abi.struct_size = sizeof abi;
    abi.method = req.method.c_str();
    abi.url = req.url.c_str();
    abi.headers = headers.empty() ? nullptr : headers.data();
    abi.header_count = headers.size();
    abi.body = req.body.empty() ? nullptr : req.body.data();
    abi.body_len = req.body.size();
    abi.timeout_ms = req.timeout_ms;
    std::optional<http_response> out;
    http_->send(http_, call, &abi, &detail::copy_http_response, &out);
    if (!out) {
      // The host broke the exactly-once sink rule; nothing is known, so assume it was sent.
      http_response lost;
      lost.transport_message = "host http service returned without calling the sink";
      return lost;
    }
    return std::move(*out);
  }

 private:
  const erpc_host_http_v1* http_;
};

// Throws the taxonomy error for a transport failure; returns for a complete response (any
// status: mapping statuses is the adapter's job). Not sent -> UNAVAILABLE, effect none;
// possibly sent -> OUTCOME_UNKNOWN, effect possible.
inline void throw_for_transport(const http_response& r) {
  switch (r.transport) {
    case http_transport::ok: return;
    case http_transport::bad_request:
      throw error(error_class::configuration, "http.bad_request",
                  "invalid HTTP request: " + r.transport_message);
    case http_transport::failed:
    case http_transport::timed_out: break;
  }
  const bool timed_out = r.transport == http_transport::timed_out;
  if (!r.request_sent) {
    throw error(error_class::unavailable,
                timed_out ? "http.timeout_before_send" : "http.unreachable",
                "request not sent: " + r.transport_message)
        .with_effect(effect::none);
  }
  throw error(error_class::outcome_unknown, timed_out ? "http.timeout" : "http.reply_lost",
              "request sent but no complete reply: " + r.transport_message)
      .with_effect(effect::possible);
}

}  // namespace erpc

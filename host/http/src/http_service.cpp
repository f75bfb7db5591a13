// SPDX-License-Identifier: Apache-2.0
// The only translation unit that includes cpprest. See docs/http-and-testing.md for why each
// request gets a fresh client (no silent re-send on a pooled connection) and how request_sent
// is decided.
#include "erpc/host/http_service.hpp"

#include <spdlog/spdlog.h>  // before cpprest: its U() macro breaks fmt (toolchain.md pitfall 1)

#include <cpprest/http_client.h>
#include <pplx/threadpool.h>

#include <erpc/detail/http_header_names.hpp>
#include <erpc/error.hpp>

#include <algorithm>
#include <array>
#include <atomic>
#include <condition_variable>
#include <cstring>
#include <fstream>
#include <mutex>
#include <string_view>
#include <system_error>
#include <utility>
#include <vector>

namespace erpc {

namespace {

namespace http = web::http;
using clock_type = std::chrono::steady_clock;

// How long to wait for cpprest to settle after cancelling, to learn how far the request got.
constexpr std::chrono::milliseconds settle_grace{1000};
constexpr std::chrono::milliseconds cancel_poll{20};
// How much later than cpprest's own timer the service's hard stop comes.
constexpr std::chrono::milliseconds backstop_slack{150};

void init_pool_once(std::size_t threads) {
  static std::once_flag once;
  static std::size_t chosen = 0;
  std::call_once(once, [threads] {
    chosen = threads;
    try {
      crossplat::threadpool::initialize_with_threads(threads);
    } catch (const std::exception& e) {
      spdlog::warn("http: pplx pool already initialised elsewhere ({})", e.what());
    }
  });
  if (chosen != threads) {
    spdlog::warn("http: pplx pool keeps {} threads; {} requested later is ignored", chosen,
                 threads);
  }
}

bool is_token(std::string_view s) {
  if (s.empty()) return false;
  return std::all_of(s.begin(), s.end(), [](char c) {
    const auto u = static_cast<unsigned char>(c);
    return u > 32 && u < 127 && std::strchr("\"(),/:;<=>?@[\\]{}", c) == nullptr;
  });
}

bool is_header_value(std::string_view s) {
  return s.find_first_of(std::string_view("\r\n\0", 3)) == std::string_view::npos;
}

// Headers the service computes itself; a caller's copy would contradict the real framing.
bool is_framing_header(std::string_view name) {
  return detail::iequals(name, "content-length") || detail::iequals(name, "transfer-encoding") ||
         detail::iequals(name, "connection");
}

// cpprest failure messages that can only happen before the first request byte is written
// (resolve, connect, TLS handshake, its own method check, cancellation while connecting).
// Anything else that fails without the upload progress signal is reported as sent.
bool failed_before_write(std::string_view message) {
  constexpr std::array<std::string_view, 8> before{
      "Error resolving address",         "Failed to resolve address",
      "Failed to connect to any resolved endpoint", "Error in SSL handshake",
      "Request canceled by user.",       "The method string is invalid.",
      "Error resolving proxy address",   "Failed to connect to any resolved proxy endpoint"};
  return std::any_of(before.begin(), before.end(),
                     [&](std::string_view b) { return message.substr(0, b.size()) == b; });
}

// Everything cpprest's continuations write; shared so a late continuation never dangles.
struct exchange {
  std::mutex mutex;
  std::condition_variable done_cv;
  bool done = false;
  std::atomic<bool> headers_written{false};
  bool complete = false;
  unsigned status = 0;
  std::vector<std::pair<std::string, std::string>> headers;
  std::vector<unsigned char> body;
  std::string error;
  bool cpprest_timed_out = false;
};

struct outcome {
  std::uint32_t transport = ERPC_HTTP_FAILED;
  bool sent = true;
  std::string message;
};

// Loggable form of a URL: scheme, authority and path only (queries may carry keys).
std::string loggable(std::string_view url) {
  const auto cut = url.find_first_of("?#");
  return std::string(url.substr(0, cut));
}

}  // namespace

struct http_service::impl {
  explicit impl(http_service_options o) : options(std::move(o)) {
    if (!options.now_unix_ms) {
      options.now_unix_ms = [] {
        return std::chrono::duration_cast<std::chrono::milliseconds>(
                   std::chrono::system_clock::now().time_since_epoch())
            .count();
      };
    }
    if (options.pool_threads == 0) options.pool_threads = 1;
    if (!options.ca_file.empty() && !std::ifstream(options.ca_file).good()) {
      throw error(error_class::configuration, "http.ca_file_unreadable",
                  "CA bundle is not readable: " + options.ca_file);
    }
    if (options.insecure_skip_verify) {
      spdlog::warn("http: TLS certificate verification is OFF (insecure_skip_verify)");
    }
    init_pool_once(options.pool_threads);
    table.struct_size = sizeof table;
    table.send = &impl::abi_send;
    table.host_data = this;
  }

  // Nothing may unwind into the adapter. If building the response itself fails (allocation),
  // the sink still gets its one call: a bare FAILED, sent, since nothing is known.
  static void abi_send(const erpc_host_http_v1* self, const erpc_call_v1* call,
                       const erpc_http_request_v1* request, erpc_http_sink_v1 sink, void* user) {
    if (self == nullptr || self->host_data == nullptr || sink == nullptr) return;
    bool sink_called = false;
    try {
      static_cast<impl*>(self->host_data)->send(call, request, sink, user, sink_called);
    } catch (...) {
      if (sink_called) return;
      erpc_http_response_v1 resp{};
      resp.struct_size = sizeof resp;
      resp.transport = ERPC_HTTP_FAILED;
      resp.request_sent = 1;
      resp.transport_message = "internal error in the host http service";
      sink(user, &resp);
    }
  }

  void send(const erpc_call_v1* call_in, const erpc_http_request_v1* request_in,
            erpc_http_sink_v1 sink, void* user, bool& sink_called) const;
  outcome perform(const erpc_call_v1* call, const erpc_http_request_v1& req,
                  const std::shared_ptr<exchange>& shared) const;
  void deliver(const erpc_http_request_v1& req, const outcome& out, const exchange& ex,
               erpc_http_sink_v1 sink, void* user, bool& sink_called,
               clock_type::time_point started) const;

  http_service_options options;
  erpc_host_http_v1 table{};
};

outcome http_service::impl::perform(const erpc_call_v1* call, const erpc_http_request_v1& req,
                                    const std::shared_ptr<exchange>& shared) const {
  exchange& ex = *shared;
  auto bad = [](std::string m) { return outcome{ERPC_HTTP_BAD_REQUEST, false, std::move(m)}; };
  if (req.method == nullptr || !is_token(req.method)) return bad("invalid HTTP method");
  if (req.url == nullptr) return bad("missing URL");
  if (req.body == nullptr && req.body_len > 0) return bad("body is NULL but body_len > 0");
  if (req.headers == nullptr && req.header_count > 0) return bad("headers is NULL");
  for (std::size_t i = 0; i < req.header_count; ++i) {
    const auto& h = req.headers[i];
    if (h.name == nullptr || !is_token(h.name)) return bad("invalid header name");
    if (h.value == nullptr || !is_header_value(h.value)) {
      return bad(std::string("invalid value for header ") + h.name);
    }
  }

  web::uri uri;
  try {
    uri = web::uri(req.url);
  } catch (const std::exception&) {
    return bad("malformed URL");
  }
  const std::string scheme = detail::to_lower(uri.scheme());
  if (scheme != "http" && scheme != "https") return bad("URL scheme must be http or https");
  if (uri.host().empty()) return bad("URL has no host");
  if (!uri.user_info().empty()) return bad("credentials in the URL are not supported");

  // Time budget: the request's own timeout, else the call deadline, else the default;
  // always capped by the call deadline.
  const std::int64_t now = options.now_unix_ms();
  const bool has_deadline = call != nullptr && call->deadline_unix_ms > 0;
  std::int64_t budget_ms = req.timeout_ms > 0 ? req.timeout_ms
                           : has_deadline     ? INT64_MAX
                                              : options.default_timeout.count();
  if (has_deadline) budget_ms = std::min(budget_ms, call->deadline_unix_ms - now);
  if (budget_ms <= 0) {
    return {ERPC_HTTP_TIMED_OUT, false, "deadline passed before the request was sent"};
  }
  auto cancelled = [call] {
    return call != nullptr && call->is_cancelled != nullptr && call->is_cancelled(call) != 0;
  };
  if (cancelled()) return {ERPC_HTTP_FAILED, false, "call cancelled before the request was sent"};

  const auto budget = std::chrono::milliseconds(std::min<std::int64_t>(budget_ms, 86'400'000));
  http::client::http_client_config config;
  // cpprest's own timer (reset at each stage) fires first for a single stall and keeps the
  // stage in its error message, which proves "not sent" for a stall while connecting. Ours,
  // slightly later, bounds the whole exchange; after a token cancel cpprest reports only
  // "Operation canceled", so the stage is lost and the answer is "sent".
  config.set_timeout(budget);
  config.set_validate_certificates(!options.insecure_skip_verify);
  if (!options.ca_file.empty()) {
    config.set_ssl_context_callback(
        [ca = options.ca_file](boost::asio::ssl::context& ctx) { ctx.load_verify_file(ca); });
  }

  http::http_request request(std::string(req.method));
  const auto authority = uri.scheme() + "://" + uri.host() +
                         (uri.is_port_default() ? "" : ":" + std::to_string(uri.port()));
  std::string resource = uri.path().empty() ? "/" : uri.path();
  if (!uri.query().empty()) resource += "?" + uri.query();
  request.set_request_uri(web::uri(resource));
  bool has_traceparent = false;
  for (std::size_t i = 0; i < req.header_count; ++i) {
    const auto& h = req.headers[i];
    if (is_framing_header(h.name)) continue;
    has_traceparent = has_traceparent || detail::iequals(h.name, "traceparent");
    request.headers().add(h.name, h.value);
  }
  if (!has_traceparent && call != nullptr && call->traceparent != nullptr &&
      call->traceparent[0] != '\0') {
    request.headers().add("traceparent", call->traceparent);
  }
  if (req.body_len > 0) {
    const auto* p = reinterpret_cast<const unsigned char*>(req.body);
    request.set_body(std::vector<unsigned char>(p, p + req.body_len));
  }
  // cpprest reports upload progress only once the request head has been written in full,
  // which is the proof that the server may have seen the request.
  request.set_progress_handler([shared](http::message_direction::direction d, utility::size64_t) {
    if (d == http::message_direction::upload) shared->headers_written.store(true);
  });

  pplx::cancellation_token_source cts;
  const auto deadline = clock_type::now() + budget + backstop_slack;
  try {
    http::client::http_client client(web::uri(authority), config);
    // The continuations own `shared`: they may finish after send() has returned.
    client.request(request, cts.get_token())
        .then([shared](http::http_response r) {
          {
            std::lock_guard lock(shared->mutex);
            shared->status = r.status_code();
            for (const auto& [name, value] : r.headers()) shared->headers.emplace_back(name, value);
          }
          return r.extract_vector();
        })
        .then([shared](pplx::task<std::vector<unsigned char>> t) {
          std::lock_guard lock(shared->mutex);
          try {
            shared->body = t.get();
            shared->complete = true;
          } catch (const http::http_exception& e) {
            shared->error = e.what();
            shared->cpprest_timed_out = e.error_code() == std::errc::timed_out;
          } catch (const std::exception& e) {
            shared->error = e.what();
          }
          shared->done = true;
          shared->done_cv.notify_all();
        });
  } catch (const std::exception& e) {
    return {ERPC_HTTP_FAILED, ex.headers_written.load(), std::string("http: ") + e.what()};
  }

  std::unique_lock lock(ex.mutex);
  bool timed_out = false;
  bool was_cancelled = false;
  while (!ex.done) {
    const auto now_steady = clock_type::now();
    if (now_steady >= deadline) {
      timed_out = true;
      break;
    }
    const auto step = call != nullptr && call->is_cancelled != nullptr
                          ? std::min<clock_type::duration>(cancel_poll, deadline - now_steady)
                          : deadline - now_steady;
    ex.done_cv.wait_for(lock, step, [&ex] { return ex.done; });
    if (!ex.done && cancelled()) {
      was_cancelled = true;
      break;
    }
  }
  if (!ex.done) {
    lock.unlock();
    cts.cancel();  // closes the socket; pending operations fail promptly
    lock.lock();
    ex.done_cv.wait_for(lock, settle_grace, [&ex] { return ex.done; });
  }

  outcome out;
  if (ex.complete && !timed_out && !was_cancelled) {
    out.transport = ERPC_HTTP_OK;
    out.sent = true;
    return out;
  }
  // Not sent only with positive evidence: no head written and a failure cpprest can only
  // raise before writing. Otherwise the vendor may have the request.
  out.sent = ex.headers_written.load() || !ex.done || !failed_before_write(ex.error);
  if (timed_out || ex.cpprest_timed_out) {
    out.transport = ERPC_HTTP_TIMED_OUT;
    out.message = "timed out after " + std::to_string(budget.count()) + " ms" +
                  (ex.error.empty() ? "" : ": " + ex.error);
  } else if (was_cancelled) {
    out.transport = ERPC_HTTP_FAILED;
    out.message = "call cancelled" + (ex.error.empty() ? "" : ": " + ex.error);
  } else {
    out.transport = ERPC_HTTP_FAILED;
    out.message = ex.error.empty() ? "request failed" : ex.error;
  }
  return out;
}

void http_service::impl::deliver(const erpc_http_request_v1& req, const outcome& out,
                                 const exchange& ex, erpc_http_sink_v1 sink, void* user,
                                 bool& sink_called, clock_type::time_point started) const {
  std::vector<erpc_http_header_v1> headers;
  erpc_http_response_v1 resp{};
  resp.struct_size = sizeof resp;
  resp.transport = out.transport;
  resp.request_sent = out.sent ? 1u : 0u;
  resp.transport_message = out.message.c_str();
  if (out.transport == ERPC_HTTP_OK) {
    resp.status = ex.status;
    headers.reserve(ex.headers.size());
    for (const auto& [n, v] : ex.headers) headers.push_back({n.c_str(), v.c_str()});
    resp.headers = headers.empty() ? nullptr : headers.data();
    resp.header_count = headers.size();
    resp.body = ex.body.empty() ? nullptr : reinterpret_cast<const char*>(ex.body.data());
    resp.body_len = ex.body.size();
  }
  spdlog::debug("http {} {} -> transport={} sent={} status={} {} ({} ms)",
                req.method ? req.method : "?", loggable(req.url ? req.url : ""), resp.transport,
                resp.request_sent, resp.status, out.message,
                std::chrono::duration_cast<std::chrono::milliseconds>(clock_type::now() - started)
                    .count());
  if (options.on_response) {
    try {
      options.on_response(req, resp, clock_type::now() - started);
    } catch (const std::exception& e) {
      spdlog::warn("http: on_response hook threw: {}", e.what());
    }
  }
  sink_called = true;
  sink(user, &resp);
}

void http_service::impl::send(const erpc_call_v1* call_in, const erpc_http_request_v1* request_in,
                              erpc_http_sink_v1 sink, void* user, bool& sink_called) const {
  const auto started = clock_type::now();
  // abi.h rule 2: copy min(struct_size, sizeof) into zeroed locals.
  erpc_http_request_v1 req{};
  if (request_in != nullptr) {
    std::memcpy(&req, request_in, std::min<std::size_t>(request_in->struct_size, sizeof req));
  }
  erpc_call_v1 call_copy{};
  const erpc_call_v1* call = nullptr;
  if (call_in != nullptr) {
    std::memcpy(&call_copy, call_in, std::min<std::size_t>(call_in->struct_size, sizeof call_copy));
    call = &call_copy;
  }
  if (options.on_request) {
    try {
      options.on_request(req, call_in);
    } catch (const std::exception& e) {
      spdlog::warn("http: on_request hook threw: {}", e.what());
    }
  }
  // Shared: if cpprest has not settled within the grace period its continuations still hold
  // the exchange, so it must outlive this frame.
  auto ex = std::make_shared<exchange>();
  outcome out;
  try {
    out = perform(call, req, ex);
  } catch (const std::exception& e) {
    out = {ERPC_HTTP_FAILED, true, std::string("http: ") + e.what()};
  }
  // No lock needed: the exchange's response fields are read only when it is done (OK).
  deliver(req, out, *ex, sink, user, sink_called, started);
}

http_service::http_service(http_service_options options)
    : impl_(std::make_unique<impl>(std::move(options))) {}
http_service::~http_service() = default;

const erpc_host_http_v1* http_service::table() const noexcept { return &impl_->table; }

void http_service::send(const erpc_call_v1* call, const erpc_http_request_v1& request,
                        erpc_http_sink_v1 sink, void* user) const {
  impl_->abi_send(&impl_->table, call, &request, sink, user);
}

}  // namespace erpc

// SPDX-License-Identifier: Apache-2.0
// "erpc.host.http/1" for tests, in three modes: replay a cassette, record through a real
// service into a cassette (credentials redacted), or answer from a scripted lambda.
#pragma once

#include <erpc/abi.h>
#include <erpc/detail/http_header_names.hpp>
#include <erpc/http_client.hpp>
#include <erpc/testing/cassette.hpp>

#include <functional>
#include <mutex>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace erpc::testing {

class fake_http {
 public:
  using script = std::function<http_response(const http_request&, const erpc_call_v1*)>;
  enum class mode { scripted, replay, record };

  fake_http() {
    table_.struct_size = sizeof table_;
    table_.send = [](const erpc_host_http_v1* self, const erpc_call_v1* call,
                     const erpc_http_request_v1* req, erpc_http_sink_v1 sink, void* user) {
      static_cast<fake_http*>(self->host_data)->send(call, req, sink, user);
    };
    table_.host_data = this;
    script_ = [](const http_request& r, const erpc_call_v1*) {
      http_response resp;
      resp.request_sent = false;
      resp.transport_message = "fake_http: no mode configured for " + r.method + " " + r.url;
      return resp;
    };
  }
  fake_http(const fake_http&) = delete;
  fake_http& operator=(const fake_http&) = delete;

  void scripted(script s) {
    std::lock_guard lock(mutex_);
    mode_ = mode::scripted;
    script_ = std::move(s);
  }
  void replay(cassette c) {
    std::lock_guard lock(mutex_);
    mode_ = mode::replay;
    tape_ = std::move(c);
    used_.assign(tape_.interactions.size(), false);
  }
  void replay_file(const std::string& path) { replay(cassette::load(path)); }
  // Forwards to `real` (e.g. the host's http_service table) and records what passes.
  void record(const erpc_host_http_v1* real) {
    std::lock_guard lock(mutex_);
    mode_ = mode::record;
    real_ = real;
    tape_ = {};
  }
  // Values to blank out of recordings (fake_host wires its secrets here).
  void redact_values(std::function<std::vector<std::string>()> source) {
    std::lock_guard lock(mutex_);
    secret_values_ = std::move(source);
  }

  cassette recorded() const {
    std::lock_guard lock(mutex_);
    return tape_;
  }
  void save_cassette(const std::string& path) const { recorded().save(path); }
  std::vector<http_request> requests() const {
    std::lock_guard lock(mutex_);
    return seen_;
  }
  // "METHOD url" of every replayed request no interaction matched.
  std::vector<std::string> unmatched_requests() const {
    std::lock_guard lock(mutex_);
    return unmatched_;
  }
  std::size_t unused_interactions() const {
    std::lock_guard lock(mutex_);
    std::size_t n = 0;
    for (bool u : used_) n += u ? 0 : 1;
    return n;
  }

  const erpc_host_http_v1* table() const noexcept { return &table_; }

 private:
  static http_request copy_request(const erpc_http_request_v1* in) {
    erpc_http_request_v1 r{};
    if (in) std::memcpy(&r, in, std::min<std::size_t>(in->struct_size, sizeof r));
    http_request out;
    out.method = r.method ? r.method : "";
    out.url = r.url ? r.url : "";
    for (std::size_t i = 0; r.headers && i < r.header_count; ++i) {
      out.headers.emplace_back(r.headers[i].name ? r.headers[i].name : "",
                               r.headers[i].value ? r.headers[i].value : "");
    }
    if (r.body) out.body.assign(r.body, r.body_len);
    out.timeout_ms = r.timeout_ms;
    return out;
  }

  static void deliver(const http_response& r, erpc_http_sink_v1 sink, void* user) {
    std::vector<erpc_http_header_v1> headers;
    for (const auto& [n, v] : r.headers) headers.push_back({n.c_str(), v.c_str()});
    erpc_http_response_v1 abi{};
    abi.struct_size = sizeof abi;
    abi.transport = static_cast<std::uint32_t>(r.transport);
    abi.request_sent = r.ok() || r.request_sent ? 1u : 0u;
    abi.status = r.ok() ? static_cast<std::uint32_t>(r.status) : 0u;
    abi.headers = headers.empty() ? nullptr : headers.data();
    abi.header_count = headers.size();
    abi.body = r.body.data();
    abi.body_len = r.body.size();
    abi.transport_message = r.transport_message.c_str();
    sink(user, &abi);
  }

  std::string redact(std::string s) const {
    if (!secret_values_) return s;
    for (const auto& secret : secret_values_()) {
      for (const auto& form : {secret, url_encode(secret)}) {
        if (form.empty()) continue;
        for (auto pos = s.find(form); pos != std::string::npos; pos = s.find(form, pos)) {
          s.replace(pos, form.size(), erpc::detail::redacted_value);
          pos += erpc::detail::redacted_value.size();
        }
      }
    }
    return s;
  }

  http_headers redact(const http_headers& h) const {
    http_headers out;
    for (const auto& [n, v] : h) {
      out.emplace_back(n, erpc::detail::is_secret_header(n)
                              ? std::string(erpc::detail::redacted_value)
                              : redact(v));
    }
    return out;
  }

  // Must be called with mutex_ held.
  http_response replay_one(const http_request& req) {
    const std::string body = redact(req.body);
    const std::string url = redact(req.url);
    for (std::size_t i = 0; i < tape_.interactions.size(); ++i) {
      const auto& rec = tape_.interactions[i];
      if (used_[i] || rec.method != req.method || rec.url != url) continue;
      if (rec.request_body && *rec.request_body != body) continue;
      used_[i] = true;
      return rec.response;
    }
    unmatched_.push_back(req.method + " " + req.url);
    http_response miss;
    miss.request_sent = false;
    miss.transport_message = "cassette: no unused interaction matches " + req.method + " " + url;
    return miss;
  }

  void send(const erpc_call_v1* call, const erpc_http_request_v1* abi_req,
            erpc_http_sink_v1 sink, void* user) {
    if (sink == nullptr) return;
    const http_request req = copy_request(abi_req);
    std::unique_lock lock(mutex_);
    seen_.push_back(req);
    switch (mode_) {
      case mode::replay: {
        const http_response r = replay_one(req);
        lock.unlock();
        deliver(r, sink, user);
        return;
      }
      case mode::scripted: {
        const script s = script_;
        lock.unlock();
        deliver(s(req, call), sink, user);
        return;
      }
      case mode::record: break;
    }
    const erpc_host_http_v1* real = real_;
    lock.unlock();
    std::optional<http_response> got;
    real->send(real, call, abi_req, &erpc::detail::copy_http_response, &got);
    http_response r = got ? std::move(*got) : http_response{};
    lock.lock();
    cassette_interaction rec;
    rec.method = req.method;
    rec.url = redact(req.url);
    rec.request_headers = redact(req.headers);
    rec.request_body = redact(req.body);
    rec.response = r;
    rec.response.headers = redact(r.headers);
    rec.response.body = redact(r.body);
    tape_.interactions.push_back(std::move(rec));
    lock.unlock();
    deliver(r, sink, user);
  }

  mutable std::mutex mutex_;
  mode mode_ = mode::scripted;
  script script_;
  cassette tape_;
  std::vector<bool> used_;
  std::vector<std::string> unmatched_;
  std::vector<http_request> seen_;
  const erpc_host_http_v1* real_ = nullptr;
  std::function<std::vector<std::string>()> secret_values_;
  erpc_host_http_v1 table_{};
};

}  // namespace erpc::testing

// SPDX-License-Identifier: Apache-2.0
// The wrapper every mutant shares: an adapter module whose entry initialises the real NetSuite
// adapter against a wrapped host table (HTTP and secrets interposed, everything else passed
// through) and whose execute runs the inner adapter on an intercepted erpc_call_v1, so the
// mutant's defect can rewrite requests on the way out and answers on the way back.
#include "mutant_module.hpp"

#include "netsuite_adapter_entry.hpp"

#include <erpc/error_abi.hpp>
#include <erpc/host.hpp>

#include <algorithm>
#include <cstring>
#include <type_traits>
#include <vector>

namespace erpc::mutants {

namespace {

// What the inner adapter answered on an intercepted call.
struct collected_answer {
  answer collected;
  int answers = 0;
};

// The intercepted call handed to the inner adapter: the host's call copied (deadline,
// correlation id, traceparent, host_data for the host's own services), with respond / fail
// collected here instead of reaching the host. Standard-layout, so a pointer to `abi` (its
// first member) converts back to the whole struct.
struct intercepted_call {
  erpc_call_v1 abi{};
  const erpc_call_v1* outer = nullptr;
  collected_answer* sink = nullptr;
};
static_assert(std::is_standard_layout_v<intercepted_call>);

collected_answer& sink_of(const erpc_call_v1* call) {
  return *reinterpret_cast<const intercepted_call*>(call)->sink;
}

void intercepted_respond(const erpc_call_v1* call, const char* json, std::size_t len) {
  auto& self = sink_of(call);
  if (++self.answers != 1) return;  // the host keeps the first answer too (abi.h)
  try {
    self.collected.answered = true;
    self.collected.text.assign(json != nullptr ? json : "", json != nullptr ? len : 0);
    auto parsed = nlohmann::json::parse(self.collected.text, nullptr, false);
    if (!parsed.is_discarded()) self.collected.document = std::move(parsed);
  } catch (...) {
    // Out of memory while copying: the answer stays as far as it got.
  }
}

void intercepted_fail(const erpc_call_v1* call, const erpc_error_v1* e) {
  auto& self = sink_of(call);
  if (++self.answers != 1) return;
  try {
    self.collected.answered = true;
    self.collected.failure = error_from_abi(e);
  } catch (...) {
  }
}

std::int32_t intercepted_is_cancelled(const erpc_call_v1* call) {
  const auto* self = reinterpret_cast<const intercepted_call*>(call);
  const auto* outer = self->outer;
  return outer != nullptr && outer->is_cancelled != nullptr ? outer->is_cancelled(outer) : 0;
}

// The host call behind `call`: the intercepted call's outer one, or `call` itself.
const erpc_call_v1* outer_of(const erpc_call_v1* call) {
  if (call != nullptr && call->respond == &intercepted_respond) {
    return reinterpret_cast<const intercepted_call*>(call)->outer;
  }
  return call;
}

class module_state;
module_state* state_ = nullptr;  // one per loaded library; init/deinit run on the loader thread

class module_state final : public inner_adapter {
 public:
  module_state(const erpc_host_v1* host, std::unique_ptr<defect> d)
      : real_host_(host), defect_(std::move(d)) {
    std::memcpy(&host_, host, std::min<std::size_t>(host->struct_size, sizeof host_));
    host_.struct_size = sizeof host_;
    host_.get_service = &module_state::get_service;
    host_.host_data = this;
    const host_ref real(host);
    real_http_ = real.service<erpc_host_http_v1>(ERPC_HOST_HTTP_V1);
    real_secrets_ = real.service<erpc_host_secrets_v1>(ERPC_HOST_SECRETS_V1);
    http_.struct_size = sizeof http_;
    http_.send = &module_state::http_send;
    http_.host_data = this;
    secrets_.struct_size = sizeof secrets_;
    secrets_.resolve = &module_state::secrets_resolve;
    secrets_.host_data = this;
  }

  const erpc_host_v1* wrapped_host() const noexcept { return &host_; }
  defect& the_defect() noexcept { return *defect_; }
  const erpc_adapter_v1* inner() const noexcept { return inner_; }
  void set_inner(const erpc_adapter_v1* inner) noexcept { inner_ = inner; }

  answer execute(erpc_connection* connection, std::string_view request_json,
                 const erpc_call_v1* outer) override {
    collected_answer result;
    intercepted_call call;
    call.sink = &result;
    if (outer != nullptr) {
      std::memcpy(&call.abi, outer, std::min<std::size_t>(outer->struct_size, sizeof call.abi));
    }
    call.abi.struct_size = sizeof call.abi;
    call.abi.respond = &intercepted_respond;
    call.abi.fail = &intercepted_fail;
    call.abi.is_cancelled = &intercepted_is_cancelled;
    if (call.abi.correlation_id == nullptr) call.abi.correlation_id = "";
    if (call.abi.traceparent == nullptr) call.abi.traceparent = "";
    call.outer = outer;
    inner_->execute(connection, request_json.data(), request_json.size(), &call.abi);
    return std::move(result.collected);
  }

  void execute_direct(erpc_connection* connection, const char* request_json,
                      std::size_t request_len, const erpc_call_v1* outer) override {
    inner_->execute(connection, request_json, request_len, outer);
  }

 private:
  static module_state& self_of(void* host_data) { return *static_cast<module_state*>(host_data); }

  static const void* get_service(const erpc_host_v1* host, const char* id) {
    auto& self = self_of(host->host_data);
    if (id != nullptr && std::strcmp(id, ERPC_HOST_HTTP_V1) == 0) {
      return self.real_http_ != nullptr ? &self.http_ : nullptr;
    }
    if (id != nullptr && std::strcmp(id, ERPC_HOST_SECRETS_V1) == 0) {
      return self.real_secrets_ != nullptr ? &self.secrets_ : nullptr;
    }
    return self.real_host_->get_service(self.real_host_, id);
  }

  static void deliver(const http_response& r, erpc_http_sink_v1 sink, void* user) {
    std::vector<erpc_http_header_v1> headers;
    headers.reserve(r.headers.size());
    for (const auto& [name, value] : r.headers) headers.push_back({name.c_str(), value.c_str()});
    erpc_http_response_v1 abi{};
    abi.struct_size = sizeof abi;
    abi.transport = static_cast<std::uint32_t>(r.transport);
    abi.request_sent = r.request_sent ? 1u : 0u;
    abi.status = static_cast<std::uint32_t>(r.status);
    abi.headers = headers.empty() ? nullptr : headers.data();
    abi.header_count = headers.size();
    abi.body = r.body.data();
    abi.body_len = r.body.size();
    abi.transport_message = r.transport_message.c_str();
    sink(user, &abi);
  }

  static void http_send(const erpc_host_http_v1* service, const erpc_call_v1* call,
                        const erpc_http_request_v1* request_in, erpc_http_sink_v1 sink,
                        void* user) {
    if (sink == nullptr) return;
    auto& self = self_of(service->host_data);
    const erpc_call_v1* outer = outer_of(call);
    bool sent = false;
    try {
      erpc_http_request_v1 abi{};
      if (request_in != nullptr) {
        std::memcpy(&abi, request_in, std::min<std::size_t>(request_in->struct_size, sizeof abi));
      }
      http_request req;
      req.method = abi.method != nullptr ? abi.method : "";
      req.url = abi.url != nullptr ? abi.url : "";
      for (std::size_t i = 0; abi.headers != nullptr && i < abi.header_count; ++i) {
        req.headers.emplace_back(abi.headers[i].name ? abi.headers[i].name : "",
                                 abi.headers[i].value ? abi.headers[i].value : "");
      }
      if (abi.body != nullptr) req.body.assign(abi.body, abi.body_len);
      req.timeout_ms = abi.timeout_ms;
      if (auto canned = self.defect_->before_send(req, outer)) {
        deliver(*canned, sink, user);
        return;
      }
      sent = true;
      const auto res = http_client(self.real_http_).send(req, outer);
      self.defect_->after_send(req, res, outer);
      deliver(res, sink, user);
    } catch (...) {
      http_response failed;
      failed.transport = http_transport::failed;
      failed.request_sent = sent;
      failed.transport_message = "the mutant's HTTP interposition failed";
      deliver(failed, sink, user);
    }
  }

  struct secret_forward {
    module_state* self;
    erpc_secret_sink_v1 sink;
    void* user;
    void (*error_sink)(void*, const erpc_error_v1*) = nullptr;
  };

  static void secret_seen(void* user, const char* value, std::size_t len) {
    auto& f = *static_cast<secret_forward*>(user);
    try {
      f.self->defect_->on_secret(std::string_view(value != nullptr ? value : "", len));
    } catch (...) {
    }
    if (f.sink != nullptr) f.sink(f.user, value, len);
  }

  static void secret_error(void* user, const erpc_error_v1* e) {
    auto& f = *static_cast<secret_forward*>(user);
    if (f.error_sink != nullptr) f.error_sink(f.user, e);
  }

  static std::int32_t secrets_resolve(const erpc_host_secrets_v1* service, const char* reference,
                                      erpc_secret_sink_v1 sink, void* user,
                                      void (*error_sink)(void*, const erpc_error_v1*)) {
    auto& self = self_of(service->host_data);
    secret_forward f{&self, sink, user, error_sink};
    return self.real_secrets_->resolve(self.real_secrets_, reference, &secret_seen, &f,
                                       error_sink != nullptr ? &secret_error : nullptr);
  }

  const erpc_host_v1* real_host_;
  erpc_host_v1 host_{};
  const erpc_host_http_v1* real_http_ = nullptr;
  const erpc_host_secrets_v1* real_secrets_ = nullptr;
  erpc_host_http_v1 http_{};
  erpc_host_secrets_v1 secrets_{};
  std::unique_ptr<defect> defect_;
  const erpc_adapter_v1* inner_ = nullptr;
};

const char* wrapped_manifest_json() { return state_->inner()->manifest_json(); }

void wrapped_check(const char* config_json, std::size_t config_len, const erpc_call_v1* call) {
  state_->inner()->check(config_json, config_len, call);
}

erpc_connection* wrapped_open(const char* config_json, std::size_t config_len,
                      const erpc_call_v1* call) {
  return state_->inner()->open(config_json, config_len, call);
}

void wrapped_close(erpc_connection* connection) { state_->inner()->close(connection); }

// Not noexcept: throwing across the boundary is one mutant's defect.
void wrapped_execute(erpc_connection* connection, const char* request_json,
                     std::size_t request_len, const erpc_call_v1* call) {
  auto& d = state_->the_defect();
  d.execute(*state_, connection, request_json, request_len, call);
  d.call_finished(call);
}

const void* wrapped_get_capability(const char* capability_id) {
  const auto get = state_->inner()->get_capability;
  return get != nullptr ? get(capability_id) : nullptr;
}

const erpc_adapter_v1 table = {sizeof(erpc_adapter_v1), 0,
                               &wrapped_manifest_json,  &wrapped_check,
                               &wrapped_open,           &wrapped_close,
                               &wrapped_execute,        &wrapped_get_capability};

}  // namespace

void defect::execute(inner_adapter& inner, erpc_connection* connection,
                     const char* request_json, std::size_t request_len,
                     const erpc_call_v1* outer) {
  auto envelope = nlohmann::json::parse(request_json, request_json + request_len, nullptr, false);
  if (envelope.is_discarded()) {
    inner.execute_direct(connection, request_json, request_len, outer);
    return;
  }
  answer a = inner.execute(connection, std::string_view(request_json, request_len), outer);
  const bool changed = on_answer(inner, connection, envelope, a, outer);
  if (!a.answered || outer == nullptr) return;
  if (a.failure) {
    with_abi_error(*a.failure, [outer](const erpc_error_v1& e) { outer->fail(outer, &e); });
    return;
  }
  if (changed && a.document) {
    const std::string text = a.document->dump();
    outer->respond(outer, text.data(), text.size());
    return;
  }
  outer->respond(outer, a.text.data(), a.text.size());
}

std::int32_t module_init(const erpc_host_v1* host) noexcept {
  if (host == nullptr || state_ != nullptr) return 0;
  try {
    auto state = std::make_unique<module_state>(host, make_defect());
    const auto& entry = erpc::netsuite::adapter_entry();
    if (entry.init(state->wrapped_host()) == 0) {
      entry.deinit();
      return 0;
    }
    state->set_inner(entry.get_adapter());
    if (state->inner() == nullptr) {
      entry.deinit();
      return 0;
    }
    state_ = state.release();
    return 1;
  } catch (...) {
    return 0;
  }
}

void module_deinit() noexcept {
  if (state_ == nullptr) return;
  erpc::netsuite::adapter_entry().deinit();
  delete state_;
  state_ = nullptr;
}

const erpc_adapter_v1* module_get_adapter() noexcept {
  return state_ != nullptr ? &table : nullptr;
}

bool is_record_create(const http_request& request) {
  constexpr std::string_view records = "/services/rest/record/v1/";
  if (request.method != "POST") return false;
  const auto at = request.url.find(records);
  if (at == std::string::npos) return false;
  std::string_view rest = std::string_view(request.url).substr(at + records.size());
  rest = rest.substr(0, rest.find('?'));
  return !rest.empty() && rest.find('/') == std::string_view::npos;
}

namespace {
error rebuilt(const error& e, error_class cls, effect eff, std::string message, bool keep_retry) {
  error out(cls, e.code(), std::move(message));
  out.with_effect(eff);
  out.with_fields(e.field_errors());
  if (e.vendor()) out.with_vendor(*e.vendor());
  if (keep_retry && e.retry_after_ms()) out.with_retry_after_ms(*e.retry_after_ms());
  return out;
}
}  // namespace

error with_class(const error& e, error_class cls, effect eff) {
  return rebuilt(e, cls, eff, e.message(), true);
}

error without_retry_after(const error& e) {
  return rebuilt(e, e.cls(), e.effect(), e.message(), false);
}

error with_message(const error& e, std::string message) {
  return rebuilt(e, e.cls(), e.effect(), std::move(message), true);
}

}  // namespace erpc::mutants

// SPDX-License-Identifier: Apache-2.0
// The ABI side of erpc::adapter: turns the C entry points of abi.h into calls on one adapter
// object, and is the exception firewall — nothing ever unwinds across the boundary.
#pragma once

#include <erpc/abi.h>
#include <erpc/detail/plain_json.hpp>
#include <erpc/error.hpp>
#include <erpc/error_abi.hpp>

#include <nlohmann/json.hpp>

#include <exception>
#include <memory>
#include <string>
#include <utility>

namespace erpc {
class adapter;
class connection;
}  // namespace erpc

namespace erpc::detail {

inline void answer_error(const erpc_call_v1* call, const error& e) noexcept {
  if (call == nullptr || call->fail == nullptr) return;
  try {
    with_abi_error(e, [call](const erpc_error_v1& abi) { call->fail(call, &abi); });
  } catch (...) {
    // Building the detail failed (out of memory): still answer, with a fixed text.
    erpc_error_v1 abi{};
    abi.struct_size = sizeof abi;
    abi.error_class = ERPC_ERROR_INTERNAL;
    abi.effect = ERPC_EFFECT_POSSIBLE;
    abi.retry_after_ms = ERPC_NO_RETRY_AFTER;
    abi.code = "adapter.error_report_failed";
    abi.message = "the adapter could not report its error";
    call->fail(call, &abi);
  }
}

inline void answer_json(const erpc_call_v1* call, const nlohmann::json& document) {
  const std::string text = dump_json_text(document);
  call->respond(call, text.data(), text.size());
}

// The answer of a successful execute, {"replayed":…,"result":…,"status":"ok"}, written around
// the result document without building the answer object: byte for byte the dump of that
// object (its members in nlohmann's order), through the same plain writer when the document is
// plain, through the object's dump() otherwise.
inline void answer_result(const erpc_call_v1* call, result& r) {
  std::string text;
  text.reserve(1024);
  text += r.replayed ? R"({"replayed":true,"result":)" : R"({"replayed":false,"result":)";
  // The document sits one level deep in the answer, so it starts at depth 1 as it would there.
  if (plain_json_impl::writer(text, plain_json_max_depth).value(r.document, 1)) {
    text += R"(,"status":"ok"})";
    call->respond(call, text.data(), text.size());
    return;
  }
  nlohmann::json answer = nlohmann::json::object();
  answer["status"] = "ok";
  answer["replayed"] = r.replayed;
  answer["result"] = std::move(r.document);
  answer_json(call, answer);
}

// Runs `body`, turning anything it throws into exactly one fail() answer.
template <class Body>
void firewall(const erpc_call_v1* call, Body&& body) noexcept {
  try {
    body();
  } catch (const error& e) {
    answer_error(call, e);
  } catch (const nlohmann::json::exception& e) {
    answer_error(call, error(error_class::internal, "adapter.json_error", e.what()));
  } catch (const std::exception& e) {
    answer_error(call, error(error_class::internal, "adapter.exception", e.what()));
  } catch (...) {
    answer_error(call, error(error_class::internal, "adapter.unknown_exception",
                             "the adapter threw a non-standard exception"));
  }
}

inline nlohmann::json parse_boundary_json(const char* text, size_t len) {
  auto j = parse_json_text(text, len);
  if (j.is_discarded()) {
    throw error(error_class::internal, "adapter.host_sent_malformed_json",
                "the host handed the adapter malformed JSON");
  }
  return j;
}

// One adapter object per loaded library, created by init() and destroyed by deinit(). The
// ABI guarantees init/deinit run on the loader thread with nothing else in flight, which is
// what makes this single pointer safe.
template <class T>
class adapter_module {
 public:
  static std::int32_t init(const erpc_host_v1* host) noexcept {
    try {
      auto s = std::make_unique<state>();
      s->object.attach_host(host_ref(host));
      nlohmann::json manifest = s->object.describe();
      if (!manifest.is_object()) return 0;
      if (!manifest.contains("id")) manifest["id"] = T::adapter_id;
      if (manifest["id"] != T::adapter_id) return 0;
      s->manifest = manifest.dump();
      instance_ = s.release();
      return 1;
    } catch (...) {
      return 0;
    }
  }

  static void deinit() noexcept {
    delete instance_;
    instance_ = nullptr;
  }

  static const erpc_adapter_v1* get_adapter() noexcept {
    return instance_ != nullptr ? &table_ : nullptr;
  }

  static const erpc_adapter_v1 table_;

 private:
  struct state {
    T object;
    std::string manifest;
  };

  static const char* manifest_json() noexcept {
    return instance_ != nullptr ? instance_->manifest.c_str() : "{}";
  }

  static void check(const char* config_json, size_t config_len,
                    const erpc_call_v1* call) noexcept {
    firewall(call, [&] {
      call_context ctx(instance_->object.host(), call);
      instance_->object.check(parse_boundary_json(config_json, config_len), ctx);
      answer_json(call, nlohmann::json{{"ok", true}});
    });
  }

  static erpc_connection* open(const char* config_json, size_t config_len,
                               const erpc_call_v1* call) noexcept {
    erpc_connection* opened = nullptr;
    firewall(call, [&] {
      call_context ctx(instance_->object.host(), call);
      std::unique_ptr<connection> c =
          instance_->object.open(parse_boundary_json(config_json, config_len), ctx);
      if (!c) {
        throw error(error_class::internal, "adapter.open_returned_null",
                    "the adapter opened no connection");
      }
      opened = reinterpret_cast<erpc_connection*>(c.release());
    });
    return opened;
  }

  static void close(erpc_connection* c) noexcept {
    try {
      delete reinterpret_cast<connection*>(c);
    } catch (...) {
      // A destructor that throws would terminate; nothing else can be done here.
    }
  }

  static void execute(erpc_connection* c, const char* request_json, size_t request_len,
                      const erpc_call_v1* call) noexcept {
    firewall(call, [&] {
      call_context ctx(instance_->object.host(), call);
      // The request is handed over: nothing here reads it after the call.
      result r = reinterpret_cast<connection*>(c)->execute_consuming(
          request::from_json(parse_boundary_json(request_json, request_len)), ctx);
      answer_result(call, r);
    });
  }

  static const void* get_capability(const char* capability_id) noexcept {
    if (instance_ == nullptr || capability_id == nullptr) return nullptr;
    return instance_->object.capability(capability_id);
  }

  static inline state* instance_ = nullptr;
};

template <class T>
const erpc_adapter_v1 adapter_module<T>::table_ = {
    sizeof(erpc_adapter_v1),
    0,
    &adapter_module<T>::manifest_json,
    &adapter_module<T>::check,
    &adapter_module<T>::open,
    &adapter_module<T>::close,
    &adapter_module<T>::execute,
    &adapter_module<T>::get_capability,
};

}  // namespace erpc::detail

// Defines the adapter's one exported symbol for adapter class T, which must derive from
// erpc::adapter, be default-constructible and declare `static constexpr char adapter_id[]`.
#define ERPC_ADAPTER(T)                                                                  \
  extern "C" {                                                                           \
  ERPC_EXPORT extern const erpc_adapter_entry_v1 erpc_adapter_entry;                     \
  const erpc_adapter_entry_v1 erpc_adapter_entry = {                                     \
      sizeof(erpc_adapter_entry_v1), ERPC_ABI_MAJOR,   ERPC_ABI_MINOR,                   \
      0,                             T::adapter_id,    &::erpc::detail::adapter_module<T>::init, \
      &::erpc::detail::adapter_module<T>::deinit,                                        \
      &::erpc::detail::adapter_module<T>::get_adapter};                                  \
  }

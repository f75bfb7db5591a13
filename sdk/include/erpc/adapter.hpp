// SPDX-License-Identifier: Apache-2.0
// The C++ surface for adapter authors. Write a class derived from erpc::adapter with
// `describe`, `check`, `open`, and a connection class with `execute`; then ERPC_ADAPTER(MyAdapter)
// in one .cpp produces the ABI entry, the version handshake and the exception firewall.
#pragma once

#include <erpc/abi.h>
#include <erpc/call_context.hpp>
#include <erpc/error.hpp>
#include <erpc/host.hpp>

#include <nlohmann/json.hpp>

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace erpc {

// One request envelope (docs/contract.md).
struct request {
  std::string contract;
  std::string op;
  std::string object;
  std::string idempotency_key;
  int attempt = 1;
  std::optional<std::string> prior_outcome;  // e.g. "unknown": a retry after a lost reply
  std::int64_t deadline_ms = 0;
  std::string correlation_id;
  std::string connection;
  nlohmann::json payload;  // the canonical object for writes; null otherwise
  nlohmann::json query;    // get/list parameters; null otherwise
  // The envelope as the host sent it, except that `payload` and `query` were moved into the
  // members above (one copy of a large document, not two; their entries here are null). Holds
  // the members this struct does not name, e.g. `traceparent`.
  nlohmann::json raw;

  static request from_json(nlohmann::json envelope) {
    request r;
    r.contract = envelope.value("contract", "");
    r.op = envelope.value("op", "");
    r.object = envelope.value("object", "");
    r.idempotency_key = envelope.value("idempotency_key", "");
    if (auto it = envelope.find("attempt"); it != envelope.end() && it->is_number_integer()) {
      r.attempt = it->get<int>();
    }
    if (auto it = envelope.find("prior_outcome"); it != envelope.end() && it->is_string()) {
      r.prior_outcome = it->get<std::string>();
    }
    if (auto it = envelope.find("deadline_ms"); it != envelope.end() && it->is_number_integer()) {
      r.deadline_ms = it->get<std::int64_t>();
    }
    r.correlation_id = envelope.value("correlation_id", "");
    r.connection = envelope.value("connection", "");
    if (auto it = envelope.find("payload"); it != envelope.end()) r.payload = std::move(*it);
    if (auto it = envelope.find("query"); it != envelope.end()) r.query = std::move(*it);
    r.raw = std::move(envelope);
    return r;
  }
};

// What a successful execute returns: the canonical result document and whether it is a replay
// of an earlier effect (found through the vendor's natural key) rather than a new one.
struct result {
  nlohmann::json document;
  bool replayed = false;
};

// Per-connection state (tokens, value maps, caches). Created by adapter::open, destroyed when
// the host closes the connection. execute may run concurrently up to the connection's
// concurrency cap, so guard shared state.
class connection {
 public:
  virtual ~connection() = default;
  virtual result execute(const request& req, call_context& ctx) = 0;
  // The same call, on a request nothing else needs any more: the SDK calls this one for every
  // request from the host. A connection whose answer is made of the payload (a create answers
  // the payload with the vendor's id) overrides it to move the payload into the answer instead
  // of copying it; by default it is execute(req).
  virtual result execute_consuming(request&& req, call_context& ctx) { return execute(req, ctx); }
};

class adapter {
 public:
  virtual ~adapter() = default;

  // The manifest (docs/abi.md "Manifest"): id, name, vendor, version, status, contract range,
  // objects and ops, capabilities, config_schema, mapping_version. Called once after init.
  virtual nlohmann::json describe() const = 0;

  // Checks a configuration without opening a connection; throws erpc::error (CONFIGURATION
  // with field errors) when it is wrong. The default accepts anything open() accepts.
  virtual void check(const nlohmann::json& config, call_context& ctx) { (void)open(config, ctx); }

  // Opens a connection; throws erpc::error when it cannot.
  virtual std::unique_ptr<connection> open(const nlohmann::json& config, call_context& ctx) = 0;

  // Optional capability tables by versioned id ("erpc.cap.bulk/1"); none by default.
  virtual const void* capability(std::string_view capability_id) const noexcept {
    (void)capability_id;
    return nullptr;
  }

  // The host this adapter was initialised with (set before describe() is called).
  host_ref host() const noexcept { return host_; }
  void attach_host(host_ref host) noexcept { host_ = host; }

 private:
  host_ref host_;
};

}  // namespace erpc

#include <erpc/detail/adapter_entry-inl.hpp>

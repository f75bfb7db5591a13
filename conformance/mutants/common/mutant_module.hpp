// SPDX-License-Identifier: Apache-2.0
// A conformance mutant: the real NetSuite adapter (erpc::netsuite::adapter_entry(), linked from
// erpc_netsuite_adapter_objects) behind a thin wrapper that injects exactly one defect at the
// ABI boundary. Production code stays free of defects; each mutant's defect.cpp derives from
// erpc::mutants::defect, overrides the one hook its defect needs, and ends with
// ERPC_MUTANT(<defect class>, <ABI major the entry declares>).
//
// The hooks, in the order a call meets them:
//   execute()      the whole execute call (default: run the inner adapter, then on_answer)
//   before_send()  each HTTP request the inner adapter makes through "erpc.host.http/1"
//   on_secret()    each secret value the inner adapter resolves through "erpc.host.secrets/1"
//   on_answer()    the inner adapter's answer to one execute, before the host sees it
// conformance/mutants/README.md lists the mutants and the certify check that must fail each.
#pragma once

#include <erpc/abi.h>
#include <erpc/error.hpp>
#include <erpc/http_client.hpp>

#include <nlohmann/json.hpp>

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

namespace erpc::mutants {

// What the inner adapter answered to one execute: respond() (document parsed) or fail().
struct answer {
  bool answered = false;
  std::string text;                      // respond(): the JSON text as the adapter gave it
  std::optional<nlohmann::json> document;  // respond(): parsed, when it parses
  std::optional<error> failure;          // fail()
};

// Runs the inner adapter's execute for one envelope on behalf of the host call `outer`.
class inner_adapter {
 public:
  virtual ~inner_adapter() = default;
  virtual answer execute(erpc_connection* connection, std::string_view request_json,
                         const erpc_call_v1* outer) = 0;
  // The plain inner execute, answering the host directly (no interception).
  virtual void execute_direct(erpc_connection* connection, const char* request_json,
                              std::size_t request_len, const erpc_call_v1* outer) = 0;
};

class defect {
 public:
  virtual ~defect() = default;

  // The whole execute call. The default runs the inner adapter, lets on_answer rewrite what it
  // answered, and answers the host with the result. Not noexcept: a defect may throw.
  virtual void execute(inner_adapter& inner, erpc_connection* connection,
                       const char* request_json, std::size_t request_len,
                       const erpc_call_v1* outer);

  // Rewrites an HTTP request before it goes to the host's service, or answers it without
  // sending (returns the response the inner adapter gets). `outer` is the host call it
  // belongs to (NULL outside a call).
  virtual std::optional<http_response> before_send(http_request& request,
                                                   const erpc_call_v1* outer) {
    (void)request;
    (void)outer;
    return std::nullopt;
  }
  // Sees the response the host's service gave, before the inner adapter does.
  virtual void after_send(const http_request& request, const http_response& response,
                          const erpc_call_v1* outer) {
    (void)request;
    (void)response;
    (void)outer;
  }
  // Called once the execute of `outer` has returned (per-call state can go).
  virtual void call_finished(const erpc_call_v1* outer) { (void)outer; }

  // Sees a secret value the inner adapter resolved.
  virtual void on_secret(std::string_view value) { (void)value; }

  // Rewrites the inner adapter's answer; returns true when it changed it.
  virtual bool on_answer(inner_adapter& inner, erpc_connection* connection,
                         const nlohmann::json& envelope, answer& a, const erpc_call_v1* outer) {
    (void)inner;
    (void)connection;
    (void)envelope;
    (void)a;
    (void)outer;
    return false;
  }
};

// Defined by each mutant's defect.cpp (through ERPC_MUTANT).
std::unique_ptr<defect> make_defect();

// The wrapper module's entry functions (mutant_module.cpp).
std::int32_t module_init(const erpc_host_v1* host) noexcept;
void module_deinit() noexcept;
const erpc_adapter_v1* module_get_adapter() noexcept;

// Whether `request` creates a NetSuite record: POST /services/rest/record/v1/<type>.
bool is_record_create(const http_request& request);

// Rebuilds an error with another class (and effect); code, message, detail kept.
error with_class(const error& e, error_class cls, effect eff);
// Rebuilds an error without its retry_after_ms.
error without_retry_after(const error& e);
// Rebuilds an error with another message.
error with_message(const error& e, std::string message);

}  // namespace erpc::mutants

// Exports the mutant's entry: the inner NetSuite adapter's id, the wrapper's functions, and
// the ABI major the entry declares (ERPC_ABI_MAJOR unless that is the defect).
#define ERPC_MUTANT(DefectClass, AbiMajor)                                               \
  std::unique_ptr<::erpc::mutants::defect> erpc::mutants::make_defect() {                \
    return std::make_unique<DefectClass>();                                              \
  }                                                                                      \
  extern "C" {                                                                           \
  ERPC_EXPORT extern const erpc_adapter_entry_v1 erpc_adapter_entry;                     \
  const erpc_adapter_entry_v1 erpc_adapter_entry = {                                     \
      sizeof(erpc_adapter_entry_v1),       (AbiMajor),                                   \
      ERPC_ABI_MINOR,                      0,                                            \
      ::erpc::netsuite::adapter_id,        &::erpc::mutants::module_init,                \
      &::erpc::mutants::module_deinit,     &::erpc::mutants::module_get_adapter};        \
  }

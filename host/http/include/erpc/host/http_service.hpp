// SPDX-License-Identifier: Apache-2.0
// The host's one outbound HTTP implementation of "erpc.host.http/1" (cpprestsdk behind a pimpl).
#pragma once

#include <erpc/abi.h>

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>

namespace erpc {

struct http_service_options {
  // pplx pool size. cpprest's default is 40 threads, which costs ~3x throughput on 2 cores.
  // The pool is process-wide: only the first service constructed decides its size.
  std::size_t pool_threads = 2;
  // Applies when neither the request nor the call bounds the time.
  std::chrono::milliseconds default_timeout{30000};
  // PEM bundle trusted in addition to the system store (e.g. a test CA). Must be readable.
  std::string ca_file;
  // Turns certificate verification off. Logged as a warning; never for production.
  bool insecure_skip_verify = false;
  // Observation and fault-injection points; called on the sending thread. Exceptions they
  // throw are logged and swallowed.
  std::function<void(const erpc_http_request_v1&, const erpc_call_v1*)> on_request;
  std::function<void(const erpc_http_request_v1&, const erpc_http_response_v1&,
                     std::chrono::nanoseconds elapsed)>
      on_response;
  // Wall clock in Unix ms, the clock the call's deadline_unix_ms is read against.
  std::function<std::int64_t()> now_unix_ms;
};

class http_service {
 public:
  explicit http_service(http_service_options options = {});
  ~http_service();
  http_service(const http_service&) = delete;
  http_service& operator=(const http_service&) = delete;

  // The ABI table to hand out from get_service("erpc.host.http/1"); valid while *this lives.
  const erpc_host_http_v1* table() const noexcept;

  // Same as table()->send: blocks, then calls sink exactly once.
  void send(const erpc_call_v1* call, const erpc_http_request_v1& request, erpc_http_sink_v1 sink,
            void* user) const;

 private:
  struct impl;
  std::unique_ptr<impl> impl_;
};

}  // namespace erpc

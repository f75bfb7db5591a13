// SPDX-License-Identifier: Apache-2.0
// The host's Prometheus metrics (prometheus-cpp core registry, text exposition format). Every
// series has a typed recorder, so call sites never spell metric names or label keys:
//   erpc_requests_total{connection,object,op,outcome}      counter
//   erpc_errors_total{connection,class}                    counter
//   erpc_retries_total{connection}                         counter
//   erpc_queue_depth{queue}                                gauge
//   erpc_inflight{connection}                              gauge
//   erpc_request_duration_seconds{connection,op}           histogram
//   erpc_http_requests_total{method,route,status}          counter (metrics_middleware)
//   erpc_http_request_duration_seconds{method,route}       histogram (metrics_middleware)
// Thread-safe. Label values are the caller's bounded sets (connection names from the
// configuration, routes as patterns), never request data.
#pragma once

#include <erpc/error.hpp>

#include <chrono>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

namespace erpc {

enum class request_outcome {
  accepted,  // written durably to the outbox
  ok,        // the adapter answered ok
  replayed,  // a stored answer was returned
  rejected,  // refused at accept (validation, key reuse, back-pressure)
  queued,    // ended in an exception queue
};
std::string_view to_string(request_outcome outcome) noexcept;

enum class queue_name { outbox, business, technical };
std::string_view to_string(queue_name queue) noexcept;

class metrics_registry {
 public:
  metrics_registry();
  ~metrics_registry();
  metrics_registry(const metrics_registry&) = delete;
  metrics_registry& operator=(const metrics_registry&) = delete;

  void count_request(std::string_view connection, std::string_view object, std::string_view op,
                     request_outcome outcome);
  void count_error(std::string_view connection, error_class cls);
  void count_retry(std::string_view connection);
  void set_queue_depth(queue_name queue, std::int64_t depth);
  void add_inflight(std::string_view connection, std::int64_t delta);  // +1 on claim, -1 after
  void observe_request_duration(std::string_view connection, std::string_view op,
                                std::chrono::duration<double> elapsed);

  void count_http_request(std::string_view method, std::string_view route, unsigned status);
  void observe_http_duration(std::string_view method, std::string_view route,
                             std::chrono::duration<double> elapsed);

  // Prometheus text exposition format 0.0.4 (the body of GET /metrics).
  std::string text() const;
  static constexpr std::string_view content_type = "text/plain; version=0.0.4; charset=utf-8";

 private:
  struct impl;
  std::unique_ptr<impl> impl_;
};

}  // namespace erpc

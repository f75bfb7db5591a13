// SPDX-License-Identifier: Apache-2.0
#include "erpc/host/metrics_registry.hpp"

#include <prometheus/counter.h>
#include <prometheus/family.h>
#include <prometheus/gauge.h>
#include <prometheus/histogram.h>
#include <prometheus/registry.h>
#include <prometheus/text_serializer.h>

#include <mutex>
#include <sstream>
#include <unordered_map>

namespace erpc {

namespace {

// Adapter calls take milliseconds to minutes; HTTP answers of the host itself take less.
const prometheus::Histogram::BucketBoundaries request_buckets = {
    0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120};
const prometheus::Histogram::BucketBoundaries http_buckets = {
    0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10};

// Family::Add constructs a metric on every call even when the series exists (a histogram
// allocates its buckets), so each family keeps its own series index.
template <class Metric>
class series_index {
 public:
  series_index(prometheus::Family<Metric>& family, std::vector<std::string> keys)
      : family_(family), keys_(std::move(keys)) {}

  template <class... Args>
  Metric& get(std::initializer_list<std::string_view> values, Args&&... args) {
    std::string key;
    for (const auto v : values) {
      key.append(v);
      key += '\x1f';
    }
    std::lock_guard lock(mutex_);
    if (auto it = index_.find(key); it != index_.end()) return *it->second;
    prometheus::Labels labels;
    auto name = keys_.begin();
    for (const auto v : values) labels.emplace(*name++, std::string(v));
    Metric& metric = family_.Add(labels, std::forward<Args>(args)...);
    index_.emplace(std::move(key), &metric);
    return metric;
  }

 private:
  prometheus::Family<Metric>& family_;
  std::vector<std::string> keys_;
  std::mutex mutex_;
  std::unordered_map<std::string, Metric*> index_;
};

}  // namespace

std::string_view to_string(request_outcome outcome) noexcept {
  switch (outcome) {
    case request_outcome::accepted: return "accepted";
    case request_outcome::ok: return "ok";
    case request_outcome::replayed: return "replayed";
    case request_outcome::rejected: return "rejected";
    case request_outcome::queued: return "queued";
  }
  return "unknown";
}

std::string_view to_string(queue_name queue) noexcept {
  switch (queue) {
    case queue_name::outbox: return "outbox";
    case queue_name::business: return "business";
    case queue_name::technical: return "technical";
  }
  return "unknown";
}

struct metrics_registry::impl {
  std::shared_ptr<prometheus::Registry> registry = std::make_shared<prometheus::Registry>();

  series_index<prometheus::Counter> requests{
      prometheus::BuildCounter()
          .Name("erpc_requests_total")
          .Help("Requests handled by the host, by connection, object, op and outcome")
          .Register(*registry),
      {"connection", "object", "op", "outcome"}};
  series_index<prometheus::Counter> errors{
      prometheus::BuildCounter()
          .Name("erpc_errors_total")
          .Help("Adapter call failures by connection and error class")
          .Register(*registry),
      {"connection", "class"}};
  series_index<prometheus::Counter> retries{
      prometheus::BuildCounter()
          .Name("erpc_retries_total")
          .Help("Attempts scheduled again after a retryable failure")
          .Register(*registry),
      {"connection"}};
  series_index<prometheus::Gauge> queue_depth{
      prometheus::BuildGauge()
          .Name("erpc_queue_depth")
          .Help("Messages waiting in the outbox or an exception queue")
          .Register(*registry),
      {"queue"}};
  series_index<prometheus::Gauge> inflight{
      prometheus::BuildGauge()
          .Name("erpc_inflight")
          .Help("Adapter calls running now, by connection")
          .Register(*registry),
      {"connection"}};
  series_index<prometheus::Histogram> duration{
      prometheus::BuildHistogram()
          .Name("erpc_request_duration_seconds")
          .Help("Adapter call duration by connection and op")
          .Register(*registry),
      {"connection", "op"}};
  series_index<prometheus::Counter> http_requests{
      prometheus::BuildCounter()
          .Name("erpc_http_requests_total")
          .Help("HTTP requests answered by the server, by method, route pattern and status")
          .Register(*registry),
      {"method", "route", "status"}};
  series_index<prometheus::Histogram> http_duration{
      prometheus::BuildHistogram()
          .Name("erpc_http_request_duration_seconds")
          .Help("Time from routing to the handler's answer, by method and route pattern")
          .Register(*registry),
      {"method", "route"}};
};

metrics_registry::metrics_registry() : impl_(std::make_unique<impl>()) {}
metrics_registry::~metrics_registry() = default;

void metrics_registry::count_request(std::string_view connection, std::string_view object,
                                     std::string_view op, request_outcome outcome) {
  impl_->requests.get({connection, object, op, to_string(outcome)}).Increment();
}

void metrics_registry::count_error(std::string_view connection, error_class cls) {
  impl_->errors.get({connection, to_string(cls)}).Increment();
}

void metrics_registry::count_retry(std::string_view connection) {
  impl_->retries.get({connection}).Increment();
}

void metrics_registry::set_queue_depth(queue_name queue, std::int64_t depth) {
  impl_->queue_depth.get({to_string(queue)}).Set(static_cast<double>(depth));
}

void metrics_registry::add_inflight(std::string_view connection, std::int64_t delta) {
  impl_->inflight.get({connection}).Increment(static_cast<double>(delta));
}

void metrics_registry::observe_request_duration(std::string_view connection, std::string_view op,
                                                std::chrono::duration<double> elapsed) {
  impl_->duration.get({connection, op}, request_buckets).Observe(elapsed.count());
}

void metrics_registry::count_http_request(std::string_view method, std::string_view route,
                                          unsigned status) {
  const std::string code = std::to_string(status);
  impl_->http_requests.get({method, route, code}).Increment();
}

void metrics_registry::observe_http_duration(std::string_view method, std::string_view route,
                                             std::chrono::duration<double> elapsed) {
  impl_->http_duration.get({method, route}, http_buckets).Observe(elapsed.count());
}

std::string metrics_registry::text() const {
  std::ostringstream out;
  prometheus::TextSerializer().Serialize(out, impl_->registry->Collect());
  return out.str();
}

}  // namespace erpc

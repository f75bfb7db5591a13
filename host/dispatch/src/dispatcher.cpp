#include "erpc/host/dispatcher.hpp"

#include <erpc/host/crash_point.hpp>
#include <erpc/host/document_member.hpp>
#include <erpc/host/execute_checks.hpp>
#include <erpc/host/host_clock.hpp>
#include <erpc/host/log_context.hpp>
#include <erpc/host/retry_policy.hpp>
#include <erpc/host/strict_json.hpp>

#include <spdlog/spdlog.h>

#include <algorithm>

namespace erpc {
namespace {

// Technical failures of the vendor side trip the breaker; a vendor that answers with a
// business error, asks to slow down, or is busy with the same key is working.
bool trips_breaker(error_class c) {
  return queue_for(c) == exception_queue::technical && c != error_class::rate_limited &&
         c != error_class::in_progress && c != error_class::configuration &&
         c != error_class::unsupported;
}

std::optional<std::string> optional_string(const nlohmann::json& j, const char* key) {
  if (auto it = j.find(key); it != j.end() && it->is_string()) return it->get<std::string>();
  return std::nullopt;
}

// The plaintext of the fields configured for encryption (audit.encrypt) in this payload: the
// log scope masks them in every line logged while the message is handled.
std::vector<std::string> sensitive_values(const std::string& payload,
                                          const std::vector<std::string>& pointers) {
  std::vector<std::string> values;
  if (pointers.empty() || payload.empty()) return values;
  const auto document = nlohmann::json::parse(payload, nullptr, /*allow_exceptions=*/false);
  for (const auto& pointer : pointers) {
    try {
      const nlohmann::json::json_pointer at(pointer);
      if (!document.contains(at)) continue;
      const auto& value = document.at(at);
      values.push_back(value.is_string() ? value.get<std::string>() : value.dump());
    } catch (const nlohmann::json::exception&) {
      // A pointer the configuration check let through but this document cannot follow.
    }
  }
  return values;
}

}  // namespace

dispatcher::dispatcher(const runtime_config& config, idempotency_ledger& ledger,
                       const host_clock& clock, connection_opener open_connection,
                       request_validator validate, std::shared_ptr<spdlog::logger> logger,
                       dispatcher_options options)
    : config_(config),
      ledger_(ledger),
      clock_(clock),
      open_connection_(std::move(open_connection)),
      validate_(std::move(validate)),
      logger_(std::move(logger)),
      options_(std::move(options)),
      random_(std::random_device{}()) {}

dispatcher::~dispatcher() { stop(); }

submit_outcome dispatcher::submit(const nlohmann::json& submitted) {
  return accept_envelope(submitted, nullptr);
}

submit_outcome dispatcher::raise(const nlohmann::json& envelope, const error& why,
                                 exception_queue queue) {
  const raised_condition raised{why, queue};
  return accept_envelope(envelope, &raised);
}

std::optional<std::string> dispatcher::message_of(const key_scope& key) {
  return ledger_.message_of(key);
}

submit_outcome dispatcher::accept_envelope(const nlohmann::json& submitted,
                                           const raised_condition* raised) {
  submit_outcome out;
  auto refuse = [&](error e) {
    out.refused = std::move(e);
    return out;
  };
  if (!submitted.is_object()) {
    return refuse(error(error_class::validation, "contract.envelope_not_object",
                        "the request envelope must be a JSON object"));
  }
  const std::string connection = submitted.value("connection", "");
  const auto cfg = config_.connections.find(connection);
  if (cfg == config_.connections.end()) {
    return refuse(error(error_class::configuration, "dispatch.unknown_connection",
                        "no connection named '" + connection + "' is configured"));
  }
  // A submitted write need not carry what the connection already decides: its deadline, and
  // the first attempt. Each attempt's envelope is built again from the ledger (envelope_for).
  nlohmann::json envelope = submitted;
  if (!envelope.contains("deadline_ms")) envelope["deadline_ms"] = cfg->second.deadline_ms;
  if (!envelope.contains("contract")) envelope["contract"] = "1.0";
  const std::string op = envelope.value("op", "");
  if (!is_write_op(op) && !(raised != nullptr && op == "status")) {
    return refuse(error(error_class::validation, "dispatch.not_a_write",
                        "only writes (create, update, cancel, reverse, submit) go through the "
                        "outbox; call reads directly"));
  }
  if (validate_) {
    auto fields = validate_(envelope);
    if (!fields.empty()) {
      return refuse(error(error_class::validation, "contract.invalid_request",
                          "the request does not satisfy the canonical contract")
                        .with_fields(std::move(fields)));
    }
  }
  // Back-pressure refuses new work; a raised condition is not work but an alarm, and must not
  // be lost because the outbox is full.
  if (raised == nullptr && ledger_.unfinished_count(connection) >= cfg->second.max_queued) {
    return refuse(error(error_class::rate_limited, "dispatch.queue_full",
                        "connection '" + connection + "' has " +
                            std::to_string(cfg->second.max_queued) +
                            " unfinished messages; retry later")
                      .with_retry_after_ms(1000));
  }

  accept_request request;
  request.key = {connection, envelope.value("object", ""), envelope.value("op", ""),
                 envelope.value("idempotency_key", "")};
  const std::string document(document_member_for(request.key.op));
  request.payload = envelope.contains(document) ? envelope[document].dump() : "null";
  request.correlation_id = envelope.value("correlation_id", "");
  request.traceparent = optional_string(envelope, "traceparent");
  request.ordering_key = optional_string(envelope, "ordering_key");
  if (auto it = envelope.find("depends_on"); it != envelope.end() && it->is_array()) {
    for (const auto& d : *it) {
      if (d.is_string()) request.depends_on.push_back(d.get<std::string>());
    }
  }
  out.accepted = raised != nullptr ? ledger_.raise(request, raised->why, raised->queue)
                                   : ledger_.accept(request);
  if (out.accepted.kind == accept_kind::reuse) {
    return refuse(error(error_class::idempotency_key_reuse, "idempotency.key_reuse",
                        "idempotency key '" + request.key.idempotency_key +
                            "' was used with another payload")
                      .with_effect(effect::none));
  }
  crash_point("after_accept");
  if (raised == nullptr && out.accepted.kind == accept_kind::accepted) notify();
  return out;
}

dispatcher::connection_state& dispatcher::state_for(const std::string& connection) {
  std::lock_guard lock(states_mutex_);
  auto& slot = states_[connection];
  if (!slot) {
    const auto& cfg = config_.connections.at(connection);
    slot = std::make_unique<connection_state>();
    slot->config = &cfg;
    const double per_second = cfg.rate_limit.per_second;
    if (per_second > 0) {
      slot->bucket = std::make_unique<token_bucket>(clock_, per_second, cfg.rate_limit.burst);
    }
    slot->breaker = std::make_unique<circuit_breaker>(clock_, cfg.breaker);
  }
  return *slot;
}

nlohmann::json dispatcher::envelope_for(const claimed_message& m,
                                        const connection_config& cfg) const {
  nlohmann::json envelope = {{"contract", "1.0"},
                             {"op", m.key.op},
                             {"object", m.key.object},
                             {"idempotency_key", m.key.idempotency_key},
                             {"attempt", m.attempt},
                             {"prior_outcome", m.prior_outcome ? nlohmann::json(*m.prior_outcome)
                                                               : nlohmann::json(nullptr)},
                             {"deadline_ms", cfg.deadline_ms},
                             {"correlation_id", m.correlation_id},
                             {"connection", m.key.connection}};
  envelope[std::string(document_member_for(m.key.op))] = parse_strict(m.payload);
  if (m.traceparent) envelope["traceparent"] = *m.traceparent;
  if (m.ordering_key) envelope["ordering_key"] = *m.ordering_key;
  return envelope;
}

bool dispatcher::process_one(connection_state& state) {
  const auto& cfg = *state.config;
  // The gate makes "is there room, then take a message" one step per connection, so the
  // concurrency cap, the rate limit and the breaker's single probe hold across workers.
  std::optional<claimed_message> message;
  {
    std::lock_guard gate(state.gate);
    if (state.in_flight.load() >= cfg.concurrency) return false;
    if (state.bucket && !state.bucket->available()) return false;
    if (!state.breaker->would_allow()) return false;
    claim_request request;
    request.owner = options_.owner;
    request.now_ms = clock_.now_unix_ms();
    request.lease_ms = std::max(options_.lease_ms, 2 * cfg.deadline_ms);
    request.limit = 1;
    request.connection = cfg.name;
    auto claimed = ledger_.claim(request);
    if (claimed.empty()) return false;
    if (state.bucket) state.bucket->try_take();
    state.breaker->allow();
    ++state.in_flight;
    message = std::move(claimed.front());
  }
  if (options_.on_inflight) options_.on_inflight(cfg.name, 1);
  handle(state, *message);
  --state.in_flight;
  if (options_.on_inflight) options_.on_inflight(cfg.name, -1);
  return true;
}

void dispatcher::handle(connection_state& state, const claimed_message& m) {
  const auto& cfg = *state.config;
  // Every line logged on this thread for the message carries its correlation id as a field,
  // the adapter's through the host log service included, with its sensitive fields masked.
  const log_context_scope log_scope(
      m.correlation_id,
      {{"connection", m.key.connection}, {"message_id", m.message_id}},
      sensitive_values(m.payload, config_.audit.encrypt));
  crash_point("after_claim");
  const auto started = std::chrono::steady_clock::now();
  attempt_report report;
  report.connection = m.key.connection;
  report.object = m.key.object;
  report.op = m.key.op;
  execute_outcome outcome;
  try {
    // A stored payload that cannot be decrypted (a wrong or missing key) is never sent: the
    // attempt fails with its stable code, effect none since nothing reached the vendor (an
    // earlier attempt's unknown outcome still keeps the key bound: record_failure sees
    // prior_outcome), and the message goes to the technical queue.
    if (m.payload_unreadable) throw error(*m.payload_unreadable).with_effect(effect::none);
    connection_call call;
    {
      std::lock_guard lock(state.open_mutex);
      if (!state.call) state.call = open_connection_(cfg);
      call = state.call;
    }
    const auto envelope = envelope_for(m, cfg);
    crash_point("before_call");
    outcome = call(envelope);
  } catch (const error& e) {
    outcome.failure = std::make_shared<const error>(e);
  } catch (const std::exception& e) {
    outcome.failure = std::make_shared<const error>(
        error(error_class::internal, "dispatch.internal", e.what()).with_effect(effect::none));
  }
  crash_point("after_vendor_commit");
  report.elapsed = std::chrono::steady_clock::now() - started;

  try {
    if (outcome.ok) {
      ledger_.record_success(m.message_id, m.fencing_token, outcome.response->dump());
      state.breaker->record_success();
      report.ok = true;
    } else {
      const error& e = *outcome.failure;
      failure_decision decision = failure_decision::to_queue();
      if (is_retryable(e.cls()) && m.attempt < cfg.retry.max_attempts) {
        std::int64_t delay = 0;
        {
          std::lock_guard lock(random_mutex_);
          delay = backoff_delay_ms(cfg.retry, static_cast<int>(m.attempt) + 1,
                                   e.retry_after_ms(), random_);
        }
        decision = failure_decision::retry_at(clock_.now_unix_ms() + delay);
      }
      ledger_.record_failure(m.message_id, m.fencing_token, e, decision);
      report.failure = e.cls();
      report.retry_scheduled = decision.what == failure_decision::action::retry;
      if (trips_breaker(e.cls())) {
        state.breaker->record_technical_failure();
      } else {
        state.breaker->record_success();
      }
      if (logger_) {
        logger_->log(decision.what == failure_decision::action::retry ? spdlog::level::info
                                                                      : spdlog::level::warn,
                     "{} {} {} attempt {}: {} {} -> {}", m.key.connection, m.key.object,
                     m.key.op, m.attempt, to_string(e.cls()), e.code(),
                     decision.what == failure_decision::action::retry ? "retry" : "queued");
      }
    }
  } catch (const error& e) {
    // A stale fencing token: the lease was lost (e.g. expired under a slow call) and another
    // worker owns the message now. Nothing was committed; that worker decides.
    if (logger_) {
      logger_->warn("outcome not recorded: {} {}", e.code(), e.what());
    }
  }
  crash_point("after_record");
  if (options_.on_attempt) options_.on_attempt(report);
}

int dispatcher::run_once() {
  ledger_.expire_leases(clock_.now_unix_ms());
  int processed = 0;
  for (const auto& [name, cfg] : config_.connections) {
    auto& state = state_for(name);
    while (process_one(state)) ++processed;
  }
  return processed;
}

void dispatcher::notify() {
  {
    std::lock_guard lock(wake_mutex_);
    work_hint_ = true;
  }
  wake_.notify_all();
}

void dispatcher::worker_loop() {
  while (running_) {
    int processed = 0;
    try {
      ledger_.expire_leases(clock_.now_unix_ms());
      for (const auto& [name, cfg] : config_.connections) {
        auto& state = state_for(name);
        if (process_one(state)) ++processed;
      }
    } catch (const std::exception& e) {
      if (logger_) logger_->error("dispatcher round failed: {}", e.what());
    }
    if (processed == 0) {
      std::unique_lock lock(wake_mutex_);
      wake_.wait_for(lock, options_.idle_poll, [this] { return work_hint_ || !running_; });
      work_hint_ = false;
    }
  }
}

void dispatcher::start() {
  if (running_.exchange(true)) return;
  for (int i = 0; i < std::max(1, options_.worker_threads); ++i) {
    workers_.emplace_back([this] { worker_loop(); });
  }
}

void dispatcher::stop() {
  if (!running_.exchange(false)) return;
  wake_.notify_all();
  for (auto& w : workers_) w.join();
  workers_.clear();
}

}  // namespace erpc

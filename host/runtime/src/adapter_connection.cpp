#include "erpc/host/adapter_connection.hpp"

#include <erpc/host/call_state.hpp>
#include <erpc/host/call_watchdog.hpp>
#include <erpc/host/execute_checks.hpp>
#include <erpc/host/host_clock.hpp>
#include <erpc/host/log_context.hpp>
#include <erpc/host/worker_pool.hpp>

#include <nlohmann/json.hpp>
#include <spdlog/spdlog.h>

#include <mutex>

namespace erpc {
namespace {

constexpr std::int64_t default_deadline_ms = 30'000;
struct call_result {
  bool returned = false;
  std::optional<call_answer> answer;
};

// The answer for a call whose adapter function threw: INTERNAL adapter.threw, effect possible
// (the adapter may have written before it threw). Ignored if the adapter had answered.
void answer_escaped_exception(const call_state& state, const std::shared_ptr<spdlog::logger>& logger) {
  if (logger) {
    logger->error("[{}] adapter.threw: an exception crossed the ABI boundary", state.correlation_id());
  }
  erpc_error_v1 e{};
  e.struct_size = sizeof e;
  e.error_class = ERPC_ERROR_INTERNAL;
  e.effect = ERPC_EFFECT_POSSIBLE;
  e.retry_after_ms = ERPC_NO_RETRY_AFTER;
  e.code = "adapter.threw";
  e.message = "the adapter let an exception cross the ABI boundary (abi.h forbids it)";
  state.abi()->fail(state.abi(), &e);
}

// Runs `adapter_call(call)` on a worker thread and waits until it returns or the deadline
// passes. On a timeout the call is abandoned: the state and the library stay alive (the task
// holds `keep_alive`) until the adapter code really returns.
template <class AdapterCall>
call_result run_on_worker(const call_environment& env, std::shared_ptr<const void> keep_alive,
                          std::shared_ptr<call_state> state, std::int64_t timeout_ms,
                          AdapterCall adapter_call) {
  auto logger = env.logger;
  auto abandoned = env.abandoned_calls;
  // The adapter's log lines belong to the caller's message: same correlation id, fields and
  // masked values on the worker thread.
  auto task = [state, keep_alive = std::move(keep_alive), adapter_call, abandoned, logger,
               context = capture_log_context()]() mutable {
    const log_context_scope log_scope(std::move(context));
    try {
      adapter_call(state->abi());
    } catch (...) {
      // abi.h forbids exceptions across the boundary; one that escapes anyway (an adapter
      // built without the SDK's firewall) must cost this call, not the worker thread.
      answer_escaped_exception(*state, logger);
    }
    state->mark_returned();
    if (state->cancelled()) --*abandoned;
  };
  if (env.workers == nullptr || !env.workers->submit(std::move(task))) {
    throw error(error_class::rate_limited, "host.workers_busy",
                "no worker thread can take the call now; retry later")
        .with_effect(effect::none);
  }
  const auto until = std::chrono::steady_clock::now() + std::chrono::milliseconds(timeout_ms);
  call_result r;
  if (!state->wait_returned_until(until)) {
    ++*abandoned;
    state->cancel();
    // The adapter may have returned between the timeout and cancel(); then it is not abandoned.
    if (state->wait_returned_until(std::chrono::steady_clock::now())) {
      --*abandoned;
    }
    if (logger) {
      logger->warn("[{}] adapter call abandoned at its deadline ({} ms)", state->correlation_id(),
                   timeout_ms);
    }
    return r;
  }
  r.returned = true;
  r.answer = state->take_answer();
  return r;
}

// Runs `adapter_call(call)` on the caller's thread under env.watchdog. A call that returns past
// its deadline is reported as not returned, exactly as run_on_worker reports it, and its answer
// is ignored; an adapter that ignores the cancellation keeps this thread until it returns.
template <class AdapterCall>
call_result run_on_caller(const call_environment& env, const std::shared_ptr<call_state>& state,
                          std::int64_t timeout_ms, AdapterCall adapter_call) {
  const auto until = std::chrono::steady_clock::now() + std::chrono::milliseconds(timeout_ms);
  auto watch = env.watchdog->start(state, until, timeout_ms, env.abandoned_calls);
  auto end_watch = [&] {
    state->mark_returned();
    // A call the watchdog counted as abandoned is over now.
    if (watch.finish() && env.abandoned_calls) --*env.abandoned_calls;
    return state->cancelled();
  };
  try {
    adapter_call(state->abi());
  } catch (...) {
    // Nothing may unwind through the C ABI; if a foreign adapter does it anyway, the call is
    // over and checked_execute reports it as INTERNAL.
    end_watch();
    throw;
  }
  call_result r;
  if (end_watch()) return r;
  if (std::chrono::steady_clock::now() > until) {
    state->cancel();
    if (env.logger) {
      env.logger->warn("[{}] adapter call returned after its deadline ({} ms); answer ignored",
                       state->correlation_id(), timeout_ms);
    }
    return r;
  }
  r.returned = true;
  r.answer = state->take_answer();
  return r;
}

std::shared_ptr<call_state> make_state(const call_environment& env, std::string correlation,
                                       std::string traceparent, std::int64_t timeout_ms,
                                       std::string files_root) {
  const std::int64_t now = env.clock != nullptr ? env.clock->now_unix_ms() : 0;
  auto logger = env.logger;
  auto state = std::make_shared<call_state>(
      std::move(correlation), std::move(traceparent), now + timeout_ms,
      [logger](const std::string& id, const std::string& what) {
        if (logger) logger->warn("[{}] adapter broke the answer rule: {}", id, what);
      });
  state->set_files_root(std::move(files_root));
  return state;
}

error no_answer(std::string_view what, effect eff) {
  return error(error_class::internal, "host.no_answer",
               std::string(what) + " returned without answering (abi.h: exactly one answer)")
      .with_effect(eff);
}

error deadline_exceeded(std::int64_t timeout_ms, effect eff) {
  const auto cls = eff == effect::none ? error_class::unavailable : error_class::outcome_unknown;
  return error(cls, "host.deadline_exceeded",
               "the adapter did not answer within " + std::to_string(timeout_ms) + " ms")
      .with_effect(eff);
}

// The adapter's execute answer, parsed; throws for a lost call or the adapter's error.
nlohmann::json execute_answer(call_result& r, const checked_request& request,
                              const call_environment& env) {
  if (!r.returned) throw deadline_exceeded(request.timeout_ms, request.lost_effect);
  if (!r.answer) throw no_answer("execute()", request.lost_effect);
  if (auto* e = std::get_if<error>(&*r.answer)) throw std::move(*e);
  return parse_answer_text(std::get<std::string>(*r.answer), env, request.lost_effect);
}

}  // namespace

adapter_connection::adapter_connection(std::shared_ptr<const erpc_adapter_v1> table,
                                       std::string name, erpc_connection* handle,
                                       const call_environment& env, std::string files_root)
    : table_(std::move(table)),
      name_(std::move(name)),
      handle_(handle),
      env_(env),
      files_root_(std::move(files_root)) {}

adapter_connection::~adapter_connection() {
  // Every execute task holds a shared_ptr to this object, so none is running any more.
  if (handle_ != nullptr && table_->close != nullptr) table_->close(handle_);
}

void adapter_connection::check(const std::shared_ptr<const erpc_adapter_v1>& table,
                               const nlohmann::json& config, const call_environment& env) {
  const std::string text = config.dump();
  auto state = make_state(env, "check", "", default_deadline_ms, "");
  auto r = run_on_worker(env, table, state, default_deadline_ms,
                         [table, text](const erpc_call_v1* call) {
                           table->check(text.data(), text.size(), call);
                         });
  if (!r.returned) throw deadline_exceeded(default_deadline_ms, effect::none);
  if (!r.answer) throw no_answer("check()", effect::none);
  if (auto* e = std::get_if<error>(&*r.answer)) throw redact_error(*e, env);
}

std::shared_ptr<adapter_connection> adapter_connection::open(
    std::shared_ptr<const erpc_adapter_v1> table, std::string name, const nlohmann::json& config,
    const call_environment& env, std::string files_root) {
  if (!config.is_object()) {
    throw error(error_class::configuration, "host.config_not_object",
                "a connection configuration must be a JSON object");
  }
  const std::string text = config.dump();
  auto state = make_state(env, "open:" + name, "", default_deadline_ms, files_root);

  // The handle travels through a shared slot: an open() that finishes after its deadline
  // closes what it opened, so an abandoned open never leaks a connection.
  struct slot {
    std::mutex mutex;
    erpc_connection* handle = nullptr;
    bool abandoned = false;
  };
  auto opened = std::make_shared<slot>();
  auto r = run_on_worker(env, table, state, default_deadline_ms,
                         [table, text, opened](const erpc_call_v1* call) {
                           erpc_connection* c = table->open(text.data(), text.size(), call);
                           std::lock_guard lock(opened->mutex);
                           if (opened->abandoned && c != nullptr) {
                             table->close(c);
                           } else {
                             opened->handle = c;
                           }
                         });
  erpc_connection* handle = nullptr;
  {
    std::lock_guard lock(opened->mutex);
    opened->abandoned = !r.returned;
    handle = opened->handle;
  }
  if (!r.returned) throw deadline_exceeded(default_deadline_ms, effect::none);
  if (handle == nullptr) {
    if (r.answer) {
      if (auto* e = std::get_if<error>(&*r.answer)) throw redact_error(*e, env);
    }
    throw no_answer("open()", effect::none);
  }
  return std::shared_ptr<adapter_connection>(
      new adapter_connection(std::move(table), std::move(name), handle, env, files_root));
}

execute_outcome adapter_connection::execute(const nlohmann::json& envelope) {
  return checked_execute(envelope, env_, [this, &envelope](checked_request& request) {
    auto state = make_state(env_, std::string(request.correlation_id),
                            envelope.value("traceparent", ""), request.timeout_ms, files_root_);
    if (env_.watchdog != nullptr) {
      auto r = run_on_caller(env_, state, request.timeout_ms, [&](const erpc_call_v1* call) {
        table_->execute(handle_, request.text.data(), request.text.size(), call);
      });
      return execute_answer(r, request, env_);
    }
    auto self = shared_from_this();
    // The task owns the request text: an abandoned call may still be reading it.
    auto r = run_on_worker(env_, self, state, request.timeout_ms + env_.abandon_grace_ms,
                           [self, text = std::move(request.text)](const erpc_call_v1* call) {
                             self->table_->execute(self->handle_, text.data(), text.size(), call);
                           });
    return execute_answer(r, request, env_);
  });
}

}  // namespace erpc

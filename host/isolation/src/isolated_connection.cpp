#include "erpc/host/isolated_connection.hpp"

#include "error_json.hpp"
#include "service_server.hpp"

#include <erpc/error.hpp>
#include <erpc/host/call_state.hpp>
#include <erpc/host/execute_checks.hpp>
#include <erpc/host/host_clock.hpp>
#include <erpc/host/worker_process.hpp>

#include <spdlog/spdlog.h>

namespace erpc {
namespace {

using steady = std::chrono::steady_clock;

// After the worker closed its pipe, how long it may take to finish dying before it is killed.
constexpr std::chrono::milliseconds exit_grace{500};

json_limits frame_limits(const call_environment& env) {
  return json_limits{env.max_json_bytes + frame_overhead_bytes, json_limits{}.max_depth + 1};
}

std::int64_t now_unix_ms(const call_environment& env) {
  return env.clock != nullptr ? env.clock->now_unix_ms() : 0;
}

std::string json_string(const std::string& text) {
  return nlohmann::json(text).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

// Reads the worker's next message that is not a service call, serving service calls with the
// host's real services meanwhile.
nlohmann::json await_reply(worker_process& worker, steady::time_point until,
                           const host_table* services, const erpc_call_v1* call) {
  for (;;) {
    auto frame = worker.pipe().read(until);
    if (frame["type"] != "service_call") return frame;
    if (auto result = serve_service_call(frame, services, call)) {
      worker.pipe().write(*result, until);
    }
  }
}

[[noreturn]] void unexpected(const nlohmann::json& frame, const char* expected) {
  throw error(error_class::internal, "isolation.bad_frame",
              "the worker sent '" + frame["type"].get<std::string>() + "' where " + expected +
                  " belongs")
      .with_effect(effect::none);
}

// Ends a worker whose conversation broke (`cause`: isolation.timeout, .pipe_closed or
// .bad_frame from the pipe) and says what happened, as the error of the call that was running.
error end_broken_worker(worker_process& worker, const error& cause, std::int64_t budget_ms,
                        const std::string& during, effect lost_effect) {
  const pid_t pid = worker.pid();
  std::string code;
  std::string message;
  if (cause.code() == "isolation.timeout") {
    worker.kill();
    code = "isolation.worker_hung";
    message = "the adapter worker (pid " + std::to_string(pid) + ") did not answer " + during +
              " within " + std::to_string(budget_ms) + " ms; it was killed";
  } else if (cause.code() == "isolation.pipe_closed") {
    const worker_exit ended = worker.wait(exit_grace);
    code = "isolation.worker_crashed";
    message = "the adapter worker (pid " + std::to_string(pid) + ") " + ended.describe() +
              " " + during;
  } else {
    worker.kill();
    code = "isolation.bad_frame";
    message = "the adapter worker (pid " + std::to_string(pid) + ") sent a bad frame " + during +
              " (" + cause.message() + "); it was killed";
  }
  const auto cls =
      lost_effect == effect::none ? error_class::internal : error_class::outcome_unknown;
  return error(cls, code, message).with_effect(lost_effect);
}

bool is_conversation_failure(const error& e) {
  return e.code() == "isolation.timeout" || e.code() == "isolation.pipe_closed" ||
         e.code() == "isolation.bad_frame";
}

// An "answer" frame to an error: what the adapter failed with, or that it gave no answer.
error answer_error(const nlohmann::json& frame, const char* what, effect lost_effect) {
  const std::string outcome = frame.value("outcome", "");
  if (outcome == "fail" && frame.contains("error") && frame["error"].is_object()) {
    return error_from_json(frame["error"]);
  }
  if (outcome == "none") {
    return error(error_class::internal, "host.no_answer",
                 std::string(what) + " returned without answering (abi.h: exactly one answer)")
        .with_effect(lost_effect);
  }
  if (outcome == "invalid") {
    return error(error_class::internal, "host.adapter_output_invalid",
                 "the adapter answered JSON the boundary refuses: " +
                     frame.value("message", std::string()))
        .with_effect(lost_effect);
  }
  throw error(error_class::internal, "isolation.bad_frame",
              "the worker sent an answer with outcome '" + outcome + "'")
      .with_effect(effect::none);
}

std::unique_ptr<worker_process> start_worker(const std::filesystem::path& library,
                                             const call_environment& env,
                                             const isolation_options& options,
                                             steady::time_point until) {
  worker_limits limits = options.limits;
  limits.max_json_bytes = env.max_json_bytes;
  std::vector<std::string> arguments = options.executable_arguments;
  for (auto& a : worker_arguments(limits, library)) arguments.push_back(std::move(a));
  auto worker = worker_process::spawn(options.executable, arguments, frame_limits(env));
  const auto budget = std::chrono::duration_cast<std::chrono::milliseconds>(
      until - steady::now()).count();
  try {
    auto frame = await_reply(*worker, until, options.services.get(), nullptr);
    if (frame["type"] == "answer") {
      worker->wait(exit_grace);
      throw answer_error(frame, "loading", effect::none);
    }
    if (frame["type"] != "ready") unexpected(frame, "ready");
  } catch (const error& e) {
    if (!is_conversation_failure(e)) throw;
    throw end_broken_worker(*worker, e, budget, "while loading " + library.string(),
                            effect::none);
  }
  return worker;
}

}  // namespace

isolated_connection::isolated_connection(std::filesystem::path library, std::string name,
                                         nlohmann::json config, const call_environment& env,
                                         isolation_options options)
    : library_(std::move(library)),
      name_(std::move(name)),
      config_(std::move(config)),
      env_(env),
      options_(std::move(options)) {}

std::shared_ptr<isolated_connection> isolated_connection::open(std::filesystem::path library,
                                                               std::string name,
                                                               nlohmann::json config,
                                                               const call_environment& env,
                                                               isolation_options options) {
  if (!config.is_object()) {
    throw error(error_class::configuration, "host.config_not_object",
                "a connection configuration must be a JSON object");
  }
  std::shared_ptr<isolated_connection> c(new isolated_connection(
      std::move(library), std::move(name), std::move(config), env, std::move(options)));
  std::lock_guard lock(c->mutex_);
  c->start(steady::now() + c->options_.start_timeout);
  return c;
}

void isolated_connection::start(steady::time_point until) {
  const auto budget =
      std::chrono::duration_cast<std::chrono::milliseconds>(until - steady::now()).count();
  auto worker = start_worker(library_, env_, options_, until);
  ++workers_started_;
  const std::string correlation = "open:" + name_;
  call_state state(correlation, "", now_unix_ms(env_) + std::max<std::int64_t>(budget, 0));
  state.set_files_root(options_.files_root);
  try {
    worker->pipe().write({{"type", "open"},
                          {"config", config_},
                          {"correlation_id", correlation},
                          {"deadline_unix_ms", now_unix_ms(env_) + budget}},
                         until);
    auto frame = await_reply(*worker, until, options_.services.get(), state.abi());
    if (frame["type"] == "answer") throw redact_error(answer_error(frame, "open()", effect::none), env_);
    if (frame["type"] != "opened") unexpected(frame, "opened");
  } catch (const error& e) {
    if (!is_conversation_failure(e)) throw;
    throw redact_error(end_broken_worker(*worker, e, budget, "while opening the connection",
                                         effect::none),
                       env_);
  }
  worker_ = std::move(worker);
}

void isolated_connection::check(const std::filesystem::path& library,
                                const nlohmann::json& config, const call_environment& env,
                                const isolation_options& options) {
  const auto until = steady::now() + options.start_timeout;
  auto worker = start_worker(library, env, options, until);
  call_state state("check", "", now_unix_ms(env) + options.start_timeout.count());
  nlohmann::json frame;
  try {
    worker->pipe().write({{"type", "check"},
                          {"config", config},
                          {"correlation_id", "check"},
                          {"deadline_unix_ms", now_unix_ms(env) + options.start_timeout.count()}},
                         until);
    frame = await_reply(*worker, until, options.services.get(), state.abi());
    if (frame["type"] != "answer") unexpected(frame, "answer");
    worker->pipe().write({{"type", "shutdown"}}, steady::now() + options.close_timeout);
  } catch (const error& e) {
    if (!is_conversation_failure(e)) throw;
    throw redact_error(end_broken_worker(*worker, e, options.start_timeout.count(),
                                         "while checking a configuration", effect::none),
                       env);
  }
  worker->wait(options.close_timeout);
  if (frame.value("outcome", "") != "respond") {
    throw redact_error(answer_error(frame, "check()", effect::none), env);
  }
}

isolated_connection::~isolated_connection() {
  if (!worker_) return;
  try {
    const auto until = steady::now() + options_.close_timeout;
    call_state state("close:" + name_, "", now_unix_ms(env_) + options_.close_timeout.count());
    state.set_files_root(options_.files_root);
    worker_->pipe().write({{"type", "close"}}, until);
    auto frame = await_reply(*worker_, until, options_.services.get(), state.abi());
    if (frame["type"] == "answer" && frame.value("outcome", "") == "closed") {
      worker_->pipe().write({{"type", "shutdown"}}, until);
      worker_->wait(options_.close_timeout);
    }
  } catch (...) {
    // A worker that cannot close in time is killed below; a destructor must not throw.
  }
  worker_->kill();
}

pid_t isolated_connection::worker_pid() {
  std::lock_guard lock(mutex_);
  return worker_ && !worker_->reaped() ? worker_->pid() : -1;
}

std::size_t isolated_connection::workers_started() {
  std::lock_guard lock(mutex_);
  return workers_started_;
}

execute_outcome isolated_connection::execute(const nlohmann::json& envelope) {
  return checked_execute(envelope, env_, [this, &envelope](checked_request& request) {
    const std::string correlation(request.correlation_id);
    const std::string op(request.op);
    const std::string object(request.object);
    const std::int64_t timeout_ms = request.timeout_ms;
    const effect lost_effect = request.lost_effect;
    const auto until = steady::now() + std::chrono::milliseconds(timeout_ms);
    std::unique_lock lock(mutex_, std::defer_lock);
    if (!lock.try_lock_until(until)) {
      throw error(error_class::rate_limited, "isolation.busy",
                  "the connection's worker was busy with other calls until the deadline")
          .with_effect(effect::none);
    }
    if (worker_) {
      // A worker that died between calls is noticed here, before anything is sent to it.
      if (worker_->exited()) {
        if (env_.logger) {
          env_.logger->warn("[{}] isolated worker of connection '{}' ended between calls; "
                            "restarting it", correlation, name_);
        }
        worker_.reset();
      }
    }
    if (!worker_) start(std::min(until, steady::now() + options_.start_timeout));

    const std::string traceparent = envelope.value("traceparent", "");
    const std::int64_t deadline_unix_ms = now_unix_ms(env_) + timeout_ms;
    call_state state(correlation, traceparent, deadline_unix_ms);
    state.set_files_root(options_.files_root);
    std::string frame_text = R"({"type":"execute","correlation_id":)";
    frame_text.reserve(request.text.size() + 256);
    frame_text += json_string(correlation);
    frame_text += R"(,"traceparent":)";
    frame_text += json_string(traceparent);
    frame_text += R"(,"deadline_unix_ms":)";
    frame_text += std::to_string(deadline_unix_ms);
    frame_text += R"(,"request":)";
    frame_text += request.text;
    frame_text += '}';

    nlohmann::json frame;
    try {
      worker_->pipe().write_text(frame_text, until);
      frame = await_reply(*worker_, until, options_.services.get(), state.abi());
      if (frame["type"] != "answer") unexpected(frame, "answer");
      if (frame.value("outcome", "") == "respond" && !frame.contains("response")) {
        throw error(error_class::internal, "isolation.bad_frame",
                    "the worker's answer lacks \"response\"")
            .with_effect(effect::none);
      }
    } catch (const error& e) {
      if (!is_conversation_failure(e)) throw;
      auto lost = end_broken_worker(*worker_, e, timeout_ms, "during " + op + " " + object,
                                    lost_effect);
      if (env_.logger) {
        env_.logger->warn("[{}] connection '{}': {}; the worker restarts on the next call",
                          correlation, name_, env_.redact ? env_.redact(lost.message())
                                                          : lost.message());
      }
      worker_.reset();
      throw lost;
    }
    // The adapter's own error is not a broken conversation: the worker stays.
    if (frame.value("outcome", "") != "respond") throw answer_error(frame, "execute()", lost_effect);
    return nlohmann::json(std::move(frame["response"]));
  });
}

}  // namespace erpc

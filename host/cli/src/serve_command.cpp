// erpc serve: the REST API over the durable path (docs/design/runtime.md "HTTP API").
#include "cli_output.hpp"
#include "commands.hpp"
#include "message_json.hpp"
#include "runtime_context.hpp"

#include <erpc/error_abi.hpp>
#include <erpc/host/http_router.hpp>
#include <erpc/host/http_server.hpp>
#include <erpc/host/metrics_middleware.hpp>
#include <erpc/host/metrics_registry.hpp>
#include <erpc/host/strict_json.hpp>

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include <atomic>
#include <chrono>
#include <cctype>
#include <csignal>
#include <fstream>
#include <iostream>
#include <thread>
#include <unistd.h>

namespace erpc::cli {
namespace {

std::atomic<bool> stop_serving{false};
extern "C" void on_serve_signal(int) { stop_serving = true; }

struct serve_args {
  std::string listen;
  int workers = 4;
  std::int64_t lease_ms = 120'000;
  std::string port_file;
};

// Prefer: wait=N (RFC 7240): how long the client is willing to wait for the outcome.
std::chrono::seconds preferred_wait(const server_request& req) {
  const std::string_view prefer = req.header("Prefer");
  const auto at = prefer.find("wait=");
  if (at == std::string_view::npos) return std::chrono::seconds(0);
  int seconds = 0;
  for (std::size_t i = at + 5; i < prefer.size() && std::isdigit(prefer[i]); ++i) {
    seconds = std::min(seconds * 10 + (prefer[i] - '0'), 60);
  }
  return std::chrono::seconds(seconds);
}

class api {
 public:
  api(runtime_context& rt, metrics_registry& metrics) : rt_(rt), metrics_(metrics) {}

  server_response post_write(const server_request& req) {
    const std::string key(req.header("Idempotency-Key"));
    if (key.empty()) {
      throw error(error_class::validation, "http.idempotency_key_missing",
                  "a write needs an Idempotency-Key header");
    }
    nlohmann::json envelope = {{"contract", "1.0"},
                               {"connection", std::string(req.path_param("connection"))},
                               {"object", std::string(req.path_param("object"))},
                               {"op", std::string(req.path_param("op"))},
                               {"idempotency_key", key},
                               {"correlation_id", req.correlation_id()},
                               {"traceparent", req.trace.to_string()},
                               {"payload", parse_strict(req.body)}};
    if (auto o = req.header("Ordering-Key"); !o.empty()) envelope["ordering_key"] = o;
    const auto out = rt_.dispatch().submit(envelope);
    const auto count = [&](request_outcome o) {
      metrics_.count_request(envelope["connection"].get<std::string>(),
                             envelope["object"].get<std::string>(),
                             envelope["op"].get<std::string>(), o);
    };
    if (out.refused) {
      count(request_outcome::rejected);
      throw *out.refused;
    }
    const auto& a = out.accepted;
    count(a.kind == accept_kind::replay ? request_outcome::replayed : request_outcome::accepted);
    switch (a.kind) {
      case accept_kind::replay: {
        auto stored = nlohmann::json::parse(*a.stored_response);
        stored["replayed"] = true;
        return server_response::json(200, stored.dump());
      }
      case accept_kind::in_progress:
        throw error(error_class::in_progress, "idempotency.in_progress",
                    "a request with this Idempotency-Key is still being processed")
            .with_retry_after_ms(1000);
      default: break;
    }
    const auto wait = preferred_wait(req);
    if (wait.count() > 0) {
      const auto until = std::chrono::steady_clock::now() + wait;
      while (std::chrono::steady_clock::now() < until) {
        const auto m = rt_.queues().get_message(a.message_id);
        if (m && m->state == message_state::succeeded && m->response) {
          if (a.kind != accept_kind::existing) return server_response::json(200, *m->response);
          // The key was already bound to this message (accepted by an earlier request, here
          // or on another host): this request did not cause the effect, it gets the stored
          // response as a replay.
          auto stored = nlohmann::json::parse(*m->response);
          stored["replayed"] = true;
          return server_response::json(200, stored.dump());
        }
        if (m && m->state == message_state::queued && m->last_error) {
          auto body = nlohmann::json{{"status", "error"},
                                     {"error", nlohmann::json::parse(*m->last_error)},
                                     {"message_id", m->id}};
          const auto cls = error_class_from_string(body["error"].value("class", "INTERNAL"));
          return server_response::json(http_status_for(cls.value_or(error_class::internal)),
                                     body.dump());
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
      }
    }
    auto res = server_response::json(
        202, nlohmann::json{{"status", "pending"},
                            {"message_id", a.message_id},
                            {"correlation_id", a.correlation_id},
                            {"status_url", "/v1/messages/" + a.message_id}}
                 .dump());
    res.headers.set("Location", "/v1/messages/" + a.message_id);
    return res;
  }

  server_response get_message(const server_request& req) {
    const auto m = rt_.queues().get_message(std::string(req.path_param("id")));
    if (!m) throw error(error_class::not_found, "http.message_not_found", "no such message");
    return server_response::json(200, message_json(*m).dump());
  }

  server_response list_queue(const server_request& req) {
    const auto q = exception_queue_from_string(req.path_param("queue"));
    if (!q) throw error(error_class::not_found, "http.no_such_queue", "business or technical");
    const auto cursor = req.query("cursor");
    const auto page = rt_.queues().list_queue(
        *q, 100, cursor ? std::optional<std::string>(std::string(*cursor)) : std::nullopt);
    nlohmann::json items = nlohmann::json::array();
    for (const auto& m : page.items) items.push_back(message_json(m));
    return server_response::json(
        200, nlohmann::json{{"items", items},
                            {"next_cursor", page.next_cursor ? nlohmann::json(*page.next_cursor)
                                                             : nlohmann::json(nullptr)}}
                 .dump());
  }

  server_response replay(const server_request& req) {
    std::optional<std::string> corrected;
    if (!req.body.empty()) corrected = parse_strict(req.body).dump();
    const auto r = rt_.queues().replay(std::string(req.path_param("id")), corrected,
                                       "api:" + req.remote_address);
    rt_.dispatch().notify();
    return server_response::json(
        200, nlohmann::json{{"message_id", r.message_id}, {"payload_version", r.payload_version},
                            {"key", std::string(to_string(r.key))}}
                 .dump());
  }

  server_response discard(const server_request& req) {
    const auto body = req.body.empty() ? nlohmann::json::object() : parse_strict(req.body);
    const auto key = rt_.queues().discard(std::string(req.path_param("id")),
                                          "api:" + req.remote_address,
                                          body.value("reason", "discarded through the API"));
    return server_response::json(
        200, nlohmann::json{{"discarded", true}, {"key", std::string(to_string(key))}}.dump());
  }

  server_response health(const server_request&) {
    // Ready means the ledger answers.
    const auto counts = rt_.queues().state_counts();
    return server_response::json(200, nlohmann::json{{"status", "ok"}, {"messages", counts}}.dump());
  }

 private:
  runtime_context& rt_;
  metrics_registry& metrics_;
};

int serve(command_environment& env, const serve_args& a) {
  dispatcher_options options;
  options.owner = "erpc-serve-" + std::to_string(::getpid());
  options.worker_threads = a.workers;
  options.lease_ms = a.lease_ms;
  metrics_registry metrics;
  options.on_attempt = [&metrics](const attempt_report& r) {
    metrics.observe_request_duration(r.connection, r.op, r.elapsed);
    if (r.ok) {
      metrics.count_request(r.connection, r.object, r.op, request_outcome::ok);
      return;
    }
    if (r.failure) metrics.count_error(r.connection, *r.failure);
    if (r.retry_scheduled) {
      metrics.count_retry(r.connection);
    } else {
      metrics.count_request(r.connection, r.object, r.op, request_outcome::queued);
    }
  };
  options.on_inflight = [&metrics](const std::string& connection, int delta) {
    metrics.add_inflight(connection, delta);
  };
  runtime_context rt(env.host(), required_config_file(env), options);

  api handlers(rt, metrics);
  http_router router(env.host().logger());
  router.use(metrics_middleware(metrics));
  router.post("/v1/connections/{connection}/{object}/{op}",
              [&](const server_request& r) { return handlers.post_write(r); });
  router.get("/v1/messages/{id}", [&](const server_request& r) { return handlers.get_message(r); });
  router.get("/v1/queues/{queue}", [&](const server_request& r) { return handlers.list_queue(r); });
  router.post("/v1/queues/{queue}/{id}/replay",
              [&](const server_request& r) { return handlers.replay(r); });
  router.post("/v1/queues/{queue}/{id}/discard",
              [&](const server_request& r) { return handlers.discard(r); });
  router.get("/healthz", [&](const server_request& r) { return handlers.health(r); });
  router.get("/metrics", [&](const server_request& r) {
    const auto counts = rt.queues().state_counts();
    metrics.set_queue_depth(queue_name::outbox,
                            counts.at("pending") + counts.at("in_flight") +
                                counts.at("waiting_retry"));
    metrics.set_queue_depth(queue_name::business, rt.queues().depth(exception_queue::business));
    metrics.set_queue_depth(queue_name::technical,
                            rt.queues().depth(exception_queue::technical));
    return metrics_handler(metrics)(r);
  });

  http_server_options server_options;
  const std::string listen = a.listen.empty() ? rt.config().server.listen : a.listen;
  const auto colon = listen.rfind(':');
  if (colon == std::string::npos) {
    throw error(error_class::configuration, "cli.bad_listen", "listen takes HOST:PORT");
  }
  server_options.address = listen.substr(0, colon);
  server_options.port = static_cast<std::uint16_t>(std::stoi(listen.substr(colon + 1)));
  server_options.max_body_bytes = rt.config().server.max_body_bytes;
  if (!rt.config().server.tls_certificate_ref.empty()) {
    http_tls_options tls;
    tls.certificate_pem = env.host().resolver().resolve(rt.config().server.tls_certificate_ref);
    tls.private_key_pem = env.host().resolver().resolve(rt.config().server.tls_private_key_ref);
    server_options.tls = std::move(tls);
  }
  http_server server(server_options, std::move(router));
  server.start();
  rt.dispatch().start();
  std::cout << "erpc serving on " << server.base_url() << std::endl;
  if (!a.port_file.empty()) {
    std::ofstream(a.port_file) << server.port() << "\n";
  }
  std::signal(SIGINT, on_serve_signal);
  std::signal(SIGTERM, on_serve_signal);
  while (!stop_serving) std::this_thread::sleep_for(std::chrono::milliseconds(100));
  // Graceful: stop taking requests, let in-flight ones finish, then let calls in progress end.
  server.stop();
  rt.dispatch().stop();
  return exit_ok;
}

}  // namespace

void add_serve_command(CLI::App& app, command_environment& env) {
  auto* cmd = app.add_subcommand("serve", "Run the REST API and the outbox workers");
  auto a = std::make_shared<serve_args>();
  cmd->add_option("--listen", a->listen, "HOST:PORT (default: server.listen of the config)");
  cmd->add_option("--workers", a->workers, "Outbox worker threads")->check(CLI::Range(1, 256));
  cmd->add_option("--lease-ms", a->lease_ms, "Lease of a claimed message")
      ->check(CLI::Range(100, 86'400'000));
  cmd->add_option("--port-file", a->port_file, "Write the bound port here once listening");
  cmd->callback([&env, a] { env.exit_code = serve(env, *a); });
}

}  // namespace erpc::cli

#include "cli_output.hpp"
#include "commands.hpp"
#include "runtime_context.hpp"

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include <atomic>
#include <chrono>
#include <csignal>
#include <iostream>
#include <thread>
#include <unistd.h>

namespace erpc::cli {
namespace {

std::atomic<bool> stop_requested{false};

extern "C" void on_stop_signal(int) { stop_requested = true; }

struct run_args {
  bool until_idle = false;
  int timeout_s = 600;
  int workers = 4;
  std::string owner;
  std::int64_t lease_ms = 120'000;
};

std::int64_t unfinished(exception_queues& queues) {
  const auto counts = queues.state_counts();
  std::int64_t n = 0;
  for (const char* s : {"pending", "in_flight", "waiting_retry"}) {
    if (auto it = counts.find(s); it != counts.end()) n += it->second;
  }
  return n;
}

int run(command_environment& env, const run_args& a) {
  dispatcher_options options;
  options.owner = a.owner.empty() ? "erpc-" + std::to_string(::getpid()) : a.owner;
  options.worker_threads = a.workers;
  options.lease_ms = a.lease_ms;
  runtime_context rt(env.host(), required_config_file(env), options);
  std::signal(SIGINT, on_stop_signal);
  std::signal(SIGTERM, on_stop_signal);
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(a.timeout_s);

  if (a.until_idle) {
    // Drains the outbox on this thread: what is due now, then what becomes due, until nothing
    // is unfinished (succeeded, queued or discarded) or the timeout passes.
    long processed = 0;
    while (!stop_requested) {
      const int n = rt.dispatch().run_once();
      processed += n;
      if (n > 0) continue;
      if (unfinished(rt.queues()) == 0) break;
      if (std::chrono::steady_clock::now() > deadline) {
        std::cerr << "run: timed out with " << unfinished(rt.queues())
                  << " unfinished messages\n";
        return exit_failed;
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    nlohmann::json summary = {{"processed", processed}, {"states", rt.queues().state_counts()}};
    print_json(summary);
    return exit_ok;
  }

  rt.dispatch().start();
  while (!stop_requested) std::this_thread::sleep_for(std::chrono::milliseconds(100));
  rt.dispatch().stop();
  return exit_ok;
}

}  // namespace

void add_run_command(CLI::App& app, command_environment& env) {
  auto* cmd = app.add_subcommand("run", "Work the durable outbox: call adapters, retry, queue");
  auto a = std::make_shared<run_args>();
  cmd->add_flag("--until-idle", a->until_idle,
                "Exit once no message is pending, in flight or waiting for a retry");
  cmd->add_option("--timeout-s", a->timeout_s, "With --until-idle: give up after this long");
  cmd->add_option("--workers", a->workers, "Worker threads")->check(CLI::Range(1, 256));
  cmd->add_option("--owner", a->owner, "Lease owner id (default: erpc-<pid>)");
  cmd->add_option("--lease-ms", a->lease_ms,
                  "How long a claimed message stays leased to this process")
      ->check(CLI::Range(100, 86'400'000));
  cmd->callback([&env, a] { env.exit_code = run(env, *a); });
}

}  // namespace erpc::cli

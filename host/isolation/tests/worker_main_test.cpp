// The real `erpc __worker` subcommand behind an isolated connection (the other tests start a
// bare worker executable, so they do not depend on the CLI).
#include <erpc/host/host_clock.hpp>
#include <erpc/host/host_services.hpp>
#include <erpc/host/host_table.hpp>
#include <erpc/host/isolated_connection.hpp>
#include <erpc/host/worker_pool.hpp>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>
#include <spdlog/sinks/null_sink.h>
#include <spdlog/spdlog.h>

#include <cstdlib>
#include <fstream>

#include <sys/wait.h>

using namespace erpc;
using nlohmann::json;

TEST_CASE("erpc __worker serves hello for an isolated connection") {
  system_host_clock clock;
  secret_redactor redactor;
  auto logger = std::make_shared<spdlog::logger>("t", std::make_shared<spdlog::sinks::null_sink_mt>());
  host_services services(logger, clock, redactor);
  auto table = std::make_shared<host_table>();
  for (const auto& [id, ptr] : services.tables()) table->register_service(id, ptr);
  worker_pool workers(1, 4);
  call_environment env;
  env.workers = &workers;
  env.clock = &clock;
  env.logger = logger;

  isolation_options options;
  options.executable = ERPC_EXE;
  options.services = table;
  auto c = isolated_connection::open(std::filesystem::path(ERPC_ADAPTERS) / "hello.so", "cli",
                                     json::object(), env, options);
  std::ifstream in(std::string(ERPC_SOURCE_DIR) + "/schemas/examples/v1/Invoice.json");
  const json envelope = {{"contract", "1.0"}, {"op", "create"}, {"object", "Invoice"},
                         {"idempotency_key", "cli-1"}, {"attempt", 1}, {"deadline_ms", 10000},
                         {"correlation_id", "cli"}, {"payload", json::parse(in)}};
  const auto out = c->execute(envelope);
  REQUIRE(out.ok);
  REQUIRE((*out.response)["result"]["id"] == "HELLO-1");
}

TEST_CASE("erpc __worker started by hand refuses politely") {
  const std::string command = std::string(ERPC_EXE) + " __worker -- /nonexistent.so 2>/dev/null";
  const int status = std::system(command.c_str());
  REQUIRE(WIFEXITED(status));
  REQUIRE(WEXITSTATUS(status) == 2);
}

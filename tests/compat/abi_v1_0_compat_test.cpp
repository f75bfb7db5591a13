// The compatibility promise: an adapter built against the released ABI 1.0 header — committed
// as a binary, so no edit to today's header can rebuild it — loads and runs in today's host.
#include <erpc/host/adapter_connection.hpp>
#include <erpc/host/adapter_library.hpp>
#include <erpc/host/host_clock.hpp>
#include <erpc/host/host_services.hpp>
#include <erpc/host/host_table.hpp>
#include <erpc/host/worker_pool.hpp>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>
#include <spdlog/sinks/ostream_sink.h>
#include <spdlog/spdlog.h>

#include <filesystem>
#include <sstream>

namespace fs = std::filesystem;

TEST_CASE("the prebuilt ABI 1.0 adapter loads and answers in today's host") {
  const fs::path released =
      fs::path(ERPC_SOURCE_DIR) / "sdk/tests/abi/frozen/v1.0/prebuilt/frozen_hello_v1_0.so";
  REQUIRE(fs::exists(released));

  std::ostringstream log_text;
  auto logger = std::make_shared<spdlog::logger>(
      "compat", std::make_shared<spdlog::sinks::ostream_sink_mt>(log_text));
  erpc::system_host_clock clock;
  erpc::secret_redactor redactor;
  erpc::host_services services(logger, clock, redactor);
  auto table = std::make_shared<erpc::host_table>();
  for (const auto& [id, ptr] : services.tables()) table->register_service(id, ptr);

  erpc::load_options options;
  options.host = table;
  auto library = erpc::adapter_library::load(released, options);
  REQUIRE(library->id() == "frozen_hello_v1_0");
  REQUIRE(library->abi().major == 1);
  REQUIRE(library->abi().minor == 0);

  erpc::worker_pool workers(1, 4);
  erpc::call_environment env;
  env.workers = &workers;
  env.clock = &clock;
  env.logger = logger;
  auto connection = erpc::adapter_connection::open(library->shared_table(), "compat",
                                                   nlohmann::json::object(), env);
  const auto outcome = connection->execute({{"contract", "1.0"}, {"op", "get"},
                                            {"object", "TaxCode"}, {"correlation_id", "c-10"},
                                            {"query", {{"id", "DE19"}}}});
  REQUIRE(outcome.ok);
  REQUIRE((*outcome.response)["result"]["code"] == "DE19");
  logger->flush();
  REQUIRE(log_text.str().find("[c-10] adapter: frozen adapter called") != std::string::npos);
}

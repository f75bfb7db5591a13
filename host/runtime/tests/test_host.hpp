#pragma once
// A real host_services bundle behind an erpc_host_v1, for runtime tests that call adapters
// without the loader.
#include <erpc/abi.h>
#include <erpc/host/host_clock.hpp>
#include <erpc/host/host_services.hpp>
#include <erpc/host/worker_pool.hpp>
#include <erpc/host/adapter_connection.hpp>

#include <spdlog/sinks/ostream_sink.h>
#include <spdlog/spdlog.h>

#include <map>
#include <sstream>
#include <string>

namespace erpc::testing_support {

struct test_host {
  std::ostringstream log_text;
  std::shared_ptr<spdlog::logger> logger;
  manual_host_clock clock;
  secret_redactor redactor;
  host_services services;
  std::map<std::string, const void*> table;
  erpc_host_v1 abi{};
  worker_pool workers{2, 16};
  call_environment env;

  test_host()
      : logger(std::make_shared<spdlog::logger>(
            "test", std::make_shared<spdlog::sinks::ostream_sink_mt>(log_text))),
        services(logger, clock, redactor) {
    logger->set_level(spdlog::level::trace);
    for (const auto& [id, ptr] : services.tables()) table[id] = ptr;
    abi.struct_size = sizeof abi;
    abi.abi_major = ERPC_ABI_MAJOR;
    abi.abi_minor = ERPC_ABI_MINOR;
    abi.host_name = "erpc-test";
    abi.host_version = "0";
    abi.host_data = this;
    abi.get_service = [](const erpc_host_v1* h, const char* id) -> const void* {
      auto* self = static_cast<test_host*>(h->host_data);
      auto it = self->table.find(id);
      return it == self->table.end() ? nullptr : it->second;
    };
    env.workers = &workers;
    env.clock = &clock;
    env.logger = logger;
    env.redact = [this](std::string_view text) { return redactor.redact(text); };
  }

  std::string log() {
    logger->flush();
    return log_text.str();
  }
};

}  // namespace erpc::testing_support

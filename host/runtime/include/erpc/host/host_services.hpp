#pragma once
// The services the host offers adapters through erpc_host_v1::get_service: log, secrets, clock
// and files (HTTP lives in host/http). Owns the ABI tables; they stay valid while this lives.

#include <erpc/abi.h>
#include <erpc/host/host_clock.hpp>
#include <erpc/host/secret_redactor.hpp>
#include <erpc/host/secret_resolver.hpp>

#include <memory>
#include <string>
#include <utility>
#include <vector>

namespace spdlog {
class logger;
}

namespace erpc {

class host_services {
 public:
  host_services(std::shared_ptr<spdlog::logger> logger, const host_clock& clock,
                secret_redactor& redactor);
  host_services(const host_services&) = delete;
  host_services& operator=(const host_services&) = delete;

  const erpc_host_log_v1* log() const noexcept { return &log_; }
  const erpc_host_secrets_v1* secrets() const noexcept { return &secrets_; }
  const erpc_host_clock_v1* clock() const noexcept { return &clock_; }
  const erpc_host_files_v1* files() const noexcept { return &files_; }

  // (service id, table) pairs, for registering with the host table.
  std::vector<std::pair<std::string, const void*>> tables() const;

  spdlog::logger& logger() const noexcept { return *logger_; }
  const secret_resolver& resolver() const noexcept { return resolver_; }
  const host_clock& time() const noexcept { return clock_source_; }

 private:
  std::shared_ptr<spdlog::logger> logger_;
  const host_clock& clock_source_;
  secret_redactor& redactor_;
  secret_resolver resolver_;
  erpc_host_log_v1 log_{};
  erpc_host_secrets_v1 secrets_{};
  erpc_host_clock_v1 clock_{};
  erpc_host_files_v1 files_{};
};

}  // namespace erpc

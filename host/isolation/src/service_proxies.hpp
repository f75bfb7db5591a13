#pragma once
// The host services as the adapter sees them inside a worker: the same ABI tables (log,
// secrets, clock, http, files), each forwarding over the pipe to the parent, which runs the
// real service and sends the result back. Every function keeps the ABI's promises (sinks
// called as documented, nothing thrown across the boundary).

#include "worker_channel.hpp"

#include <erpc/abi.h>

#include <string>
#include <utility>
#include <vector>

namespace erpc {

class service_proxies {
 public:
  explicit service_proxies(worker_channel& channel);
  service_proxies(const service_proxies&) = delete;
  service_proxies& operator=(const service_proxies&) = delete;

  // (service id, table) pairs for the worker's host_table.
  std::vector<std::pair<std::string, const void*>> tables() const;

 private:
  erpc_host_log_v1 log_{};
  erpc_host_secrets_v1 secrets_{};
  erpc_host_clock_v1 clock_{};
  erpc_host_http_v1 http_{};
  erpc_host_files_v1 files_{};
};

}  // namespace erpc

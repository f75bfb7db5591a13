// SPDX-License-Identifier: Apache-2.0
#include <erpc/host/host_table.hpp>

#include <mutex>

namespace erpc {

host_table::host_table() {
  table_.struct_size = sizeof(erpc_host_v1);
  table_.abi_major = ERPC_ABI_MAJOR;
  table_.abi_minor = ERPC_ABI_MINOR;
  table_.host_name = "erpc";
  table_.host_version = ERPC_HOST_VERSION;
  table_.get_service = &host_table::lookup;
  table_.host_data = this;
}

void host_table::register_service(std::string service_id, const void* service) {
  std::unique_lock lock(mutex_);
  services_.insert_or_assign(std::move(service_id), service);
}

const void* host_table::find(std::string_view service_id) const {
  std::shared_lock lock(mutex_);
  const auto it = services_.find(service_id);
  return it == services_.end() ? nullptr : it->second;
}

// [any-thread] from adapters: never throws across the C boundary.
const void* host_table::lookup(const erpc_host_v1* host, const char* service_id) {
  if (host == nullptr || host->host_data == nullptr || service_id == nullptr) return nullptr;
  try {
    return static_cast<const host_table*>(host->host_data)->find(service_id);
  } catch (...) {
    return nullptr;
  }
}

}  // namespace erpc

// SPDX-License-Identifier: Apache-2.0
// The erpc_host_v1 handed to every adapter's init(): name, version and service lookup by
// versioned id. The runtime registers the real services; the table must outlive every adapter
// initialised with it (adapter_library holds a shared_ptr to it for that reason).
#pragma once

#include <erpc/abi.h>

#include <functional>
#include <map>
#include <shared_mutex>
#include <string>
#include <string_view>

namespace erpc {

class host_table {
 public:
  host_table();
  // erpc_host_v1::host_data points back at this object, so it never moves.
  host_table(const host_table&) = delete;
  host_table& operator=(const host_table&) = delete;

  // Makes `service` (a pointer to the const struct named by `service_id`, e.g.
  // "erpc.host.log/1" -> erpc_host_log_v1) available to adapters; replaces an earlier one.
  // The pointee must stay valid as long as this table. Thread-safe against lookups.
  void register_service(std::string service_id, const void* service);

  const erpc_host_v1* get() const noexcept { return &table_; }
  const void* find(std::string_view service_id) const;

 private:
  static const void* lookup(const erpc_host_v1* host, const char* service_id);

  erpc_host_v1 table_{};
  mutable std::shared_mutex mutex_;
  std::map<std::string, const void*, std::less<>> services_;
};

}  // namespace erpc

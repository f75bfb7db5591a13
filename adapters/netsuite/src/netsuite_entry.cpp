// SPDX-License-Identifier: Apache-2.0
// The NetSuite module's one exported symbol (ARCHITECTURE §3): the entry table that
// netsuite_adapter.cpp provides, forwarded. Kept out of the objects library so that a
// conformance mutant can link those objects and export its own entry instead.
#include "netsuite_adapter_entry.hpp"

#include <cstdint>

namespace {

std::int32_t init(const erpc_host_v1* host) noexcept {
  return erpc::netsuite::adapter_entry().init(host);
}
void deinit() noexcept { erpc::netsuite::adapter_entry().deinit(); }
const erpc_adapter_v1* get_adapter() noexcept {
  return erpc::netsuite::adapter_entry().get_adapter();
}

}  // namespace

extern "C" {
ERPC_EXPORT extern const erpc_adapter_entry_v1 erpc_adapter_entry;
const erpc_adapter_entry_v1 erpc_adapter_entry = {
    sizeof(erpc_adapter_entry_v1), ERPC_ABI_MAJOR, ERPC_ABI_MINOR, 0,
    erpc::netsuite::adapter_id,    &init,          &deinit,        &get_adapter};
}

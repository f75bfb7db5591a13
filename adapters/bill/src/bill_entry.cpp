// SPDX-License-Identifier: Apache-2.0
// The BILL module's one exported symbol (ARCHITECTURE §3): the entry table that
// bill_adapter.cpp provides, forwarded; kept out of the objects library for mutants.
#include "bill_adapter_entry.hpp"

#include <cstdint>

namespace {

std::int32_t init(const erpc_host_v1* host) noexcept { return erpc::bill::adapter_entry().init(host); }
void deinit() noexcept { erpc::bill::adapter_entry().deinit(); }
const erpc_adapter_v1* get_adapter() noexcept { return erpc::bill::adapter_entry().get_adapter(); }

}  // namespace

extern "C" {
ERPC_EXPORT extern const erpc_adapter_entry_v1 erpc_adapter_entry;
const erpc_adapter_entry_v1 erpc_adapter_entry = {
    sizeof(erpc_adapter_entry_v1), ERPC_ABI_MAJOR, ERPC_ABI_MINOR, 0,
    erpc::bill::adapter_id,        &init,          &deinit,        &get_adapter};
}

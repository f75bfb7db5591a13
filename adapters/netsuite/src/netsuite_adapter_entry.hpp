// SPDX-License-Identifier: Apache-2.0
// The NetSuite module's entry table (abi.h, erpc_adapter_entry_v1) as a C++ function, so the
// exported symbol lives in its own file (netsuite_entry.cpp) and a conformance mutant
// (conformance/mutants) can link the same adapter code and export an entry of its own that
// wraps this one.
#pragma once

#include <erpc/abi.h>

namespace erpc::netsuite {

inline constexpr char adapter_id[] = "netsuite";

// The adapter's own init/deinit/get_adapter; valid for the life of the loaded library.
const erpc_adapter_entry_v1& adapter_entry() noexcept;

}  // namespace erpc::netsuite

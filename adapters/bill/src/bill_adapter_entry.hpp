// SPDX-License-Identifier: Apache-2.0
// The BILL module's entry table (abi.h, erpc_adapter_entry_v1) as a C++ function, so the
// exported symbol lives in its own file (bill_entry.cpp) and a conformance mutant can link the
// same adapter code and export an entry of its own that wraps this one.
#pragma once

#include <erpc/abi.h>

namespace erpc::bill {

inline constexpr char adapter_id[] = "bill";

const erpc_adapter_entry_v1& adapter_entry() noexcept;

}  // namespace erpc::bill

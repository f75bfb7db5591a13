// SPDX-License-Identifier: Apache-2.0
// The Coupa module's entry table (abi.h, erpc_adapter_entry_v1) as a C++ function, so the
// exported symbol lives in its own file (coupa_entry.cpp) and a conformance mutant can link the
// same adapter code and export an entry of its own that wraps this one.
#pragma once

#include <erpc/abi.h>

namespace erpc::coupa {

inline constexpr char adapter_id[] = "coupa";

const erpc_adapter_entry_v1& adapter_entry() noexcept;

}  // namespace erpc::coupa

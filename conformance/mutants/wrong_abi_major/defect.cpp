// SPDX-License-Identifier: Apache-2.0
// Mutant wrong_abi_major: the entry declares ABI major 2 (ERPC_ABI_MAJOR + 1); the adapter code is
// unchanged
// certify must fail abi.version (the host must refuse another ABI major before calling anything).
// See ../README.md.
#include "mutant_module.hpp"
#include "netsuite_adapter_entry.hpp"

namespace {

// Nothing changes at run time: the defect is the major version in the exported entry.
class declares_next_abi_major final : public erpc::mutants::defect {};

}  // namespace

ERPC_MUTANT(declares_next_abi_major, ERPC_ABI_MAJOR + 1)

// SPDX-License-Identifier: Apache-2.0
// The simulator reads and writes NetSuite JSON with the exact-decimal codec it shares with the
// NetSuite adapter (adapters/common, erpc/adapters/exact_json.hpp).
#pragma once

#include <erpc/adapters/exact_json.hpp>

namespace erpc::sim::netsuite {

using erpc::adapters::decimal_subtype;
using erpc::adapters::dump_exact;
using erpc::adapters::invalid_json;
using erpc::adapters::is_decimal;
using erpc::adapters::make_decimal;
using erpc::adapters::parse_exact;
using erpc::adapters::scalar_text;
using erpc::adapters::to_decimal;

}  // namespace erpc::sim::netsuite

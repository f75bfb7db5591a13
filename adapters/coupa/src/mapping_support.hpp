// SPDX-License-Identifier: Apache-2.0
// Pieces every Coupa mapping file uses: the shared canonical-field readers
// (adapters/common canonical_fields.hpp) speaking Coupa's error codes, and the prefix-free
// money and normalisation helpers brought into this namespace.
#pragma once

#include <erpc/adapters/canonical_fields.hpp>

namespace erpc::coupa::mapping {

// Members read with pointer-precise VALIDATION errors `coupa.required`, `coupa.not_text`, …;
// read_amount's INTERNAL `coupa.malformed_response`.
inline const adapters::canonical_fields fields{adapters::mapping_errors{
    "coupa", "Coupa", adapters::mapping_dialect::rest_json, adapters::vendor_values::names}};

using adapters::item_index;   // "invoice-lines[3].total" → 3 after "invoice-lines["
using adapters::money_json;
using adapters::norm_amount;  // decimal text, trailing zeros cut
using adapters::norm_text;    // string (numbers as text) or null
using adapters::text_of;      // "" when absent or not a scalar

}  // namespace erpc::coupa::mapping

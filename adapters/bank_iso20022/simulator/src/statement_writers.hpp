// SPDX-License-Identifier: Apache-2.0
// The simulated bank's end-of-day statement in the formats the adapter reads
// (adapters/banking readers): camt.053.001.08 and .001.02 (vendors.md §6.1), MT940 (§7.1),
// BAI2 (§7.2). Each throws INTERNAL "bank.statement_unbalanced" when the content's closing
// balance is not opening + entries, and VALIDATION "bank.amount_precision" when an amount has
// more decimals than the format can carry (MT940/BAI2: the currency's minor units).
#pragma once

#include "statement_content.hpp"

#include <string>

namespace erpc::sim::bank {

enum class camt053_version { v02, v08 };

std::string write_camt053(const statement_content& s, camt053_version version);
std::string write_mt940(const statement_content& s);
std::string write_bai2(const statement_content& s);

}  // namespace erpc::sim::bank

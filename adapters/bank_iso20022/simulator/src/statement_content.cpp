// SPDX-License-Identifier: Apache-2.0
#include "statement_content.hpp"

namespace erpc::sim::bank {

decimal computed_closing(const statement_content& s) {
  decimal balance = s.opening_balance;
  for (const auto& l : s.lines) balance = l.credit ? balance + l.amount : balance - l.amount;
  return balance;
}

}  // namespace erpc::sim::bank

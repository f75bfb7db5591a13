// SPDX-License-Identifier: Apache-2.0
// What every statement reader fuzz target asserts (camt, MT940, BAI2 in adapters/banking): on
// arbitrary bytes the reader either reads statements or throws erpc::error VALIDATION with one
// of its documented codes (`<format>.*` or `statement.*`, docs/bank-statements.md), never
// crashes or hangs; and every statement it hands over — also those completed before an error —
// is a valid canonical BankStatement (schema and invariants, including opening + booked
// entries = closing) with one identity per entry.
#pragma once

#include <erpc/banking/statement_reader.hpp>
#include <erpc/contract/bank_statement_json.hpp>
#include <erpc/error.hpp>
#include <erpc/host/contract_validator.hpp>

#include <nlohmann/json.hpp>

#include <cstdio>
#include <cstdlib>
#include <string_view>

// `read` runs the reader into the sink it is given.
template <typename Read>
void check_statement_reader(std::string_view code_prefix, Read read) {
  static const erpc::contract_validator validator;
  erpc::banking::collecting_sink sink;
  try {
    read(sink);
  } catch (const erpc::error& e) {
    const bool documented =
        e.code().rfind(code_prefix, 0) == 0 || e.code().rfind("statement.", 0) == 0;
    if (e.cls() != erpc::error_class::validation || !documented) {
      std::fprintf(stderr, "undocumented: %s %s\n", e.code().c_str(), e.message().c_str());
      std::abort();
    }
  }
  for (const auto& p : sink.statements()) {
    const auto findings = validator.validate("BankStatement", nlohmann::json(p.statement));
    for (const auto& f : findings) {
      std::fprintf(stderr, "%s %s: %s\n", f.pointer.c_str(), f.code.c_str(), f.message.c_str());
    }
    if (!findings.empty()) std::abort();
    if (p.entry_identities.size() != p.statement.entries.size()) {
      std::fprintf(stderr, "entry identities do not match the entries\n");
      std::abort();
    }
  }
}

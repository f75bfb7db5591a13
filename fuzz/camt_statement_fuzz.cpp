// SPDX-License-Identifier: Apache-2.0
// The camt statement reader (adapters/banking) on arbitrary bytes: it either reads statements or
// throws erpc::error VALIDATION with one of its documented codes (docs/bank-statements.md),
// never crashes or hangs; and every statement it accepts is a valid canonical BankStatement
// (schema and invariants, including opening + booked entries = closing).
#include <erpc/banking/camt_reader.hpp>
#include <erpc/contract/bank_statement_json.hpp>
#include <erpc/error.hpp>
#include <erpc/host/contract_validator.hpp>

#include <nlohmann/json.hpp>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const erpc::contract_validator validator;
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  erpc::banking::read_options options;
  options.limits.max_bytes = 1 << 20;
  erpc::banking::collecting_sink sink;
  try {
    erpc::banking::read_camt(text, sink, options);
  } catch (const erpc::error& e) {
    const bool documented = e.code().rfind("camt.", 0) == 0 ||
                            e.code().rfind("statement.", 0) == 0;
    if (e.cls() != erpc::error_class::validation || !documented) {
      std::fprintf(stderr, "undocumented: %s %s\n", e.code().c_str(), e.message().c_str());
      std::abort();
    }
  }
  // Statements completed before an error are as valid as those of a clean read.
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
  return 0;
}

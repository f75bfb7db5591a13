// Shared helpers for the statement reader tests: fixtures, the host's contract validator, and
// an assertion that a read fails with one code at one line.
#pragma once

#include <erpc/banking/statement_reader.hpp>
#include <erpc/contract/bank_statement_json.hpp>
#include <erpc/error.hpp>
#include <erpc/host/contract_validator.hpp>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <fstream>
#include <sstream>
#include <stdexcept>
#include <string>
#include <string_view>

namespace erpc::banking::test {

inline std::string fixture(std::string_view name) {
  const std::string path =
      std::string(ERPC_SOURCE_DIR) + "/adapters/banking/tests/data/" + std::string(name);
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error("cannot open " + path);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

inline const contract_validator& validator() {
  static const contract_validator v;
  return v;
}

// The statement as contract JSON, validated against schemas/v1 (schema + invariants such as
// bank_statement.balance_mismatch) by the host's validator.
inline nlohmann::json checked_json(const contract::bank_statement& s) {
  nlohmann::json j = s;
  const auto findings = validator().validate("BankStatement", j);
  std::string described;
  for (const auto& f : findings) {
    described += "[" + f.pointer + " " + f.code + ": " + f.message + "] ";
  }
  INFO(described);
  CHECK(findings.empty());
  return j;
}

inline void replace_once(std::string& text, std::string_view from, std::string_view to) {
  const auto at = text.find(from);
  REQUIRE(at != std::string::npos);
  text.replace(at, from.size(), to);
}

// Runs `read`, which must throw erpc::error VALIDATION with `code`; returns it for more checks.
template <typename F>
erpc::error expect_failure(F&& read, std::string_view code) {
  try {
    read();
  } catch (const erpc::error& e) {
    INFO(e.code() + ": " + e.message());
    CHECK(e.cls() == error_class::validation);
    CHECK(e.code() == code);
    CHECK(e.message().rfind("line ", 0) == 0);
    REQUIRE(e.field_errors().size() == 1);
    CHECK(e.field_errors()[0].pointer.rfind("/line/", 0) == 0);
    return e;
  }
  FAIL("expected erpc::error " << code);
  throw std::logic_error("unreachable");
}

inline std::string line_of(const erpc::error& e) { return e.field_errors().at(0).pointer; }

}  // namespace erpc::banking::test

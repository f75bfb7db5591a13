// Shared helpers for the contract tests: the sample documents and one validator.
#pragma once

#include <erpc/host/contract_validator.hpp>

#include <nlohmann/json.hpp>

#include <fstream>
#include <initializer_list>
#include <sstream>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace erpc::contract_test {

inline nlohmann::json load_example(std::string_view object) {
  const std::string path =
      std::string(ERPC_SOURCE_DIR) + "/schemas/examples/v1/" + std::string(object) + ".json";
  std::ifstream in(path);
  if (!in) throw std::runtime_error("cannot open " + path);
  return nlohmann::json::parse(in);
}

inline const contract_validator& validator() {
  static const contract_validator v;
  return v;
}

inline std::string describe(const std::vector<field_error>& errors) {
  std::ostringstream s;
  for (const auto& e : errors) s << "[" << e.pointer << " " << e.code << ": " << e.message << "] ";
  return s.str();
}

// The findings are exactly one, at `pointer` with `code`.
inline bool only_finding(const std::vector<field_error>& errors, std::string_view pointer,
                         std::string_view code) {
  return errors.size() == 1 && errors[0].pointer == pointer && errors[0].code == code;
}

// Exactly these (pointer, code) findings, in this order.
inline bool findings_are(const std::vector<field_error>& errors,
                         std::initializer_list<std::pair<std::string_view, std::string_view>> expected) {
  if (errors.size() != expected.size()) return false;
  std::size_t i = 0;
  for (const auto& [pointer, code] : expected) {
    if (errors[i].pointer != pointer || errors[i].code != code) return false;
    ++i;
  }
  return true;
}

inline bool has_finding(const std::vector<field_error>& errors, std::string_view pointer,
                        std::string_view code) {
  for (const auto& e : errors) {
    if (e.pointer == pointer && e.code == code) return true;
  }
  return false;
}

}  // namespace erpc::contract_test

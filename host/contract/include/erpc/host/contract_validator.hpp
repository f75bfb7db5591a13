// Validates canonical documents (contract v1) and request envelopes: the JSON Schema of each
// object, then the invariants a schema cannot say (balances, totals, identifiers, transitions).
// Every finding is an erpc::field_error with an RFC 6901 pointer and a stable code
// (docs/contract.md lists them).
#pragma once

#include <erpc/error.hpp>

#include <nlohmann/json_fwd.hpp>

#include <memory>
#include <span>
#include <string_view>
#include <vector>

namespace erpc {

class contract_validator {
 public:
  // Parses and compiles every embedded schema once; throws erpc::error(INTERNAL,
  // "contract.schema_load") if the embedded set is broken (a build defect, never input).
  contract_validator();
  ~contract_validator();
  contract_validator(contract_validator&&) noexcept;
  contract_validator& operator=(contract_validator&&) noexcept;

  // Canonical object names: "Invoice", "JournalEntry", ...
  static std::span<const std::string_view> object_names() noexcept;

  // Schema + invariants for one canonical document. An unknown object name yields one error
  // {"", "contract.unknown_object"}. Thread-safe: one validator serves every thread.
  std::vector<field_error> validate(std::string_view object_name,
                                    const nlohmann::json& payload) const;

  // The envelope, and for create/update/submit its payload against the named object (pointers
  // then start with "/payload").
  std::vector<field_error> validate_request(const nlohmann::json& envelope) const;

  // A response envelope {"status":"ok",...} | {"status":"error",...}; the result is not checked
  // against an object schema here because list/get results vary by op.
  std::vector<field_error> validate_response(const nlohmann::json& envelope) const;

 private:
  struct impl;
  std::unique_ptr<impl> impl_;
};

// Throws erpc::error(VALIDATION, "contract.invalid") carrying every field error, if any.
void throw_if_invalid(std::vector<field_error> errors, std::string_view what);

inline void throw_if_invalid(const contract_validator& v, std::string_view object_name,
                             const nlohmann::json& payload) {
  throw_if_invalid(v.validate(object_name, payload), object_name);
}

inline void throw_if_invalid_request(const contract_validator& v,
                                     const nlohmann::json& envelope) {
  throw_if_invalid(v.validate_request(envelope), "request");
}

}  // namespace erpc

#pragma once
// Resolves secret references from configuration: "env:NAME" and "file:/path". Configuration
// holds references only; values exist in memory and are remembered by the redactor.

#include <erpc/host/secret_redactor.hpp>

#include <string>

namespace erpc {

class secret_resolver {
 public:
  explicit secret_resolver(secret_redactor& redactor) : redactor_(redactor) {}

  // Throws erpc::error(CONFIGURATION) with code secrets.bad_reference, secrets.env_unset,
  // secrets.file_unreadable or secrets.empty; the message names the reference, never a value.
  std::string resolve(const std::string& reference) const;

  static bool is_reference(const std::string& text);

 private:
  secret_redactor& redactor_;
};

}  // namespace erpc

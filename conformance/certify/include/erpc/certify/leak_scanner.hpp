// SPDX-License-Identifier: Apache-2.0
// Finds secret values in text that leaves an adapter (outputs, errors, log lines): plain, and
// encoded the ways a careless adapter ships them — standard and URL-safe base64 (at any byte
// alignment, so a secret inside a longer encoded blob such as a Basic credential is found),
// percent-encoding, and hex in lower and upper case (ARCHITECTURE §8).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace erpc::certify {

struct leak {
  std::size_t secret = 0;  // index into the scanner's secrets
  std::string encoding;    // plain | base64 | base64url | url | hex | HEX
};

class leak_scanner {
 public:
  // Secrets shorter than min_secret_length are refused (they would match by accident):
  // erpc::error(CONFIGURATION, certify.secret_too_short).
  explicit leak_scanner(std::vector<std::string> secrets);

  static constexpr std::size_t min_secret_length = 6;

  // The first secret found in `text`, and how it was encoded.
  std::optional<leak> find(std::string_view text) const;

  std::size_t size() const noexcept { return secrets_.size(); }

 private:
  struct needle {
    std::size_t secret;
    std::string encoding;
    std::string text;
  };
  std::vector<std::string> secrets_;
  std::vector<needle> needles_;
};

}  // namespace erpc::certify

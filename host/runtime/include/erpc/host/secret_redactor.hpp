#pragma once
// Remembers every secret value the host has resolved and removes it from any text before the
// text leaves the process (logs, errors, audit, --json output) — also in the base64, URL and
// hex encodings a careless adapter might log.

#include <mutex>
#include <string>
#include <string_view>
#include <vector>

namespace erpc {

class secret_redactor {
 public:
  static constexpr std::string_view mask = "***";

  // Values shorter than 4 bytes are not remembered: redacting them would shred ordinary text.
  void remember(std::string_view secret);
  std::string redact(std::string_view text) const;
  bool empty() const;

 private:
  mutable std::mutex mutex_;
  std::vector<std::string> needles_;  // longest first, so a longer form is replaced whole
};

}  // namespace erpc

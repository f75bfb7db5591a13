#include "erpc/host/secret_resolver.hpp"

#include <erpc/error.hpp>

#include <cstdlib>
#include <fstream>
#include <sstream>

namespace erpc {

bool secret_resolver::is_reference(const std::string& text) {
  return text.rfind("env:", 0) == 0 || text.rfind("file:", 0) == 0;
}

std::string secret_resolver::resolve(const std::string& reference) const {
  std::string value;
  if (reference.rfind("env:", 0) == 0) {
    const std::string name = reference.substr(4);
    const char* v = name.empty() ? nullptr : std::getenv(name.c_str());
    if (v == nullptr) {
      throw error(error_class::configuration, "secrets.env_unset",
                  "secret reference '" + reference + "': environment variable is not set");
    }
    value = v;
  } else if (reference.rfind("file:", 0) == 0) {
    const std::string path = reference.substr(5);
    std::ifstream in(path, std::ios::binary);
    if (path.empty() || !in) {
      throw error(error_class::configuration, "secrets.file_unreadable",
                  "secret reference '" + reference + "': file cannot be read");
    }
    std::ostringstream content;
    content << in.rdbuf();
    value = content.str();
    // Secret files conventionally end with a newline that is not part of the secret.
    while (!value.empty() && (value.back() == '\n' || value.back() == '\r')) value.pop_back();
  } else {
    throw error(error_class::configuration, "secrets.bad_reference",
                "secret reference must start with env: or file: (got a value of " +
                    std::to_string(reference.size()) + " characters)");
  }
  if (value.empty()) {
    throw error(error_class::configuration, "secrets.empty",
                "secret reference '" + reference + "' resolves to an empty value");
  }
  redactor_.remember(value);
  return value;
}

}  // namespace erpc

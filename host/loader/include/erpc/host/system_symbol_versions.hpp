// SPDX-License-Identifier: Apache-2.0
// The symbol versions the running process's base libraries provide, and the comparison of an
// adapter's needs against them, so a refusal can say "needs GLIBC_2.99" instead of dlerror text.
#pragma once

#include <erpc/host/elf_symbol_versions.hpp>

#include <map>
#include <set>
#include <string>
#include <vector>

namespace erpc {

// A version an adapter needs from a library the system has, but which that library lacks.
struct missing_symbol_version {
  std::string file;     // soname, e.g. "libc.so.6"
  std::string version;  // e.g. "GLIBC_2.99"

  friend bool operator==(const missing_symbol_version&, const missing_symbol_version&) = default;
};

class system_symbol_versions {
 public:
  // soname -> version names it defines.
  explicit system_symbol_versions(std::map<std::string, std::set<std::string>> provided);

  // The libc, libm, libstdc++ and libgcc_s mapped into this process (found with
  // dl_iterate_phdr, their .gnu.version_d read from disk). Computed once, then shared.
  static const system_symbol_versions& of_running_process();

  // Needs from a library listed here that it does not define. Needs from libraries not listed
  // are not judged (dlopen resolves them and reports its own error).
  std::vector<missing_symbol_version> missing(
      const std::vector<elf_version_need>& needs) const;

  const std::map<std::string, std::set<std::string>>& provided() const noexcept {
    return provided_;
  }

 private:
  std::map<std::string, std::set<std::string>> provided_;
};

}  // namespace erpc

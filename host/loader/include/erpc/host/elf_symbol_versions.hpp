// SPDX-License-Identifier: Apache-2.0
// A bounds-checked ELF64 reader for what the loader must know before it maps a library: class,
// machine, type, DT_NEEDED, the symbol versions it needs (.gnu.version_r) and defines
// (.gnu.version_d), and its defined dynamic symbols. The input is untrusted: every offset, size
// and count is checked and a malformed file yields erpc::error, never a crash or a hang.
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <vector>

namespace erpc {

// One entry of .gnu.version_r: a library and the version names needed from it.
struct elf_version_need {
  std::string file;                   // e.g. "libc.so.6"
  std::vector<std::string> versions;  // e.g. {"GLIBC_2.2.5", "GLIBC_2.34"}, in file order

  friend bool operator==(const elf_version_need&, const elf_version_need&) = default;
};

struct elf_dynamic_info {
  std::uint16_t machine = 0;  // e_machine, e.g. EM_X86_64 (62)
  std::uint16_t type = 0;     // e_type, ET_DYN (3) for a shared library
  std::string soname;         // DT_SONAME, "" when absent
  std::vector<std::string> needed;                // DT_NEEDED, in file order
  std::vector<elf_version_need> version_needs;    // .gnu.version_r
  std::vector<std::string> version_definitions;   // .gnu.version_d, excluding the base entry
  std::vector<std::string> defined_symbols;       // .dynsym, global/weak, defined, not SHN_ABS
};

// The e_machine value of the running host (EM_X86_64 on the supported platform).
std::uint16_t host_elf_machine() noexcept;

// Parses an ELF image held in memory. Throws erpc::error (class CONFIGURATION):
//   loader.not_a_shared_library  not ELF, truncated, an offset outside the file, not ET_DYN
//   loader.wrong_architecture    not ELFCLASS64 little-endian, or e_machine != host_elf_machine()
// The architecture is judged from the identification bytes alone, so a 32-bit or big-endian
// library is named as such rather than as "malformed".
elf_dynamic_info read_elf_dynamic_info(std::span<const std::byte> image);

}  // namespace erpc

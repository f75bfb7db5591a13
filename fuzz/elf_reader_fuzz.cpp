// Fuzzes the loader's ELF64 reader (host/loader elf_symbol_versions): any input must end in a
// result or an erpc::error with one of the two loader codes, never a crash or a hang.
#include <erpc/error.hpp>
#include <erpc/host/elf_symbol_versions.hpp>

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <span>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  try {
    const auto info = erpc::read_elf_dynamic_info(
        std::as_bytes(std::span<const std::uint8_t>(data, size)));
    (void)info;
  } catch (const erpc::error& e) {
    if (e.code() != "loader.not_a_shared_library" && e.code() != "loader.wrong_architecture") {
      std::abort();
    }
  }
  return 0;
}

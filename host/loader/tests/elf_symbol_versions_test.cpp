#include <erpc/host/elf_symbol_versions.hpp>

#include <erpc/error.hpp>

#include "loader_test_support.hpp"

#include <catch2/catch.hpp>

#include <unistd.h>

#include <dlfcn.h>
#include <elf.h>

#include <algorithm>
#include <cstring>
#include <random>
#include <set>

using erpc::read_elf_dynamic_info;
using erpc::testing::adapter_path;
using erpc::testing::error_from;
using erpc::testing::read_bytes;

namespace {

std::string code_of(const std::vector<std::byte>& bytes) {
  const auto e = error_from([&] { read_elf_dynamic_info(bytes); });
  return e ? e->code() : "";
}

[[maybe_unused]] bool is_baseline_library(const std::string& name) {
  return name == "libc.so.6" || name == "libm.so.6" || name == "libstdc++.so.6" ||
         name == "libgcc_s.so.1";
}

}  // namespace

TEST_CASE("a built adapter exports exactly one dynamic symbol, the entry", "[elf]") {
  const auto info = read_elf_dynamic_info(read_bytes(adapter_path("good")));
  CHECK(info.machine == erpc::host_elf_machine());
  CHECK(info.type == ET_DYN);
  // The version script's node (ERPC_ADAPTER_1) appears as an SHN_ABS symbol, which the
  // reader leaves out; nm -D --defined-only would list it as "A ERPC_ADAPTER_1".
  CHECK(info.defined_symbols == std::vector<std::string>{"erpc_adapter_entry"});
  CHECK(std::find(info.version_definitions.begin(), info.version_definitions.end(),
                  "ERPC_ADAPTER_1") != info.version_definitions.end());
}

TEST_CASE("a built adapter needs only libc, libm, libstdc++ and libgcc_s", "[elf]") {
#if defined(ERPC_SANITIZED)
  // Sanitized builds link libasan/libubsan into every module; only the normal build is judged.
  SUCCEED("DT_NEEDED assertion skipped under ERPC_SANITIZED");
#else
  const auto info = read_elf_dynamic_info(read_bytes(adapter_path("good")));
  REQUIRE_FALSE(info.needed.empty());
  for (const auto& needed : info.needed) {
    INFO(needed);
    CHECK(is_baseline_library(needed));
  }
  // It calls strlen/strcmp, so it needs a glibc version: the GLIBC_2.99 test patches that.
  REQUIRE_FALSE(info.version_needs.empty());
  CHECK(info.version_needs.front().file == "libc.so.6");
  CHECK(info.version_needs.front().versions.front().rfind("GLIBC_2.", 0) == 0);
#endif
}

TEST_CASE("the careless build exports more and leaves a symbol undefined", "[elf]") {
  const auto info = read_elf_dynamic_info(read_bytes(adapter_path("undefined_symbol")));
  CHECK(std::find(info.defined_symbols.begin(), info.defined_symbols.end(),
                  "erpc_adapter_entry") != info.defined_symbols.end());
}

TEST_CASE("libc's own version definitions are read", "[elf]") {
  Dl_info where{};
  // getpid, not a string function: under ASan those resolve to libasan's interceptors.
  REQUIRE(::dladdr(reinterpret_cast<void*>(&::getpid), &where) != 0);
  const auto info = read_elf_dynamic_info(read_bytes(where.dli_fname));
  CHECK(info.soname == "libc.so.6");
  const std::set<std::string> defs(info.version_definitions.begin(),
                                   info.version_definitions.end());
  CHECK(defs.contains("GLIBC_2.2.5"));
  CHECK(defs.contains("GLIBC_2.34"));
  CHECK_FALSE(defs.contains("GLIBC_2.99"));
}

TEST_CASE("non-ELF input is refused as not a shared library", "[elf]") {
  CHECK(code_of({}) == "loader.not_a_shared_library");
  const std::string text = "#!/bin/sh\necho hello\n";
  const auto* p = reinterpret_cast<const std::byte*>(text.data());
  CHECK(code_of({p, p + text.size()}) == "loader.not_a_shared_library");
  std::vector<std::byte> magic_only = {std::byte{0x7f}, std::byte{'E'}, std::byte{'L'},
                                       std::byte{'F'}};
  CHECK(code_of(magic_only) == "loader.not_a_shared_library");
}

TEST_CASE("architecture is judged from the header", "[elf]") {
  const auto good = read_bytes(adapter_path("good"));
  auto other_machine = good;
  const std::uint16_t aarch64 = EM_AARCH64 == erpc::host_elf_machine() ? EM_RISCV : EM_AARCH64;
  std::memcpy(other_machine.data() + offsetof(Elf64_Ehdr, e_machine), &aarch64, 2);
  const auto e = error_from([&] { read_elf_dynamic_info(other_machine); });
  REQUIRE(e);
  CHECK(e->code() == "loader.wrong_architecture");
  CHECK_THAT(e->what(), Catch::Contains(std::to_string(aarch64)));

  auto class32 = good;
  class32[EI_CLASS] = std::byte{ELFCLASS32};
  CHECK(code_of(class32) == "loader.wrong_architecture");
  auto big_endian = good;
  big_endian[EI_DATA] = std::byte{ELFDATA2MSB};
  CHECK(code_of(big_endian) == "loader.wrong_architecture");
}

TEST_CASE("every truncation of a real adapter is refused, never read out of bounds", "[elf]") {
  const auto good = read_bytes(adapter_path("good"));
  for (std::size_t size = 0; size < good.size(); size += std::max<std::size_t>(1, size / 7)) {
    INFO(size);
    const std::vector<std::byte> cut(good.begin(), good.begin() + static_cast<long>(size));
    CHECK(code_of(cut) == "loader.not_a_shared_library");
  }
}

TEST_CASE("random corruption yields a typed error or a result, never a crash", "[elf]") {
  const auto good = read_bytes(adapter_path("good"));
  std::mt19937 rng(20260101);
  std::uniform_int_distribution<std::size_t> where(0, good.size() - 1);
  std::uniform_int_distribution<int> value(0, 255);
  int refused = 0;
  for (int round = 0; round < 2000; ++round) {
    auto bytes = good;
    for (int flips = 0; flips < 8; ++flips) {
      // Half the flips land in the header and header tables, where offsets live.
      const auto at = flips % 2 == 0 ? where(rng) % 64 : where(rng);
      bytes[at] = std::byte(static_cast<unsigned char>(value(rng)));
    }
    try {
      (void)read_elf_dynamic_info(bytes);
    } catch (const erpc::error& e) {
      ++refused;
      CHECK((e.code() == "loader.not_a_shared_library" ||
             e.code() == "loader.wrong_architecture"));
    }
  }
  CHECK(refused > 0);
}

#include <erpc/host/system_symbol_versions.hpp>

#include <catch2/catch.hpp>

using erpc::elf_version_need;
using erpc::missing_symbol_version;
using erpc::system_symbol_versions;

TEST_CASE("the running process provides this system's glibc and libstdc++ versions",
          "[symbol_versions]") {
  const auto& system = system_symbol_versions::of_running_process();
  const auto& provided = system.provided();
  REQUIRE(provided.contains("libc.so.6"));
  REQUIRE(provided.contains("libstdc++.so.6"));
  CHECK(provided.at("libc.so.6").contains("GLIBC_2.34"));
  CHECK(provided.at("libstdc++.so.6").contains("GLIBCXX_3.4.30"));  // GCC 12
  CHECK_FALSE(provided.at("libc.so.6").contains("GLIBC_2.99"));
}

TEST_CASE("missing() names exactly the versions a known library lacks", "[symbol_versions]") {
  const system_symbol_versions system({{"libc.so.6", {"GLIBC_2.2.5", "GLIBC_2.34"}}});
  const std::vector<elf_version_need> needs = {
      {"libc.so.6", {"GLIBC_2.2.5", "GLIBC_2.99", "GLIBC_2.34", "GLIBC_3.0"}},
      {"libfoo.so.1", {"FOO_1.0"}},  // not a library the host vouches for: not judged
  };
  CHECK(system.missing(needs) == std::vector<missing_symbol_version>{
                                     {"libc.so.6", "GLIBC_2.99"}, {"libc.so.6", "GLIBC_3.0"}});
  CHECK(system.missing({{"libc.so.6", {"GLIBC_2.34"}}}).empty());
}

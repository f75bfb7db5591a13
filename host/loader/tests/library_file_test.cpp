#include <erpc/host/library_file.hpp>

#include "loader_test_support.hpp"

#include <catch2/catch.hpp>

#include <fcntl.h>
#include <sys/stat.h>

using erpc::library_file;
using erpc::testing::error_from;
using erpc::testing::scratch_dir;
using erpc::testing::write_bytes;

TEST_CASE("library_file reads every byte through one close-on-exec descriptor", "[file]") {
  scratch_dir dir;
  const std::vector<std::byte> bytes = {std::byte{'a'}, std::byte{'b'}, std::byte{'c'}};
  write_bytes(dir / "x.so", bytes);
  auto file = library_file::open(dir / "x.so", 1024);
  CHECK(std::vector<std::byte>(file.bytes().begin(), file.bytes().end()) == bytes);
  // SHA-256("abc"), FIPS 180-2 appendix B.1.
  CHECK(file.sha256() == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  CHECK((::fcntl(file.descriptor(), F_GETFD) & FD_CLOEXEC) != 0);
  CHECK(file.descriptor_path() == "/proc/self/fd/" + std::to_string(file.descriptor()));
  struct stat st {};
  REQUIRE(::stat(file.descriptor_path().c_str(), &st) == 0);
  CHECK(st.st_ino == file.inode());
}

TEST_CASE("library_file refuses missing, special and oversized files", "[file]") {
  scratch_dir dir;
  CHECK(error_from([&] { library_file::open(dir / "absent.so", 1024); })->code() ==
        "loader.cannot_open");
  CHECK(error_from([&] { library_file::open(dir.path(), 1024); })->code() ==
        "loader.not_a_shared_library");
  write_bytes(dir / "big.so", std::vector<std::byte>(2048));
  const auto e = error_from([&] { library_file::open(dir / "big.so", 1024); });
  REQUIRE(e);
  CHECK(e->code() == "loader.library_too_large");
  CHECK_THAT(e->what(), Catch::Contains("2048"));
}

#include <erpc/host/files_service.hpp>

#include <erpc/error.hpp>

#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <unistd.h>

using namespace erpc;
namespace fs = std::filesystem;

namespace {
struct temp_root {
  fs::path path;
  temp_root() {
    path = fs::temp_directory_path() / ("erpc_files_test_" + std::to_string(::getpid()));
    fs::remove_all(path);
    fs::create_directories(path / "in");
  }
  ~temp_root() { fs::remove_all(path); }
};

std::string code_of(const std::function<void()>& f) {
  try {
    f();
  } catch (const error& e) {
    return e.code();
  }
  return "no error";
}
}  // namespace

TEST_CASE("files are written atomically, read back and listed in name order") {
  temp_root root;
  files_service::write(root.path, "in/b.xml", "<b/>", false);
  files_service::write(root.path, "in/a.xml", "<a/>", false);
  REQUIRE(files_service::read(root.path, "in/a.xml", 1024) == "<a/>");
  REQUIRE(files_service::list(root.path, "in") == std::vector<std::string>{"a.xml", "b.xml"});
}

TEST_CASE("an existing file is never overwritten unless asked") {
  temp_root root;
  files_service::write(root.path, "out.xml", "first", false);
  REQUIRE(code_of([&] { files_service::write(root.path, "out.xml", "second", false); }) ==
          "files.exists");
  REQUIRE(files_service::read(root.path, "out.xml", 100) == "first");
  files_service::write(root.path, "out.xml", "second", true);
  REQUIRE(files_service::read(root.path, "out.xml", 100) == "second");
  // No temporary files are left behind.
  REQUIRE(files_service::list(root.path, ".") == std::vector<std::string>{"out.xml"});
}

TEST_CASE("paths cannot leave the root") {
  temp_root root;
  fs::create_symlink("/etc", root.path / "escape");
  REQUIRE(code_of([&] { files_service::read(root.path, "/etc/passwd", 100); }) ==
          "files.bad_path");
  REQUIRE(code_of([&] { files_service::read(root.path, "in/../../x", 100); }) ==
          "files.bad_path");
  REQUIRE(code_of([&] { files_service::read(root.path, "escape/passwd", 100); }) ==
          "files.outside_root");
  REQUIRE(code_of([&] { files_service::read(fs::path(), "a", 100); }) == "files.no_root");
}

TEST_CASE("reads are bounded and missing files are NOT_FOUND") {
  temp_root root;
  files_service::write(root.path, "big.txt", std::string(100, 'x'), false);
  REQUIRE(code_of([&] { files_service::read(root.path, "big.txt", 99); }) == "files.too_large");
  try {
    files_service::read(root.path, "missing.txt", 10);
    FAIL("expected an error");
  } catch (const error& e) {
    REQUIRE(e.cls() == error_class::not_found);
  }
}

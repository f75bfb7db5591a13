#include <erpc/host/secret_resolver.hpp>

#include <erpc/error.hpp>

#include <catch2/catch.hpp>

#include <cstdlib>
#include <filesystem>
#include <fstream>

using namespace erpc;

TEST_CASE("env: and file: references resolve and are remembered for redaction") {
  secret_redactor redactor;
  secret_resolver resolver(redactor);
  ::setenv("ERPC_TEST_SECRET_A", "value-from-env", 1);
  REQUIRE(resolver.resolve("env:ERPC_TEST_SECRET_A") == "value-from-env");

  const auto path = std::filesystem::temp_directory_path() / "erpc_secret_resolver_test.txt";
  std::ofstream(path) << "value-from-file\n";
  REQUIRE(resolver.resolve("file:" + path.string()) == "value-from-file");
  std::filesystem::remove(path);

  REQUIRE(redactor.redact("a value-from-env b value-from-file") == "a *** b ***");
}

TEST_CASE("bad references fail with CONFIGURATION and never echo a value") {
  secret_redactor redactor;
  secret_resolver resolver(redactor);
  ::unsetenv("ERPC_TEST_SECRET_MISSING");
  auto code_of = [&](const std::string& ref) {
    try {
      resolver.resolve(ref);
    } catch (const error& e) {
      REQUIRE(e.cls() == error_class::configuration);
      return e.code();
    }
    return std::string("no error");
  };
  REQUIRE(code_of("env:ERPC_TEST_SECRET_MISSING") == "secrets.env_unset");
  REQUIRE(code_of("file:/nonexistent/erpc/secret") == "secrets.file_unreadable");
  REQUIRE(code_of("hunter2-plain-value") == "secrets.bad_reference");
  try {
    resolver.resolve("hunter2-plain-value");
  } catch (const error& e) {
    REQUIRE(std::string(e.what()).find("hunter2") == std::string::npos);
  }
}

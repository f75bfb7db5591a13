#include <erpc/host/child_probe.hpp>

#include "loader_test_support.hpp"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <chrono>

using erpc::probe_in_child;
using erpc::testing::adapter_path;
using erpc::testing::error_from;
using namespace std::chrono_literals;

namespace {

erpc::error probe_error(const std::string& adapter, std::chrono::milliseconds timeout = 20s) {
  const auto e =
      error_from([&] { probe_in_child(ERPC_PROBE_CHILD, adapter_path(adapter), timeout); });
  REQUIRE(e);
  return *e;
}

}  // namespace

TEST_CASE("probing a good adapter returns its manifest", "[probe]") {
  const auto result = probe_in_child(ERPC_PROBE_CHILD, adapter_path("good"), 20s);
  CHECK(result.adapter_id == "good");
  CHECK(result.sha256.size() == 64);
  const auto manifest = nlohmann::json::parse(result.manifest_json);
  CHECK(manifest["id"] == "good");
  CHECK(manifest["mapping_version"] == "2026.1");
}

TEST_CASE("a constructor calling abort() is reported as a crash naming SIGABRT", "[probe]") {
  const auto e = probe_error("constructor_abort");
  CHECK(e.code() == "loader.probe_crashed");
  CHECK_THAT(e.what(), Catch::Contains("SIGABRT") && Catch::Contains("constructor_abort.so"));
}

TEST_CASE("a constructor calling exit(3) is reported with the exit status", "[probe]") {
  const auto e = probe_error("constructor_exit");
  CHECK(e.code() == "loader.probe_failed");
  CHECK_THAT(e.what(), Catch::Contains("status 3") && Catch::Contains("without a result line"));
}

TEST_CASE("a constructor that never returns is killed at the timeout", "[probe]") {
  const auto started = std::chrono::steady_clock::now();
  const auto e = probe_error("constructor_hang", 300ms);
  CHECK(e.code() == "loader.probe_timeout");
  CHECK_THAT(e.what(), Catch::Contains("300 ms"));
  CHECK(std::chrono::steady_clock::now() - started < 10s);
}

TEST_CASE("the child's own refusal comes back with its code and field errors", "[probe]") {
  const auto major = probe_error("abi_major_2");
  CHECK(major.code() == "loader.abi_major_mismatch");
  CHECK_THAT(major.what(), Catch::Contains("adapter built for ABI 2.0, this host speaks 1.0"));
  const auto fields = probe_error("manifest_bad_fields");
  CHECK(fields.code() == "loader.invalid_manifest");
  CHECK_FALSE(fields.field_errors().empty());
}

TEST_CASE("an executable that cannot start, or prints no result, is a probe failure", "[probe]") {
  const auto missing =
      error_from([] { probe_in_child("/nonexistent/erpc", adapter_path("good"), 5s); });
  REQUIRE(missing);
  CHECK(missing->code() == "loader.probe_failed");
  // /bin/true ignores its arguments and prints nothing.
  const auto silent = error_from([] { probe_in_child("/bin/true", adapter_path("good"), 5s); });
  REQUIRE(silent);
  CHECK(silent->code() == "loader.probe_failed");
  CHECK_THAT(silent->what(), Catch::Contains("status 0"));
}

#include <erpc/host/adapter_registry.hpp>

#include <erpc/host/library_signing.hpp>
#include <erpc/host/signature_verifier.hpp>

#include "loader_test_support.hpp"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <fstream>

using erpc::adapter_registry;
using erpc::registry_options;
using erpc::testing::adapter_path;
using erpc::testing::counting_host;
using erpc::testing::scratch_dir;

namespace {

void copy_adapter(const std::string& name, const std::filesystem::path& to) {
  std::filesystem::copy_file(adapter_path(name), to);
}

std::string refused_code(const adapter_registry& registry, const std::string& file_name) {
  for (const auto& r : registry.refused()) {
    if (r.path.filename() == file_name) return r.reason.code();
  }
  return "not refused";
}

}  // namespace

TEST_CASE("a folder scan loads the good libraries and lists the refused ones", "[registry]") {
  counting_host host;
  scratch_dir dir;
  copy_adapter("good", dir / "a_good.so");
  copy_adapter("good_twin", dir / "b_twin.so");
  copy_adapter("good_duplicate", dir / "c_duplicate.so");
  copy_adapter("abi_major_2", dir / "d_major.so");
  copy_adapter("contract_2", dir / "e_contract.so");
  std::ofstream(dir / "f_bogus.so") << "not a library\n";
  std::ofstream(dir / "notes.txt") << "ignored: not *.so\n";
  std::filesystem::create_directory(dir / "g_folder.so");  // not a regular file: skipped
  std::filesystem::create_directory(dir / "nested");
  copy_adapter("good", dir / "nested" / "deep.so");  // not recursive

  registry_options options;
  options.load = host.options();
  adapter_registry registry(options);
  registry.scan(dir.path());

  REQUIRE(registry.loaded().size() == 2);
  CHECK(registry.loaded()[0]->id() == "good");
  CHECK(registry.loaded()[1]->id() == "good_twin");
  CHECK(registry.find("good")->path() == dir / "a_good.so");
  CHECK(registry.find("missing") == nullptr);
  CHECK(registry.refused().size() == 4);
  CHECK(refused_code(registry, "c_duplicate.so") == "loader.duplicate_id");
  CHECK(refused_code(registry, "d_major.so") == "loader.abi_major_mismatch");
  CHECK(refused_code(registry, "e_contract.so") == "loader.contract_unsupported");
  CHECK(refused_code(registry, "f_bogus.so") == "loader.not_a_shared_library");
  for (const auto& r : registry.refused()) {
    if (r.path.filename() == "c_duplicate.so") {
      CHECK_THAT(r.reason.what(), Catch::Contains("'good'") && Catch::Contains("a_good.so"));
    }
  }
  // The duplicate was initialised (its id is only known then) and released again.
  CHECK(host.count("good", "init") == 2);
  CHECK(host.count("good", "deinit") == 1);
}

TEST_CASE("an unreadable folder is recorded, not thrown", "[registry]") {
  adapter_registry registry;
  registry.scan("/nonexistent/erpc/adapters");
  REQUIRE(registry.refused().size() == 1);
  CHECK(registry.refused()[0].reason.code() == "loader.folder_unreadable");
}

TEST_CASE("an explicit path is loaded or refused like a scanned one", "[registry]") {
  counting_host host;
  registry_options options;
  options.load = host.options();
  adapter_registry registry(options);
  CHECK(registry.add(adapter_path("good"))->id() == "good");
  CHECK(registry.add(adapter_path("abi_minor_99")) == nullptr);
  CHECK(registry.add(adapter_path("good")) == nullptr);  // the same file again: duplicate id
  CHECK(refused_code(registry, "abi_minor_99.so") == "loader.abi_minor_too_new");
  CHECK(refused_code(registry, "good.so") == "loader.duplicate_id");
  CHECK(host.count("good", "init") == 1);
}

TEST_CASE("adapters outlive the registry that loaded them", "[registry]") {
  counting_host host;
  std::shared_ptr<const erpc_adapter_v1> table;
  {
    registry_options options;
    options.load = host.options();
    adapter_registry registry(options);
    registry.add(adapter_path("good"));
    table = registry.find("good")->shared_table();
  }
  CHECK(host.count("good", "deinit") == 0);
  CHECK(table->manifest_json() != nullptr);
  CHECK(nlohmann::json::parse(table->manifest_json())["id"] == "good");
  table.reset();
  CHECK(host.count("good", "deinit") == 1);
}

TEST_CASE("a registry requiring signatures refuses unsigned libraries", "[registry]") {
  counting_host host;
  scratch_dir dir;
  const auto keys = erpc::generate_ed25519_keypair();
  copy_adapter("good", dir / "signed.so");
  copy_adapter("good_twin", dir / "unsigned.so");
  erpc::sign_library(dir / "signed.so", keys.private_key_pem, "ops");
  registry_options options;
  options.load = host.options();
  options.load.signatures = std::make_shared<const erpc::signature_verifier>(
      std::vector<erpc::trusted_key>{{"ops", keys.public_key_pem}});
  adapter_registry registry(options);
  registry.scan(dir.path());
  REQUIRE(registry.loaded().size() == 1);
  CHECK(registry.loaded()[0]->id() == "good");
  CHECK(refused_code(registry, "unsigned.so") == "loader.signature_missing");
  CHECK(host.total("good_twin") == 0);
}

TEST_CASE("a registry probing in a child survives libraries that crash on load",
          "[registry][probe]") {
  counting_host host;
  scratch_dir dir;
  copy_adapter("good", dir / "a_good.so");
  copy_adapter("constructor_abort", dir / "b_abort.so");
  copy_adapter("constructor_exit", dir / "c_exit.so");
  copy_adapter("abi_major_2", dir / "d_major.so");
  registry_options options;
  options.load = host.options();
  options.probe_executable = ERPC_PROBE_CHILD;
  adapter_registry registry(options);
  registry.scan(dir.path());
  REQUIRE(registry.loaded().size() == 1);
  CHECK(registry.loaded()[0]->id() == "good");
  CHECK(refused_code(registry, "b_abort.so") == "loader.probe_crashed");
  CHECK(refused_code(registry, "c_exit.so") == "loader.probe_failed");
  CHECK(refused_code(registry, "d_major.so") == "loader.abi_major_mismatch");
  CHECK(host.total("abi_major_2") == 0);
}

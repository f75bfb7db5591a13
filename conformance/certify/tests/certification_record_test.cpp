// SPDX-License-Identifier: Apache-2.0
// The certification record beside a library: written for exactly the certified bytes, read back
// as current, as stale once the bytes differ, and never trusted when it is not a record.
#include <erpc/certify/certification_record.hpp>
#include <erpc/error.hpp>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <fstream>
#include <unistd.h>

namespace {

namespace fs = std::filesystem;
using namespace erpc::certify;

const std::string certified_sha = std::string(64, 'a');

struct folder {
  fs::path path = fs::temp_directory_path() / ("erpc_record_test_" + std::to_string(::getpid()));
  folder() {
    fs::remove_all(path);
    fs::create_directories(path);
  }
  ~folder() {
    std::error_code ignored;
    fs::remove_all(path, ignored);
  }
};

certification_report report_for(const fs::path& library, check_status native_result) {
  certification_report r;
  r.adapter = {"netsuite", "0.1.0", "netsuite-1", library.string(), certified_sha};
  r.profile = "adapters/netsuite/conformance.json";
  r.requested_level = level::native;
  r.started = "2026-11-26T07:00:00.000Z";
  r.checks = {{"abi.version", "abi.version", level::basic, check_status::passed, "ok", 1},
              {"R1.replay", "R1.replay", level::idempotent, check_status::passed, "ok", 1},
              {"R5b.replay", "R5b.replay", level::native, native_result, "ok", 1}};
  return r;
}

}  // namespace

TEST_CASE("a record names the certified bytes: current for them, stale for others") {
  folder dir;
  const auto library = dir.path / "netsuite.so";
  std::ofstream(library) << "library bytes";
  write_record(report_for(library, check_status::passed));
  CHECK(fs::is_regular_file(dir.path / "netsuite.so.certification.json"));

  const auto current = look_up_record(library, certified_sha);
  CHECK(current.state == record_state::current);
  CHECK(current.level_text() == "native");
  REQUIRE(current.record);
  CHECK(current.record->passed == 3);
  CHECK(current.record->certified_at == "2026-11-26T07:00:00.000Z");

  const auto other = look_up_record(library, std::string(64, 'b'));
  CHECK(other.state == record_state::stale);
  CHECK(other.level_text() == "stale");
  REQUIRE(other.record);
  CHECK(other.record->level == "native");
}

TEST_CASE("a failed native check records the level actually achieved") {
  folder dir;
  const auto library = dir.path / "netsuite.so";
  write_record(report_for(library, check_status::failed));
  CHECK(look_up_record(library, certified_sha).level_text() == "idempotent");
}

TEST_CASE("no record is uncertified, a record that is not one is unreadable, never certified") {
  folder dir;
  const auto library = dir.path / "netsuite.so";
  CHECK(look_up_record(library, certified_sha).level_text() == "uncertified");
  const auto record = dir.path / "netsuite.so.certification.json";
  for (const std::string& text :
       {std::string("{not json"), std::string("[]"),
        std::string(R"({"format": "erpc-certification-record/1", "adapter": "netsuite", "sha256": ")") +
            certified_sha + R"(", "level": "platinum", "summary": {"passed": 1, "failed": 0, "skipped": 0}})",
        std::string(R"({"format": "erpc-certification-record/1", "adapter": "netsuite", "sha256": "ABC", "level": "native", "summary": {"passed": 1, "failed": 0, "skipped": 0}})"),
        std::string(R"({"format": "other/1", "adapter": "netsuite", "sha256": ")") + certified_sha +
            R"(", "level": "native", "summary": {"passed": 1, "failed": 0, "skipped": 0}})",
        std::string(R"({"format": "erpc-certification-record/1", "adapter": "netsuite", "sha256": ")") +
            certified_sha + R"(", "level": "native", "summary": {"passed": "1"}})",
        std::string(70000, ' ')}) {
    CAPTURE(text.substr(0, 80));
    std::ofstream(record, std::ios::trunc) << text;
    const auto found = look_up_record(library, certified_sha);
    CHECK(found.state == record_state::unreadable);
    CHECK(found.level_text() == "unreadable");
  }
}

TEST_CASE("a record cannot be written without a loaded library or where the library is not") {
  folder dir;
  auto unloaded = report_for(dir.path / "x.so", check_status::passed);
  unloaded.adapter.sha256.clear();
  try {
    write_record(unloaded);
    FAIL("written");
  } catch (const erpc::error& e) {
    CHECK(e.code() == "certify.record_without_library");
  }
  try {
    // A folder that is not there stands for one the certifier cannot write (root writes into
    // read-only folders, and CI runs as root).
    write_record(report_for(dir.path / "missing" / "x.so", check_status::passed));
    FAIL("written");
  } catch (const erpc::error& e) {
    CHECK(e.code() == "certify.record_unwritable");
  }
}

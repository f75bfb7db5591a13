// SPDX-License-Identifier: Apache-2.0
// `erpc certify` for the UK Open Banking adapter, as CI would run it: native against its
// simulator, every check passed, the duplicate-sensitive checks once per unconfirmed
// idempotency-conflict form; and a profile expecting a replay where v3.1.11 can only answer
// CONFLICT (a consumed consent names no payment) fails exactly that check.
#include "support/child_process.hpp"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <unistd.h>

namespace {

namespace fs = std::filesystem;
using nlohmann::json;

struct temp_dir {
  fs::path path;
  explicit temp_dir(const std::string& name)
      : path(fs::temp_directory_path() / (name + "_" + std::to_string(::getpid()))) {
    fs::remove_all(path);
    fs::create_directories(path);
  }
  ~temp_dir() { fs::remove_all(path); }
};

std::string read_all(const fs::path& p) {
  std::ifstream in(p);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

const std::string profile_path = std::string(ERPC_OPENBANKING_DIR) + "/conformance.json";

std::vector<std::string> certify_environment() {
#ifdef ERPC_SANITIZED
  return {"ASAN_OPTIONS=detect_leaks=0:abort_on_error=1"};  // static libcrypto, as NetSuite
#else
  return {};
#endif
}

int certify(const fs::path& dir, const std::string& profile, const std::vector<std::string>& extra) {
  std::vector<std::string> argv = {ERPC_EXE, "certify", "--adapter", "openbanking_uk",
                                   "--adapter-dir", ERPC_ADAPTERS, "--profile", profile,
                                   "--report", (dir / "report").string()};
  argv.insert(argv.end(), extra.begin(), extra.end());
  erpc::testing::child_process child(argv, certify_environment(), dir / "certify.log");
  return child.wait();
}

}  // namespace

TEST_CASE("UK Open Banking certifies native against its simulator", "[openbanking][certify]") {
  temp_dir dir("erpc_openbanking_certify");
  const int status = certify(dir.path, profile_path, {});
  INFO(read_all(dir.path / "certify.log"));
  const auto report = json::parse(read_all(dir.path / "report" / "certification.json"));
  for (const auto& c : report["checks"]) {
    INFO(c["id"].get<std::string>() << ": " << c["evidence"].get<std::string>());
    CHECK(c["result"] == "passed");
  }
  CHECK(status == 0);
  CHECK(report["level_achieved"] == "native");
  CHECK(report["summary"]["skipped"] == 0);
  int variants = 0;
  for (const auto& c : report["checks"]) variants += c["check"] == "native.late_delivery" ? 1 : 0;
  CHECK(variants == 3);
}

TEST_CASE("expecting a replay from a consumed consent fails exactly that check", "[openbanking][certify]") {
  temp_dir dir("erpc_openbanking_certify_wrong");
  auto profile = json::parse(read_all(profile_path));
  profile["faults"]["errors.vendor_duplicate"]["expect"] = json::array({"replay"});
  const auto wrong = dir.path / "wrong.json";
  std::ofstream(wrong) << profile.dump();
  const int status = certify(dir.path, wrong.string(), {"--check", "errors.vendor_duplicate"});
  INFO(read_all(dir.path / "certify.log"));
  CHECK(status == 1);
  const auto report = json::parse(read_all(dir.path / "report" / "certification.json"));
  int failed = 0;
  for (const auto& c : report["checks"]) {
    if (c["result"] == "failed") {
      ++failed;
      CHECK(c["check"] == "errors.vendor_duplicate");
    }
  }
  CHECK(failed == 3);  // once per idempotency.conflict_response form
}

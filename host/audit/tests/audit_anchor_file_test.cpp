#include <erpc/host/audit_anchor_file.hpp>

#include "audit_test_support.hpp"

#include <erpc/host/audit_keys.hpp>

#include <catch2/catch.hpp>

#include <unistd.h>
#include <filesystem>
#include <fstream>
#include <sstream>

using namespace erpc;
using namespace erpc::audit_testing;

namespace {

std::filesystem::path fresh_path(const std::string& name) {
  const auto dir =
      std::filesystem::temp_directory_path() / ("erpc_audit_anchor_" + std::to_string(::getpid()));
  std::filesystem::create_directories(dir);
  const auto path = dir / name;
  std::filesystem::remove(path);
  return path;
}

audit_checkpoint checkpoint(std::string connection, std::int64_t seq) {
  const audit_checkpoint_signer signer(derive_audit_keys(key_from_hex(master_hex)).checkpoint);
  audit_checkpoint cp{std::move(connection), seq, std::string(64, 'c'), 1000 + seq, ""};
  signer.sign(cp);
  return cp;
}

std::string file_text(const std::filesystem::path& path) {
  std::ifstream in(path);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

}  // namespace

TEST_CASE("a missing anchor file reads as absent, not as an error") {
  const audit_anchor_file file(fresh_path("missing.anchor"));
  const auto contents = file.read();
  REQUIRE_FALSE(contents.exists);
  REQUIRE(contents.checkpoints.empty());
}

TEST_CASE("appended checkpoints come back in order as one JSON line each") {
  const auto path = fresh_path("order.anchor");
  audit_anchor_file file(path);
  file.append(checkpoint("a", 100));
  file.append(checkpoint("b", 100));
  file.append(checkpoint("a", 200));
  const auto contents = file.read();
  REQUIRE(contents.exists);
  REQUIRE(contents.unreadable_lines.empty());
  REQUIRE(contents.checkpoints.size() == 3);
  REQUIRE(contents.checkpoints[0].checkpoint == checkpoint("a", 100));
  REQUIRE(contents.checkpoints[2].checkpoint == checkpoint("a", 200));
  REQUIRE(contents.checkpoints[2].line == 3);
  const auto text = file_text(path);
  REQUIRE(std::count(text.begin(), text.end(), '\n') == 3);
  REQUIRE((std::filesystem::status(path).permissions() & std::filesystem::perms::others_read) ==
          std::filesystem::perms::none);
}

TEST_CASE("a torn last line is closed before the next append and reported unreadable") {
  const auto path = fresh_path("torn.anchor");
  audit_anchor_file file(path);
  file.append(checkpoint("a", 100));
  std::ofstream(path, std::ios::app) << R"({"connection":"a","seq":2)";  // crash mid-write
  file.append(checkpoint("a", 200));
  std::ofstream(path, std::ios::app) << "not json at all\n";
  const auto contents = file.read();
  REQUIRE(contents.checkpoints.size() == 2);
  REQUIRE(contents.checkpoints[1].checkpoint.seq == 200);
  REQUIRE(contents.unreadable_lines == std::vector<std::size_t>{2, 4});
}

TEST_CASE("an anchor file that cannot be written is audit.anchor_write_failed") {
  audit_anchor_file file(fresh_path("no-such-dir") / "x.anchor");
  REQUIRE(error_text([&] {
            file.append(checkpoint("a", 1));
          }).rfind("audit.anchor_write_failed", 0) == 0);
}

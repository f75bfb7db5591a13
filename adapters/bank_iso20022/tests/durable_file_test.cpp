// SPDX-License-Identifier: Apache-2.0
// The durable file helpers: an atomic replace leaves no temp file and no partial content; the
// state lock excludes a second holder until the first lets go.
#include "durable_file.hpp"

#include <erpc/error.hpp>

#include <nlohmann/json.hpp>

#include <catch2/catch.hpp>

#include <stdlib.h>

#include <atomic>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <thread>

namespace fs = std::filesystem;

namespace {

fs::path temp_folder() {
  std::string pattern = (fs::temp_directory_path() / "erpc-durable-XXXXXX").string();
  REQUIRE(::mkdtemp(pattern.data()) != nullptr);
  return pattern;
}

}  // namespace

TEST_CASE("write_atomically replaces the whole file and leaves no temp name", "[durable]") {
  const auto folder = temp_folder();
  const auto target = folder / "MSG-1.xml";
  erpc::bank_file::write_atomically(target, "first");
  erpc::bank_file::write_atomically(target, std::string(100000, 'x'));
  CHECK(erpc::bank_file::read_whole_file(target) == std::string(100000, 'x'));
  std::size_t entries = 0;
  for (const auto& e : fs::directory_iterator(folder)) {
    (void)e;
    ++entries;
  }
  CHECK(entries == 1);
  fs::remove_all(folder);
}

TEST_CASE("a write into a folder that is gone is UNAVAILABLE naming the path", "[durable]") {
  const auto folder = temp_folder();
  fs::remove_all(folder);
  try {
    erpc::bank_file::write_atomically(folder / "x.xml", "x");
    FAIL("expected an error");
  } catch (const erpc::error& e) {
    CHECK(e.cls() == erpc::error_class::unavailable);
    CHECK(e.code() == "bank_file.io_failed");
    CHECK(std::string(e.what()).find(folder.string()) != std::string::npos);
  }
}

TEST_CASE("the state lock excludes a second holder", "[durable]") {
  const auto folder = temp_folder();
  std::atomic<bool> second_has_it{false};
  std::thread second;
  {
    const erpc::bank_file::state_lock first(folder);
    second = std::thread([&] {
      const erpc::bank_file::state_lock lock(folder);
      second_has_it = true;
    });
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
    CHECK_FALSE(second_has_it.load());
  }
  second.join();
  CHECK(second_has_it.load());
  fs::remove_all(folder);
}

TEST_CASE("a state file that is not JSON is INTERNAL state_corrupt", "[durable]") {
  const auto folder = temp_folder();
  std::ofstream(folder / "intake.json") << "{not json";
  try {
    (void)erpc::bank_file::read_json_file(folder / "intake.json");
    FAIL("expected an error");
  } catch (const erpc::error& e) {
    CHECK(e.code() == "bank_file.state_corrupt");
  }
  fs::remove_all(folder);
}

#pragma once
// The record target (record_target.cpp) as a child process of a durability test: started with a
// pipe on stdin (closing it stops the target) and one on stdout (it prints its port).
#include "support/child_process.hpp"
#include "support/raw_http.hpp"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <cstdio>
#include <fcntl.h>
#include <filesystem>
#include <memory>
#include <string>
#include <unistd.h>
#include <vector>

namespace erpc::testing {

class record_target {
 public:
  explicit record_target(const std::filesystem::path& log) {
    int in[2];
    int out[2];
    REQUIRE(::pipe2(in, O_CLOEXEC) == 0);
    REQUIRE(::pipe2(out, O_CLOEXEC) == 0);
    process_ = std::make_unique<child_process>(std::vector<std::string>{ERPC_RECORD_TARGET},
                                               std::vector<std::string>{}, log, in[0], out[1]);
    ::close(in[0]);
    ::close(out[1]);
    stdin_ = in[1];
    FILE* f = ::fdopen(out[0], "r");
    char line[64] = {};
    REQUIRE(std::fgets(line, sizeof line, f) != nullptr);
    std::fclose(f);
    REQUIRE(std::sscanf(line, "port %d", &port_) == 1);
  }
  ~record_target() {
    ::close(stdin_);
    process_->wait();
  }
  std::string base_url() const { return "http://127.0.0.1:" + std::to_string(port_); }
  nlohmann::json count() const {
    const auto r = erpc::testing::raw_http(static_cast<std::uint16_t>(port_), "GET", "/count");
    REQUIRE(r.status == 200);
    return nlohmann::json::parse(r.body);
  }
  // What the target received for one key: [{"id","key","payload"}...].
  nlohmann::json records(const std::string& key) const {
    const auto r =
        erpc::testing::raw_http(static_cast<std::uint16_t>(port_), "GET", "/records?key=" + key);
    REQUIRE(r.status == 200);
    return nlohmann::json::parse(r.body).at("items");
  }

 private:
  std::unique_ptr<child_process> process_;
  int stdin_ = -1;
  int port_ = 0;
};

}  // namespace erpc::testing

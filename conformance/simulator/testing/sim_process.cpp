// SPDX-License-Identifier: Apache-2.0
#include <erpc/sim/testing/sim_process.hpp>

#include "support/child_process.hpp"
#include "support/raw_http.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <filesystem>
#include <stdexcept>

namespace erpc::sim::testing {

namespace {

std::string read_line(int fd) {
  std::string line;
  char c = 0;
  while (::read(fd, &c, 1) == 1) {
    if (c == '\n') return line;
    line.push_back(c);
  }
  throw std::runtime_error("the simulator process ended unexpectedly");
}

}  // namespace

struct sim_process::impl {
  int to_child[2] = {-1, -1};
  int from_child[2] = {-1, -1};
  std::unique_ptr<erpc::testing::child_process> child;
  std::uint16_t port = 0;

  explicit impl(const std::string& vendor) {
    // Close-on-exec, so the child does not hold the write end of its own stdin (no EOF).
    if (::pipe2(to_child, O_CLOEXEC) != 0 || ::pipe2(from_child, O_CLOEXEC) != 0) {
      throw std::runtime_error("pipe failed");
    }
    const auto log = std::filesystem::temp_directory_path() /
                     ("erpc_sim_" + vendor + "_" + std::to_string(::getpid()) + ".log");
    child = std::make_unique<erpc::testing::child_process>(
        std::vector<std::string>{ERPC_SIM_RUNNER, vendor}, std::vector<std::string>{}, log,
        to_child[0], from_child[1]);
    ::close(to_child[0]);
    ::close(from_child[1]);
    const auto first = read_line(from_child[0]);
    if (first.rfind("port ", 0) != 0) {
      throw std::runtime_error("unexpected simulator line: " + first);
    }
    port = static_cast<std::uint16_t>(std::stoi(first.substr(5)));
  }
  ~impl() {
    ::close(to_child[1]);  // EOF: the simulator stops and exits
    child->wait();
    ::close(from_child[0]);
  }
};

sim_process::sim_process(const std::string& vendor) : impl_(std::make_unique<impl>(vendor)) {}
sim_process::~sim_process() = default;

std::uint16_t sim_process::port() const { return impl_->port; }

std::string sim_process::base_url() const {
  return "http://127.0.0.1:" + std::to_string(impl_->port);
}

void sim_process::apply_settings(const nlohmann::json& values) {
  const auto res = erpc::testing::raw_http(impl_->port, "PUT", "/_sim/settings",
                                           {{"Content-Type", "application/json"}}, values.dump());
  if (res.status != 200) throw std::runtime_error("settings refused: " + res.body);
}

nlohmann::json sim_process::effects(const std::string& record_type) const {
  const auto res = erpc::testing::raw_http(impl_->port, "GET",
                                           "/_sim/effects?record_type=" + record_type);
  if (res.status != 200) throw std::runtime_error("effects refused: " + res.body);
  return nlohmann::json::parse(res.body);
}

void sim_process::reset() {
  const auto res = erpc::testing::raw_http(impl_->port, "POST", "/_sim/reset");
  if (res.status != 200 && res.status != 204) {
    throw std::runtime_error("reset refused: " + res.body);
  }
}

std::size_t sim_process::requests_in_flight() const {
  const std::string ask = "inflight\n";
  if (::write(impl_->to_child[1], ask.data(), ask.size()) != static_cast<ssize_t>(ask.size())) {
    throw std::runtime_error("the simulator process does not listen");
  }
  return static_cast<std::size_t>(std::stoul(read_line(impl_->from_child[0])));
}

}  // namespace erpc::sim::testing

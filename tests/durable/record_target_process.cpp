#include "record_target_process.hpp"

#include "support/raw_http.hpp"

#include <cstdio>
#include <fcntl.h>
#include <stdexcept>
#include <unistd.h>
#include <vector>

namespace erpc::testing {

record_target_process::record_target_process(const std::string& executable,
                                             const std::filesystem::path& log) {
  int in[2];
  int out[2];
  if (::pipe2(in, O_CLOEXEC) != 0) throw std::runtime_error("pipe2 failed");
  if (::pipe2(out, O_CLOEXEC) != 0) {
    ::close(in[0]);
    ::close(in[1]);
    throw std::runtime_error("pipe2 failed");
  }
  process_ = std::make_unique<child_process>(std::vector<std::string>{executable},
                                             std::vector<std::string>{}, log, in[0], out[1]);
  ::close(in[0]);
  ::close(out[1]);
  stdin_ = in[1];
  FILE* f = ::fdopen(out[0], "r");
  char line[64] = {};
  const bool got_line = std::fgets(line, sizeof line, f) != nullptr;
  std::fclose(f);
  if (!got_line || std::sscanf(line, "port %d", &port_) != 1) {
    ::close(stdin_);
    throw std::runtime_error("the record target did not print its port");
  }
}

record_target_process::~record_target_process() {
  ::close(stdin_);
  process_->wait();
}

nlohmann::json record_target_process::count() const {
  const auto r = raw_http(static_cast<std::uint16_t>(port_), "GET", "/count");
  if (r.status != 200) throw std::runtime_error("record target /count: " + r.body);
  return nlohmann::json::parse(r.body);
}

nlohmann::json record_target_process::records(const std::string& key) const {
  const auto r = raw_http(static_cast<std::uint16_t>(port_), "GET", "/records?key=" + key);
  if (r.status != 200) throw std::runtime_error("record target /records: " + r.body);
  return nlohmann::json::parse(r.body);
}

}  // namespace erpc::testing

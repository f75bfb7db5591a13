// Helpers shared by the loader tests: paths of the built test adapters, scratch folders, and a
// host whose counter service records what the host called inside each adapter.
#pragma once

#include <erpc/error.hpp>
#include <erpc/host/host_table.hpp>
#include <erpc/host/load_options.hpp>

#include "test_counter.h"

#include <cstddef>
#include <filesystem>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

namespace erpc::testing {

// <build>/host/loader/tests/adapters/<name>/<name>.so
std::filesystem::path adapter_path(const std::string& name);

class scratch_dir {
 public:
  scratch_dir();
  ~scratch_dir();
  scratch_dir(const scratch_dir&) = delete;
  scratch_dir& operator=(const scratch_dir&) = delete;
  const std::filesystem::path& path() const noexcept { return path_; }
  std::filesystem::path operator/(const std::string& name) const { return path_ / name; }

 private:
  std::filesystem::path path_;
};

std::vector<std::byte> read_bytes(const std::filesystem::path& path);
void write_bytes(const std::filesystem::path& path, const std::vector<std::byte>& bytes);

// A host_table offering "erpc.test.counter/1". Declare it before anything loaded with it.
class counting_host {
 public:
  counting_host();
  std::shared_ptr<const host_table> host() const { return host_; }
  load_options options() const;
  int count(const std::string& adapter_id, const std::string& event) const;
  int total(const std::string& adapter_id) const;

 private:
  // The host_table lives inside the state, so whoever holds the host keeps the counter alive.
  struct state {
    host_table table;
    erpc_test_counter_v1 service{};
    mutable std::mutex mutex;
    std::map<std::pair<std::string, std::string>, int> counts;
  };
  static void bump(const erpc_test_counter_v1* self, const char* id, const char* event);

  std::shared_ptr<state> state_;
  std::shared_ptr<host_table> host_;
};

// Runs f and returns the erpc::error it threw, or nullopt when it did not throw.
template <class F>
std::optional<erpc::error> error_from(F&& f) {
  try {
    f();
  } catch (const erpc::error& e) {
    return e;
  }
  return std::nullopt;
}

}  // namespace erpc::testing

// SPDX-License-Identifier: Apache-2.0
// The adapters a host knows: scanned from folders or named one by one, each either loaded or
// refused with the reason. `erpc adapters list` prints both lists.
#pragma once

#include <erpc/error.hpp>
#include <erpc/host/adapter_library.hpp>
#include <erpc/host/load_options.hpp>

#include <chrono>
#include <filesystem>
#include <memory>
#include <optional>
#include <string_view>
#include <vector>

namespace erpc {

struct registry_options {
  load_options load;
  // Set: every library is first loaded in a child (`<probe_executable> __probe <path>`) and
  // only loaded in-process when the child succeeded.
  std::optional<std::filesystem::path> probe_executable;
  std::chrono::milliseconds probe_timeout{10000};
};

struct refused_library {
  std::filesystem::path path;
  erpc::error reason;
};

class adapter_registry {
 public:
  explicit adapter_registry(registry_options options = {});

  // Loads every regular `*.so` directly in `folder` (not recursive), in name order. A folder
  // that cannot be read is recorded as refused (loader.folder_unreadable).
  void scan(const std::filesystem::path& folder);

  // Loads one library. Returns it, or nullptr when refused (the reason is in refused()).
  // A second library with an id already loaded is refused with loader.duplicate_id.
  std::shared_ptr<adapter_library> add(const std::filesystem::path& library);

  std::shared_ptr<adapter_library> find(std::string_view id) const;
  const std::vector<std::shared_ptr<adapter_library>>& loaded() const noexcept {
    return loaded_;
  }
  const std::vector<refused_library>& refused() const noexcept { return refused_; }

 private:
  registry_options options_;
  std::vector<std::shared_ptr<adapter_library>> loaded_;
  std::vector<refused_library> refused_;
};

}  // namespace erpc

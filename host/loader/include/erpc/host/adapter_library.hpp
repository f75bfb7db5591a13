// SPDX-License-Identifier: Apache-2.0
// One loaded adapter: the mapped library, its checked entry and function table, its manifest.
// Everything handed out keeps a shared_ptr to it, so the code cannot be unmapped while anything
// from it lives; deinit() runs, and the library is unmapped, when the last reference goes.
#pragma once

#include <erpc/abi.h>
#include <erpc/host/load_options.hpp>

#include <nlohmann/json_fwd.hpp>

#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>

namespace erpc {

struct abi_version {
  std::uint32_t major = 0;
  std::uint32_t minor = 0;
};

// Sizes of the ABI 1.0 structs: the least a struct_size may say (abi.h rule 2).
inline constexpr std::uint32_t entry_v1_0_size = sizeof(erpc_adapter_entry_v1);
inline constexpr std::uint32_t adapter_v1_0_size = sizeof(erpc_adapter_v1);

class adapter_library : public std::enable_shared_from_this<adapter_library> {
 public:
  // Loads and initialises the library at `path` (docs/abi.md "Load sequence"). Loading a file
  // that is already loaded (same device and inode, same bytes) returns the same instance, so
  // init() runs once per mapping. Throws erpc::error (class CONFIGURATION, code loader.*) for
  // every refusal; nothing from a table whose version check failed is ever called.
  static std::shared_ptr<adapter_library> load(const std::filesystem::path& path,
                                               const load_options& options = {});

  ~adapter_library();
  adapter_library(const adapter_library&) = delete;
  adapter_library& operator=(const adapter_library&) = delete;

  const std::string& id() const noexcept;
  const std::filesystem::path& path() const noexcept;
  const nlohmann::json& manifest() const noexcept;
  const std::string& sha256() const noexcept;  // of the bytes that were mapped, lowercase hex
  abi_version abi() const noexcept;            // what the adapter was built against
  // The adapter's table, copied min(struct_size, sizeof) into zeroed memory. The reference is
  // valid while this object lives; prefer shared_table() for anything that outlives the caller.
  const erpc_adapter_v1& table() const noexcept;
  // The table, owning a reference to this library (aliasing shared_ptr).
  std::shared_ptr<const erpc_adapter_v1> shared_table() const;

 private:
  struct impl;
  explicit adapter_library(std::unique_ptr<impl> state);
  std::unique_ptr<impl> impl_;
};

}  // namespace erpc

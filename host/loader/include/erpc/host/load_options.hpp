// SPDX-License-Identifier: Apache-2.0
// How adapter_library::load judges and initialises a library.
#pragma once

#include <cstddef>
#include <filesystem>
#include <functional>
#include <memory>

namespace erpc {

class host_table;
class signature_verifier;

struct load_options {
  // Passed to init(); kept alive by the library. Null: a host_table without services.
  std::shared_ptr<const host_table> host;
  // Non-null: the library must carry a valid signature by one of these keys.
  std::shared_ptr<const signature_verifier> signatures;
  std::size_t max_library_bytes = std::size_t{256} << 20;
  std::size_t max_manifest_bytes = std::size_t{4} << 20;  // ARCHITECTURE §3 JSON limit
  // Runs after every check on the file's bytes and just before they are mapped. Tests use it
  // to swap the file on disk and prove the verified descriptor is what gets loaded.
  std::function<void(const std::filesystem::path&)> before_map;
};

}  // namespace erpc

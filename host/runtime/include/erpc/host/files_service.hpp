#pragma once
// "erpc.host.files/1": file access confined to the calling connection's root directory, for
// file-channel adapters (bank statements in, payment files out). Writes are atomic.

#include <cstddef>
#include <filesystem>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace erpc {

class files_service {
 public:
  // Each function throws erpc::error(CONFIGURATION or NOT_FOUND) with a files.* code.
  static std::string read(const std::filesystem::path& root, std::string_view relative,
                          std::size_t max_bytes);
  static void write(const std::filesystem::path& root, std::string_view relative,
                    std::string_view data, bool overwrite);
  static std::vector<std::string> list(const std::filesystem::path& root,
                                       std::string_view relative_directory);

  // The absolute path for `relative` inside `root`, refusing absolute paths, "..", and
  // symlinks that lead out of the root.
  static std::filesystem::path confine(const std::filesystem::path& root,
                                       std::string_view relative);
};

}  // namespace erpc

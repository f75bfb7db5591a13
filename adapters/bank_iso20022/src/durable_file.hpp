// SPDX-License-Identifier: Apache-2.0
// Files that survive a crash: written to a temporary name in the same folder, flushed to disk,
// renamed over the final name and the folder flushed, so a reader sees the old file or the whole
// new one, never a part (BANK_CONTRACT.md "outbound_dir"). Plus the lock that keeps two calls —
// threads or processes — from taking in one inbound file twice.
#pragma once

#include <nlohmann/json_fwd.hpp>

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

namespace erpc::bank_file {

// Writes `bytes` to `path` and fsyncs it (the file is created or truncated). Errors:
// UNAVAILABLE "bank_file.io_failed" naming the path.
void write_and_sync(const std::filesystem::path& path, std::string_view bytes);

// rename(from, to), then fsyncs the folder of `to` so the new name is durable.
void rename_and_sync(const std::filesystem::path& from, const std::filesystem::path& to);

// write_and_sync to "<folder>/.<name>.tmp", then rename_and_sync onto `path`.
void write_atomically(const std::filesystem::path& path, std::string_view bytes);

// The whole file, or nullopt when it does not exist. Larger than max_bytes: nullopt and
// *too_large set (when given).
std::optional<std::string> read_whole_file(const std::filesystem::path& path,
                                           std::size_t max_bytes = std::size_t{1} << 30,
                                           bool* too_large = nullptr);

// A JSON document kept with write_atomically; nullopt when the file is missing. A file that is
// not JSON is INTERNAL "bank_file.state_corrupt" (the state folder was edited by hand).
std::optional<nlohmann::json> read_json_file(const std::filesystem::path& path);
void write_json_atomically(const std::filesystem::path& path, const nlohmann::json& document);

// An exclusive flock on "<state_dir>/lock" for the life of the object (blocks until granted).
// flock locks belong to the open file description, so two threads of one process exclude each
// other as well as two processes do.
class state_lock {
 public:
  explicit state_lock(const std::filesystem::path& state_dir);
  ~state_lock();
  state_lock(const state_lock&) = delete;
  state_lock& operator=(const state_lock&) = delete;

 private:
  int fd_ = -1;
};

// SHA-256 of the bytes, lower-case hex.
std::string content_hash(std::string_view bytes);

}  // namespace erpc::bank_file

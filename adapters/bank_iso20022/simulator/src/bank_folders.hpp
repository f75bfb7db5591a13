// SPDX-License-Identifier: Apache-2.0
// The folder protocol of docs/bank-file-contract.md from the bank's side: files waiting in the outbound
// folder (names starting with '.' are temp files of a writer and are left alone), files
// delivered to the inbound folder atomically (".name.tmp" in the same folder, fsync, rename),
// and files moved into the bank's archive without overwriting anything there.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace erpc::sim::bank {

// Regular files in `folder` not starting with '.', sorted by name. Throws CONFIGURATION
// "bank.folder_missing" when the folder does not exist.
std::vector<std::filesystem::path> waiting_files(const std::filesystem::path& folder);

// Writes `content` as folder/name so a reader never sees a part of it. Throws INTERNAL
// "bank.write_failed".
void deliver_file(const std::filesystem::path& folder, const std::string& name,
                  std::string_view content);

// Moves `file` into `folder` (created if needed) under its own name, or name.1, name.2 … when
// taken; returns where it went. Throws INTERNAL "bank.move_failed".
std::filesystem::path move_into(const std::filesystem::path& file,
                                const std::filesystem::path& folder);

// The file's bytes, or an empty optional-like flag when larger than max_bytes.
bool read_file_up_to(const std::filesystem::path& file, std::size_t max_bytes, std::string& out);

}  // namespace erpc::sim::bank

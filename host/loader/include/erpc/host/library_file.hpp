// SPDX-License-Identifier: Apache-2.0
// An adapter library opened once: the descriptor, a read-only mapping of its bytes, and their
// SHA-256. Checks, signature verification and the eventual dlopen (through /proc/self/fd/N) all
// use this one descriptor, so the file cannot be swapped between being judged and being mapped.
#pragma once

#include <cstddef>
#include <filesystem>
#include <span>
#include <string>

#include <sys/types.h>

namespace erpc {

class library_file {
 public:
  // Opens with O_RDONLY | O_CLOEXEC and maps the whole regular file. Throws erpc::error:
  // loader.cannot_open (open/map failed), loader.not_a_shared_library (not a regular file),
  // loader.library_too_large (more than max_bytes).
  static library_file open(const std::filesystem::path& path, std::size_t max_bytes);

  library_file(library_file&& other) noexcept;
  library_file& operator=(library_file&& other) noexcept;
  library_file(const library_file&) = delete;
  library_file& operator=(const library_file&) = delete;
  ~library_file();

  const std::filesystem::path& path() const noexcept { return path_; }
  int descriptor() const noexcept { return fd_; }
  // "/proc/self/fd/<n>": the name dlopen is given so it maps exactly this open file.
  std::string descriptor_path() const;
  std::span<const std::byte> bytes() const noexcept { return {mapping_, size_}; }
  const std::string& sha256() const noexcept { return sha256_; }  // lowercase hex
  dev_t device() const noexcept { return device_; }
  ino_t inode() const noexcept { return inode_; }

  // Gives up ownership of the descriptor (the caller closes it) and unmaps the bytes.
  int release() noexcept;

 private:
  library_file() = default;
  void unmap() noexcept;

  std::filesystem::path path_;
  int fd_ = -1;
  const std::byte* mapping_ = nullptr;
  std::size_t size_ = 0;
  std::string sha256_;
  dev_t device_ = 0;
  ino_t inode_ = 0;
};

// Lowercase hex SHA-256 of bytes (OpenSSL EVP).
std::string sha256_hex(std::span<const std::byte> bytes);

}  // namespace erpc

// SPDX-License-Identifier: Apache-2.0
#include <erpc/host/library_file.hpp>

#include <erpc/error.hpp>

#include <openssl/evp.h>

#include <cerrno>
#include <cstring>
#include <utility>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace erpc {

std::string sha256_hex(std::span<const std::byte> bytes) {
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int length = 0;
  if (EVP_Digest(bytes.data(), bytes.size(), digest, &length, EVP_sha256(), nullptr) != 1) {
    throw error(error_class::internal, "loader.digest_failed", "SHA-256 failed in OpenSSL");
  }
  static constexpr char digits[] = "0123456789abcdef";
  std::string out;
  out.reserve(length * 2);
  for (unsigned int i = 0; i < length; ++i) {
    out.push_back(digits[digest[i] >> 4]);
    out.push_back(digits[digest[i] & 0xf]);
  }
  return out;
}

library_file library_file::open(const std::filesystem::path& path, std::size_t max_bytes) {
  library_file file;
  file.path_ = path;
  file.fd_ = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (file.fd_ < 0) {
    throw error(error_class::configuration, "loader.cannot_open",
                "cannot open " + path.string() + ": " + std::strerror(errno));
  }
  struct stat st {};
  if (::fstat(file.fd_, &st) != 0) {
    throw error(error_class::configuration, "loader.cannot_open",
                "cannot stat " + path.string() + ": " + std::strerror(errno));
  }
  if (!S_ISREG(st.st_mode)) {
    throw error(error_class::configuration, "loader.not_a_shared_library",
                path.string() + " is not a regular file");
  }
  if (static_cast<std::uint64_t>(st.st_size) > max_bytes) {
    throw error(error_class::configuration, "loader.library_too_large",
                path.string() + " has " + std::to_string(st.st_size) + " bytes, more than the " +
                    std::to_string(max_bytes) + " allowed");
  }
  file.device_ = st.st_dev;
  file.inode_ = st.st_ino;
  file.bytes_.resize(static_cast<std::size_t>(st.st_size));
  std::size_t done = 0;
  while (done < file.bytes_.size()) {
    const auto n = ::pread(file.fd_, file.bytes_.data() + done, file.bytes_.size() - done,
                           static_cast<off_t>(done));
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) {
      throw error(error_class::configuration, "loader.cannot_open",
                  "cannot read " + path.string() + ": " + std::strerror(errno));
    }
    if (n == 0) break;  // shrank while we read: judge what we got, which is what maps
    done += static_cast<std::size_t>(n);
  }
  file.bytes_.resize(done);
  file.sha256_ = sha256_hex(file.bytes_);
  return file;
}

library_file::library_file(library_file&& other) noexcept
    : path_(std::move(other.path_)),
      fd_(std::exchange(other.fd_, -1)),
      bytes_(std::move(other.bytes_)),
      sha256_(std::move(other.sha256_)),
      device_(other.device_),
      inode_(other.inode_) {}

library_file& library_file::operator=(library_file&& other) noexcept {
  if (this != &other) {
    if (fd_ >= 0) ::close(fd_);
    path_ = std::move(other.path_);
    fd_ = std::exchange(other.fd_, -1);
    bytes_ = std::move(other.bytes_);
    sha256_ = std::move(other.sha256_);
    device_ = other.device_;
    inode_ = other.inode_;
  }
  return *this;
}

library_file::~library_file() {
  if (fd_ >= 0) ::close(fd_);
}

std::string library_file::descriptor_path() const {
  return "/proc/self/fd/" + std::to_string(fd_);
}

int library_file::release() noexcept {
  bytes_.clear();
  bytes_.shrink_to_fit();
  return std::exchange(fd_, -1);
}

}  // namespace erpc

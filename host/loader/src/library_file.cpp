// SPDX-License-Identifier: Apache-2.0
#include <erpc/host/library_file.hpp>

#include <erpc/error.hpp>

#include <openssl/evp.h>

#include <cerrno>
#include <algorithm>
#include <cstring>
#include <memory>
#include <utility>

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

namespace erpc {

namespace {

std::string hex_of(const unsigned char* digest, unsigned int length) {
  static constexpr char digits[] = "0123456789abcdef";
  std::string out;
  out.reserve(length * 2);
  for (unsigned int i = 0; i < length; ++i) {
    out.push_back(digits[digest[i] >> 4]);
    out.push_back(digits[digest[i] & 0xf]);
  }
  return out;
}

}  // namespace

std::string sha256_hex(std::span<const std::byte> bytes) {
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int length = 0;
  if (EVP_Digest(bytes.data(), bytes.size(), digest, &length, EVP_sha256(), nullptr) != 1) {
    throw error(error_class::internal, "loader.digest_failed", "SHA-256 failed in OpenSSL");
  }
  return hex_of(digest, length);
}

namespace {

// SHA-256 of a file mapping, a chunk at a time, handing each hashed chunk's pages back to the
// page cache (MADV_DONTNEED on a read-only private mapping only drops this process's copy; a
// later read faults the same bytes back in), so hashing never holds the whole file resident.
std::string sha256_hex_dropping_pages(std::span<const std::byte> bytes) {
  constexpr std::size_t chunk = std::size_t{1} << 20;
  const auto fail = [] {
    throw error(error_class::internal, "loader.digest_failed", "SHA-256 failed in OpenSSL");
  };
  std::unique_ptr<EVP_MD_CTX, decltype(&EVP_MD_CTX_free)> ctx(EVP_MD_CTX_new(), EVP_MD_CTX_free);
  if (!ctx || EVP_DigestInit_ex(ctx.get(), EVP_sha256(), nullptr) != 1) fail();
  for (std::size_t done = 0; done < bytes.size(); done += chunk) {
    const std::size_t n = std::min(chunk, bytes.size() - done);
    if (EVP_DigestUpdate(ctx.get(), bytes.data() + done, n) != 1) fail();
    // The chunk starts page-aligned (the mapping does, and chunk is a multiple of a page).
    ::madvise(const_cast<std::byte*>(bytes.data() + done), n, MADV_DONTNEED);
  }
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int length = 0;
  if (EVP_DigestFinal_ex(ctx.get(), digest, &length) != 1) fail();
  return hex_of(digest, length);
}

}  // namespace

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
  file.size_ = static_cast<std::size_t>(st.st_size);
  if (file.size_ > 0) {
    // Mapped, not read into the heap: a debug build of an adapter with a static libcrypto is
    // tens of megabytes, and a heap copy of it set the host's peak RSS (VmHWM) for good.
    // A file truncated while mapped would fault on access (SIGBUS); whoever can do that to
    // the adapters folder can replace the adapter anyway, so it is not a boundary we defend.
    void* mapping = ::mmap(nullptr, file.size_, PROT_READ, MAP_PRIVATE, file.fd_, 0);
    if (mapping == MAP_FAILED) {
      throw error(error_class::configuration, "loader.cannot_open",
                  "cannot map " + path.string() + ": " + std::strerror(errno));
    }
    file.mapping_ = static_cast<const std::byte*>(mapping);
  }
  file.sha256_ = sha256_hex_dropping_pages(file.bytes());
  return file;
}

library_file::library_file(library_file&& other) noexcept
    : path_(std::move(other.path_)),
      fd_(std::exchange(other.fd_, -1)),
      mapping_(std::exchange(other.mapping_, nullptr)),
      size_(std::exchange(other.size_, 0)),
      sha256_(std::move(other.sha256_)),
      device_(other.device_),
      inode_(other.inode_) {}

library_file& library_file::operator=(library_file&& other) noexcept {
  if (this != &other) {
    unmap();
    if (fd_ >= 0) ::close(fd_);
    path_ = std::move(other.path_);
    fd_ = std::exchange(other.fd_, -1);
    mapping_ = std::exchange(other.mapping_, nullptr);
    size_ = std::exchange(other.size_, 0);
    sha256_ = std::move(other.sha256_);
    device_ = other.device_;
    inode_ = other.inode_;
  }
  return *this;
}

library_file::~library_file() {
  unmap();
  if (fd_ >= 0) ::close(fd_);
}

void library_file::unmap() noexcept {
  if (mapping_ != nullptr) ::munmap(const_cast<std::byte*>(mapping_), size_);
  mapping_ = nullptr;
  size_ = 0;
}

std::string library_file::descriptor_path() const {
  return "/proc/self/fd/" + std::to_string(fd_);
}

int library_file::release() noexcept {
  unmap();
  return std::exchange(fd_, -1);
}

}  // namespace erpc

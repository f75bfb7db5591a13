// SPDX-License-Identifier: Apache-2.0
#include "durable_file.hpp"

#include <erpc/error.hpp>
#include <erpc/host/fingerprint.hpp>

#include <nlohmann/json.hpp>

#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <sstream>

namespace erpc::bank_file {

namespace fs = std::filesystem;

namespace {

[[noreturn]] void io_failure(const std::string& what, const fs::path& path, int err) {
  throw error(error_class::unavailable, "bank_file.io_failed",
              what + " " + path.string() + ": " + std::strerror(err));
}

void sync_folder(const fs::path& folder) {
  const int fd = ::open(folder.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd < 0) io_failure("cannot open folder", folder, errno);
  const int rc = ::fsync(fd);
  const int err = errno;
  ::close(fd);
  if (rc != 0) io_failure("cannot flush folder", folder, err);
}

}  // namespace

void write_and_sync(const fs::path& path, std::string_view bytes) {
  const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0640);
  if (fd < 0) io_failure("cannot create", path, errno);
  std::size_t done = 0;
  while (done < bytes.size()) {
    const ssize_t n = ::write(fd, bytes.data() + done, bytes.size() - done);
    if (n < 0) {
      if (errno == EINTR) continue;
      const int err = errno;
      ::close(fd);
      io_failure("cannot write", path, err);
    }
    done += static_cast<std::size_t>(n);
  }
  if (::fsync(fd) != 0) {
    const int err = errno;
    ::close(fd);
    io_failure("cannot flush", path, err);
  }
  if (::close(fd) != 0) io_failure("cannot close", path, errno);
}

void rename_and_sync(const fs::path& from, const fs::path& to) {
  if (::rename(from.c_str(), to.c_str()) != 0) io_failure("cannot rename onto", to, errno);
  sync_folder(to.parent_path());
}

void write_atomically(const fs::path& path, std::string_view bytes) {
  const fs::path temp = path.parent_path() / ("." + path.filename().string() + ".tmp");
  write_and_sync(temp, bytes);
  rename_and_sync(temp, path);
}

std::optional<std::string> read_whole_file(const fs::path& path, std::size_t max_bytes,
                                           bool* too_large) {
  if (too_large) *too_large = false;
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    std::error_code ec;
    if (!fs::exists(path, ec)) return std::nullopt;
    io_failure("cannot open", path, errno);
  }
  std::error_code ec;
  const auto size = fs::file_size(path, ec);
  if (!ec && size > max_bytes) {
    if (too_large) *too_large = true;
    return std::nullopt;
  }
  std::ostringstream s;
  s << in.rdbuf();
  if (in.bad()) io_failure("cannot read", path, errno);
  return s.str();
}

std::optional<nlohmann::json> read_json_file(const fs::path& path) {
  const auto text = read_whole_file(path);
  if (!text) return std::nullopt;
  auto parsed = nlohmann::json::parse(*text, nullptr, false);
  if (parsed.is_discarded()) {
    throw error(error_class::internal, "bank_file.state_corrupt",
                "the adapter's state file " + path.string() + " is not JSON");
  }
  return parsed;
}

void write_json_atomically(const fs::path& path, const nlohmann::json& document) {
  write_atomically(path, document.dump(1) + "\n");
}

state_lock::state_lock(const fs::path& state_dir) {
  const fs::path path = state_dir / "lock";
  fd_ = ::open(path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0640);
  if (fd_ < 0) io_failure("cannot open lock file", path, errno);
  while (::flock(fd_, LOCK_EX) != 0) {
    if (errno == EINTR) continue;
    const int err = errno;
    ::close(fd_);
    io_failure("cannot lock", path, err);
  }
}

state_lock::~state_lock() {
  if (fd_ >= 0) ::close(fd_);  // closing releases the flock
}

std::string content_hash(std::string_view bytes) { return sha256_hex(bytes); }

}  // namespace erpc::bank_file

#include "erpc/host/files_service.hpp"

#include <erpc/error.hpp>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <random>
#include <sys/stat.h>
#include <unistd.h>

namespace erpc {
namespace fs = std::filesystem;

namespace {

error files_error(std::string code, const std::string& message) {
  return error(error_class::configuration, std::move(code), message);
}

bool is_within(const fs::path& root, const fs::path& candidate) {
  auto r = root.begin();
  auto c = candidate.begin();
  for (; r != root.end(); ++r, ++c) {
    if (c == candidate.end() || *r != *c) return false;
  }
  return true;
}

// Closes the descriptor on every path out of a function.
struct fd_guard {
  int fd;
  ~fd_guard() {
    if (fd >= 0) ::close(fd);
  }
};

}  // namespace

fs::path files_service::confine(const fs::path& root, std::string_view relative) {
  if (root.empty()) {
    throw files_error("files.no_root", "this connection has no files.root configured");
  }
  const fs::path rel(relative);
  if (relative.empty() || rel.is_absolute()) {
    throw files_error("files.bad_path", "file paths must be relative to the connection's root");
  }
  for (const auto& part : rel) {
    if (part == "..") throw files_error("files.bad_path", "file paths must not contain '..'");
  }
  std::error_code ec;
  const fs::path canonical_root = fs::canonical(root, ec);
  if (ec) throw files_error("files.no_root", "files.root does not exist: " + root.string());
  const fs::path full = fs::weakly_canonical(canonical_root / rel, ec);
  if (ec || !is_within(canonical_root, full)) {
    throw files_error("files.outside_root", "path leaves the connection's root: " +
                                                std::string(relative));
  }
  return full;
}

std::string files_service::read(const fs::path& root, std::string_view relative,
                                std::size_t max_bytes) {
  const fs::path path = confine(root, relative);
  fd_guard file{::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NOFOLLOW)};
  if (file.fd < 0) {
    throw error(errno == ENOENT ? error_class::not_found : error_class::configuration,
                errno == ENOENT ? "files.not_found" : "files.unreadable",
                "cannot open " + std::string(relative) + ": " + std::strerror(errno));
  }
  struct stat st {};
  if (::fstat(file.fd, &st) != 0 || !S_ISREG(st.st_mode)) {
    throw files_error("files.not_regular", std::string(relative) + " is not a regular file");
  }
  if (static_cast<std::size_t>(st.st_size) > max_bytes) {
    throw error(error_class::validation, "files.too_large",
                std::string(relative) + " is larger than " + std::to_string(max_bytes) +
                    " bytes");
  }
  std::string data(static_cast<std::size_t>(st.st_size), '\0');
  std::size_t done = 0;
  while (done < data.size()) {
    const ssize_t n = ::read(file.fd, data.data() + done, data.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) break;
    done += static_cast<std::size_t>(n);
  }
  data.resize(done);
  return data;
}

void files_service::write(const fs::path& root, std::string_view relative, std::string_view data,
                          bool overwrite) {
  const fs::path path = confine(root, relative);
  std::random_device rd;
  const fs::path temp = path.parent_path() / ("." + path.filename().string() + ".tmp" +
                                              std::to_string(rd()));
  {
    fd_guard file{::open(temp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0640)};
    if (file.fd < 0) {
      throw files_error("files.unwritable",
                        "cannot create " + std::string(relative) + ": " + std::strerror(errno));
    }
    std::size_t done = 0;
    while (done < data.size()) {
      const ssize_t n = ::write(file.fd, data.data() + done, data.size() - done);
      if (n < 0 && errno == EINTR) continue;
      if (n <= 0) {
        ::unlink(temp.c_str());
        throw files_error("files.write_failed", "cannot write " + std::string(relative));
      }
      done += static_cast<std::size_t>(n);
    }
    if (::fsync(file.fd) != 0) {
      ::unlink(temp.c_str());
      throw files_error("files.write_failed", "cannot fsync " + std::string(relative));
    }
  }
  // link() fails if the target exists, which is what "never overwrite" needs atomically.
  const int rc = overwrite ? ::rename(temp.c_str(), path.c_str())
                           : ::link(temp.c_str(), path.c_str());
  const int saved = errno;
  if (!overwrite) ::unlink(temp.c_str());
  if (rc != 0) {
    if (overwrite) ::unlink(temp.c_str());
    throw error(saved == EEXIST ? error_class::conflict : error_class::configuration,
                saved == EEXIST ? "files.exists" : "files.write_failed",
                "cannot write " + std::string(relative) + ": " + std::strerror(saved));
  }
  fd_guard dir{::open(path.parent_path().c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC)};
  if (dir.fd >= 0) ::fsync(dir.fd);
}

std::vector<std::string> files_service::list(const fs::path& root,
                                             std::string_view relative_directory) {
  const fs::path dir = relative_directory.empty() || relative_directory == "."
                           ? confine(root, ".")
                           : confine(root, relative_directory);
  std::error_code ec;
  std::vector<std::string> names;
  for (const auto& entry : fs::directory_iterator(dir, ec)) {
    if (entry.is_regular_file(ec) && !entry.is_symlink(ec)) {
      names.push_back(entry.path().filename().string());
    }
  }
  if (ec) throw files_error("files.unreadable", "cannot list " + std::string(relative_directory));
  std::sort(names.begin(), names.end());
  return names;
}

}  // namespace erpc

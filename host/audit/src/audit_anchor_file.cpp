#include <erpc/host/audit_anchor_file.hpp>

#include <erpc/error.hpp>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <string>

namespace erpc {

namespace {

[[noreturn]] void write_failed(const std::filesystem::path& path, const char* step, int err) {
  throw error(error_class::unavailable, "audit.anchor_write_failed",
              "audit anchor file '" + path.string() + "': " + step + ": " + std::strerror(err));
}

class file_descriptor {
 public:
  explicit file_descriptor(int fd) : fd_(fd) {}
  file_descriptor(const file_descriptor&) = delete;
  file_descriptor& operator=(const file_descriptor&) = delete;
  ~file_descriptor() {
    if (fd_ >= 0) ::close(fd_);
  }
  int get() const noexcept { return fd_; }

 private:
  int fd_;
};

void write_all(int fd, const std::string& text, const std::filesystem::path& path) {
  std::size_t done = 0;
  while (done < text.size()) {
    const ssize_t n = ::write(fd, text.data() + done, text.size() - done);
    if (n < 0) {
      if (errno == EINTR) continue;
      write_failed(path, "write", errno);
    }
    done += static_cast<std::size_t>(n);
  }
}

void fsync_directory(const std::filesystem::path& path) {
  const auto dir = path.has_parent_path() ? path.parent_path() : std::filesystem::path(".");
  const file_descriptor fd(::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
  if (fd.get() < 0 || ::fsync(fd.get()) != 0) write_failed(path, "fsync directory", errno);
}

}  // namespace

void audit_anchor_file::append(const audit_checkpoint& checkpoint) {
  const std::lock_guard lock(mutex_);
  const bool existed = std::filesystem::exists(path_);
  const file_descriptor fd(
      ::open(path_.c_str(), O_RDWR | O_APPEND | O_CREAT | O_CLOEXEC, S_IRUSR | S_IWUSR));
  if (fd.get() < 0) write_failed(path_, "open", errno);

  std::string line = to_json(checkpoint).dump() + "\n";
  struct stat st {};
  if (::fstat(fd.get(), &st) != 0) write_failed(path_, "stat", errno);
  if (st.st_size > 0) {
    char last = '\n';
    if (::pread(fd.get(), &last, 1, st.st_size - 1) != 1) {
      write_failed(path_, "read last byte", errno);
    }
    if (last != '\n') line.insert(line.begin(), '\n');
  }
  write_all(fd.get(), line, path_);
  if (::fsync(fd.get()) != 0) write_failed(path_, "fsync", errno);
  if (!existed) fsync_directory(path_);
}

audit_anchor_contents audit_anchor_file::read() const {
  audit_anchor_contents out;
  std::error_code ec;
  if (!std::filesystem::exists(path_, ec)) return out;
  out.exists = true;
  std::ifstream in(path_, std::ios::binary);
  if (!in) {
    throw error(error_class::unavailable, "audit.anchor_read_failed",
                "audit anchor file '" + path_.string() + "' cannot be read");
  }
  std::string text;
  std::size_t number = 0;
  while (std::getline(in, text)) {
    ++number;
    if (text.empty()) continue;
    const auto value = nlohmann::json::parse(text, nullptr, false);
    auto checkpoint = value.is_discarded() ? std::nullopt : audit_checkpoint_from_json(value);
    if (checkpoint) {
      out.checkpoints.push_back({number, std::move(*checkpoint)});
    } else {
      out.unreadable_lines.push_back(number);
    }
  }
  if (in.bad()) {
    throw error(error_class::unavailable, "audit.anchor_read_failed",
                "audit anchor file '" + path_.string() + "' cannot be read");
  }
  return out;
}

}  // namespace erpc

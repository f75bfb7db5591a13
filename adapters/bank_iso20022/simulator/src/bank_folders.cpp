// SPDX-License-Identifier: Apache-2.0
#include "bank_folders.hpp"

#include <erpc/error.hpp>

#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fstream>

namespace erpc::sim::bank {

namespace fs = std::filesystem;

std::vector<fs::path> waiting_files(const fs::path& folder) {
  std::error_code ec;
  if (!fs::is_directory(folder, ec)) {
    throw error(error_class::configuration, "bank.folder_missing",
                "folder '" + folder.string() + "' does not exist");
  }
  std::vector<fs::path> out;
  for (const auto& e : fs::directory_iterator(folder, ec)) {
    const auto name = e.path().filename().string();
    if (name.empty() || name.front() == '.') continue;
    if (!e.is_regular_file(ec)) continue;
    out.push_back(e.path());
  }
  std::sort(out.begin(), out.end());
  return out;
}

void deliver_file(const fs::path& folder, const std::string& name, std::string_view content) {
  const auto temp = folder / ("." + name + ".tmp");
  const auto target = folder / name;
  const auto failed = [&](const char* step) {
    const std::string why = std::strerror(errno);
    ::unlink(temp.c_str());
    throw error(error_class::internal, "bank.write_failed",
                std::string(step) + " " + target.string() + ": " + why);
  };
  const int fd = ::open(temp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  if (fd < 0) failed("cannot create the temp file of");
  std::size_t done = 0;
  while (done < content.size()) {
    const auto n = ::write(fd, content.data() + done, content.size() - done);
    if (n < 0) {
      if (errno == EINTR) continue;
      ::close(fd);
      failed("cannot write");
    }
    done += static_cast<std::size_t>(n);
  }
  if (::fsync(fd) != 0) {
    ::close(fd);
    failed("cannot fsync");
  }
  ::close(fd);
  if (::rename(temp.c_str(), target.c_str()) != 0) failed("cannot rename into place");
}

fs::path move_into(const fs::path& file, const fs::path& folder) {
  std::error_code ec;
  fs::create_directories(folder, ec);
  const auto name = file.filename().string();
  fs::path target = folder / name;
  for (int i = 1; fs::exists(target, ec); ++i) target = folder / (name + "." + std::to_string(i));
  fs::rename(file, target, ec);
  if (ec == std::errc::cross_device_link) {
    // The archive on another file system: copy, then remove the original.
    ec.clear();
    if (fs::copy_file(file, target, ec)) fs::remove(file, ec);
  }
  if (ec) {
    throw error(error_class::internal, "bank.move_failed",
                "cannot move " + file.string() + " to " + target.string() + ": " + ec.message());
  }
  return target;
}

bool read_file_up_to(const fs::path& file, std::size_t max_bytes, std::string& out) {
  std::error_code ec;
  const auto size = fs::file_size(file, ec);
  if (ec) {
    throw error(error_class::internal, "bank.read_failed",
                "cannot read " + file.string() + ": " + ec.message());
  }
  if (size > max_bytes) return false;
  std::ifstream in(file, std::ios::binary);
  out.assign(static_cast<std::size_t>(size), '\0');
  in.read(out.data(), static_cast<std::streamsize>(size));
  out.resize(static_cast<std::size_t>(in.gcount()));
  return true;
}

}  // namespace erpc::sim::bank

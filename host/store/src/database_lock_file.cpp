#include "database_lock_file.hpp"

#include <erpc/error.hpp>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <string>
#include <sys/file.h>
#include <unistd.h>

namespace erpc::detail {

database_lock_file::database_lock_file(const std::string& database_path) {
  const std::string path = database_path + ".lock";
  fd_ = ::open(path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0600);
  if (fd_ < 0) {
    throw error(error_class::configuration, "store.open_failed",
                "cannot create the lock file " + path + ": " + std::strerror(errno));
  }
  // flock locks belong to the open file description, so a second open in this same process
  // conflicts too (fcntl locks would not).
  if (::flock(fd_, LOCK_EX | LOCK_NB) != 0) {
    const int err = errno;
    ::close(fd_);
    fd_ = -1;
    if (err == EWOULDBLOCK) {
      throw error(error_class::unavailable, "store.database_locked",
                  "the ledger database " + database_path +
                      " is in use by another host (lock file " + path + ")");
    }
    throw error(error_class::configuration, "store.open_failed",
                "cannot lock " + path + ": " + std::strerror(err));
  }
  // The holder's pid, for an operator wondering who holds it.
  const std::string pid = std::to_string(::getpid()) + "\n";
  if (::ftruncate(fd_, 0) == 0) {
    [[maybe_unused]] const auto written = ::pwrite(fd_, pid.data(), pid.size(), 0);
  }
}

database_lock_file::~database_lock_file() {
  if (fd_ >= 0) ::close(fd_);  // closing releases the lock; the file stays (no unlink race)
}

}  // namespace erpc::detail

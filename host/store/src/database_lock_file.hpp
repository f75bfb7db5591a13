#pragma once
// `<database>.lock`, held with flock(LOCK_EX) for the life of the host's connection, so a
// second host (or a second database object in the same process) cannot share the SQLite file.

#include <string>

namespace erpc::detail {

class database_lock_file {
 public:
  // Throws store.database_locked (UNAVAILABLE) when another holder has it, store.open_failed
  // when the file cannot be created.
  explicit database_lock_file(const std::string& database_path);
  ~database_lock_file();
  database_lock_file(const database_lock_file&) = delete;
  database_lock_file& operator=(const database_lock_file&) = delete;

 private:
  int fd_ = -1;
};

}  // namespace erpc::detail

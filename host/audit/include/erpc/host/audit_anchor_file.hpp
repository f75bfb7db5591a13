#pragma once
// The anchor file: signed checkpoints appended, one JSON line each and fsync'd, to a file
// outside the database. Someone who can rewrite the database can delete the newest entries and
// their checkpoint rows together; the anchor still says how far the chain had reached.

#include <erpc/host/audit_checkpoint.hpp>

#include <cstddef>
#include <filesystem>
#include <mutex>
#include <vector>

namespace erpc {

struct audit_anchor_line {
  std::size_t line = 0;  // 1-based line number in the file
  audit_checkpoint checkpoint;
};

struct audit_anchor_contents {
  bool exists = false;
  std::vector<audit_anchor_line> checkpoints;
  std::vector<std::size_t> unreadable_lines;  // lines that are not a checkpoint object
};

class audit_anchor_file {
 public:
  explicit audit_anchor_file(std::filesystem::path path) : path_(std::move(path)) {}

  const std::filesystem::path& path() const noexcept { return path_; }

  // Appends one line in a single write and fsyncs the file (and its directory when the file
  // is new). A torn last line left by a crash is closed with a newline first. Failure:
  // erpc::error UNAVAILABLE "audit.anchor_write_failed".
  void append(const audit_checkpoint& checkpoint);

  // A missing file is exists = false, not an error; one that exists but cannot be read:
  // erpc::error UNAVAILABLE "audit.anchor_read_failed".
  audit_anchor_contents read() const;

 private:
  std::filesystem::path path_;
  std::mutex mutex_;
};

}  // namespace erpc

// RFC 6901 pointer building: "~" is written "~0" and "/" is written "~1" in a token.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace erpc::contract_detail {

std::string pointer_append(std::string_view base, std::string_view token);
std::string pointer_append(std::string_view base, std::size_t index);

// The path of a document walk, kept as steps so that the pointer text is built only when a
// finding needs it (most walks find nothing, and building it per node dominated the cost).
// Member names are referenced, not copied: the document must outlive the path.
class pointer_path {
 public:
  // The step storage is handed on between the paths of one thread (the validator makes one
  // per document scan), so a scan does not allocate it anew; a path made while another is
  // alive simply starts with empty storage.
  explicit pointer_path(std::string_view base);
  ~pointer_path();
  pointer_path(const pointer_path&) = delete;
  pointer_path& operator=(const pointer_path&) = delete;
  void push(const std::string& member) { steps_.push_back({&member, 0}); }
  void push(std::size_t index) { steps_.push_back({nullptr, index}); }
  void pop() { steps_.pop_back(); }
  // The RFC 6901 pointer of the current node, optionally with one more member token.
  std::string str() const;
  std::string str(std::string_view member) const { return pointer_append(str(), member); }

 private:
  struct step {
    const std::string* member;  // null: an array index
    std::size_t index;
  };
  static std::vector<step>& spare_steps();

  std::string_view base_;
  std::vector<step> steps_;
};

}  // namespace erpc::contract_detail

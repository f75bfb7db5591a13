// SPDX-License-Identifier: Apache-2.0
// A libxml2 streaming reader for XML that comes from outside (a bank's or a customer's file),
// with the guard the camt and pain.002 readers apply: no DTD (a DOCTYPE or ENTITY declaration is
// refused before parsing, so no entity is ever expanded or fetched), no network, a size limit,
// an element depth limit and a text-value length limit. It walks elements and keeps the path
// of local names, so a message reader only says what to do with "GrpHdr/MsgId" and the like.
//
// Failures throw erpc::error(VALIDATION, "<prefix>.<what>") naming the line, with <what> one of
// too_large, dtd_forbidden, entity_forbidden, encoding_invalid, xml_malformed, too_deep,
// value_too_long (docs/errors.md). The prefix is the message's, e.g. "pain001".
// First user: the bank simulator's pain.001 reader. The guard itself is src/guarded_xml_stream.hpp,
// which camt_reader.cpp and pain002_reader.cpp step through directly.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace erpc::banking {

struct untrusted_xml_limits {
  std::size_t max_bytes = std::size_t{64} << 20;
  int max_depth = 32;
  std::size_t max_value_bytes = 4096;
};

class untrusted_xml_reader {
 public:
  enum class event { start, end, end_of_document };

  // Checks size and DTD at once; `xml` must outlive the reader.
  untrusted_xml_reader(std::string_view xml, std::string code_prefix,
                       untrusted_xml_limits limits = {});
  ~untrusted_xml_reader();
  untrusted_xml_reader(const untrusted_xml_reader&) = delete;
  untrusted_xml_reader& operator=(const untrusted_xml_reader&) = delete;

  // The next element start or end (an empty element gives both). At `end`, text() is the
  // element's own text, trimmed, and path() still names the element.
  event next();
  std::string_view name() const noexcept;       // local name of the current element
  std::string_view namespace_uri() const noexcept;  // at `start` only
  std::string_view path() const noexcept { return path_; }  // "Document/GrpHdr/MsgId"
  const std::string& text() const noexcept { return text_; }
  // The value of an attribute of the element at `start`; "" when absent.
  std::string attribute(std::string_view name) const;
  std::uint64_t line() const;
  int depth() const noexcept { return static_cast<int>(lengths_.size()); }

  // Throws VALIDATION "<prefix>.<what>" with the current line.
  [[noreturn]] void fail(std::string_view what, const std::string& message) const;

 private:
  struct impl;
  std::unique_ptr<impl> impl_;
  std::string prefix_;
  untrusted_xml_limits limits_;
  std::string path_;
  std::string name_;
  std::string text_;
  std::vector<std::size_t> lengths_;
  bool pending_end_ = false;  // the last event was an end: pop it next time
};

}  // namespace erpc::banking

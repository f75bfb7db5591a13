// SPDX-License-Identifier: Apache-2.0
// The guarded libxml2 loop (guarded_xml_stream.hpp, which camt_reader.cpp and
// pain002_reader.cpp step through too) with the path of local names on top, for message readers
// that would rather match "GrpHdr/MsgId" than keep their own path (the bank simulator's pain.001
// reader).
#include <erpc/banking/untrusted_xml_reader.hpp>

#include "guarded_xml_stream.hpp"

namespace erpc::banking {

struct untrusted_xml_reader::impl {
  impl(std::string_view xml, std::size_t max_bytes, const detail::xml_guard_settings& settings)
      : stream(detail::open_checked_xml_memory(xml, max_bytes, settings), settings) {}
  detail::guarded_xml_stream stream;
};

untrusted_xml_reader::untrusted_xml_reader(std::string_view xml, std::string code_prefix,
                                           untrusted_xml_limits limits)
    : prefix_(std::move(code_prefix)), limits_(limits) {
  const detail::xml_guard_settings settings{prefix_, "document", limits_.max_depth,
                                            limits_.max_value_bytes};
  impl_ = std::make_unique<impl>(xml, limits_.max_bytes, settings);
}

untrusted_xml_reader::~untrusted_xml_reader() = default;

std::uint64_t untrusted_xml_reader::line() const { return impl_->stream.line(); }

void untrusted_xml_reader::fail(std::string_view what, const std::string& message) const {
  impl_->stream.fail_at_line(what, message);
}

std::string_view untrusted_xml_reader::name() const noexcept { return name_; }

std::string_view untrusted_xml_reader::namespace_uri() const noexcept {
  return impl_->stream.namespace_uri();
}

std::string untrusted_xml_reader::attribute(std::string_view attribute_name) const {
  return impl_->stream.attribute(std::string(attribute_name).c_str());
}

untrusted_xml_reader::event untrusted_xml_reader::next() {
  if (pending_end_) {
    // The end of the element whose end was reported: drop it from the path.
    pending_end_ = false;
    path_.resize(lengths_.back());
    lengths_.pop_back();
    const auto slash = path_.rfind('/');
    name_ = slash == std::string::npos ? path_ : path_.substr(slash + 1);
  }
  auto& stream = impl_->stream;
  switch (stream.next()) {
    case detail::guarded_xml_stream::event::start:
      name_ = std::string(stream.local_name());
      lengths_.push_back(path_.size());
      if (!path_.empty()) path_ += '/';
      path_ += name_;
      text_.clear();
      return event::start;
    case detail::guarded_xml_stream::event::end:
      text_ = std::string(stream.text());
      pending_end_ = true;
      return event::end;
    case detail::guarded_xml_stream::event::xml_error: stream.fail_xml_error();
    case detail::guarded_xml_stream::event::end_of_document: break;
  }
  return event::end_of_document;
}

}  // namespace erpc::banking

// SPDX-License-Identifier: Apache-2.0
#include "line_source.hpp"

#include "statement_failure.hpp"
#include "text_encoding.hpp"

namespace erpc::banking::detail {

line_source::line_source(std::istream* in, std::string_view bytes,
                         const line_format_options& options, std::string_view code_prefix)
    : in_(in), bytes_(bytes), options_(options), prefix_(code_prefix) {}

bool line_source::raw_line(std::string& line) {
  line.clear();
  const auto max_line = options_.common.limits.max_line_bytes;
  if (in_ != nullptr) {
    if (in_->peek() == std::char_traits<char>::eof()) return false;
    char c = 0;
    while (in_->get(c)) {
      ++consumed_;
      if (c == '\n') break;
      line += c;
      if (line.size() > max_line) {
        fail(prefix_ + ".line_too_long", line_ + 1,
             "a line is longer than " + std::to_string(max_line) + " bytes");
      }
    }
  } else {
    if (pos_ >= bytes_.size()) return false;
    auto end = bytes_.find('\n', pos_);
    if (end == std::string_view::npos) end = bytes_.size();
    if (end - pos_ > max_line) {
      fail(prefix_ + ".line_too_long", line_ + 1,
           "a line is longer than " + std::to_string(max_line) + " bytes");
    }
    line.assign(bytes_.substr(pos_, end - pos_));
    consumed_ += end - pos_ + 1;
    pos_ = end + 1;
  }
  ++line_;
  if (consumed_ > options_.common.limits.max_bytes) {
    fail("statement.too_large", line_,
         "the file is larger than the " + std::to_string(options_.common.limits.max_bytes) +
             "-byte limit");
  }
  if (!line.empty() && line.back() == '\r') line.pop_back();
  return true;
}

bool line_source::next(std::string& line) {
  if (!raw_line(line)) return false;
  if (line_ == 1 && line.size() >= 2 &&
      ((line[0] == '\xFF' && line[1] == '\xFE') || (line[0] == '\xFE' && line[1] == '\xFF'))) {
    fail(prefix_ + ".encoding_invalid", 1, "the file is UTF-16; expected UTF-8 or Windows-1252");
  }
  if (line_ == 1 && line.rfind("\xEF\xBB\xBF", 0) == 0) line.erase(0, 3);  // UTF-8 BOM
  for (const char ch : line) {
    const auto c = static_cast<unsigned char>(ch);
    if ((c < 0x20 && c != '\t') || c == 0x7F) {
      fail(prefix_ + ".encoding_invalid", line_,
           "control byte " + std::to_string(c) + " in a text file (binary or UTF-16 data?)");
    }
  }
  const bool utf8 = is_utf8(line);
  switch (options_.encoding) {
    case text_encoding::utf8:
      if (!utf8) fail(prefix_ + ".encoding_invalid", line_, "the line is not valid UTF-8");
      break;
    case text_encoding::cp1252: line = cp1252_to_utf8(line); break;
    case text_encoding::detect:
      if (!utf8) line = cp1252_to_utf8(line);
      break;
  }
  return true;
}

}  // namespace erpc::banking::detail

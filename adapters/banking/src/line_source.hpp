// SPDX-License-Identifier: Apache-2.0
// Lines of a text bank file (MT940, BAI2), one at a time: CR LF or LF, a byte limit for the file
// and for each line, control bytes refused, and the text turned into UTF-8.
#pragma once

#include <erpc/banking/mt940_reader.hpp>

#include <cstdint>
#include <istream>
#include <string>
#include <string_view>

namespace erpc::banking::detail {

class line_source {
 public:
  // `code_prefix`: "mt940" or "bai2", for the error codes.
  line_source(std::istream* in, std::string_view bytes, const line_format_options& options,
              std::string_view code_prefix);

  // The next line without its line break, in UTF-8; false at the end.
  bool next(std::string& line);
  std::uint64_t line_number() const noexcept { return line_; }

 private:
  bool raw_line(std::string& line);

  std::istream* in_;
  std::string_view bytes_;
  std::size_t pos_ = 0;
  const line_format_options& options_;
  std::string prefix_;
  std::uint64_t line_ = 0;
  std::uint64_t consumed_ = 0;
};

}  // namespace erpc::banking::detail

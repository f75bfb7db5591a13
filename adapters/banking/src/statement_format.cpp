// SPDX-License-Identifier: Apache-2.0
#include <erpc/banking/statement_format.hpp>

#include "statement_failure.hpp"

#include <erpc/banking/bai2_reader.hpp>
#include <erpc/banking/camt_reader.hpp>

#include <utility>

namespace erpc::banking {

std::string_view to_string(statement_format f) noexcept {
  switch (f) {
    case statement_format::camt: return "camt";
    case statement_format::mt940: return "mt940";
    case statement_format::bai2: return "bai2";
  }
  return "camt";
}

std::optional<statement_format> detect_statement_format(std::string_view head) noexcept {
  if (head.substr(0, 3) == "\xEF\xBB\xBF") head.remove_prefix(3);
  while (!head.empty() && (head.front() == ' ' || head.front() == '\r' ||
                           head.front() == '\n' || head.front() == '\t')) {
    head.remove_prefix(1);
  }
  if (head.substr(0, 1) == "<") return statement_format::camt;
  if (head.substr(0, 3) == "01,") return statement_format::bai2;
  if (head.substr(0, 4) == ":20:" || head.substr(0, 3) == "{1:" || head.substr(0, 4) == ":25:") {
    return statement_format::mt940;
  }
  return std::nullopt;
}

void read_statement_file(std::string_view bytes, statement_sink& sink,
                         const line_format_options& options) {
  const auto format = detect_statement_format(bytes.substr(0, 64));
  if (!format) {
    detail::fail("statement.format_unknown", 1,
                 "the file is neither camt (XML), MT940 (:20:/{1:) nor BAI2 (01,)");
  }
  switch (*format) {
    case statement_format::camt: return read_camt(bytes, sink, options.common);
    case statement_format::mt940: return read_mt940(bytes, sink, options);
    case statement_format::bai2: return read_bai2(bytes, sink, options);
  }
}

std::vector<parsed_statement> read_statement_file(std::string_view bytes,
                                                  const line_format_options& options) {
  collecting_sink sink;
  read_statement_file(bytes, sink, options);
  return std::move(sink.statements());
}

}  // namespace erpc::banking

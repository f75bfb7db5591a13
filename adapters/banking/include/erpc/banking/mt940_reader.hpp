// SPDX-License-Identifier: Apache-2.0
// SWIFT MT940 customer statement reader (vendors.md §7.1, BANKING.md "MT940"): plain tag text
// or FIN blocks ({1:…}{2:…}{4: … -}), several messages and several accounts in one file,
// statements in parts (60M/62M, :28C: n/1, n/2…), :61: sub-fields with RC/RD, :86: verbatim plus its
// structured keys (mt940_information.hpp). Every part is checked: opening + entries = closing.
#pragma once

#include <erpc/banking/statement_reader.hpp>

#include <istream>
#include <string_view>
#include <vector>

namespace erpc::banking {

enum class text_encoding {
  detect,  // UTF-8 where the line is valid UTF-8, else Windows-1252
  utf8,    // anything else is mt940.encoding_invalid / bai2.encoding_invalid
  cp1252,
};

struct line_format_options {
  read_options common;
  text_encoding encoding = text_encoding::detect;
};

void read_mt940(std::istream& in, statement_sink& sink, const line_format_options& options = {});
void read_mt940(std::string_view bytes, statement_sink& sink,
                const line_format_options& options = {});
std::vector<parsed_statement> read_mt940(std::string_view bytes,
                                         const line_format_options& options = {});

}  // namespace erpc::banking

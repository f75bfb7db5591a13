// SPDX-License-Identifier: Apache-2.0
// BAI2 (Cash Management Balance Reporting Specifications v2) reader (vendors.md §7.2, BANKING.md
// "BAI2"): records 01/02/03/16/88/49/98/99, 88 continuations, funds types resolved before any
// field is read by position, implied decimals by currency, control totals and record counts at
// account, group and file level. One canonical statement per account in a group.
#pragma once

#include <erpc/banking/mt940_reader.hpp>  // line_format_options, text_encoding
#include <erpc/banking/statement_reader.hpp>

#include <istream>
#include <string_view>
#include <vector>

namespace erpc::banking {

void read_bai2(std::istream& in, statement_sink& sink, const line_format_options& options = {});
void read_bai2(std::string_view bytes, statement_sink& sink,
               const line_format_options& options = {});
std::vector<parsed_statement> read_bai2(std::string_view bytes,
                                        const line_format_options& options = {});

}  // namespace erpc::banking

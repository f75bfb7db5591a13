// SPDX-License-Identifier: Apache-2.0
// ISO 20022 bank-to-customer cash management reader: camt.053 (statement), camt.052 (intraday
// report) and camt.054 (notification), message versions .001.02 to .001.13, whose element paths
// agree for everything read here (vendors.md §6.1); the two places they differ — a bare
// <Sts>BOOK</Sts> against <Sts><Cd>BOOK</Cd></Sts>, and parties with or without <Pty> — are
// read both ways.
//
// Streaming (libxml2 xmlTextReader): memory stays bounded by one entry, whatever the file size.
// No DTD (a DOCTYPE is refused), so no entity of any kind is expanded; no network; depth, size
// and value-length limits from read_options. UTF-8 only, as ISO 20022 requires.
#pragma once

#include <erpc/banking/statement_reader.hpp>

#include <istream>
#include <string_view>
#include <vector>

namespace erpc::banking {

// Statements in file order to `sink`. Throws erpc::error(VALIDATION, "camt.*" | "statement.*")
// naming the line (docs/bank-statements.md).
void read_camt(std::istream& in, statement_sink& sink, const read_options& options = {});
void read_camt(std::string_view bytes, statement_sink& sink, const read_options& options = {});

std::vector<parsed_statement> read_camt(std::string_view bytes, const read_options& options = {});

}  // namespace erpc::banking

// SPDX-License-Identifier: Apache-2.0
// One entry point for a statement file whose format is not known in advance (the bank file
// adapter reads an inbound folder): the format is recognised from the first bytes.
#pragma once

#include <erpc/banking/mt940_reader.hpp>
#include <erpc/banking/statement_reader.hpp>

#include <optional>
#include <string_view>
#include <vector>

namespace erpc::banking {

enum class statement_format { camt, mt940, bai2 };

std::string_view to_string(statement_format f) noexcept;

// camt: XML ('<' after an optional BOM and white space); BAI2: "01,"; MT940: ":20:", "{1:" or
// a leading "-"-less tag block. nullopt when none fits.
std::optional<statement_format> detect_statement_format(std::string_view head) noexcept;

// Detects the format and reads; an unrecognised file is VALIDATION statement.format_unknown.
void read_statement_file(std::string_view bytes, statement_sink& sink,
                         const line_format_options& options = {});
std::vector<parsed_statement> read_statement_file(std::string_view bytes,
                                                  const line_format_options& options = {});

}  // namespace erpc::banking

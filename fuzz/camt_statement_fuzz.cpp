// SPDX-License-Identifier: Apache-2.0
// The camt statement reader (adapters/banking) on arbitrary bytes; what is asserted is in
// statement_reader_fuzz.hpp.
#include "statement_reader_fuzz.hpp"

#include <erpc/banking/camt_reader.hpp>

#include <cstddef>
#include <cstdint>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  erpc::banking::read_options options;
  options.limits.max_bytes = 1 << 20;
  check_statement_reader("camt.", [&](erpc::banking::collecting_sink& sink) {
    erpc::banking::read_camt(text, sink, options);
  });
  return 0;
}

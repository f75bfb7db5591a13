// SPDX-License-Identifier: Apache-2.0
#include "strict_document.hpp"

#include <erpc/error.hpp>
#include <erpc/host/strict_json.hpp>

namespace erpc::detail {

nlohmann::json parse_strict_document(std::string_view text, std::size_t max_bytes,
                                     const std::string& code, const std::string& what) {
  try {
    return parse_strict(text, json_limits{max_bytes, 64});
  } catch (const error& e) {
    // The boundary parser's own code (json.duplicate_key, ...) stays in the message and the
    // field errors; the refusal carries the loader's code for the document being read.
    throw error(error_class::configuration, code,
                what + " is not strict JSON (" + e.code() + "): " + e.what())
        .with_fields(e.field_errors());
  }
}

}  // namespace erpc::detail

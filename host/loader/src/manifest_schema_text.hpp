// The adapter manifest JSON schema (schemas/manifest/v1.schema.json), embedded at build time.
#pragma once

#include <string_view>

namespace erpc::detail {

std::string_view manifest_schema_text() noexcept;

}  // namespace erpc::detail

// SPDX-License-Identifier: Apache-2.0
// The text of conformance/certify/profile.schema.json, embedded at build time.
#pragma once

#include <string_view>

namespace erpc::certify::detail {
std::string_view profile_schema_text() noexcept;
}

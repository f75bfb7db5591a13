#pragma once
// Keeps a PostgreSQL password out of every message built from a libpq error.

#include <string>
#include <string_view>

namespace erpc::detail {

// `message` with the password of `conninfo` (keyword form or URI) and the conninfo itself
// replaced by "***".
std::string redact_conninfo_secrets(std::string_view message, std::string_view conninfo);

// `message` with every double-quoted fragment replaced by "***": libpq quotes the pieces of a
// conninfo it could not parse, and an unparseable conninfo gives no password to look for.
std::string redact_quoted(std::string_view message);

}  // namespace erpc::detail

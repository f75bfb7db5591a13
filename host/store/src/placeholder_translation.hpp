#pragma once
// SQL is written once with `?` placeholders (SQLite's syntax); PostgreSQL wants `$1, $2, …`.

#include <string>
#include <string_view>

namespace erpc::detail {

// Rewrites each `?` outside quoted literals and identifiers ('…', "…") to `$n`, from 1.
std::string to_postgres_placeholders(std::string_view sql);

}  // namespace erpc::detail

#include "placeholder_translation.hpp"

#include <catch2/catch.hpp>

using erpc::detail::to_postgres_placeholders;

TEST_CASE("? placeholders become $n outside quotes", "[store][sql]") {
  CHECK(to_postgres_placeholders("SELECT a FROM t WHERE b = ? AND c IN (?, ?)") ==
        "SELECT a FROM t WHERE b = $1 AND c IN ($2, $3)");
  CHECK(to_postgres_placeholders("SELECT '?', \"a?b\", ? FROM t WHERE x = 'it''s ?'") ==
        "SELECT '?', \"a?b\", $1 FROM t WHERE x = 'it''s ?'");
  CHECK(to_postgres_placeholders("SELECT 1") == "SELECT 1");
}

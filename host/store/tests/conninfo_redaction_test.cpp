#include "conninfo_redaction.hpp"

#include <catch2/catch.hpp>

using erpc::detail::redact_conninfo_secrets;
using erpc::detail::redact_quoted;

TEST_CASE("the conninfo password never survives into a message", "[store][postgres]") {
  const std::string keyword = "host=db user=erpc password=s3cr3t-pw dbname=ledger";
  CHECK(redact_conninfo_secrets("auth failed for s3cr3t-pw", keyword) == "auth failed for ***");
  CHECK(redact_conninfo_secrets("bad: " + keyword, keyword) == "bad: ***");
  const std::string uri = "postgresql://erpc:s3cr3t-pw@db:5432/ledger";
  CHECK(redact_conninfo_secrets("x s3cr3t-pw y", uri) == "x *** y");
  CHECK(redact_conninfo_secrets("nothing secret", uri) == "nothing secret");
}

TEST_CASE("quoted fragments of an unparseable conninfo are hidden", "[store][postgres]") {
  CHECK(redact_quoted(R"(missing "=" after "s3cr3t" in connection info string)") ==
        R"(missing "***" after "***" in connection info string)");
  CHECK(redact_quoted(R"(unterminated "s3cr3t)") == R"(unterminated "***)");
  CHECK(redact_quoted("plain") == "plain");
}

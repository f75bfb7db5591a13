#include <erpc/host/secret_redactor.hpp>

#include <catch2/catch.hpp>

using erpc::secret_redactor;

TEST_CASE("a remembered secret is masked in plain, base64, URL and hex forms") {
  secret_redactor r;
  r.remember("s3cr3t/p@ss");
  REQUIRE(r.redact("token=s3cr3t/p@ss;") == "token=***;");
  REQUIRE(r.redact("basic czNjcjN0L3BAc3M=") == "basic ***c3M=");  // base64 of whole groups
  REQUIRE(r.redact("q=s3cr3t%2Fp%40ss") == "q=***");
  REQUIRE(r.redact("7333637233742f70407373") == "***");
  REQUIRE(r.redact("7333637233742F70407373") == "***");
  REQUIRE(r.redact("nothing secret here") == "nothing secret here");
}

TEST_CASE("very short values are not remembered, so ordinary text survives") {
  secret_redactor r;
  r.remember("ab");
  REQUIRE(r.empty());
  REQUIRE(r.redact("abc") == "abc");
}

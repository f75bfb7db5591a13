// SPDX-License-Identifier: Apache-2.0
// The OData v4 error document both Dynamics 365 adapters read (odata_error.hpp): Business
// Central's {"error": {"code", "message"}} (vendors.md §4.4) and F&O's write failure with its
// Infolog in innererror (§5.3).
#include <erpc/adapters/odata_error.hpp>

#include <catch2/catch.hpp>

using erpc::adapters::parse_odata_error;

TEST_CASE("an OData v4 error document is read: code and message") {
  const auto body = parse_odata_error(
      R"({"error": {"code": "Internal_RecordNotFound", "message": "The Vendor does not exist."}})");
  REQUIRE(body);
  CHECK(body->code == "Internal_RecordNotFound");
  CHECK(body->message == "The Vendor does not exist.");
  CHECK(body->inner_message.empty());
  CHECK(body->inner_type.empty());
}

TEST_CASE("the inner error of an F&O write failure is read") {
  const auto body = parse_odata_error(R"({"error": {"code": "", "message": "An error has occurred.",
      "innererror": {"message": "Write failed for table row. Infolog: The record already exists..",
                     "type": "Microsoft.Dynamics.Platform.Integration.Services.OData.AxODataWriteException",
                     "stacktrace": "   at ..."}}})");
  REQUIRE(body);
  CHECK(body->code.empty());
  CHECK(body->message == "An error has occurred.");
  CHECK(body->inner_message == "Write failed for table row. Infolog: The record already exists..");
  CHECK(body->inner_type == "Microsoft.Dynamics.Platform.Integration.Services.OData.AxODataWriteException");
}

TEST_CASE("members that are not strings read as empty") {
  const auto body =
      parse_odata_error(R"({"error": {"code": 42, "message": null, "innererror": {"message": {}}}})");
  REQUIRE(body);
  CHECK(body->code.empty());
  CHECK(body->message.empty());
  CHECK(body->inner_message.empty());
  const auto no_inner = parse_odata_error(R"({"error": {"code": "X", "innererror": "text"}})");
  REQUIRE(no_inner);
  CHECK(no_inner->code == "X");
  CHECK(no_inner->inner_type.empty());
}

TEST_CASE("a body that is not an OData error document reads as none") {
  for (const char* body : {"", "<html>Service Unavailable</html>", "[]", "{}", R"({"error": "x"})",
                           R"({"message": "no error member"})", "{\"error\": {"}) {
    CAPTURE(body);
    CHECK_FALSE(parse_odata_error(body));
  }
}

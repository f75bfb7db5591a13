// SPDX-License-Identifier: Apache-2.0
// The OData v4 query options the Business Central simulator serves (vendors.md §4.5).
#include "odata_query.hpp"

#include <erpc/adapters/exact_json.hpp>

#include <catch2/catch.hpp>

using erpc::sim::bc::matches;
using erpc::sim::bc::parse_odata_query;

TEST_CASE("bc sim: $filter with and, quotes doubled, numbers by value") {
  std::string why;
  const auto q = parse_odata_query(
      {{"$filter", "vendorInvoiceNumber eq 'O''Brien 1' and vendorNumber eq 'V1' and total ne 5.0"},
       {"$top", "3"}},
      why);
  REQUIRE(q);
  REQUIRE(q->filter.size() == 3);
  CHECK(q->filter[0].value == "O'Brien 1");
  CHECK(*q->top == 3);
  const auto entity = erpc::adapters::parse_exact(
      R"({"vendorInvoiceNumber": "O'Brien 1", "vendorNumber": "V1", "total": 5.5})");
  CHECK(matches(entity, q->filter));
  const auto other = erpc::adapters::parse_exact(
      R"({"vendorInvoiceNumber": "O'Brien 1", "vendorNumber": "V1", "total": 5.00})");
  CHECK_FALSE(matches(other, q->filter));
}

TEST_CASE("bc sim: unsupported filters and options are refused with a reason") {
  std::string why;
  CHECK_FALSE(parse_odata_query({{"$filter", "a eq 'x' or b eq 'y'"}}, why));
  CHECK(why.find("'and'") != std::string::npos);
  CHECK_FALSE(parse_odata_query({{"$filter", "startswith(a,'x')"}}, why));
  CHECK_FALSE(parse_odata_query({{"$filter", "a eq 'unterminated"}}, why));
  CHECK_FALSE(parse_odata_query({{"$top", "-1"}}, why));
  CHECK_FALSE(parse_odata_query({{"$apply", "x"}}, why));
}

// SPDX-License-Identifier: Apache-2.0
// The single-entity key segment (vendors.md §5.1): every pair read, quotes undoubled, number keys
// unquoted, malformed segments refused.
#include "entity_key.hpp"

#include <catch2/catch.hpp>

using erpc::sim::fo::parse_entity_path;

TEST_CASE("fo entity key: a collection and a full key", "[fo][sim][key]") {
  const auto set = parse_entity_path("VendorsV2");
  REQUIRE(set);
  CHECK(set->entity_set == "VendorsV2");
  CHECK_FALSE(set->key);

  const auto one = parse_entity_path("VendorsV2(dataAreaId='usmf',VendorAccountNumber='O''Brien, Ltd')");
  REQUIRE(one);
  REQUIRE(one->key);
  CHECK(one->key->at("dataAreaId") == "usmf");
  CHECK(one->key->at("VendorAccountNumber") == "O'Brien, Ltd");

  const auto line = parse_entity_path("LedgerJournalLines(dataAreaId='usmf',JournalBatchNumber='JB1',LineNumber=2)");
  REQUIRE(line);
  CHECK(line->key->at("LineNumber") == "2");
}

TEST_CASE("fo entity key: malformed segments are refused", "[fo][sim][key]") {
  for (const auto* bad : {"VendorsV2(", "VendorsV2()", "(dataAreaId='usmf')", "VendorsV2(dataAreaId='usmf'",
                          "VendorsV2(dataAreaId='usmf',)", "VendorsV2(dataAreaId=usmf)",
                          "VendorsV2(dataAreaId='a',dataAreaId='b')", "Vendors)V2", "VendorsV2(a b='x')"}) {
    INFO(bad);
    CHECK_FALSE(parse_entity_path(bad));
  }
}

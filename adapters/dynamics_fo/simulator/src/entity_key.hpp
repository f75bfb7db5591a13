// SPDX-License-Identifier: Apache-2.0
// The key segment of a single-entity URL (vendors.md §5.1):
// `VendorsV2(dataAreaId='usmf',VendorAccountNumber='V1')` — name='value' pairs separated by
// commas, quotes inside a value doubled, percent-decoding already done by the server. F&O wants
// every key field: a partial key is the caller's 400.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>

namespace erpc::sim::fo {

struct entity_path {
  std::string entity_set;
  std::optional<std::map<std::string, std::string>> key;  // nullopt: the collection
};

// nullopt when the segment is malformed.
std::optional<entity_path> parse_entity_path(std::string_view segment);

}  // namespace erpc::sim::fo

// SPDX-License-Identifier: Apache-2.0
#include "mapping_support.hpp"

#include "coupa_errors.hpp"
#include "resource_mapping.hpp"

namespace erpc::coupa {

std::string vendor_id_of(const nlohmann::json& record) {
  const auto it = record.find("id");
  if (it != record.end() && it->is_number_integer()) return it->dump();
  if (it != record.end() && it->is_string() && !it->get<std::string>().empty()) return *it;
  throw malformed_response("the record has no id", call_kind::read, 200);
}

}  // namespace erpc::coupa

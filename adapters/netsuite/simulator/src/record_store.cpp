// SPDX-License-Identifier: Apache-2.0
#include "record_store.hpp"

#include <erpc/host/http_headers.hpp>

#include <charconv>

namespace erpc::sim::netsuite {

const std::vector<std::string>& record_store::types() {
  static const std::vector<std::string> names = {"vendor", "vendorBill", "vendorCredit",
                                                 "journalEntry", "vendorPayment"};
  return names;
}

std::optional<std::string> record_store::canonical_type(std::string_view name) {
  for (const auto& t : types()) {
    if (iequals_ascii(t, name)) return t;
  }
  return std::nullopt;
}

ns_record* record_store::find(const std::string& type, std::string_view ref) {
  if (ref.rfind("eid:", 0) == 0) return find_by_external_id(type, ref.substr(4));
  std::uint64_t id = 0;
  const auto [end, ec] = std::from_chars(ref.data(), ref.data() + ref.size(), id);
  if (ec != std::errc() || end != ref.data() + ref.size()) return nullptr;
  auto& records = by_type_[type];
  const auto it = records.find(id);
  return it == records.end() ? nullptr : &it->second;
}

ns_record* record_store::find_by_external_id(const std::string& type,
                                             std::string_view external_id) {
  auto& index = by_external_id_[type];
  const auto it = index.find(std::string(external_id));
  if (it == index.end()) return nullptr;
  return &by_type_[type].at(it->second);
}

ns_record& record_store::create(const std::string& type, std::string external_id,
                                nlohmann::json fields) {
  const auto id = next_id_++;
  if (!external_id.empty()) by_external_id_[type][external_id] = id;
  auto& r = by_type_[type][id];
  r = ns_record{type, std::to_string(id), std::move(external_id), std::move(fields)};
  return r;
}

std::vector<const ns_record*> record_store::list(const std::string& type) const {
  std::vector<const ns_record*> out;
  const auto it = by_type_.find(type);
  if (it == by_type_.end()) return out;
  for (const auto& [id, r] : it->second) out.push_back(&r);
  return out;
}

void record_store::clear() {
  by_type_.clear();
  by_external_id_.clear();
  next_id_ = 100;
}

}  // namespace erpc::sim::netsuite

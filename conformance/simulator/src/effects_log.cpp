// SPDX-License-Identifier: Apache-2.0
#include "erpc/sim/effects_log.hpp"

#include <nlohmann/json.hpp>

namespace erpc::sim {

std::string_view to_string(effect_action action) noexcept {
  return action == effect_action::created ? "created" : "updated";
}

nlohmann::json to_json(const recorded_effect& effect) {
  return {{"sequence", effect.sequence},       {"action", to_string(effect.action)},
          {"record_type", effect.record_type}, {"vendor_id", effect.vendor_id},
          {"natural_key", effect.natural_key}, {"version", effect.version}};
}

recorded_effect effects_log::record_write(std::string record_type, std::string vendor_id,
                                          std::string natural_key) {
  const std::lock_guard lock(mutex_);
  auto& version = versions_[{record_type, vendor_id}];
  ++version;
  recorded_effect e{
      entries_.size() + 1,    version == 1 ? effect_action::created : effect_action::updated,
      std::move(record_type), std::move(vendor_id),
      std::move(natural_key), version};
  entries_.push_back(e);
  return e;
}

std::vector<recorded_effect> effects_log::snapshot(const effects_filter& filter) const {
  const std::lock_guard lock(mutex_);
  std::vector<recorded_effect> out;
  for (const auto& e : entries_) {
    if (e.sequence <= filter.after_sequence) continue;
    if (!filter.record_type.empty() && e.record_type != filter.record_type) continue;
    if (!filter.natural_key.empty() && e.natural_key != filter.natural_key) continue;
    out.push_back(e);
  }
  return out;
}

std::size_t effects_log::size() const {
  const std::lock_guard lock(mutex_);
  return entries_.size();
}

std::uint64_t effects_log::version_of(std::string_view record_type,
                                      std::string_view vendor_id) const {
  const std::lock_guard lock(mutex_);
  const auto it = versions_.find({std::string(record_type), std::string(vendor_id)});
  return it == versions_.end() ? 0 : it->second;
}

void effects_log::clear() {
  const std::lock_guard lock(mutex_);
  entries_.clear();
  versions_.clear();
}

}  // namespace erpc::sim

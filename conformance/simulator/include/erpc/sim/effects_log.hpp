// SPDX-License-Identifier: Apache-2.0
// The effects log: one entry for every record a simulator created **or updated**, so a
// conformance run can count what really happened on the vendor side — including a silent
// upsert, which shows as an `updated` entry with a version bump rather than as nothing.
// Served as GET /_sim/effects (control_api.hpp). Thread-safe.
#pragma once

#include <nlohmann/json_fwd.hpp>

#include <cstdint>
#include <map>
#include <mutex>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace erpc::sim {

enum class effect_action { created, updated };

std::string_view to_string(effect_action action) noexcept;

struct recorded_effect {
  std::uint64_t sequence = 0;  // 1, 2, … in the order the writes happened
  effect_action action = effect_action::created;
  std::string record_type;    // the vendor's record/entity name, e.g. "vendorBill"
  std::string vendor_id;      // the vendor's own id of the record, e.g. NetSuite internal id
  std::string natural_key;    // the key a client can read it back by ("" when it has none)
  std::uint64_t version = 0;  // 1 on create, +1 on every update of the same record
};

nlohmann::json to_json(const recorded_effect& effect);

struct effects_filter {
  std::string record_type;  // "" = any
  std::string natural_key;  // "" = any
  std::uint64_t after_sequence = 0;
};

class effects_log {
 public:
  // Records one write. The first write of (record_type, vendor_id) since the last clear() is
  // `created` with version 1; every later one is `updated` with the next version.
  recorded_effect record_write(std::string record_type, std::string vendor_id,
                               std::string natural_key);

  std::vector<recorded_effect> snapshot(const effects_filter& filter = {}) const;
  std::size_t size() const;
  // The current version of a record, 0 when it was never written.
  std::uint64_t version_of(std::string_view record_type, std::string_view vendor_id) const;
  void clear();

 private:
  mutable std::mutex mutex_;
  std::vector<recorded_effect> entries_;
  std::map<std::pair<std::string, std::string>, std::uint64_t> versions_;
};

}  // namespace erpc::sim

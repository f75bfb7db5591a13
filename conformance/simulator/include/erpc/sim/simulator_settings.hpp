// SPDX-License-Identifier: Apache-2.0
// Typed, validated simulator settings: the behaviours vendors.md marks **unconfirmed** (and the
// knobs tests need), each declared once with a type, a documented default and the vendors.md
// line it stands for. Served as GET/PUT /_sim/settings (control_api.hpp).
//
// Errors (erpc::error, class VALIDATION unless noted; the field error's pointer is "/<name>"):
//   sim.settings_not_object     the document given to apply() is not a JSON object
//   sim.unknown_setting         a name no spec declares
//   sim.invalid_setting_value   wrong JSON type, a choice not offered, an integer out of range
//   sim.bad_setting_spec        (CONFIGURATION) a spec whose default breaks its own rules
//   sim.undeclared_setting      (INTERNAL) simulator code read a name it never declared
// Thread-safe: every member may be called from any thread.
#pragma once

#include <nlohmann/json.hpp>

#include <cstdint>
#include <limits>
#include <map>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

namespace erpc::sim {

enum class setting_kind { boolean, integer, text, choice };

std::string_view to_string(setting_kind kind) noexcept;

struct setting_spec {
  std::string name;  // dotted, stable: "concurrency.error_form"
  setting_kind kind = setting_kind::boolean;
  nlohmann::json default_value;
  std::string description;           // one sentence: what changes when it changes
  std::string source;                // the vendors.md line (or "test knob") it stands for
  std::vector<std::string> choices;  // kind == choice: the values allowed
  std::int64_t min = std::numeric_limits<std::int64_t>::min();  // kind == integer
  std::int64_t max = std::numeric_limits<std::int64_t>::max();
  bool secret = false;  // write-only: shown as "<redacted>" by values()
};

// Builders that read like the spec table in docs/simulators.md.
inline setting_spec boolean_setting(std::string name, bool default_value, std::string description,
                                    std::string source) {
  setting_spec s;
  s.name = std::move(name);
  s.kind = setting_kind::boolean;
  s.default_value = default_value;
  s.description = std::move(description);
  s.source = std::move(source);
  return s;
}

inline setting_spec integer_setting(std::string name, std::int64_t default_value, std::int64_t min,
                                    std::int64_t max, std::string description, std::string source) {
  setting_spec s;
  s.name = std::move(name);
  s.kind = setting_kind::integer;
  s.default_value = default_value;
  s.min = min;
  s.max = max;
  s.description = std::move(description);
  s.source = std::move(source);
  return s;
}

inline setting_spec text_setting(std::string name, std::string default_value,
                                 std::string description, std::string source, bool secret = false) {
  setting_spec s;
  s.name = std::move(name);
  s.kind = setting_kind::text;
  s.default_value = std::move(default_value);
  s.description = std::move(description);
  s.source = std::move(source);
  s.secret = secret;
  return s;
}

inline setting_spec choice_setting(std::string name, std::string default_value,
                                   std::vector<std::string> choices, std::string description,
                                   std::string source) {
  setting_spec s;
  s.name = std::move(name);
  s.kind = setting_kind::choice;
  s.default_value = std::move(default_value);
  s.choices = std::move(choices);
  s.description = std::move(description);
  s.source = std::move(source);
  return s;
}

class simulator_settings {
 public:
  // Throws sim.bad_setting_spec for a duplicate name or a default its spec refuses.
  explicit simulator_settings(std::vector<setting_spec> specs);

  bool boolean(std::string_view name) const;
  std::int64_t integer(std::string_view name) const;
  std::string text(std::string_view name) const;  // kinds text and choice

  // Validates every member of `changes` first, then applies them together: a refused document
  // changes nothing.
  void apply(const nlohmann::json& changes);
  void restore_defaults();

  // {name: value} for every setting; secrets redacted unless asked.
  nlohmann::json values(bool reveal_secrets = false) const;
  // [{name, type, default, description, source, choices?, min?, max?, secret?}] in spec order.
  nlohmann::json definitions() const;
  const std::vector<setting_spec>& specs() const noexcept { return specs_; }

 private:
  const setting_spec& spec_of(std::string_view name) const;
  nlohmann::json value_of(std::string_view name, setting_kind expected) const;

  std::vector<setting_spec> specs_;
  mutable std::mutex mutex_;
  std::map<std::string, nlohmann::json, std::less<>> values_;
};

}  // namespace erpc::sim

// SPDX-License-Identifier: Apache-2.0
#include "erpc/sim/simulator_settings.hpp"

#include <erpc/error.hpp>

#include <algorithm>
#include <optional>

namespace erpc::sim {

std::string_view to_string(setting_kind kind) noexcept {
  switch (kind) {
    case setting_kind::boolean:
      return "boolean";
    case setting_kind::integer:
      return "integer";
    case setting_kind::text:
      return "string";
    case setting_kind::choice:
      return "choice";
  }
  return "string";
}

namespace {

// Why `value` does not fit `spec`, or nullopt when it does.
std::optional<std::string> refusal(const setting_spec& spec, const nlohmann::json& value) {
  switch (spec.kind) {
    case setting_kind::boolean:
      if (!value.is_boolean()) return "takes true or false";
      return std::nullopt;
    case setting_kind::integer: {
      if (!value.is_number_integer()) return "takes an integer";
      if (value.is_number_unsigned() &&
          value.get<std::uint64_t>() > static_cast<std::uint64_t>(spec.max)) {
        return "is at most " + std::to_string(spec.max);
      }
      const auto v = value.get<std::int64_t>();
      if (v < spec.min || v > spec.max) {
        return "takes " + std::to_string(spec.min) + ".." + std::to_string(spec.max);
      }
      return std::nullopt;
    }
    case setting_kind::text:
      if (!value.is_string()) return "takes a string";
      return std::nullopt;
    case setting_kind::choice: {
      std::string offered;
      for (const auto& c : spec.choices) offered += (offered.empty() ? "" : "|") + c;
      if (!value.is_string()) return "takes one of " + offered;
      const auto& s = value.get_ref<const std::string&>();
      if (std::find(spec.choices.begin(), spec.choices.end(), s) == spec.choices.end()) {
        return "takes one of " + offered;
      }
      return std::nullopt;
    }
  }
  return "unknown kind";
}

}  // namespace

simulator_settings::simulator_settings(std::vector<setting_spec> specs) : specs_(std::move(specs)) {
  for (const auto& spec : specs_) {
    if (values_.count(spec.name) != 0) {
      throw error(error_class::configuration, "sim.bad_setting_spec",
                  "setting '" + spec.name + "' is declared twice");
    }
    if (const auto why = refusal(spec, spec.default_value)) {
      throw error(error_class::configuration, "sim.bad_setting_spec",
                  "the default of setting '" + spec.name + "' " + *why);
    }
    values_.emplace(spec.name, spec.default_value);
  }
}

const setting_spec& simulator_settings::spec_of(std::string_view name) const {
  for (const auto& spec : specs_) {
    if (spec.name == name) return spec;
  }
  throw error(error_class::internal, "sim.undeclared_setting",
              "the simulator read setting '" + std::string(name) + "', which it never declared");
}

nlohmann::json simulator_settings::value_of(std::string_view name, setting_kind expected) const {
  const auto& spec = spec_of(name);
  const bool compatible = spec.kind == expected ||
                          (expected == setting_kind::text && spec.kind == setting_kind::choice);
  if (!compatible) {
    throw error(error_class::internal, "sim.undeclared_setting",
                "setting '" + spec.name + "' is a " + std::string(to_string(spec.kind)));
  }
  const std::lock_guard lock(mutex_);
  return values_.find(name)->second;
}

bool simulator_settings::boolean(std::string_view name) const {
  return value_of(name, setting_kind::boolean).get<bool>();
}

std::int64_t simulator_settings::integer(std::string_view name) const {
  return value_of(name, setting_kind::integer).get<std::int64_t>();
}

std::string simulator_settings::text(std::string_view name) const {
  return value_of(name, setting_kind::text).get<std::string>();
}

void simulator_settings::apply(const nlohmann::json& changes) {
  if (!changes.is_object()) {
    throw error(error_class::validation, "sim.settings_not_object",
                "settings are a JSON object of name: value");
  }
  for (const auto& [name, value] : changes.items()) {
    const auto spec = std::find_if(specs_.begin(), specs_.end(),
                                   [&](const setting_spec& s) { return s.name == name; });
    if (spec == specs_.end()) {
      throw error(error_class::validation, "sim.unknown_setting",
                  "no setting is called '" + name + "' (GET /_sim/settings lists them)")
          .with_field("/" + name, "sim.unknown_setting", "unknown setting");
    }
    if (const auto why = refusal(*spec, value)) {
      throw error(error_class::validation, "sim.invalid_setting_value",
                  "setting '" + name + "' " + *why)
          .with_field("/" + name, "sim.invalid_setting_value", *why);
    }
  }
  const std::lock_guard lock(mutex_);
  for (const auto& [name, value] : changes.items()) values_[name] = value;
}

void simulator_settings::restore_defaults() {
  const std::lock_guard lock(mutex_);
  for (const auto& spec : specs_) values_[spec.name] = spec.default_value;
}

nlohmann::json simulator_settings::values(bool reveal_secrets) const {
  nlohmann::json out = nlohmann::json::object();
  const std::lock_guard lock(mutex_);
  for (const auto& spec : specs_) {
    out[spec.name] = spec.secret && !reveal_secrets ? nlohmann::json("<redacted>")
                                                    : values_.find(spec.name)->second;
  }
  return out;
}

nlohmann::json simulator_settings::definitions() const {
  nlohmann::json out = nlohmann::json::array();
  for (const auto& spec : specs_) {
    nlohmann::json d = {
        {"name", spec.name},
        {"type", to_string(spec.kind)},
        {"default", spec.secret ? nlohmann::json("<redacted>") : spec.default_value},
        {"description", spec.description},
        {"source", spec.source}};
    if (spec.kind == setting_kind::choice) d["choices"] = spec.choices;
    if (spec.kind == setting_kind::integer) {
      d["min"] = spec.min;
      d["max"] = spec.max;
    }
    if (spec.secret) d["secret"] = true;
    out.push_back(std::move(d));
  }
  return out;
}

}  // namespace erpc::sim

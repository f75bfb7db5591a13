#include "bundled_adapter_profile.hpp"

#include <erpc/certify/profile.hpp>

std::optional<bundled_adapter_profile> load_bundled_adapter_profile(
    const std::filesystem::path& source_dir, const std::string& adapter_id,
    const std::string& base_url) {
  const auto path = source_dir / "adapters" / adapter_id / "conformance.json";
  if (!std::filesystem::exists(path)) return std::nullopt;
  // The certification profile's own loader: schema-checked, so the format lives in one place.
  const auto profile = erpc::certify::load_profile(path);
  bundled_adapter_profile out;
  out.settings = profile.connection_config;
  out.settings[profile.base_url_member] = base_url;
  out.simulator = profile.simulator_vendor.value_or("");
  out.simulator_settings = profile.simulator_settings;
  for (const auto& [reference, value] : profile.simulator_secrets) {
    if (reference.rfind("env:", 0) == 0) out.environment.push_back(reference.substr(4) + "=" + value);
  }
  if (!profile.samples.empty()) {
    out.sample_object = profile.samples.front().object;
    out.sample_payload = profile.samples.front().payload;
  }
  return out;
}

nlohmann::json fill_sample_placeholders(const nlohmann::json& payload,
                                        const std::string& unique) {
  return erpc::certify::instantiate(payload, unique, unique);
}

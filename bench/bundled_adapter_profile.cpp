#include "bundled_adapter_profile.hpp"

#include <fstream>
#include <stdexcept>

namespace {

void replace_all(std::string& text, const std::string& from, const std::string& to) {
  for (auto at = text.find(from); at != std::string::npos; at = text.find(from, at + to.size())) {
    text.replace(at, from.size(), to);
  }
}

}  // namespace

std::optional<bundled_adapter_profile> load_bundled_adapter_profile(
    const std::filesystem::path& source_dir, const std::string& adapter_id,
    const std::string& base_url) {
  const auto path = source_dir / "adapters" / adapter_id / "conformance.json";
  if (!std::filesystem::exists(path)) return std::nullopt;
  std::ifstream in(path);
  const auto profile = nlohmann::json::parse(in, nullptr, false);
  if (!profile.is_object() || !profile.contains("connection")) {
    throw std::runtime_error(path.string() + ": not a conformance profile");
  }
  bundled_adapter_profile out;
  const auto& connection = profile.at("connection");
  out.settings = connection.value("config", nlohmann::json::object());
  out.settings[connection.value("base_url_member", "base_url")] = base_url;
  if (const auto simulator = profile.find("simulator"); simulator != profile.end()) {
    out.simulator = simulator->value("vendor", "");
    out.simulator_settings = simulator->value("settings", nlohmann::json::object());
    const nlohmann::json secrets = simulator->value("secrets", nlohmann::json::object());
    for (const auto& [reference, value] : secrets.items()) {
      if (reference.rfind("env:", 0) == 0 && value.is_string()) {
        out.environment.push_back(reference.substr(4) + "=" + value.get<std::string>());
      }
    }
  }
  const auto samples = profile.value("samples", nlohmann::json::array());
  if (!samples.empty()) {
    out.sample_object = samples.front().value("object", "");
    out.sample_payload = samples.front().value("payload", nlohmann::json::object());
  }
  return out;
}

nlohmann::json fill_sample_placeholders(const nlohmann::json& payload,
                                        const std::string& unique) {
  if (payload.is_string()) {
    auto text = payload.get<std::string>();
    replace_all(text, "{nonce}", unique);
    replace_all(text, "{unique}", unique);
    return text;
  }
  if (!payload.is_structured()) return payload;
  nlohmann::json out = payload;
  for (auto& [name, value] : out.items()) value = fill_sample_placeholders(value, unique);
  return out;
}

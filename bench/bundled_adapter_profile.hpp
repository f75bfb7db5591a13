#pragma once
// How the memory benchmarks open (and write to) a connection of each bundled adapter: with the
// connection settings of the adapter's certification profile, adapters/<id>/conformance.json
// (docs/certification.md), whose secret references are answered with the vendor simulator's
// credentials, and the profile's first sample as the one write. So a benchmark measures each
// adapter as it is really configured, and a new adapter with a profile is covered without
// touching the benchmarks.

#include <nlohmann/json.hpp>

#include <filesystem>
#include <optional>
#include <string>
#include <utility>
#include <vector>

struct bundled_adapter_profile {
  nlohmann::json settings;     // the connection configuration, base URL filled in
  std::string simulator;       // the vendor simulator the profile certifies against
  nlohmann::json simulator_settings = nlohmann::json::object();
  // NAME=value for every `env:NAME` secret reference the settings name.
  std::vector<std::string> environment;
  std::string sample_object;   // the first sample: object and payload ("" when none)
  nlohmann::json sample_payload;
};

// The profile of `adapter_id` under source_dir/adapters/<id>/conformance.json with the base URL
// member set to `base_url`; std::nullopt when the adapter ships no profile. Throws what
// erpc::certify::load_profile throws (certify.profile_invalid) for a profile it refuses.
std::optional<bundled_adapter_profile> load_bundled_adapter_profile(
    const std::filesystem::path& source_dir, const std::string& adapter_id,
    const std::string& base_url);

// A sample payload with the profile's placeholders ({nonce}, {unique}) filled in with `unique`.
nlohmann::json fill_sample_placeholders(const nlohmann::json& payload, const std::string& unique);

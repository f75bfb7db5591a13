// SPDX-License-Identifier: Apache-2.0
// A conformance profile (adapters/<vendor>/conformance.json, schema
// conformance/certify/profile.schema.json, docs/certification.md): the data that tells
// `erpc certify` what an adapter offers and how to exercise it. Loading checks the schema and
// the cross-references a schema cannot say; every refusal is
// erpc::error(CONFIGURATION, "certify.profile_invalid") with one field error whose pointer
// names the offending member.
#pragma once

#include <nlohmann/json.hpp>

#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace erpc::certify {

enum class level { basic = 0, idempotent = 1, native = 2 };

std::string_view to_string(level l) noexcept;
std::optional<level> level_from_string(std::string_view text) noexcept;

struct request_pattern {
  std::string method;
  std::string path;  // ECMAScript regex over the whole path
};

struct object_profile {
  std::string name;  // canonical object, e.g. "Invoice"
  std::vector<std::string> ops;
  std::string natural_key;
  std::vector<std::string> compared_fields;
  std::vector<std::string> record_types;
  request_pattern create_request;
  request_pattern read_request;

  bool offers(std::string_view op) const;
};

struct payload_change {
  std::string pointer;
  nlohmann::json value;
};

struct sample {
  std::string name;
  std::string object;
  nlohmann::json payload;  // with {nonce} / {unique} placeholders
  std::vector<payload_change> changes;
};

// The vendor's answer a fault check injects and what it expects back; unset members take the
// catalogue's defaults (catalogue.cpp).
struct fault_profile {
  bool applies = true;
  std::string why_not;
  std::optional<unsigned> status;
  std::vector<std::pair<std::string, std::string>> headers;
  std::optional<std::string> body;
  std::vector<std::string> expect;  // class names, or "replay"
  std::optional<std::string> expect_effect;
};

struct unconfirmed_setting {
  std::string setting;
  std::vector<nlohmann::json> values;
  std::string source;
  std::map<std::string, nlohmann::json> connection;  // value text -> config members
};

struct profile {
  std::filesystem::path path;
  std::string adapter;
  level claimed_level = level::basic;
  nlohmann::json connection_config;
  std::string base_url_member = "base_url";
  std::string base_path;
  std::vector<std::string> secrets;  // references the leak scanner searches
  std::optional<std::string> simulator_vendor;
  nlohmann::json simulator_settings = nlohmann::json::object();
  std::map<std::string, std::string> simulator_secrets;  // reference -> value
  struct rotation {
    std::string reference;  // env:NAME
    std::string setting;    // the simulator setting holding the same credential
  };
  std::optional<rotation> credential_rotation;
  std::string subject;                                   // a sample name
  std::map<std::string, object_profile> objects;
  std::vector<sample> samples;
  std::map<std::string, fault_profile> faults;  // check id -> fault
  int concurrent_calls = 8;
  std::vector<unconfirmed_setting> unconfirmed_settings;

  const sample& subject_sample() const;
  const object_profile& object_of(const sample& s) const;
  const fault_profile* fault_for(std::string_view check_id) const;
};

// Parses and validates a profile document. `path` is only reported.
profile parse_profile(const nlohmann::json& document, const std::filesystem::path& path);

// Reads the file with the boundary's strict JSON rules, then parse_profile. An unreadable file
// or text that is not strict JSON is certify.profile_invalid too.
profile load_profile(const std::filesystem::path& file);

// The sample's payload with {nonce} and {unique} replaced in every string.
nlohmann::json instantiate(const nlohmann::json& payload, const std::string& nonce,
                           const std::string& unique);

// The payload with the sample's changes applied (R2).
nlohmann::json changed(const sample& s, nlohmann::json payload);

}  // namespace erpc::certify

// SPDX-License-Identifier: Apache-2.0
#include <erpc/certify/profile.hpp>

#include "profile_schema_text.hpp"

#include <erpc/error.hpp>
#include <erpc/host/json_pointer_token.hpp>
#include <erpc/host/strict_json.hpp>

#include <valijson/adapters/nlohmann_json_adapter.hpp>
#include <valijson/schema.hpp>
#include <valijson/schema_parser.hpp>
#include <valijson/validation_results.hpp>
#include <valijson/validator.hpp>

#include <fstream>
#include <regex>
#include <set>
#include <sstream>

namespace erpc::certify {
namespace {

using nlohmann::json;

[[noreturn]] void invalid(const std::string& pointer, const std::string& message) {
  throw error(error_class::configuration, "certify.profile_invalid",
              "conformance profile: " + (pointer.empty() ? std::string("/") : pointer) + ": " +
                  message)
      .with_field(pointer, "certify.profile_invalid", message);
}

// valijson's context ["<root>", "[objects]", "[Invoice]", "[0]"] -> "/objects/Invoice/0".
std::string pointer_of(const std::vector<std::string>& context) {
  std::string out;
  for (const auto& part : context) {
    if (part == "<root>") continue;
    std::string token = part;
    if (token.size() >= 2 && token.front() == '[' && token.back() == ']') {
      token = token.substr(1, token.size() - 2);
    }
    if (token.size() >= 2 && token.front() == '"' && token.back() == '"') {
      token = token.substr(1, token.size() - 2);
    }
    out += "/" + escape_pointer_token(token);
  }
  return out;
}

const valijson::Schema& profile_schema() {
  static const auto schema = [] {
    const auto doc = json::parse(detail::profile_schema_text());
    auto s = std::make_unique<valijson::Schema>();
    valijson::SchemaParser parser(valijson::SchemaParser::kDraft7);
    parser.populateSchema(valijson::adapters::NlohmannJsonAdapter(doc), *s);
    return s;
  }();
  return *schema;
}

void check_schema(const json& document) {
  valijson::Validator validator(valijson::Validator::kStrongTypes);
  valijson::ValidationResults results;
  if (validator.validate(profile_schema(), valijson::adapters::NlohmannJsonAdapter(document),
                         &results)) {
    return;
  }
  // The deepest error names the member best; enclosing schemas restate it less precisely.
  valijson::ValidationResults::Error item;
  std::string best_pointer;
  std::string best_message;
  std::size_t best_depth = 0;
  bool first = true;
  while (results.popError(item)) {
    if (first || item.context.size() > best_depth) {
      best_depth = item.context.size();
      best_pointer = pointer_of(item.context);
      best_message = item.description;
      first = false;
    }
  }
  invalid(best_pointer, best_message);
}

request_pattern read_request(const json& j, const std::string& pointer) {
  request_pattern r{j.at("method").get<std::string>(), j.at("path").get<std::string>()};
  try {
    std::regex check(r.path, std::regex::ECMAScript);
  } catch (const std::regex_error&) {
    invalid(pointer + "/path", "not an ECMAScript regular expression");
  }
  return r;
}

// "/lines/0/net/amount" -> "lines[].net.amount", the notation of compared_fields.
std::string field_path(std::string_view pointer) {
  std::string out;
  std::size_t at = 1;
  while (at <= pointer.size()) {
    auto end = pointer.find('/', at);
    if (end == std::string_view::npos) end = pointer.size();
    const auto token = pointer.substr(at, end - at);
    const bool index = !token.empty() && token.find_first_not_of("0123456789") == std::string_view::npos;
    if (index) {
      out += "[]";
    } else {
      out += (out.empty() ? "" : ".") + std::string(token);
    }
    at = end + 1;
  }
  return out;
}

// Whether changing the value at `path` changes the compared field `field` (or a part of it).
bool touches(const std::string& path, const std::string& field) {
  return path == field || path.rfind(field + ".", 0) == 0 || path.rfind(field + "[", 0) == 0 ||
         field.rfind(path + ".", 0) == 0 || field.rfind(path + "[", 0) == 0;
}

void replace_all(std::string& text, std::string_view what, std::string_view with) {
  for (auto at = text.find(what); at != std::string::npos; at = text.find(what, at + with.size())) {
    text.replace(at, what.size(), with);
  }
}

}  // namespace

std::string_view to_string(level l) noexcept {
  switch (l) {
    case level::basic: return "basic";
    case level::idempotent: return "idempotent";
    case level::native: return "native";
  }
  return "basic";
}

std::optional<level> level_from_string(std::string_view text) noexcept {
  if (text == "basic") return level::basic;
  if (text == "idempotent") return level::idempotent;
  if (text == "native") return level::native;
  return std::nullopt;
}

bool object_profile::offers(std::string_view op) const {
  return std::find(ops.begin(), ops.end(), op) != ops.end();
}

const sample& profile::subject_sample() const {
  for (const auto& s : samples) {
    if (s.name == subject) return s;
  }
  invalid("/subject", "names no sample");
}

const object_profile& profile::object_of(const sample& s) const { return objects.at(s.object); }

const fault_profile* profile::fault_for(std::string_view check_id) const {
  const auto it = faults.find(std::string(check_id));
  return it == faults.end() ? nullptr : &it->second;
}

profile parse_profile(const json& document, const std::filesystem::path& path) {
  check_schema(document);
  profile p;
  p.path = path;
  p.adapter = document.at("adapter");
  p.claimed_level = *level_from_string(document.at("level").get<std::string>());
  const auto& connection = document.at("connection");
  p.connection_config = connection.at("config");
  p.base_url_member = connection.value("base_url_member", "base_url");
  p.base_path = connection.value("base_path", "");
  if (document.contains("secrets")) p.secrets = document["secrets"].get<std::vector<std::string>>();
  if (document.contains("simulator")) {
    const auto& sim = document["simulator"];
    p.simulator_vendor = sim.at("vendor").get<std::string>();
    if (sim.contains("settings")) p.simulator_settings = sim["settings"];
    if (sim.contains("credential_rotation")) {
      p.credential_rotation = profile::rotation{sim["credential_rotation"].at("reference"),
                                                sim["credential_rotation"].at("setting")};
      if (!p.simulator_secrets.empty() || sim.contains("secrets")) {
        const auto secrets = sim.value("secrets", json::object());
        if (!secrets.contains(p.credential_rotation->reference)) {
          invalid("/simulator/credential_rotation/reference", "names no reference of /simulator/secrets");
        }
      }
    }
    if (sim.contains("secrets")) {
      p.simulator_secrets = sim["secrets"].get<std::map<std::string, std::string>>();
    }
  }
  for (const auto& [name, o] : document.at("objects").items()) {
    const std::string at = "/objects/" + escape_pointer_token(name);
    object_profile op;
    op.name = name;
    op.ops = o.at("ops").get<std::vector<std::string>>();
    op.natural_key = o.at("natural_key");
    op.compared_fields = o.at("compared_fields").get<std::vector<std::string>>();
    op.record_types = o.at("record_types").get<std::vector<std::string>>();
    op.create_request = read_request(o.at("requests").at("create"), at + "/requests/create");
    op.read_request = read_request(o.at("requests").at("read"), at + "/requests/read");
    p.objects.emplace(name, std::move(op));
  }
  std::set<std::string> names;
  const auto& samples = document.at("samples");
  for (std::size_t i = 0; i < samples.size(); ++i) {
    const auto& s = samples[i];
    const std::string at = "/samples/" + std::to_string(i);
    sample out;
    out.name = s.at("name");
    out.object = s.at("object");
    out.payload = s.at("payload");
    if (!names.insert(out.name).second) invalid(at + "/name", "a second sample with this name");
    const auto object = p.objects.find(out.object);
    if (object == p.objects.end()) invalid(at + "/object", "names no object of /objects");
    if (!object->second.offers("create")) {
      invalid(at + "/object", "the object does not offer create");
    }
    if (s.contains("changes")) {
      bool compared = false;
      for (std::size_t c = 0; c < s["changes"].size(); ++c) {
        const auto& change = s["changes"][c];
        payload_change pc{change.at("pointer"), change.at("value")};
        const json::json_pointer ptr(pc.pointer);
        if (!out.payload.contains(ptr)) {
          invalid(at + "/changes/" + std::to_string(c) + "/pointer",
                  "names no member of the sample's payload");
        }
        const std::string changed_path = field_path(pc.pointer);
        for (const auto& field : object->second.compared_fields) {
          if (touches(changed_path, field)) compared = true;
        }
        out.changes.push_back(std::move(pc));
      }
      if (!compared) {
        invalid(at + "/changes", "no change touches a compared field of " + out.object +
                                     " (R2 would prove nothing)");
      }
    }
    p.samples.push_back(std::move(out));
  }
  p.subject = document.at("subject");
  const sample* subject = nullptr;
  for (const auto& s : p.samples) {
    if (s.name == p.subject) subject = &s;
  }
  if (subject == nullptr) invalid("/subject", "names no sample");
  if (subject->changes.empty()) invalid("/subject", "the subject sample needs `changes` for R2");
  if (document.contains("faults")) {
    for (const auto& [id, f] : document["faults"].items()) {
      fault_profile fp;
      fp.applies = f.value("applies", true);
      fp.why_not = f.value("why_not", "");
      if (f.contains("status")) fp.status = f["status"].get<unsigned>();
      if (f.contains("headers")) {
        for (const auto& [name, value] : f["headers"].items()) {
          fp.headers.emplace_back(name, value.get<std::string>());
        }
      }
      if (f.contains("body")) fp.body = f["body"].get<std::string>();
      if (f.contains("expect")) fp.expect = f["expect"].get<std::vector<std::string>>();
      if (f.contains("expect_effect")) fp.expect_effect = f["expect_effect"].get<std::string>();
      if (!fp.applies && fp.why_not.empty()) {
        invalid("/faults/" + escape_pointer_token(id) + "/why_not",
                "a fault that does not apply must say why");
      }
      p.faults.emplace(id, std::move(fp));
    }
  }
  if (document.contains("concurrency")) {
    p.concurrent_calls = document["concurrency"].value("calls", p.concurrent_calls);
  }
  if (document.contains("unconfirmed_settings")) {
    const auto& list = document["unconfirmed_settings"];
    for (std::size_t i = 0; i < list.size(); ++i) {
      const auto& u = list[i];
      unconfirmed_setting us;
      us.setting = u.at("setting");
      us.values = u.at("values").get<std::vector<json>>();
      us.source = u.value("source", "");
      if (u.contains("connection")) {
        for (const auto& [value, members] : u["connection"].items()) {
          bool known = false;
          for (const auto& v : us.values) {
            if ((v.is_string() ? v.get<std::string>() : v.dump()) == value) known = true;
          }
          if (!known) {
            invalid("/unconfirmed_settings/" + std::to_string(i) + "/connection/" +
                        escape_pointer_token(value),
                    "not one of the setting's values");
          }
          us.connection.emplace(value, members);
        }
      }
      p.unconfirmed_settings.push_back(std::move(us));
    }
  }
  return p;
}

profile load_profile(const std::filesystem::path& file) {
  std::ifstream in(file, std::ios::binary);
  if (!in) invalid("", "cannot read " + file.string());
  std::ostringstream text;
  text << in.rdbuf();
  json document;
  try {
    document = parse_strict(text.str());
  } catch (const error& e) {
    const std::string pointer = e.field_errors().empty() ? "" : e.field_errors().front().pointer;
    invalid(pointer, "not strict JSON: " + e.message());
  }
  return parse_profile(document, file);
}

json instantiate(const json& payload, const std::string& nonce, const std::string& unique) {
  if (payload.is_string()) {
    std::string text = payload.get<std::string>();
    replace_all(text, "{nonce}", nonce);
    replace_all(text, "{unique}", unique);
    return text;
  }
  if (payload.is_object()) {
    json out = json::object();
    for (const auto& [k, v] : payload.items()) out[k] = instantiate(v, nonce, unique);
    return out;
  }
  if (payload.is_array()) {
    json out = json::array();
    for (const auto& v : payload) out.push_back(instantiate(v, nonce, unique));
    return out;
  }
  return payload;
}

json changed(const sample& s, json payload) {
  for (const auto& c : s.changes) payload[json::json_pointer(c.pointer)] = c.value;
  return payload;
}

}  // namespace erpc::certify

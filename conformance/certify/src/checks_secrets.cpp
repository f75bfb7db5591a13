// SPDX-License-Identifier: Apache-2.0
// secrets.no_leak: no value of a profile secret in any output, error or log line of the run,
// plain or encoded (leak_scanner). The host's redactor is off in certify, so what is searched
// is what the adapter produced.
#include "session.hpp"

#include <erpc/certify/leak_scanner.hpp>

#include <cstddef>
#include <cstdlib>
#include <fstream>
#include <sstream>

namespace erpc::certify {
namespace {

// The secret's value: the simulator's own (target sim), else the environment or the file.
std::optional<std::string> secret_value(session& s, const std::string& reference) {
  if (s.rig().is_sim()) {
    const auto it = s.prof().simulator_secrets.find(reference);
    if (it != s.prof().simulator_secrets.end()) return it->second;
  }
  if (reference.rfind("env:", 0) == 0) {
    if (const char* v = std::getenv(reference.substr(4).c_str()); v != nullptr && *v != '\0') return std::string(v);
    return std::nullopt;
  }
  if (reference.rfind("file:", 0) == 0) {
    std::ifstream in(reference.substr(5), std::ios::binary);
    if (!in) return std::nullopt;
    std::ostringstream text;
    text << in.rdbuf();
    std::string v = text.str();
    while (!v.empty() && (v.back() == '\n' || v.back() == '\r')) v.pop_back();
    return v;
  }
  return std::nullopt;
}

// Error paths are where secrets leak (an authentication failure quoting what it sent, a vendor
// error echoed with the request), and a run limited to this check would otherwise have seen
// successes only. So the check makes its own: a create refused with 401 on every attempt (the
// adapter's one refresh included), with 403, and with a 400 vendor error body.
std::size_t provoke_errors(session& s) {
  const auto& object = s.subject_object();
  std::size_t errors = 0;
  for (const unsigned status : {401u, 403u, 400u}) {
    const std::string rule = "secrets.provoke_" + std::to_string(status);
    const nlohmann::json fault = {
        {"type", "respond"},
        {"status", status},
        {"headers", {{"Content-Type", "application/json"}}},
        {"body", nlohmann::json({{"error", "injected by erpc certify"}, {"status", status}}).dump()}};
    s.rig().load_rules(nlohmann::json::array({proxy_rule(rule, object.create_request, fault, 4)}));
    const auto outcome = s.call({"create", object.name, s.key("s"), s.subject_payload()});
    s.rig().clear_faults();
    if (!outcome.ok) ++errors;
  }
  return errors;
}

}  // namespace

check_function secrets_check() {
  return [](session& s) {
    const std::size_t provoked = provoke_errors(s);
    std::vector<std::string> values;
    std::vector<std::string> references;
    std::vector<std::string> unresolved;
    for (const auto& reference : s.prof().secrets) {
      if (auto v = secret_value(s, reference)) {
        values.push_back(*v);
        references.push_back(reference);
      } else {
        unresolved.push_back(reference);
      }
    }
    for (const auto& [label, value] : s.extra_secrets) {
      values.push_back(value);
      references.push_back(label);
    }
    if (values.empty()) {
      return verdict::fail("no secret value to search for (profile `secrets`" +
                           (unresolved.empty() ? std::string() : ", unresolved: " + join(unresolved)) + ")");
    }
    const leak_scanner scanner(values);
    const auto outputs = s.outputs();
    for (const auto& o : outputs) {
      if (auto found = scanner.find(o.text)) {
        return verdict::fail("secret " + references[found->secret] + " found (" + found->encoding +
                             ") in the output of " + o.what);
      }
    }
    const auto lines = s.host().logs().lines();
    for (std::size_t i = 0; i < lines.size(); ++i) {
      if (auto found = scanner.find(lines[i])) {
        return verdict::fail("secret " + references[found->secret] + " found (" + found->encoding +
                             ") in log line " + std::to_string(i + 1));
      }
    }
    return verdict::pass(std::to_string(outputs.size()) + " outputs (" + std::to_string(provoked) +
                         " errors provoked by 401, 403 and 400) and " + std::to_string(lines.size()) +
                         " log lines searched for " + std::to_string(values.size()) +
                         " secrets (plain, base64, base64url, URL-encoded, hex): none found" +
                         (unresolved.empty() ? std::string() : "; unresolved: " + join(unresolved)));
  };
}

}  // namespace erpc::certify

// SPDX-License-Identifier: Apache-2.0
// contract.outputs_valid: every output of the whole run — results and errors — is a valid
// contract document (schemas/v1; the host already refuses an invalid result, so such a call
// shows up here as host.adapter_output_invalid), errors carry a known class, a stable code and
// an effect, and money is never a JSON number.
#include "session.hpp"

#include <erpc/error_abi.hpp>

#include <regex>

namespace erpc::certify {
namespace {

using nlohmann::json;

// A JSON number where money belongs ({"amount": 1.5}) or any fraction at all.
std::string number_problem(const json& j, const std::string& pointer) {
  if (j.is_number_float()) return pointer + " is a floating-point number";
  if (j.is_object()) {
    for (const auto& [k, v] : j.items()) {
      if (k == "amount" && v.is_number()) return pointer + "/amount is a JSON number, not a decimal string";
      if (auto p = number_problem(v, pointer + "/" + k); !p.empty()) return p;
    }
  }
  if (j.is_array()) {
    for (std::size_t i = 0; i < j.size(); ++i) {
      if (auto p = number_problem(j[i], pointer + "/" + std::to_string(i)); !p.empty()) return p;
    }
  }
  return "";
}

std::string error_problem(const json& e) {
  static const std::regex code_shape("[a-z][a-z0-9_]*(\\.[A-Za-z0-9_]+)+");
  const std::string code = e.value("code", "");
  if (!std::regex_match(code, code_shape)) return "error code '" + code + "' is not a dotted stable code";
  if (!e.contains("message") || !e["message"].is_string() || e["message"].get<std::string>().empty()) {
    return "error " + code + " has no message";
  }
  for (const auto& f : e.value("field_errors", json::array())) {
    if (!f.contains("pointer") || !f.contains("code")) return "error " + code + ": a field error without pointer or code";
  }
  return "";
}

}  // namespace

check_function contract_outputs_check() {
  return [](session& s) {
    const auto outputs = s.outputs();
    std::size_t results = 0;
    std::size_t errors = 0;
    for (const auto& o : outputs) {
      const std::string where = " (" + o.what + ")";
      if (o.code == "host.adapter_output_invalid" || o.code == "host.adapter_response_malformed" ||
          o.code == "host.no_answer") {
        json e = json::parse(o.text, nullptr, false);
        std::string detail = e.is_object() ? e.value("message", "") : "";
        if (e.is_object() && e.contains("field_errors") && !e["field_errors"].empty()) {
          detail += " at " + e["field_errors"][0].value("pointer", "");
        }
        return verdict::fail("invalid output" + where + ": " + o.code + " " + detail);
      }
      const json doc = json::parse(o.text, nullptr, false);
      if (doc.is_discarded()) return verdict::fail("an output is not JSON" + where);
      if (auto p = number_problem(doc, ""); !p.empty()) return verdict::fail("money as a number" + where + ": " + p);
      if (o.ok) {
        ++results;
        if (auto problems = s.host().contract().validate_response(doc); !problems.empty()) {
          return verdict::fail("response envelope invalid" + where + ": " + problems[0].pointer + " " + problems[0].code);
        }
      } else {
        ++errors;
        if (auto p = error_problem(doc); !p.empty()) return verdict::fail(p + where);
      }
    }
    if (!s.setup_problems.empty()) {
      return verdict::fail("profile samples failed: " + join(s.setup_problems, "; "));
    }
    if (results == 0) return verdict::fail("no call ended ok; nothing to validate");
    return verdict::pass(std::to_string(results) + " results and " + std::to_string(errors) +
                         " errors valid against schemas/v1; no money as a JSON number");
  };
}

}  // namespace erpc::certify

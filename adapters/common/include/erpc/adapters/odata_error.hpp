// SPDX-License-Identifier: Apache-2.0
// The OData v4 JSON error document, {"error": {"code", "message", "innererror": {...}}}, as
// Business Central (vendors.md §4.4) and Finance & Operations (§5.3) answer a refused call:
// read the same way for both. What the codes and the inner error mean stays in each adapter's
// *_errors.cpp. (SAP's OData v2 error, whose message is an object, is read in sap_s4hana.)
// Header only.
#pragma once

#include <erpc/adapters/exact_json.hpp>

#include <nlohmann/json.hpp>

#include <exception>
#include <optional>
#include <string>
#include <string_view>

namespace erpc::adapters {

struct odata_error_body {
  std::string code;
  std::string message;
  std::string inner_message;  // innererror.message (F&O: the Infolog of a failed write)
  std::string inner_type;     // innererror.type (F&O: ...AxODataWriteException)
};

// The error document in `body`; nullopt when the body is not JSON or has no "error" object.
// Members that are absent or not strings read as "".
inline std::optional<odata_error_body> parse_odata_error(std::string_view body) {
  const auto text = [](const nlohmann::json& obj, const char* name) {
    const auto it = obj.find(name);
    return it != obj.end() && it->is_string() ? it->get<std::string>() : std::string();
  };
  try {
    const auto doc = parse_exact(body);
    if (!doc.is_object()) return std::nullopt;
    const auto e = doc.find("error");
    if (e == doc.end() || !e->is_object()) return std::nullopt;
    odata_error_body out;
    out.code = text(*e, "code");
    out.message = text(*e, "message");
    if (const auto inner = e->find("innererror"); inner != e->end() && inner->is_object()) {
      out.inner_message = text(*inner, "message");
      out.inner_type = text(*inner, "type");
    }
    return out;
  } catch (const std::exception&) {
    return std::nullopt;
  }
}

}  // namespace erpc::adapters

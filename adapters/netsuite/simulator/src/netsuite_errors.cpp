// SPDX-License-Identifier: Apache-2.0
#include "netsuite_errors.hpp"

#include <nlohmann/json.hpp>

namespace erpc::sim::netsuite {

namespace {

constexpr std::string_view rfc2616 = "https://www.w3.org/Protocols/rfc2616/rfc2616-sec10.html";

std::string default_type(unsigned status) {
  switch (status) {
    case 400:
      return std::string(rfc2616) + "#sec10.4.1";
    case 401:
      return std::string(rfc2616);  // Oracle's 401 example has no fragment
    case 403:
      return std::string(rfc2616) + "#sec10.4.4";
    case 404:
      return std::string(rfc2616) + "#sec10.4.5";
    case 405:
      return std::string(rfc2616) + "#sec10.4.6";
    case 409:
      return std::string(rfc2616) + "#sec10.4.10";
    case 429:
      return "https://www.rfc-editor.org/rfc/rfc6585#section-4";  // not in RFC 2616
    case 500:
      return std::string(rfc2616) + "#sec10.5.1";
    default:
      return std::string(rfc2616);
  }
}

std::string reason(unsigned status) {
  switch (status) {
    case 400:
      return "Bad Request";
    case 401:
      return "Unauthorized";
    case 403:
      return "Forbidden";
    case 404:
      return "Not Found";
    case 405:
      return "Method Not Allowed";
    case 409:
      return "Conflict";
    case 429:
      return "Too Many Requests";
    case 500:
      return "Internal Server Error";
    default:
      return "Error";
  }
}

}  // namespace

server_response error_body(unsigned status, std::string_view code, std::string_view detail,
                         const error_options& options) {
  nlohmann::json entry = {{"detail", detail}, {"o:errorCode", code}};
  if (!options.error_path.empty()) entry["o:errorPath"] = options.error_path;
  const nlohmann::json body = {{"type", options.type.empty() ? default_type(status) : options.type},
                               {"title", options.title.empty() ? reason(status) : options.title},
                               {"status", status},
                               {"o:errorDetails", nlohmann::json::array({entry})}};
  return server_response::json(status, body.dump());
}

server_response invalid_login() { return error_body(401, "INVALID_LOGIN", invalid_login_detail); }

}  // namespace erpc::sim::netsuite

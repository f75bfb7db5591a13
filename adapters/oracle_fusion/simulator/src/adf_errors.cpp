// SPDX-License-Identifier: Apache-2.0
#include "adf_errors.hpp"

#include <nlohmann/json.hpp>

namespace erpc::sim::oracle_fusion {

namespace {

std::string reason(unsigned status) {
  switch (status) {
    case 400: return "Bad Request";
    case 401: return "Unauthorized";
    case 403: return "Forbidden";
    case 404: return "Not Found";
    case 405: return "Method Not Allowed";
    case 409: return "Conflict";
    case 412: return "Precondition Failed";
    case 415: return "Unsupported Media Type";
    default: return "Error";
  }
}

}  // namespace

server_response error_response(const adf_error& e, bool structured) {
  if (!structured) return server_response::text(e.status, e.detail);
  nlohmann::json entry = {{"detail", e.detail}};
  if (!e.code.empty()) entry["o:errorCode"] = e.code;
  if (!e.path.empty()) entry["o:errorPath"] = e.path;
  // ADF writes the status as a string in its error documents (secondary, public clients).
  const nlohmann::json body = {{"title", reason(e.status)},
                               {"status", std::to_string(e.status)},
                               {"o:errorDetails", nlohmann::json::array({entry})}};
  auto res = server_response::json(e.status, body.dump());
  res.headers.set("Content-Type", std::string(adf_error_type));
  return res;
}

}  // namespace erpc::sim::oracle_fusion

// SPDX-License-Identifier: Apache-2.0
#include "ob_error_body.hpp"

#include <nlohmann/json.hpp>
#include <openssl/rand.h>

#include <stdexcept>

namespace erpc::sim::openbanking {

namespace {

std::string status_text(unsigned status) {
  switch (status) {
    case 400: return "400 BadRequest";
    case 403: return "403 Forbidden";
    case 404: return "404 NotFound";
    case 409: return "409 Conflict";
    case 500: return "500 InternalServerError";
    default: return std::to_string(status);
  }
}

}  // namespace

std::string random_uuid() {
  unsigned char b[16];
  if (RAND_bytes(b, sizeof b) != 1) throw std::runtime_error("RAND_bytes failed");
  b[6] = static_cast<unsigned char>((b[6] & 0x0F) | 0x40);
  b[8] = static_cast<unsigned char>((b[8] & 0x3F) | 0x80);
  static constexpr char hex[] = "0123456789abcdef";
  std::string out;
  for (int i = 0; i < 16; ++i) {
    if (i == 4 || i == 6 || i == 8 || i == 10) out += '-';
    out += hex[b[i] >> 4];
    out += hex[b[i] & 15];
  }
  return out;
}

server_response ob_error(unsigned status, const std::string& error_code, const std::string& message,
                         const std::string& path) {
  nlohmann::json e = {{"ErrorCode", error_code}, {"Message", message}};
  if (!path.empty()) e["Path"] = path;
  const nlohmann::json body = {
      {"Code", status_text(status)},
      {"Id", random_uuid()},
      {"Message", "There is something wrong with the request parameters provided"},
      {"Errors", nlohmann::json::array({e})}};
  return server_response::json(status, body.dump());
}

}  // namespace erpc::sim::openbanking

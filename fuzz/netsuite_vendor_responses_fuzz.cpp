// SPDX-License-Identifier: Apache-2.0
// What the NetSuite adapter reads from the vendor (vendors.md §1): SuiteTalk REST error bodies
// (`o:errorDetails`), Retry-After, a create's `Location`, record bodies, and the externalId it
// derives keys from. A vendor answering garbage must get an erpc::error with a stable
// `netsuite.*` code, never a crash, a hang or a foreign exception.
//
// Input: byte 0 picks the HTTP status; the bytes up to the first '\n' are the value of the
// `Retry-After` and `Location` headers (and are read as an externalId); the rest is the body.
#include "external_id.hpp"
#include "netsuite_errors.hpp"
#include "record_api.hpp"

#include <erpc/error.hpp>
#include <erpc/http_client.hpp>

#include <array>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

namespace {

constexpr std::array<int, 16> statuses{200, 201, 204, 400, 401, 403, 404, 405,
                                       409, 412, 429, 500, 502, 503, 504, 206};
constexpr std::int64_t now_unix_ms = 1'772'323'200'000;  // 2026-03-01T00:00:00Z

void require(bool holds) {
  if (!holds) std::abort();
}

void require_netsuite_error(const erpc::error& e) {
  require(e.code().rfind("netsuite.", 0) == 0);
  require(!e.message().empty());
  if (e.retry_after_ms()) require(*e.retry_after_ms() >= 0);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  const std::string_view rest(reinterpret_cast<const char*>(data) + 1, size - 1);
  const auto newline = rest.find('\n');
  const std::string_view header = newline == std::string_view::npos ? std::string_view{}
                                                                      : rest.substr(0, newline);
  const std::string_view body =
      newline == std::string_view::npos ? rest : rest.substr(newline + 1);

  erpc::http_response res;
  res.transport = erpc::http_transport::ok;
  res.status = statuses[data[0] % statuses.size()];
  res.headers = {{"Content-Type", "application/json"},
                 {"Retry-After", std::string(header)},
                 {"Location", std::string(header)}};
  res.body = std::string(body);

  if (const auto details = erpc::netsuite::parse_error_details(body)) (void)details->size();
  for (const auto kind : {erpc::netsuite::call_kind::read, erpc::netsuite::call_kind::write}) {
    require_netsuite_error(erpc::netsuite::map_vendor_error(
        res, kind, now_unix_ms,
        [](std::string_view path) { return "/" + std::string(path.substr(0, 32)); }));
    try {
      (void)erpc::netsuite::parse_record_body(res, kind);
    } catch (const erpc::error& e) {
      require_netsuite_error(e);
    }
  }
  if (const auto id = erpc::netsuite::record_api::id_from_location(header)) require(!id->empty());
  // An externalId read back maps to a key only if that key maps to the same externalId.
  if (const auto key = erpc::netsuite::key_for_external_id(header)) {
    require(erpc::netsuite::external_id_for_key(*key) == header);
  }
  return 0;
}

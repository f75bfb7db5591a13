// SPDX-License-Identifier: Apache-2.0
// What the NetSuite adapter reads from the vendor (vendors.md §1): SuiteTalk REST error bodies
// (`o:errorDetails`), Retry-After, a create's `Location`, record bodies, and the externalId it
// derives keys from. A vendor answering garbage must get an erpc::error with a stable
// `netsuite.*` code, never a crash, a hang or a foreign exception.
//
// Input (vendor_response_input.hpp): the header line is the `Retry-After` and `Location` value,
// and is also read as an externalId.
#include "external_id.hpp"
#include "netsuite_errors.hpp"
#include "record_api.hpp"
#include "vendor_response_input.hpp"

#include <erpc/error.hpp>
#include <erpc/http_client.hpp>

#include <array>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

namespace {

using erpc::fuzzing::now_unix_ms;
using erpc::fuzzing::require;

constexpr std::array<int, 16> statuses{200, 201, 204, 400, 401, 403, 404, 405,
                                       409, 412, 429, 500, 502, 503, 504, 206};
}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const auto in =
      erpc::fuzzing::vendor_answer_of(data, size, statuses, {"Retry-After", "Location"});
  if (!in) return 0;
  const auto& res = in->response;
  const std::string_view header = in->header;
  const std::string_view body = in->body;

  if (const auto details = erpc::netsuite::parse_error_details(body)) (void)details->size();
  for (const auto kind : {erpc::netsuite::call_kind::read, erpc::netsuite::call_kind::write}) {
    erpc::fuzzing::require_error_of(
        erpc::netsuite::map_vendor_error(
            res, kind, now_unix_ms,
            [](std::string_view path) { return "/" + std::string(path.substr(0, 32)); }),
        "netsuite.");
    erpc::fuzzing::guarded("netsuite.",
                           [&] { (void)erpc::netsuite::parse_record_body(res, kind); });
  }
  if (const auto id = erpc::netsuite::record_api::id_from_location(header)) require(!id->empty());
  // An externalId read back maps to a key only if that key maps to the same externalId.
  if (const auto key = erpc::netsuite::key_for_external_id(header)) {
    require(erpc::netsuite::external_id_for_key(*key) == header);
  }
  return 0;
}

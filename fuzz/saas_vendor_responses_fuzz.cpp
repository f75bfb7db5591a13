// SPDX-License-Identifier: Apache-2.0
// What the Oracle Fusion, Coupa, BILL, UK Open Banking, Dynamics 365 Business Central and
// Finance & Operations adapters read from their vendors (vendors.md §3–§8): error bodies
// (o:errorDetails, Coupa's errors, BILL's BDC entries, OBErrorResponse1, OData v4 errors with
// Infolog text), Retry-After, record bodies, and Open Banking payment and status resources.
// A vendor answering garbage must get an erpc::error with the adapter's own stable
// code prefix, never a crash, a hang or a foreign exception. Every reader sees every input.
//
// Input (vendor_response_input.hpp): the header line is the `Retry-After` value.
#include "bc_client.hpp"
#include "bc_errors.hpp"
#include "bill_api.hpp"
#include "bill_errors.hpp"
#include "coupa_client.hpp"
#include "coupa_errors.hpp"
#include "fo_client.hpp"
#include "fo_errors.hpp"
#include "fusion_errors.hpp"
#include "ob_errors.hpp"
#include "payment_mapping.hpp"
#include "resource_api.hpp"
#include "vendor_response_input.hpp"

#include <erpc/error.hpp>
#include <erpc/http_client.hpp>

#include <nlohmann/json.hpp>

#include <array>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

namespace {

using erpc::fuzzing::guarded;
using erpc::fuzzing::now_unix_ms;
using erpc::fuzzing::require_error_of;

constexpr std::array<int, 16> statuses{200, 201, 204, 400, 401, 403, 404, 412,
                                       409, 422, 429, 500, 502, 503, 504, 406};
std::string to_pointer(std::string_view vendor_path) {
  return "/" + std::string(vendor_path.substr(0, 32));
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const auto in = erpc::fuzzing::vendor_answer_of(data, size, statuses, {"Retry-After"});
  if (!in) return 0;
  const auto& res = in->response;
  const std::string_view body = in->body;

  using erpc::adapters::call_kind;
  for (const auto kind : {call_kind::read, call_kind::write}) {
    require_error_of(erpc::oracle_fusion::map_vendor_error(res, kind, now_unix_ms, to_pointer),
                     "oracle_fusion.");
    guarded("oracle_fusion.", [&] { (void)erpc::oracle_fusion::parse_item_body(res, kind); });
    require_error_of(erpc::coupa::map_vendor_error(res, kind, now_unix_ms, to_pointer), "coupa.");
    guarded("coupa.", [&] { (void)erpc::coupa::parse_record(res, kind); });
    require_error_of(erpc::bill::map_vendor_error(res, kind, now_unix_ms, to_pointer), "bill.");
    guarded("bill.", [&] { (void)erpc::bill::parse_record(res, kind); });
    require_error_of(erpc::bc::map_odata_error(res, kind, now_unix_ms), "bc.");
    guarded("bc.", [&] { (void)erpc::bc::body_of(res, kind); });
    require_error_of(erpc::fo::map_odata_error(res, kind, now_unix_ms), "fo.");
    guarded("fo.", [&] { (void)erpc::fo::body_of(res, kind); });
  }
  (void)erpc::oracle_fusion::parse_error_details(body);
  (void)erpc::coupa::parse_error_details(body);
  (void)erpc::bill::parse_bdc_errors(body);

  (void)erpc::openbanking::parse_ob_error(res.body);
  for (const auto step : {erpc::openbanking::call_step::consent,
                          erpc::openbanking::call_step::payment,
                          erpc::openbanking::call_step::read}) {
    require_error_of(erpc::openbanking::map_ob_error(
                         res, step, now_unix_ms,
                         [](const std::string& path) { return to_pointer(path); }),
                     "openbanking_uk.");
  }
  const auto parsed = nlohmann::json::parse(body, nullptr, false);
  if (!parsed.is_discarded()) {
    const auto& resource = parsed.is_object() && parsed.contains("Data") ? parsed["Data"] : parsed;
    guarded("openbanking_uk.", [&] { (void)erpc::openbanking::payment_from_ob(resource); });
    guarded("openbanking_uk.", [&] { (void)erpc::openbanking::status_from_ob(resource); });
  }
  return 0;
}

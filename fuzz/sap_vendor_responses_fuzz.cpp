// SPDX-License-Identifier: Apache-2.0
// What the SAP S/4HANA adapter reads from the vendor (vendors.md §2): OData answers, Gateway
// error bodies, the `sap-message` warning header, Retry-After, the journal entry SOAP
// confirmation and SOAP faults, OData dates and decimals. A vendor answering garbage must get a
// clear erpc::error with a stable `sap.*` code, never a crash, a hang or a foreign exception.
//
// Input (vendor_response_input.hpp): the header line is the `sap-message` and `Retry-After`
// value; bit 7 of byte 0 adds `X-CSRF-Token: Required`.
#include "gateway_errors.hpp"
#include "journal_soap.hpp"
#include "odata_values.hpp"
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
using erpc::fuzzing::require;
using erpc::fuzzing::require_error_of;

constexpr std::array<int, 16> statuses{200, 201, 204, 400, 401, 403, 404, 409,
                                       412, 428, 429, 500, 501, 502, 503, 504};

void read_values(const nlohmann::json& v, int depth) {
  if (depth > 8) return;
  if (const auto date = erpc::sap::odata::date_from_datetime(v)) require(date->size() == 10);
  if (const auto d = erpc::sap::odata::decimal_of(v)) {
    require(erpc::decimal::parse(d->to_string()) == *d);
  }
  (void)erpc::sap::odata::normalized_decimal(v);
  if (v.is_structured()) {
    for (const auto& child : v) read_values(child, depth + 1);
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  auto in = erpc::fuzzing::vendor_answer_of(data, size, statuses, {"sap-message", "Retry-After"});
  if (!in) return 0;
  auto& res = in->response;
  if ((in->selector & 0x80) != 0) res.headers.emplace_back("X-CSRF-Token", "Required");
  const std::string_view body = in->body;

  (void)erpc::sap::parse_gateway_error(body);
  (void)erpc::sap::parse_sap_message(res);
  (void)erpc::sap::is_csrf_refusal(res);
  for (const auto kind : {erpc::sap::call_kind::read, erpc::sap::call_kind::write}) {
    guarded("sap.", [&] {
      const auto e = erpc::sap::map_gateway_error(res, kind, now_unix_ms, {"M8/108"},
                                                  [](std::string_view p) {
                                                    return "/" + std::string(p.substr(0, 32));
                                                  });
      require_error_of(e, "sap.");
    });
    guarded("sap.", [&] { read_values(erpc::sap::odata::entity_of(res, kind), 0); });
  }
  guarded("sap.", [&] {
    const auto page = erpc::sap::odata::collection_of(res);
    require(page.results.is_array());
  });

  if (const auto confirmation = erpc::sap::parse_journal_confirmation(body)) {
    (void)confirmation->posted();
    (void)confirmation->vendor_id();
    for (const auto& item : confirmation->log) {
      (void)erpc::sap::earlier_journal(item, confirmation->company_code);
    }
  }
  (void)erpc::sap::parse_soap_fault(body);

  const auto parsed = nlohmann::json::parse(body, nullptr, false);
  if (!parsed.is_discarded()) read_values(parsed, 0);
  return 0;
}

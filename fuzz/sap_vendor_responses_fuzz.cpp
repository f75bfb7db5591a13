// SPDX-License-Identifier: Apache-2.0
// What the SAP S/4HANA adapter reads from the vendor (vendors.md §2): OData answers, Gateway
// error bodies, the `sap-message` warning header, Retry-After, the journal entry SOAP
// confirmation and SOAP faults, OData dates and decimals. A vendor answering garbage must get a
// clear erpc::error with a stable `sap.*` code, never a crash, a hang or a foreign exception.
//
// Input: byte 0 picks the HTTP status (and, bit 7, whether X-CSRF-Token says Required); the
// bytes up to the first '\n' are the value of the `sap-message` and `Retry-After` headers; the
// rest is the body.
#include "gateway_errors.hpp"
#include "journal_soap.hpp"
#include "odata_values.hpp"

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

constexpr std::array<int, 16> statuses{200, 201, 204, 400, 401, 403, 404, 409,
                                       412, 428, 429, 500, 501, 502, 503, 504};
constexpr std::int64_t now_unix_ms = 1'772'323'200'000;  // 2026-03-01T00:00:00Z

void require(bool holds) {
  if (!holds) std::abort();
}

// An error the adapter would hand to the host: one of its own codes, a known class.
void require_sap_error(const erpc::error& e) {
  require(e.code().rfind("sap.", 0) == 0);
  require(!e.message().empty());
  if (e.retry_after_ms()) require(*e.retry_after_ms() >= 0);
}

// Runs `read`; an erpc::error must be one of the adapter's; anything else is a bug.
template <class Read>
void guarded(Read&& read) {
  try {
    read();
  } catch (const erpc::error& e) {
    require_sap_error(e);
  }
}

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
                 {"sap-message", std::string(header)},
                 {"Retry-After", std::string(header)}};
  if ((data[0] & 0x80) != 0) res.headers.emplace_back("X-CSRF-Token", "Required");
  res.body = std::string(body);

  (void)erpc::sap::parse_gateway_error(body);
  (void)erpc::sap::parse_sap_message(res);
  (void)erpc::sap::is_csrf_refusal(res);
  for (const auto kind : {erpc::sap::call_kind::read, erpc::sap::call_kind::write}) {
    guarded([&] {
      const auto e = erpc::sap::map_gateway_error(res, kind, now_unix_ms, {"M8/108"},
                                                  [](std::string_view p) {
                                                    return "/" + std::string(p.substr(0, 32));
                                                  });
      require_sap_error(e);
    });
    guarded([&] { read_values(erpc::sap::odata::entity_of(res, kind), 0); });
  }
  guarded([&] {
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

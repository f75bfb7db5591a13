// SPDX-License-Identifier: Apache-2.0
// SAP answers → the erpconnect taxonomy (docs/errors.md). OData refusals carry the SAP Gateway
// body `{"error":{"code","message":{"lang","value"},"innererror":{…,"errordetails":[…]}}}`
// (vendors.md §2.4); warnings on a success come in the `sap-message` header; the journal SOAP
// service reports a failed posting inside HTTP 200 (journal_soap.hpp) and a SOAP fault as 500.
// The class comes from the status, and for the duplicate-invoice message from the code.
#pragma once

#include <erpc/error.hpp>
#include <erpc/http_client.hpp>

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace erpc::sap {

struct gateway_message {
  std::string code;      // T100 class/number, e.g. M8/108
  std::string message;
  std::string target;    // property (errordetails target or propertyref), may be empty
  std::string severity;  // error | warning | info | success
};

struct gateway_error_body {
  gateway_message main;                  // error.code, error.message.value
  std::vector<gateway_message> details;  // innererror.errordetails
  std::string transaction_id;            // innererror.transactionid
};

// nullopt when the body is not a Gateway error document.
std::optional<gateway_error_body> parse_gateway_error(std::string_view body);

// The messages of a `sap-message` header ({"code","message","severity","target","details":[…]});
// empty when absent or unreadable (a warning header never fails a call).
std::vector<gateway_message> parse_sap_message(const http_response& response);

// Whether a write may have reached SAP's database: decides 5xx → OUTCOME_UNKNOWN (write, effect
// possible) or UNAVAILABLE (read, effect none).
enum class call_kind { read, write };

// A property name ("SupplierInvoiceIDByInvcgParty", "to_SupplierInvoiceItemGLAcct/1/GLAccount")
// → a JSON pointer into the canonical payload; "" when there is none better than the document.
using property_translator = std::function<std::string(std::string_view property)>;

// 403 with `X-CSRF-Token: Required` (vendors.md §2.2): the token is missing, invalid or expired.
bool is_csrf_refusal(const http_response& response);

// The error for a complete response that is not a success. `now_unix_ms` resolves an HTTP-date
// Retry-After. Codes: `sap.http_<status>`, `sap.duplicate_invoice` (a code from
// `duplicate_codes`), `sap.csrf_token_required`; the Gateway code goes to vendor.code.
error map_gateway_error(const http_response& response, call_kind kind, std::int64_t now_unix_ms,
                        const std::vector<std::string>& duplicate_codes = {},
                        const property_translator& to_pointer = {});

// A success body that cannot be read (not JSON, not the expected shape).
error malformed_response(std::string_view what, call_kind kind, int http_status);

}  // namespace erpc::sap

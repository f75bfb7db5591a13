// SPDX-License-Identifier: Apache-2.0
// OBErrorResponse1 (vendors.md §8.3) read, and every non-2xx answer mapped to the taxonomy
// (docs/errors.md, section "UK Open Banking adapter"). Codes are "openbanking_uk." + the
// OBError1 ErrorCode (e.g. openbanking_uk.UK.OBIE.Field.Missing), or a status code of the
// adapter's own when the body names none (openbanking_uk.http_<status>).
#pragma once

#include <erpc/error.hpp>
#include <erpc/http_client.hpp>

#include <nlohmann/json.hpp>

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace erpc::openbanking {

struct ob_error_item {
  std::string error_code;  // UK.OBIE.Field.Missing …
  std::string message;
  std::string path;  // Data.Initiation.InstructedAmount.Amount, "" when absent
};

struct ob_error_response {
  std::string code;  // "400 BadRequest"
  std::string id;
  std::string message;
  std::vector<ob_error_item> errors;
};

// nullopt when the body is not an OBErrorResponse1 (HTML, empty, another JSON).
std::optional<ob_error_response> parse_ob_error(const std::string& body);

// What the failed request was: a POST that may create (consent or payment) or a read.
enum class call_step { consent, payment, read };

// OB JSON path of an OBError1 → JSON pointer into the canonical payload ("" when unknown).
using pointer_mapper = std::function<std::string(const std::string& ob_path)>;

// The taxonomy error for a non-2xx answer (after the adapter's one token refresh on 401).
//   400 Field.*                      VALIDATION, field errors with mapped pointers
//   400 Unsupported.*                UNSUPPORTED, field errors
//   400/409 ConsentMismatch, Rules.DuplicateReference, Rules.ResourceAlreadyExists
//                                    on the consent step: IDEMPOTENCY_KEY_REUSE (the bank met
//                                    the key with another body, vendors.md §8.2); else CONFLICT
//   400 InvalidConsentStatus         CONFLICT (the consumed-consent guard; the connection
//                                    turns it into a read-back first)
//   400 Resource.NotFound, 404       NOT_FOUND
//   400 Rules.AfterCutOffDateTime    VALIDATION
//   400 Header.*, Resource.InvalidFormat, Signature.*  CONFIGURATION (how the adapter or its
//                                    signing is set up, not the payload)
//   401, 400 Reauthenticate          AUTHENTICATION
//   403                              PERMISSION
//   429                              RATE_LIMITED, retry_after_ms from Retry-After
//   503                              RATE_LIMITED with Retry-After, else UNAVAILABLE; effect none
//   500/502/504 and other 5xx        write: OUTCOME_UNKNOWN, effect possible; read: UNAVAILABLE
//   anything else                    INTERNAL
error map_ob_error(const http_response& res, call_step step, std::int64_t now_ms,
                   const pointer_mapper& pointers = {});

// A 2xx whose body the adapter cannot read: INTERNAL; a write's effect is possible (the bank
// answered 2xx, so it did commit).
error malformed_answer(const std::string& what, call_step step, int status);

}  // namespace erpc::openbanking

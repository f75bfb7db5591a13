// SPDX-License-Identifier: Apache-2.0
// OBErrorResponse1 (vendors.md §8.3): {"Code": "400 BadRequest", "Id", "Message", "Errors":
// [{"ErrorCode", "Message", "Path"?}]}, and the answers the simulator builds from it.
#pragma once

#include <erpc/host/server_response.hpp>

#include <string>

namespace erpc::sim::openbanking {

// A v3.1.11 ErrorCode (vendors.md §8.3).
namespace codes {
inline constexpr const char* field_missing = "UK.OBIE.Field.Missing";
inline constexpr const char* field_invalid = "UK.OBIE.Field.Invalid";
inline constexpr const char* header_missing = "UK.OBIE.Header.Missing";
inline constexpr const char* header_invalid = "UK.OBIE.Header.Invalid";
inline constexpr const char* consent_mismatch = "UK.OBIE.Resource.ConsentMismatch";
inline constexpr const char* invalid_consent_status = "UK.OBIE.Resource.InvalidConsentStatus";
inline constexpr const char* invalid_format = "UK.OBIE.Resource.InvalidFormat";
inline constexpr const char* not_found = "UK.OBIE.Resource.NotFound";
inline constexpr const char* duplicate_reference = "UK.OBIE.Rules.DuplicateReference";
inline constexpr const char* resource_already_exists = "UK.OBIE.Rules.ResourceAlreadyExists";
}  // namespace codes

// One OBError1 in an OBErrorResponse1 answer with `status` (400, 404, 409…). `path` may be empty.
server_response ob_error(unsigned status, const std::string& error_code, const std::string& message,
                         const std::string& path = {});

// A random RFC 4122 version-4 UUID (x-fapi-interaction-id, resource ids, error Id).
std::string random_uuid();

}  // namespace erpc::sim::openbanking

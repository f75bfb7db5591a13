// SPDX-License-Identifier: Apache-2.0
// SAP Gateway error answers (vendors.md §2.4): the OData v2 error body
//   {"error":{"code","message":{"lang","value"},"innererror":{"application":{…},
//    "transactionid","timestamp","Error_Resolution":{…},"errordetails":[…]}}}
// and the `sap-message` header that carries warnings on a successful call.
//
// `code` is the Gateway form <message class>/<number>. Where vendors.md gives a code (M8/108 for
// the duplicate invoice, illustrative there) the simulator uses it; where the vendor's code is
// not known the simulator uses its own class ZERPC_SIM (SAP's customer namespace), so nothing
// pretends to be a vendor fact. The codes are listed in docs/simulators-sap.md.
#pragma once

#include <erpc/host/server_response.hpp>

#include <nlohmann/json.hpp>

#include <stdexcept>
#include <string>
#include <vector>

namespace erpc::sim::sap {

struct gateway_message {
  std::string code;
  std::string message;
  std::string severity = "error";  // info | warning | error
  std::string target;              // property path, "" for the whole request
};

// Which Gateway service answered, for innererror.application.
struct gateway_service {
  std::string service_id;    // "API_SUPPLIERINVOICE_PROCESS_SRV"
  std::string component_id;  // "MM-IV-LIV"
};

class gateway_error : public std::runtime_error {
 public:
  // `details` empty: errordetails repeats the main message, as Gateway does for a single one.
  gateway_error(unsigned status, std::string code, std::string message,
                std::vector<gateway_message> details = {});

  unsigned status() const noexcept { return status_; }
  const std::string& code() const noexcept { return code_; }
  const std::string& text() const noexcept { return text_; }
  const std::vector<gateway_message>& details() const noexcept { return details_; }

 private:
  unsigned status_;
  std::string code_;
  std::string text_;
  std::vector<gateway_message> details_;
};

nlohmann::json gateway_error_body(const gateway_error& e, const gateway_service& service);
server_response gateway_error_response(const gateway_error& e, const gateway_service& service);

// The `sap-message` header value: {"code","message","severity","target","details":[…]} for the
// first message, the rest as details (Gateway puts one leading message and its followers there).
std::string sap_message_header(const std::vector<gateway_message>& messages);

// Codes of the simulator's own message class (see the file comment).
namespace codes {
inline constexpr const char* unknown_property = "ZERPC_SIM/001";
inline constexpr const char* invalid_value = "ZERPC_SIM/002";
inline constexpr const char* value_too_long = "ZERPC_SIM/003";
inline constexpr const char* malformed_body = "ZERPC_SIM/004";
inline constexpr const char* not_found = "ZERPC_SIM/005";
inline constexpr const char* bad_query = "ZERPC_SIM/006";
inline constexpr const char* method_not_allowed = "ZERPC_SIM/007";
inline constexpr const char* missing_field = "ZERPC_SIM/008";
inline constexpr const char* unknown_supplier = "ZERPC_SIM/009";
inline constexpr const char* wrong_status = "ZERPC_SIM/010";
inline constexpr const char* json_only = "ZERPC_SIM/011";
inline constexpr const char* duplicate_key = "ZERPC_SIM/012";
}  // namespace codes

}  // namespace erpc::sim::sap

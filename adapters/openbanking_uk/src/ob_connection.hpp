// SPDX-License-Identifier: Apache-2.0
// One UK Open Banking connection and its canonical operations (README "Objects"):
//   Payment        create → POST domestic-payment-consents, GET the consent, POST domestic-payments
//                  get    → GET domestic-payments/{DomesticPaymentId} → Payment
//                  status → GET domestic-payments/{DomesticPaymentId} → PaymentStatus, the OB
//                           status mapped to the canonical lifecycle (BANKING.md)
#pragma once

#include "ob_client.hpp"

#include <erpc/adapter.hpp>

namespace erpc::openbanking {

class ob_connection final : public connection {
 public:
  ob_connection(host_ref host, connection_config config, call_context& ctx);

  result execute(const request& req, call_context& ctx) override;

 private:
  result create_payment(const request& req, call_context& ctx);
  // The consumed consent met on a replay after the key's validity (the guard).
  result consumed_consent(const std::string& consent_id, const nlohmann::json& initiation,
                          const request& req, call_context& ctx);
  nlohmann::json read_consent(const std::string& consent_id, call_context& ctx);
  nlohmann::json read_payment(const std::string& payment_id, call_context& ctx);

  ob_client client_;
};

}  // namespace erpc::openbanking

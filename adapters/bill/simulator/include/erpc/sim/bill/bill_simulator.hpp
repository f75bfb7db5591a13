// SPDX-License-Identifier: Apache-2.0
// The BILL v3 API simulator (vendors.md §10.2; docs/simulators-bill.md has every setting).
// Every path is under /connect/v3/:
//   login                      POST {username, password, organizationId} + `devKey` header
//                              → {sessionId, organizationId, userId}
//   vendors                    POST create (id prefixed 009), GET list (filters, max, page)
//   vendors/{id}               GET
//   bills                      POST create, GET list; bills/{id} GET
//   payments                   POST a single payment against a bill, GET list; payments/{id} GET
//   payments/mass              POST an asynchronous batch → {paymentBatchId}
//   payments/mass/{id}         GET the batch's status and its payments
// Every call but login carries `devKey` and `sessionId`; a session expires after a setting's
// idle time (BDC_1109). Errors are the v3 array [{timestamp, code, severity, category,
// message}]. BDC_1322 (3 concurrent per organisation) and BDC_1144 (hourly) are settings, with
// their HTTP status. What §10.2 marks unconfirmed — invoice fields top level or nested, an
// idempotency key, duplicate-bill detection — is a setting, off by default.
#pragma once

#include <erpc/sim/vendor_simulator.hpp>

#include <memory>

namespace erpc::sim::bill {

class bill_simulator final : public vendor_simulator {
 public:
  bill_simulator();
  ~bill_simulator() override;

  std::string_view vendor() const override { return "bill"; }
  std::vector<setting_spec> settings() const override;
  void install(http_router& router, simulator_context& context) override;
  void reset() override;
  void settle() override;

 private:
  struct impl;
  std::unique_ptr<impl> impl_;
};

std::unique_ptr<vendor_simulator> make_bill_simulator();

}  // namespace erpc::sim::bill
